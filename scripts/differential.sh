#!/usr/bin/env bash
# The prover against an independent oracle (scripts/oracle/differential.py: Python, exact
# rationals, 80-digit mpmath and SymPy; no code shared with MarginCert): seeded random claims
# over integer parameters with non-integer, algebraic and dependent bounds, and over real
# ranges with algebraic ends and cut points at the ends. Fails on any "proved" the oracle
# contradicts and on any refutation whose counterexample is outside the set or does not fail.
# Part of scripts/test.sh (CI: 2,000 claims); longer runs: scripts/differential.sh 20000 7.
# Then the exact layer against FLINT/Arb (scripts/oracle/flint_differential.py, python-flint):
# algebraic signs and identities, exp/log enclosures and close exp/log comparisons through
# `margincert eval`, FLINT_COUNT cases (default 300, about 30 s on 2 cores; a process per case).
#
# Usage: scripts/differential.sh [COUNT] [SEED] [SCRATCH]   (defaults: 2000, 1, .build-rel)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2000}"
seed="${2:-1}"
scratch="${3:-.build-rel}"
swift build -c release --scratch-path "$scratch" --product margincert >/dev/null
python3 scripts/oracle/differential.py "$scratch/release/margincert" --count "$count" --seed "$seed" \
    --jobs "$(nproc)" --time-limit 2
python3 scripts/oracle/flint_differential.py "$scratch/release/margincert" --count "${FLINT_COUNT:-300}" --seed "$seed" \
    --jobs "$(nproc)"
