#!/usr/bin/env bash
# The same report as text, HTML, DOCX and PDF (examples/formats, made with
# LibreOffice and w3m by make.py) gives the same findings: same rule ids, same counts.
source "$(dirname "$0")/lib.sh"
EX="$NIANBAO_SOURCE_DIR/examples"
summary() {  # FILE: "severity[rule]" per finding, sorted
  "$NIANBAO" check "$1" 2>/dev/null | grep -oE '^[^ ].*: (error|warning|note)\[[^]]+\]' | grep -oE '(error|warning|note)\[[^]]+\]' | sort
}
for src in fz-2023-clean.txt fz-2023-defects.txt xg-2023-clean.md; do
  stem=$(basename "${src%.*}")
  summary "$EX/$src" >"$TMP/want"
  for ext in txt html docx pdf; do
    f="$EX/formats/$stem.$ext"
    [ -f "$f" ] || { fail "$stem.$ext missing"; continue; }
    "$NIANBAO" check "$f" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    summary "$f" >"$TMP/got"
    if [ "$rc" -le 1 ] && [ ! -s "$TMP/err" ] && cmp -s "$TMP/want" "$TMP/got"; then
      pass "$stem.$ext: same findings as $src ($(wc -l <"$TMP/got"))"
    else
      fail "$stem.$ext (exit $rc) differs from $src:"
      diff "$TMP/want" "$TMP/got" | head -5
      head -2 "$TMP/err"
    fi
  done
done
# Locations name the place in the original: a PDF page, an HTML source line.
"$NIANBAO" check "$EX/formats/xg-2023-clean.pdf" | grep -q '（第1页）: note\[xg.deadline-department\]' &&
  pass "PDF finding names its page" || fail "PDF finding without a page"
"$NIANBAO" check "$EX/formats/xg-2023-clean.html" | grep -qE '（源文件第[0-9]+行）: note\[xg.deadline-department\]' &&
  pass "HTML finding names its source line" || fail "HTML finding without a source line"
# A defect survives the trip through Word and PDF: change one figure in the HTML.
sed 's#<td>136</td>#<td>135</td>#' "$EX/formats/xg-2023-clean.html" >"$TMP/xg-defect.html"
"$NIANBAO" check "$TMP/xg-defect.html" | grep -q 'error\[xg.t3-row-total\]' &&
  pass "a changed 表三 total in HTML is found" || fail "changed 表三 total in HTML not found"
finish
