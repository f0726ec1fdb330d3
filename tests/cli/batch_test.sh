#!/usr/bin/env bash
# Batch checking: many reports, some broken, in parallel; JSON Lines output.
source "$(dirname "$0")/lib.sh"
EX="$NIANBAO_SOURCE_DIR/examples"
CORPUS="$NIANBAO_SHARED_DIR/corpus/real"
PY=python3
$PY -c 'import jsonschema' 2>/dev/null || PY=/usr/bin/python3

# A directory with good reports and broken ones: every good one is still reported.
mkdir -p "$TMP/dir/sub"
cp "$SEEDS"/00[0-2]_*.txt "$TMP/dir/"
cp "$EX/xg-2023-clean.md" "$TMP/dir/sub/"
head -c 3000 "$EX/formats/fz-2023-clean.docx" >"$TMP/dir/truncated.docx"
head -c 4000 /dev/urandom >"$TMP/dir/sub/junk.pdf"
"$NIANBAO" check "$TMP/dir" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 2 ] && pass "batch with broken files exits 2" || fail "batch with broken files: exit $rc"
[ "$(grep -c '^== ' "$TMP/out")" = 4 ] && pass "all 4 good reports have a section in the text output" ||
  { fail "good reports missing from batch output"; grep '^== ' "$TMP/out"; }
[ "$(wc -l <"$TMP/err")" = 2 ] && grep -q 'truncated.docx' "$TMP/err" && grep -q 'junk.pdf' "$TMP/err" &&
  pass "one stderr line per broken file" || { fail "stderr for broken files"; cat "$TMP/err"; }
grep -q '检查 6 份报告：.*2 个文件无法读取' "$TMP/out" && pass "summary counts 6 reports, 2 unreadable" ||
  { fail "batch summary"; tail -1 "$TMP/out"; }
# Without the broken ones the worst finding decides: seeds 000-002 have an error.
rm "$TMP/dir/truncated.docx" "$TMP/dir/sub/junk.pdf"
expect_rc 1 "batch whose worst finding is an error" -- "$NIANBAO" check "$TMP/dir"
expect_rc 0 "same batch, --fail-on none" -- "$NIANBAO" check --fail-on none "$TMP/dir"

# --include / --exclude pick files when walking a directory.
"$NIANBAO" check -f json --include '*.md' "$TMP/dir" >"$TMP/inc" 2>/dev/null
[ "$(wc -l <"$TMP/inc")" = 1 ] && grep -q 'xg-2023-clean.md' "$TMP/inc" && pass "--include '*.md' takes only the .md" ||
  fail "--include"
"$NIANBAO" check -f json --exclude 'sub/*' --exclude '001_*' "$TMP/dir" >"$TMP/exc" 2>/dev/null
[ "$(wc -l <"$TMP/exc")" = 2 ] && ! grep -q '001_\|xg-2023' "$TMP/exc" && pass "--exclude by path and by name" ||
  { fail "--exclude"; cut -c1-120 "$TMP/exc"; }

# Parallel runs give byte-identical SARIF and JSON (seeds, corpus, examples, and a broken file).
head -c 100 "$EX/formats/xg-2023-clean.pdf" >"$TMP/broken.pdf"
ALL=("$SEEDS" "$CORPUS" "$EX" "$TMP/broken.pdf")
for fmt in sarif json; do
  "$NIANBAO" check --jobs 1 -f "$fmt" "${ALL[@]}" >"$TMP/j1.$fmt" 2>"$TMP/e1"
  r1=$?
  "$NIANBAO" check --jobs 2 -f "$fmt" "${ALL[@]}" >"$TMP/j2.$fmt" 2>"$TMP/e2"
  r2=$?
  "$NIANBAO" check --jobs 8 -f "$fmt" "${ALL[@]}" >"$TMP/j8.$fmt" 2>/dev/null
  if [ "$r1" = 2 ] && [ "$r2" = 2 ] && cmp -s "$TMP/j1.$fmt" "$TMP/j2.$fmt" && cmp -s "$TMP/j1.$fmt" "$TMP/j8.$fmt" &&
    cmp -s "$TMP/e1" "$TMP/e2"; then
    pass "$fmt: --jobs 2 and --jobs 8 byte-identical to --jobs 1 ($(wc -c <"$TMP/j1.$fmt") bytes)"
  else
    fail "$fmt differs between --jobs 1 and --jobs 2 (exit $r1/$r2)"
  fi
done
"$NIANBAO_SHARED_DIR/tools/validate-sarif" "$TMP/j2.sarif" >/dev/null 2>&1 && pass "batch SARIF validates" ||
  fail "batch SARIF does not validate"

# JSON Lines: one object per input, each valid against docs/schema/json-output.schema.json.
$PY - "$NIANBAO_SOURCE_DIR/docs/schema/json-output.schema.json" "$TMP/j1.json" >"$TMP/py" 2>&1 <<'PYEOF'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
v = jsonschema.Draft7Validator(schema)
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
bad = [(i, e.message) for i, l in enumerate(lines, 1) for e in v.iter_errors(json.loads(l))]
errors = [json.loads(l) for l in lines if "error" in json.loads(l)]
print(len(lines), len(bad), len(errors))
for b in bad[:3]: print(b)
PYEOF
n_inputs=$("$NIANBAO" check -f json "${ALL[@]}" 2>/dev/null | wc -l)
read -r n bad errs _ <"$TMP/py"
[ "$bad" = 0 ] && [ "$errs" = 1 ] && [ "$n" = "$n_inputs" ] && [ "$n" -ge 40 ] &&
  pass "JSON Lines: $n objects valid against the schema, 1 input-error entry" || { fail "JSON Lines schema"; cat "$TMP/py"; }
# A known finding, with its position, as scripts see it.
"$NIANBAO" check -f json "$SEEDS/002_"*.txt | $PY -c '
import json, sys
d = json.loads(sys.stdin.readline())
f = [x for x in d["findings"] if x["rule"] == "ph.xi-thought-full-name"][0]
assert d["type"] == "fz" and d["counts"]["error"] == 1, d["counts"]
assert (f["start"]["line"], f["start"]["column"], f["severity"], f["group"]) == (9, 16, "error", "formulations"), f
' && pass "JSON: seed 002 error at 9:16 with type, counts and group" || fail "JSON content of seed 002"

# Progress bar: on request on stderr only; stdout unchanged.
"$NIANBAO" check --progress always "$SEEDS" >"$TMP/p1" 2>"$TMP/p1e"
"$NIANBAO" check --progress never "$SEEDS" >"$TMP/p2" 2>"$TMP/p2e"
grep -q '检查中 \[' "$TMP/p1e" && [ ! -s "$TMP/p2e" ] && cmp -s "$TMP/p1" "$TMP/p2" &&
  pass "--progress always draws on stderr, stdout unchanged" || fail "--progress"
expect_rc 2 "--jobs 0 is a usage error" -- "$NIANBAO" check --jobs 0 "$SEEDS"
expect_rc 2 "--progress sometimes is a usage error" -- "$NIANBAO" check --progress sometimes "$SEEDS"
finish
