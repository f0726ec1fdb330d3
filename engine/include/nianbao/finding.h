// finding.h — what a rule reports, and the result of checking one report.
// Findings are plain data: the engine fills positions, the source line and the
// fingerprint; reporters only format them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/source.h"

namespace nianbao {

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

const char* severityName(Severity s);    // "note", "warning", "error"
const char* severityNameZh(Severity s);  // "提示", "警告", "错误"
std::optional<Severity> parseSeverity(std::string_view s);

// Another place a finding involves: a summand of a sum, a blank cell.
struct RelatedPlace {
  Span span;
  std::string label;  // "表三/一、本年新收政府信息公开申请数量/自然人"
  Position begin;     // filled by the engine
  Position end;
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::kWarning;
  std::string message;  // Chinese, placeholders filled
  Span span;            // where a person should look
  Position begin;       // filled by the engine from `span`
  Position end;
  std::string line_text;                          // the whole source line of `begin`
  std::string snippet;                            // the source text of `span` (cut at 200 code points)
  std::string key;                                // rule-chosen content key for the fingerprint
  std::string fingerprint;                        // stable across edits elsewhere in the report
  std::map<std::string, std::string> properties;  // expected, found, ...
  std::string logical;                            // e.g. 表三/一、本年新收…/自然人 (table cells)
  std::vector<RelatedPlace> related;
  // Known from a baseline (--baseline): SARIF keeps it as "unchanged" and
  // suppressed, the other reporters leave it out; it never fails the run.
  bool baselined = false;
};

// Sorts by position, then rule id, then message: byte-stable output.
void sortFindings(std::vector<Finding>& findings);

}  // namespace nianbao
