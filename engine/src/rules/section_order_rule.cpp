// section_order: the parts that are present appear in the listed order.
//
//   - id: fz.part-order
//     kind: section_order
//     order: [measures, shortcomings, first-responsible, plan]
//
// Missing parts are another rule's business and are skipped here.
#include "rules/section_order_rule.h"

#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

class SectionOrderRule : public Rule {
 public:
  SectionOrderRule(RuleInfo info, std::vector<const SectionDef*> order)
      : Rule(std::move(info)), order_(std::move(order)) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Section* latest = nullptr;
    const SectionDef* latest_def = nullptr;
    for (const SectionDef* def : order_) {
      const Section* s = def->find(ctx.doc.parts);
      if (!s) continue;
      if (latest && s->block < latest->block) {
        out.emit(
            info(), s->heading,
            {{"section", def->name()},
             {"line", std::to_string(s->line)},
             {"after", latest_def->name()},
             {"after_line", std::to_string(latest->line)}},
            "order:" + def->id() + "<" + latest_def->id(),
            {{"expected", "位于“" + latest_def->name() + "”之后"},
             {"found", "第" + std::to_string(s->line) + "行，早于第" + std::to_string(latest->line) + "行"}});
        continue;
      }
      latest = s;
      latest_def = def;
    }
  }

 private:
  std::vector<const SectionDef*> order_;
};

}  // namespace

std::unique_ptr<Rule> makeSectionOrderRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  auto items = f.stringNodes("order", true);
  std::vector<const SectionDef*> order;
  bool ok = true;
  for (auto& [id, node] : items) {
    const SectionDef* def = ctx.section(node, id);
    ok = ok && def;
    order.push_back(def);
  }
  if (ok && order.size() < 2) {
    ctx.ctx().error(f.get("order"), "order 至少需要两个部分");
    ok = false;
  }
  if (!ok) return nullptr;
  return std::make_unique<SectionOrderRule>(std::move(info), std::move(order));
}

}  // namespace nianbao::detail
