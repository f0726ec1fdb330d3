// table_assert: see docs/rule-format.md#table_assert.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeTableAssertRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
