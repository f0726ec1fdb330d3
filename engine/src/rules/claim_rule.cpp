// claim: numbers stated together must agree with each other (parts and total,
// a rate and its count, a ratio) — or, as text_vs_table, with the tables.
//
//   - id: fz.claim-main-co-handled
//     kind: claim
//     pattern: '共[^。;]{0,40}?(?P<total>\d+)件,其中主办(?P<a>\d+)件,会办(?P<b>\d+)件'
//     assert: 'a + b == total'          # any expression over the named groups (and tables)
//     at: total                         # the group the finding points at (default: the first)
//     message: '{match}：{left}={left_value}，{right}={right_value}'
//
//   - id: fz.claim-appearance-rate
//     kind: claim
//     pattern:
//     '开庭(?:审理)?(?P<d>\d+)件[^。]*?出庭应诉(?P<n>\d+)件[^。]*?出庭应诉率(?:达|为)?(?P<r>\d+(?:\.\d+)?)%'
//     value: r                          # instead of assert: the stated figure …
//     expect: ['n / d * 100']           # … equals one of these
//     tolerance: auto                   # half a unit of the last digit written (100 → 0.5)
//
// The pattern is matched in each paragraph (normalized, wraps joined), so a
// claim may run over several sentences of one paragraph but never two paragraphs.
// Groups are numbers (Arabic or Chinese numerals, thousands separators allowed).
#include "rules/claim_rule.h"

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
  if (!digits.empty() && digits.find_first_not_of("0123456789.") == std::string::npos &&
      digits.find_first_not_of('.') != std::string::npos) {
    return std::strtod(digits.c_str(), nullptr);
  }
  return parseChineseNumber(s);
}

// Half a unit of the last digit written: "100" -> 0.5, "54.3" -> 0.05.
double autoTolerance(std::string_view written) {
  size_t dot = written.find('.');
  size_t decimals = dot == std::string_view::npos ? 0 : written.size() - dot - 1;
  return 0.5 * std::pow(10.0, -static_cast<double>(decimals));
}

// Computed values print to two decimals: 54.55, not 54.545455.
std::string shown(const Value& v) {
  return v.kind == Value::Kind::kNumber ? Value::num(std::round(v.number * 100) / 100).show() : v.show();
}

class PatternClaimRule : public Rule {
 public:
  PatternClaimRule(RuleInfo info, std::shared_ptr<const RE2> pattern, std::string value,
                   std::vector<std::shared_ptr<const Expr>> expect, std::shared_ptr<const Expr> assertion,
                   std::optional<double> tolerance, std::string at, std::string scope,
                   const SectionDef* section)
      : Rule(std::move(info)),
        pattern_(std::move(pattern)),
        value_(std::move(value)),
        expect_(std::move(expect)),
        assert_(std::move(assertion)),
        tolerance_(tolerance),
        at_(std::move(at)),
        scope_(std::move(scope)),
        section_(section) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    auto range = scopeBlocks(doc, scope_, section_);
    if (!range) return;
    std::map<std::string, int> seen;
    for (size_t i = range->begin; i < range->end; ++i) {
      if (doc.blocks[i].kind == BlockKind::kTableRow) continue;
      const NormText& t = doc.blocks[i].norm;
      if (!ctx.mayMatch(*pattern_, i)) continue;
      forEachMatch(*pattern_, t.text, [&](const std::vector<re2::StringPiece>& caps) {
        size_t mb = static_cast<size_t>(caps[0].data() - t.text.data());
        Match m{t.text.substr(mb, caps[0].size()), {}, {}};
        TableHost host = evalHost(ctx);
        bool complete = true;
        for (const auto& [name, idx] : pattern_->NamedCapturingGroups()) {
          const re2::StringPiece& g = caps[static_cast<size_t>(idx)];
          if (!g.data()) continue;
          size_t gb = static_cast<size_t>(g.data() - t.text.data());
          auto v = parseFigure(std::string_view(g.data(), g.size()));
          if (!v) {
            complete = complete && name != value_;
            continue;
          }
          Span span = t.toSource(gb, gb + g.size());
          Value val = Value::num(*v, std::string(g));
          val.refs = {Ref{span, std::string(g)}};
          host.bind(name, val);
          m.spans[name] = span;
          m.written[name] = std::string(g);
        }
        if (!complete) return;
        int k = seen[m.text]++;
        if (assert_)
          checkAssert(host, m, k, out);
        else
          checkExpect(host, m, k, out);
      });
    }
  }

  void textPatterns(std::vector<const RE2*>& out) const override { out.push_back(pattern_.get()); }

 private:
  struct Match {
    std::string text;
    std::map<std::string, Span> spans;
    std::map<std::string, std::string> written;
  };

  Span pointAt(const Match& m, const std::string& group) const {
    if (auto it = m.spans.find(group); it != m.spans.end()) return it->second;
    return m.spans.empty() ? Span{} : m.spans.begin()->second;
  }

  void related(Findings& out, const std::vector<Ref>& refs) const {
    Finding& f = out.items().back();
    for (const Ref& r : refs) {
      if (!r.span.empty() || r.span.begin > 0) f.related.push_back(RelatedPlace{r.span, r.label, {}, {}});
    }
  }

  void checkExpect(TableHost& host, const Match& m, int k, Findings& out) const {
    auto it = m.written.find(value_);
    if (it == m.written.end()) return;
    double stated = *parseFigure(it->second);
    double tol = tolerance_ ? *tolerance_ : autoTolerance(it->second);
    std::string expected;
    std::vector<Ref> refs;
    bool judged = false;
    for (const auto& e : expect_) {
      auto ev = tryEvaluate(*e, host, tol);
      if (!ev || ev->isMissing() || ev->kind != Value::Kind::kNumber) continue;
      const Value& v = *ev;
      judged = true;
      if (std::abs(v.number - stated) <= tol + 1e-9 * std::max(1.0, std::abs(stated))) return;
      expected += (expected.empty() ? "" : "，") + v.label + "=" + shown(v);
      refs.insert(refs.end(), v.refs.begin(), v.refs.end());
    }
    if (!judged) return;  // nothing to compare with (the tables were not read)
    out.emit(info(), pointAt(m, value_), {{"value", it->second}, {"match", m.text}, {"expected", expected}},
             "claim:" + m.text + "#" + std::to_string(k), {{"found", it->second}, {"expected", expected}});
    related(out, refs);
  }

  void checkAssert(TableHost& host, const Match& m, int k, Findings& out) const {
    double tol = tolerance_.value_or(0);
    auto result = tryEvaluate(*assert_, host, tol);
    if (!result || result->kind != Value::Kind::kBool || result->boolean) return;  // holds, or not judged
    Value left =
        assert_->left() ? tryEvaluate(*assert_, host, tol, assert_->left()).value_or(Value{}) : *result;
    Value right =
        assert_->right() ? tryEvaluate(*assert_, host, tol, assert_->right()).value_or(Value{}) : Value{};
    out.emit(info(), pointAt(m, at_),
             {{"match", m.text},
              {"left", left.label},
              {"left_value", shown(left)},
              {"right", right.label},
              {"right_value", shown(right)}},
             "claim:" + m.text + "#" + std::to_string(k),
             {{"found", left.label + "=" + shown(left)}, {"expected", right.label + "=" + shown(right)}});
    std::vector<Ref> refs = left.refs;
    refs.insert(refs.end(), right.refs.begin(), right.refs.end());
    related(out, refs);
  }

  std::shared_ptr<const RE2> pattern_;
  std::string value_;
  std::vector<std::shared_ptr<const Expr>> expect_;
  std::shared_ptr<const Expr> assert_;
  std::optional<double> tolerance_;
  std::string at_;
  std::string scope_;
  const SectionDef* section_;
};

}  // namespace

std::unique_ptr<Rule> makePatternClaim(RuleInfo info, KindContext& ctx, bool allow_assert) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  std::shared_ptr<const RE2> pattern;
  if (auto p = f.str("pattern", true)) pattern = y.regex(f.get("pattern"), *p);
  std::vector<std::string> names;
  if (pattern) {
    for (const auto& [name, idx] : pattern->NamedCapturingGroups()) names.push_back(name);
    if (names.empty()) y.error(f.get("pattern"), "正则中没有命名分组（用 (?P<名字>\\d+) 捕获数字）");
  }
  std::vector<Value> samples = sampleValues(names.size());
  auto known = [&](const std::string& g) { return std::find(names.begin(), names.end(), g) != names.end(); };
  std::shared_ptr<const Expr> assertion;
  std::string value;
  std::vector<std::shared_ptr<const Expr>> expect;
  if (allow_assert && f.has("assert")) {
    if (f.has("value") || f.has("expect"))
      y.error(f.where("assert"), "assert 与 value/expect 只能选一种写法");
    auto text = f.str("assert");
    if (text) assertion = loadExpr(ctx, f.get("assert"), *text, names, samples);
  } else {
    value = f.str("value", true).value_or("");
    if (pattern && !value.empty() && !known(value)) {
      y.error(f.where("value"), "正则中没有命名分组 '" + value + "'（用 (?P<" + value + ">…) 命名）");
    }
    for (auto& [text, node] : f.stringNodes("expect", true)) {
      if (auto e = loadExpr(ctx, node, text, names, samples)) expect.push_back(e);
    }
  }
  std::optional<double> tolerance;
  if (auto t = f.str("tolerance"); t && *t != "auto") {
    char* end = nullptr;
    double v = std::strtod(t->c_str(), &end);
    if (end == t->c_str() || *end || v < 0) {
      y.error(f.where("tolerance"), "tolerance 应为非负数或 auto，实为 '" + *t + "'");
    }
    tolerance = v;
  }
  std::string at = f.str("at").value_or(names.empty() ? "" : names.front());
  if (f.has("at") && pattern && !known(at)) y.error(f.where("at"), "正则中没有命名分组 '" + at + "'");
  std::string scope = f.choice("scope", {"document", "body", "section"}).value_or("body");
  const SectionDef* section = nullptr;
  if (auto id = f.str("section")) section = ctx.section(f.get("section"), *id);
  if (scope == "section" && !f.has("section")) y.error(f.node(), "scope 为 section 时必须指定 section");
  if (assertion) {
    checkPlaceholders(y, f.where("message"), "message", info.message,
                      {"match", "left", "left_value", "right", "right_value"}, "claim（assert）");
  } else {
    checkPlaceholders(y, f.where("message"), "message", info.message, {"value", "match", "expected"},
                      allow_assert ? "claim（value/expect）" : "text_vs_table");
  }
  if (y.errorCount() != errors || !pattern) return nullptr;
  return std::make_unique<PatternClaimRule>(std::move(info), pattern, value, std::move(expect),
                                            std::move(assertion), tolerance, at, scope, section);
}

std::unique_ptr<Rule> makeClaimRule(RuleInfo info, KindContext& ctx) {
  return makePatternClaim(std::move(info), ctx, true);
}

}  // namespace nianbao::detail
