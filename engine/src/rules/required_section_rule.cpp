// required_section: a part the report must have, found by its heading.
//
//   - id: fz.first-responsible-part
//     kind: required_section
//     section: first-responsible        # a section of this pack
//     min_body: 50                      # optional: fewer characters is too thin
//     short_message: "…{length}…"       # required with min_body
//     short_severity: warning           # default: the rule's severity
//     fallback:                         # optional: the part's substance without a heading
//       patterns: ['下一步.{0,20}将']   # found in body text, or
//       unmatched_parts: true           # top-level parts no section of the pack claims, or
//       deeper_levels: true             # the heading found as a subsection
//       severity: warning               # instead of the rule's own severity
//       message: "…{match}…{line}…"
//
// A missing part is reported where it should have been: at the heading of the
// next part the pack orders after it, else at the end of the body.
#include "rules/required_section_rule.h"

#include <re2/re2.h>

#include "nianbao/text.h"
#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

struct Fallback {
  std::vector<std::shared_ptr<const RE2>> patterns;
  bool unmatched_parts = false;
  bool deeper_levels = false;
  Severity severity = Severity::kWarning;
  std::string message;
};

class RequiredSectionRule : public Rule {
 public:
  RequiredSectionRule(RuleInfo info, const SectionDef* def, std::optional<int> min_body,
                      std::string short_message, std::optional<Fallback> fallback)
      : Rule(std::move(info)),
        def_(def),
        min_body_(min_body),
        short_message_(std::move(short_message)),
        fallback_(std::move(fallback)) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    const Section* found = def_->find(doc.parts);
    if (!found) {
      reportMissing(ctx, out);
      return;
    }
    if (min_body_) {
      size_t length = textLength(doc, found->body_begin, found->body_end);
      if (length < static_cast<size_t>(*min_body_)) {
        RuleInfo shortInfo = info();
        shortInfo.message = short_message_;
        if (short_severity_) shortInfo.severity = *short_severity_;
        out.emit(shortInfo, found->heading,
                 {{"section", def_->name()},
                  {"title", found->marker + found->title},
                  {"length", std::to_string(length)},
                  {"min_body", std::to_string(*min_body_)}},
                 "short:" + def_->id(),
                 {{"expected", "≥" + std::to_string(*min_body_) + "字"},
                  {"found", std::to_string(length) + "字"}});
      }
    }
  }

 private:
  // The part's substance found without its heading: a weaker finding there.
  bool reportFallback(const EvalContext& ctx, Findings& out) const {
    const Document& doc = ctx.doc;
    if (!fallback_) return false;
    RuleInfo weak = info();
    weak.severity = fallback_->severity;
    weak.message = fallback_->message;
    if (fallback_->deeper_levels && def_->level() > 0) {
      const Section* hit = nullptr;
      forEachSection(doc.parts, [&](const Section& s) {
        if (!hit && s.level > def_->level() && def_->matchesTitle(s.title)) hit = &s;
      });
      if (hit) {
        out.emit(weak, hit->heading,
                 {{"section", def_->name()},
                  {"match", hit->marker + hit->title},
                  {"line", std::to_string(hit->line)},
                  {"parts", describeParts(doc)}},
                 "fallback:" + def_->id(), {{"expected", def_->name()}, {"found", hit->marker + hit->title}});
        return true;
      }
    }
    if (fallback_->unmatched_parts) {
      for (const Section& p : doc.parts) {
        bool claimed = false;
        for (const SectionDef& s : ctx.pack.sections)
          claimed = claimed || (s.level() <= 1 && s.matchesTitle(p.title));
        if (claimed) continue;
        out.emit(weak, p.heading,
                 {{"section", def_->name()},
                  {"match", p.marker + p.title},
                  {"line", std::to_string(p.line)},
                  {"parts", describeParts(doc)}},
                 "fallback:" + def_->id(), {{"expected", def_->name()}, {"found", p.marker + p.title}});
        return true;
      }
    }
    for (size_t i = doc.body_begin; i < doc.body_end; ++i) {
      const NormText& t = doc.blocks[i].norm;
      for (const auto& re : fallback_->patterns) {
        re2::StringPiece m;
        if (!re->Match(t.text, 0, t.text.size(), RE2::UNANCHORED, &m, 1)) continue;
        size_t b = static_cast<size_t>(m.data() - t.text.data());
        Span span = t.toSource(b, b + m.size());
        std::string line = std::to_string(doc.source.lineOf(span.begin));
        out.emit(weak, span,
                 {{"section", def_->name()},
                  {"match", std::string(m)},
                  {"line", line},
                  {"parts", describeParts(doc)}},
                 "fallback:" + def_->id(), {{"expected", def_->name()}, {"found", std::string(m)}});
        return true;
      }
    }
    return false;
  }

  void reportMissing(const EvalContext& ctx, Findings& out) const {
    const Document& doc = ctx.doc;
    if (reportFallback(ctx, out)) return;
    // The first part found that the pack orders after this one.
    const Section* next = nullptr;
    bool after_me = false;
    for (const SectionDef& s : ctx.pack.sections) {
      if (&s == def_) {
        after_me = true;
        continue;
      }
      if (after_me && (next = s.find(doc.parts))) break;
    }
    Span where;
    std::string where_text;
    if (next) {
      where = next->heading;
      where_text = "（应位于" + describeSection(*next) + "之前）";
    } else if (doc.body_end > doc.body_begin) {
      where = doc.blocks[doc.body_end - 1].span;
      where_text = "（应位于正文末尾之前）";
    } else {
      where = documentStart(doc);
    }
    out.emit(info(), where, {{"section", def_->name()}, {"where", where_text}, {"parts", describeParts(doc)}},
             "missing:" + def_->id(), {{"expected", def_->name()}, {"found", describeParts(doc)}});
  }

  const SectionDef* def_;
  std::optional<int> min_body_;
  std::string short_message_;
  std::optional<Fallback> fallback_;

 public:
  std::optional<Severity> short_severity_;
};

}  // namespace

std::unique_ptr<Rule> makeRequiredSectionRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  auto id = f.str("section", true);
  const SectionDef* def = id ? ctx.section(f.get("section"), *id) : nullptr;
  auto min_body = f.integer("min_body");
  auto short_message = f.str("short_message");
  if (min_body && !short_message)
    ctx.ctx().error(f.where("min_body"), "设置了 min_body 时必须提供 short_message");
  if (short_message) {
    checkPlaceholders(ctx.ctx(), f.where("short_message"), "short_message", *short_message,
                      {"section", "title", "length", "min_body"}, "required_section");
  }
  if (min_body && *min_body < 0) ctx.ctx().error(f.where("min_body"), "min_body 不能为负数");
  std::optional<Fallback> fallback;
  if (YAML::Node fb = f.get("fallback"); fb.IsDefined()) {
    Fields g(ctx.ctx(), fb, "fallback ");
    if (g.ok()) {
      Fallback x;
      for (auto& [p, node] : g.stringNodes("patterns")) {
        if (auto re = ctx.ctx().regex(node, p)) x.patterns.push_back(re);
      }
      x.unmatched_parts = g.boolean("unmatched_parts").value_or(false);
      x.deeper_levels = g.boolean("deeper_levels").value_or(false);
      if (auto sev = g.choice("severity", {"error", "warning", "note"}, true))
        x.severity = *parseSeverity(*sev);
      x.message = g.str("message", true).value_or("");
      checkPlaceholders(ctx.ctx(), g.where("message"), "fallback.message", x.message,
                        {"section", "match", "line", "parts"}, "required_section");
      if (x.patterns.empty() && !x.unmatched_parts && !x.deeper_levels && !g.has("patterns")) {
        ctx.ctx().error(g.node(), "fallback 需要 patterns、unmatched_parts: true 或 deeper_levels: true");
      }
      g.finish();
      fallback = std::move(x);
    }
  }
  std::optional<Severity> short_severity;
  if (auto sv = f.choice("short_severity", {"error", "warning", "note"})) short_severity = parseSeverity(*sv);
  if (!def) return nullptr;
  auto rule = std::make_unique<RequiredSectionRule>(std::move(info), def, min_body,
                                                    short_message.value_or(""), std::move(fallback));
  rule->short_severity_ = short_severity;
  return rule;
}

}  // namespace nianbao::detail
