#!/usr/bin/env bash
# Peak memory of long runs: a Monte Carlo sweep of 10⁴ and of 10⁵ runs of the cheap flow in
# scripts/memcheck/sweep.proof, and `margincert check proofs/`, each under /usr/bin/time -v.
#
# Usage: scripts/memcheck-sweep.sh [RUNS_SMALL] [RUNS_LARGE] [SCRATCH]   (default 10000 100000 .build-rel)
#
# A sweep keeps one entry per run (its seed, start, end and last record), so its memory grows
# by the size of an entry per run and by nothing else; the script prints the growth per run
# between the two sweeps and fails (status 1) when it is more than MAX_BYTES_PER_RUN (default
# 2048) — a leak of simulator state would be far more. With JSON=1 the large sweep also writes
# its JSON (--out), whose encoding holds the whole document in memory (measured: about 5 KB per
# run at its peak). With VALGRIND=1 a 100-run sweep runs under valgrind memcheck.
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-10000}"
large="${2:-100000}"
scratch="${3:-.build-rel}"
limit="${MAX_BYTES_PER_RUN:-2048}"
swift build -c release --scratch-path "$scratch" --product margincert >/dev/null
bin="$scratch/release/margincert"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

peak() {  # peak RSS in KB and wall seconds of a command
    /usr/bin/time -v "$@" >/dev/null 2>"$out/time" || true
    local kb seconds
    kb=$(grep "Maximum resident set size" "$out/time" | awk '{print $NF}')
    seconds=$(grep "Elapsed (wall clock)" "$out/time" | awk '{print $NF}')
    echo "$kb $seconds"
}

sweep=(simulate scripts/memcheck/sweep.proof --seed 1 --target lim --tolerance 1e-3)
read -r small_kb small_s < <(peak "$bin" "${sweep[@]}" --runs "$small")
read -r large_kb large_s < <(peak "$bin" "${sweep[@]}" --runs "$large")
read -r check_kb check_s < <(peak "$bin" check proofs/ --no-times)
per_run=$(( (large_kb - small_kb) * 1024 / (large - small) ))
echo "sweep of $small runs: peak RSS $(( small_kb / 1024 )) MiB ($small_s)"
echo "sweep of $large runs: peak RSS $(( large_kb / 1024 )) MiB ($large_s)"
echo "growth: $per_run bytes per run (limit $limit; the sweep keeps one entry per run)"
echo "check proofs/: peak RSS $(( check_kb / 1024 )) MiB ($check_s)"
if [ "${JSON:-0}" = 1 ]; then
    read -r json_kb json_s < <(peak "$bin" "${sweep[@]}" --runs "$large" --out "$out/large.json")
    echo "sweep of $large runs writing its JSON: peak RSS $(( json_kb / 1024 )) MiB ($json_s)"
fi
if [ "${VALGRIND:-0}" = 1 ]; then
    valgrind --leak-check=full --errors-for-leak-kinds=definite "$bin" "${sweep[@]}" --runs 100 \
        >/dev/null 2>"$out/valgrind" || true
    grep -E "definitely lost|indirectly lost|ERROR SUMMARY" "$out/valgrind" | sed 's/^==[0-9]*== //'
fi
[ "$per_run" -le "$limit" ]
