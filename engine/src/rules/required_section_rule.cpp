// required_section: a part the report must have, found by its heading.
//
//   - id: fz.first-responsible-part
//     kind: required_section
//     section: first-responsible        # a section of this pack
//     min_body: 50                      # optional: fewer characters is too thin
//     short_message: "…{length}…"       # required with min_body
//
// A missing part is reported where it should have been: at the heading of the
// next part the pack orders after it, else at the end of the body.
#include "rules/required_section_rule.h"

#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

class RequiredSectionRule : public Rule {
 public:
  RequiredSectionRule(RuleInfo info, const SectionDef* def, std::optional<int> min_body,
                      std::string short_message)
      : Rule(std::move(info)), def_(def), min_body_(min_body), short_message_(std::move(short_message)) {}

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
        out.emit(shortInfo, found->heading,
                 {{"section", def_->name()}, {"title", found->marker + found->title},
                  {"length", std::to_string(length)}, {"min_body", std::to_string(*min_body_)}},
                 "short:" + def_->id(),
                 {{"expected", "≥" + std::to_string(*min_body_) + "字"}, {"found", std::to_string(length) + "字"}});
      }
    }
  }

 private:
  void reportMissing(const EvalContext& ctx, Findings& out) const {
    const Document& doc = ctx.doc;
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
    out.emit(info(), where,
             {{"section", def_->name()}, {"where", where_text}, {"parts", describeParts(doc)}},
             "missing:" + def_->id(), {{"expected", def_->name()}, {"found", describeParts(doc)}});
  }

  const SectionDef* def_;
  std::optional<int> min_body_;
  std::string short_message_;
};

}  // namespace

std::unique_ptr<Rule> makeRequiredSectionRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  auto id = f.str("section", true);
  const SectionDef* def = id ? ctx.section(f.get("section"), *id) : nullptr;
  auto min_body = f.integer("min_body");
  auto short_message = f.str("short_message");
  if (min_body && !short_message) ctx.ctx().error(f.where("min_body"), "设置了 min_body 时必须提供 short_message");
  if (short_message) {
    checkPlaceholders(ctx.ctx(), f.where("short_message"), "short_message", *short_message,
                      {"section", "title", "length", "min_body"}, "required_section");
  }
  if (min_body && *min_body < 0) ctx.ctx().error(f.where("min_body"), "min_body 不能为负数");
  if (!def) return nullptr;
  return std::make_unique<RequiredSectionRule>(std::move(info), def, min_body, short_message.value_or(""));
}

}  // namespace nianbao::detail
