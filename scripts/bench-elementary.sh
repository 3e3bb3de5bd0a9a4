#!/usr/bin/env bash
# exp/log enclosures: MarginCert's hand-written series (Exact.Interval, the `exact` benchmark
# group, release build) next to MPFR (gmpy2) and Arb (python-flint) on the same arguments and
# precisions (scripts/oracle/elementary_reference.py). Needs `pip install gmpy2 python-flint`.
# Usage: scripts/bench-elementary.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bench.sh exact | sed -n '/Interval enclosures/,/sqrt(2) to 1000/p'
python3 scripts/oracle/elementary_reference.py
