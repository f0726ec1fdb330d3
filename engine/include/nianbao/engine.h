// engine.h — rule evaluation: Document x RuleSet -> sorted findings.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "nianbao/document.h"
#include "nianbao/finding.h"
#include "nianbao/rule_pack.h"

namespace nianbao {

struct CheckOptions {
  std::string type;  // forced report type id; "" = detect
};

// Sets doc.type and doc.type_source from `options.type` or from the report
// types the packs define (title patterns first, then matching parts).
void detectReportType(Document& doc, const RuleSet& rules, const CheckOptions& options);

// Runs every rule that applies to the document's type and year. When the type
// is unknown, a nianbao.unknown-type finding says so. Findings are sorted and
// have positions, source lines and fingerprints.
struct EvalLimits {
  // More findings than this: the first ones by position, then one
  // nianbao.too-many-findings note with the total.
  size_t max_findings = 1000;
  // Checked between rules: past it, evaluate() throws InputError ("检查超时").
  std::optional<std::chrono::steady_clock::time_point> deadline;
  int timeout_seconds = 0;  // for the message
};
std::vector<Finding> evaluate(const Document& doc, const RuleSet& rules, const EvalLimits& limits = {});

// A table as matched to its template, for people (`nianbao parse`): one grid
// per template of the packs that apply to the document's type.
struct TableGrid {
  std::string id;    // 表三
  std::string name;  // 收到和处理政府信息公开申请情况
  bool found = false;
  uint32_t first_line = 0, last_line = 0;       // of the pieces read
  std::vector<std::string> columns;             // official column labels
  std::vector<std::string> rows;                // official row labels
  std::vector<std::vector<std::string>> cells;  // value as read; "空" blank; "-" not read; "" n/a
  std::vector<std::vector<uint32_t>> lines;     // source line of each cell (0: none)
  std::vector<std::string> notes;               // how it was read, with line numbers
};
std::vector<TableGrid> tableGrids(const Document& doc, const RuleSet& rules);

// Rules the engine itself reports under (not from packs), for reporters' rule lists.
const std::vector<RuleInfo>& engineRules();

}  // namespace nianbao
