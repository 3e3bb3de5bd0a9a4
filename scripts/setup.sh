#!/usr/bin/env bash
# Installs the system packages MarginCert needs (Debian/Ubuntu), if they are missing: GMP to
# build; for the tests of the reports, headless Chromium (the HTML report is loaded in it) and
# pdflatex (the LaTeX table is compiled). The report tests skip, saying why, without the last two.
# `scripts/setup.sh --build` installs only what building needs (scripts/run.sh).
set -euo pipefail
packages=(libgmp-dev)
[ "${1:-}" = --build ] || packages+=(chromium texlive-latex-base)
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
