#include "tables/table_cache.h"

#include "nianbao/text.h"

namespace nianbao::detail {

const BoundTable* TableCache::get(std::string_view id) {
  // Keys are normalized ids; most callers pass one already (see TableHost::name).
  if (auto it = cache_.find(id); it != cache_.end()) return it->second.get();
  std::string key = normalizeText(id);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
  const RulePack* owner = nullptr;
  const TableTemplate* t = rules_.table(key, &owner);
  if (!t) return nullptr;
  const Section* section = nullptr;
  if (!t->section.empty()) {
    if (const SectionDef* def = owner->section(t->section)) section = def->find(doc_.parts);
  }
  auto bound = std::make_unique<BoundTable>(bindTable(doc_, *t, section));
  const BoundTable* out = bound.get();
  cache_.emplace(key, std::move(bound));
  return out;
}

}  // namespace nianbao::detail
