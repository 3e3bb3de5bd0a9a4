#!/usr/bin/env bash
# Installs what MarginCert needs (Debian/Ubuntu), if it is missing: GMP to build; for the tests,
# python3 (the independent certificate checker, checker/: standard library and python-flint), headless
# Chromium (the HTML report is loaded in it), pdflatex (the LaTeX table is compiled), and the
# Python packages of the differential tests' oracles (mpmath, SymPy, python-flint). The report tests skip,
# saying why, without Chromium or pdflatex. `scripts/setup.sh --build` installs only what
# building needs (scripts/run.sh).
set -euo pipefail
packages=(libgmp-dev)
[ "${1:-}" = --build ] || packages+=(python3 chromium texlive-latex-base)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}"
fi
# The differential tests' oracles (scripts/oracle) need mpmath, SymPy and python-flint (Arb); the
# checker python-flint (its exact polynomial arithmetic and the Arb enclosures of exp and log).
if [ "${1:-}" != --build ] && ! python3 -c 'import mpmath, sympy, flint' >/dev/null 2>&1; then
  python3 -m pip install --quiet mpmath sympy python-flint
fi
