#!/usr/bin/env bash
# A short run of every libFuzzer target (fuzz/, docs/fuzzing.md) on its seed
# corpus: ASan + UBSan, a few seconds each, any crash, leak, timeout or
# sanitizer report fails. Needs clang++ (libFuzzer); passes as skipped without.
# The fuzz build lives in fuzz-smoke/ under the ctest binary dir and is reused
# between runs; only the fuzz targets are built.
source "$(dirname "$0")/lib.sh"
if ! command -v clang++ >/dev/null; then
  pass "skipped: clang++ not found"
  finish
fi
# The fuzz build is itself ASan + UBSan: scripts/sanitize.sh runs it once, not twice.
if [ -n "${NIANBAO_SKIP_FUZZ_SMOKE:-}" ]; then
  pass "skipped: NIANBAO_SKIP_FUZZ_SMOKE is set (the smoke run already ran in the normal build)"
  finish
fi
B="$PWD/fuzz-smoke"
SECS=${NIANBAO_FUZZ_SMOKE_SECONDS:-3}
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
if [ ! -f "$B/CMakeCache.txt" ]; then
  cmake -S "$NIANBAO_SOURCE_DIR" -B "$B" "${gen[@]}" -DCMAKE_CXX_COMPILER=clang++ -DNIANBAO_FUZZ=ON \
    -DNIANBAO_BUILD_TESTS=OFF -DNIANBAO_SHARED_DIR="$NIANBAO_SHARED_DIR" >"$TMP/configure.log" 2>&1 ||
    { fail "configure the fuzz build"; tail -20 "$TMP/configure.log"; finish; }
fi
if cmake --build "$B" --target fuzzers >"$TMP/build.log" 2>&1; then
  pass "fuzz targets built ($B)"
else
  fail "build the fuzz targets"
  grep -E "error|FAILED" "$TMP/build.log" | head -20
  finish
fi
rm -rf "$B/fuzz/corpus" "$B/fuzz/artifacts"  # each smoke run starts from the seeds alone
for t in $(bash "$NIANBAO_SOURCE_DIR/fuzz/run.sh" "$B" --list); do
  bash "$NIANBAO_SOURCE_DIR/fuzz/run.sh" "$B" "$t" "$SECS" >"$TMP/$t.log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$TMP/$t.log" | tail -1)
  if [ "$rc" = 0 ]; then
    pass "fuzz_$t: ${runs:-?} runs in ${SECS} s, no crash"
  else
    fail "fuzz_$t: exit $rc"
    grep -E "ERROR|SUMMARY|invariant failed|runtime error|Test unit written" "$TMP/$t.log" | head -8 | sed 's/^/     /'
  fi
done
finish
