#include "rules/pattern_prefilter.h"

#include <algorithm>

#include "nianbao/document.h"
#include "nianbao/rule.h"

namespace nianbao::detail {

PatternPrefilter::PatternPrefilter(const std::vector<const RE2*>& patterns) {
  // The same options the loader compiles rule patterns with, and room for the
  // DFA of a few hundred patterns.
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  std::unordered_map<const RE2*, int> index;
  for (const RE2* re : patterns) {
    if (!re || !re->ok() || index.count(re)) continue;
    // A pattern compiled with other options is left out: it always runs.
    if (re->options().case_sensitive() != opt.case_sensitive() ||
        re->options().encoding() != opt.encoding() || re->options().literal() != opt.literal() ||
        re->options().never_nl() != opt.never_nl() || re->options().dot_nl() != opt.dot_nl() ||
        re->options().posix_syntax() != opt.posix_syntax()) {
      continue;
    }
    int k = set->Add(re->pattern(), nullptr);
    if (k >= 0) index.emplace(re, k);
  }
  if (index.empty() || !set->Compile()) return;  // no set: every pattern runs
  set_ = std::move(set);
  index_ = std::move(index);
}

int PatternPrefilter::index(const RE2* re) const {
  auto it = index_.find(re);
  return it == index_.end() ? -1 : it->second;
}

bool PatternPrefilter::scan(std::string_view text, std::vector<int>& hits) const {
  hits.clear();
  if (!set_) return false;
  RE2::Set::ErrorInfo error;
  if (!set_->Match(re2::StringPiece(text.data(), text.size()), &hits, &error)) {
    if (error.kind != RE2::Set::kNoError) return false;
    hits.clear();  // matched nothing
  }
  std::sort(hits.begin(), hits.end());
  return true;
}

BlockPrefilter::BlockPrefilter(const Document& doc, const PatternPrefilter& filter)
    : doc_(doc), filter_(filter), state_(doc.blocks.size(), 0), hits_(doc.blocks.size()) {}

bool BlockPrefilter::mayMatch(const RE2& re, size_t block) {
  int k = filter_.index(&re);
  if (k < 0 || block >= state_.size()) return true;
  if (state_[block] == 0) state_[block] = filter_.scan(doc_.blocks[block].norm.text, hits_[block]) ? 1 : -1;
  if (state_[block] < 0) return true;
  return std::binary_search(hits_[block].begin(), hits_[block].end(), k);
}

}  // namespace nianbao::detail

namespace nianbao {

bool EvalContext::mayMatch(const RE2& re, size_t block) const {
  return !prefilter || prefilter->mayMatch(re, block);
}

}  // namespace nianbao
