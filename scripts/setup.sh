#!/usr/bin/env bash
# Installs the system libraries MarginCert needs (Debian/Ubuntu), if they are missing, and
# python3 for the independent certificate checker (checker/: standard library only).
set -euo pipefail
missing=()
for pkg in libgmp-dev python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}"
fi
