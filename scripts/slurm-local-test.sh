#!/usr/bin/env bash
# Runs scripts/slurm-sweep.sh against a real single-node Slurm on this machine (as root):
# installs slurm-wlm and munge if missing, starts munged, slurmctld and slurmd with a private
# config, submits a 3-shard sweep, waits for the merge job, and checks that the merged JSON is
# byte-identical to the same sweep run unsharded. Stops the daemons it started.
# Usage: scripts/slurm-local-test.sh [margincert binary]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/margincert}")
command -v slurmctld > /dev/null || { apt-get update -qq && apt-get install -y -qq slurm-wlm munge > /dev/null; }
dir=$(mktemp -d /tmp/margincert-slurm.XXXXXX)
host=$(hostname -s)
mkdir -p "$dir/state" "$dir/spool" /run/munge
export SLURM_CONF=$dir/slurm.conf
cat > "$SLURM_CONF" <<CONF
ClusterName=margincert
SlurmctldHost=$host
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
}
trap cleanup EXIT
if ! pgrep -x munged > /dev/null; then
    [ -s /etc/munge/munge.key ] || mungekey --create --force
    chown -R munge:munge /etc/munge /run/munge 2> /dev/null || true
    runuser -u munge -- munged --foreground > "$dir/munged.log" 2>&1 & pids+=($!)
    sleep 1
fi
slurmctld -D -i > "$dir/slurmctld.out" 2>&1 & pids+=($!)
sleep 2
slurmd -D > "$dir/slurmd.out" 2>&1 & pids+=($!)
for _ in $(seq 1 30); do sinfo -h -o %T 2> /dev/null | grep -q idle && break; sleep 1; done
sinfo

common=(--flow gf --runs 9 --seed 7 --init 'perturb(1e-3)' --tolerance 1e-3)
job=$(MARGINCERT=$bin scripts/slurm-sweep.sh "$dir/sweep" 3 examples/vss-thm3.2-flow.proof "${common[@]}")
echo "merge job $job submitted"
for _ in $(seq 1 300); do
    state=$(scontrol show job "$job" 2> /dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
    case $state in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) break ;; esac
    sleep 1
done
echo "merge job state: $state"
cat "$dir/sweep/logs/merge.out" || true
"$bin" simulate examples/vss-thm3.2-flow.proof "${common[@]}" --out "$dir/whole.json" > /dev/null
if [ "$state" = COMPLETED ] && cmp -s "$dir/whole.json" "$dir/sweep/all.json"; then
    echo "slurm sweep: 3 array tasks merged byte-identical to the unsharded sweep"
    echo "1 passed, 0 failed"
else
    tail -20 "$dir/slurmctld.log" "$dir/slurmd.log" "$dir"/sweep/logs/*.out 2> /dev/null || true
    echo "0 passed, 1 failed"
    exit 1
fi
