// year_rule: years written in the report agree with the report year.
//
//   - id: fz.plan-year
//     kind: year_rule
//     section: plan                 # the years in this part's heading …
//     offset: 1                     # … must be report year + 1 (the plan is for next year)
//     message: '“{title}”写的是{found}年，报告年度为{report_year}年，应为{expected}年'
//
//   - id: fz.statistics-period
//     kind: year_rule
//     pattern: '统计(?:期限|时限)[^。]{0,12}?(?P<year>\d{4})年1月1日'   # years in the text instead
//     offset: 0
//
// The report year comes from the title (else the opening sentence or the first
// part); with no report year nothing is judged.
#include "rules/year_rule.h"
#include "rules/rule_support.h"

#include <re2/re2.h>
#include <algorithm>

namespace nianbao::detail {
namespace {

class YearRule : public Rule {
 public:
  YearRule(RuleInfo info, const SectionDef* section, std::shared_ptr<const RE2> pattern, int offset)
      : Rule(std::move(info)), section_(section), pattern_(std::move(pattern)), offset_(offset) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    auto year = doc.reportYear();
    if (!year) return;
    int expected = *year + offset_;
    const RE2& re = pattern_ ? *pattern_ : defaultPattern();
    int group = re.NamedCapturingGroups().at("year");
    auto scan = [&](const NormText& t, size_t limit, const std::string& title) {
      std::string_view text = std::string_view(t.text).substr(0, std::min(limit, t.text.size()));
      forEachMatch(re, text, [&](const std::vector<re2::StringPiece>& caps) {
        const re2::StringPiece& g = caps[static_cast<size_t>(group)];
        // A pattern may capture something other than four digits; that is no year.
        if (g.empty() || g.size() > 4 ||
            !std::all_of(g.begin(), g.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return;
        int found = std::stoi(std::string(g));
        if (found == expected) return;
        size_t gb = static_cast<size_t>(g.data() - t.text.data());
        out.emit(info(), t.toSource(gb, gb + g.size()),
                 {{"found", std::string(g)},
                  {"expected", std::to_string(expected)},
                  {"report_year", std::to_string(*year)},
                  {"title", title}},
                 "year:" + title + ":" + std::string(g),
                 {{"found", std::string(g)}, {"expected", std::to_string(expected)}});
      });
    };
    if (section_) {
      const Section* s = section_->find(doc.parts);
      if (!s) return;
      const Block& b = doc.blocks[s->block];
      scan(b.norm, s->marker.size() + s->title.size(), s->marker + s->title);
      return;
    }
    for (size_t i = doc.body_begin; i < doc.body_end; ++i) {
      if (ctx.mayMatch(re, i)) scan(doc.blocks[i].norm, std::string::npos, "");
    }
  }

  // Only the body scan: the section scan reads a prefix of its block.
  void textPatterns(std::vector<const RE2*>& out) const override {
    if (!section_) out.push_back(pattern_ ? pattern_.get() : &defaultPattern());
  }

 private:
  static const RE2& defaultPattern() {
    static const RE2 kYear(R"((?P<year>\d{4})年)");
    return kYear;
  }

  const SectionDef* section_;
  std::shared_ptr<const RE2> pattern_;
  int offset_;
};

}  // namespace

std::unique_ptr<Rule> makeYearRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  const SectionDef* section = nullptr;
  if (auto id = f.str("section")) section = ctx.section(f.get("section"), *id);
  std::shared_ptr<const RE2> pattern;
  if (auto p = f.str("pattern")) {
    pattern = y.regex(f.get("pattern"), *p);
    if (pattern && !pattern->NamedCapturingGroups().count("year")) {
      y.error(f.where("pattern"), "正则须有命名分组 year，如 (?P<year>\\d{4})年");
    }
  }
  if (f.has("section") == f.has("pattern"))
    y.error(f.node(), "year_rule 需要 section（查该部分标题中的年份）或 pattern（查正文）之一");
  int offset = f.integer("offset", true).value_or(0);
  if (y.errorCount() != errors) return nullptr;
  return std::make_unique<YearRule>(std::move(info), section, pattern, offset);
}

}  // namespace nianbao::detail
