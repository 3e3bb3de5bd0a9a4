import Foundation
import Exact
import Symbolic

extension Mutation {
    /// Counts of a mutation run.
    public struct Summary: Codable, Sendable, Equatable {
        public var tried = 0
        /// Refuted by the checker.
        public var killed = 0
        /// Proved by the checker and not contradicted by the independent audit: the mutant is
        /// (as far as exact evaluation at many points shows) still true.
        public var survivedTrue = 0
        /// Proved by the checker, of a kind the audit cannot evaluate (KKT and optimality claims).
        public var unaudited = 0
        public var undecided = 0
        /// Proved by the checker but false at an exact point: must stay 0.
        public var falseProofs = 0
        /// Mutants that could not be elaborated (a change made them ill-formed).
        public var malformed = 0
        /// Of the undecided: stopped from outside at the hard time limit (`margincert mutate`
        /// runs each mutant in a worker process and stops a worker that overruns).
        public var stopped = 0
        /// Mutants whose worker process crashed: must stay 0.
        public var crashes = 0

        public init() {}

        public mutating func add(_ other: Summary) {
            tried += other.tried; killed += other.killed; survivedTrue += other.survivedTrue; unaudited += other.unaudited
            undecided += other.undecided; falseProofs += other.falseProofs; malformed += other.malformed
            stopped += other.stopped; crashes += other.crashes
        }

        /// One line: `N mutants, K refuted, …, F false proofs, C crashes`.
        public var line: String {
            "\(tried) mutants, \(killed) refuted, \(survivedTrue) proved and still true, \(unaudited) proved (not auditable), "
                + "\(undecided) undecided (\(stopped) stopped), \(malformed) ill-formed, \(falseProofs) false proofs, \(crashes) crashes"
        }
    }

    /// How much to mutate and how.
    public struct Options: Sendable {
        /// At most this many mutants per claim (evenly spread over `mutants(of:declared:)`).
        public var perClaim = 40
        /// Keep only every `every`-th mutant of the whole run (a deterministic subset).
        public var every = 1
        /// The prover's per-mutant time limit in seconds.
        public var timeLimit = 0.2
        /// Worker threads; the result does not depend on it.
        public var threads = ProcessInfo.processInfo.activeProcessorCount

        public init() {}
    }

    /// The result for one file: its counts and a line for each false proof, or the error that
    /// kept it from being mutated.
    public struct FileResult: Sendable {
        public let path: String
        public var summary = Summary()
        /// A line for each false proof and each crash.
        public var findings: [String] = []
        public var error: String?
    }

    /// One mutant, with the elaborator state just before its claim (statements are elaborated
    /// in order, so a mutant sees exactly what the original claim saw). Unchecked: the
    /// elaborator is a value built of values (GMP boxes are never mutated once shared), and
    /// workers only read it.
    struct Job: @unchecked Sendable {
        let file: Int
        let before: Elaborator
        let mutant: ClaimSyntax
    }

    /// What became of one mutant.
    public enum Fate: Sendable, Codable, Equatable {
        case killed, survivedTrue, unaudited, undecided, malformed
        /// Proved but false at the exact point given.
        case falseProof(String)
        /// Stopped from outside at the hard time limit (counted as undecided).
        case stopped
        /// Its checker crashed (the message says how).
        case crashed(String)
    }

    /// Mutates every claim of the files (except those expected undecided), checks the mutants
    /// on `options.threads` threads, and returns one result per file in the order given. The
    /// counts and lines depend only on the files and `options.perClaim`/`every`/`timeLimit`
    /// (and, through the time limit, on the machine's speed for mutants near it).
    public static func run(_ files: [(path: String, source: String)], options: Options = Options()) -> [FileResult] {
        let plan = Plan(files, options: options)
        let fates = WorkList<Fate>(count: plan.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.threads, plan.count))) { _ in
            while let i = fates.take() { fates.store(plan.fate(of: i), at: i) }
        }
        return plan.results(fates.values.map { $0! })
    }

    /// The mutants of a run, in a fixed order that depends only on the files and the options
    /// (so another process given the same files and options numbers them alike).
    public struct Plan: Sendable {
        let files: [(path: String, source: String)]
        let jobs: [Job]
        let timeLimit: Double
        var unmutated: [FileResult]

        public init(_ files: [(path: String, source: String)], options: Options) {
            self.files = files
            timeLimit = options.timeLimit
            unmutated = files.map { FileResult(path: $0.path) }
            var jobs: [Job] = []
            for (index, file) in files.enumerated() {
                do {
                    jobs += try Mutation.jobs(file: index, source: file.source, perClaim: options.perClaim)
                } catch {
                    unmutated[index].error = error.rendered(path: file.path, source: file.source)
                }
            }
            self.jobs = jobs.enumerated().filter { $0.offset % max(1, options.every) == 0 }.map(\.element)
        }

        public var count: Int { jobs.count }

        /// The index of the file mutant `index` comes from.
        public func file(ofMutant index: Int) -> Int { jobs[index].file }

        /// Checks mutant `index` and, when the checker proves it, audits it.
        public func fate(of index: Int) -> Fate { check(jobs[index], timeLimit: timeLimit) }

        /// One result per file from the fates of all mutants, in order.
        public func results(_ fates: [Fate]) -> [FileResult] {
            var results = unmutated
            for (job, fate) in zip(jobs, fates) {
                results[job.file].summary.tried += 1
                let location = "\(files[job.file].path):\(job.mutant.location)"
                switch fate {
                case .killed: results[job.file].summary.killed += 1
                case .survivedTrue: results[job.file].summary.survivedTrue += 1
                case .unaudited: results[job.file].summary.unaudited += 1
                case .undecided: results[job.file].summary.undecided += 1
                case .malformed: results[job.file].summary.malformed += 1
                case .stopped:
                    results[job.file].summary.undecided += 1
                    results[job.file].summary.stopped += 1
                case .falseProof(let counterexample):
                    results[job.file].summary.falseProofs += 1
                    results[job.file].findings.append("\(location): mutant proved but false at \(counterexample): \(describe(job.mutant))")
                case .crashed(let how):
                    results[job.file].summary.crashes += 1
                    results[job.file].findings.append("\(location): the checker crashed (\(how)) on the mutant: \(describe(job.mutant))")
                }
            }
            return results
        }
    }

    /// The mutants of a file's claims, each with the elaborator state before its claim.
    static func jobs(file: Int, source: String, perClaim: Int) throws(Diagnostic) -> [Job] {
        let syntax = try ProofFileParser.parse(source)
        var elaborator = Elaborator()
        var declared: [String: RangeSyntax] = [:]
        var integers: [String: IntegerBoundSyntax] = [:]
        var jobs: [Job] = []
        for statement in syntax.statements {
            if case let .parameter(name, range, _) = statement { declared[name] = range }
            if case let .integer(name, bound, _) = statement { integers[name] = bound }
            if case let .claim(claim) = statement, !claim.expectUndecided {
                jobs += spread(mutants(of: claim, declared: declared, integers: integers), count: perClaim)
                    .map { Job(file: file, before: elaborator, mutant: $0) }
            }
            try elaborator.statement(statement)
        }
        return jobs
    }

    /// At most `count` of the items, evenly spread (so every kind of change keeps a share).
    static func spread<T>(_ items: [T], count: Int) -> [T] {
        items.count <= count ? items : (0 ..< count).map { items[$0 * items.count / count] }
    }

    /// Checks one mutant and, when the checker proves it, audits it.
    static func check(_ job: Job, timeLimit: Double) -> Fate {
        var elaborator = job.before
        guard (try? elaborator.statement(.claim(job.mutant))) != nil, let claim = elaborator.document.claims.last else {
            return .malformed
        }
        let document = elaborator.document
        switch Checker(document, timeLimit: timeLimit).check(claim).status {
        case .refuted: return .killed
        case .undecided, .observed, .notObserved: return .undecided
        case .proved:
            guard auditableClaim(claim, in: document) != nil else { return .unaudited }
            // No deadline is bound here, so the audit runs to its end (an `Unable` is unreachable).
            do throws(Unable) {
                return try audit(claim, in: document).map { .falseProof($0) } ?? .survivedTrue
            } catch {
                return .unaudited
            }
        }
    }

    /// Hands out the indices 0, 1, 2, … to concurrent workers and keeps each one's result in
    /// its slot, so the results come out in index order whoever computed them.
    final class WorkList<Result>: @unchecked Sendable {
        private(set) var values: [Result?]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func take() -> Int? {
            lock.withLock {
                guard next < values.count else { return nil }
                next += 1
                return next - 1
            }
        }

        func store(_ value: Result, at index: Int) { lock.withLock { values[index] = value } }
    }
}
