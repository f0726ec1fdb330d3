// reporter.h — findings out: one Reporter per format, chosen once by name.
//
//   auto r = nianbao::makeReporter("sarif", {});
//   r->write(run, std::cout);
//
// Reporters format what the engine computed; they never compute locations and
// never branch on rule kinds. Output is deterministic: same run, same bytes.
#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/document.h"
#include "nianbao/finding.h"
#include "nianbao/rule.h"

namespace nianbao {

// The outcome of checking one input file.
struct DocumentResult {
  std::string path;
  std::optional<std::string> error;  // one-line input error; then nothing else is set
  std::string encoding;
  std::string format;
  std::string type;       // report type id, "" if unknown
  std::string type_name;  // e.g. 法治政府建设情况报告
  std::map<std::string, MetaField> meta;
  std::vector<Finding> findings;
};

struct RunResult {
  std::string tool_version;
  std::vector<RuleInfo> rules;  // every loaded rule, sorted by id
  std::vector<DocumentResult> documents;
  int exit_code = 0;
};

struct ReporterOptions {
  bool color = false;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const RunResult& run, std::ostream& out) = 0;
};

// nullptr for an unknown format.
std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReporterOptions& options);
std::vector<std::string> reporterFormats();

}  // namespace nianbao
