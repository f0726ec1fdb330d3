// rule.h — the interface every rule kind implements.
//
// A rule kind is one class in engine/src/rules/<kind>_rule.{h,cpp}, listed once
// in engine/src/rules/rule_kinds.cpp with its factory. The factory decodes and
// validates the rule's YAML (unknown keys, bad regexes and unknown section names
// are load errors with file:line:col), so a rule that loaded can always run.
// evaluate() is pure: it reads the Document and reports through Findings.
//
//   class MyRule : public Rule {
//    public:
//     using Rule::Rule;
//     void evaluate(const EvalContext& ctx, Findings& out) const override {
//       out.emit(info(), span, {{"value", "..."}}, "content-key");
//     }
//   };
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nianbao/document.h"
#include "nianbao/finding.h"

namespace re2 {
class RE2;
}

namespace nianbao {

namespace detail {
class Expr;
}

struct SourceLoc {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
};

// The document and article a rule enforces.
struct Basis {
  std::string document;  // e.g. 《法治政府建设与责任落实督察工作规定》
  std::string article;   // e.g. 第二十五条
  std::string ref;       // requirement id in docs/requirements, e.g. FZ-SEC-3
  std::string note;      // how sure the citation is, or anything a reader needs
};

struct RuleInfo {
  std::string id;     // unique, e.g. fz.first-responsible-part
  std::string kind;   // rule kind id, e.g. required_section
  std::string title;  // short Chinese name
  std::string group;  // what it checks, for summaries: sections, tables, arithmetic, formulations, dates
  Severity severity = Severity::kWarning;
  std::string message;  // template with {placeholders}
  Basis basis;
  std::string help;
  std::vector<std::string> good_examples;
  std::vector<std::string> bad_examples;
  std::vector<std::string> types;  // report types it applies to; empty = all
  std::optional<int> year_from;    // report years it applies to (inclusive)
  std::optional<int> year_to;
  std::string pack;
  SourceLoc loc;
  // The rule runs only when this holds (e.g. a fee was charged); null = always.
  std::shared_ptr<const detail::Expr> when;
};

// The groups rules are summed up by (HTML index columns), in display order;
// each rule kind has a default group and a rule may name another.
struct RuleGroup {
  std::string_view id;    // sections, tables, arithmetic, formulations, dates
  std::string_view name;  // Chinese
};
const std::vector<RuleGroup>& ruleGroups();

class RulePack;
namespace detail {
class TableCache;
class BlockPrefilter;
}  // namespace detail

struct EvalContext {
  const Document& doc;
  const RulePack& pack;
  detail::TableCache* tables = nullptr;  // the document's tables bound to templates
  // Which text patterns can match in which block (one RE2::Set scan per block);
  // null = no prefilter, every pattern runs.
  detail::BlockPrefilter* prefilter = nullptr;

  // False only when `re` (one of the rule's textPatterns) certainly does not
  // match in doc.blocks[block].norm.text.
  bool mayMatch(const re2::RE2& re, size_t block) const;
};

using Vars = std::vector<std::pair<std::string, std::string>>;

class Findings {
 public:
  // Reports one finding: `vars` fill the message placeholders, `key` is the
  // content that identifies this finding for its fingerprint (never a line number).
  void emit(const RuleInfo& rule, Span span, const Vars& vars, std::string key,
            std::map<std::string, std::string> properties = {});
  std::vector<Finding>& items() { return items_; }
  // Keeps at most `cap` findings per rule (rules emit in document order, so
  // these are its first ones); the rest are only counted.
  void setCapPerRule(size_t cap) { cap_ = cap; }
  size_t dropped() const { return dropped_; }

 private:
  std::vector<Finding> items_;
  std::map<std::string, size_t> per_rule_;
  size_t cap_ = static_cast<size_t>(-1);
  size_t dropped_ = 0;
};

// Fills {name} placeholders; "{{" and "}}" are literal braces.
std::string formatMessage(const std::string& tmpl, const Vars& vars);

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }
  virtual void evaluate(const EvalContext& ctx, Findings& out) const = 0;
  // The regexes the rule runs over whole block texts: they join the set that
  // tells, block by block, which can match at all (EvalContext::mayMatch).
  virtual void textPatterns(std::vector<const re2::RE2*>& out) const { (void)out; }

 private:
  RuleInfo info_;
};

}  // namespace nianbao
