#!/usr/bin/env bash
# Arithmetic claims in the seeds, verified by hand (numbers below). For each:
# the seed as published gives no finding of the rule, and changing one of the
# figures makes exactly that rule fire — so the claim was really read and
# checked, not skipped.
source "$(dirname "$0")/lib.sh"
claim() {  # SEED LINE FROM TO RULE WHY
  local seed=$1 line=$2 from=$3 to=$4 rule=$5 why=$6
  local src="$SEEDS/$seed"
  if "$NIANBAO" check "$src" 2>/dev/null | grep -q "\[$rule\]"; then fail "$seed: $rule fires on the original ($why)"; return; fi
  sed "${line}s/${from}/${to}/" "$src" >"$TMP/mutated.txt"
  cmp -s "$src" "$TMP/mutated.txt" && { fail "$seed:$line: '$from' not found"; return; }
  local n; n=$("$NIANBAO" check "$TMP/mutated.txt" 2>/dev/null | grep -c "\[$rule\]")
  [ "$n" = 1 ] && pass "$seed: $why" || fail "$seed: $rule fired $n times after $from -> $to ($why)"
}
S0=000_daaf7a29b731c3d8.txt S1=001_cda731678efe901b.txt S3=003_6cdf66a710b6816f.txt S4=004_e216814a7c54799f.txt
# Seed 000
claim $S0 303 '会办34件' '会办35件' fz.claim-main-co-handled '主办14+会办34=48件'
claim $S0 260 '受理22325 件' '受理22300 件' fz.claim-disputes-accepted '受理31750=仲裁9425+调解22325'
claim $S0 260 '调解成功 14758件' '调解成功 15758件' fz.claim-disputes-closed '办结24348≥仲裁办结9590+调解成功14758=24348'
claim $S0 262 '1.54:1' '1.64:1' fz.claim-mediation-ratio '调解14758÷仲裁9590=1.539→1.54:1'
claim $S0 307 '开庭审理 36' '开庭审理 40' fz.claim-appearance-rate '出庭应诉36÷开庭审理36=100%'
# Seed 001
claim $S1 41 '会办 24 件' '会办 25 件' fz.claim-main-co-handled '主办8+会办24=32件'
claim $S1 42 '开庭审理 37 件' '开庭审理 40 件' fz.claim-appearance-rate '出庭应诉37÷开庭审理37=100%'
claim $S1 37 '1.3 比 1' '1.5 比 1' fz.claim-mediation-ratio-of-total '调解成功14978÷(办结26509−14978)=1.299→1.3比1'
# Seed 003 (prose against the tables)
claim $S3 19 '申请396件' '申请397件' xg.text-received '受理396件=表三一总计396'
claim $S3 19 '部分公开215件' '部分公开216件' xg.text-open '予以公开及部分公开215=203+12'
claim $S3 19 '占54.3%' '占55.3%' xg.text-share '215÷396=54.29%→54.3%'
claim $S3 19 '不予公开1件' '不予公开2件' xg.text-denied '不予公开1=表三（三）各项之和1'
claim $S3 21 '72 件' '70 件' xg.text-unavailable '无法提供72=47+25+0'
claim $S3 21 '占 18.2%' '占 19.2%' xg.text-share '72÷396=18.18%→18.2%'
claim $S3 21 '不予处理 5 件' '不予处理 6 件' xg.text-not-processed '不予处理5=4+1'
claim $S3 21 '占 1.3%' '占 2.3%' xg.text-share '5÷396=1.26%→1.3%'
claim $S3 21 '其他处理 103 件' '其他处理 100 件' xg.text-other-handling '其他处理103=16+0+87'
claim $S3 21 '占 26.0%' '占 27.0%' xg.text-share '103÷396=26.01%→26.0%'
claim $S3 15 '规范性文件41件' '规范性文件40件' xg.text-normative-docs '规范性文件41=表二本年制发41'
# Seed 004
claim $S4 51 '总数达到37件' '总数达到38件' fz.cross-review-litigation-total '行政复议22+行政诉讼15=总数37'
finish
