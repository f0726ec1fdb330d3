// table_required: a table, and its rows and columns, must be in the report.
//
//   - id: xg.t3-present
//     kind: table_required
//     table: 表三
//     rows: all                 # or a list of row ids / row groups
//     columns: all
//     message: "{table}缺少{what}"
//     near_message: "…{found}…{official}…"   # optional: labels that only nearly match
//     unknown_message: "…{found}…"           # optional: rows with figures the template lacks,
//                                            # and figures beyond the template's columns
//     note_severity: note                    # for those two; default note
//     unreadable_message: "…{what}…{read}…"  # optional: the table is there but could not be
//                                            # read cleanly (figures in flattened text, rows
//                                            # that match nothing): one note, not errors
//
// A missing table or row points at where the table should be (its section's
// heading) or at the table; a near label at the label itself.
#include "rules/table_required_rule.h"

#include "rules/table_support.h"

namespace nianbao::detail {
namespace {

class TableRequiredRule : public Rule {
 public:
  TableRequiredRule(RuleInfo info, TableScope scope, std::string near_message, std::string unknown_message,
                    std::string unreadable_message, Severity note_severity)
      : Rule(std::move(info)),
        scope_(std::move(scope)),
        near_message_(std::move(near_message)),
        unknown_message_(std::move(unknown_message)),
        unreadable_message_(std::move(unreadable_message)),
        note_severity_(note_severity) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const BoundTable* b = bound(ctx, scope_.table);
    if (!b) return;
    const TableTemplate& t = *scope_.table;
    auto missing = [&](Span span, const std::string& what, const std::string& key) {
      out.emit(info(), span, {{"table", t.id}, {"name", t.name}, {"what", what}},
               "missing:" + t.id + ":" + key, {{"expected", what}, {"found", "无"}});
    };
    RuleInfo unread = info();
    unread.severity = note_severity_;
    unread.message = unreadable_message_;
    auto unreadable = [&](const std::string& what, const std::string& read) {
      out.emit(unread, b->anchor, {{"table", t.id}, {"name", t.name}, {"what", what}, {"read", read}},
               "unreadable:" + t.id, {{"expected", what}, {"found", read}});
    };
    if (!b->found) {
      if (b->labels_in_part >= 3 && !unreadable_message_.empty()) {
        unreadable("整张表“" + t.name + "”", "该部分正文提到表中的" + std::to_string(b->labels_in_part) +
                                                 "个行列名称，但不是可识别的表格");
      } else {
        missing(b->anchor, "整张表“" + t.name + "”", "table");
      }
      return;
    }
    std::vector<std::string> lost;
    for (size_t r : scope_.rows) {
      if (!b->rows[r]) lost.push_back("行“" + t.rows[r].label + "”");
    }
    if (!t.flat) {
      for (size_t c : scope_.columns) {
        if (!b->column_found[c]) lost.push_back("列“" + t.columns[c].label + "”");
      }
    }
    // Rows that match nothing, or more than a few official rows gone, mean the
    // table text is garbled (a converter dropped or merged rows): one note asking
    // for a person, rather than an error per row nianbao could not read.
    bool garbled = !b->clean() || lost.size() > 3;
    if (!lost.empty() && garbled && !unreadable_message_.empty()) {
      std::string what;
      for (const std::string& l : lost) what += (what.empty() ? "" : "、") + l;
      auto read =
          std::count_if(b->rows.begin(), b->rows.end(), [](const TableRow* r) { return r != nullptr; });
      unreadable(what, "读到" + std::to_string(read) + "/" + std::to_string(t.rows.size()) + "行，另有" +
                           std::to_string(b->unknown_rows) + "行数字无法对应到规定的行");
    } else {
      for (size_t r : scope_.rows) {
        if (!b->rows[r]) missing(b->anchor, "行“" + t.rows[r].label + "”", "row:" + t.rows[r].id);
      }
      if (!t.flat) {
        for (size_t c : scope_.columns) {
          if (!b->column_found[c])
            missing(b->anchor, "列“" + t.columns[c].label + "”", "col:" + t.columns[c].id);
        }
      }
    }
    auto blanks = blankRows(*b, scope_);
    for (const TableNote& n : b->notes) {
      RuleInfo weak = info();
      weak.severity = note_severity_;
      if (n.kind == TableNote::Kind::kNearLabel && !near_message_.empty()) {
        weak.message = near_message_;
        out.emit(weak, n.span,
                 {{"table", t.id}, {"found", n.found}, {"official", n.official}, {"detail", n.detail}},
                 "near:" + t.id + ":" + n.found, {{"expected", n.official}, {"found", n.found}});
      }
      // Extra figures in a row that also has blanks are told with the blanks.
      bool told =
          n.kind == TableNote::Kind::kExtraCells &&
          std::any_of(blanks.begin(), blanks.end(), [&](const BlankRow& x) { return x.row == n.row; });
      if ((n.kind == TableNote::Kind::kUnknownRow || (n.kind == TableNote::Kind::kExtraCells && !told)) &&
          !unknown_message_.empty()) {
        weak.message = unknown_message_;
        out.emit(weak, n.span, {{"table", t.id}, {"found", n.found}, {"official", ""}, {"detail", n.detail}},
                 "unknown:" + t.id + ":" + n.found, {{"found", n.found}});
      }
    }
  }

 private:
  TableScope scope_;
  std::string near_message_;
  std::string unknown_message_;
  std::string unreadable_message_;
  Severity note_severity_;
};

}  // namespace

std::unique_ptr<Rule> makeTableRequiredRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  auto scope = readTableScope(ctx);
  auto near = f.str("near_message");
  auto unknown = f.str("unknown_message");
  auto unreadable = f.str("unreadable_message");
  if (unreadable) {
    checkPlaceholders(ctx.ctx(), f.where("unreadable_message"), "unreadable_message", *unreadable,
                      {"table", "name", "what", "read"}, "table_required");
  }
  for (auto [key, text] : {std::pair{"near_message", near}, std::pair{"unknown_message", unknown}}) {
    if (text)
      checkPlaceholders(ctx.ctx(), f.where(key), key, *text, {"table", "found", "official", "detail"},
                        "table_required");
  }
  Severity sev = Severity::kNote;
  if (auto s = f.choice("note_severity", {"error", "warning", "note"})) sev = *parseSeverity(*s);
  if (!scope) return nullptr;
  return std::make_unique<TableRequiredRule>(std::move(info), std::move(*scope), tidyText(near.value_or("")),
                                             tidyText(unknown.value_or("")),
                                             tidyText(unreadable.value_or("")), sev);
}

}  // namespace nianbao::detail
