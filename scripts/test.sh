#!/usr/bin/env bash
# The whole test suite, as CI runs it (`.ci/run`, after scripts/setup.sh):
#   1. `swift test`: unit, property and paper tests (debug build; proofs/ checked by PapersTests);
#   2. the soundness suite, scripts/mutation-suite.sh: ≥ 10,000 mutants of proofs/ in release
#      mode, no false proof and no crash allowed;
#   3. the differential test, scripts/differential.sh: 2,000 seeded claims over integer
#      parameters and real ranges decided by the prover and checked by an independent oracle;
#   4. a short seeded fuzz run over the proof-file pipeline: inputs 0..<3000 of seed 1 (a fixed
#      set; about a minute), scripts/fuzz.sh seeded. Longer runs: scripts/fuzz.sh seeded 1800 S;
#   5. certificates: the independent checker's tests, then `margincert check proofs/
#      --certificates DIR` and `python3 -m margincert_check DIR` (scripts/certificates.sh; under
#      a minute): no certificate may be rejected;
#   6. the library as a client sees it: the example package examples/library builds against
#      MarginCert by path and runs (about 2 minutes), and the DocC catalog builds without warnings.
# About 20 minutes on 2 cores from a clean clone. Exit status 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
scripts/mutation-suite.sh 0.2 14 .build-rel
scripts/differential.sh 2000 1 .build-rel
FUZZ_INPUTS="${FUZZ_INPUTS:-3000}" scripts/fuzz.sh seeded 600 1 .build-rel
scripts/certificates.sh .build-rel
swift run --package-path examples/library CheckConstruction
swift package generate-documentation --target MarginCert --warnings-as-errors
