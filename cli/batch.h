// Batch checking: which files a command line names, and checking them in
// parallel while reporters see them strictly in input order.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nianbao/finding.h"
#include "nianbao/ingest.h"
#include "nianbao/reporter.h"
#include "nianbao/rule_pack.h"

namespace nianbao::cli {

struct InputSelection {
  std::vector<std::string> include;  // globs; empty = by extension
  std::vector<std::string> exclude;  // globs
};

// Files named on the command line are taken as given. A directory stands for
// the reports in it, recursively, sorted by path: files with a report extension
// (or matching an --include glob), minus --exclude matches, minus READMEs.
// A glob matches the file name or the path below the directory given; `*`
// also crosses `/`. Warns on stderr about directories that yield nothing.
std::vector<std::string> expandInputs(const std::vector<std::string>& args, const InputSelection& select);

struct BatchOptions {
  ReadOptions read;
  std::string type;  // forced report type, "" = detect
  unsigned jobs = 1;
  bool progress = false;  // a progress bar on stderr
  std::optional<Severity> fail_on;
  const std::set<std::string>* baseline = nullptr;  // fingerprints already known
  int timeout_seconds = 0;                          // per report; 0 = none
};

// Checks every input with up to `jobs` threads. A file that cannot be read
// (or fails inside the engine) becomes an error entry and the batch goes on.
// Inputs reach reporter.document(…, out) and `observe` in input order, and
// are dropped after: at most a few documents per job are alive at a time.
// Returns the exit code (2 an input error, 1 a finding at fail_on, else 0).
int runBatch(const std::vector<std::string>& inputs, const RuleSet& rules, const BatchOptions& options,
             Reporter& reporter, std::ostream& out,
             const std::function<void(const DocumentResult&)>& observe);

}  // namespace nianbao::cli
