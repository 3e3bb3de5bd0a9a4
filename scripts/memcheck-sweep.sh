#!/usr/bin/env bash
# Peak memory of long runs: a Monte Carlo sweep of 10⁴ and of 10⁵ runs of the cheap flow in
# scripts/memcheck/sweep.proof, without and with its JSON (--out), and `margincert check proofs/`,
# each under /usr/bin/time -v.
#
# Usage: scripts/memcheck-sweep.sh [RUNS_SMALL] [RUNS_LARGE] [SCRATCH]   (default 10000 100000 .build-rel)
#
# A sweep keeps no entry per run: its summary is accumulated run by run, its JSON is written
# entry by entry, and at most 16 entries per thread wait for an earlier run. So its memory
# should not grow with the number of runs: the script prints the growth per run between the
# two sweeps, with and without --out, and fails (status 1) when either is more than
# MAX_BYTES_PER_RUN (default 2048; measured: 0). With VALGRIND=1 a 100-run sweep and a check
# of three proofs/ files also run under valgrind memcheck, and their leak summaries are printed.
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

peak() {  # peak RSS in KB and wall time of a command
    /usr/bin/time -v "$@" >/dev/null 2>"$out/time" || true
    local kb seconds
    kb=$(grep "Maximum resident set size" "$out/time" | awk '{print $NF}')
    seconds=$(grep "Elapsed (wall clock)" "$out/time" | awk '{print $NF}')
    echo "$kb $seconds"
}

sweep=(simulate scripts/memcheck/sweep.proof --seed 1 --target lim --tolerance 1e-3)
status=0
for json in no yes; do
    extra=() what="sweep"
    if [ "$json" = yes ]; then extra=(--out "$out/sweep.json"); what="sweep writing its JSON"; fi
    read -r small_kb small_s < <(peak "$bin" "${sweep[@]}" --runs "$small" "${extra[@]}")
    read -r large_kb large_s < <(peak "$bin" "${sweep[@]}" --runs "$large" "${extra[@]}")
    per_run=$(( (large_kb - small_kb) * 1024 / (large - small) ))
    echo "$what of $small runs: peak RSS $(( small_kb / 1024 )) MiB ($small_s)"
    echo "$what of $large runs: peak RSS $(( large_kb / 1024 )) MiB ($large_s)"
    echo "  growth: $per_run bytes per run (limit $limit)"
    [ "$per_run" -le "$limit" ] || status=1
done
read -r check_kb check_s < <(peak "$bin" check proofs/ --no-times)
echo "check proofs/: peak RSS $(( check_kb / 1024 )) MiB ($check_s)"
if [ "${VALGRIND:-0}" = 1 ]; then
    memcheck() {  # the leak summary of a command under valgrind memcheck
        valgrind --leak-check=full --errors-for-leak-kinds=definite "$@" >/dev/null 2>"$out/valgrind" || true
        grep -E "definitely lost:|indirectly lost:|possibly lost:|ERROR SUMMARY" "$out/valgrind" | sed 's/^==[0-9]*== /  /'
    }
    echo "valgrind, sweep of 100 runs writing its JSON:"
    memcheck "$bin" "${sweep[@]}" --runs 100 --out "$out/sweep.json"
    # In process: a worker process would escape valgrind. The few KB "definitely lost" here are
    # the exact layer's memo, reachable through enum-tagged pointers (see scripts/leakcheck.sh).
    files=(proofs/vss-thm3.2.proof proofs/vss-thm4.3-lemmaC6.proof proofs/tvs-appD-thm4.proof)
    echo "valgrind, check ${files[*]} --in-process:"
    memcheck "$bin" check "${files[@]}" --no-times --in-process --time-limit 600
fi
exit "$status"
