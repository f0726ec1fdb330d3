#include "tables/table_cache.h"

namespace nianbao::detail {

const BoundTable* TableCache::get(std::string_view id) {
  // RuleSet::table resolves the id however it is written; the template's own
  // (normalized) id is the key.
  const RulePack* owner = nullptr;
  const TableTemplate* t = rules_.table(id, &owner);
  if (!t) return nullptr;
  if (auto it = cache_.find(t->id); it != cache_.end()) return it->second.get();
  const Section* section = nullptr;
  if (!t->section.empty()) {
    if (const SectionDef* def = owner->section(t->section)) section = def->find(doc_.parts);
  }
  auto bound = std::make_unique<BoundTable>(bindTable(doc_, *t, section));
  const BoundTable* out = bound.get();
  cache_.emplace(t->id, std::move(bound));
  return out;
}

}  // namespace nianbao::detail
