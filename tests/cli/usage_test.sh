#!/usr/bin/env bash
# Usage and input errors: one clear line on stderr, exit 2, never a crash.
source "$(dirname "$0")/lib.sh"
one_line() {  # DESCRIPTION PATTERN: stderr of the last expect_rc is one line matching PATTERN
  local n; n=$(wc -l <"$TMP/err")
  if [ "$n" = 1 ] && grep -Eq "$2" "$TMP/err"; then pass "$1: one line"; else fail "$1: stderr was:"; sed 's/^/     /' "$TMP/err" | head -5; fi
}
expect_rc 2 "no command" -- "$NIANBAO"
expect_rc 2 "unknown command" -- "$NIANBAO" frobnicate
expect_rc 0 "help" -- "$NIANBAO" --help
expect_rc 0 "version" -- "$NIANBAO" version
expect_rc 2 "unknown option" -- "$NIANBAO" check --bogus "$SEEDS/003_6cdf66a710b6816f.txt"
one_line "unknown option" 'bogus'
expect_rc 2 "no input" -- "$NIANBAO" check
expect_rc 2 "unknown format" -- "$NIANBAO" check --format xml "$SEEDS/003_6cdf66a710b6816f.txt"
one_line "unknown format" 'xml'
expect_rc 2 "unknown type" -- "$NIANBAO" check --type zz "$SEEDS/003_6cdf66a710b6816f.txt"
one_line "unknown type" "zz"
expect_rc 2 "bad --fail-on" -- "$NIANBAO" check --fail-on fatal "$SEEDS/003_6cdf66a710b6816f.txt"
expect_rc 2 "missing file" -- "$NIANBAO" check "$TMP/nope.txt"
one_line "missing file" 'nope.txt'
: >"$TMP/empty.txt"
expect_rc 2 "empty file" -- "$NIANBAO" check "$TMP/empty.txt"
one_line "empty file" 'empty.txt.*文件为空'
head -c 4096 /dev/urandom >"$TMP/junk.txt"
printf '\0' >>"$TMP/junk.txt"
expect_rc 2 "binary junk" -- "$NIANBAO" check "$TMP/junk.txt"
one_line "binary junk" 'junk.txt'
printf '\xff\xfe\xfd\x80 not text' >"$TMP/bad.txt"
expect_rc 2 "undecodable bytes" -- "$NIANBAO" check --encoding UTF-8 "$TMP/bad.txt"
one_line "undecodable bytes" 'bad.txt:字节0'
mkdir -p "$TMP/emptydir"
expect_rc 2 "an empty directory" -- "$NIANBAO" check "$TMP/emptydir"
# One bad file among good ones: the others are still checked, exit 2.
expect_rc 2 "batch with a bad file" -- "$NIANBAO" check "$SEEDS/004_e216814a7c54799f.txt" "$TMP/empty.txt"
grep -q 'fz.first-responsible-part' "$TMP/out" && pass "batch: the good file is still reported" || fail "batch: good file not reported"
# --fail-on: a note-only report exits 0 by default and 1 with --fail-on note.
printf '2022年，某局坚持依法行政。\n一、2022年法治政府建设的主要举措和成效\n内容，内容。\n二、存在的不足和原因\n不足，原因。\n三、主要负责人履行推进法治建设第一责任人职责情况\n履职，情况。\n四、2023年主要安排\n安排，计划。\n' >"$TMP/notitle.txt"
expect_rc 0 "note only, default --fail-on" -- "$NIANBAO" check "$TMP/notitle.txt"
expect_rc 1 "note only, --fail-on note" -- "$NIANBAO" check --fail-on note "$TMP/notitle.txt"
# A GB18030 file decodes to the same findings as its UTF-8 original.
iconv -f UTF-8 -t GB18030 "$SEEDS/004_e216814a7c54799f.txt" >"$TMP/004-gb.txt"
"$NIANBAO" check "$SEEDS/004_e216814a7c54799f.txt" 2>&1 | sed 's#^.*004_e216814a7c54799f.txt##' >"$TMP/a"
"$NIANBAO" check "$TMP/004-gb.txt" 2>&1 | sed 's#^.*004-gb.txt##' >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && pass "GB18030 copy gives the same findings" || fail "GB18030 copy differs"
# Seed 002 too (its finding sits on line 9, after a title block).
iconv -f UTF-8 -t GB18030 "$SEEDS/002_"*.txt >"$TMP/002-gb.txt"
"$NIANBAO" check "$SEEDS/002_"*.txt 2>&1 | sed 's#^.*/002_[0-9a-f]*\.txt##' >"$TMP/a2"
"$NIANBAO" check "$TMP/002-gb.txt" 2>&1 | sed 's#^.*002-gb.txt##' >"$TMP/b2"
grep -q 'ph.xi-thought-full-name' "$TMP/a2" && cmp -s "$TMP/a2" "$TMP/b2" &&
  pass "GB18030 copy of seed 002 gives the same findings" || { fail "GB18030 copy of seed 002 differs"; diff "$TMP/a2" "$TMP/b2" | head -5; }
# A UTF-8 BOM and CRLF line ends change nothing a person sees.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$SEEDS/004_e216814a7c54799f.txt"; } >"$TMP/004-bom-crlf.txt"
"$NIANBAO" check "$TMP/004-bom-crlf.txt" 2>&1 | sed 's#^.*004-bom-crlf.txt##' >"$TMP/c"
cmp -s "$TMP/a" "$TMP/c" && pass "BOM + CRLF copy gives the same findings and positions" || { fail "BOM + CRLF copy differs"; diff "$TMP/a" "$TMP/c" | head -5; }
# A rule pattern whose year group is not digits is skipped, not a crash.
printf '二〇二二年度某局法治政府建设情况报告\n二〇二二年，某局依法行政。\n' >"$TMP/cn-year.txt"
expect_rc 1 "year_rule on Chinese numerals" -- "$NIANBAO" check -r "$NIANBAO_SOURCE_DIR/tests/fixtures/rules/cn-year.yaml" "$TMP/cn-year.txt"
grep -q '内部错误' "$TMP/err" && fail "year_rule on Chinese numerals: internal error" || pass "year_rule on Chinese numerals: no internal error"
finish
