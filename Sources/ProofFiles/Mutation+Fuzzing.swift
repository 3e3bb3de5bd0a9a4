import Exact
import Foundation

/// Fuzzing: random inputs for the whole pipeline (lex, parse, elaborate, check, render), built
/// from a seed, and the properties every input must keep.
///
/// Inputs are of three kinds, drawn evenly: a corpus file with a few of its tokens changed
/// (deleted, repeated, swapped, replaced by another token of the corpus or by a pathological
/// snippet such as `2^(10^9)`), so that most of the file still parses and the change reaches the
/// elaborator and the prover; a corpus file with a few bytes changed; and random bytes biased
/// towards the characters of the format. Input `i` of seed `s` depends on `(s, i)` only, so any
/// finding is reproduced by its seed and index.
extension Mutation {
    /// Text inserted by the token mutator: huge, deep, undefined and degenerate numbers.
    static let pathologicalSnippets = [
        "0", "-1", "1/0", "0^0", "(-1)^(1/2)", "2^(10^9)", "10^100000", "1e100000", "1e-100000",
        String(repeating: "9", count: 10_000), "sqrt(sqrt(sqrt(sqrt(sqrt(sqrt(sqrt(sqrt(2))))))))",
        "root(2, 1000000)", "relu(", ")", "(", ",", "eps", "for all", "for small", "expect refuted",
        "(0, 1)", "[0, 0]", "relu(eps - 1/3) + relu(eps - 2/3)", "2^-1000000", "0.0000000001",
    ]

    /// Input `index` of the fuzzing run `seed`, made from `corpus` (proof-file texts).
    public static func fuzzInput(seed: UInt64, index: UInt64, corpus: [String]) -> String {
        var rng = SplitMix64(seed: seed ^ (index &* 0x9E37_79B9_7F4A_7C15))
        let base = corpus.isEmpty ? "" : corpus[Int(rng.next() % UInt64(corpus.count))]
        switch rng.next() % 3 {
        case 0: return tokenMutant(of: base, corpus: corpus, using: &rng)
        case 1: return byteMutant(of: base, using: &rng)
        default: return randomText(using: &rng)
        }
    }

    /// The file with 1–4 of its tokens changed, printed back as text (comments dropped, lines
    /// kept). Most changes keep the token's kind (a number for a number, a name for a name), so
    /// that the file still parses and the change reaches the elaborator and the prover.
    static func tokenMutant(of source: String, corpus: [String], using rng: inout SplitMix64) -> String {
        guard var tokens = try? Lexer.tokens(of: source), tokens.count > 1 else { return byteMutant(of: source, using: &rng) }
        let donors = corpus.isEmpty ? tokens : ((try? Lexer.tokens(of: corpus[Int(rng.next() % UInt64(corpus.count))])) ?? tokens)
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int(rng.next() % UInt64(items.count))] }
        for _ in 0 ... rng.next() % 4 {
            let i = Int(rng.next() % UInt64(tokens.count - 1))   // never the end token
            let t = tokens[i]
            switch rng.next() % 8 {
            case 0: tokens.remove(at: i)
            case 1: tokens.insert(t, at: i)
            case 2: tokens.swapAt(i, i + 1)
            case 3, 4, 5:
                if let d = pick(donors.filter { sameKind($0.kind, t.kind) }) {
                    tokens[i] = Token(kind: d.kind, location: t.location, spaceBefore: t.spaceBefore)
                }
            default:
                if let j = pick(tokens.indices.filter { if case .number = tokens[$0].kind { true } else { false } }),
                   let snippet = pick(pathologicalSnippets) {
                    tokens[j] = Token(kind: .symbol(snippet), location: tokens[j].location, spaceBefore: true)
                }
            }
            if tokens.count < 2 { break }
        }
        return tokens.map(spelling).joined()
    }

    static func sameKind(_ a: Token.Kind, _ b: Token.Kind) -> Bool {
        switch (a, b) {
        case (.identifier, .identifier), (.number, .number), (.string, .string), (.symbol, .symbol): true
        default: false
        }
    }

    /// A token as it reads back, with the space before it; a line end as a newline.
    static func spelling(_ token: Token) -> String {
        let space = token.spaceBefore ? " " : ""
        switch token.kind {
        case .identifier(let s), .number(let s), .symbol(let s): return space + s
        case .string(let s): return space + "\"" + s + "\""
        case .newline: return "\n"
        case .end: return ""
        }
    }

    /// The file with 1–8 bytes flipped, inserted or deleted (read back as UTF-8, repairing).
    static func byteMutant(of source: String, using rng: inout SplitMix64) -> String {
        var bytes = Array(source.utf8)
        for _ in 0 ... rng.next() % 8 {
            let i = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 3 {
            case 0 where !bytes.isEmpty: bytes[i] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
            case 1 where !bytes.isEmpty: bytes.remove(at: i)
            default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Up to 300 random characters, mostly from the format's alphabet.
    static func randomText(using rng: inout SplitMix64) -> String {
        let alphabet = Array("claim point parameter network data let for all small in expect refuted relu sqrt eps ()[],;:=<>+-*/^.0123456789\n\t#\"≤·−")
        return String((0 ..< rng.next() % 300).map { _ in
            rng.next() % 16 == 0 ? Character(Unicode.Scalar(UInt8(truncatingIfNeeded: rng.next() % 128)))
                                 : alphabet[Int(rng.next() % UInt64(alphabet.count))]
        })
    }

    /// What one fuzz input did.
    public struct FuzzOutcome: Sendable {
        /// A broken property, or nil.
        public var problem: String?
        /// The file's error message (without its location), when it is malformed.
        public var error: String?
        /// The number of claims checked.
        public var claims = 0
    }

    /// Runs the whole pipeline on one fuzz input as `margincert check` does (without running
    /// flows) and checks: an error is a `file:line:col` inside the file and ends with a
    /// non-empty `hint: …`; every claim is decided or left undecided within `timeLimit` plus
    /// `slack` seconds; every format renders. A crash or a trap ends the process instead (the
    /// caller keeps the input so it can be replayed).
    public static func fuzz(_ source: String, timeLimit: Double, slack: Double = 10) -> FuzzOutcome {
        var outcome = FuzzOutcome()
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let result = Report.check(path: "fuzz.proof", source: source, explain: true, simulator: nil, timeLimit: timeLimit)
        outcome.claims = result.claims.count
        if let error = result.error {
            outcome.error = error.split(separator: "\n").first.map { String($0.split(separator: ":", maxSplits: 3).last ?? "") }
            guard let location = errorLocation(error),
                  location.line >= 1, location.line <= lines.count, location.column >= 1,
                  location.column <= lines[location.line - 1].count + 1 else {
                outcome.problem = "an error without a location inside the file: \(error)"
                return outcome
            }
            guard errorHint(error) != nil else {
                outcome.problem = "an error without a hint: \(error)"
                return outcome
            }
        }
        if let slow = result.claims.first(where: { $0.seconds > timeLimit + slack }) {
            outcome.problem = "line \(slow.line) took \(slow.seconds) s, past the \(timeLimit) s limit: \(slow.text)"
        }
        var report = Report()
        report.add(result)
        _ = (report.text(times: false), report.json(times: false), report.markdown(), report.latex())
        return outcome
    }

    /// The hint of a rendered diagnostic: the text of its last line `  hint: …`, nil when it
    /// has none or an empty one.
    static func errorHint(_ rendered: String) -> String? {
        guard let last = rendered.split(separator: "\n").last, last.hasPrefix("  hint: ") else { return nil }
        let hint = String(last.dropFirst("  hint: ".count)).trimmingSpaces
        return hint.isEmpty ? nil : hint
    }

    /// The line and column of a rendered diagnostic `fuzz.proof:L:C: error: …`.
    static func errorLocation(_ rendered: String) -> SourceLocation? {
        let parts = rendered.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "fuzz.proof", parts[3].hasPrefix(" error: "),
              let line = Int(parts[1]), let column = Int(parts[2]) else { return nil }
        return SourceLocation(line: line, column: column)
    }
}
