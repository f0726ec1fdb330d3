#include "rules/table_support.h"

#include <algorithm>

#include "tables/table_cache.h"

namespace nianbao::detail {

std::optional<TableScope> readTableScope(KindContext& ctx) {
  Fields& f = ctx.fields;
  YamlCtx& y = ctx.ctx();
  size_t errors = y.errorCount();
  TableScope s;
  if (auto id = f.str("table", true)) s.table = ctx.table(f.get("table"), *id);
  auto pick = [&](const char* key, bool rows, std::vector<size_t>& out) {
    YAML::Node n = f.get(key);
    size_t count = s.table ? (rows ? s.table->rows.size() : s.table->columns.size()) : 0;
    if (!n.IsDefined() || n.IsNull() || (n.IsScalar() && n.Scalar() == "all")) {
      for (size_t i = 0; i < count; ++i) out.push_back(i);
      return;
    }
    for (auto& [id, node] : f.stringNodes(key)) {
      if (!s.table) continue;
      if (const auto* g = rows ? s.table->rowGroup(id) : s.table->columnGroup(id)) {
        out.insert(out.end(), g->begin(), g->end());
        continue;
      }
      int k = rows ? s.table->row(id) : s.table->column(id);
      if (k < 0) {
        y.error(node,
                std::string("表格“") + s.table->id + "”中没有" + (rows ? "行" : "列") + " '" + id + "'");
      } else {
        out.push_back(static_cast<size_t>(k));
      }
    }
  };
  pick("rows", true, s.rows);
  pick("columns", false, s.columns);
  if (y.errorCount() != errors || !s.table) return std::nullopt;
  return s;
}

const BoundTable* bound(const EvalContext& ctx, const TableTemplate* t) {
  return ctx.tables ? ctx.tables->get(t->id) : nullptr;
}

bool filled(const Cell* c) { return c && c->kind == CellKind::kNumber; }

std::vector<BlankRow> blankRows(const BoundTable& b, const TableScope& s) {
  std::vector<BlankRow> out;
  for (size_t r : s.rows) {
    if (!b.rows[r]) continue;  // a missing row is table_required's finding
    for (size_t c : s.columns) {
      if (!b.applies(r, c) || filled(b.cells[r][c].cell)) continue;
      const TableRow* phys = b.cells[r][c].row ? b.cells[r][c].row : b.rows[r];
      auto it = std::find_if(out.begin(), out.end(), [&](const BlankRow& x) { return x.row == phys; });
      if (it == out.end()) {
        out.push_back(BlankRow{phys, {}});
        it = out.end() - 1;
      }
      it->cells.emplace_back(r, c);
    }
  }
  return out;
}

std::string describeCells(const BoundTable& b, const std::vector<std::pair<size_t, size_t>>& cells) {
  std::string out;
  size_t current = static_cast<size_t>(-1);
  bool several_rows = b.tmpl->flat || std::any_of(cells.begin(), cells.end(),
                                                  [&](const auto& x) { return x.first != cells[0].first; });
  for (const auto& [r, c] : cells) {
    if (several_rows && r != current) {
      out += (out.empty() ? "" : "；") + b.tmpl->rows[r].label + "：";
      current = r;
    } else if (!out.empty()) {
      out += "、";
    }
    out += b.tmpl->columns[c].label;
  }
  return out;
}

std::string describeRead(const TableRow& row) {
  std::string out;
  for (const Cell& c : row.cells) {
    if (c.kind == CellKind::kText) continue;
    out += (out.empty() ? "" : " ") + (c.kind == CellKind::kBlank ? std::string("空") : c.text);
  }
  return out;
}

}  // namespace nianbao::detail
