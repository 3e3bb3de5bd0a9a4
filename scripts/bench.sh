#!/usr/bin/env bash
# Builds the benchmarks in release mode and runs them; arguments choose groups
# (exact, prover, flow, descent, proofs, certify, discover, arrangement; descent: the batched GD kernel on the experiments of
# examples/experiments, 288 runs × 3·10⁶ steps). On an AVX2 machine the kernel is built for it (Package.swift), as in
# the README's build.
# Usage: scripts/bench.sh [exact|prover|flow|descent|proofs|certify|discover|arrangement …]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product MarginCertBenchmarks --scratch-path .build-bench --quiet
"$(swift build -c release --scratch-path .build-bench --show-bin-path)/MarginCertBenchmarks" "$@"
