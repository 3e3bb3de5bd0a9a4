#!/usr/bin/env bash
# Builds the exact-layer benchmarks in release mode and runs them.
# Usage: scripts/bench.sh [SCRATCH_PATH]   (default .build)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-.build}"
swift build -c release --product ExactBenchmarks --scratch-path "$scratch"
"$(swift build -c release --scratch-path "$scratch" --show-bin-path)/ExactBenchmarks"
