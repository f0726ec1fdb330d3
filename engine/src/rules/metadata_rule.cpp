// metadata: a field of the document's metadata must be present, or match.
//
//   - id: fz.title-present
//     kind: metadata
//     field: title          # see kMetadataFields in document.h
//     required: true        # default true
//     pattern: '年度?.*报告$' # optional RE2 the (normalized) value must match
//     pattern_message: "…{value}…" # required with pattern: the message for a mismatch
//   `message` is for a missing field.
#include "rules/metadata_rule.h"

#include <re2/re2.h>

#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

class MetadataRule : public Rule {
 public:
  MetadataRule(RuleInfo info, std::string field, bool required, std::shared_ptr<const RE2> pattern,
               std::string pattern_text, std::string pattern_message)
      : Rule(std::move(info)),
        field_(std::move(field)),
        required_(required),
        pattern_(std::move(pattern)),
        pattern_text_(std::move(pattern_text)),
        pattern_message_(std::move(pattern_message)) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const MetaField* f = ctx.doc.field(field_);
    Vars vars = {{"field", metadataFieldLabel(field_)}, {"pattern", pattern_text_}};
    if (!f) {
      if (required_) {
        vars.emplace_back("value", "");
        out.emit(info(), documentStart(ctx.doc), vars, "missing:" + field_,
                 {{"expected", metadataFieldLabel(field_)}, {"found", "无"}});
      }
      return;
    }
    if (pattern_ && !RE2::PartialMatch(f->value, *pattern_)) {
      vars.emplace_back("value", f->value);
      RuleInfo mismatch = info();
      mismatch.message = pattern_message_;
      out.emit(mismatch, f->span, vars, "mismatch:" + field_ + ":" + f->value,
               {{"expected", pattern_text_}, {"found", f->value}});
    }
  }

 private:
  std::string field_;
  bool required_;
  std::shared_ptr<const RE2> pattern_;
  std::string pattern_text_;
  std::string pattern_message_;
};

}  // namespace

std::unique_ptr<Rule> makeMetadataRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  std::vector<std::string> names(std::begin(kMetadataFields), std::end(kMetadataFields));
  auto field = f.choice("field", names, true);
  bool required = f.boolean("required").value_or(true);
  std::shared_ptr<const RE2> pattern;
  auto text = f.str("pattern");
  if (text) pattern = ctx.ctx().regex(f.get("pattern"), *text, true);
  auto pattern_message = f.str("pattern_message");
  if (text && !pattern_message) {
    ctx.ctx().error(f.where("pattern"), "设置了 pattern 时必须提供 pattern_message（不符合格式时的消息）");
  }
  if (pattern_message) {
    checkPlaceholders(ctx.ctx(), f.where("pattern_message"), "pattern_message", *pattern_message,
                      {"field", "value", "pattern"}, "metadata");
  }
  if (!required && !text) {
    ctx.ctx().error(f.node(), "required: false 且没有 pattern 的 metadata 规则不会报告任何问题");
  }
  if (!field || (text && !pattern) || (text && !pattern_message)) return nullptr;
  return std::make_unique<MetadataRule>(std::move(info), *field, required, std::move(pattern),
                                        text.value_or(""), tidyText(pattern_message.value_or("")));
}

}  // namespace nianbao::detail
