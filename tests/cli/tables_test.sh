#!/usr/bin/env bash
# Seed 003's three tables as read (parse), against a golden file whose every
# value was checked by hand against lines 39–103 of the seed.
source "$(dirname "$0")/lib.sh"
golden="$NIANBAO_SOURCE_DIR/tests/golden/tables/003_6cdf66a710b6816f.txt"
"$NIANBAO" parse "$SEEDS/003_6cdf66a710b6816f.txt" | sed -n '/^表格（对照模板）/,$p' >"$TMP/got"
if cmp -s "$golden" "$TMP/got"; then pass "seed 003 tables match the golden grid"; else fail "seed 003 tables differ"; diff "$golden" "$TMP/got" | head -20; fi
# parse --format json carries the same grid.
"$NIANBAO" parse --format json "$SEEDS/003_6cdf66a710b6816f.txt" | python3 -c '
import json, sys
d = json.load(sys.stdin)
t = {x["id"]: x for x in d["tables"]}
row = {r["row"]: r["cells"] for r in t["表三"]["rows"]}
assert row["一、本年新收政府信息公开申请数量"]["自然人"]["value"] == "360"
assert row["（七）总计"]["总计"]["value"] == "396"
assert row["（七）总计"]["总计"]["line"] == 94
four = {r["row"]: r["cells"] for r in t["表四"]["rows"]}
assert four["行政复议"]["总计"]["value"] == "空"
assert four["未经复议直接起诉"]["总计"]["value"] == "7"
' && pass "parse --format json tables" || fail "parse --format json tables"
finish
