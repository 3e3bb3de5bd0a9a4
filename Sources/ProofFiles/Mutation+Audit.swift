import Exact
import Symbolic

extension Mutation {
    /// Counts of a mutation run.
    public struct Summary: Codable, Sendable {
        public var tried = 0
        /// Refuted by the checker.
        public var killed = 0
        /// Proved by the checker and not contradicted by the independent audit: the mutant is
        /// (as far as exact evaluation at many points shows) still true.
        public var survivedTrue = 0
        public var undecided = 0
        /// Proved by the checker but false at an exact point: must stay 0.
        public var falseProofs = 0
        /// Mutants that could not be elaborated (a change made them ill-formed).
        public var malformed = 0

        public init() {}

        public mutating func add(_ other: Summary) {
            tried += other.tried; killed += other.killed; survivedTrue += other.survivedTrue
            undecided += other.undecided; falseProofs += other.falseProofs; malformed += other.malformed
        }
    }

    /// Mutates every claim of a file that is expected to be proved, at most `limit` mutants
    /// per claim; returns the counts and a line for every false proof.
    public static func run(path: String, source: String, limit: Int = 40) -> (Summary, [String]) {
        var summary = Summary()
        var falseProofs: [String] = []
        guard let file = try? ProofFileParser.parse(source) else { return (summary, []) }
        var declared: [String: RangeSyntax] = [:]
        for (index, statement) in file.statements.enumerated() {
            if case let .parameter(name, range, _) = statement { declared[name] = range }
            guard case let .claim(claim) = statement, !claim.expectRefuted, !claim.expectUndecided else { continue }
            let prefix = Array(file.statements[..<index])
            for mutant in mutants(of: claim, declared: declared).prefix(limit) {
                summary.tried += 1
                guard let document = try? Elaborator.elaborate(ProofFileSyntax(statements: prefix + [.claim(mutant)])),
                      let elaborated = document.claims.last else {
                    summary.malformed += 1
                    continue
                }
                let outcome = Checker(document).check(elaborated)
                switch outcome.status {
                case .refuted: summary.killed += 1
                case .undecided, .observed, .notObserved: summary.undecided += 1
                case .proved:
                    if let counterexample = audit(elaborated, in: document) {
                        summary.falseProofs += 1
                        falseProofs.append("\(path):\(claim.location.line): mutant proved but false at \(counterexample): \(describe(mutant))")
                    } else {
                        summary.survivedTrue += 1
                    }
                }
            }
        }
        return (summary, falseProofs)
    }

    static func describe(_ claim: ClaimSyntax) -> String {
        switch claim.assertion {
        case .chain(let terms, let relations):
            var text = "\(terms[0].parenthesized)"
            for (r, t) in zip(relations, terms.dropFirst()) { text += " \(r.rawValue) \(t.parenthesized)" }
            return text
        default:
            return claim.text
        }
    }

    /// An exact point where a claim the checker proved is false, or nil: the claim is
    /// evaluated exactly (substitution and constant folding, not the prover's cell
    /// decomposition) at 50 rational points spread over its range and near its ends.
    public static func audit(_ claim: ElaboratedClaim, in document: Document) -> String? {
        let c: Claim
        switch claim.kind {
        case .comparisons(let comparisons): c = comparisons
        case .feasible(let p): c = Checker(document).feasibilityClaim(p)
        default: return nil
        }
        switch claim.quantifier {
        case .none:
            if case .fails = c.truth(at: [:]) { return "the claim itself" }
            return nil
        case .forAll(let range):
            return samples(in: range).first { q in
                if case .fails = c.truth(at: [range.name: Constant(q)]) { return true }
                return false
            }.map { "\(range.name) = \($0)" }
        case .forSmall(let name):
            let tiny = (1 ... 4).map { Rational(1).timesPowerOfTwo(-40 * $0) }
            let failing = tiny.filter { q in
                if case .fails = c.truth(at: [name: Constant(q)]) { return true }
                return false
            }
            return failing.count == tiny.count ? "\(name) = 2^-40, …, 2^-160" : nil
        case .forIntegers(let range):
            let start = range.lower?.value.rationalValue?.ceiling ?? BigInt(0)
            for k in 0 ..< 20 {
                let m = Rational(start + BigInt(k))
                if case .fails = c.truth(at: [range.name: Constant(m)]) { return "\(range.name) = \(m)" }
            }
            return nil
        }
    }

    /// Rational points strictly inside the range, spread evenly and crowding both ends.
    static func samples(in range: ParameterRange) -> [Rational] {
        let lo = range.lower.map { $0.value.enclosure(bits: 64).upper } ?? (range.upper.map { $0.value.enclosure(bits: 64).lower - 10 } ?? -10)
        let hi = range.upper.map { $0.value.enclosure(bits: 64).lower } ?? lo + 20
        guard lo < hi else { return [] }
        let width = hi - lo
        var points = (1 ..< 40).map { lo + width * Rational($0, 40) }
        for j in 2 ... 6 {
            let step = width / Rational(BigInt(10).power(j))
            points += [lo + step, hi - step]
        }
        return points.filter { range.contains(RealAlgebraic($0)) }
    }
}
