#!/usr/bin/env bash
# Checks the shard/merge path of `margincert simulate --runs` with several local processes:
# the sweep run whole, and as n shards in n concurrent processes merged with `margincert merge`,
# must give byte-identical JSON. Usage: scripts/sweep-shards-test.sh [margincert binary] [shards]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/margincert}
shards=${2:-3}
file=examples/vss-thm3.2-flow.proof
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
common=(simulate "$file" --flow gf --runs 12 --seed 2026 --init 'perturb(1e-3)' --tolerance 1e-3)

"$bin" "${common[@]}" --out "$dir/whole.json" > /dev/null
pids=()
for k in $(seq 1 "$shards"); do
    "$bin" "${common[@]}" --shard "$k/$shards" --out "$dir/part$k.json" > /dev/null &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
"$bin" merge "$dir"/part*.json > "$dir/merged.json"
if cmp -s "$dir/whole.json" "$dir/merged.json"; then
    echo "sweep shards: $shards processes merged byte-identical to the unsharded sweep"
    echo "1 passed, 0 failed"
else
    diff "$dir/whole.json" "$dir/merged.json" | head -20
    echo "0 passed, 1 failed"
    exit 1
fi
