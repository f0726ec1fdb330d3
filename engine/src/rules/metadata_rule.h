// metadata: see docs/rule-format.md#metadata.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeMetadataRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
