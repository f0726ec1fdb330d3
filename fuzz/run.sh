#!/usr/bin/env bash
# Runs one libFuzzer target on its seed corpus (see docs/fuzzing.md).
#
#   fuzz/run.sh BUILD_DIR TARGET SECONDS [libFuzzer options...]
#   fuzz/run.sh build-fuzz pdf 600
#   fuzz/run.sh build-fuzz --list          # the targets
#
# Seeds come from the source tree by path (examples/, rules/packs, test
# fixtures, fuzz/seeds/, fuzz/regressions/) and from the shared corpus ($NIANBAO_SHARED_DIR or
# ../shared); they are copied into BUILD_DIR/fuzz/seeds/TARGET. A dictionary
# from fuzz/dicts/ guides the mutations. New inputs the
# fuzzer finds go to BUILD_DIR/fuzz/corpus/TARGET (kept between runs), crash
# reproducers to BUILD_DIR/fuzz/artifacts/TARGET/. Exit status: libFuzzer's
# (0 = nothing found).
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${NIANBAO_SHARED_DIR:-$SRC/../shared}
TARGETS="decode text markdown html docx pdf outline tables rules expr"
if [ "${2:-}" = "--list" ]; then echo "$TARGETS"; exit 0; fi
[ $# -ge 3 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BUILD=$1 TARGET=$2 SECONDS_=$3
shift 3
BIN="$BUILD/fuzz/fuzz_$TARGET"
[ -x "$BIN" ] || { echo "no fuzz target $BIN (build with -DNIANBAO_FUZZ=ON)" >&2; exit 2; }

# The seed files of a target, one path a line (missing ones are skipped).
seeds() {
  local ex="$SRC/examples" fx="$SRC/tests/fixtures" real="$SHARED/corpus/real"
  case $1 in
    decode) ls "$SRC"/fuzz/seeds/decode/* "$ex"/fz-2023-defects.txt "$SRC"/fuzz/seeds/text/* ;;
    text | outline | tables)
      ls "$ex"/*.txt "$ex"/*.md "$ex"/*-variants/0[0-7]-*.txt "$real"/*.txt "$real"/*.md "$SHARED"/seeds/*.txt
      [ "$1" = text ] && ls "$SRC"/fuzz/seeds/text/* ;;
    markdown) ls "$ex"/*.md "$real"/*.md "$ex"/*.txt "$SHARED"/seeds/*.txt ;;
    html) ls "$ex"/formats/*.html "$fx"/documents/*.html "$SRC"/fuzz/seeds/html/* ;;
    docx) ls "$ex"/formats/*.docx "$fx"/documents/*.docx "$SRC"/fuzz/seeds/docx/* ;;
    # Small PDFs (fuzz/seeds/pdf/make_small.py): the examples'
    # and the real corpus's 65-410 KB PDFs are mostly embedded font, and slow every run.
    pdf) ls "$SRC"/fuzz/seeds/pdf/*.pdf ;;
    rules) ls "$SRC"/rules/packs/*.yaml "$fx"/bad-rules/*.yaml "$fx"/bad-rules-multi/*.yaml "$fx"/rules/*.yaml ;;
    expr) ls "$SRC"/fuzz/seeds/expr/* ;;
    *) echo "unknown target: $1 (targets: $TARGETS)" >&2; return 2 ;;
  esac 2>/dev/null || true
  # Inputs that once crashed the target (fixed since): every run replays them first.
  ls "$SRC"/fuzz/regressions/"$1"/* 2>/dev/null || true
}

# The dictionary of tokens a target's input is made of (fuzz/dicts/).
case $TARGET in
  decode | text | markdown | outline | tables) DICT=report ;;
  *) DICT=$TARGET ;;
esac

SEEDS="$BUILD/fuzz/seeds/$TARGET" CORPUS="$BUILD/fuzz/corpus/$TARGET" ART="$BUILD/fuzz/artifacts/$TARGET"
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$CORPUS" "$ART"
n=0
while read -r f; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  cp "$f" "$SEEDS/$(printf %03d $n)-$(basename "$f")"
done < <(seeds "$TARGET")
[ "$n" -gt 0 ] || { echo "no seeds for $TARGET" >&2; exit 2; }
# Poppler's fontconfig keeps a process-wide cache that LeakSanitizer reports at exit.
export LSAN_OPTIONS="suppressions=$SRC/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Only inputs below the time, memory and size limits count; anything else is a finding.
# One process, in the foreground (-jobs/-workers would fork and log to fuzz-N.log).
exec "$BIN" "$CORPUS" "$SEEDS" -max_total_time="$SECONDS_" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -dict="$SRC/fuzz/dicts/$DICT.dict" -artifact_prefix="$ART/" "$@"
