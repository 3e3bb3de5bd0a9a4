import Exact
import Networks
import Symbolic

/// The local optimality of a feasible point θ̃ for a max-margin problem
///
///     minimize ½‖θ_V‖²  subject to  yᵢΦ(θ; xᵢ) ≥ 1 for every i,
///
/// where only the coordinates V (`free`) of θ move and the others stay at θ̃ (all of θ for
/// problem (2); one layer for problem (4)), decided by the mathematics of piecewise
/// polynomial programs, for any network `Network` expresses (any depth; linear, ReLU and
/// leaky-ReLU layers; sparse or shared weights; skip connections and biases).
///
/// **Pieces.** Near θ̃ every pre-activation that is not 0 keeps its sign, and constraints that
/// are slack stay slack. A kink is a kinked neuron whose input is 0 on an *active* example
/// (yᵢΦ(θ̃; xᵢ) = 1). A piece P chooses a side (active or not) for every kink; on it every
/// active margin is a polynomial mᵢᴾ(θ) (the network evaluated on the frozen pieces) and its
/// region is cut out by the polynomial inequalities sₖzₖᴾ(θ) ≥ 0 (zₖᴾ the kink's input, sₖ = ±1
/// its side). Every θ near θ̃ lies in the region of the piece its own signs choose, where the
/// true margins equal the piece's polynomials. Hence θ̃ is a local optimum as soon as it is one
/// of every piece's program
///
///     (Pᴾ)  minimize ½‖θ_V‖²  s.t.  mᵢᴾ(θ) − 1 ≥ 0 (active i),  sₖzₖᴾ(θ) ≥ 0 (every kink),
///
/// and the pieces tested are those `KinkArrangement` enumerates: every θ near θ̃ lies in the
/// closed region of one of them (a piece whose region is thin or empty near θ̃ only shrinks
/// (Pᴾ)'s feasible set, and a constraint whose expansion vanishes to second order is dropped:
/// both only relax, so a proof stays a proof).
///
/// **Proof: the second-order sufficient condition** (Nocedal–Wright, *Numerical Optimization*,
/// 2nd ed., Thm 12.6; Bonnans–Shapiro, *Perturbation Analysis of Optimization Problems*,
/// Thm 3.63): for a program min f s.t. gⱼ ≥ 0 with C² data, if θ̃ is feasible, multipliers
/// λ ≥ 0 satisfy ∇f(θ̃) = Σⱼ λⱼ∇gⱼ(θ̃) over the active constraints, and
/// dᵀ(∇²f − Σⱼλⱼ∇²gⱼ)(θ̃) d > 0 for every d ≠ 0 of the critical cone
/// C = {d : ∇gⱼ·d = 0 where λⱼ > 0, ∇gⱼ·d ≥ 0 for the other active j}, then θ̃ is a strict
/// local minimizer. No constraint qualification is needed for this *sufficient* condition:
/// its proof takes feasible θₖ → θ̃ with f(θₖ) ≤ f(θ̃), whose directions tend to a unit d that
/// is tangent to the feasible set, hence lies in the linearized cone (always true, without a
/// CQ) and, as f does not increase, in C; the Taylor expansion of the Lagrangian along θₖ then
/// contradicts the curvature condition. A CQ is needed only for the *necessary* conditions,
/// which are not used for a proof here. The multipliers come from an exact LP, and strict
/// copositivity of the Hessian of the Lagrangian on C from `ConeCopositivity`.
///
/// **Refutation: a verified arc.** Where a piece fails the first-order test (a Farkas vector is
/// a linearized descent direction) or the second-order test (a direction of non-positive
/// curvature in C), an arc θ(s) = θ̃ + s·d + s²·z is built (z from an exact LP making every
/// constraint that is flat along d increase at second order, and the objective decrease) and
/// handed to the `Prover` on the *true* network (with its ReLUs, not the piece's polynomial):
/// "not a local optimum" is said only when the prover shows θ(s) feasible and ‖θ(s)‖ < ‖θ̃‖
/// for every s in (0, s₀). θ(s) → θ̃ as s → 0 by construction.
///
/// **Undecided** otherwise, naming the piece and, for a flat direction (zero curvature on C
/// that no second-order arc turns into a decrease), the direction and the order reached (2).
public struct LocalOptimality<F: OrderedField & SignedNetworkScalar>: Sendable {
    public let network: Network
    public let data: [LabeledPoint<F>]
    /// θ̃.
    public let point: [F]
    /// V: the coordinates of θ that move, ascending.
    public let free: [Int]

    /// Precondition: θ̃ is a point of the network, `free` indices of it.
    public init(network: Network, data: [LabeledPoint<F>], point: [F], free: [Int]) {
        precondition(point.count == network.parameterCount && free.allSatisfy { point.indices.contains($0) },
                     "point shape")
        self.network = network
        self.data = data
        self.point = point
        self.free = free
    }

    /// A kinked neuron whose input is 0 at θ̃ on an active example.
    public struct Kink: Hashable, Sendable, CustomStringConvertible {
        public let example: Int
        public let neuron: Neuron
        public var description: String { "\(neuron) on x\(example + 1)" }
    }
}

/// A constraint of a piece's program, active at θ̃, with its second-order expansion there.
struct PieceConstraint<F: OrderedField & SignedNetworkScalar> {
    enum Role { case margin(example: Int), region(LocalOptimality<F>.Kink, active: Bool) }
    let role: Role
    let expansion: SecondOrderJet<F>
}

extension LocalOptimality {
    /// The active examples: yᵢΦ(θ̃; xᵢ) = 1.
    var activeExamples: [Int] {
        network.margins(point, on: data).enumerated().filter { $0.element == 1 }.map(\.offset)
    }

    /// The kinks of example i: its zero-input kinked neurons that θ_V can move (a neuron
    /// below every free coordinate has a constant input, so its side does not matter).
    func kinks(example i: Int) -> [Kink] {
        let trace = network.trace(point, data[i].x)
        let lowest = free.compactMap { k in network.layers.firstIndex { $0.parameterIndices.contains(k) } }.min() ?? 0
        return network.zeroPreActivations(trace).filter { $0.layer >= lowest }.map { Kink(example: i, neuron: $0) }
    }

    /// The constraints of example i's margin and kinks on the pieces given by `sides` (one
    /// flag per kink of the example: true for the active side).
    func constraints(example i: Int, kinks: [Kink], sides: [Bool]) -> [PieceConstraint<F>] {
        var frozen = network.activeNeurons(network.trace(point, data[i].x))
        for (kink, side) in zip(kinks, sides) { frozen[kink.neuron.layer][kink.neuron.index] = side }
        let freeSet = Set(free)
        let θ = point.enumerated().map { k, value in
            freeSet.contains(k) ? SecondOrderJet.variable(k, at: value) : SecondOrderJet(value: value)
        }
        let x = data[i].x.map { SecondOrderJet(value: $0) }
        let trace = network.trace(θ, x, frozen: frozen)
        let y = data[i].y[0]
        let margin = trace.output[0].scaled(by: y) - SecondOrderJet(value: .one)
        var result = [PieceConstraint(role: .margin(example: i), expansion: margin)]
        for (kink, side) in zip(kinks, sides) {
            let z = trace.preActivations[kink.neuron.layer][kink.neuron.index]
            result.append(PieceConstraint(role: .region(kink, active: side), expansion: side ? z : -z))
        }
        return result
    }
}
