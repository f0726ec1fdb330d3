// Internal: the Host that lets rule expressions read the document.
//
//   表三                      the table (any template id of the loaded packs)
//   表三.row("一")            a row; .col("自然人") on it is a cell value
//   表三.col("总计")          a column; .row("一") on it is a cell value
//   表三["一", "自然人"]      a cell value
//   表三.rows("办理结果")     rows of a group (or listed ids; no argument: all);
//   表三.row("一").cols("申请人")   cells of a column group (sum(...) adds them)
//   表三.rows("办理结果").col(c)    the column's cells over those rows
//   正文.提到("信息处理费")   true when the body mentions the phrase
//   plus names the rule binds: a for_each variable, a pattern's named groups.
// A cell with a number is a number whose Ref is the cell; a blank, "/" or "—"
// cell is missing with that Ref; a cell nianbao could not read is missing with
// an empty-span Ref (rules do not report those as blanks).
#pragma once

#include <functional>
#include <map>
#include <string>

#include "expr/expr.h"
#include "nianbao/rule_pack.h"

namespace nianbao::detail {

class TableCache;

class TableHost : public Host {
 public:
  // How a cell is named in expression labels ("一+二=396"): by its row (when a
  // rule runs over columns), by its column (over rows), or in full.
  enum class Naming { kFull, kByRow, kByColumn };

  using Lookup = std::function<const TableTemplate*(std::string_view)>;
  TableHost(const Document& doc, Lookup lookup, TableCache* tables, Naming naming = Naming::kFull);
  // The usual host for evaluation: tables from the loaded rules.
  static TableHost forRules(const Document& doc, const RuleSet& rules, TableCache* tables,
                            Naming naming = Naming::kFull);
  void bind(const std::string& name, Value v) { vars_[name] = std::move(v); }

  std::optional<Value> name(std::string_view name) override;
  Value call(const Value& obj, std::string_view method, const std::vector<Value>& args) override;

 private:
  Value cell(const std::string& table, size_t r, size_t c);
  const Document& doc_;
  Lookup lookup_;
  TableCache* tables_;
  Naming naming_;
  std::map<std::string, Value, std::less<>> vars_;
};

// The names a rule expression may use freely besides its own variables.
bool isDocumentName(std::string_view name);

}  // namespace nianbao::detail
