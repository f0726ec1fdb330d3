#include "tables/table_host.h"

#include "nianbao/rule_pack.h"
#include "nianbao/text.h"
#include "tables/table_cache.h"

namespace nianbao::detail {
namespace {

constexpr std::string_view kBody = "正文";

// Object keys: "T:<table>", "R:<table>:<row>", "C:<table>:<col>", "B:" (the body).
std::vector<std::string> split(const std::string& key) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i == key.size() || key[i] == ':') {
      parts.push_back(key.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string argText(const Value& v, const char* what) {
  if (v.kind == Value::Kind::kString) return v.string;
  if (v.kind == Value::Kind::kNumber) return v.show();
  throw ExprError(std::string(what) + "应为字符串（如 \"一\"）", 0);
}

}  // namespace

bool isDocumentName(std::string_view name) { return name == kBody; }

TableHost::TableHost(const Document& doc, Lookup lookup, TableCache* tables, Naming naming)
    : doc_(doc), lookup_(std::move(lookup)), tables_(tables), naming_(naming) {}

TableHost TableHost::forRules(const Document& doc, const RuleSet& rules, TableCache* tables, Naming naming) {
  return TableHost(
      doc, [&rules](std::string_view id) { return rules.table(id); }, tables, naming);
}

std::optional<Value> TableHost::name(std::string_view name) {
  if (auto it = vars_.find(name); it != vars_.end()) return it->second;
  if (name == kBody) return Value::object("B:", std::string(kBody));
  if (const TableTemplate* t = lookup_(name)) return Value::object("T:" + t->id, t->id);
  return std::nullopt;
}

Value TableHost::cell(const std::string& table, size_t r, size_t c) {
  const TableTemplate* t = lookup_(table);
  const BoundTable* b = tables_ ? tables_->get(table) : nullptr;
  std::string label = naming_ == Naming::kByRow ? t->rows[r].display
                      : naming_ == Naming::kByColumn
                          ? t->columns[c].label
                          : t->id + "“" + t->rows[r].display + "”" + t->columns[c].label;
  std::string full = t->id + "/" + t->rows[r].label + "/" + t->columns[c].label;
  if (!b || !b->applies(r, c)) return Value::missing({Ref{Span{}, full + "（不适用）"}}, label);
  const Cell* cell = b->cells[r][c].cell;
  if (!cell) return Value::missing({Ref{Span{}, full + "（未读到）"}}, label);
  if (cell->kind != CellKind::kNumber) return Value::missing({Ref{cell->span, full}}, label);
  Value v = Value::num(cell->value, label);
  v.refs = {Ref{cell->span, full}};
  return v;
}

Value TableHost::call(const Value& obj, std::string_view method, const std::vector<Value>& args) {
  if (obj.kind == Value::Kind::kList) {
    // A method on a list applies to each element: rows(…).col(c).
    Value out;
    out.kind = Value::Kind::kList;
    for (const Value& e : obj.list) out.list.push_back(call(e, method, args));
    out.label = !obj.label.empty() ? obj.label : args.size() == 1 ? argText(args[0], "参数") : "";
    return out;
  }
  if (obj.kind != Value::Kind::kObject)
    throw ExprError("“." + std::string(method) + "”只能用于表格、行或列", 0);
  std::vector<std::string> key = split(obj.string);
  if (key[0] == "B") {
    if (method != "提到" || args.size() != 1) throw ExprError("正文只有方法 .提到(\"短语\")", 0);
    std::string phrase = normalizeText(argText(args[0], "短语"));
    for (size_t i = doc_.body_begin; i < doc_.body_end; ++i) {
      if (doc_.blocks[i].norm.text.find(phrase) != std::string::npos) return Value::boolean_(true);
    }
    return Value::boolean_(false);
  }
  const TableTemplate* t = lookup_(key[1]);
  auto rowOf = [&](const Value& v) -> size_t {
    if (v.kind == Value::Kind::kObject) {
      auto k = split(v.string);
      if (k[0] == "R" && k[1] == t->id) return std::stoul(k[2]);
    }
    std::string id = argText(v, "行名");
    int r = t->row(id);
    if (r < 0) throw ExprError(t->id + "中没有行“" + id + "”", 0);
    return static_cast<size_t>(r);
  };
  auto colOf = [&](const Value& v) -> size_t {
    if (v.kind == Value::Kind::kObject) {
      auto k = split(v.string);
      if (k[0] == "C" && k[1] == t->id) return std::stoul(k[2]);
    }
    std::string id = argText(v, "列名");
    int c = t->column(id);
    if (c < 0) throw ExprError(t->id + "中没有列“" + id + "”", 0);
    return static_cast<size_t>(c);
  };
  auto rowObj = [&](size_t r) {
    return Value::object("R:" + t->id + ":" + std::to_string(r), t->rows[r].display);
  };
  auto colObj = [&](size_t c) {
    return Value::object("C:" + t->id + ":" + std::to_string(c), t->columns[c].label);
  };
  auto many = [&](bool rows) {
    Value out;
    out.kind = Value::Kind::kList;
    std::vector<size_t> idx;
    if (args.empty()) {
      for (size_t i = 0; i < (rows ? t->rows.size() : t->columns.size()); ++i) idx.push_back(i);
    }
    for (const Value& a : args) {
      if (a.kind == Value::Kind::kString) {
        if (const auto* g = rows ? t->rowGroup(a.string) : t->columnGroup(a.string)) {
          idx.insert(idx.end(), g->begin(), g->end());
          out.label = a.string;
          continue;
        }
      }
      idx.push_back(rows ? rowOf(a) : colOf(a));
    }
    for (size_t i : idx) out.list.push_back(rows ? rowObj(i) : colObj(i));
    return out;
  };
  if (key[0] == "T") {
    if (method == "row" && args.size() == 1) return rowObj(rowOf(args[0]));
    if (method == "col" && args.size() == 1) return colObj(colOf(args[0]));
    if (method == "[]" && args.size() == 2) return cell(t->id, rowOf(args[0]), colOf(args[1]));
    if (method == "rows") return many(true);
    if (method == "cols") return many(false);
    throw ExprError(
        "表格只有 .row(行) .col(列) .rows(…) .cols(…) 和 [行, 列]，没有“" + std::string(method) + "”", 0);
  }
  size_t index = std::stoul(key[2]);
  if (key[0] == "R") {
    if (method == "col" && args.size() == 1) return cell(t->id, index, colOf(args[0]));
    if (method == "cols") {
      Value cols = many(false);
      Value out;
      out.kind = Value::Kind::kList;
      out.label = cols.label;
      for (const Value& c : cols.list) out.list.push_back(cell(t->id, index, std::stoul(split(c.string)[2])));
      return out;
    }
    throw ExprError("行只有 .col(列) 和 .cols(…)，没有“" + std::string(method) + "”", 0);
  }
  if (method == "row" && args.size() == 1) return cell(t->id, rowOf(args[0]), index);
  if (method == "rows") {
    Value rows = many(true);
    Value out;
    out.kind = Value::Kind::kList;
    out.label = rows.label;
    for (const Value& r : rows.list) out.list.push_back(cell(t->id, std::stoul(split(r.string)[2]), index));
    return out;
  }
  throw ExprError("列只有 .row(行) 和 .rows(…)，没有“" + std::string(method) + "”", 0);
}

}  // namespace nianbao::detail
