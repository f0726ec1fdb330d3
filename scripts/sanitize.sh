#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer + UndefinedBehaviorSanitizer
# (-fno-sanitize-recover=all: any report fails) into build-asan/ and runs every
# test there. Installs what is missing first, like scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
NIANBAO_SETUP_ONLY=1 scripts/setup.sh
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build build-asan
# Leaks count as failures too; a report aborts the process with a non-zero exit.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# poppler's fontconfig keeps a cache for the life of the process: not ours.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp"
export NIANBAO_SKIP_FUZZ_SMOKE=1  # the fuzzers are sanitized already; the normal run runs them
export NIANBAO_TIME_FACTOR="${NIANBAO_TIME_FACTOR:-4}"  # time bounds in tests, scaled for ASan
ctest --test-dir build-asan --output-on-failure "$@"
