// reporter.h — findings out: one Reporter per format, chosen once by name.
//
//   auto r = nianbao::makeReporter("sarif", {});
//   r->begin(run, std::cout);
//   for (each input, in input order) r->document(result, &doc, std::cout);
//   r->end(run, std::cout);
//
// Reporters format what the engine computed; they never compute locations and
// never branch on rule kinds. They stream: each report is written (or reduced
// to what the end needs, e.g. a SARIF artifact or an index row) as it comes,
// so memory does not grow with the batch. Output is deterministic: same run,
// same bytes, whatever the number of jobs (inputs arrive in input order).
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

// The run as a whole: what begin() and end() get. Reports themselves only
// pass through document().
struct RunResult {
  std::string tool_version;
  std::vector<RuleInfo> rules;  // every loaded rule, sorted by id
  int exit_code = 0;            // set for end()
};

struct ReporterOptions {
  bool color = false;
  // HTML for many reports: an index page and one page per report go here
  // (created if missing); write() then ignores its stream.
  std::string output_dir;
  std::vector<RuleInfo> rules;  // every loaded rule, sorted by id (as RunResult::rules)
  bool baseline = false;        // a baseline was given: SARIF states new/unchanged
  size_t inputs = 1;            // how many reports the run checks
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Before the first report.
  virtual void begin(const RunResult& /*run*/, std::ostream& /*out*/) {}
  // Once per input, in input order, while its Document is alive (`doc` is
  // null after an input error); the Document is gone after this returns.
  virtual void document(const DocumentResult& result, const Document* doc, std::ostream& out) = 0;
  // After the last report. Throws std::runtime_error when a file the reporter
  // writes itself (HTML pages) cannot be written.
  virtual void end(const RunResult& run, std::ostream& out) = 0;
  // Whether several reports can go to one stream (text, SARIF, JSON Lines: yes;
  // HTML: one page per report, so a batch needs output_dir).
  virtual bool streamsBatch() const { return true; }
};

// nullptr for an unknown format.
std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReporterOptions& options);
std::vector<std::string> reporterFormats();

}  // namespace nianbao
