#!/usr/bin/env bash
# Baselines: known findings hidden (and SARIF-marked unchanged), new ones shown,
# from the command line and from nianbao.yaml; matching survives edits elsewhere.
source "$(dirname "$0")/lib.sh"
EX="$NIANBAO_SOURCE_DIR/examples"
cp "$EX/fz-2023-defects.txt" "$TMP/r.txt"
expect_rc 1 "write a baseline of the 6 findings" -- "$NIANBAO" check --write-baseline "$TMP/bl.json" "$TMP/r.txt"
n=$(grep -c '"fingerprint"' "$TMP/bl.json")
[ "$n" = 6 ] && pass "baseline holds 6 fingerprints" || fail "baseline holds $n fingerprints"
# Edit elsewhere (a line inserted above, a heading reworded) and add one new defect (法制宣传).
sed -i '5i 本年度新增一段说明文字。' "$TMP/r.txt"
sed -i 's/2024年工作计划/2024年工作安排/' "$TMP/r.txt"
sed -i '9i 我局深入开展法制宣传活动，群众满意度明显提高。' "$TMP/r.txt"
expect_rc 0 "with the baseline only the new note remains, exit 0" -- "$NIANBAO" check --baseline "$TMP/bl.json" "$TMP/r.txt"
grep -q 'note\[ph.fazhi-propaganda\]' "$TMP/out" && [ "$(grep -c '^[^ ].*: \(error\|warning\|note\)\[' "$TMP/out")" = 1 ] &&
  grep -q '另有 6 个基线中已有的问题未列出' "$TMP/out" && pass "one new finding shown, 6 known ones hidden and counted" ||
  { fail "baseline filtering"; cat "$TMP/out"; }
# SARIF keeps every result, with baselineState; known ones are suppressed.
"$NIANBAO" check --baseline "$TMP/bl.json" -f sarif "$TMP/r.txt" >"$TMP/r.sarif"
[ "$(grep -c '"baselineState": "unchanged"' "$TMP/r.sarif")" = 6 ] && [ "$(grep -c '"baselineState": "new"' "$TMP/r.sarif")" = 1 ] &&
  [ "$(grep -c '"kind": "external"' "$TMP/r.sarif")" = 6 ] && pass "SARIF: 6 unchanged (suppressed), 1 new" ||
  fail "SARIF baselineState"
"$NIANBAO_SHARED_DIR/tools/validate-sarif" "$TMP/r.sarif" >/dev/null 2>&1 && pass "baseline SARIF validates" || fail "baseline SARIF invalid"
# A SARIF file from an earlier run works as a baseline too.
"$NIANBAO" check -f sarif "$EX/fz-2023-defects.txt" >"$TMP/old.sarif"
expect_rc 0 "an earlier SARIF output as the baseline" -- "$NIANBAO" check --baseline "$TMP/old.sarif" "$EX/fz-2023-defects.txt"
# From the config file, resolved against the config's folder.
mkdir -p "$TMP/office"
cp "$TMP/bl.json" "$TMP/office/known.json"
printf 'baseline: known.json\n' >"$TMP/office/nianbao.yaml"
expect_rc 0 "baseline: in nianbao.yaml" -- "$NIANBAO" check --config "$TMP/office/nianbao.yaml" "$TMP/r.txt"
grep -q '另有 6 个基线中已有的问题未列出' "$TMP/out" && pass "config baseline hides the 6 known findings" || fail "config baseline"
# Bad baselines are input errors with the file named.
echo '{"x": 1}' >"$TMP/bad.json"
expect_rc 2 "a JSON file that is not a baseline" -- "$NIANBAO" check --baseline "$TMP/bad.json" "$TMP/r.txt"
grep -q 'bad.json: 错误: 不是基线文件' "$TMP/err" && pass "names the bad baseline" || fail "bad baseline message"
printf '{"nianbaoBaseline": 1, "findings": [' >"$TMP/trunc.json"
expect_rc 2 "a truncated baseline" -- "$NIANBAO" check --baseline "$TMP/trunc.json" "$TMP/r.txt"
expect_rc 2 "a missing baseline" -- "$NIANBAO" check --baseline "$TMP/nope.json" "$TMP/r.txt"
finish
