#!/usr/bin/env bash
# examples/xg-variants: seed 003 corrected (no finding) and seven one-defect
# variants, each of which must give exactly the findings in expected.tsv.
source "$(dirname "$0")/lib.sh"
dir="$NIANBAO_SOURCE_DIR/examples/xg-variants"
cd "$dir"
"$NIANBAO" check 00-base.txt >"$TMP/base" 2>&1 && pass "00-base.txt: no finding, exit 0" || { fail "00-base.txt has findings"; head -5 "$TMP/base"; }
for f in 0[1-9]-*.txt; do
  want=$(grep -v '^#' expected.tsv | awk -F'\t' -v f="$f" '$1 == f {print $2 "@" $3}' | sort)
  got=$("$NIANBAO" check --format sarif "$f" 2>/dev/null | python3 -c '
import json, sys
for r in json.load(sys.stdin)["runs"][0]["results"]:
    reg = r["locations"][0]["physicalLocation"]["region"]
    print("%s@%d:%d" % (r["ruleId"], reg["startLine"], reg["startColumn"]))' | sort)
  if [ "$got" = "$want" ]; then pass "$f: $(echo $want)"; else fail "$f: got [$(echo $got)] want [$(echo $want)]"; fi
done
finish
