// Benchmarks of the exact layer; run with scripts/bench.sh (release build).
runRationalBenchmarks()
runElementaryBenchmarks()
// runAlgebraicBenchmarks()  // enabled once Benchmarks/ExactBenchmarks/AlgebraicBenchmarks.swift exists
