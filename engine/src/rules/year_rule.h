// year_rule: see docs/rule-format.md#year_rule.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeYearRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
