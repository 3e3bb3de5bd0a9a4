#!/usr/bin/env bash
# Certificates end to end (part of scripts/test.sh, CI): the independent checker's own tests,
# then `margincert check proofs/ --certificates DIR` (release build) and the checker over DIR.
# Fails when a claim of proofs/ does not get its expected verdict, when a checker test fails,
# or when any certificate is rejected. Not checkable certificates are listed with the reason.
#
# Usage: scripts/certificates.sh [SCRATCH] [DIR]   (defaults: .build-rel, a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-.build-rel}"
dir="${2:-$(mktemp -d)}"
[ -n "${2:-}" ] || trap 'rm -rf "$dir"' EXIT
(cd checker && python3 -m unittest discover -s tests -t . -q)
swift build -c release --scratch-path "$scratch" --product margincert >/dev/null
"$scratch/release/margincert" check proofs/ --no-times --certificates "$dir" | tail -1
(cd checker && python3 -m margincert_check "$dir")
