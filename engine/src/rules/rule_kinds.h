// Internal: the registry of rule kinds. To add a kind: write
// rules/<kind>_rule.{h,cpp} with a factory, add one row to rule_kinds.cpp,
// document it in docs/rule-format.md, and add tests and a bad-rule fixture.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "load/yaml_fields.h"
#include "nianbao/rule_pack.h"

namespace nianbao::detail {

struct KindContext {
  Fields& fields;        // the rule's mapping; common keys are already read
  const RulePack& pack;  // sections are resolved against it
  const std::vector<std::shared_ptr<const RulePack>>& loaded;  // packs loaded before this one
  YamlCtx& ctx() { return fields.ctx(); }
  // Resolves a section id of this pack; reports an error at `node` if unknown.
  const SectionDef* section(const YAML::Node& node, const std::string& id);
  // Resolves a table template in this pack or an earlier one; reports if unknown.
  const TableTemplate* table(const YAML::Node& node, const std::string& id);
};

// Returns nullptr after reporting errors through ctx.
using RuleFactory = std::unique_ptr<Rule> (*)(RuleInfo info, KindContext& ctx);

struct RuleKind {
  std::string_view id;
  std::string_view summary;  // Chinese, for `rules list` and the docs
  RuleFactory make;
  std::vector<std::string_view> placeholders;  // what its messages may use
  bool checks_own_messages = false;            // placeholders depend on other fields
  std::string_view group = "formulations";     // default RuleInfo::group (see ruleGroups)
};

const std::vector<RuleKind>& ruleKinds();
const RuleKind* findRuleKind(std::string_view id);

}  // namespace nianbao::detail
