// MarginCert benchmarks; run with scripts/bench.sh (release build).
// Usage: MarginCertBenchmarks [exact|prover|flow|descent|proofs|certify|discover|arrangement …]   (default: all groups)
let groups: [(String, () -> Void)] = [
    ("exact", { runRationalBenchmarks(); runElementaryBenchmarks(); runAlgebraicBenchmarks(); runRadicalBenchmarks(); runRadicalClaimBenchmarks(); runBalancedPointBenchmarks() }),
    ("prover", runProverBenchmarks),
    ("flow", runFlowBenchmarks),
    ("descent", benchmarkBatchedDescent),
    ("proofs", runProofsBenchmarks),
    ("certify", { runCertifyBenchmarks(); runLocalOptimalityBenchmarks(); runArrangementBenchmarks() }),
    ("discover", runDiscoveryBenchmarks),
    ("arrangement", runArrangementBenchmarks),
]
let chosen = Set(CommandLine.arguments.dropFirst())
for (name, run) in groups where chosen.isEmpty || chosen.contains(name) {
    print("== \(name)")
    run()
}
