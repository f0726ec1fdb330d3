// phrase: wording that must not appear (or must appear) in the report.
//
//   - id: ph.xi-thought-full-name
//     kind: phrase
//     mode: forbid                     # or require, or substitute:
//     substitutions:                   # (substitute) wrong form -> right form, named in the message
//       - {pattern: '《法治政府建设纲要》', replace: '《法治政府建设实施纲要（2021－2025年）》'}
//     patterns: ['习近平(?:新时代)?中国特色社会主义思想']   # RE2, on normalized text
//     phrases: ['法制政府']            # literal text, normalized the same way
//     except: ['法制(?:科|办)']        # a forbidden match inside one of these is fine
//     scope: body                      # document | body | title | section
//     section: measures                # with scope: section
//     min_count: 1                     # require: how many matches are enough
//
// Matching runs on each block's normalized text, so a phrase broken by a line
// wrap or spaced out by a web page still matches; the finding points to the
// original line and column.
#include "rules/phrase_rule.h"

#include <re2/re2.h>

#include <map>

#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

struct Match {
  size_t begin, end;
};

std::vector<Match> allMatches(const RE2& re, std::string_view text) {
  std::vector<Match> out;
  forEachMatch(re, text, [&](const std::vector<re2::StringPiece>& caps) {
    size_t b = static_cast<size_t>(caps[0].data() - text.data());
    out.push_back({b, b + caps[0].size()});
  });
  return out;
}

class PhraseRule : public Rule {
 public:
  PhraseRule(RuleInfo info, std::vector<std::shared_ptr<const RE2>> patterns, std::vector<std::string> right,
             std::vector<std::shared_ptr<const RE2>> except, bool require, std::string scope,
             const SectionDef* section, int min_count)
      : Rule(std::move(info)),
        patterns_(std::move(patterns)),
        right_(std::move(right)),
        except_(std::move(except)),
        require_(require),
        scope_(std::move(scope)),
        section_(section),
        min_count_(min_count) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    size_t begin = 0, end = 0;
    Span anchor = documentStart(doc);
    if (scope_ == "title") {
      for (const Region& r : doc.front) {
        if (r.kind == "title") begin = r.begin, end = r.end;
      }
    } else {
      auto range = scopeBlocks(doc, scope_, section_);
      if (!range) return;  // a missing part is required_section's finding
      begin = range->begin;
      end = range->end;
      if (scope_.starts_with("section")) anchor = section_->find(doc.parts)->heading;
    }
    size_t count = 0;
    std::map<std::string, int> seen;  // occurrences of the same text, for stable keys
    for (size_t i = begin; i < end; ++i) {
      const NormText& t = doc.blocks[i].norm;
      std::vector<Match> excepted;
      for (const auto& ex : except_) {
        if (!ctx.mayMatch(*ex, i)) continue;
        auto ms = allMatches(*ex, t.text);
        excepted.insert(excepted.end(), ms.begin(), ms.end());
      }
      for (size_t p = 0; p < patterns_.size(); ++p) {
        const auto& re = patterns_[p];
        if (!ctx.mayMatch(*re, i)) continue;
        for (const Match& m : allMatches(*re, t.text)) {
          bool inside = false;
          for (const Match& x : excepted) inside = inside || (m.begin >= x.begin && m.end <= x.end);
          if (inside) continue;
          ++count;
          if (require_) continue;
          std::string text = t.text.substr(m.begin, m.end - m.begin);
          int n = seen[text]++;
          Vars vars = {{"match", text}, {"scope", scopeName()}};
          std::map<std::string, std::string> props = {{"found", text}};
          if (p < right_.size()) {
            vars.emplace_back("right", right_[p]);
            props["expected"] = right_[p];
          }
          out.emit(info(), t.toSource(m.begin, m.end), vars, "match:" + text + "#" + std::to_string(n),
                   std::move(props));
        }
      }
    }
    if (require_ && count < static_cast<size_t>(min_count_)) {
      out.emit(
          info(), anchor,
          {{"count", std::to_string(count)},
           {"min_count", std::to_string(min_count_)},
           {"scope", scopeName()}},
          "require",
          {{"expected", "≥" + std::to_string(min_count_) + "处"}, {"found", std::to_string(count) + "处"}});
    }
  }

  void textPatterns(std::vector<const RE2*>& out) const override {
    for (const auto& re : patterns_) out.push_back(re.get());
    for (const auto& re : except_) out.push_back(re.get());
  }

 private:
  std::string scopeName() const {
    if (scope_ == "document") return "全文";
    if (scope_ == "title") return "标题";
    if (scope_ == "section") return "“" + section_->name() + "”部分";
    if (scope_ == "section_body") return "“" + section_->name() + "”部分正文";
    return "正文";
  }

  std::vector<std::shared_ptr<const RE2>> patterns_;
  std::vector<std::string> right_;  // substitute: the right form for each pattern
  std::vector<std::shared_ptr<const RE2>> except_;
  bool require_;
  std::string scope_;
  const SectionDef* section_;
  int min_count_;
};

}  // namespace

std::unique_ptr<Rule> makePhraseRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  std::vector<std::shared_ptr<const RE2>> patterns, except;
  for (auto& [p, node] : f.stringNodes("patterns")) patterns.push_back(y.regex(node, p));
  for (auto& [p, node] : f.stringNodes("phrases")) patterns.push_back(y.phrase(node, p));
  std::vector<std::string> right;
  if (YAML::Node subs = f.get("substitutions"); subs.IsDefined() && !subs.IsNull()) {
    if (!patterns.empty()) y.error(f.where("substitutions"), "substitutions 与 patterns/phrases 只能选一种");
    if (!subs.IsSequence()) y.error(subs, "substitutions 应为列表");
    for (const auto& item : subs) {
      Fields s(y, item, "substitutions 项");
      if (!s.ok()) continue;
      auto p = s.str("pattern");
      auto ph = s.str("phrase");
      auto r = s.str("replace", true);
      if (p.has_value() == ph.has_value()) y.error(item, "每项需要 pattern（正则）或 phrase（字面）之一");
      if (p) patterns.push_back(y.regex(s.get("pattern"), *p));
      if (ph) patterns.push_back(y.phrase(s.get("phrase"), *ph));
      right.push_back(r.value_or(""));
      s.finish();
    }
  }
  for (auto& [p, node] : f.stringNodes("except")) except.push_back(y.regex(node, p));
  bool bad_regex = std::find(patterns.begin(), patterns.end(), nullptr) != patterns.end() ||
                   std::find(except.begin(), except.end(), nullptr) != except.end();
  if (patterns.empty() && !bad_regex && y.errorCount() == errors)
    y.error(f.node(), "phrase 规则需要 patterns 或 phrases");
  std::string mode =
      f.choice("mode", {"forbid", "require", "substitute"}).value_or(right.empty() ? "forbid" : "substitute");
  if ((mode == "substitute") != !right.empty()) {
    y.error(f.where("mode"), "mode: substitute 须配合 substitutions 使用（其他模式用 patterns/phrases）");
  }
  std::string scope =
      f.choice("scope", {"document", "body", "title", "section", "section_body"}).value_or("body");
  const SectionDef* section = nullptr;
  if (auto id = f.str("section")) section = ctx.section(f.get("section"), *id);
  if ((scope == "section" || scope == "section_body") && !section && !f.has("section"))
    y.error(f.node(), "scope 为 " + scope + " 时必须指定 section");
  int min_count = f.integer("min_count").value_or(1);
  // Each mode fills its own placeholders.
  if (mode == "substitute") {
    checkPlaceholders(y, f.where("message"), "message", info.message, {"match", "scope", "right"},
                      "phrase（mode: substitute）");
  } else if (mode == "forbid") {
    checkPlaceholders(y, f.where("message"), "message", info.message, {"match", "scope"},
                      "phrase（mode: forbid）");
  } else {
    checkPlaceholders(y, f.where("message"), "message", info.message, {"count", "min_count", "scope"},
                      "phrase（mode: require）");
  }
  if (f.has("min_count") && mode != "require")
    y.error(f.where("min_count"), "min_count 只用于 mode: require");
  if (y.errorCount() != errors) return nullptr;
  return std::make_unique<PhraseRule>(std::move(info), std::move(patterns), std::move(right),
                                      std::move(except), mode == "require", scope, section, min_count);
}

}  // namespace nianbao::detail
