// claim (and text_vs_table): figures captured by an RE2 pattern with named
// groups, checked by expressions. See docs/rule-format.md#claim.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeClaimRule(RuleInfo info, KindContext& ctx);
// The shared implementation; `allow_assert` is false for text_vs_table, whose
// claims are always "the stated figure equals one of these".
std::unique_ptr<Rule> makePatternClaim(RuleInfo info, KindContext& ctx, bool allow_assert);

}  // namespace nianbao::detail
