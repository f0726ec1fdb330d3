#!/usr/bin/env bash
# nianbao.yaml and --set/--disable: a region's earlier deadline, a changed
# severity, a disabled rule; unknown keys and rules are errors (exit 2).
source "$(dirname "$0")/lib.sh"
F="$NIANBAO_SOURCE_DIR/examples/fz-variants/00-base.txt"   # published 2022-01-30, 2021 report
cd "$TMP"
expect_rc 0 "no config: the base report passes" -- "$NIANBAO" check "$F"
expect_rc 1 "--set an earlier deadline (01-15)" -- "$NIANBAO" check --set fz.publish-deadline.deadline=01-15 "$F"
grep -q '晚于2022-01-15' "$TMP/out" && pass "the finding names the configured deadline" || fail "deadline not in the message"
# The same from the command line alone: a changed severity, a disabled rule.
expect_rc 0 "--set ID.severity=warning on the command line" -- "$NIANBAO" check --set fz.publish-deadline.deadline=01-15 --set fz.publish-deadline.severity=warning "$F"
grep -q 'warning\[fz.publish-deadline\]' "$TMP/out" && pass "severity changed by --set" || fail "severity not changed by --set"
expect_rc 0 "--disable on the command line" -- "$NIANBAO" check --disable fz.publish-deadline --set fz.publish-deadline.deadline=01-15 "$F"
grep -q 'fz.publish-deadline' "$TMP/out" && fail "a rule disabled by --disable ran" || pass "--disable: the rule does not run"
printf 'set:\n  fz.publish-deadline: {deadline: "01-15"}\nseverity: {fz.publish-deadline: warning}\n' >nianbao.yaml
expect_rc 0 "./nianbao.yaml: earlier deadline as a warning" -- "$NIANBAO" check "$F"
grep -q 'warning\[fz.publish-deadline\]' "$TMP/out" && pass "severity changed by the config" || fail "severity not changed"
printf 'disable: [fz.publish-deadline]\n' >other.yaml
expect_rc 0 "--config with the rule disabled" -- "$NIANBAO" check --config other.yaml --set fz.publish-deadline.deadline=01-15 "$F"
grep -q 'fz.publish-deadline' "$TMP/out" && fail "a disabled rule ran" || pass "a disabled rule does not run"
printf 'set: {fz.publish-deadline: {deadline: "01-15", severity: note}}\n' >nianbao.yaml
expect_rc 0 "a note-only finding passes by default" -- "$NIANBAO" check "$F"
printf 'fail_on: note\nset: {fz.publish-deadline: {deadline: "01-15", severity: note}}\n' >nianbao.yaml
expect_rc 1 "fail_on: note from the config makes it fail" -- "$NIANBAO" check "$F"
printf 'sett: {}\n' >nianbao.yaml
expect_rc 2 "unknown config key" -- "$NIANBAO" check "$F"
grep -q "nianbao.yaml:1:1: 错误: 未知的配置项 'sett'" "$TMP/err" && pass "unknown key at file:line:col" || fail "unknown key message"
rm nianbao.yaml
expect_rc 2 "unknown rule in --disable" -- "$NIANBAO" check --disable no.such "$F"
expect_rc 2 "a bad overridden value" -- "$NIANBAO" check --set fz.publish-deadline.deadline=13-01 "$F"
grep -q "被配置文件或 --set 改写过" "$TMP/err" && pass "the error says the value came from the configuration" || fail "no configuration hint"
expect_rc 2 "a malformed --set" -- "$NIANBAO" check --set deadline=03-01 "$F"
finish
