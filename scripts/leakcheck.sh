#!/usr/bin/env bash
# Leak check of the exact layer (GMP wrappers) under valgrind memcheck.
#
# Usage: scripts/leakcheck.sh [SCRATCH_PATH]   (default .build)
#
# First it runs the ExactTests suites of the swift-testing bundle under valgrind, invoked as
# `swift test` does: `MarginCertPackageTests.xctest --testing-library swift-testing --filter ExactTests`.
# Valgrind 3.19 (Debian 12's) dies with "VALGRIND INTERNAL ERROR ... SIGSEGV" on any Swift
# program whose async main parks the main thread in dispatch_main (swift-testing's runner
# does). When that happens, the script compiles scripts/leakcheck/ExactWorkload.swift, a
# synchronous program over the same code paths, against the built Exact objects and runs that
# under valgrind instead. Exit status: 0 when no block is definitely lost.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-.build}"
valgrind=(valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1)
log="$scratch/leakcheck.log"

swift build --build-tests --scratch-path "$scratch"
bin="$(swift build --scratch-path "$scratch" --show-bin-path)"

status=0
"${valgrind[@]}" "$bin/MarginCertPackageTests.xctest" --testing-library swift-testing --filter ExactTests \
    >"$log" 2>&1 || status=$?
if grep -q "VALGRIND INTERNAL ERROR" "$log"; then
    echo "valgrind cannot run the swift-testing bundle (internal error; see $log);"
    echo "running the synchronous workload scripts/leakcheck/ExactWorkload.swift instead."
    workload="$scratch/leakcheck-workload"
    objects=()  # the objects of the current sources only (the build folder may hold stale ones)
    for source in Sources/Exact/*.swift; do objects+=("$bin/Exact.build/$(basename "$source").o"); done
    swiftc -Onone -g -I "$bin/Modules" -I Sources/CGMP scripts/leakcheck/ExactWorkload.swift \
        "${objects[@]}" -lgmp -o "$workload"
    status=0
    "${valgrind[@]}" "$workload" >"$log" 2>&1 || status=$?
fi
grep -E "workload|Test run|definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== //'
exit "$status"
