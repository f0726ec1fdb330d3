// table_cells_filled: every cell the format requires has a number in it.
// A blank, "/" or "—" where a figure belongs is missing data, not zero.
//
//   - id: xg.t3-filled
//     kind: table_cells_filled
//     table: 表三
//     rows: all
//     columns: all
//     message: "{table}第{line}行有{count}格未填写数字（{cells}）；读到：{read}{notes}"
//
// One finding per physical row, at its first blank cell, with every blank cell
// as a related location; {notes} adds how the row was aligned (extra figures,
// figures read by order), so nothing is guessed silently.
#include "rules/table_cells_filled_rule.h"

#include "nianbao/text.h"
#include "rules/table_support.h"

namespace nianbao::detail {
namespace {

class TableCellsFilledRule : public Rule {
 public:
  TableCellsFilledRule(RuleInfo info, TableScope scope) : Rule(std::move(info)), scope_(std::move(scope)) {}

  void evaluate(const EvalContext& ctx, Findings& out) const override {
    const BoundTable* b = bound(ctx, scope_.table);
    if (!b || !b->found) return;
    const TableTemplate& t = *scope_.table;
    for (const BlankRow& br : blankRows(*b, scope_)) {
      std::string notes;
      for (const TableNote& n : b->notes) {
        if (n.row == br.row &&
            (n.kind == TableNote::Kind::kExtraCells || n.kind == TableNote::Kind::kAlignment)) {
          notes += "；" + n.detail;
        }
      }
      std::string rows;
      for (const auto& [r, c] : br.cells) {
        const std::string& label = t.rows[r].label;
        if (rows.find(label) == std::string::npos) rows += (rows.empty() ? "" : "、") + label;
      }
      Span at = b->cellSpan(br.cells.front().first, br.cells.front().second);
      std::vector<RelatedPlace> related;
      std::string key = "blank:" + t.id;
      for (const auto& [r, c] : br.cells) {
        related.push_back(RelatedPlace{b->cellSpan(r, c), b->cellLabel(r, c), {}, {}});
        key += ":" + t.rows[r].id + "/" + t.columns[c].id;
      }
      uint32_t line = br.row ? br.row->line : ctx.doc.source.lineOf(at.begin);
      out.emit(info(), at,
               {{"table", t.id},
                {"row", rows},
                {"line", std::to_string(line)},
                {"count", std::to_string(br.cells.size())},
                {"cells", describeCells(*b, br.cells)},
                {"read", br.row ? describeRead(*br.row) : "（未读到）"},
                {"notes", notes}},
               key, {{"expected", "每格填写数字"}, {"found", std::to_string(br.cells.size()) + "格未填"}});
      out.items().back().logical = b->cellLabel(br.cells.front().first, br.cells.front().second);
      out.items().back().related = std::move(related);
    }
  }

 private:
  TableScope scope_;
};

}  // namespace

std::unique_ptr<Rule> makeTableCellsFilledRule(RuleInfo info, KindContext& ctx) {
  auto scope = readTableScope(ctx);
  if (!scope) return nullptr;
  return std::make_unique<TableCellsFilledRule>(std::move(info), std::move(*scope));
}

}  // namespace nianbao::detail
