// Internal: what the table rule kinds share: which rows and columns a rule
// covers, the blank cells of a physical row, and how to word them.
#pragma once

#include <string>
#include <vector>

#include "rules/rule_kinds.h"
#include "tables/table_binder.h"

namespace nianbao::detail {

// `rows: all | [ids | group]` and `columns: …` of a table rule, resolved at load time.
struct TableScope {
  const TableTemplate* table = nullptr;
  std::vector<size_t> rows;     // template row indexes
  std::vector<size_t> columns;  // template column indexes
};
// Reads `table`, `rows` and `columns`; nullopt after reporting errors.
std::optional<TableScope> readTableScope(KindContext& ctx);

const BoundTable* bound(const EvalContext& ctx, const TableTemplate* t);

bool filled(const Cell* c);  // a number was written

// Blank cells of the scope grouped by the physical row they sit in (or, when no
// row was read for a template row, that template row on its own).
struct BlankRow {
  const TableRow* row = nullptr;
  std::vector<std::pair<size_t, size_t>> cells;  // (template row, template column)
};
std::vector<BlankRow> blankRows(const BoundTable& b, const TableScope& s);

// "行政复议：结果维持、结果纠正" / "自然人、商业企业"
std::string describeCells(const BoundTable& b, const std::vector<std::pair<size_t, size_t>>& cells);
// The row as read: "空 空 3 0 0 4 7"
std::string describeRead(const TableRow& row);

}  // namespace nianbao::detail
