// Loads rule packs: YAML -> RulePack with typed, validated, compiled rules.
// Every problem is collected (not only the first) with file:line:col.
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "load/yaml_fields.h"
#include "nianbao/builtin_packs.h"
#include "nianbao/rule_pack.h"
#include "nianbao/text.h"
#include "rules/expr_support.h"
#include "rules/pattern_prefilter.h"
#include "rules/rule_kinds.h"

namespace nianbao {

using detail::Fields;
using detail::YamlCtx;

std::string LoadError::str() const {
  std::string out = loc.file;
  if (loc.line > 0) out += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  return out + ": 错误: " + message;
}

namespace {
std::string joinErrors(const std::vector<LoadError>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : "\n") + e.str();
  return out;
}
}  // namespace

namespace {
// Errors in the order a person reads the files.
std::vector<LoadError> sorted(std::vector<LoadError> errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const LoadError& a, const LoadError& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column) < std::tie(b.loc.file, b.loc.line, b.loc.column);
  });
  return errors;
}
}  // namespace

LoadErrors::LoadErrors(std::vector<LoadError> errors)
    : std::runtime_error(joinErrors(sorted(errors))), errors_(sorted(std::move(errors))) {}

SectionDef::SectionDef(std::string id, std::string name, std::vector<std::string> phrases,
                       std::vector<std::shared_ptr<const re2::RE2>> patterns,
                       std::vector<std::shared_ptr<const re2::RE2>> exclude, int level, SourceLoc loc)
    : id_(std::move(id)),
      name_(std::move(name)),
      phrases_(std::move(phrases)),
      patterns_(std::move(patterns)),
      exclude_(std::move(exclude)),
      level_(level),
      loc_(std::move(loc)) {}

bool SectionDef::matchesTitle(std::string_view title) const {
  re2::StringPiece t(title.data(), title.size());
  for (const auto& re : exclude_) {
    if (RE2::PartialMatch(t, *re)) return false;
  }
  for (const auto& p : phrases_) {
    if (title.find(p) != std::string_view::npos) return true;
  }
  for (const auto& re : patterns_) {
    if (RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), *re)) return true;
  }
  return false;
}

const Section* SectionDef::find(const std::vector<Section>& parts) const {
  const Section* hit = nullptr;
  forEachSection(parts, [&](const Section& s) {
    if (!hit && (level_ == 0 || s.level == level_) && matchesTitle(s.title)) hit = &s;
  });
  return hit;
}

namespace {

// Stored ids and names are normalized. One written the same way (the usual
// case: expressions repeat the pack's own spelling) is found without
// normalizing it; normalizing is idempotent, so the result is the same.
template <class Find>
auto findNormalized(std::string_view id, Find find) -> decltype(find(id)) {
  if (auto hit = find(id)) return hit;
  std::string n = normalizeText(id);
  if (n == id) return nullptr;
  return find(n);
}

template <class Item, class Key>
int indexOf(const std::vector<Item>& items, std::string_view id, Key key) {
  const Item* hit = findNormalized(id, [&](std::string_view k) -> const Item* {
    for (const Item& it : items) {
      if (key(it) == k) return &it;
    }
    return nullptr;
  });
  return hit ? static_cast<int>(hit - items.data()) : -1;
}

}  // namespace

int TableTemplate::row(std::string_view id) const {
  return indexOf(rows, id, [](const TemplateLabel& r) -> const std::string& { return r.id; });
}

int TableTemplate::column(std::string_view id) const {
  return indexOf(columns, id, [](const TemplateLabel& c) -> const std::string& { return c.id; });
}

const std::vector<size_t>* TableTemplate::rowGroup(std::string_view name) const {
  int i = indexOf(row_groups, name, [](const auto& g) -> const std::string& { return g.first; });
  return i < 0 ? nullptr : &row_groups[static_cast<size_t>(i)].second;
}

const std::vector<size_t>* TableTemplate::columnGroup(std::string_view name) const {
  int i = indexOf(col_groups, name, [](const auto& g) -> const std::string& { return g.first; });
  return i < 0 ? nullptr : &col_groups[static_cast<size_t>(i)].second;
}

const TableTemplate* RulePack::table(std::string_view id) const {
  int i = indexOf(tables, id, [](const TableTemplate& t) -> const std::string& { return t.id; });
  return i < 0 ? nullptr : &tables[static_cast<size_t>(i)];
}

std::vector<std::string> RuleSet::unknownOverrideIds() const {
  std::set<std::string> ids = overrides_.disabled;
  for (const auto& [id, f] : overrides_.fields) ids.insert(id);
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    if (!seen_ids_.count(id)) out.push_back(id);
  }
  return out;
}

const TableTemplate* RuleSet::table(std::string_view id, const RulePack** owner) const {
  return findNormalized(id, [&](std::string_view key) -> const TableTemplate* {
    for (const auto& p : packs_) {
      for (const TableTemplate& t : p->tables) {
        if (t.id != key) continue;
        if (owner) *owner = p.get();
        return &t;
      }
    }
    return nullptr;
  });
}

const SectionDef* RulePack::section(std::string_view id) const {
  for (const SectionDef& s : sections) {
    if (s.id() == id) return &s;
  }
  return nullptr;
}

namespace {

constexpr const char* kSchema = "nianbao/v1";

bool validId(const std::string& s) {
  static const RE2 re(R"(^[a-z0-9][a-z0-9._-]*$)");
  return RE2::FullMatch(s, re);
}

std::vector<std::string> kindNames() {
  std::vector<std::string> out;
  for (const auto& k : detail::ruleKinds()) out.emplace_back(k.id);
  return out;
}

void parseSections(YamlCtx& y, const YAML::Node& list, RulePack& pack) {
  if (!list.IsDefined()) return;
  if (!list.IsSequence()) {
    y.error(list, "sections 应为列表");
    return;
  }
  for (const auto& item : list) {
    Fields f(y, item, "部分定义");
    if (!f.ok()) continue;
    auto id = f.str("id", true);
    auto name = f.str("name", true);
    int level = 1;
    if (auto lv = f.str("level")) {
      static const std::vector<std::string> kLevels = {"1", "2", "3", "4", "5", "6"};
      if (*lv == "any")
        level = 0;
      else if (std::find(kLevels.begin(), kLevels.end(), *lv) != kLevels.end())
        level = std::stoi(*lv);
      else
        y.error(f.where("level"), "level 应为 1–6 的整数或 any，实为 '" + *lv + "'");
    }
    std::vector<std::string> phrases;
    for (auto& [p, node] : f.stringNodes("phrases")) {
      std::string n = normalizeText(p);
      if (n.empty())
        y.error(node, "短语为空");
      else
        phrases.push_back(n);
    }
    std::vector<std::shared_ptr<const re2::RE2>> patterns;
    for (auto& [p, node] : f.stringNodes("patterns")) {
      if (auto re = y.regex(node, p)) patterns.push_back(re);
    }
    std::vector<std::shared_ptr<const re2::RE2>> exclude;
    for (auto& [p, node] : f.stringNodes("exclude")) {
      if (auto re = y.regex(node, p)) exclude.push_back(re);
    }
    if (phrases.empty() && patterns.empty()) y.error(item, "部分定义需要 phrases 或 patterns");
    f.finish();
    if (!id || !name) continue;
    if (!validId(*id))
      y.error(f.get("id"),
              "部分 id '" + *id + "' 只能含小写字母、数字、点、下划线、连字符，且以字母或数字开头");
    if (pack.section(*id)) y.error(f.get("id"), "部分 id '" + *id + "' 重复");
    pack.sections.emplace_back(*id, *name, std::move(phrases), std::move(patterns), std::move(exclude), level,
                               y.loc(item));
  }
}

using IdMap = std::map<std::string, SourceLoc>;

// tables: official table templates (rows, columns, groups) for table rules.
void parseTables(YamlCtx& y, const YAML::Node& list, RulePack& pack,
                 const std::vector<std::shared_ptr<const RulePack>>& loaded) {
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    y.error(list, "tables 应为列表");
    return;
  }
  auto labels = [&](Fields& f, const char* key, const char* what) {
    std::vector<TemplateLabel> out;
    YAML::Node seq = f.get(key);
    if (!seq.IsDefined() || seq.IsNull()) {
      f.missing(key);
      return out;
    }
    if (!seq.IsSequence()) {
      y.error(seq, std::string(key) + " 应为列表");
      return out;
    }
    for (const auto& item : seq) {
      Fields g(y, item, what);
      if (!g.ok()) continue;
      TemplateLabel l;
      l.loc = y.loc(item);
      auto id = g.str("id", true);
      l.id = normalizeText(id.value_or(""));
      l.display = id.value_or("");
      l.label = g.str("label").value_or(id.value_or(""));
      for (auto& [p, node] : g.stringNodes("match")) {
        if (auto re = y.regex(node, p)) l.match.push_back(re);
      }
      if (l.match.empty() && !l.label.empty()) l.match.push_back(y.phrase(item, l.label));
      std::vector<std::pair<std::string, YAML::Node>> cols;
      if (std::string(key) == "rows") cols = g.stringNodes("columns");
      g.finish();
      for (const auto& [c, node] : cols) {
        // Resolved once all columns are known: keep the name for now.
        l.columns.push_back(static_cast<size_t>(-1));
        (void)c;
        (void)node;
      }
      if (std::any_of(out.begin(), out.end(), [&](const TemplateLabel& o) { return o.id == l.id; })) {
        y.error(item, std::string(what) + " id '" + *id + "' 重复");
      }
      out.push_back(std::move(l));
    }
    return out;
  };
  for (const auto& item : list) {
    Fields f(y, item, "表格模板");
    if (!f.ok()) continue;
    TableTemplate t;
    t.loc = y.loc(item);
    t.id = normalizeText(f.str("id", true).value_or(""));
    t.name = f.str("name", true).value_or("");
    if (auto sec = f.str("section")) {
      if (!pack.section(*sec)) y.error(f.where("section"), "未定义的部分 '" + *sec + "'");
      t.section = *sec;
    }
    t.flat = f.choice("layout", {"grid", "flat"}).value_or("grid") == "flat";
    t.columns = labels(f, "columns", "列");
    t.rows = labels(f, "rows", "行");
    // Row columns by id, now that the columns are known.
    YAML::Node rows_node = f.node()["rows"];
    for (size_t r = 0; r < t.rows.size() && rows_node.IsSequence() && r < rows_node.size(); ++r) {
      t.rows[r].columns.clear();
      YAML::Node cols = rows_node[r]["columns"];
      if (!cols.IsDefined() || !cols.IsSequence()) continue;
      for (const auto& c : cols) {
        int k = t.column(c.IsScalar() ? c.Scalar() : "");
        if (k < 0)
          y.error(c, "未定义的列 '" + (c.IsScalar() ? c.Scalar() : std::string("?")) + "'");
        else
          t.rows[r].columns.push_back(static_cast<size_t>(k));
      }
    }
    auto groups = [&](const char* key, bool rows) {
      std::vector<std::pair<std::string, std::vector<size_t>>> out;
      YAML::Node g = f.get(key);
      if (!g.IsDefined() || g.IsNull()) return out;
      if (!g.IsMap()) {
        y.error(g, std::string(key) + " 应为映射（组名: [id, …]）");
        return out;
      }
      for (const auto& kv : g) {
        std::vector<size_t> members;
        for (const auto& m : kv.second) {
          int k = rows ? t.row(m.IsScalar() ? m.Scalar() : "") : t.column(m.IsScalar() ? m.Scalar() : "");
          if (k < 0)
            y.error(m, std::string("未定义的") + (rows ? "行" : "列") + " '" +
                           (m.IsScalar() ? m.Scalar() : "?") + "'");
          else
            members.push_back(static_cast<size_t>(k));
        }
        out.emplace_back(normalizeText(kv.first.Scalar()), std::move(members));
      }
      return out;
    };
    t.row_groups = groups("row_groups", true);
    t.col_groups = groups("column_groups", false);
    f.finish();
    if (pack.table(t.id)) y.error(f.where("id"), "表格模板 id '" + t.id + "' 重复");
    // One template per id across packs: rules name tables by id alone.
    for (const auto& p : loaded) {
      if (p->table(t.id))
        y.error(f.where("id"),
                "表格模板 id '" + t.id + "' 已在 " + p->file + " 定义（规则按 id 引用表格，不能重复定义）");
    }
    pack.tables.push_back(std::move(t));
  }
}

std::unique_ptr<Rule> parseRule(YamlCtx& y, const YAML::Node& original, const RulePack& pack, IdMap& ids,
                                const std::vector<std::shared_ptr<const RulePack>>& loaded,
                                const RuleOverrides& overrides, std::set<std::string>& seen) {
  // Configuration overrides replace fields before the rule is read.
  YAML::Node node = original;
  bool overridden = false;
  if (original.IsMap() && original["id"].IsScalar()) {
    seen.insert(original["id"].Scalar());
    if (auto it = overrides.fields.find(original["id"].Scalar()); it != overrides.fields.end()) {
      node = YAML::Clone(original);
      for (const auto& [k, v] : it->second) node[k] = v;
      overridden = true;
    }
  }
  Fields f(y, node, "规则");
  if (!f.ok()) return nullptr;
  size_t errors = y.errorCount();
  RuleInfo info;
  info.pack = pack.name;
  info.loc = y.loc(node);
  auto id = f.str("id", true);
  if (id) {
    if (!validId(*id)) {
      y.error(f.where("id"),
              "规则 id '" + *id + "' 只能含小写字母、数字、点、下划线、连字符，且以字母或数字开头");
    } else if (auto [it, fresh] = ids.emplace(*id, y.loc(f.get("id"))); !fresh) {
      y.error(f.where("id"), "规则 id '" + *id + "' 重复（已在 " + it->second.file + ":" +
                                 std::to_string(it->second.line) + " 定义）");
    }
    info.id = *id;
  }
  auto kind_name = f.str("kind", true);
  const detail::RuleKind* kind = nullptr;
  if (kind_name) {
    kind = detail::findRuleKind(*kind_name);
    if (!kind)
      y.error(f.where("kind"),
              "未知的规则类型 '" + *kind_name + "'（可选：" + detail::joinNames(kindNames()) + "）");
    info.kind = *kind_name;
  }
  info.title = detail::tidyText(f.str("title", true).value_or(""));
  if (auto sev = f.choice("severity", {"error", "warning", "note"}, true))
    info.severity = *parseSeverity(*sev);
  info.message = detail::tidyText(f.str("message", true).value_or(""));
  info.help = detail::tidyText(f.str("help").value_or(""));
  if (kind) info.group = kind->group;
  {
    std::vector<std::string> group_ids;
    for (const auto& g : ruleGroups()) group_ids.emplace_back(g.id);
    if (auto g = f.choice("group", group_ids)) info.group = *g;
  }
  YAML::Node basis = f.get("basis");
  if (!basis.IsDefined() || basis.IsNull()) {
    f.missing("basis");
  } else {
    Fields b(y, basis, "basis ");
    if (b.ok()) {
      info.basis.document = b.str("document", true).value_or("");
      info.basis.article = b.str("article").value_or("");
      info.basis.ref = b.str("ref").value_or("");
      info.basis.note = b.str("note").value_or("");
      b.finish();
    }
  }
  if (YAML::Node ex = f.get("examples"); ex.IsDefined()) {
    Fields e(y, ex, "examples ");
    if (e.ok()) {
      info.good_examples = e.strings("good");
      info.bad_examples = e.strings("bad");
      e.finish();
    }
  }
  std::vector<std::string> types = f.strings("types");
  info.types = f.has("types") ? types : pack.applies_to;
  if (YAML::Node yr = f.get("years"); yr.IsDefined()) {
    Fields e(y, yr, "years ");
    if (e.ok()) {
      info.year_from = e.integer("from");
      info.year_to = e.integer("to");
      if (info.year_from && info.year_to && *info.year_from > *info.year_to) {
        y.error(e.where("from"), "years.from（" + std::to_string(*info.year_from) + "）不能大于 years.to（" +
                                     std::to_string(*info.year_to) + "）");
      }
      e.finish();
    }
  }
  if (auto w = f.str("when")) {
    detail::KindContext wc{f, pack, loaded};
    info.when = detail::loadExpr(wc, f.get("when"), *w);
  }
  std::unique_ptr<Rule> rule;
  if (kind) {
    if (!kind->checks_own_messages) {
      detail::checkPlaceholders(y, f.where("message"), "message", info.message, kind->placeholders,
                                info.kind);
    }
    detail::KindContext kc{f, pack, loaded};
    rule = kind->make(info, kc);
  }
  // With an unknown kind its own fields cannot be judged: report only what is missing.
  f.finish(kind != nullptr);
  if (overridden && y.errorCount() != errors) {
    y.annotateSince(errors, "（规则 " + info.id + " 的字段被配置文件或 --set 改写过）");
  }
  if (y.errorCount() != errors) return nullptr;
  return rule;
}

std::unique_ptr<RulePack> parsePack(YamlCtx& y, const YAML::Node& root, IdMap& ids,
                                    const std::vector<std::shared_ptr<const RulePack>>& loaded,
                                    const RuleOverrides& overrides, std::set<std::string>& seen) {
  auto pack = std::make_unique<RulePack>();
  pack->file = y.file();
  if (!root.IsDefined() || root.IsNull()) {
    y.error(SourceLoc{y.file(), 1, 1}, "规则文件为空");
    return nullptr;
  }
  Fields top(y, root, "规则包");
  if (!top.ok()) return nullptr;
  auto schema = top.str("schema", true);
  if (schema && *schema != kSchema) {
    y.error(top.where("schema"), "不支持的 schema '" + *schema + "'（本版本支持 " + kSchema + "）");
  }
  pack->name = top.str("pack", true).value_or("");
  if (top.has("pack") && !validId(pack->name)) {
    y.error(top.where("pack"),
            "规则包名 '" + pack->name + "' 无效：只能含小写字母、数字、点、下划线、连字符，且不能为空");
  }
  for (const auto& p : loaded) {
    if (!pack->name.empty() && p->name == pack->name) {
      // The same pack twice: one error, not one per rule.
      y.error(top.where("pack"), "规则包 '" + pack->name + "' 已从 " + p->file + " 载入");
      return nullptr;
    }
  }
  pack->title = top.str("title").value_or("");
  top.str("description");
  pack->applies_to = top.strings("applies_to");
  if (YAML::Node rt = top.get("report_type"); rt.IsDefined()) {
    Fields f(y, rt, "report_type ");
    if (f.ok()) {
      ReportTypeDef def;
      def.id = f.str("id", true).value_or("");
      def.name = f.str("name", true).value_or("");
      for (auto& [p, node] : f.stringNodes("title_patterns", true)) {
        if (auto re = y.regex(node, p)) def.title_patterns.push_back(re);
      }
      def.loc = y.loc(rt);
      f.finish();
      pack->report_type = std::move(def);
    }
  }
  parseSections(y, top.get("sections"), *pack);
  parseTables(y, top.get("tables"), *pack, loaded);
  YAML::Node rules = top.get("rules");
  if (!rules.IsDefined() || rules.IsNull()) {
    top.missing("rules");
  } else if (!rules.IsSequence()) {
    y.error(rules, "rules 应为列表");
  } else {
    for (const auto& r : rules) {
      auto rule = parseRule(y, r, *pack, ids, loaded, overrides, seen);
      if (rule && !overrides.disabled.count(rule->info().id)) pack->rules.push_back(std::move(rule));
    }
  }
  top.finish();
  return pack;
}

IdMap existingIds(const std::vector<std::shared_ptr<const RulePack>>& packs) {
  IdMap ids;
  for (const auto& p : packs) {
    for (const auto& r : p->rules) ids.emplace(r->info().id, r->info().loc);
  }
  return ids;
}

// Report types a pack's rules name must be defined by a pack loaded so far (or
// this one): a typo would silently switch the rule off.
void checkTypes(YamlCtx& y, const YAML::Node& root, const RulePack& pack,
                const std::vector<std::shared_ptr<const RulePack>>& loaded) {
  std::vector<std::string> known;
  for (const auto& p : loaded) {
    if (p->report_type) known.push_back(p->report_type->id);
  }
  if (pack.report_type) known.push_back(pack.report_type->id);
  auto check = [&](const std::string& type, const YAML::Node& where) {
    if (std::find(known.begin(), known.end(), type) == known.end()) {
      y.error(where, "未知的报告类型 '" + type + "'（已定义：" +
                         (known.empty() ? "无" : detail::joinNames(known)) +
                         "；报告类型由规则包的 report_type 定义）");
    }
  };
  const YAML::Node& r = root;
  for (const std::string& t : pack.applies_to) check(t, r["applies_to"]);
  if (!r["rules"].IsSequence()) return;
  for (const auto& rule : r["rules"]) {
    if (!rule.IsMap() || !rule["types"].IsDefined()) continue;
    for (const auto& t : rule["types"]) {
      if (t.IsScalar()) check(t.Scalar(), t);
    }
    if (rule["types"].IsScalar()) check(rule["types"].Scalar(), rule["types"]);
  }
}

// yaml-cpp's messages, with a hint in Chinese for the common ones.
std::string syntaxMessage(const std::string& msg) {
  static const std::pair<const char*, const char*> kHints[] = {
      {"end of sequence not found", "列表未正确结束，多为缩进不一致"},
      {"end of map not found", "映射未正确结束，多为缩进不一致"},
      {"end of sequence flow not found", "方括号列表未闭合"},
      {"end of map flow not found", "花括号映射未闭合"},
      {"illegal map value", "非法的映射值，多为冒号后缺少空格或缩进错误"},
      {"found character that cannot start any token", "出现不能开始任何记号的字符（如用制表符缩进）"},
      {"unknown escape character", "双引号字符串中有未知的转义字符（正则中的反斜杠请用单引号）"},
      {"end of string not found", "引号未闭合"},
      {"block sequence entries are not allowed", "此处不允许列表项，多为缩进错误"},
      {"illegal tab when looking for indentation", "用制表符缩进（YAML 只允许空格）"},
      // yaml-cpp's words when its nesting-depth guard trips.
      {"bad file", "嵌套过深，或文件结构无法解析"},
  };
  for (auto [en, zh] : kHints) {
    if (msg.find(en) != std::string::npos) return std::string(zh) + "（" + msg + "）";
  }
  return msg;
}

// yaml-cpp accepts a quote that is never closed and swallows the lines after
// it into one scalar. In a rule file that is always a mistake: a quoted scalar
// whose closing quote lies past a line that looks like "key:" was meant to end
// before that line.
bool unclosedQuote(std::string_view text, size_t open) {
  static const RE2 kKeyLine(R"(^[ \t]*-?[ \t]*[A-Za-z_][A-Za-z0-9_]*:( |$))");
  char q = text[open];
  size_t i = open + 1;
  while (i < text.size()) {
    char c = text[i];
    if (q == '"' && c == '\\') {
      i += 2;
      continue;
    }
    if (c == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        i += 2;  // '' is an escaped quote
        continue;
      }
      return false;
    }
    if (c == '\n') {
      size_t eol = text.find('\n', i + 1);
      std::string_view line =
          text.substr(i + 1, eol == std::string_view::npos ? std::string_view::npos : eol - i - 1);
      if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kKeyLine)) return true;
    }
    ++i;
  }
  return true;
}

// Walks each node once: an alias shares its anchor's node (and Mark), so a
// "billion laughs" pack of nested aliases is linear here, not exponential.
void findUnclosedQuotes(YamlCtx& y, const YAML::Node& n, std::string_view text,
                        std::set<std::pair<int, int>>& seen) {
  YAML::Mark m = n.Mark();
  if (m.line >= 0 && !seen.emplace(m.line, m.column).second) return;
  if (n.IsScalar()) {
    if (m.pos >= 0 && static_cast<size_t>(m.pos) < text.size()) {
      char q = text[static_cast<size_t>(m.pos)];
      if ((q == '\'' || q == '"') && unclosedQuote(text, static_cast<size_t>(m.pos))) {
        y.error(y.loc(m), "YAML 语法错误：引号未闭合（这个字符串吞掉了后面的行）");
      }
    }
    return;
  }
  if (n.IsSequence()) {
    for (const auto& item : n) findUnclosedQuotes(y, item, text, seen);
  } else if (n.IsMap()) {
    for (const auto& kv : n) findUnclosedQuotes(y, kv.second, text, seen);
  }
}

}  // namespace

void RuleSet::addText(const std::string& name, std::string_view yaml) {
  std::vector<LoadError> errors;
  YamlCtx y(name, yaml, errors);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw LoadErrors({LoadError{y.loc(e.mark), "YAML 语法错误：" + syntaxMessage(e.msg)}});
  }
  std::set<std::pair<int, int>> seen;
  findUnclosedQuotes(y, root, yaml, seen);
  if (!errors.empty()) throw LoadErrors(std::move(errors));
  IdMap ids = existingIds(packs_);
  std::unique_ptr<RulePack> pack;
  try {
    pack = parsePack(y, root, ids, packs_, overrides_, seen_ids_);
  } catch (const YAML::Exception& e) {
    errors.push_back(LoadError{y.loc(e.mark), "YAML 结构错误：" + syntaxMessage(e.msg)});
  }
  if (pack && errors.empty()) checkTypes(y, root, *pack, packs_);
  if (!errors.empty()) throw LoadErrors(std::move(errors));
  if (pack) {
    packs_.push_back(std::move(pack));
    prefilter_ = std::make_shared<detail::PrefilterSlot>();
  }
}

RuleSet::RuleSet() : prefilter_(std::make_shared<detail::PrefilterSlot>()) {}

const detail::PatternPrefilter& RuleSet::prefilter() const {
  detail::PrefilterSlot& slot = *prefilter_;
  std::call_once(slot.once, [&] {
    std::vector<const RE2*> patterns;
    for (const auto& p : packs_) {
      for (const auto& r : p->rules) r->textPatterns(patterns);
    }
    slot.filter = std::make_unique<detail::PatternPrefilter>(patterns);
  });
  return *slot.filter;
}

void RuleSet::addBuiltin() {
  for (const EmbeddedFile& f : builtinPacks()) addText(std::string(f.name), f.content);
}

bool isRuleTestFile(std::string_view name) {
  return name.ends_with(".test.yaml") || name.ends_with(".test.yml");
}

void RuleSet::addPath(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string ext = it->path().extension().string();
      if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml") &&
          !isRuleTestFile(it->path().filename().string()))
        files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw LoadErrors({LoadError{SourceLoc{path}, "目录中没有 .yaml 规则文件"}});
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    throw LoadErrors({LoadError{SourceLoc{path}, "规则文件不存在"}});
  }
  std::vector<LoadError> all;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      all.push_back(LoadError{SourceLoc{file}, "无法读取规则文件"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    try {
      addText(file, ss.str());
    } catch (const LoadErrors& e) {
      all.insert(all.end(), e.errors().begin(), e.errors().end());
    }
  }
  if (!all.empty()) throw LoadErrors(std::move(all));
}

std::vector<const ReportTypeDef*> RuleSet::reportTypes() const {
  std::vector<const ReportTypeDef*> out;
  for (const auto& p : packs_) {
    if (!p->report_type) continue;
    const std::string& id = p->report_type->id;
    if (std::none_of(out.begin(), out.end(), [&](auto* t) { return t->id == id; }))
      out.push_back(&*p->report_type);
  }
  return out;
}

const ReportTypeDef* RuleSet::reportType(std::string_view id) const {
  for (const auto& p : packs_) {
    if (p->report_type && p->report_type->id == id) return &*p->report_type;
  }
  return nullptr;
}

std::vector<const Rule*> RuleSet::rules() const {
  std::vector<const Rule*> out;
  for (const auto& p : packs_) {
    for (const auto& r : p->rules) out.push_back(r.get());
  }
  std::sort(out.begin(), out.end(), [](const Rule* a, const Rule* b) { return a->info().id < b->info().id; });
  return out;
}

const Rule* RuleSet::rule(std::string_view id) const {
  for (const auto& p : packs_) {
    for (const auto& r : p->rules) {
      if (r->info().id == id) return r.get();
    }
  }
  return nullptr;
}

}  // namespace nianbao
