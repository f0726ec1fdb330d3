#!/usr/bin/env bash
# The bad-input corpus: hostile or broken inputs of every kind, each with its
# expected exit code, its one-line error (or finding), and a time bound; then a
# batch of all of them with good reports, which must still be checked.
source "$(dirname "$0")/lib.sh"
EX="$NIANBAO_SOURCE_DIR/examples"
DOCS="$NIANBAO_SOURCE_DIR/tests/fixtures/documents"
GOOD="$SEEDS/004_e216814a7c54799f.txt"
BOUND_MS=$((5000 * ${NIANBAO_TIME_FACTOR:-1}))  # "a few seconds"; sanitizer builds scale it
B="$TMP/bad"
mkdir -p "$B"

# bad NAME RC PATTERN FILE [ARGS...]: exit RC within the bound, no crash; for RC 2
# exactly one stderr line naming FILE and matching PATTERN; else PATTERN in stdout.
# With PACK=file set, the broken input is that rule pack: every stderr line names it.
cases=()    # bad report files, for the batch below
unreadable=0
bad() {
  local name=$1 rc_want=$2 pattern=$3 file=$4
  shift 4
  if [ -z "${PACK:-}" ] && [ $# = 0 ]; then  # (with options it would read differently in the batch)
    cases+=("$file")
    [ "$rc_want" = 2 ] && unreadable=$((unreadable + 1))
  fi
  local t0 t1 rc ms
  t0=$(date +%s%N)
  timeout 60 "$NIANBAO" check "$@" "$file" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  t1=$(date +%s%N)
  ms=$(((t1 - t0) / 1000000))
  local ok=1 why=""
  [ "$rc" = "$rc_want" ] || { ok=0; why="exit $rc, expected $rc_want"; }
  [ "$ms" -le "$BOUND_MS" ] || { ok=0; why="$why; took ${ms} ms (bound ${BOUND_MS})"; }
  if grep -Eq 'Sanitizer|runtime error|terminate called|Segmentation|Aborted|内部错误' "$TMP/err"; then ok=0; why="$why; crashed"; fi
  if [ "$rc_want" = 2 ] && [ -n "${PACK:-}" ]; then
    ! grep -vqF "$(basename "$PACK")" "$TMP/err" && head -1 "$TMP/err" | grep -Eq "$pattern" ||
      { ok=0; why="$why; stderr: $(head -c 300 "$TMP/err")"; }
  elif [ "$rc_want" = 2 ]; then
    [ "$(wc -l <"$TMP/err")" = 1 ] && grep -qF "$(basename "$file")" "$TMP/err" && grep -Eq "$pattern" "$TMP/err" ||
      { ok=0; why="$why; stderr: $(head -c 300 "$TMP/err")"; }
  else
    grep -Eq "$pattern" "$TMP/out" || { ok=0; why="$why; no '$pattern' in output"; }
  fi
  if [ "$ok" = 1 ]; then pass "$name (exit $rc, ${ms} ms): $(head -1 "$TMP/err")"; else fail "$name: $why"; fi
}

# ---- make the corpus ----
: >"$B/empty.txt"
printf '  \n\t\n\n' >"$B/whitespace.txt"
python3 - "$B" <<'PY'
import random, sys, zipfile
b = sys.argv[1]
rnd = random.Random(8)
open(f"{b}/junk.bin", "wb").write(bytes(rnd.randrange(256) for _ in range(20000)))
open(f"{b}/image.png", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(5000)))
open(f"{b}/nul.txt", "wb").write("某区司法局2023年度法治政府建设情况报告\n".encode() + b"\0" * 10 + "正文".encode())
open(f"{b}/invalid-utf8.txt", "wb").write("某区司法局2023年度".encode() + b"\x80\x81\xfe\xff" + "报告".encode())
open(f"{b}/utf16-odd.txt", "wb").write(b"\xff\xfe" + "报告".encode("utf-16-le") + b"\x41")
# A zip that is not a Word file, a truncated Word file, a zip bomb, one nested 5000 deep.
with zipfile.ZipFile(f"{b}/plain-zip.docx", "w") as z:
    z.writestr("notes.txt", "依法行政")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
para = lambda t: f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
with zipfile.ZipFile(f"{b}/zip-bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(f"<w:document {W}><w:body>".encode())
        chunk = (para("炸弹") * 4096).encode()
        for _ in range(300 * 1024 * 1024 // len(chunk)):
            f.write(chunk)
        f.write(b"</w:body></w:document>")
deep = f"<w:document {W}><w:body>" + "<w:tbl><w:tr><w:tc>" * 5000 + para("深") + "</w:tc></w:tr></w:tbl>" * 5000 + "</w:body></w:document>"
with zipfile.ZipFile(f"{b}/deep.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", deep)
# A PDF page with a drawing and no text layer (a scan).
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"]
s = b"0 0 1 rg 100 100 200 200 re f"
objs.append(b"<< /Length %d >>\nstream\n" % len(s) + s + b"\nendstream")
pdf, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs, 1):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(f"{b}/scan.pdf", "wb").write(pdf)
# HTML: no text; nested 100000 deep.
open(f"{b}/no-text.html", "w").write("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
n = 100000
open(f"{b}/deep.html", "w").write("<html><body>" + "<div>" * n + "依法行政" + "</div>" * n + "</body></html>")
# Text: a 2 MB line; 50 000 copies of one wrong phrase.
open(f"{b}/long-line.txt", "w").write("某区司法局2023年度法治政府建设情况报告\n" + "推进依法行政工作，" * 80000 + "\n")
open(f"{b}/many-findings.txt", "w").write("某区司法局2023年度法治政府建设情况报告\n一、2023年度推进法治政府建设的主要举措和成效\n" + "开展法制宣传活动。\n" * 50000)
# Rule packs: aliases that explode when expanded; a regex that backtracking engines take forever on.
lines = ["schema: nianbao/v1", "pack: bomb", "title: t", "applies_to: [fz]", 'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]" for i in range(1, 10)]
open(f"{b}/yaml-bomb.yaml", "w").write("\n".join(lines + ["rules: *a9"]) + "\n")
open(f"{b}/yaml-deep.yaml", "w").write("schema: nianbao/v1\npack: deep\nrules: " + "[" * 20000 + "]" * 20000 + "\n")
open(f"{b}/redos.yaml", "w").write("""schema: nianbao/v1
pack: redos
title: 回溯型正则引擎会卡死的写法
applies_to: [fz]
rules:
  - id: redos.nested
    kind: phrase
    scope: document
    patterns: ['(a+)+$', '(x|x)*y']
    title: 嵌套量词
    severity: note
    message: “{match}”
    basis: {document: 测试}
""")
open(f"{b}/redos.txt", "w").write("某区司法局2023年度法治政府建设情况报告\n" + "a" * 200000 + "b\n" + "x" * 200000 + "\n")
PY
head -c 3000 "$EX/formats/fz-2023-clean.docx" >"$B/truncated.docx"
head -c 20000 "$EX/formats/xg-2023-clean.pdf" >"$B/truncated.pdf"
{ printf '%%PDF-1.7\n'; head -c 20000 "$B/junk.bin"; } >"$B/junk-after-header.pdf"
cp /bin/true "$B/program.txt"
{ cat "$EX/fz-2023-clean.txt"; iconv -f UTF-8 -t GB18030 "$EX/fz-2023-clean.txt"; } >"$B/mixed-encodings.txt"
iconv -f UTF-8 -t GB18030 "$EX/fz-2023-clean.txt" >"$B/gb18030.txt"
truncate -s 100M "$B/huge.txt"
python3 -c "import sys; sys.stdout.write('推进依法行政' * 6000000)" >"$B/100mb-one-line.txt"

# ---- expectations ----
bad "empty file" 2 '文件为空' "$B/empty.txt"
bad "whitespace only" 2 '文件为空' "$B/whitespace.txt"
bad "random binary" 2 '不是文本文件' "$B/junk.bin"
bad "an image" 2 '不是文本文件' "$B/image.png"
bad "a program named .txt" 2 '不是文本文件' "$B/program.txt"
bad "NUL bytes in text" 2 '不是文本文件' "$B/nul.txt"
bad "invalid UTF-8 (offset named)" 2 '字节 ?[0-9]+.*不是有效的 UTF-8 或 GB18030|不是有效的 UTF-8 或 GB18030.*字节' "$B/invalid-utf8.txt"
bad "mixed encodings (offset named)" 2 '字节[0-9]+: 不是有效的 UTF-8 或 GB18030' "$B/mixed-encodings.txt"
bad "GB18030 read as --encoding UTF-8" 2 '字节[0-9]+' "$B/gb18030.txt" --encoding UTF-8
bad "UTF-16 with an odd byte" 2 'UTF-16LE' "$B/utf16-odd.txt"
bad "100 MB file" 2 '文件过大' "$B/huge.txt"
bad "100 MB on one line" 2 '文件过大' "$B/100mb-one-line.txt"
bad "2 MB on one line" 2 '第2行过长' "$B/long-line.txt"
bad "zip that is not a Word file" 2 'word/document.xml' "$B/plain-zip.docx"
bad "truncated DOCX" 2 'DOCX|zip|损坏' "$B/truncated.docx"
bad "DOCX zip bomb (300 MiB inside)" 2 '过大|炸弹' "$B/zip-bomb.docx"
bad "DOCX nested 5000 deep" 2 '过深|嵌套' "$B/deep.docx"
bad "truncated PDF" 2 'PDF' "$B/truncated.pdf"
bad "PDF header then junk" 2 'PDF' "$B/junk-after-header.pdf"
bad "encrypted PDF" 2 '加密' "$DOCS/xg-2023-clean-encrypted.pdf"
bad "PDF without a text layer (a scan)" 2 '扫描件' "$B/scan.pdf"
bad "HTML with no text" 2 '没有正文' "$B/no-text.html"
bad "HTML nested 100000 deep: read, not a report" 0 'nianbao.unknown-type' "$B/deep.html"
bad "50 000 findings: capped, then a summary" 0 'nianbao.too-many-findings\]: 问题过多：共 [0-9]{5} 个，只列出位置最靠前的 1000 个' "$B/many-findings.txt"
bad "a special file (/dev/zero)" 2 '无法读取' /dev/zero
# Rule packs: the error names the pack at file:line:col.
PACK="$B/yaml-bomb.yaml" bad "YAML alias bomb in a rule pack" 2 'yaml-bomb.yaml:[0-9]+:[0-9]+: 错误' "$GOOD" -r "$B/yaml-bomb.yaml"
PACK="$B/yaml-deep.yaml" bad "YAML nested 20000 deep" 2 'yaml-deep.yaml:[0-9]+:[0-9]+: 错误: YAML.*嵌套过深' "$GOOD" -r "$B/yaml-deep.yaml"
PACK="$B/redos.yaml" bad "catastrophic-backtracking regex (RE2: linear)" 1 '检查 1 份报告' "$B/redos.txt" -r "$B/redos.yaml"

# ---- a batch of every bad input with two good reports ----
t0=$(date +%s%N)
"$NIANBAO" check "${cases[@]}" "$GOOD" "$EX/xg-2023-clean.md" >"$TMP/out" 2>"$TMP/err"
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
[ "$rc" = 2 ] && pass "batch of ${#cases[@]} bad inputs + 2 good reports: exit 2 (${ms} ms)" || fail "batch: exit $rc"
grep -q '004_e216814a7c54799f.txt:53:1: error\[fz.first-responsible-part\]' "$TMP/out" &&
  grep -q 'xg-2023-clean.md:3:1: note\[xg.deadline-department\]' "$TMP/out" &&
  pass "batch: both good reports still checked" || fail "batch: a good report was not checked"
n_err=$(wc -l <"$TMP/err")
[ "$n_err" = "$unreadable" ] && pass "batch: one stderr line per unreadable input ($n_err)" ||
  { fail "batch: $n_err stderr lines for $unreadable unreadable inputs"; head -40 "$TMP/err"; }
finish
