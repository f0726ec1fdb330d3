// table_assert: an identity between cells that must hold (勾稽关系).
//
//   - id: xg.t3-balance
//     kind: table_assert
//     table: 表三
//     for_each: {column: c}          # or {row: r}; `in: [ids or a group]` narrows it
//     assert: '表三.row("一").col(c) + 表三.row("二").col(c) == 表三.row("（七）总计").col(c) +
//     表三.row("四").col(c)' tolerance: 0                   # absolute; 0.05 for percentages printed with one
//     decimal at: right                      # which side's first cell the finding points at message:
//     '{left}={left_value}，{right}={right_value}（{for}）' missing_message: '…{cells}…'  # optional: blank
//     summands; without it they are skipped
//                                    # (table_cells_filled reports blanks)
//
// The finding names both sides with their values and points at a cell; every
// cell of the identity is a related location. A blank summand is never taken as 0.
#include "rules/table_assert_rule.h"

#include "rules/expr_support.h"
#include "rules/table_support.h"
#include "tables/table_cache.h"

namespace nianbao::detail {
namespace {

class TableAssertRule : public Rule {
 public:
  TableAssertRule(RuleInfo info, const TableTemplate* table, std::string var, bool over_columns,
                  std::vector<size_t> items, std::shared_ptr<const Expr> expr, double tolerance, bool at_left,
                  std::string missing_message)
      : Rule(std::move(info)),
        table_(table),
        var_(std::move(var)),
        over_columns_(over_columns),
        items_(std::move(items)),
        expr_(std::move(expr)),
        tolerance_(tolerance),
        at_left_(at_left),
        missing_message_(std::move(missing_message)) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const BoundTable* b = table_ ? bound(ctx, table_) : nullptr;
    if (table_ && (!b || !b->found)) return;  // table_required's finding
    TableHost::Naming naming = var_.empty()    ? TableHost::Naming::kFull
                               : over_columns_ ? TableHost::Naming::kByRow
                                               : TableHost::Naming::kByColumn;
    TableHost host = evalHost(ctx, naming);
    std::vector<size_t> items = items_;
    if (var_.empty()) items = {0};
    for (size_t item : items) {
      std::string for_text, for_key;
      if (!var_.empty()) {
        if (over_columns_ && !b->column_found[item]) continue;
        const TemplateLabel& l = over_columns_ ? table_->columns[item] : table_->rows[item];
        host.bind(var_, Value::str(l.display.empty() ? l.label : l.display));
        for_text = over_columns_ ? l.label + "列" : "“" + l.label + "”行";
        for_key = l.id;
      }
      check(ctx, host, for_text, for_key, out);
    }
  }

 private:
  void check(const EvalContext& ctx, TableHost& host, const std::string& for_text, const std::string& for_key,
             Findings& out) const {
    auto evaluated = tryEvaluate(*expr_, host, tolerance_);
    if (!evaluated) return;  // e.g. a zero divisor in the report's figures: not judged
    Value result = *evaluated;
    Value left =
        expr_->left() ? tryEvaluate(*expr_, host, tolerance_, expr_->left()).value_or(Value{}) : result;
    Value right =
        expr_->right() ? tryEvaluate(*expr_, host, tolerance_, expr_->right()).value_or(Value{}) : Value{};
    std::vector<Ref> refs = left.refs;
    refs.insert(refs.end(), right.refs.begin(), right.refs.end());
    if (result.isMissing()) {
      std::vector<Ref> blanks;
      for (const Ref& r : result.missing_refs) {
        if (!r.span.empty() || r.span.begin > 0) blanks.push_back(r);
      }
      if (blanks.empty() || missing_message_.empty()) return;
      std::string cells;
      for (const Ref& r : blanks) cells += (cells.empty() ? "" : "、") + r.label;
      RuleInfo m = info();
      m.message = missing_message_;
      out.emit(m, blanks.front().span, {{"cells", cells}, {"for", for_text}, {"expr", expr_->text()}},
               "missing:" + for_key, {{"found", cells}});
      attach(out, blanks, blanks.front());
      return;
    }
    if (result.kind != Value::Kind::kBool || result.boolean) return;
    const std::vector<Ref>& side = at_left_ ? left.refs : right.refs;
    Ref at = !side.empty() ? side.front() : (!refs.empty() ? refs.front() : Ref{});
    if (at.span.empty() && at.span.begin == 0 && !refs.empty()) at = refs.front();
    Vars vars = {{"left", left.label},          {"left_value", left.show()}, {"right", right.label},
                 {"right_value", right.show()}, {"for", for_text},           {"expr", expr_->text()}};
    out.emit(info(), at.span, vars, "assert:" + for_key,
             {{"expected", right.label + "=" + right.show()}, {"found", left.label + "=" + left.show()}});
    attach(out, refs, at);
    (void)ctx;
  }

  static void attach(Findings& out, const std::vector<Ref>& refs, const Ref& at) {
    Finding& f = out.items().back();
    f.logical = at.label;
    for (const Ref& r : refs) {
      if (r.span.empty() && r.span.begin == 0) continue;
      f.related.push_back(RelatedPlace{r.span, r.label, {}, {}});
    }
  }

  const TableTemplate* table_;
  std::string var_;
  bool over_columns_;
  std::vector<size_t> items_;
  std::shared_ptr<const Expr> expr_;
  double tolerance_;
  bool at_left_;
  std::string missing_message_;
};

}  // namespace

std::unique_ptr<Rule> makeTableAssertRule(RuleInfo info, KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  const TableTemplate* table = nullptr;
  if (auto id = f.str("table")) table = ctx.table(f.get("table"), *id);
  std::string var;
  bool over_columns = true;
  std::vector<size_t> items;
  if (YAML::Node fe = f.get("for_each"); fe.IsDefined() && !fe.IsNull()) {
    Fields g(y, fe, "for_each ");
    if (g.ok()) {
      auto col = g.str("column");
      auto row = g.str("row");
      if (col.has_value() == row.has_value()) y.error(fe, "for_each 需要 column 或 row 之一（变量名）");
      var = col ? *col : row.value_or("");
      over_columns = col.has_value();
      if (!table) y.error(fe, "使用 for_each 时必须指定 table");
      if (table) {
        auto in = g.stringNodes("in");
        if (in.empty()) {
          for (size_t i = 0; i < (over_columns ? table->columns.size() : table->rows.size()); ++i)
            items.push_back(i);
        }
        for (auto& [id, node] : in) {
          if (const auto* grp = over_columns ? table->columnGroup(id) : table->rowGroup(id)) {
            items.insert(items.end(), grp->begin(), grp->end());
            continue;
          }
          int k = over_columns ? table->column(id) : table->row(id);
          if (k < 0)
            y.error(node, table->id + "中没有" + (over_columns ? "列" : "行") + " '" + id + "'");
          else
            items.push_back(static_cast<size_t>(k));
        }
      }
      g.finish();
    }
  }
  std::shared_ptr<const Expr> expr;
  if (auto text = f.str("assert", true)) {
    std::vector<Value> samples;
    if (table && !var.empty()) {
      const TemplateLabel& l = over_columns ? table->columns.front() : table->rows.front();
      samples.push_back(Value::str(l.display.empty() ? l.label : l.display));
    }
    expr = loadExpr(ctx, f.get("assert"), *text, var.empty() ? std::vector<std::string>{} : std::vector{var},
                    samples);
  }
  double tolerance = 0;
  if (auto t = f.str("tolerance")) {
    char* end = nullptr;
    tolerance = std::strtod(t->c_str(), &end);
    if (end == t->c_str() || *end || tolerance < 0)
      y.error(f.where("tolerance"), "tolerance 应为非负数，实为 '" + *t + "'");
  }
  bool at_left = f.choice("at", {"left", "right"}).value_or("left") == "left";
  auto missing = f.str("missing_message");
  if (missing) {
    checkPlaceholders(y, f.where("missing_message"), "missing_message", *missing, {"cells", "for", "expr"},
                      "table_assert");
  }
  if (y.errorCount() != errors || !expr) return nullptr;
  return std::make_unique<TableAssertRule>(std::move(info), table, var, over_columns, std::move(items),
                                           std::move(expr), tolerance, at_left,
                                           tidyText(missing.value_or("")));
}

}  // namespace nianbao::detail
