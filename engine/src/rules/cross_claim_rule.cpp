// cross_claim: the same quantity, stated in different places, must agree.
//
//   - id: fz.cross-review-litigation-total
//     kind: cross_claim
//     patterns:                           # each found anywhere in the scope (first match)
//       parts: '行政复议(?P<fy>\d+)件[、,]行政诉讼(?:案件)?(?P<ss>\d+)件'
//       total: '复议(?:与|和|及)行政诉讼案件总数(?:达到?|为)?(?P<sum>\d+)件'
//     assert: 'fy + ss == sum'            # over all their named groups
//     message: '{left}={left_value}，而{right}={right_value}'
//
//   - id: fz.cross-review-count
//     kind: cross_claim
//     patterns: {stated: '收到行政复议(?:案件|申请)(?P<n>\d+)件'}
//     same: n                             # every statement of n must give the same figure
//     message: '此处称{value}，第{first_line}行称{first_value}'
//
// The finding points at the later statement; the earlier ones are related.
#include "rules/cross_claim_rule.h"

#include <re2/re2.h>

#include <cmath>

#include "recognize/number_finder.h"
#include "rules/expr_support.h"
#include "rules/rule_support.h"
#include "tables/table_cache.h"

namespace nianbao::detail {
namespace {

std::optional<double> figure(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c != ',') d += c;
  }
  if (!d.empty() && d.find_first_not_of("0123456789.") == std::string::npos)
    return std::strtod(d.c_str(), nullptr);
  return parseChineseNumber(s);
}

struct Hit {
  Span span;     // of the group
  size_t order;  // position in the document, for "later"
  std::string written;
  double value;
};

class CrossClaimRule : public Rule {
 public:
  CrossClaimRule(RuleInfo info, std::vector<std::pair<std::string, std::shared_ptr<const RE2>>> patterns,
                 std::shared_ptr<const Expr> assertion, std::string same, std::string scope,
                 const SectionDef* section)
      : Rule(std::move(info)),
        patterns_(std::move(patterns)),
        assert_(std::move(assertion)),
        same_(std::move(same)),
        scope_(std::move(scope)),
        section_(section) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    auto range = scopeBlocks(doc, scope_, section_);
    if (!range) return;
    // Every match of every pattern: group name -> hits in document order.
    std::map<std::string, std::vector<Hit>> hits;
    for (size_t i = range->begin; i < range->end; ++i) {
      if (doc.blocks[i].kind == BlockKind::kTableRow) continue;
      const NormText& t = doc.blocks[i].norm;
      for (const auto& pattern : patterns_) {
        const auto& re = pattern.second;  // not a structured binding: clang 14 cannot capture those
        if (!ctx.mayMatch(*re, i)) continue;
        forEachMatch(*re, t.text, [&](const std::vector<re2::StringPiece>& caps) {
          for (const auto& [g, idx] : re->NamedCapturingGroups()) {
            const re2::StringPiece& c = caps[static_cast<size_t>(idx)];
            if (!c.data()) continue;
            auto v = figure(std::string_view(c.data(), c.size()));
            if (!v) continue;
            size_t gb = static_cast<size_t>(c.data() - t.text.data());
            Span s = t.toSource(gb, gb + c.size());
            hits[g].push_back(Hit{s, s.begin, std::string(c), *v});
          }
        });
      }
    }
    if (!same_.empty()) {
      checkSame(ctx, hits[same_], out);
      return;
    }
    // assert mode: the first statement of each group.
    TableHost host = evalHost(ctx);
    const Hit* latest = nullptr;
    std::vector<RelatedPlace> places;
    for (const auto& [g, list] : hits) {
      if (list.empty()) continue;
      const Hit& h = list.front();
      Value v = Value::num(h.value, h.written);
      v.refs = {Ref{h.span, h.written}};
      host.bind(g, v);
      places.push_back(RelatedPlace{h.span, g + "=" + h.written, {}, {}});
      if (!latest || h.order > latest->order) latest = &h;
    }
    auto result = tryEvaluate(*assert_, host);
    if (!result || result->kind != Value::Kind::kBool || result->boolean || !latest)
      return;  // holds, or not judged
    Value left =
        assert_->left() ? tryEvaluate(*assert_, host, 0, assert_->left()).value_or(Value{}) : *result;
    Value right =
        assert_->right() ? tryEvaluate(*assert_, host, 0, assert_->right()).value_or(Value{}) : Value{};
    out.emit(info(), latest->span,
             {{"left", left.label},
              {"left_value", left.show()},
              {"right", right.label},
              {"right_value", right.show()}},
             "cross:" + left.label + "=" + right.label,
             {{"found", left.label + "=" + left.show()}, {"expected", right.label + "=" + right.show()}});
    out.items().back().related = std::move(places);
  }

  void textPatterns(std::vector<const RE2*>& out) const override {
    for (const auto& p : patterns_) out.push_back(p.second.get());
  }

 private:
  void checkSame(const EvalContext& ctx, const std::vector<Hit>& list, Findings& out) const {
    if (list.size() < 2) return;
    const Hit& first = list.front();
    for (size_t i = 1; i < list.size(); ++i) {
      const Hit& h = list[i];
      if (std::abs(h.value - first.value) < 1e-9) continue;
      uint32_t line = ctx.doc.source.lineOf(first.span.begin);
      out.emit(info(), h.span,
               {{"value", h.written}, {"first_value", first.written}, {"first_line", std::to_string(line)}},
               "same:" + first.written + "/" + h.written + "#" + std::to_string(i),
               {{"found", h.written}, {"expected", first.written}});
      out.items().back().related.push_back(
          RelatedPlace{first.span, "第" + std::to_string(line) + "行：" + first.written, {}, {}});
    }
  }

  std::vector<std::pair<std::string, std::shared_ptr<const RE2>>> patterns_;
  std::shared_ptr<const Expr> assert_;
  std::string same_;
  std::string scope_;
  const SectionDef* section_;
};

}  // namespace

std::unique_ptr<Rule> makeCrossClaimRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  std::vector<std::pair<std::string, std::shared_ptr<const RE2>>> patterns;
  std::vector<std::string> names;
  YAML::Node pn = f.get("patterns");
  if (!pn.IsDefined() || pn.IsNull()) {
    f.missing("patterns");
  } else if (!pn.IsMap()) {
    y.error(pn, "patterns 应为映射（名称: 正则）");
  } else {
    for (const auto& kv : pn) {
      if (!kv.second.IsScalar()) {
        y.error(kv.second, "patterns 的每一项应为正则字符串");
        continue;
      }
      if (auto re = y.regex(kv.second, kv.second.Scalar())) {
        if (re->NamedCapturingGroups().empty())
          y.error(kv.second, "正则中没有命名分组（用 (?P<名字>\\d+) 捕获数字）");
        for (const auto& [g, idx] : re->NamedCapturingGroups()) names.push_back(g);
        patterns.emplace_back(kv.first.Scalar(), re);
      }
    }
  }
  std::shared_ptr<const Expr> assertion;
  std::string same = f.str("same").value_or("");
  if (auto text = f.str("assert")) {
    if (!same.empty()) y.error(f.where("same"), "assert 与 same 只能选一种");
    std::vector<Value> samples = sampleValues(names.size());
    assertion = loadExpr(ctx, f.get("assert"), *text, names, samples);
  } else if (same.empty()) {
    y.error(f.node(), "cross_claim 需要 assert（各处数字的关系）或 same（同一数字各处相同）");
  } else if (std::find(names.begin(), names.end(), same) == names.end() && !patterns.empty()) {
    y.error(f.where("same"), "正则中没有命名分组 '" + same + "'");
  }
  std::string scope = f.choice("scope", {"document", "body", "section"}).value_or("body");
  const SectionDef* section = nullptr;
  if (auto id = f.str("section")) section = ctx.section(f.get("section"), *id);
  if (scope == "section" && !f.has("section")) y.error(f.node(), "scope 为 section 时必须指定 section");
  if (same.empty()) {
    checkPlaceholders(y, f.where("message"), "message", info.message,
                      {"left", "left_value", "right", "right_value"}, "cross_claim（assert）");
  } else {
    checkPlaceholders(y, f.where("message"), "message", info.message, {"value", "first_value", "first_line"},
                      "cross_claim（same）");
  }
  if (y.errorCount() != errors) return nullptr;
  return std::make_unique<CrossClaimRule>(std::move(info), std::move(patterns), std::move(assertion), same,
                                          scope, section);
}

}  // namespace nianbao::detail
