import Exact
import Symbolic

/// Systematic small changes of a proof file's claims, used to test that the checker never
/// proves something false (issue 7's soundness suite).
///
/// Each number literal of a claim is moved by ±1/10 and ±1/1000 and negated, each `+`/`−` is
/// swapped, and the upper end of a `for all` range is widened by 1/10. Every mutant is checked;
/// a mutant the checker calls *proved* is then checked independently (`Mutation.audit`) by exact
/// evaluation at many rational points of its range. A proved mutant that fails at such a point
/// is a **false proof** — the one kind of bug this project must never have.
public enum Mutation {
    /// The mutants of one expression: every single-site change.
    static func mutants(of e: ExprSyntax) -> [ExprSyntax] {
        switch e {
        case let .number(text, at):
            guard let q = Rational(parsing: text) else { return [] }
            let steps = [Rational(1, 10), Rational(1, 1000)]
            var changed = steps.flatMap { [q + $0, q - $0] }
            if !q.isZero { changed.append(-q) }
            return changed.map { v in
                v.signum < 0 ? .negate(.number((-v).description, at), at) : .number(v.description, at)
            }
        case .name:
            return []
        case let .call(f, args, at):
            return args.indices.flatMap { i in mutants(of: args[i]).map { m in
                var a = args
                a[i] = m
                return .call(f, a, at)
            } }
        case let .negate(x, at):
            return [x] + mutants(of: x).map { .negate($0, at) }
        case let .binary(op, l, r, at):
            var result = mutants(of: l).map { ExprSyntax.binary(op, $0, r, at) }
                + mutants(of: r).map { ExprSyntax.binary(op, l, $0, at) }
            if op == .add { result.append(.binary(.subtract, l, r, at)) }
            if op == .subtract { result.append(.binary(.add, l, r, at)) }
            return result
        case let .tuple(items, at):
            return items.indices.flatMap { i in mutants(of: items[i]).map { m in
                var a = items
                a[i] = m
                return .tuple(a, at)
            } }
        case let .member(base, name, at):
            return mutants(of: base).map { .member($0, name, at) }
        case let .index(base, k, at):
            return mutants(of: base).map { .index($0, k, at) }
        }
    }

    /// The mutants of a claim: its expressions' mutants, and a widened `for all` range.
    static func mutants(of claim: ClaimSyntax, declared: [String: RangeSyntax]) -> [ClaimSyntax] {
        func with(_ a: AssertionSyntax, _ q: QuantifierSyntax) -> ClaimSyntax {
            ClaimSyntax(label: claim.label, assertion: a, quantifier: q, expectRefuted: claim.expectRefuted,
                        location: claim.location, text: claim.text)
        }
        var result: [ClaimSyntax] = []
        switch claim.assertion {
        case let .chain(terms, relations):
            for i in terms.indices {
                for m in mutants(of: terms[i]) {
                    var t = terms
                    t[i] = m
                    result.append(with(.chain(t, relations), claim.quantifier))
                }
            }
        case let .kktPoint(point, multipliers?):
            result += mutants(of: multipliers).map { with(.kktPoint(point: point, multipliers: $0), claim.quantifier) }
        default:
            break
        }
        if case let .forAll(name, written, at) = claim.quantifier, let range = written ?? declared[name] {
            let wider = RangeSyntax(lower: range.lower,
                                    upper: .binary(.add, range.upper, .number("1/10", range.location), range.location),
                                    lowerClosed: range.lowerClosed, upperClosed: range.upperClosed, location: range.location)
            result.append(with(claim.assertion, .forAll(name, wider, at)))
        }
        return result
    }
}
