#!/usr/bin/env bash
# --format html: a batch writes index.html and one page per report; report and
# rule text is escaped; headless Chromium renders the pages with their scripts
# run (data-ready), no script error, findings listed and the #sev= filter
# working. Screenshots of the index and of seed 004's page are kept in
# $NIANBAO_ARTEFACTS/html/ for a person to look at.
source "$(dirname "$0")/lib.sh"
art="${NIANBAO_ARTEFACTS:-$PWD/artefacts}/html"
mkdir -p "$art"
out="$TMP/html"  # not $TMP/out: expect_rc writes there

# --- the batch --------------------------------------------------------------
expect_rc 1 "check seeds --format html -o DIR (seeds have errors)" -- \
  "$NIANBAO" check "$SEEDS" --format html -o "$out"
[ -s "$out/index.html" ] && pass "index.html written" || fail "no index.html in $out"
pages=$(ls "$out" | grep -v '^index\.html$' | grep -c '^[0-9][0-9][0-9]-.*\.html$')
[ "$pages" = 5 ] && pass "five report pages" || fail "$pages report pages, expected 5: $(ls "$out")"
page004=$(ls "$out"/*-004_e216814a7c54799f.html 2>/dev/null | head -1)
[ -n "$page004" ] && pass "seed 004 has its page ($(basename "$page004"))" || fail "no page for seed 004"
for f in $(ls "$out" | grep -v '^index\.html$'); do
  grep -q "href=\"$f\"" "$out/index.html" || fail "index.html does not link $f"
done
expect_rc 1 "same batch again" -- "$NIANBAO" check "$SEEDS" --format html -o "$TMP/again"
diff -r "$out" "$TMP/again" >/dev/null && pass "same inputs, same bytes" || fail "second run differs"
expect_rc 2 "batch without -o" -- "$NIANBAO" check "$SEEDS" --format html

# An unreadable file gets a row in the index and a page saying so.
mkdir -p "$TMP/mixed"
cp "$SEEDS/004_e216814a7c54799f.txt" "$TMP/mixed/a.txt"
printf 'not a pdf' >"$TMP/mixed/b.pdf"
expect_rc 2 "batch with an unreadable file" -- "$NIANBAO" check "$TMP/mixed" --format html -o "$TMP/mixed-out"
grep -q 'class="row-error"' "$TMP/mixed-out/index.html" && pass "index: input-error row" || fail "index: no input-error row"
grep -q '输入错误' "$TMP/mixed-out/002-b.html" && pass "input-error page says 输入错误" || fail "002-b.html lacks 输入错误"

# --- escaping: report side ----------------------------------------------------
evil="$TMP/evil.txt"
sed -e '1s|$|<script>alert(1)</script>|' \
  -e 's|^全年审查区政府|全年审查<script>alert(1)</script>、a \& b、"quotes"、'"'single'"'、</td>区政府|' \
  "$NIANBAO_SOURCE_DIR/examples/fz-2023-defects.txt" >"$evil"
grep -q '</td>区政府' "$evil" && pass "test report has the markup in a paragraph" || fail "sed did not insert markup"
expect_rc 1 "one report, -o FILE.html" -- "$NIANBAO" check "$evil" -f html -o "$TMP/evil.html"
if grep -q '<script>alert' "$TMP/evil.html"; then fail "raw <script>alert in the page"; else pass "no raw <script>alert"; fi
grep -q '&lt;script&gt;' "$TMP/evil.html" && pass "&lt;script&gt; shown as text" || fail "no &lt;script&gt;"
grep -q '&lt;/td&gt;' "$TMP/evil.html" && pass "&lt;/td&gt; shown as text" || fail "no &lt;/td&gt;"
grep -q '&amp; b' "$TMP/evil.html" && pass "& escaped" || fail "no &amp;"
grep -q '&quot;quotes&quot;' "$TMP/evil.html" && pass "\" escaped" || fail "no &quot;"
grep -q '&#39;single&#39;' "$TMP/evil.html" && pass "' escaped" || fail "no &#39;"
"$NIANBAO" check "$evil" -f html >"$TMP/stdout.html"
cmp -s "$TMP/stdout.html" "$TMP/evil.html" && pass "stdout and -o FILE give the same page" || fail "stdout page differs"

# --- escaping: rule side ------------------------------------------------------
cat >"$TMP/pack.yaml" <<'EOF'
schema: nianbao/v1
pack: esc
applies_to: [fz]
rules:
  - id: esc.bold
    kind: phrase
    patterns: ['行政复议']
    title: 标题<b>粗</b>&"引"
    severity: warning
    message: 消息<b>{match}</b>
    basis:
      document: 《依据<i>斜</i>》
      article: 第<u>一</u>条
    help: 说明</li><script>alert(2)</script>
EOF
expect_rc 1 "custom pack with markup in its texts" -- \
  "$NIANBAO" check "$NIANBAO_SOURCE_DIR/examples/fz-2023-defects.txt" -r "$TMP/pack.yaml" -f html -o "$TMP/rule.html"
grep -q 'data-rule="esc.bold"' "$TMP/rule.html" && pass "the custom rule fires" || fail "esc.bold not in the page"
if grep -qE '<(b|i|u)>|<script>alert' "$TMP/rule.html"; then fail "raw rule markup in the page"; else pass "no raw rule markup"; fi
grep -q '消息&lt;b&gt;行政复议&lt;/b&gt;' "$TMP/rule.html" && pass "rule message escaped" || fail "message not escaped"
grep -q '标题&lt;b&gt;粗&lt;/b&gt;&amp;&quot;引&quot;' "$TMP/rule.html" && pass "rule title escaped" || fail "title not escaped"

# --- in a browser -------------------------------------------------------------
if ! command -v chromium >/dev/null; then
  fail "chromium not installed: run scripts/setup.sh (it installs chromium and fonts-wqy-microhei)"
  finish
fi
# chrome ARGS... : headless Chromium with a throw-away profile; stderr in $TMP/chrome.err
chrome() {
  local ud rc
  ud=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$ud" --virtual-time-budget=2000 --enable-logging=stderr --v=0 "$@" 2>"$TMP/chrome.err"
  rc=$?
  rm -rf "$ud"
  return $rc
}
# facts DOM-FILE: one line per fact about a dumped DOM (see the Python below)
cat >"$TMP/facts.py" <<'EOF'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            print("ready=" + str(a.get("data-ready")))
            if "data-js-error" in a: print("jserror=" + str(a["data-js-error"]))
        elif tag == "script":
            self.scripts += 1
        elif tag == "li" and "finding" in (a.get("class") or "").split():
            print("finding %s %s %s" % (a.get("data-sev"), a.get("data-rule"), "hidden" if "hidden" in a else "shown"))
        elif tag == "a" and "hl" in (a.get("class") or "").split():
            print("highlight " + ("off" if "off" in a["class"].split() else "on"))
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
print("scripts=%d" % p.scripts)
EOF
# render NAME URL: dumps the DOM into $TMP/NAME.dom and its facts into $TMP/NAME.facts
render() {
  chrome --dump-dom "$2" >"$TMP/$1.dom" || fail "$1: chromium exit $?"
  python3 "$TMP/facts.py" "$TMP/$1.dom" >"$TMP/$1.facts"
  if grep -E 'CONSOLE.*(Uncaught|Error)' "$TMP/chrome.err" >"$TMP/$1.console"; then
    echo "console" >>"$TMP/$1.facts"
  fi
}
# clean NAME: the page ran its script, with no error and no console error
clean() {
  grep -qx 'ready=1' "$TMP/$1.facts" && pass "$1: script ran (data-ready=1)" || fail "$1: data-ready not set"
  if grep -q '^jserror=' "$TMP/$1.facts"; then fail "$1: $(grep '^jserror=' "$TMP/$1.facts")"; else pass "$1: no data-js-error"; fi
  if grep -qx console "$TMP/$1.facts"; then fail "$1: console error: $(head -2 "$TMP/$1.console")"; else pass "$1: no console error"; fi
}

# The checker catches a script error (negative control: a page with a bug).
sed 's|</body>|<script>setTimeout(function () { noSuchFunction(); }, 0);</script></body>|' "$page004" >"$TMP/buggy.html"
render buggy "file://$TMP/buggy.html"
grep -q '^jserror=.*noSuchFunction' "$TMP/buggy.facts" && pass "control: data-js-error set by a broken script" \
  || fail "control: a script error went unnoticed (data-js-error)"
grep -qx console "$TMP/buggy.facts" && pass "control: console error seen on stderr" \
  || fail "control: a script error went unnoticed (console)"

render index "file://$out/index.html"
clean index
[ "$(grep -c 'href="[0-9]*-' "$TMP/index.dom")" -ge 5 ] && pass "index: links to the five pages" || fail "index: links missing"

# Clicking the 错误 header twice sorts by errors, most first: seed 004 (row 5) on top.
sed 's|</body>|<script>var h = document.querySelectorAll("th")[5]; h.click(); h.click();</script></body>|' \
  "$out/index.html" >"$out/sorted.html"
render sorted "file://$out/sorted.html"
clean sorted
first=$(grep -o '<tr data-i="[0-9]*"' "$TMP/sorted.dom" | head -1)
[ "$first" = '<tr data-i="5"' ] && pass "index: sorted by errors, seed 004 first" || fail "index: first row after sort: $first"
rm -f "$out/sorted.html"

render page "file://$page004"
clean page
for rule in fz.first-responsible-part ph.gangyao-title; do
  grep -qx "finding error $rule shown" "$TMP/page.facts" && pass "page: error $rule listed" || fail "page: error $rule not listed"
done
grep -qx 'highlight on' "$TMP/page.facts" && pass "page: spans highlighted" || fail "page: no highlight"
grep -q ' hidden$' "$TMP/page.facts" && fail "page: items hidden without a filter" || pass "page: nothing hidden by default"
[ "$(grep -c '^scripts=2$' "$TMP/page.facts")" = 1 ] && pass "page: only its own two scripts" || fail "page: $(grep scripts= "$TMP/page.facts")"

render filtered "file://$page004#sev=error"
clean filtered
errors=$(grep -c '^finding error .* shown$' "$TMP/filtered.facts")
others=$(grep -c '^finding \(warning\|note\) .* hidden$' "$TMP/filtered.facts")
leaks=$(grep -c '^finding \(warning\|note\) .* shown$\|^finding error .* hidden$' "$TMP/filtered.facts")
[ "$errors" -ge 2 ] && [ "$others" -ge 1 ] && [ "$leaks" = 0 ] && pass "#sev=error: $errors errors shown, $others warnings/notes hidden" \
  || fail "#sev=error: errors shown $errors, others hidden $others, wrong $leaks"
render byrule "file://$page004#rule=ph.gangyao-title"
shown=$(grep ' shown$' "$TMP/byrule.facts" | sort -u)
[ "$shown" = "finding error ph.gangyao-title shown" ] && pass "#rule=ph.gangyao-title: only that rule shown" \
  || fail "#rule=: shown: $shown"

render evil "file://$TMP/evil.html"
clean evil
grep -qx 'scripts=2' "$TMP/evil.facts" && pass "evil report: no injected script element" || fail "evil report: $(grep scripts= "$TMP/evil.facts")"
grep -q '&lt;script&gt;alert' "$TMP/evil.dom" && pass "evil report: <script> shown as text" || fail "evil report: text lost"
render rule "file://$TMP/rule.html"
clean rule
grep -qx 'scripts=2' "$TMP/rule.facts" && pass "rule markup: no injected script element" || fail "rule markup: $(grep scripts= "$TMP/rule.facts")"

# Screenshots, for a person to look at.
for shot in "index:$out/index.html" "seed-004:$page004"; do
  name=${shot%%:*} file=${shot#*:}
  rm -f "$art/$name.png"
  chrome --window-size=1280,1600 --screenshot="$art/$name.png" "file://$file" >/dev/null
  size=$(stat -c %s "$art/$name.png" 2>/dev/null || echo 0)
  [ "$size" -gt 20000 ] && pass "screenshot $art/$name.png ($size bytes)" || fail "screenshot $name.png: $size bytes"
done
finish
