// text_vs_table: a figure stated in prose must agree with the tables.
//
//   - id: xg.text-received
//     kind: text_vs_table
//     pattern: '(?:收到|受理)[^,。;]{0,16}?申请(?P<n>\d+)件'   # RE2 with named groups
//     value: n                            # the group holding the stated figure
//     expect:                             # any one of these equal is enough
//       - '表三.row("一").col("总计")'
//       - '表三.row("一").col("总计") + 表三.row("二").col("总计")'
//     tolerance: 0                        # or auto: half a unit of the last digit written
//     scope: body                         # body | section (with section:) | document
//     message: '正文称{value}（“{match}”），而{expected}'
//
// Every named group is also a name in the expressions (a share can be checked
// against its count: 'n / 表三.row("一").col("总计") * 100'). When the tables
// were not read the claim is not judged. The implementation is claim's
// (claim_rule.cpp): the same matching, restricted to value/expect.
#include "rules/text_vs_table_rule.h"

#include "rules/claim_rule.h"

namespace nianbao::detail {

std::unique_ptr<Rule> makeTextVsTableRule(RuleInfo info, KindContext& ctx) {
  return makePatternClaim(std::move(info), ctx, false);
}

}  // namespace nianbao::detail
