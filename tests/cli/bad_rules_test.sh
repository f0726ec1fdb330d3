#!/usr/bin/env bash
# Every broken rule pack in tests/fixtures/bad-rules/ makes `nianbao check` fail
# cleanly: exit 2, nothing on stdout, and exactly one error line on stderr,
# "FIXTURE:LINE:COL: 错误: ..." with the position and message part of FIXTURE's
# .expected file ("LINE:COL<TAB>message part").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FIXTURES="$NIANBAO_SOURCE_DIR/tests/fixtures/bad-rules"
REPORT="$SEEDS/003_6cdf66a710b6816f.txt"
[ -f "$REPORT" ] || { fail "seed report $REPORT is missing"; finish; }

# Runs nianbao and keeps its exit code in $TMP/rc, for checks beyond expect_rc's.
nianbao() {
  "$NIANBAO" "$@"
  local rc=$?
  echo "$rc" >"$TMP/rc"
  return "$rc"
}

count=0
for fixture in "$FIXTURES"/*.yaml; do
  name=$(basename "$fixture" .yaml)
  count=$((count + 1))
  expected="${fixture%.yaml}.expected"
  if [ ! -f "$expected" ]; then
    fail "$name: no $expected"
    continue
  fi
  IFS=$'\t' read -r pos part <"$expected"
  if [[ ! "$pos" =~ ^[0-9]+:[0-9]+$ ]] || [ -z "$part" ]; then
    fail "$name: malformed $expected"
    continue
  fi

  expect_rc 2 "$name: check fails" -- nianbao check --rules "$fixture" "$REPORT"
  rc=$(cat "$TMP/rc")
  if [ "$rc" -ge 128 ]; then fail "$name: crashed (exit $rc)"; else pass "$name: no crash"; fi

  if [ -s "$TMP/out" ]; then
    fail "$name: stdout is not empty"
    sed 's/^/     /' "$TMP/out" | head -5
  else
    pass "$name: stdout is empty"
  fi

  lines=$(awk 'END { print NR }' "$TMP/err")
  if [ "$lines" -eq 1 ]; then
    pass "$name: one line on stderr"
  else
    fail "$name: stderr has $lines line(s), expected exactly one"
    sed 's/^/     /' "$TMP/err" | head -5
  fi

  err=$(head -n 1 "$TMP/err")
  prefix="$fixture:$pos: 错误: "
  if [ "${err#"$prefix"}" != "$err" ]; then
    pass "$name: error at $pos"
  else
    fail "$name: stderr does not start with '$prefix'"
    echo "     $err"
  fi
  if [[ "$err" == *"$part"* ]]; then
    pass "$name: message mentions '$part'"
  else
    fail "$name: message does not mention '$part'"
    echo "     $err"
  fi
done

if [ "$count" -ge 10 ]; then pass "$count fixtures"; else fail "only $count fixtures in $FIXTURES"; fi
finish
