// metadata: a field of the document's metadata must be present, or match.
//
//   - id: fz.title-present
//     kind: metadata
//     field: title          # see kMetadataFields in document.h
//     required: true        # default true
//     pattern: '年度?.*报告$' # optional RE2 the (normalized) value must match
#include "rules/metadata_rule.h"

#include <re2/re2.h>

#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

class MetadataRule : public Rule {
 public:
  MetadataRule(RuleInfo info, std::string field, bool required, std::shared_ptr<const RE2> pattern,
               std::string pattern_text)
      : Rule(std::move(info)),
        field_(std::move(field)),
        required_(required),
        pattern_(std::move(pattern)),
        pattern_text_(std::move(pattern_text)) {}

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
      out.emit(info(), f->span, vars, "mismatch:" + field_ + ":" + f->value,
               {{"expected", pattern_text_}, {"found", f->value}});
    }
  }

 private:
  std::string field_;
  bool required_;
  std::shared_ptr<const RE2> pattern_;
  std::string pattern_text_;
};

}  // namespace

std::unique_ptr<Rule> makeMetadataRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  std::vector<std::string> names(std::begin(kMetadataFields), std::end(kMetadataFields));
  auto field = f.choice("field", names, true);
  bool required = f.boolean("required").value_or(true);
  std::shared_ptr<const RE2> pattern;
  auto text = f.str("pattern");
  if (text) pattern = ctx.ctx().regex(f.get("pattern"), *text);
  if (!field || (text && !pattern)) return nullptr;
  return std::make_unique<MetadataRule>(std::move(info), *field, required, std::move(pattern),
                                        text.value_or(""));
}

}  // namespace nianbao::detail
