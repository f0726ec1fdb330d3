// engine.h — rule evaluation: Document x RuleSet -> sorted findings.
#pragma once

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
std::vector<Finding> evaluate(const Document& doc, const RuleSet& rules);

// Rules the engine itself reports under (not from packs), for reporters' rule lists.
const std::vector<RuleInfo>& engineRules();

}  // namespace nianbao
