#include "nianbao/engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "expr/expr.h"
#include "nianbao/ingest.h"
#include "nianbao/text.h"
#include "rules/pattern_prefilter.h"
#include "rules/rule_support.h"
#include "tables/table_cache.h"
#include "tables/table_host.h"

namespace nianbao {
namespace {

const RuleInfo& tooManyRule() {
  static const RuleInfo info = [] {
    RuleInfo r;
    r.id = "nianbao.too-many-findings";
    r.kind = "engine";
    r.title = "问题过多";
    r.group = "formulations";
    r.severity = Severity::kNote;
    r.message = "问题过多：共 {total} 个，只列出位置最靠前的 {shown} 个；请先改正已列出的问题";
    r.basis.document = "nianbao 运行说明";
    r.basis.note = "一份报告的问题数有上限，免得输出失去意义";
    r.help = "同一写法反复出现（或文件不是年报）时问题数会很多。只列出前面的问题，改正后再检查。";
    r.pack = "nianbao";
    return r;
  }();
  return info;
}

const RuleInfo& unknownTypeRule() {
  static const RuleInfo info = [] {
    RuleInfo r;
    r.id = "nianbao.unknown-type";
    r.kind = "engine";
    r.title = "无法识别报告类型";
    r.group = "sections";
    r.severity = Severity::kWarning;
    r.message =
        "无法识别报告类型（{types}）：标题与各部分均不符合任何已载入规则包的报告类型，只检查了通用规则；可用 "
        "--type 指定";
    r.basis.document = "nianbao 运行说明";
    r.basis.note = "报告类型决定适用的规则包";
    r.help =
        "nianbao "
        "根据标题（如“…法治政府建设情况报告”“…政府信息公开工作年度报告”）和各部分标题识别报告类型。无法识别时"
        "，请检查标题，或用 --type 指定类型。";
    r.pack = "nianbao";
    return r;
  }();
  return info;
}

// 64-bit FNV-1a, printed as 16 hex digits: stable across platforms and runs.
std::string fingerprintOf(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool appliesTo(const RuleInfo& r, const Document& doc) {
  if (!r.types.empty()) {
    if (doc.type.empty()) return false;
    if (std::find(r.types.begin(), r.types.end(), doc.type) == r.types.end()) return false;
  }
  if (auto y = doc.reportYear()) {
    if (r.year_from && *y < *r.year_from) return false;
    if (r.year_to && *y > *r.year_to) return false;
  }
  return true;
}

std::string cut(std::string_view s, size_t max_cp) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < max_cp) {
    decodeUtf8(s, i);
    ++n;
  }
  return std::string(s.substr(0, i)) + (i < s.size() ? "…" : "");
}

}  // namespace

std::vector<TableGrid> tableGrids(const Document& doc, const RuleSet& rules) {
  std::vector<TableGrid> out;
  detail::TableCache cache(doc, rules);
  for (const auto& pack : rules.packs()) {
    bool mine = pack->applies_to.empty() || std::find(pack->applies_to.begin(), pack->applies_to.end(),
                                                      doc.type) != pack->applies_to.end();
    if (!mine) continue;
    for (const TableTemplate& t : pack->tables) {
      const detail::BoundTable* b = cache.get(t.id);
      TableGrid g;
      g.id = t.id;
      g.name = t.name;
      g.found = b->found;
      if (!b->pieces.empty()) {
        g.first_line = doc.blocks[b->pieces.front()->first_block].first_line;
        g.last_line = doc.blocks[b->pieces.back()->last_block].last_line;
      }
      for (const TemplateLabel& c : t.columns) g.columns.push_back(c.label);
      for (const TemplateLabel& r : t.rows) g.rows.push_back(r.label);
      for (size_t r = 0; r < t.rows.size(); ++r) {
        std::vector<std::string> row;
        std::vector<uint32_t> lines;
        for (size_t c = 0; c < t.columns.size(); ++c) {
          const Cell* cell = b->cells[r][c].cell;
          if (!b->applies(r, c))
            row.emplace_back("");
          else if (!cell)
            row.emplace_back("-");
          else if (cell->kind == CellKind::kBlank)
            row.emplace_back("空");
          else
            row.push_back(cell->text);
          lines.push_back(b->cells[r][c].row ? b->cells[r][c].row->line : 0);
        }
        g.cells.push_back(std::move(row));
        g.lines.push_back(std::move(lines));
      }
      for (const detail::TableNote& n : b->notes) {
        g.notes.push_back("第" + std::to_string(doc.source.lineOf(n.span.begin)) + "行：" + n.detail);
      }
      out.push_back(std::move(g));
    }
  }
  return out;
}

const std::vector<RuleInfo>& engineRules() {
  static const std::vector<RuleInfo> rules = {tooManyRule(), unknownTypeRule()};
  return rules;
}

void detectReportType(Document& doc, const RuleSet& rules, const CheckOptions& options) {
  if (!options.type.empty()) {
    doc.type = options.type;
    doc.type_source = "--type";
    return;
  }
  const MetaField* title = doc.field("title");
  for (const ReportTypeDef* t : rules.reportTypes()) {
    for (const auto& re : t->title_patterns) {
      if (title && RE2::PartialMatch(title->value, *re)) {
        doc.type = t->id;
        doc.type_source = "title";
        return;
      }
    }
  }
  // No telling title: the type whose sections match most top-level parts.
  int best = 0;
  for (const ReportTypeDef* t : rules.reportTypes()) {
    int hits = 0;
    for (const auto& p : rules.packs()) {
      bool mine = (p->report_type && p->report_type->id == t->id) ||
                  std::find(p->applies_to.begin(), p->applies_to.end(), t->id) != p->applies_to.end();
      if (!mine) continue;
      for (const SectionDef& s : p->sections) hits += s.find(doc.parts) != nullptr;
    }
    if (hits >= 2 && hits > best) {
      best = hits;
      doc.type = t->id;
      doc.type_source = "parts";
    }
  }
}

std::vector<Finding> evaluate(const Document& doc, const RuleSet& rules, const EvalLimits& limits) {
  Findings out;
  if (doc.type.empty()) {
    std::string types;
    for (const ReportTypeDef* t : rules.reportTypes()) types += (types.empty() ? "" : "、") + t->name;
    out.emit(unknownTypeRule(), detail::documentStart(doc),
             {{"types", types.empty() ? "未载入任何报告类型" : "已知：" + types}}, "unknown-type");
  }
  out.setCapPerRule(limits.max_findings);
  detail::TableCache tables(doc, rules);
  detail::BlockPrefilter prefilter(doc, rules.prefilter());
  for (const auto& pack : rules.packs()) {
    EvalContext ctx{doc, *pack, &tables, &prefilter};
    for (const auto& rule : pack->rules) {
      if (limits.deadline && std::chrono::steady_clock::now() > *limits.deadline) {
        throw InputError(doc.source.path(), "检查超时（超过 " + std::to_string(limits.timeout_seconds) +
                                                " 秒，可用 --timeout 放宽），已跳过");
      }
      if (!appliesTo(rule->info(), doc)) continue;
      if (const auto& when = rule->info().when) {
        auto host = detail::TableHost::forRules(doc, rules, &tables);
        detail::Value v;
        try {
          v = when->evaluate(host);
        } catch (const detail::ExprError&) {
          continue;  // load-time checks make this unreachable; never fail a run
        }
        if (v.kind != detail::Value::Kind::kBool || !v.boolean) continue;
      }
      rule->evaluate(ctx, out);
    }
  }
  std::vector<Finding> findings = std::move(out.items());
  // Identity of the report for fingerprints: what it says it is, not where it lies.
  std::string identity = doc.type;
  for (const char* f : {"report_year", "issuer", "title"}) {
    if (const MetaField* m = doc.field(f)) identity += "|" + m->value;
  }
  for (Finding& f : findings) {
    f.begin = doc.source.position(f.span.begin);
    f.end = doc.source.position(f.span.end);
    f.line_text = std::string(doc.source.line(f.begin.line));
    f.snippet = cut(std::string_view(doc.source.text()).substr(f.span.begin, f.span.end - f.span.begin), 200);
    // The same cell can be a summand twice over (a+b+a); list it once.
    std::vector<RelatedPlace> unique;
    for (RelatedPlace& r : f.related) {
      bool dup = std::any_of(unique.begin(), unique.end(),
                             [&](const RelatedPlace& u) { return u.span == r.span && u.label == r.label; });
      if (!dup) unique.push_back(std::move(r));
    }
    f.related = std::move(unique);
    for (RelatedPlace& r : f.related) {
      r.begin = doc.source.position(r.span.begin);
      r.end = doc.source.position(r.span.end);
    }
    f.fingerprint = fingerprintOf(f.rule_id + "\n" + identity + "\n" + f.key);
  }
  sortFindings(findings);
  if (findings.size() + out.dropped() > limits.max_findings) {
    size_t total = findings.size() + out.dropped();
    findings.resize(limits.max_findings);
    Findings more;
    more.emit(tooManyRule(), detail::documentStart(doc),
              {{"total", std::to_string(total)}, {"shown", std::to_string(limits.max_findings)}}, "too-many");
    Finding f = std::move(more.items().front());
    f.begin = doc.source.position(f.span.begin);
    f.end = doc.source.position(f.span.end);
    f.line_text = std::string(doc.source.line(f.begin.line));
    f.fingerprint = fingerprintOf(f.rule_id + "\n" + identity + "\n" + f.key);
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace nianbao
