#!/usr/bin/env bash
# examples/xg-variants and examples/fz-variants: a base report with no finding
# and one-defect variants, each of which must give exactly the findings in its
# expected.tsv (rule and position), nothing more.
source "$(dirname "$0")/lib.sh"
for dir in "$NIANBAO_SOURCE_DIR"/examples/{xg,fz}-variants; do
  cd "$dir" || { fail "$dir missing"; continue; }
  name=$(basename "$dir")
  "$NIANBAO" check 00-base.txt >"$TMP/base" 2>&1 && [ "$(grep -c '^00-base' "$TMP/base")" = 0 ] \
    && pass "$name/00-base.txt: no finding" || { fail "$name/00-base.txt has findings"; head -5 "$TMP/base"; }
  for f in 0[1-9]-*.txt; do
    want=$(grep -v '^#' expected.tsv | awk -F'\t' -v f="$f" '$1 == f {print $2 "@" $3}' | sort)
    got=$("$NIANBAO" check --format sarif "$f" 2>/dev/null | python3 -c '
import json, sys
for r in json.load(sys.stdin)["runs"][0]["results"]:
    reg = r["locations"][0]["physicalLocation"]["region"]
    print("%s@%d:%d" % (r["ruleId"], reg["startLine"], reg["startColumn"]))' | sort)
    if [ -n "$want" ] && [ "$got" = "$want" ]; then pass "$name/$f: $(echo $want)"; else fail "$name/$f: got [$(echo $got)] want [$(echo $want)]"; fi
  done
done
finish
