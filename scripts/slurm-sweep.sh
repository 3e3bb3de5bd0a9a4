#!/usr/bin/env bash
# A Monte Carlo sweep of `margincert simulate --runs` as a Slurm job array: one array task per
# shard (--shard k/n with k = $SLURM_ARRAY_TASK_ID), then a job that runs after all of them and
# merges the shards into OUT/all.json (byte-identical to the unsharded sweep).
#
# Usage: scripts/slurm-sweep.sh OUT SHARDS FILE.proof [simulate options: --flow --runs --seed --init …]
#   e.g. scripts/slurm-sweep.sh sweeps/thm32 16 examples/vss-thm3.2-flow.proof --flow gf --runs 100000 --init xavier
# Environment: MARGINCERT (the binary, default .build/release/margincert), SBATCH_OPTIONS (extra
# sbatch options such as --partition=… --time=…). Prints the merge job's id.
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,10p' "$0"; exit 2; fi
out=$1; shards=$2; file=$3; shift 3
bin=$(realpath "${MARGINCERT:-.build/release/margincert}")
file=$(realpath "$file")
mkdir -p "$out/logs"
out=$(realpath "$out")
options=$(printf ' %q' "$@")

array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --job-name=margincert-sweep --array=1-"$shards" \
    --output="$out/logs/shard-%a.out" --cpus-per-task="${CPUS_PER_TASK:-1}" \
    --wrap="$(printf '%q' "$bin") simulate $(printf '%q' "$file")$options --shard \$SLURM_ARRAY_TASK_ID/$shards --out $(printf '%q' "$out")/part-\$SLURM_ARRAY_TASK_ID.json")
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --job-name=margincert-merge --dependency=afterok:"$array" \
    --output="$out/logs/merge.out" \
    --wrap="$(printf '%q' "$bin") merge --summary $(printf '%q' "$out")/part-*.json > $(printf '%q' "$out")/all.json")
echo "$merge"
