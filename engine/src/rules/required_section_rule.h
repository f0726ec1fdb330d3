// required_section: see docs/rule-format.md#required_section.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeRequiredSectionRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
