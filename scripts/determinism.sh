#!/usr/bin/env bash
# Byte-identical output whatever the run, the core count and the file order:
#   - `check proofs/ --format json --no-times` twice on all cores and once on one core
#     (taskset), compared byte for byte;
#   - the same files named in reverse order, compared file by file (the report lists files
#     in the order given);
#   - a Monte Carlo sweep (scripts/memcheck/sweep.proof, RUNS runs) on all cores and on one
#     core, its JSON compared byte for byte;
#   - hash seeds: Swift seeds its hashing per process at random unless
#     SWIFT_DETERMINISTIC_HASHING is set, so SEEDS processes without it (each its own seed)
#     and one with it check proofs/ and the radical reproducers
#     (Tests/ProofFilesTests/RadicalPoints) with --explain, and evaluate the exact-arithmetic
#     reproducers of issue 14; verdicts and --explain JSON must be byte-identical.
# Usage: scripts/determinism.sh [RUNS] [SCRATCH] [SEEDS]   (default 300, .build-rel, 5).
# Exit 1 on a difference.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-300}"
scratch="${2:-.build-rel}"
seeds="${3:-5}"
swift build -c release --scratch-path "$scratch" --product margincert >/dev/null
bin="$scratch/release/margincert"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
one_core=(taskset -c 0)
command -v taskset >/dev/null || one_core=()

check=(check --format json --no-times)
"$bin" "${check[@]}" proofs/ >"$out/a.json" || true
"$bin" "${check[@]}" proofs/ >"$out/b.json" || true
"${one_core[@]}" "$bin" "${check[@]}" proofs/ >"$out/c.json" || true
mapfile -t files < <(ls proofs/*.proof | sort -r)
"$bin" "${check[@]}" "${files[@]}" >"$out/d.json" || true
status=0
cmp -s "$out/a.json" "$out/b.json" && echo "check: two runs identical" || { echo "check: two runs DIFFER"; status=1; }
cmp -s "$out/a.json" "$out/c.json" && echo "check: all cores = one core" || { echo "check: core counts DIFFER"; status=1; }
python3 - "$out/a.json" "$out/d.json" <<'PY' || status=1
import json, sys
a, d = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda f: f["path"]
same = sorted(a["files"], key=key) == sorted(d["files"], key=key) and a["summary"] == d["summary"]
print("check: reversed file order gives the same file results" if same else "check: reversed file order DIFFERS")
sys.exit(0 if same else 1)
PY

sweep=(simulate scripts/memcheck/sweep.proof --runs "$runs" --seed 7 --target lim --tolerance 1e-3)
"$bin" "${sweep[@]}" --out "$out/s1.json" >/dev/null || true
"${one_core[@]}" "$bin" "${sweep[@]}" --out "$out/s2.json" >/dev/null || true
cmp -s "$out/s1.json" "$out/s2.json" && echo "sweep of $runs runs: all cores = one core" || { echo "sweep: core counts DIFFER"; status=1; }

# Hash seeds: every process below hashes with its own random seed, except the reference run.
explained=(check --format json --no-times --explain proofs/ Tests/ProofFilesTests/RadicalPoints)
evaluations=(
  "root(2, 64) + root(3, 64) > 2.02"
  "root(2, 9) + root(3, 9) = root(5, 9) + 1.0000000000000000000000000000000001"
  "1/10^100000 > 0"
  "root(2, 8) + root(3, 16) < 2.1615832157381721283302582904603589005595"
  "root(2, 2) + root(3, 3) + root(5, 4) + root(7, 6) + root(11, 2) + root(13, 3) > 11.402858946246369804290833619293"
)
run_all() {
  "$bin" "${explained[@]}" || true
  for e in "${evaluations[@]}"; do "$bin" eval "$e" || true; done
}
SWIFT_DETERMINISTIC_HASHING=1 run_all >"$out/h0.txt" 2>&1
for seed in $(seq 1 "$seeds"); do
  (unset SWIFT_DETERMINISTIC_HASHING; run_all) >"$out/h$seed.txt" 2>&1
  if cmp -s "$out/h0.txt" "$out/h$seed.txt"; then
    echo "hash seeds: run $seed (random seed) = deterministic hashing"
  else
    echo "hash seeds: run $seed DIFFERS from deterministic hashing:"; diff "$out/h0.txt" "$out/h$seed.txt" | head -20; status=1
  fi
done
exit "$status"
