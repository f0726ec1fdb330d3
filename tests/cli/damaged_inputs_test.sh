#!/usr/bin/env bash
# Damaged and hostile inputs in every format: one line on stderr naming the
# file, exit 2, no crash, no hang (ctest's timeout catches a hang), and the
# other files of a batch are still checked.
source "$(dirname "$0")/lib.sh"
CORPUS="$NIANBAO_SHARED_DIR/corpus/real"
DOCS="$NIANBAO_SOURCE_DIR/tests/fixtures/documents"
PDF="$CORPUS/xg-2023-hongze-district.pdf"
GOOD="$SEEDS/004_e216814a7c54799f.txt"

damaged() {  # DESCRIPTION FILE [PATTERN]: exit 2, one stderr line naming FILE (and matching PATTERN)
  local what=$1 file=$2 pattern=${3:-}
  expect_rc 2 "$what" -- timeout 60 "$NIANBAO" check "$file"
  local name n
  name=$(basename "$file")
  n=$(wc -l <"$TMP/err")
  if [ "$n" = 1 ] && grep -qF "$name" "$TMP/err" && { [ -z "$pattern" ] || grep -Eq "$pattern" "$TMP/err"; }; then
    pass "$what: one line naming the file"
  else
    fail "$what: stderr was:"
    sed 's/^/     /' "$TMP/err" | head -5
  fi
  if grep -Eq 'AddressSanitizer|terminate called|Segmentation|Aborted' "$TMP/err"; then fail "$what: crashed"; fi
}

# DOCX: built with Python's zipfile so each case is exactly the damage named.
python3 - "$TMP" <<'EOF'
import sys, zipfile
tmp = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
def docx(name, document, extra=None, level=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(f"{tmp}/{name}", "w", level) as z:
        z.writestr("[Content_Types].xml", CT)
        if document is not None:
            z.writestr("word/document.xml", document)
        for k, v in (extra or {}).items():
            z.writestr(k, v)
para = lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
body = "".join(para(f"第{i}段，依法行政工作情况。") for i in range(200))
good = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
docx("good.docx", good)
docx("no-document.docx", None, {"word/styles.xml": "<x/>"})
docx("bad-xml.docx", good[: len(good) // 2])
docx("empty-body.docx", f'<w:document {W}><w:body></w:body></w:document>')
# 300 MiB of one repeated paragraph deflates to well under a MiB: a zip bomb.
with zipfile.ZipFile(f"{tmp}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(f'<w:document {W}><w:body>'.encode())
        chunk = (para("炸弹") * 4096).encode()
        for _ in range(300 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
        f.write(b"</w:body></w:document>")
deep = f'<w:document {W}><w:body>' + "<w:tbl><w:tr><w:tc>" * 5000 + para("深") + "</w:tc></w:tr></w:tbl>" * 5000 + "</w:body></w:document>"
docx("deep.docx", deep)
EOF
head -c "$(($(stat -c %s "$TMP/good.docx") / 2))" "$TMP/good.docx" >"$TMP/truncated.docx"
expect_rc 0 "the intact DOCX reads" -- "$NIANBAO" parse "$TMP/good.docx"
damaged "truncated DOCX" "$TMP/truncated.docx"
damaged "DOCX without word/document.xml" "$TMP/no-document.docx"
damaged "DOCX with broken XML" "$TMP/bad-xml.docx"
damaged "DOCX with no text" "$TMP/empty-body.docx"
damaged "DOCX zip bomb" "$TMP/bomb.docx" '过大|炸弹'
expect_rc_any() { "$@" >"$TMP/out" 2>"$TMP/err"; echo $?; }
rc=$(expect_rc_any timeout 60 "$NIANBAO" check "$TMP/deep.docx")
if [ "$rc" = 0 ] || [ "$rc" = 1 ] || { [ "$rc" = 2 ] && [ "$(wc -l <"$TMP/err")" = 1 ]; }; then
  pass "DOCX nested 5000 deep: no crash (exit $rc)"
else
  fail "DOCX nested 5000 deep: exit $rc"
  head -3 "$TMP/err"
fi

# PDF: cut a real one short, break its header, lock it.
head -c "$(($(stat -c %s "$PDF") / 3))" "$PDF" >"$TMP/truncated.pdf"
{ printf '%%PDF-1.7\n'; head -c 20000 /dev/urandom; } >"$TMP/junk.pdf"
damaged "truncated PDF" "$TMP/truncated.pdf"
damaged "PDF header then junk" "$TMP/junk.pdf"
if [ -f "$DOCS/xg-2023-clean-encrypted.pdf" ]; then
  damaged "encrypted PDF" "$DOCS/xg-2023-clean-encrypted.pdf" '加密'
fi

# HTML: junk after a tag, and nesting deep enough to break a recursive walk.
{ printf '<html><body>'; head -c 20000 /dev/urandom | tr -d '\0'; } >"$TMP/junk.html"
rc=$(expect_rc_any timeout 60 "$NIANBAO" check "$TMP/junk.html")
if [ "$rc" = 2 ] && [ "$(wc -l <"$TMP/err")" = 1 ] && grep -qF junk.html "$TMP/err"; then
  pass "HTML then junk: one line naming the file (exit 2)"
elif [ "$rc" = 0 ] || [ "$rc" = 1 ]; then
  pass "HTML then junk: read as a (bad) report (exit $rc)"
else
  fail "HTML then junk: exit $rc"
  head -3 "$TMP/err"
fi
python3 -c "import sys; n=100000; sys.stdout.write('<html><body>' + '<div>'*n + '依法行政' + '</div>'*n + '</body></html>')" >"$TMP/deep.html"
rc=$(expect_rc_any timeout 60 "$NIANBAO" check "$TMP/deep.html")
if [ "$rc" -le 2 ] && ! grep -Eq 'terminate|Segmentation' "$TMP/err"; then pass "HTML nested 100000 deep: no crash (exit $rc)"; else fail "HTML nested 100000 deep: exit $rc"; fi

# Text: a file past the size limit is refused before it is read.
truncate -s 200M "$TMP/huge.txt"
damaged "200 MB file" "$TMP/huge.txt" '过大|MiB'

# A batch with every kind of damage still checks the good report.
expect_rc 2 "batch of damaged files and one good report" -- \
  "$NIANBAO" check "$TMP/truncated.docx" "$TMP/truncated.pdf" "$TMP/bomb.docx" "$GOOD" "$TMP/huge.txt"
grep -q 'fz.first-responsible-part' "$TMP/out" && pass "batch: the good report is still checked" ||
  fail "batch: the good report was not checked"
[ "$(wc -l <"$TMP/err")" = 4 ] && pass "batch: one error line per damaged file" ||
  { fail "batch: stderr has $(wc -l <"$TMP/err") lines, expected 4"; cat "$TMP/err"; }
finish
