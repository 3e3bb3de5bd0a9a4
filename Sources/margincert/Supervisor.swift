import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs jobs in worker processes (`margincert worker …`) and bounds each one's wall-clock time
/// by killing its worker: the hard backstop behind the prover's cooperative time limit.
///
/// A worker reads one job per line on standard input (`INDEX TEXT`) and answers each with one
/// line on standard output (`INDEX ANSWER`); after starting it prints `ready`. A job that is
/// not answered within `jobSeconds` has its worker killed (SIGKILL) and ends `.stopped`; a
/// worker that exits while on a job (a crash, or status 5 for the size limit) ends it `.died`
/// with its status and the tail of its standard error. Either way a fresh worker takes the
/// remaining jobs, so one pathological job never stops the run, and no answer is ever taken
/// from a worker that did not give it for that job.
final class Supervisor {
    enum Ending {
        case answered(String)
        case stopped(seconds: Double)
        case died(status: Int32, signalled: Bool, message: String)
    }

    private let arguments: [String]
    private let workerCount: Int
    private let jobSeconds: Double
    private let startSeconds: Double
    private let events = Mailbox()
    private var nextIdentity = 0

    /// - Parameters:
    ///   - workerArguments: the arguments of `margincert` that start a worker.
    ///   - workers: how many worker processes run at once.
    ///   - jobSeconds: the wall-clock bound of one job, measured from when it is sent.
    ///   - startSeconds: the bound on a worker's start (reading and preparing its files).
    init(workerArguments: [String], workers: Int, jobSeconds: Double, startSeconds: Double = 120) {
        signal(SIGPIPE, SIG_IGN)   // writing to a worker that has just died must not end this process
        arguments = workerArguments
        workerCount = max(1, workers)
        self.jobSeconds = jobSeconds
        self.startSeconds = startSeconds
    }

    /// Runs `jobs` (one line of text each, without newlines) and calls `finished` on the calling
    /// thread as each job ends, in the order they end; the jobs it returns join the queue (their
    /// indices follow on). Throws when a worker cannot be started or fails before it is ready
    /// (a job's own failure is an `Ending`, not an error).
    func run(_ initialJobs: [String], finished: (Int, Ending) -> [String]) throws {
        var jobs = initialJobs
        var next = 0
        var workers: [Int: Worker] = [:]
        var retired: [Worker] = []
        defer {
            for worker in retired { _ = worker.reap() }
            for worker in workers.values { worker.kill() }
        }
        func end(_ job: Int, _ ending: Ending) { jobs += finished(job, ending) }
        /// Gives `worker` the next job, or retires it when there is none.
        func assign(_ worker: Worker) {
            if next < jobs.count {
                worker.send(next, jobs[next])
                next += 1
            } else {
                worker.finish()
                retired.append(workers.removeValue(forKey: worker.identity)!)
            }
        }
        /// Starts workers while there are more queued jobs than starting workers to take them.
        func staff() throws {
            while workers.count < workerCount && jobs.count - next > workers.values.filter({ !$0.isReady }).count {
                let worker = try Worker(identity: nextIdentity, arguments: arguments, events: events)
                nextIdentity += 1
                workers[worker.identity] = worker
            }
        }
        try staff()
        while !workers.isEmpty {
            let limit = workers.values.map { $0.deadline(jobSeconds: jobSeconds, startSeconds: startSeconds) }.min()!
            switch events.next(before: limit) {
            case let .line(identity, text)?:
                guard let worker = workers[identity] else { continue }
                if !worker.isReady {
                    guard text == "ready" else { continue }
                    worker.isReady = true
                } else if let job = worker.job, let answer = Self.answer(text, to: job) {
                    worker.job = nil
                    end(job, .answered(answer))
                } else {
                    continue
                }
                assign(worker)
            case let .closed(identity)?:
                guard let worker = workers.removeValue(forKey: identity) else { continue }
                let (status, signalled, message) = worker.reap()
                guard let job = worker.job else { throw SupervisorError.workerFailed(message.isEmpty ? "status \(status)" : message) }
                end(job, .died(status: status, signalled: signalled, message: message))
            case nil:
                for worker in workers.values where ContinuousClock.now >= worker.deadline(jobSeconds: jobSeconds, startSeconds: startSeconds) {
                    workers[worker.identity] = nil
                    worker.kill()
                    guard let job = worker.job else { throw SupervisorError.workerFailed("not ready within \(startSeconds) s") }
                    end(job, .stopped(seconds: worker.secondsOnJob))
                }
            }
            try staff()
        }
    }

    /// The answer in `INDEX ANSWER` when INDEX is `job`.
    private static func answer(_ line: String, to job: Int) -> String? {
        guard let space = line.firstIndex(of: " "), Int(line[..<space]) == job else { return nil }
        return String(line[line.index(after: space)...])
    }
}

enum SupervisorError: Error, CustomStringConvertible {
    case workerFailed(String)
    var description: String {
        switch self { case .workerFailed(let why): "a worker process failed to start: \(why)" }
    }
}

/// One worker process (spawned and reaped with posix_spawn/waitpid, so that a killed worker is
/// always reaped): its pipes, the job it is on, and a thread that posts its output lines.
private final class Worker {
    let identity: Int
    var job: Int?
    var isReady = false
    private var pid: pid_t = 0
    private var input: Int32
    private let errors: String
    private var since = ContinuousClock.now

    init(identity: Int, arguments: [String], events: Mailbox) throws {
        self.identity = identity
        errors = FileManager.default.temporaryDirectory.appendingPathComponent("margincert-worker-\(getpid())-\(identity).err").path
        var toWorker: [Int32] = [0, 0], fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0, pipe(&fromWorker) == 0 else {
            throw SupervisorError.workerFailed("no pipe: \(String(cString: strerror(errno)))")
        }
        // Only this worker may hold its pipes (a copy in a later worker would keep them open).
        for fd in toWorker + fromWorker { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil   // an opaque pointer on Darwin
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let executable = currentExecutable
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        // A crash is reported by its message; the backtracer would take seconds to print more.
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for arg in argv + envp { free(arg) } }
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(toWorker[0])
        close(fromWorker[1])
        input = toWorker[1]
        guard status == 0 else {
            close(input)
            close(fromWorker[0])
            throw SupervisorError.workerFailed("cannot run \(executable): \(String(cString: strerror(status)))")
        }
        let output = fromWorker[0]
        Thread.detachNewThread {
            var buffer: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(output, &chunk, chunk.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                buffer += chunk[..<count]
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    events.post(.line(identity, String(decoding: buffer[..<newline], as: UTF8.self)))
                    buffer.removeSubrange(...newline)
                }
            }
            close(output)
            events.post(.closed(identity))
        }
    }

    /// When the current job (or, before `ready`, the start) runs out of time.
    func deadline(jobSeconds: Double, startSeconds: Double) -> ContinuousClock.Instant {
        let seconds = job != nil ? jobSeconds : isReady ? Double.infinity : startSeconds
        return seconds.isFinite ? since + .milliseconds(Int64(seconds * 1000)) : since + .seconds(1_000_000_000)
    }

    var secondsOnJob: Double {
        let elapsed = ContinuousClock.now - since
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func send(_ index: Int, _ text: String) {
        job = index
        since = .now
        var bytes = Array("\(index) \(text)\n".utf8)[...]
        while !bytes.isEmpty {   // a dead worker's pipe fails (EPIPE, SIGPIPE ignored); its end is read as `closed`
            let written = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Closes its input: the worker exits when it has nothing more to do.
    func finish() {
        if input >= 0 { close(input) }
        input = -1
    }

    func kill() {
        sendSignal(SIGKILL, to: pid)
        _ = reap()
    }

    /// Waits for the exit; the status (or signal), whether a signal ended it, and the last lines
    /// it wrote to standard error.
    func reap() -> (Int32, Bool, String) {
        finish()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // (Foundation leaks a buffer reading an empty file: read only what was written.)
        let written = (try? FileManager.default.attributesOfItem(atPath: errors)[.size] as? Int) ?? 0
        let text = written > 0 ? (try? SourceFile.read(errors).get()) ?? "" : ""
        unlink(errors)
        let tail = text.split(separator: "\n").suffix(4).joined(separator: "\n")
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, false, tail) : (signal, true, tail)
    }
}

/// The path of the running `margincert`, which the workers run: `/proc/self/exe` on Linux;
/// elsewhere (macOS) Foundation's executable URL, or the first argument resolved against the
/// working folder.
private var currentExecutable: String {
    #if os(Linux)
    return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    #else
    if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath().path }
    return URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        .resolvingSymlinksInPath().path
    #endif
}

/// kill(2), from the C library of the platform.
private func sendSignal(_ signal: Int32, to pid: pid_t) {
    #if canImport(Glibc)
    _ = Glibc.kill(pid, signal)
    #elseif canImport(Darwin)
    _ = Darwin.kill(pid, signal)
    #endif
}

/// Events from the workers' reading threads, taken in order by the supervising thread.
private final class Mailbox: @unchecked Sendable {
    enum Event {
        case line(Int, String)
        case closed(Int)
    }

    private let condition = NSCondition()
    private var queue: [Event] = []

    func post(_ event: Event) {
        condition.lock()
        queue.append(event)
        condition.signal()
        condition.unlock()
    }

    /// The next event, or nil once `limit` has passed without one.
    func next(before limit: ContinuousClock.Instant) -> Event? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            let left = limit - .now
            if left <= .zero { return nil }
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            _ = condition.wait(until: Date(timeIntervalSinceNow: min(seconds, 3600)))
        }
        return queue.removeFirst()
    }
}
