import ArgumentParser
import Foundation
import Symbolic

/// `--time-limit S` for a command that decides one thing (`prove`, `eval`): the answer comes
/// within S seconds plus a short grace, or it is undecided with "limit: time".
///
/// Two mechanisms, as for `check`: the exact core's cooperative deadline (`ResourceLimit`,
/// bound around parsing and deciding, so even building the canonical form counts), and a hard
/// stop from outside for an exact step that does not look at the deadline. The command runs
/// itself again as a child process with `--in-process` (sharing standard output and error)
/// and kills it with SIGKILL at S + `grace` seconds; the parent then prints the undecided
/// line and exits with status 3. `--in-process` skips the child (faster to start, no hard stop).
struct TimeLimitOptions: ParsableArguments {
    @Option(help: "The most seconds to spend; past it the answer is undecided (limit: time).")
    var timeLimit: Double = ResourceLimit.defaultSeconds

    @Flag(help: "Decide in this process: starts faster, but one exact step that overruns the limit cannot be stopped.")
    var inProcess = false

    /// The margin between the cooperative deadline and the hard stop.
    static let grace = 0.5

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    /// Runs `body` under the deadline in this process when `--in-process` is given; otherwise
    /// runs this command again in a child process bounded by the hard stop, and exits with its
    /// status. `undecided` prints the line that reports a stop from outside.
    func bounded(undecided: (String) -> Void, _ body: () throws -> Void) throws {
        if inProcess {
            try ResourceLimit.withDeadline(seconds: timeLimit, body)
            return
        }
        // The flag goes right after the subcommand, before any `--` that ends the options
        // (`margincert eval -- '-1 < 0'`).
        var arguments = Array(CommandLine.arguments.dropFirst())
        arguments.insert("--in-process", at: min(1, arguments.count))
        switch try ChildProcess.run(arguments, seconds: timeLimit + Self.grace) {
        case .exited(let status):
            if status != 0 { throw ExitCode(status) }
        case .signalled(let signal):
            undecided("internal error: the prover crashed (signal \(signal)); please report this input")
            throw ExitCode(3)
        case .stopped(let seconds):
            undecided("limit: time \(String(format: "%g", timeLimit)) s (stopped from outside after "
                      + "\(String(format: "%.1f", seconds)) s; raise --time-limit to try longer)")
            throw ExitCode(3)
        }
    }
}

/// This executable run again as a child process with a wall-clock bound.
enum ChildProcess {
    enum Ending {
        case exited(Int32)
        case signalled(Int32)
        /// Killed (SIGKILL) when the bound passed, after this many seconds.
        case stopped(seconds: Double)
    }

    /// Runs the current executable with `arguments`, sharing this process's standard input,
    /// output and error (or with output and error discarded when `silenced`), and waits for it
    /// at most `seconds`; past that it is killed and reaped.
    static func run(_ arguments: [String], seconds: Double, silenced: Bool = false) throws -> Ending {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var environment = ProcessInfo.processInfo.environment
        if environment["SWIFT_BACKTRACE"] == nil { environment["SWIFT_BACKTRACE"] = "enable=no" }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in envp { free(variable) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if silenced {
            for descriptor in [STDOUT_FILENO, STDERR_FILENO] {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            }
        }
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard status == 0 else {
            throw ValidationError("cannot run \(executable): \(String(cString: strerror(status)))")
        }
        var waitStatus: Int32 = 0
        while true {
            let result = waitpid(pid, &waitStatus, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { throw ValidationError("waiting for the prover: \(String(cString: strerror(errno)))") }
            let elapsed = ContinuousClock.now - start
            let spent = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if spent >= seconds {
                kill(pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
                return .stopped(seconds: spent)
            }
            usleep(5_000)
        }
        let signal = waitStatus & 0x7f
        return signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
    }
}
