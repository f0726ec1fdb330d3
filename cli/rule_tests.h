// Rule test cases (`nianbao rules test`) and the generated rule reference
// (`nianbao rules doc`).
//
// A test file, NAME.test.yaml, sits beside the packs:
//
//   rule: fz.first-responsible-part      # default rule of the cases (optional)
//   cases:
//     - name: 缺少第一责任人部分
//       file: ../../../examples/fz-2023-defects.txt   # relative to this file
//       expect: [16]                     # lines where the rule reports, exactly
//     - name: 四个部分齐全
//       text: |                          # or the report inline
//         …
//       type: fz                         # force the report type (optional)
//       expect: []                       # the rule must not report
//
// An `expect` item is a line number or {line: N, contains: "消息中的文字"}.
// Only the findings of the case's rule are compared. Every rule loaded needs at
// least one case that expects findings and one that expects none.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "nianbao/rule_pack.h"

namespace nianbao::cli {

// Which packs: packs found under `paths` replace the built-in ones (editing
// rules/packs/ is tested without a rebuild) unless with_builtin; -r packs come
// on top of the built-ins. Coverage (a positive and a negative case per rule)
// is required for the packs under test (those from files, else the built-ins)
// when a directory of tests is given, not for single test files.
struct RuleTestOptions {
  std::vector<std::string> paths;        // test files or directories
  std::vector<std::string> extra_packs;  // -r and the config's packs
  bool no_builtin = false;
  bool with_builtin = false;
  RuleOverrides overrides;                 // from the config (disable, severity, set)
  std::vector<std::string> silent_corpus;  // --report-silent
};

// Prints failures with a diff and "N passed, N failed"; returns the exit code
// (0 all pass and every rule covered, 1 failures, 2 a broken pack or test file).
int runRuleTests(const RuleTestOptions& options, std::ostream& out, std::ostream& err);

// One Markdown page per rule (OUTDIR/<id>.md) and an index (OUTDIR/README.md).
bool writeRuleReference(const RuleSet& rules, const std::string& dir, std::ostream& err);

}  // namespace nianbao::cli
