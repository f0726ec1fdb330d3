// The single table of rule kinds. Error messages, docs and the schema test all
// derive the list of kinds from here.
#include "rules/rule_kinds.h"

#include "rules/claim_rule.h"
#include "rules/cross_claim_rule.h"
#include "rules/date_rule.h"
#include "rules/metadata_rule.h"
#include "rules/phrase_rule.h"
#include "rules/required_section_rule.h"
#include "rules/section_order_rule.h"
#include "rules/table_assert_rule.h"
#include "rules/table_cells_filled_rule.h"
#include "rules/table_required_rule.h"
#include "rules/text_vs_table_rule.h"
#include "rules/year_rule.h"

namespace nianbao {

const std::vector<RuleGroup>& ruleGroups() {
  static const std::vector<RuleGroup> groups = {
      {"sections", "必备部分"},     {"tables", "表格"},        {"arithmetic", "数字核对"},
      {"formulations", "规范表述"}, {"dates", "日期与元数据"},
  };
  return groups;
}

}  // namespace nianbao

namespace nianbao::detail {

const std::vector<RuleKind>& ruleKinds() {
  static const std::vector<RuleKind> kinds = {
      {"claim",
       "同一段中陈述的数字之间必须成立的关系（部分与总数、比率、比例）",
       makeClaimRule,
       {"match", "left", "left_value", "right", "right_value", "value", "expected"},
       true,
       "arithmetic"},
      {"cross_claim",
       "同一数字在不同地方的陈述必须一致（或满足给定关系）",
       makeCrossClaimRule,
       {"left", "left_value", "right", "right_value", "value", "first_value", "first_line"},
       true,
       "arithmetic"},
      {"date_rule",
       "报告日期不晚于该类报告的期限（期限写在规则包中）",
       makeDateRule,
       {"field", "date", "deadline_date", "report_year"},
       true,
       "dates"},
      {"metadata",
       "元数据字段（标题、文号、日期等）必须存在或符合格式",
       makeMetadataRule,
       {"field"},
       false,
       "dates"},
      {"phrase",
       "正文中必须出现或不得出现的表述（RE2 正则或字面短语）",
       makePhraseRule,
       {"match", "count", "min_count", "scope"},
       true,
       "formulations"},
      {"required_section",
       "报告必须包含的部分（按标题的多种写法识别）",
       makeRequiredSectionRule,
       {"section", "where", "parts"},
       false,
       "sections"},
      {"section_order",
       "各部分应按规定顺序出现",
       makeSectionOrderRule,
       {"section", "line", "after", "after_line"},
       false,
       "sections"},
      {"table_assert",
       "表格数字之间必须成立的关系（勾稽关系），用表达式写",
       makeTableAssertRule,
       {"left", "left_value", "right", "right_value", "for", "expr"},
       false,
       "arithmetic"},
      {"table_cells_filled",
       "表格中规定要填数字的格不得空白、填“/”或“—”",
       makeTableCellsFilledRule,
       {"table", "row", "line", "count", "cells", "read", "notes"},
       false,
       "tables"},
      {"table_required",
       "规定的表格及其行、列必须齐全",
       makeTableRequiredRule,
       {"table", "name", "what"},
       false,
       "tables"},
      {"text_vs_table",
       "正文中陈述的数字必须与表格（或表达式）一致",
       makeTextVsTableRule,
       {"value", "match", "expected"},
       true,
       "arithmetic"},
      {"year_rule",
       "报告中的年份与报告年度一致（如下一年度安排写下一年）",
       makeYearRule,
       {"found", "expected", "report_year", "title"},
       false,
       "formulations"},
  };
  return kinds;
}

const RuleKind* findRuleKind(std::string_view id) {
  for (const RuleKind& k : ruleKinds()) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

const SectionDef* KindContext::section(const YAML::Node& node, const std::string& id) {
  if (const SectionDef* s = pack.section(id)) return s;
  std::vector<std::string> ids;
  for (const SectionDef& s : pack.sections) ids.push_back(s.id());
  ctx().error(node, "未定义的部分 '" + id + "'（本规则包 sections 中有：" + joinNames(ids) + "）");
  return nullptr;
}

const TableTemplate* KindContext::table(const YAML::Node& node, const std::string& id) {
  if (const TableTemplate* t = pack.table(id)) return t;
  for (const auto& p : loaded) {
    if (const TableTemplate* t = p->table(id)) return t;
  }
  std::vector<std::string> ids;
  for (const TableTemplate& t : pack.tables) ids.push_back(t.id);
  for (const auto& p : loaded) {
    for (const TableTemplate& t : p->tables) ids.push_back(t.id);
  }
  ctx().error(node, "未定义的表格 '" + id + "'（已定义：" + (ids.empty() ? "无" : joinNames(ids)) + "）");
  return nullptr;
}

}  // namespace nianbao::detail
