// cross_claim: see docs/rule-format.md#cross_claim.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeCrossClaimRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
