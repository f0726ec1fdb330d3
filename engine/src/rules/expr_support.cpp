#include "rules/expr_support.h"

#include "nianbao/text.h"
#include "tables/table_cache.h"

namespace nianbao::detail {

std::vector<Value> sampleValues(size_t n) {
  static const int kPrimes[] = {97, 89, 83, 79, 73, 71, 67, 61, 59, 53, 47, 43, 41, 37, 31, 29};
  std::vector<Value> out;
  for (size_t i = 0; i < n; ++i)
    out.push_back(Value::num(kPrimes[i % 16] + 100.0 * static_cast<double>(i / 16)));
  return out;
}

std::optional<Value> tryEvaluate(const Expr& e, Host& host, double tolerance, const Node* node) {
  try {
    return node ? e.evaluateNode(node, host, tolerance) : e.evaluate(host, tolerance);
  } catch (const ExprError&) {
    return std::nullopt;
  }
}

TableHost::Lookup loadTimeLookup(const KindContext& ctx) {
  const RulePack* pack = &ctx.pack;
  const auto* loaded = &ctx.loaded;
  return [pack, loaded](std::string_view id) -> const TableTemplate* {
    if (const TableTemplate* t = pack->table(id)) return t;
    for (const auto& p : *loaded) {
      if (const TableTemplate* t = p->table(id)) return t;
    }
    return nullptr;
  };
}

namespace {

// Where byte `offset` of a one-line scalar's text is in the rule file.
SourceLoc locate(YamlCtx& y, const YAML::Node& node, const std::string& text, size_t offset) {
  SourceLoc loc = y.loc(node);
  if (loc.line == 0) return loc;
  std::string_view raw = y.text();
  YAML::Mark m = node.Mark();
  bool quoted = m.pos >= 0 && static_cast<size_t>(m.pos) < raw.size() &&
                (raw[static_cast<size_t>(m.pos)] == '\'' || raw[static_cast<size_t>(m.pos)] == '"');
  loc.column += (quoted ? 1 : 0) + static_cast<int>(codePointCount(std::string_view(text).substr(0, offset)));
  return loc;
}

}  // namespace

std::shared_ptr<const Expr> loadExpr(KindContext& ctx, const YAML::Node& node, const std::string& text,
                                     const std::vector<std::string>& vars,
                                     const std::vector<Value>& samples) {
  YamlCtx& y = ctx.ctx();
  std::shared_ptr<Expr> expr;
  try {
    expr = std::make_shared<Expr>(parseExpr(text));
  } catch (const ExprError& e) {
    y.error(locate(y, node, text, e.offset()), e.what());
    return nullptr;
  }
  TableHost::Lookup lookup = loadTimeLookup(ctx);
  bool ok = true;
  for (const std::string& name : expr->names()) {
    if (lookup(name) || isDocumentName(name)) continue;
    if (std::find(vars.begin(), vars.end(), name) != vars.end()) continue;
    std::string known;
    for (const std::string& v : vars) known += (known.empty() ? "" : "、") + v;
    size_t at = text.find(name);
    y.error(locate(y, node, text, at == std::string::npos ? 0 : at),
            "表达式中的名称“" + name + "”未定义（可用：表格 id、正文" + (known.empty() ? "" : "、" + known) +
                "）");
    ok = false;
  }
  if (!ok) return nullptr;
  // A dry run on an empty document: every table is unread, so values are
  // missing, but wrong row or column ids and misused methods show up now.
  static const Document kEmpty;
  TableHost host(kEmpty, lookup, nullptr);
  for (size_t i = 0; i < vars.size() && i < samples.size(); ++i) host.bind(vars[i], samples[i]);
  try {
    expr->evaluate(host);
  } catch (const ExprError& e) {
    y.error(locate(y, node, text, e.offset()), e.what());
    return nullptr;
  }
  return expr;
}

TableHost evalHost(const EvalContext& ctx, TableHost::Naming naming) {
  TableCache* tables = ctx.tables;
  auto lookup = [tables](std::string_view id) -> const TableTemplate* {
    return tables ? tables->rules().table(id) : nullptr;
  };
  return TableHost(ctx.doc, lookup, tables, naming);
}

}  // namespace nianbao::detail
