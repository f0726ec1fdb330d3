#!/usr/bin/env bash
# Every C++ file is clang-formatted (style in .clang-format). Skipped, not
# failed, where clang-format is not installed.
source "$(dirname "$0")/lib.sh"
cd "$NIANBAO_SOURCE_DIR"
if ! command -v clang-format >/dev/null; then echo "clang-format not installed: skipped"; exit 0; fi
bad=$(git ls-files '*.cpp' '*.h' 2>/dev/null | while read -r f; do
  clang-format "$f" | cmp -s - "$f" || echo "$f"
done)
[ -z "$bad" ] && pass "all C++ files are clang-formatted" || fail "not formatted: $bad"
finish
