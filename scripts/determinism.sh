#!/usr/bin/env bash
# Byte-identical output whatever the run, the core count and the file order:
#   - `check proofs/ --format json --no-times` twice on all cores and once on one core
#     (taskset), compared byte for byte;
#   - the same files named in reverse order, compared file by file (the report lists files
#     in the order given);
#   - a Monte Carlo sweep (scripts/memcheck/sweep.proof, RUNS runs) on all cores and on one
#     core, its JSON compared byte for byte.
# Usage: scripts/determinism.sh [RUNS] [SCRATCH]   (default 300, .build-rel). Exit 1 on a difference.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-300}"
scratch="${2:-.build-rel}"
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
exit "$status"
