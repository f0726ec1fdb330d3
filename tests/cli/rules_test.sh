#!/usr/bin/env bash
# The rule author's workbench: rules list/show/validate/test/doc and explain.
source "$(dirname "$0")/lib.sh"
SRC="$NIANBAO_SOURCE_DIR"
PY=python3
$PY -c 'import jsonschema, yaml' 2>/dev/null || PY=/usr/bin/python3

# list / show / explain
"$NIANBAO" rules list >"$TMP/list"
n=$(wc -l <"$TMP/list")
[ "$n" -ge 60 ] && grep -qP '^xg\.t3-balance\terror\ttable_assert\t' "$TMP/list" && pass "rules list: $n rules, id/severity/kind/title" ||
  fail "rules list"
[ "$("$NIANBAO" rules list --pack ph | wc -l)" = 11 ] && pass "rules list --pack ph: 11 rules" || fail "rules list --pack ph"
expect_rc 2 "rules list --pack nosuch" -- "$NIANBAO" rules list --pack nosuch
"$NIANBAO" rules show xg.t3-balance >"$TMP/show"
grep -q '^规则包: xg（rules/packs/xg.yaml:[0-9]*:[0-9]*）' "$TMP/show" && grep -q '^依据: .*国办公开办函〔2021〕30号' "$TMP/show" &&
  grep -q '^消息: 表三勾稽关系不成立' "$TMP/show" && grep -q '反例' "$TMP/show" &&
  grep -q '^    assert: .表三.row("一")' "$TMP/show" && ! grep -q 'id: xg.t3-row-total' "$TMP/show" &&
  pass "rules show: pack with file:line:col, basis, message, examples, the rule's YAML" || { fail "rules show"; cat "$TMP/show"; }
expect_rc 2 "rules show of an unknown id" -- "$NIANBAO" rules show xg.nosuch
grep -q "没有规则 'xg.nosuch'" "$TMP/err" && pass "unknown id named" || fail "unknown id message"
"$NIANBAO" explain fz.first-responsible-part >"$TMP/explain"
grep -q '^为什么要检查' "$TMP/explain" && grep -q '第二十五条' "$TMP/explain" && grep -q '正例' "$TMP/explain" &&
  grep -q '反例' "$TMP/explain" && pass "explain: why, legal basis, good and bad example" || { fail "explain"; cat "$TMP/explain"; }

# validate: built-in packs clean; every broken fixture reported at file:line:col, exit 2
expect_rc 0 "rules validate rules/packs" -- "$NIANBAO" rules validate "$SRC/rules/packs"
grep -q '规则包 3 个，规则 64 条：没有错误' "$TMP/out" && pass "built-in packs validate clean" || { fail "validate output"; cat "$TMP/out"; }
expect_rc 2 "rules validate a pack with four mistakes" -- "$NIANBAO" rules validate "$SRC/tests/fixtures/bad-rules-multi/several.yaml"
for want in '18:9: 错误: 正则表达式无效' "25:11: 错误: 未知的规则类型 'phrase_rule'" "37:5: 错误: 规则中有未知字段 'serverity'" '45:14: 错误: message 中的占位符 {part}'; do
  grep -qF "several.yaml:$want" "$TMP/err" && pass "all errors at once: $want" || fail "missing: $want"
done
"$NIANBAO" rules validate "$SRC/tests/fixtures/bad-rules" >/dev/null 2>"$TMP/err"
rc=$?
nfix=$(ls "$SRC"/tests/fixtures/bad-rules/*.yaml | wc -l)
nerr=$(grep -c '\.yaml:[0-9]*:[0-9]*: 错误: \|\.yaml: 错误: ' "$TMP/err")
[ "$rc" = 2 ] && [ "$nerr" -ge "$nfix" ] && pass "rules validate bad-rules/: $nerr errors for $nfix broken packs, exit 2" ||
  { fail "validate bad-rules/: exit $rc, $nerr errors for $nfix packs"; }

# test: the built-in rules' cases pass and cover every rule
"$NIANBAO" rules test "$SRC/rules" >"$TMP/rt" 2>&1
rc=$?
[ "$rc" = 0 ] && grep -q '未覆盖的规则 0 条' "$TMP/rt" && grep -qE '^[0-9]+ passed, 0 failed$' "$TMP/rt" &&
  pass "rules test rules/: $(tail -1 "$TMP/rt")" || { fail "rules test rules/ (exit $rc)"; grep -v '^ok' "$TMP/rt" | head; }
# A wrong expectation fails with a diff; a missing negative case is reported.
mkdir -p "$TMP/rt1"
cp "$SRC/rules/packs/ph.yaml" "$TMP/rt1/"
cat >"$TMP/rt1/x.test.yaml" <<'YAML'
rule: ph.fazhi-propaganda
cases:
  - name: 法制宣传
    text: |
      某区司法局2023年度法治政府建设情况报告
      我局开展法制宣传活动。
    expect: [3]
YAML
"$NIANBAO" rules test "$TMP/rt1" >"$TMP/rt1.out" 2>&1
rc=$?
[ "$rc" = 1 ] && grep -q '^FAIL ph.fazhi-propaganda：法制宣传' "$TMP/rt1.out" && grep -q -- '- 第3行：应报告，未报告' "$TMP/rt1.out" &&
  grep -q '+ 第2行：不应报告' "$TMP/rt1.out" && grep -q '未覆盖 ph.fazhi-propaganda 缺少反例' "$TMP/rt1.out" &&
  grep -q '^0 passed, 1 failed$' "$TMP/rt1.out" && pass "a wrong expectation fails with a diff; uncovered rules listed" ||
  { fail "failing rule test"; cat "$TMP/rt1.out"; }
printf 'rule: ph.nosuch\ncases:\n  - text: x\n    expect: []\n' >"$TMP/rt1/x.test.yaml"
expect_rc 2 "a test case naming an unknown rule" -- "$NIANBAO" rules test "$TMP/rt1"
grep -q 'x.test.yaml:3:5: 错误: 没有规则' "$TMP/err" && pass "unknown rule in a case at file:line:col" || fail "unknown rule position"
# --report-silent: rules that fire on no report of a corpus
"$NIANBAO" rules test "$SRC/rules" --report-silent "$SRC/examples/fz-2023-clean.txt" >"$TMP/silent" 2>&1
grep -q '在 1 份报告中从未报告的规则：' "$TMP/silent" && grep -q '  fz.first-responsible-part' "$TMP/silent" &&
  pass "--report-silent lists rules that never fired" || { fail "--report-silent"; tail -5 "$TMP/silent"; }

# The rule test files follow their schema.
$PY - "$SRC" >"$TMP/py" 2>&1 <<'PYEOF'
import glob, json, sys, yaml, jsonschema
src = sys.argv[1]
v = jsonschema.Draft7Validator(json.load(open(src + "/docs/schema/rule-test.schema.json", encoding="utf-8")))
files = sorted(glob.glob(src + "/rules/tests/**/*.test.yaml", recursive=True))
bad = [(f, e.message) for f in files for e in v.iter_errors(yaml.safe_load(open(f, encoding="utf-8")))]
print(len(files), len(bad))
for b in bad[:3]: print(b)
PYEOF
read -r nf nb _ <"$TMP/py"
[ "$nb" = 0 ] && [ "$nf" -ge 3 ] && pass "rule-test schema accepts all $nf test files" || { fail "rule-test schema"; cat "$TMP/py"; }

# doc: the generated reference in docs/rules is current.
"$NIANBAO" rules doc "$TMP/ref" >/dev/null 2>&1
diff -r "$SRC/docs/rules" "$TMP/ref" >"$TMP/diff" && pass "docs/rules matches the packs ($(ls "$TMP/ref" | wc -l) pages)" ||
  { fail "docs/rules is out of date: run build/nianbao rules doc docs/rules"; head -5 "$TMP/diff"; }
finish
