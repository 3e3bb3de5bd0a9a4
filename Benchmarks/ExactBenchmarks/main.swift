// Benchmarks of the exact layer; run with scripts/bench.sh (release build).
runRationalBenchmarks()
runElementaryBenchmarks()
runAlgebraicBenchmarks()
