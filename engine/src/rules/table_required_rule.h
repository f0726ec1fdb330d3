// table_required: see docs/rule-format.md#table_required.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeTableRequiredRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
