// rule_pack.h — loading rule packs (YAML) into typed, validated rules.
//
//   nianbao::RuleSet rules;
//   rules.addBuiltin();                  // rules/packs/*.yaml compiled in
//   rules.addPath("my-rules/");          // a file or a directory of *.yaml
//   // both throw LoadErrors: every problem as file:line:col: message
//
// A pack file (schema nianbao/v1) holds: the report type it defines or extends
// (with the title patterns that detect it), named sections (how a part of the
// report is recognized), and rules. See docs/rule-format.md.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/rule.h"

namespace re2 {
class RE2;
}

namespace nianbao {
namespace detail {
class PatternPrefilter;
struct PrefilterSlot;
}  // namespace detail
}  // namespace nianbao

namespace nianbao {

struct LoadError {
  SourceLoc loc;
  std::string message;
  std::string str() const;  // "file:line:col: error: message"
};

class LoadErrors : public std::runtime_error {
 public:
  explicit LoadErrors(std::vector<LoadError> errors);
  const std::vector<LoadError>& errors() const { return errors_; }

 private:
  std::vector<LoadError> errors_;
};

// How one part of a report is recognized: by its heading, at an outline level.
class SectionDef {
 public:
  SectionDef(std::string id, std::string name, std::vector<std::string> phrases,
             std::vector<std::shared_ptr<const re2::RE2>> patterns,
             std::vector<std::shared_ptr<const re2::RE2>> exclude, int level, SourceLoc loc);
  const std::string& id() const { return id_; }
  const std::string& name() const { return name_; }  // display name, Chinese
  int level() const { return level_; }               // 0 = any level
  const SourceLoc& loc() const { return loc_; }
  // True when a normalized heading title is this section: a phrase or pattern
  // matches and no exclude pattern does.
  bool matchesTitle(std::string_view norm_title) const;
  // The first section of the outline (depth-first, at the right level) that matches.
  const Section* find(const std::vector<Section>& parts) const;

 private:
  std::string id_;
  std::string name_;
  std::vector<std::string> phrases_;
  std::vector<std::shared_ptr<const re2::RE2>> patterns_;
  std::vector<std::shared_ptr<const re2::RE2>> exclude_;
  int level_;
  SourceLoc loc_;
};

struct ReportTypeDef {
  std::string id;    // "fz"
  std::string name;  // "法治政府建设情况报告"
  std::vector<std::shared_ptr<const re2::RE2>> title_patterns;
  SourceLoc loc;
};

// One row or column of a table template.
struct TemplateLabel {
  std::string id;       // how rules name it, normalized ("(七)总计", "自然人")
  std::string display;  // the id as the pack writes it ("（七）总计"), for messages
  std::string label;    // the official wording, for messages ("（七）总计")
  std::vector<std::shared_ptr<const re2::RE2>> match;  // how a report's label is recognized
  std::vector<size_t> columns;                         // rows only: the columns that apply; empty = all
  SourceLoc loc;
};

// An official table (国办公开办函〔2021〕30号 表二/表三/表四), declared in YAML.
struct TableTemplate {
  std::string id;       // "表三"
  std::string name;     // "收到和处理政府信息公开申请情况"
  std::string section;  // id of the pack section the table sits in ("" = anywhere)
  bool flat = false;    // one data row whose cells are (row, column) pairs by header
  std::vector<TemplateLabel> rows;
  std::vector<TemplateLabel> columns;
  std::vector<std::pair<std::string, std::vector<size_t>>> row_groups;  // 办理结果 -> rows
  std::vector<std::pair<std::string, std::vector<size_t>>> col_groups;  // 申请人 -> columns
  SourceLoc loc;

  // Index of a row or column by id (normalized on the way in); -1 if none.
  int row(std::string_view id) const;
  int column(std::string_view id) const;
  const std::vector<size_t>* rowGroup(std::string_view name) const;
  const std::vector<size_t>* columnGroup(std::string_view name) const;
};

class RulePack {
 public:
  std::string name;
  std::string file;
  std::string title;
  std::vector<std::string> applies_to;       // default report types of its rules
  std::optional<ReportTypeDef> report_type;  // a type this pack defines
  std::vector<SectionDef> sections;          // in canonical order
  std::vector<TableTemplate> tables;
  std::vector<std::unique_ptr<Rule>> rules;

  const SectionDef* section(std::string_view id) const;
  const TableTemplate* table(std::string_view id) const;
};

// What a configuration (nianbao.yaml, --set, --disable) changes in the rules it
// loads. A field override replaces the rule's own YAML value before the rule is
// built, so it is checked like any rule field ({"fz.publish-deadline",
// {{"deadline", "03-01"}}}, {"ph.fazhi-propaganda", {{"severity", "warning"}}}).
struct RuleOverrides {
  std::set<std::string> disabled;
  std::map<std::string, std::map<std::string, std::string>> fields;
};

// A rule test file (NAME.test.yaml, `nianbao rules test`): kept beside the
// packs, never loaded as one.
bool isRuleTestFile(std::string_view file_name);

// Packs are immutable once loaded and shared: copying a RuleSet is cheap, and
// a copy can load more packs on top without touching the original.
class RuleSet {
 public:
  RuleSet();
  // Applies to the packs loaded after the call.
  void setOverrides(RuleOverrides overrides) { overrides_ = std::move(overrides); }
  // Rule ids the overrides name that no loaded pack has.
  std::vector<std::string> unknownOverrideIds() const;
  void addBuiltin();
  void addPath(const std::string& file_or_dir);
  // `name` is what errors cite as the file.
  void addText(const std::string& name, std::string_view yaml);

  const std::vector<std::shared_ptr<const RulePack>>& packs() const { return packs_; }
  // All report types the loaded packs define, in load order.
  std::vector<const ReportTypeDef*> reportTypes() const;
  const ReportTypeDef* reportType(std::string_view id) const;
  // Every rule, sorted by id.
  std::vector<const Rule*> rules() const;
  const Rule* rule(std::string_view id) const;
  // The first loaded pack's template with this id, and that pack.
  const TableTemplate* table(std::string_view id, const RulePack** owner = nullptr) const;
  // Every rule's text patterns in one RE2::Set, built on first use.
  const detail::PatternPrefilter& prefilter() const;

 private:
  std::vector<std::shared_ptr<const RulePack>> packs_;
  std::shared_ptr<detail::PrefilterSlot> prefilter_;  // replaced when a pack is added
  RuleOverrides overrides_;
  std::set<std::string> seen_ids_;  // every rule id parsed, disabled ones included
};

}  // namespace nianbao
