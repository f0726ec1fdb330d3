// pattern_prefilter.h — all text patterns of the loaded rules in one RE2::Set.
//
// Phrase, claim and year rules each scan the blocks of their scope with their
// own regexes: about seventy scans of every paragraph for the built-in packs,
// almost all finding nothing. One scan of a block with the set says which
// patterns can match in it; a rule then runs its own regex (for positions and
// groups) only where the set found it.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nianbao {
class RuleSet;
struct Document;
}  // namespace nianbao

namespace nianbao::detail {

class PatternPrefilter {
 public:
  explicit PatternPrefilter(const std::vector<const RE2*>& patterns);
  // Position of `re` in the set; -1 when the set does not hold it (then it
  // must always run).
  int index(const RE2* re) const;
  // The positions of the set members that match somewhere in `text`, sorted;
  // false when the set could not tell (its memory budget ran out).
  bool scan(std::string_view text, std::vector<int>& hits) const;
  size_t size() const { return index_.size(); }

 private:
  std::unique_ptr<RE2::Set> set_;
  std::unordered_map<const RE2*, int> index_;
};

// Built the first time a RuleSet evaluates, shared by its copies until one of
// them loads another pack.
struct PrefilterSlot {
  std::once_flag once;
  std::unique_ptr<PatternPrefilter> filter;
};

// One document's scans, block by block, each done at most once.
class BlockPrefilter {
 public:
  BlockPrefilter(const Document& doc, const PatternPrefilter& filter);
  // False only when `re` certainly does not match in block `block`'s text.
  bool mayMatch(const RE2& re, size_t block);

 private:
  const Document& doc_;
  const PatternPrefilter& filter_;
  std::vector<signed char> state_;  // per block: 0 not scanned, 1 scanned, -1 set failed
  std::vector<std::vector<int>> hits_;
};

}  // namespace nianbao::detail
