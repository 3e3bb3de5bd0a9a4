import Exact
import Symbolic

/// Systematic small changes of a proof file's claims, used to test that the checker never
/// proves something false (issue 7's soundness suite).
///
/// Single-site changes: each number literal q becomes q ± 10⁻ᵏ (k = 1, 3, 6) and −q (in an
/// exponent q ± 1, so that degrees stay small); each
/// binary `+`/`−` is swapped and each unary minus dropped; each relation of a chain is made
/// strict or non-strict and turned around (`<` becomes `<=` and `>`); each end of a `for all`
/// range is widened by 10⁻ᵏ (k = 1, 3) and an open end is closed (the claim must then hold at
/// the end itself, often a split point of the construction); each integer parameter's bound is
/// shifted by ±1/2 and −1 and made strict or non-strict; the printed multipliers of a KKT
/// claim are perturbed like any other numbers. Every mutant is checked; a mutant the checker
/// calls *proved* is then checked independently (`Mutation.audit`) by exact evaluation at many
/// rational points of its range and at its closed ends. A proved mutant that fails at such a
/// point is a **false proof** — the one kind of bug this project must never have.
public enum Mutation {
    /// The distances a constant is moved by: 1/10, 1/1000, 1/10⁶.
    static let steps = [1, 3, 6].map { Rational(BigInt(1), BigInt(10).power($0)) }

    /// The mutants of one expression: every single-site change.
    static func mutants(of e: ExprSyntax) -> [ExprSyntax] {
        switch e {
        case let .number(text, at):
            guard let q = Rational(parsing: text) else { return [] }
            var changed = steps.flatMap { [q + $0, q - $0] }
            if !q.isZero { changed.append(-q) }
            return changed.map { literal($0, at) }
        case .name:
            return []
        case let .call(f, args, at):
            return args.indices.flatMap { i in mutants(of: args[i]).map { .call(f, replacing(args, at: i, with: $0), at) } }
        case let .negate(x, at):
            return [x] + mutants(of: x).map { .negate($0, at) }
        case let .binary(.power, l, r, at):
            return mutants(of: l).map { .binary(.power, $0, r, at) } + exponentMutants(of: r).map { .binary(.power, l, $0, at) }
        case let .binary(op, l, r, at):
            var result = mutants(of: l).map { ExprSyntax.binary(op, $0, r, at) }
                + mutants(of: r).map { ExprSyntax.binary(op, l, $0, at) }
            if op == .add { result.append(.binary(.subtract, l, r, at)) }
            if op == .subtract { result.append(.binary(.add, l, r, at)) }
            return result
        case let .tuple(items, at):
            return items.indices.flatMap { i in mutants(of: items[i]).map { .tuple(replacing(items, at: i, with: $0), at) } }
        case let .member(base, name, at):
            return mutants(of: base).map { .member($0, name, at) }
        case let .index(base, k, at):
            return mutants(of: base).map { .index($0, k, at) }
        }
    }

    /// The mutants of an exponent: its literals moved by ±1 (not by 10⁻ᵏ: `3^(2/5 + 10⁻⁶)` has
    /// degree 5·10⁵, a change of size, not of value).
    static func exponentMutants(of e: ExprSyntax) -> [ExprSyntax] {
        switch e {
        case let .number(text, at):
            guard let q = Rational(parsing: text) else { return [] }
            return [q + 1, q - 1].map { literal($0, at) }
        case let .negate(x, at):
            return [x] + exponentMutants(of: x).map { .negate($0, at) }
        case let .binary(op, l, r, at) where op != .power:
            return exponentMutants(of: l).map { .binary(op, $0, r, at) } + exponentMutants(of: r).map { .binary(op, l, $0, at) }
        default:
            return []
        }
    }

    /// The literal for q: a number, negated when q < 0 (literals carry no sign).
    static func literal(_ q: Rational, _ at: SourceLocation) -> ExprSyntax {
        q.signum < 0 ? .negate(.number((-q).description, at), at) : .number(q.description, at)
    }

    static func replacing<T>(_ items: [T], at i: Int, with item: T) -> [T] {
        var changed = items
        changed[i] = item
        return changed
    }

    /// The relations a relation is changed to: its strict or non-strict twin, and its reverse.
    static func mutants(of r: Relation) -> [Relation] {
        switch r {
        case .equal: [.notEqual, .less, .greater]
        case .notEqual: [.equal]
        case .less: [.lessOrEqual, .greater]
        case .lessOrEqual: [.less, .greaterOrEqual]
        case .greater: [.greaterOrEqual, .less]
        case .greaterOrEqual: [.greater, .lessOrEqual]
        }
    }

    /// The ranges a `for all` range is changed to: each end widened by 1/10 and 1/1000, and
    /// each open end closed.
    static func mutants(of range: RangeSyntax) -> [RangeSyntax] {
        let at = range.location
        func make(_ lower: ExprSyntax, _ upper: ExprSyntax, _ lowerClosed: Bool, _ upperClosed: Bool) -> RangeSyntax {
            RangeSyntax(lower: lower, upper: upper, lowerClosed: lowerClosed, upperClosed: upperClosed, location: at)
        }
        var result: [RangeSyntax] = []
        for step in steps.prefix(2) {
            let delta = ExprSyntax.number(step.description, at)
            result.append(make(range.lower, .binary(.add, range.upper, delta, at), range.lowerClosed, range.upperClosed))
            result.append(make(.binary(.subtract, range.lower, delta, at), range.upper, range.lowerClosed, range.upperClosed))
        }
        if !range.lowerClosed { result.append(make(range.lower, range.upper, true, range.upperClosed)) }
        if !range.upperClosed { result.append(make(range.lower, range.upper, range.lowerClosed, true)) }
        return result
    }

    /// The bounds an integer parameter's bound is changed to: shifted by ±1/2 (an integer
    /// bound becomes a non-integer one and back), by −1, and made strict or non-strict.
    static func mutants(of bound: IntegerBoundSyntax) -> [IntegerBoundSyntax] {
        let at = bound.value.location
        let half = ExprSyntax.binary(.divide, .number("1", at), .number("2", at), at)
        let shifted = [ExprSyntax.binary(.add, bound.value, half, at), .binary(.subtract, bound.value, half, at),
                       .binary(.subtract, bound.value, .number("1", at), at)]
        return shifted.flatMap { [IntegerBoundSyntax(value: $0, isStrict: false), IntegerBoundSyntax(value: $0, isStrict: true)] }
            + [IntegerBoundSyntax(value: bound.value, isStrict: !bound.isStrict)]
    }

    /// The mutants of a claim: its expressions' and relations' mutants, and its `for all`
    /// range's (the declared range when the claim names none) or integer bound's (the declared
    /// bound when the claim names none).
    static func mutants(of claim: ClaimSyntax, declared: [String: RangeSyntax],
                        integers: [String: IntegerBoundSyntax] = [:]) -> [ClaimSyntax] {
        func with(_ a: AssertionSyntax, _ q: QuantifierSyntax) -> ClaimSyntax {
            ClaimSyntax(label: claim.label, assertion: a, quantifier: q, expectRefuted: claim.expectRefuted,
                        location: claim.location, text: claim.text)
        }
        var result: [ClaimSyntax] = []
        switch claim.assertion {
        case let .chain(terms, relations):
            for i in terms.indices {
                result += mutants(of: terms[i]).map { with(.chain(replacing(terms, at: i, with: $0), relations), claim.quantifier) }
            }
            for i in relations.indices {
                result += mutants(of: relations[i]).map { with(.chain(terms, replacing(relations, at: i, with: $0)), claim.quantifier) }
            }
        case let .kktPoint(point, multipliers?):
            result += mutants(of: multipliers).map { with(.kktPoint(point: point, multipliers: $0), claim.quantifier) }
        default:
            break
        }
        switch claim.quantifier {
        case let .forAll(name, nil, at) where integers[name] != nil:
            result += mutants(of: integers[name]!).map { with(claim.assertion, .forAllIntegers(name, $0, at)) }
        case let .forAllIntegers(name, bound, at):
            result += mutants(of: bound).map { with(claim.assertion, .forAllIntegers(name, $0, at)) }
        case let .forAll(name, written, at):
            if let range = written ?? declared[name] {
                result += mutants(of: range).map { with(claim.assertion, .forAll(name, $0, at)) }
            }
        default:
            break
        }
        return result
    }
}
