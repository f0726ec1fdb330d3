// phrase: see docs/rule-format.md#phrase.
#pragma once

#include "rules/rule_kinds.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makePhraseRule(RuleInfo info, KindContext& ctx);

}  // namespace nianbao::detail
