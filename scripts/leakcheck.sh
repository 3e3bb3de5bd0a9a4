#!/usr/bin/env bash
# Leak checks: the exact layer (GMP wrappers) under valgrind memcheck, then the test suite
# under LeakSanitizer.
#
# Usage: scripts/leakcheck.sh [SCRATCH_PATH] [FILTER]   (default .build, the whole test suite)
#        LSAN_SCRATCH=PATH (default SCRATCH_PATH-asan): where the sanitized build goes, apart
#        from the plain one (switching one scratch path between the two rebuilds everything).
#        VALGRIND_ONLY=1 / LSAN_ONLY=1: one of the two checks.
#
# 1. valgrind: valgrind 3.19 (Debian 12's) dies with "VALGRIND INTERNAL ERROR ... SIGSEGV" on
#    any Swift program whose async main parks the main thread in dispatch_main, and
#    swift-testing's runner does, so it cannot run the test bundle. The script compiles
#    scripts/leakcheck/ExactWorkload.swift, a synchronous program over the code paths of
#    Tests/ExactTests, against the built Exact objects and runs that under valgrind.
#    (The CLI runs under valgrind too: `VALGRIND=1 scripts/memcheck-sweep.sh`.)
# 2. LeakSanitizer: `swift test --sanitize=address` (ASan's leak check runs at exit) over
#    FILTER, or the whole suite.
#
# Known false positive of both tools: a value of a multi-payload Swift enum keeps its case in
# the spare high bits of a payload pointer, so neither tool recognizes that pointer, and what
# only such an enum references is reported "definitely lost" although it is reachable. The
# memo of Sources/Exact/RootDefiningFactors+Cache.swift (keys `Operation`, an enum of
# polynomials) shows up that way: polynomial coefficient arrays allocated under
# `Polynomial.primitive`, a few KB, bounded by the memo's capacity (checking a file three times
# reports the same bytes as checking it once).
# Known real leak, outside the project: this toolchain's Foundation loses a 4 KB buffer on every
# read of an empty file (`String(contentsOfFile:)`, `FileManager.contents(atPath:)`); the check
# supervisor reads each worker's (usually empty) standard error that way, so the CLI's child
# processes started by the tests report 4096-byte leaks.
#
# Exit status: 0 when neither tool reports a leak.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-.build}"
filter="${2:-}"
lsan_scratch="${LSAN_SCRATCH:-$scratch-asan}"
status=0

if [ "${LSAN_ONLY:-0}" != 1 ]; then
    swift build --scratch-path "$scratch" --target Exact >/dev/null
    bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
    log="$scratch/leakcheck-valgrind.log"
    workload="$scratch/leakcheck-workload"
    objects=()  # the objects of the current sources only (the build folder may hold stale ones)
    for source in Sources/Exact/*.swift; do objects+=("$bin/Exact.build/$(basename "$source").o"); done
    swiftc -Onone -g -I "$bin/Modules" -I Sources/CGMP scripts/leakcheck/ExactWorkload.swift \
        "${objects[@]}" -lgmp -o "$workload"
    valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 "$workload" >"$log" 2>&1 || status=1
    echo "valgrind, scripts/leakcheck/ExactWorkload.swift (log: $log):"
    grep -E "workload|definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== /  /'
fi

if [ "${VALGRIND_ONLY:-0}" != 1 ]; then
    log="$lsan_scratch/leakcheck-lsan.log"
    mkdir -p "$lsan_scratch"
    lsan_status=0
    ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" swift test --sanitize=address --scratch-path "$lsan_scratch" \
        ${filter:+--filter "$filter"} >"$log" 2>&1 || lsan_status=$?
    echo "LeakSanitizer, swift test ${filter:+--filter '$filter'} (log: $log):"
    grep -E "Test run with|SUMMARY: AddressSanitizer|ERROR: (Leak|Address)Sanitizer|error:" "$log" | sed -n 's/^/  /; 1,20p'
    grep -q "ERROR: LeakSanitizer" "$log" && echo "  leaks: $(grep -c '^Direct leak' "$log") direct, $(grep -c '^Indirect leak' "$log") indirect"
    [ "$lsan_status" = 0 ] || status=1
fi
exit "$status"
