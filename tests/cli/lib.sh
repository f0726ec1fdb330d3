# Sourced by tests/cli/*_test.sh. NIANBAO, NIANBAO_SOURCE_DIR and NIANBAO_SHARED_DIR
# come from ctest. Each check prints one line; the script fails on the first miss.
set -u
: "${NIANBAO:?}" "${NIANBAO_SOURCE_DIR:?}" "${NIANBAO_SHARED_DIR:?}"
SEEDS="$NIANBAO_SHARED_DIR/seeds"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
# expect_rc EXPECTED DESCRIPTION -- COMMAND...
expect_rc() {
  local want=$1 what=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"; local rc=$?
  if [ "$rc" = "$want" ]; then pass "$what (exit $rc)"; else fail "$what: exit $rc, expected $want"; sed 's/^/     /' "$TMP/err" | head -5; fi
}
finish() { if [ "$fails" -gt 0 ]; then echo "$fails check(s) failed"; exit 1; fi; echo "all checks passed"; exit 0; }
