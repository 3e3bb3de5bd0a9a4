#!/usr/bin/env bash
# Builds the benchmarks in release mode and runs them; arguments choose groups
# (exact, prover, flow, descent, proofs, certify, discover, arrangement; descent: the batched GD kernel on the experiments of
# examples/experiments, 288 runs × 3·10⁶ steps). On an AVX2 machine the kernel is built for it (wider registers) in a
# separate build folder, .build-bench.
# Usage: scripts/bench.sh [exact|prover|flow|descent|proofs|certify|discover|arrangement …]
set -euo pipefail
cd "$(dirname "$0")/.."
flags=()
if grep -q avx2 /proc/cpuinfo 2>/dev/null; then flags=(-Xswiftc -target-cpu -Xswiftc haswell); fi
swift build -c release --product MarginCertBenchmarks --scratch-path .build-bench "${flags[@]}" --quiet
"$(swift build -c release --scratch-path .build-bench --show-bin-path)/MarginCertBenchmarks" "$@"
