#!/usr/bin/env bash
# The cost of certificates on proofs/ (release build, wall-clock seconds, best of RUNS):
# `margincert check proofs/` without and with `--certificates DIR`, then the independent
# checker over DIR (`python3 -m margincert_check DIR`, one process per core).
# Usage: scripts/bench-certificates.sh [RUNS] [SCRATCH]   (defaults: 3, .build-rel)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
scratch="${2:-.build-rel}"
swift build -c release --scratch-path "$scratch" --product margincert >/dev/null
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
best() {  # best wall time of $runs runs of the command
    local best=""
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
        best=$(echo "$start $end ${best:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
    done
    echo "$best"
}
plain=$(best "$scratch/release/margincert" check proofs/ --no-times)
certified=$(best "$scratch/release/margincert" check proofs/ --no-times --certificates "$dir")
checker=$(cd checker && best python3 -m margincert_check "$dir")
echo "check proofs/: $plain s; with --certificates: $certified s ($(ls "$dir" | wc -l) files, $(du -sh "$dir" | cut -f1))" \
    | awk -v p="$plain" -v c="$certified" '{print $0 "; overhead " sprintf("%+.0f%%", 100 * (c - p) / p)}'
echo "checker over them: $checker s"
(cd checker && python3 -m margincert_check "$dir" | tail -1)
