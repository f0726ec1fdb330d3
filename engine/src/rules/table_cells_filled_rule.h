// table_cells_filled: see docs/rule-format.md#table_cells_filled.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeTableCellsFilledRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
