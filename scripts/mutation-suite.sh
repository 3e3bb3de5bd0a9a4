#!/usr/bin/env bash
# The soundness suite at full size: every claim in proofs/ (except those expected undecided)
# mutated (constants ±10⁻ᵏ and negated, exponents ±1, signs, relations, range ends,
# multipliers), each mutant checked in release mode under a short per-mutant time limit in
# worker processes on all cores (a worker stuck in one exact step is stopped at 1.5 × the limit
# + 1 s and its mutant counts as undecided), every proved mutant audited by exact evaluation.
# Fails (status 1) on any false proof or crash, or when fewer than MIN_MUTANTS (default 10000)
# mutants were tried. Part of scripts/test.sh (CI).
#
# Usage: scripts/mutation-suite.sh [TIME_LIMIT] [PER_CLAIM] [SCRATCH]
#        (defaults: 0.2 s, 14 mutants per claim, .build-rel)
set -uo pipefail
cd "$(dirname "$0")/.."
limit="${1:-0.2}"
per_claim="${2:-14}"
scratch="${3:-.build-rel}"
swift build -c release --scratch-path "$scratch" --product margincert >/dev/null || exit 2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$scratch/release/margincert" mutate proofs/ --time-limit "$limit" --limit "$per_claim" | tee "$log"
status=${PIPESTATUS[0]}
tried=$(sed -nE 's/^total: ([0-9]+) mutants.*/\1/p' "$log")
minimum="${MIN_MUTANTS:-10000}"
if [ "${tried:-0}" -lt "$minimum" ]; then
    echo "mutation suite: only ${tried:-0} mutants tried, fewer than $minimum"
    exit 1
fi
[ "$status" -eq 0 ] && echo "mutation suite: passed (no false proof, no crash)"
exit "$status"
