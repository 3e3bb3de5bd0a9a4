import Exact

/// An explicit Runge–Kutta method as data: the Butcher tableau (c, A, b) with an optional
/// embedded weight vector b̂ for error estimation, stored as exact rationals so that the
/// order conditions can be checked exactly (`ButcherTableau+OrderConditions.swift`); the
/// solver converts it to `Double` once.
public struct ButcherTableau: Sendable {
    public let name: String
    /// a[i] holds the i coefficients a_{i,0}, …, a_{i,i−1} of stage i (explicit: a_{ij} = 0, j ≥ i).
    public let a: [[Rational]]
    public let b: [Rational]
    /// The embedded (lower-order) weights, whose difference to `b` estimates the local error.
    public let embeddedB: [Rational]
    public let c: [Rational]
    /// The classical orders of `b` and of `embeddedB`.
    public let order: Int
    public let embeddedOrder: Int

    public init(name: String, a: [[Rational]], b: [Rational], embeddedB: [Rational], c: [Rational],
                order: Int, embeddedOrder: Int) {
        let s = b.count
        precondition(a.count == s && c.count == s && embeddedB.count == s, "tableau sizes")
        precondition(a.enumerated().allSatisfy { $0.element.count == $0.offset }, "tableau must be explicit")
        self.name = name
        self.a = a
        self.b = b
        self.embeddedB = embeddedB
        self.c = c
        self.order = order
        self.embeddedOrder = embeddedOrder
    }

    public var stageCount: Int { b.count }

    /// First same as last: the last stage is evaluated at the new state (a_{s−1,·} = b,
    /// c_{s−1} = 1), so it is the next step's first stage.
    public var isFirstSameAsLast: Bool { a.last! + [0] == b && c.last! == 1 }

    /// Dormand & Prince (1980), RK5(4)7FM: fifth-order solution, fourth-order embedded
    /// estimate, FSAL (Hairer–Nørsett–Wanner I, Table II.5.2).
    public static let dormandPrince = ButcherTableau(
        name: "Dormand–Prince 5(4)",
        a: [
            [],
            [q(1, 5)],
            [q(3, 40), q(9, 40)],
            [q(44, 45), q(-56, 15), q(32, 9)],
            [q(19372, 6561), q(-25360, 2187), q(64448, 6561), q(-212, 729)],
            [q(9017, 3168), q(-355, 33), q(46732, 5247), q(49, 176), q(-5103, 18656)],
            [q(35, 384), 0, q(500, 1113), q(125, 192), q(-2187, 6784), q(11, 84)],
        ],
        b: [q(35, 384), 0, q(500, 1113), q(125, 192), q(-2187, 6784), q(11, 84), 0],
        embeddedB: [q(5179, 57600), 0, q(7571, 16695), q(393, 640), q(-92097, 339200), q(187, 2100), q(1, 40)],
        c: [0, q(1, 5), q(3, 10), q(4, 5), q(8, 9), 1, 1],
        order: 5, embeddedOrder: 4)

    private static func q(_ p: Int, _ r: Int) -> Rational { Rational(p, r) }
}
