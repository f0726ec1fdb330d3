// Internal: the bound tables of one document, computed once and shared by all
// rules that name them.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "nianbao/rule_pack.h"
#include "tables/table_binder.h"

namespace nianbao::detail {

class TableCache {
 public:
  TableCache(const Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {}
  // nullptr when no loaded pack has a template with this id.
  const BoundTable* get(std::string_view id);
  const Document& doc() const { return doc_; }
  const RuleSet& rules() const { return rules_; }

 private:
  const Document& doc_;
  const RuleSet& rules_;
  std::map<std::string, std::unique_ptr<BoundTable>, std::less<>> cache_;
};

}  // namespace nianbao::detail
