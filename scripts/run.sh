#!/usr/bin/env bash
# The main job on a fresh Debian machine: install what is missing, build MarginCert (release)
# and check every construction in proofs/. Extra arguments go to `margincert check`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build
swift build -c release --product margincert --quiet
exec .build/release/margincert check proofs/ "$@"
