#!/usr/bin/env bash
# Installs what MarginCert needs (Debian/Ubuntu), if it is missing: the system libraries, and
# the Python packages of the differential test.
set -euo pipefail
missing=()
for pkg in libgmp-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}"
fi
# The differential test's oracle (scripts/oracle) needs mpmath and SymPy.
if ! python3 -c 'import mpmath, sympy' >/dev/null 2>&1; then
  python3 -m pip install --quiet mpmath sympy
fi
