// section_order: see docs/rule-format.md#section_order.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeSectionOrderRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
