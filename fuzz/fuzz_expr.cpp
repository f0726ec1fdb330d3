// libFuzzer target: the rule expression language. The input is parsed; an
// expression that parses is inspected (free names, the two sides of a
// comparison) and evaluated against the tables of an example report, with the
// names rules bind (c, r, a, b, total, ...) set. ExprError is the expected
// outcome of bad input.
#include <string_view>

#include "expr/expr.h"
#include "fuzz_support.h"
#include "tables/table_cache.h"
#include "tables/table_host.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  using namespace nianbao::detail;
  const RuleSet& rules = fuzz::builtinRules();
  const Document& doc = fuzz::exampleDocument("xg-2023-clean.md");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Expr expr;
  try {
    expr = parseExpr(text);
  } catch (const ExprError& e) {
    NIANBAO_FUZZ_CHECK(e.offset() <= text.size());
    return 0;
  }
  (void)expr.names();
  TableCache cache(doc, rules);
  TableHost host = TableHost::forRules(doc, rules, &cache);
  host.bind("c", Value::str("自然人"));
  host.bind("r", Value::str("一"));
  for (const char* n : {"a", "b", "p", "fy", "ss", "sum", "total", "n", "d", "med", "arb", "all"}) {
    host.bind(n, Value::num(7));
  }
  host.bind("z", Value::num(0));
  host.bind("m", Value::missing());
  for (double tolerance : {0.0, 0.5}) {
    try {
      (void)expr.evaluate(host, tolerance);
    } catch (const ExprError& e) {
      NIANBAO_FUZZ_CHECK(e.offset() <= text.size());
    }
    for (const Node* side : {expr.left(), expr.right()}) {
      if (!side) continue;
      try {
        (void)expr.evaluateNode(side, host, tolerance);
      } catch (const ExprError&) {
      }
    }
  }
  return 0;
}
