#!/usr/bin/env bash
# Installs the Debian 12 packages nianbao needs (only the missing ones), then
# configures and builds into build/. Safe to run again: it does only what is left.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  cmake ninja-build g++ pkg-config
  libyaml-cpp-dev libre2-dev libicu-dev libboost-program-options-dev doctest-dev
  nlohmann-json3-dev
  libxml2-dev libzip-dev libpugixml-dev libpoppler-cpp-dev   # HTML, DOCX, PDF readers
  python3 python3-jsonschema python3-yaml   # tests: SARIF and rule-pack schema validation
  chromium fonts-wqy-microhei               # tests: HTML report rendering (headless, CJK font)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The sanitizer script only needs the packages.
if [ -n "${NIANBAO_SETUP_ONLY:-}" ]; then exit 0; fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${NIANBAO_BUILD_TYPE:-RelWithDebInfo}"
cmake --build build
