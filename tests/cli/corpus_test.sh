#!/usr/bin/env bash
# Every real published report in shared/corpus reads without an input error,
# in every format it comes in; the SARIF validates; PDF findings carry a page.
source "$(dirname "$0")/lib.sh"
CORPUS="$NIANBAO_SHARED_DIR/corpus/real"
VALIDATE="$NIANBAO_SHARED_DIR/tools/validate-sarif"
n=0
for f in "$CORPUS"/*.txt "$CORPUS"/*.md "$CORPUS"/*.html "$CORPUS"/*.docx "$CORPUS"/*.pdf; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  n=$((n + 1))
  timeout 120 "$NIANBAO" check --format sarif -o "$TMP/$name.sarif" "$f" 2>"$TMP/err"
  rc=$?
  if [ "$rc" -le 1 ] && [ ! -s "$TMP/err" ]; then pass "$name reads (exit $rc)"; else
    fail "$name: exit $rc"
    head -3 "$TMP/err"
  fi
done
[ "$n" -ge 15 ] && pass "$n corpus reports checked" || fail "only $n corpus reports found"
if "$VALIDATE" "$TMP"/*.sarif >"$TMP/v" 2>&1; then pass "all corpus SARIF validates"; else
  fail "corpus SARIF does not validate"
  head -5 "$TMP/v"
fi
# PDF results point to a page; no line/column region in a binary artifact.
python3 - "$TMP" <<'EOF' && pass "PDF findings carry a page and no text region" || fail "PDF locations"
import glob, json, sys
bad = []
for p in glob.glob(sys.argv[1] + "/*.pdf.sarif"):
    for r in json.load(open(p))["runs"][0]["results"]:
        ph = r["locations"][0]["physicalLocation"]
        page = ph.get("properties", {}).get("page", 0)
        if page < 1 or "region" in ph:
            bad.append((p, r["ruleId"]))
if bad:
    print(bad[:5])
    sys.exit(1)
EOF
# A defect in a real PDF, checked by hand with pdftotext -layout (page 4):
# 行政复议 结果维持 10, 结果纠正 1, 总计 0; 复议后起诉 结果维持 5, 总计 0.
"$NIANBAO" check "$CORPUS/xg-2023-hongze-district.pdf" >"$TMP/out" 2>&1
grep -q '（第4页）: error\[xg.t4-totals\]: 表四总计与各项结果之和不符：总计=0，Σ结果=11（“行政复议”行）' "$TMP/out" &&
  pass "hongze 2023 PDF: 行政复议 总计 0 vs 11 found on page 4" || fail "hongze 2023 PDF: 行政复议 total not found"
grep -q '（第4页）: error\[xg.t4-totals\]: 表四总计与各项结果之和不符：总计=0，Σ结果=5（“复议后起诉”行）' "$TMP/out" &&
  pass "hongze 2023 PDF: 复议后起诉 总计 0 vs 5 found on page 4" || fail "hongze 2023 PDF: 复议后起诉 total not found"
finish
