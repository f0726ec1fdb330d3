// date_rule: the report's date against the deadline of its type.
//
//   - id: fz.publish-deadline
//     kind: date_rule
//     fields: [publish_date, issue_date, sign_date]   # the first the report has is checked
//     deadline: '04-01'            # month-day in the year after the report year (inclusive)
//     issuer: '人民政府$'          # optional: only for issuers matching (not_issuer: the rest)
//     message: '{field}为{date}，晚于{deadline_date}'
//     missing_message: '未见{fields}，无法核对'      # optional, at missing_severity
//     missing_severity: note
//
// Deadlines are data: a region with an earlier date copies the rule with its own
// deadline (or disables this one).
#include "rules/date_rule.h"

#include <re2/re2.h>

#include "rules/rule_support.h"

namespace nianbao::detail {
namespace {

class DateRule : public Rule {
 public:
  DateRule(RuleInfo info, std::vector<std::string> fields, std::string deadline,
           std::shared_ptr<const RE2> issuer, bool negate, std::string missing_message,
           Severity missing_severity)
      : Rule(std::move(info)),
        fields_(std::move(fields)),
        deadline_(std::move(deadline)),
        issuer_(std::move(issuer)),
        negate_(negate),
        missing_message_(std::move(missing_message)),
        missing_severity_(missing_severity) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const Document& doc = ctx.doc;
    auto year = doc.reportYear();
    if (!year) return;
    if (issuer_) {
      const MetaField* who = doc.field("issuer");
      bool match = who && RE2::PartialMatch(who->value, *issuer_);
      if (match == negate_) return;
    }
    std::string due = std::to_string(*year + 1) + "-" + deadline_;
    for (const std::string& name : fields_) {
      const MetaField* f = doc.field(name);
      if (!f) continue;
      if (f->value <= due) return;
      out.emit(info(), f->span,
               {{"field", metadataFieldLabel(name)},
                {"date", f->value},
                {"deadline_date", due},
                {"report_year", std::to_string(*year)}},
               "late:" + name, {{"found", f->value}, {"expected", "≤" + due}});
      return;
    }
    if (missing_message_.empty()) return;
    std::string names;
    for (const std::string& n : fields_)
      names += (names.empty() ? "" : "、") + std::string(metadataFieldLabel(n));
    RuleInfo m = info();
    m.severity = missing_severity_;
    m.message = missing_message_;
    out.emit(m, documentStart(doc),
             {{"fields", names}, {"deadline_date", due}, {"report_year", std::to_string(*year)}}, "no-date",
             {{"expected", "≤" + due}, {"found", "无日期"}});
  }

 private:
  std::vector<std::string> fields_;
  std::string deadline_;
  std::shared_ptr<const RE2> issuer_;
  bool negate_;
  std::string missing_message_;
  Severity missing_severity_;
};

}  // namespace

std::unique_ptr<Rule> makeDateRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  std::vector<std::string> fields;
  std::vector<std::string> dates = {"sign_date", "issue_date", "publish_date"};
  for (auto& [name, node] : f.stringNodes("fields", true)) {
    if (std::find(dates.begin(), dates.end(), name) == dates.end()) {
      y.error(node, "fields 的值 '" + name + "' 无效（可选：" + joinNames(dates) + "）");
    } else {
      fields.push_back(name);
    }
  }
  std::string deadline = f.str("deadline", true).value_or("");
  static const RE2 kMonthDay(R"((0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  if (!deadline.empty() && !RE2::FullMatch(deadline, kMonthDay)) {
    y.error(f.where("deadline"), "deadline 应为“月-日”，如 '04-01'，实为 '" + deadline + "'");
  }
  std::shared_ptr<const RE2> issuer;
  bool negate = false;
  if (auto p = f.str("issuer")) issuer = y.regex(f.get("issuer"), *p);
  if (auto p = f.str("not_issuer")) {
    if (issuer) y.error(f.where("not_issuer"), "issuer 与 not_issuer 只能写一个");
    issuer = y.regex(f.get("not_issuer"), *p);
    negate = true;
  }
  auto missing = f.str("missing_message");
  Severity missing_sev = Severity::kNote;
  if (auto s = f.choice("missing_severity", {"error", "warning", "note"})) missing_sev = *parseSeverity(*s);
  checkPlaceholders(y, f.where("message"), "message", info.message,
                    {"field", "date", "deadline_date", "report_year"}, "date_rule");
  if (missing) {
    checkPlaceholders(y, f.where("missing_message"), "missing_message", *missing,
                      {"fields", "deadline_date", "report_year"}, "date_rule");
  }
  if (y.errorCount() != errors) return nullptr;
  return std::make_unique<DateRule>(std::move(info), std::move(fields), deadline, issuer, negate,
                                    tidyText(missing.value_or("")), missing_sev);
}

}  // namespace nianbao::detail
