#!/usr/bin/env bash
# The whole test suite, as CI runs it (`.ci/run`, after scripts/setup.sh):
#   1. `swift test`: unit, property and paper tests (debug build; proofs/ checked by PapersTests);
#   2. the soundness suite, scripts/mutation-suite.sh: ≥ 10,000 mutants of proofs/ in release
#      mode, no false proof and no crash allowed;
#   3. a short seeded fuzz run over the proof-file pipeline: inputs 0..<3000 of seed 1 (a fixed
#      set; about a minute), scripts/fuzz.sh seeded. Longer runs: scripts/fuzz.sh seeded 1800 S;
#   4. certificates: the independent checker's tests, then `margincert check proofs/
#      --certificates DIR` and `python3 -m margincert_check DIR` (scripts/certificates.sh; under
#      a minute): no certificate may be rejected.
# About 15 minutes on 2 cores from a clean clone. Exit status 0 when all four pass.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
scripts/mutation-suite.sh 0.2 14 .build-rel
FUZZ_INPUTS="${FUZZ_INPUTS:-3000}" scripts/fuzz.sh seeded 600 1 .build-rel
scripts/certificates.sh .build-rel
