// text_vs_table: see docs/rule-format.md#text_vs_table.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeTextVsTableRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
