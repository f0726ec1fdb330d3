// text_vs_table: a figure stated in prose must agree with the tables.
//
//   - id: xg.t3-text-received
//     kind: text_vs_table
//     scope: section                      # body (default) | section | document
//     section: overview
//     pattern: '(?:收到|受理)[^,。;]{0,16}?申请(?P<n>\d+)件'   # RE2 with named groups
//     value: n                            # the group holding the stated figure
//     expect:                             # any one of these equal is enough
//       - '表三.row("一").col("总计")'
//       - '表三.row("一").col("总计") + 表三.row("二").col("总计")'
//     tolerance: 0
//     message: '正文称{value}（“{match}”），而{expected}'
//
// Every named group is also a name in the expressions (a percentage can be
// checked against its count: 'round(n / 表三.row("一").col("总计") * 100, 1)').
// When the tables could not be read the claim is not judged.
#include "rules/text_vs_table_rule.h"

#include <re2/re2.h>

#include <cmath>
#include <map>

#include "recognize/number_finder.h"
#include "rules/expr_support.h"
#include "rules/rule_support.h"
#include "tables/table_cache.h"

namespace nianbao::detail {
namespace {

std::optional<double> parseFigure(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c != ',') digits += c;
  }
  if (!digits.empty() && digits.find_first_not_of("0123456789.") == std::string::npos) {
    return std::strtod(digits.c_str(), nullptr);
  }
  return parseChineseNumber(s);
}

class TextVsTableRule : public Rule {
 public:
  TextVsTableRule(RuleInfo info, std::shared_ptr<const RE2> pattern, std::string value,
                  std::vector<std::shared_ptr<const Expr>> expect, double tolerance, std::string scope,
                  const SectionDef* section)
      : Rule(std::move(info)),
        pattern_(std::move(pattern)),
        value_(std::move(value)),
        expect_(std::move(expect)),
        tolerance_(tolerance),
        scope_(std::move(scope)),
        section_(section) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    size_t begin = doc.body_begin, end = doc.body_end;
    if (scope_ == "document") begin = 0, end = doc.blocks.size();
    if (scope_ == "section") {
      const Section* s = section_->find(doc.parts);
      if (!s) return;
      begin = s->block;
      end = s->body_end;
    }
    auto lookup = [&ctx](std::string_view id) -> const TableTemplate* {
      return ctx.tables ? ctx.tables->rules().table(id) : nullptr;
    };
    const auto& groups = pattern_->NamedCapturingGroups();
    int n = pattern_->NumberOfCapturingGroups();
    std::map<std::string, int> seen;
    for (size_t i = begin; i < end; ++i) {
      const NormText& t = doc.blocks[i].norm;
      if (doc.blocks[i].kind == BlockKind::kTableRow) continue;
      re2::StringPiece input(t.text);
      std::vector<re2::StringPiece> caps(static_cast<size_t>(n) + 1);
      size_t pos = 0;
      while (pos <= t.text.size() &&
             pattern_->Match(input, pos, t.text.size(), RE2::UNANCHORED, caps.data(), n + 1)) {
        size_t mb = static_cast<size_t>(caps[0].data() - t.text.data());
        size_t me = mb + caps[0].size();
        pos = me > mb ? me : me + 1;
        TableHost host(doc, lookup, ctx.tables, TableHost::Naming::kFull);
        std::optional<double> stated;
        std::string stated_text;
        Span stated_span;
        for (const auto& [name, idx] : groups) {
          const re2::StringPiece& g = caps[static_cast<size_t>(idx)];
          if (!g.data()) continue;
          size_t gb = static_cast<size_t>(g.data() - t.text.data());
          auto v = parseFigure(std::string_view(g.data(), g.size()));
          if (!v) continue;
          Value val = Value::num(*v, std::string(g));
          val.refs = {Ref{t.toSource(gb, gb + g.size()), std::string(g)}};
          host.bind(name, val);
          if (name == value_) {
            stated = v;
            stated_text = std::string(g);
            stated_span = t.toSource(gb, gb + g.size());
          }
        }
        if (!stated) continue;
        check(ctx, host, *stated, stated_text, stated_span, t.text.substr(mb, me - mb), seen, out);
      }
    }
  }

 private:
  void check(const EvalContext&, TableHost& host, double stated, const std::string& stated_text, Span at,
             const std::string& match, std::map<std::string, int>& seen, Findings& out) const {
    std::string expected;
    std::vector<Ref> refs;
    bool judged = false;
    for (const auto& e : expect_) {
      Value v = e->evaluate(host, tolerance_);
      if (v.isMissing() || v.kind != Value::Kind::kNumber) continue;
      judged = true;
      if (std::abs(v.number - stated) <= tolerance_ + 1e-9 * std::max(1.0, std::abs(stated))) return;
      // Computed shares print to two decimals: 54.55, not 54.545455.
      Value shown = Value::num(std::round(v.number * 100) / 100);
      expected += (expected.empty() ? "" : "，") + v.label + "=" + shown.show();
      refs.insert(refs.end(), v.refs.begin(), v.refs.end());
    }
    if (!judged) return;  // the tables were not read: nothing to compare with
    int k = seen[match]++;
    out.emit(info(), at, {{"value", stated_text}, {"match", match}, {"expected", expected}},
             "claim:" + match + "#" + std::to_string(k), {{"found", stated_text}, {"expected", expected}});
    Finding& f = out.items().back();
    for (const Ref& r : refs) {
      if (!r.span.empty() || r.span.begin > 0) f.related.push_back(RelatedPlace{r.span, r.label, {}, {}});
    }
  }

  std::shared_ptr<const RE2> pattern_;
  std::string value_;
  std::vector<std::shared_ptr<const Expr>> expect_;
  double tolerance_;
  std::string scope_;
  const SectionDef* section_;
};

}  // namespace

std::unique_ptr<Rule> makeTextVsTableRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  std::shared_ptr<const RE2> pattern;
  if (auto p = f.str("pattern", true)) pattern = y.regex(f.get("pattern"), *p);
  std::vector<std::string> names;
  if (pattern) {
    for (const auto& [name, idx] : pattern->NamedCapturingGroups()) names.push_back(name);
  }
  auto value = f.str("value", true);
  if (value && pattern && std::find(names.begin(), names.end(), *value) == names.end()) {
    y.error(f.where("value"), "正则中没有命名分组 '" + *value + "'（用 (?P<" + *value + ">…) 命名）");
  }
  std::vector<std::shared_ptr<const Expr>> expect;
  std::vector<Value> samples(names.size(), Value::num(1));
  for (auto& [text, node] : f.stringNodes("expect", true)) {
    if (auto e = loadExpr(ctx, node, text, names, samples)) expect.push_back(e);
  }
  double tolerance = 0;
  if (auto t = f.str("tolerance")) {
    char* end = nullptr;
    tolerance = std::strtod(t->c_str(), &end);
    if (end == t->c_str() || *end || tolerance < 0) {
      y.error(f.where("tolerance"), "tolerance 应为非负数，实为 '" + *t + "'");
    }
  }
  std::string scope = f.choice("scope", {"document", "body", "section"}).value_or("body");
  const SectionDef* section = nullptr;
  if (auto id = f.str("section")) section = ctx.section(f.get("section"), *id);
  if (scope == "section" && !f.has("section")) y.error(f.node(), "scope 为 section 时必须指定 section");
  if (y.errorCount() != errors || !pattern) return nullptr;
  return std::make_unique<TextVsTableRule>(std::move(info), pattern, *value, std::move(expect), tolerance,
                                           scope, section);
}

}  // namespace nianbao::detail
