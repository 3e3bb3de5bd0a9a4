import MarginCert

// A two-layer ReLU network Φ(θ; x) = v σ(w·x) on two inputs, and one example x = (1, 0), y = 1.
let network = Network.fullyConnected(widths: [2, 1, 1], activation: .relu)
let data = [LabeledPoint(x: [RealAlgebraic(1), RealAlgebraic(0)], label: RealAlgebraic(1))]
let problem = MaxMarginProblem(network: network, data: data)

// The point θ = (w, v) = ((1, 0), 1): margin y Φ(θ; x) = 1, every neuron balanced (‖w‖ = |v|).
let theta = network.parameters(["w": [RealAlgebraic(1), RealAlgebraic(0)], "v": [RealAlgebraic(1)]])

switch try problem.isKKTPoint(theta) {
case .kkt(let multipliers, _): print("KKT point, λ = \(multipliers)")
case let other: print("not shown a KKT point: \(other)")
}

switch try problem.localOptimum(theta) {
case .localOptimum(let why, _): print("local optimum: \(why)")
case .notLocalOptimum(_, let why, _): print("not a local optimum: \(why)")
case .notKKT(let why): print("not a local optimum (not a KKT point): \(why)")
case .undecided(let why, _): print("undecided: \(why)")
}

// A proof file, checked from Swift as `margincert check` does: every claim decided exactly.
let source = """
    title "A single neuron"
    network fully-connected relu 2 -> 1 -> 1
    data x1 = (1, 0), y1 = 1
    point p: w = (1, 0), v = (1)
    claim p is a KKT point
    parameter eps in (0, 1)
    point q(eps): w = (1 + eps, 0), v = (1)
    claim q is feasible for all eps
    claim norm(q)^2 > norm(p)^2 for all eps
    """
let file = Report.check(path: "neuron.proof", source: source, explain: false)
for claim in file.claims { print("line \(claim.line): \(claim.text) — \(claim.verdict.rawValue)") }
print(file.claims.allSatisfy(\.ok) ? "every claim holds" : "some claim does not hold")
