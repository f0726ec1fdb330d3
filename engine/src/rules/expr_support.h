// Internal: expressions in rule files — load-time checks and the shared host.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "expr/expr.h"
#include "rules/rule_kinds.h"
#include "tables/table_host.h"

namespace nianbao::detail {

// Parses the expression in `node` (a YAML scalar), checks that every free
// name is a table, 正文 or one of `vars`, and dry-runs it on an empty document
// with each var bound to `samples` (so unknown row or column ids are load
// errors). Errors point into the expression: file:line:col. nullptr on error.
std::shared_ptr<const Expr> loadExpr(KindContext& ctx, const YAML::Node& node, const std::string& text,
                                     const std::vector<std::string>& vars = {},
                                     const std::vector<Value>& samples = {});

// Distinct, nonzero sample numbers for a dry run (so a - b is never 0 by accident).
std::vector<Value> sampleValues(size_t n);

// Evaluates, turning an arithmetic failure on the report's own figures (a zero
// divisor) into "not judged": a loaded rule never fails a run.
std::optional<Value> tryEvaluate(const Expr& e, Host& host, double tolerance = 0, const Node* node = nullptr);

// Looks a template up in the pack being loaded or an earlier one.
TableHost::Lookup loadTimeLookup(const KindContext& ctx);

// The host a rule evaluates in: the document's tables, bound to the run's templates.
TableHost evalHost(const EvalContext& ctx, TableHost::Naming naming = TableHost::Naming::kFull);

}  // namespace nianbao::detail
