#!/usr/bin/env bash
# End to end on the five seed reports: exit codes, the findings a person expects,
# SARIF validated against the OASIS schema, byte-identical repeated output.
source "$(dirname "$0")/lib.sh"
VALIDATE="$NIANBAO_SHARED_DIR/tools/validate-sarif"

# Seed 004 has no 第一责任人 part: an error at line 53 (the part it should precede), exit 1.
expect_rc 1 "seed 004 fails" -- "$NIANBAO" check "$SEEDS/004_e216814a7c54799f.txt"
grep -q '004_e216814a7c54799f.txt:53:1: error\[fz.first-responsible-part\]' "$TMP/out" \
  && pass "seed 004: missing 第一责任人 part reported at 53:1" || fail "seed 004: no fz.first-responsible-part at 53:1"

# Seeds 000-003 have every part in order: no missing-part or order finding.
for s in 000_daaf7a29b731c3d8 001_cda731678efe901b 002_1924a0aa8324f161 003_6cdf66a710b6816f; do
  "$NIANBAO" check "$SEEDS/$s.txt" >"$TMP/$s.out" 2>&1
  if grep -Eq '\[(fz|xg)\.[a-z-]*-part\]|\[(fz|xg)\.part-order\]|nianbao.unknown-type' "$TMP/$s.out"; then
    fail "seed $s: unexpected part finding"; grep -E 'part|unknown' "$TMP/$s.out" | head -3
  else
    pass "seed $s: no missing-part or order finding"
  fi
done
# Seed 002 writes 习近平中国特色社会主义思想 (no 新时代) on line 9.
grep -q '002_1924a0aa8324f161.txt:9:16: error\[ph.xi-thought-full-name\]' "$TMP/002_1924a0aa8324f161.out" \
  && pass "seed 002: missing 新时代 at 9:16" || fail "seed 002: ph.xi-thought-full-name not at 9:16"
expect_rc 0 "seed 003 passes" -- "$NIANBAO" check "$SEEDS/003_6cdf66a710b6816f.txt"

# Every finding on the seeds, each checked by hand against the report:
#  000:296 "的的"; 000:319, 001:50 and 002:41 the 不足和原因 part lists problems
#  without any cause (002's is the rule's own bad example: 一是普法宣传形式略显单调…);
#  003: no date (5), 本年度止件数 heading misread as 本年废止 (41), 5 blank 表四 cells (103);
#  004: no date and no title (1:1), bare 纲要 (7), 法制宣传 (29, 67), no 第一责任人
#  part (53), 《法治政府建设纲要》 (55).
cat >"$TMP/want" <<'LIST'
000_daaf7a29b731c3d8.txt:296:5: warning[ph.doubled-de]
000_daaf7a29b731c3d8.txt:319:1: warning[fz.shortcomings-causes]
001_cda731678efe901b.txt:50:1: warning[fz.shortcomings-causes]
002_1924a0aa8324f161.txt:9:16: error[ph.xi-thought-full-name]
002_1924a0aa8324f161.txt:41:1: warning[fz.shortcomings-causes]
003_6cdf66a710b6816f.txt:5:1: note[xg.deadline-department]
003_6cdf66a710b6816f.txt:41:19: note[xg.t2-present]
003_6cdf66a710b6816f.txt:103:2: warning[xg.t4-filled]
004_e216814a7c54799f.txt:1:1: note[fz.publish-deadline]
004_e216814a7c54799f.txt:1:1: note[fz.title-present]
004_e216814a7c54799f.txt:7:109: warning[ph.gangyao-bare]
004_e216814a7c54799f.txt:29:67: note[ph.fazhi-propaganda]
004_e216814a7c54799f.txt:53:1: error[fz.first-responsible-part]
004_e216814a7c54799f.txt:55:23: error[ph.gangyao-title]
004_e216814a7c54799f.txt:67:261: note[ph.fazhi-propaganda]
LIST
for f in "$SEEDS"/*.txt; do "$NIANBAO" check "$f"; done 2>&1 |
  grep -oE '^[^ ]+:[0-9]+:[0-9]+: (error|warning|note)\[[^]]+\]' | sed 's#^.*/##' >"$TMP/got"
cmp -s "$TMP/want" "$TMP/got" && pass "the seeds give exactly the 15 hand-checked findings" ||
  { fail "seed findings differ from the hand-checked list"; diff "$TMP/want" "$TMP/got"; }

# SARIF for each seed and for all at once validates against the schema.
for f in "$SEEDS"/*.txt; do
  "$NIANBAO" check --format sarif -o "$TMP/$(basename "$f" .txt).sarif" "$f" 2>/dev/null
done
"$NIANBAO" check --format sarif -o "$TMP/all.sarif" "$SEEDS" 2>/dev/null
if "$VALIDATE" "$TMP"/*.sarif >"$TMP/validate.out" 2>&1; then
  pass "SARIF validates ($(ls "$TMP"/*.sarif | wc -l) files)"
else
  fail "SARIF does not validate"; head -20 "$TMP/validate.out"
fi
python3 - "$TMP/004_e216814a7c54799f.sarif" <<'PY' && pass "SARIF content of seed 004" || fail "SARIF content of seed 004"
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
assert run["invocations"][0]["exitCode"] == 1
rules = run["tool"]["driver"]["rules"]
res = [r for r in run["results"] if r["ruleId"] == "fz.first-responsible-part"]
assert len(res) == 1, res
r = res[0]
assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
assert rules[r["ruleIndex"]]["properties"]["basis"]["document"].startswith("《法治政府建设与责任落实督察工作规定》")
region = r["locations"][0]["physicalLocation"]["region"]
assert (region["startLine"], region["startColumn"]) == (53, 1), region
assert region["snippet"]["text"] == "三、2023年法治政府建设的主要安排", region
assert r["level"] == "error" and "nianbao/v1" in r["partialFingerprints"]
PY

# Same input, same bytes.
"$NIANBAO" check --format sarif -o "$TMP/again.sarif" "$SEEDS" 2>/dev/null
cmp -s "$TMP/all.sarif" "$TMP/again.sarif" && pass "SARIF output is deterministic" || fail "SARIF differs between runs"

# Top-level parts as parse shows them (000: 4, 001: 4, 002: 4, 003: 6, 004: 3).
for pair in 000_daaf7a29b731c3d8:4 001_cda731678efe901b:4 002_1924a0aa8324f161:4 003_6cdf66a710b6816f:6 004_e216814a7c54799f:3; do
  s=${pair%:*}; n=${pair#*:}
  got=$("$NIANBAO" parse --format json "$SEEDS/$s.txt" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["outline"]))')
  [ "$got" = "$n" ] && pass "parse $s: $n top-level parts" || fail "parse $s: $got top-level parts, expected $n"
done
finish
