// date_rule: see docs/rule-format.md#date_rule.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeDateRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
