import ProofFiles

/// The libFuzzer entry point (built by scripts/fuzz.sh libfuzzer with `swiftc -sanitize=fuzzer`):
/// one input, read as UTF-8 (repairing), through the whole pipeline with the same properties
/// as `margincert fuzz` (`Mutation.fuzz`), except that time is left to libFuzzer's `-timeout`
/// (a claim may overrun its limit by one uninterruptible step; a hang is a finding). A broken
/// property traps, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func proofFileFuzzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let problem = Mutation.fuzz(source, timeLimit: 0.05, slack: .infinity).problem {
        fatalError(problem)
    }
    return 0
}
