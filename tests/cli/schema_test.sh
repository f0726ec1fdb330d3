#!/usr/bin/env bash
# The JSON Schema of the rule format (docs/schema) and the C++ loader must agree:
# every built-in pack passes both; bad-rule fixtures whose mistake is visible to a
# schema (unknown field or kind, bad enum, wrong type, missing field) fail both.
source "$(dirname "$0")/lib.sh"
cd "$NIANBAO_SOURCE_DIR"
PY=python3
$PY -c 'import jsonschema, yaml' 2>/dev/null || PY=/usr/bin/python3
$PY -c 'import jsonschema, yaml' || { fail "python3 with jsonschema and yaml is needed (scripts/setup.sh installs them)"; finish; }
validate() {  # FILE -> exit 0 if the schema accepts it
  $PY - "$1" <<'PY'
import json, sys, yaml, jsonschema
schema = json.load(open("docs/schema/rule-pack.schema.json", encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
for e in errors[:3]: print("   ", "/".join(map(str, e.absolute_path)), e.message[:120])
sys.exit(1 if errors else 0)
PY
}
for f in rules/packs/*.yaml; do
  validate "$f" && pass "schema accepts $f" || fail "schema rejects built-in pack $f"
done
for name in unknown-field unknown-kind invalid-severity wrong-schema missing-severity wrong-type-mapping misspelled-required-field; do
  f=tests/fixtures/bad-rules/$name.yaml
  if validate "$f" >/dev/null; then fail "schema accepts $f"; else pass "schema rejects $f"; fi
  "$NIANBAO" check --rules "$f" "$SEEDS/003_6cdf66a710b6816f.txt" >/dev/null 2>&1
  [ $? = 2 ] && pass "loader rejects $f" || fail "loader accepts $f"
done
# Every pack names the schema for editors (yaml-language-server modeline).
for f in rules/packs/*.yaml; do
  head -1 "$f" | grep -q '^# yaml-language-server: \$schema=../../docs/schema/rule-pack.schema.json' \
    && pass "$f has the schema modeline" || fail "$f lacks the schema modeline"
done
finish
