import Exact
import Networks
import Symbolic

extension LocalOptimality {
    /// The decision, with the evidence for `--explain`.
    public enum Decision: Sendable {
        /// Every piece passes the second-order sufficient condition.
        case localOptimum(pieces: [Piece])
        /// An arc into θ̃ of feasible, strictly shorter points, verified by the prover; `piece`
        /// is where it was found.
        case notLocalOptimum(arc: DescentArc, piece: Piece)
        case infeasible(constraint: Int, margin: F)
        /// `reason` names the piece (and direction) left open; `pieces` are those tested.
        case undecided(reason: String, pieces: [Piece])
    }
}

extension LocalOptimality where F == RealAlgebraic {
    /// Decides local optimality of θ̃: tests every piece (first order, then second order), and
    /// turns a failed test into an arc for the prover; see the type's documentation.
    /// Past a bound `Deadline`, throws `Unable`.
    public func decide() throws(Unable) -> Decision {
        let m = network.margins(point, on: data)
        if let i = m.indices.first(where: { m[$0] < 1 }) { return .infeasible(constraint: i, margin: m[i]) }
        guard let all = try pieces() else {
            return .undecided(reason: "the zero inputs of kinked neurons on active examples realize more than \(KinkArrangement<F>.maximumSignVectors) pieces, the most enumerated", pieces: [])
        }
        var tested: [Piece] = []
        var open: String?
        for (sides, constraints) in all {
            try Deadline.check(while: "testing piece \(tested.count + 1) of \(all.count) for local optimality")
            let piece = Piece(sides: sides, finding: try test(constraints))
            tested.append(piece)
            let direction: [F]
            switch piece.finding {
            case .secondOrder: continue
            case .tooManyRows(let k):
                open = open ?? "on \(piece), the critical cone has \(k) inequality rows, more than the \(ConeCopositivity<F>.maximumRows) enumerated"
                continue
            case .descent(let d):
                if let arc = try firstOrderArc(constraints) { return .notLocalOptimum(arc: arc, piece: piece) }
                direction = d
            case .curvature(_, let d, _): direction = d
            }
            if let arc = try arc(along: direction, constraints: constraints) {
                return .notLocalOptimum(arc: arc, piece: piece)
            }
            open = open ?? unresolved(piece)
        }
        if let open { return .undecided(reason: open, pieces: tested) }
        return .localOptimum(pieces: tested)
    }

    /// One line per piece: its sides and what decided it.
    public static func explanation(_ pieces: [Piece]) -> [String] {
        let show = { (v: [F]) in "(" + v.map { Constant($0).description }.joined(separator: ", ") + ")" }
        return pieces.map { piece in
            switch piece.finding {
            case let .secondOrder(λ, dimension):
                return "\(piece): KKT with multipliers \(show(λ)) (per active example: its margin, then its kinks); critical cone of dimension ≤ \(dimension); the Hessian of the Lagrangian is strictly copositive on it"
            case .descent(let d):
                return "\(piece): no KKT multipliers; linearized descent direction \(show(d))"
            case let .curvature(λ, d, value):
                return "\(piece): KKT with multipliers \(show(λ)); critical direction \(show(d)) with dᵀ∇²L d = \(Constant(value))"
            case .tooManyRows(let k):
                return "\(piece): critical cone with \(k) inequality rows, not enumerated"
            }
        }
    }

    /// Why a piece whose test failed is left open.
    func unresolved(_ piece: Piece) -> String {
        let show = { (v: [F]) in "(" + v.map { Constant($0).description }.joined(separator: ", ") + ")" }
        switch piece.finding {
        case .descent(let d):
            return "on \(piece), no KKT multipliers exist (linearized descent direction d = \(show(d)) over the free coordinates), but no arc along d was proved feasible and shorter"
        case let .curvature(_, d, value) where value.isZero:
            return "on \(piece), the direction d = \(show(d)) of the critical cone is flat to order 2 (dᵀ∇²L d = 0) and no arc θ̃ + s·d + s²·z was proved feasible and shorter; higher orders are not decided"
        case let .curvature(_, d, value):
            return "on \(piece), the critical direction d = \(show(d)) has curvature dᵀ∇²L d = \(Constant(value)) < 0, but no arc along it was proved feasible and shorter"
        case .secondOrder, .tooManyRows:
            return "on \(piece): open"
        }
    }
}
