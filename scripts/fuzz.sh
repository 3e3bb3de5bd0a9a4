#!/usr/bin/env bash
# Fuzzing of the proof-file pipeline (lex, parse, elaborate, check, render).
#
# Usage:
#   scripts/fuzz.sh seeded SECONDS [SEED] [SCRATCH]     (defaults: 60 s, seed 1, .build-fuzz)
#   scripts/fuzz.sh libfuzzer SECONDS [SCRATCH]
#
# seeded: `margincert fuzz proofs/` (Mutation.fuzzInput: token and byte mutants of the files in
#   proofs/, random text) in a loop that survives crashes and hangs: when the process dies (a
#   trap) or its watchdog reports a hang (exit 4), the input is kept in fuzz-findings/ and the
#   run goes on at the next index (an input that reaches the size limit ends the process with
#   status 5, as designed: not a finding; one that overruns in process but that `margincert
#   check`, with its hard stop, ends in time ends it with status 6: not a finding either).
#   Prints the executions and findings.
# libfuzzer: builds scripts/fuzz/ProofFileFuzzer.swift with `swiftc -sanitize=fuzzer` against
#   the ProofFiles objects compiled with coverage instrumentation, and runs libFuzzer on a
#   corpus seeded with proofs/ and Tests/ProofFilesTests/FuzzCorpus/ (new inputs land in
#   fuzz-corpus/, crashes in fuzz-findings/).
# Findings worth keeping go to Tests/ProofFilesTests/FuzzCorpus/, replayed by FuzzCorpusTests.
# Exit status: 0 when nothing was found, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
mode="${1:-seeded}"
seconds="${2:-60}"
mkdir -p fuzz-findings

if [ "$mode" = seeded ]; then
    seed="${3:-1}"
    scratch="${4:-.build-fuzz}"
    swift build -c release --scratch-path "$scratch" --product margincert >/dev/null || exit 2
    bin="$scratch/release/margincert"
    start=0 findings=0
    end=$(( $(date +%s) + seconds ))
    log=fuzz-findings/seeded-$seed.log
    : >"$log"
    while [ "$(date +%s)" -lt "$end" ] && [ "$start" -lt "${FUZZ_INPUTS:-9223372036854775807}" ]; do
        left=$(( end - $(date +%s) ))
        # FUZZ_INPUTS=N stops after inputs 0..<N (a fixed set, as CI runs it), within SECONDS.
        "$bin" fuzz proofs --seconds "$left" --seed "$seed" --start "$start" --save fuzz-findings \
            ${FUZZ_INPUTS:+--count $(( FUZZ_INPUTS - start ))} \
            --hang 30 --current fuzz-findings/.current.proof >>"$log" 2>&1
        status=$?
        [ "$status" -eq 0 ] && break
        [ "$status" -eq 1 ] && break   # findings, all reported in the log; the run is over
        index=$(cat fuzz-findings/.current.proof.index)
        if [ "$status" -eq 5 ]; then   # the size limit: the documented, clean end (docs/errors.md)
            echo "seed $seed index $index: size limit (status 5), as designed" >>"$log"
        elif [ "$status" -eq 6 ]; then # overran in process, stopped from outside by `check`: logged by fuzz
            :
        elif [ "$status" -ne 4 ]; then
            echo "FINDING seed $seed index $index: the process died (status $status)" >>"$log"
            cp fuzz-findings/.current.proof "fuzz-findings/crash-$seed-$index.proof"
        fi
        start=$(( index + 1 ))
    done
    grep -E "^FINDING|^fuzz:" "$log"
    findings=$(grep -c "^FINDING" "$log")
    last=$(grep "^fuzz:" "$log" | tail -1)
    echo "seeded fuzzing, seed $seed, ${seconds} s: ${last:+$last; }$findings findings in total (log: $log)"
    [ "$findings" -eq 0 ]
    exit $?
fi

if [ "$mode" = libfuzzer ]; then
    scratch="${3:-.build-libfuzzer}"
    swift build -c release --scratch-path "$scratch" --target ProofFiles -Xswiftc -sanitize=fuzzer >/dev/null || exit 2
    bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
    objects=()  # the objects of the current sources only (the build folder may hold stale ones)
    for module in Exact Symbolic Networks Certify GradientFlow ProofFiles; do
        for source in Sources/$module/*.swift; do objects+=("$bin/$module.build/$(basename "$source").o"); done
    done
    fuzzer="$scratch/proof-file-fuzzer"
    swiftc -O -sanitize=fuzzer -parse-as-library -I "$bin/Modules" -I Sources/CGMP \
        scripts/fuzz/ProofFileFuzzer.swift "${objects[@]}" -lgmp -o "$fuzzer" 2>&1 | grep -v "warning: Cannot export" || true
    mkdir -p fuzz-corpus
    SWIFT_BACKTRACE=enable=no "$fuzzer" fuzz-corpus proofs Tests/ProofFilesTests/FuzzCorpus -max_total_time="$seconds" -timeout=30 \
        -max_len=8192 -dict=scripts/fuzz/proof.dict -artifact_prefix=fuzz-findings/ -print_final_stats=1 2>&1 \
        | grep -E "^#[0-9]+.*(DONE|pulse)|stat::|ERROR|SUMMARY|Test unit written" | tail -20
    exit "${PIPESTATUS[0]}"
fi

echo "usage: scripts/fuzz.sh seeded|libfuzzer SECONDS [SEED] [SCRATCH]" >&2
exit 2
