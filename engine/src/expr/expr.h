// Internal: the expression language of rules (table identities, prose claims).
//
// A small, safe, side-effect-free language. Grammar (lowest precedence first):
//   expr    := or
//   or      := and ( ("||" | "or") and )*
//   and     := not ( ("&&" | "and") not )*
//   not     := ("!" | "not") not | cmp
//   cmp     := sum ( ("==" | "!=" | "<" | "<=" | ">" | ">=") sum )?
//   sum     := prod ( ("+" | "-") prod )*
//   prod    := unary ( ("*" | "/") unary )*
//   unary   := "-" unary | postfix
//   postfix := primary ( "." name "(" args? ")" | "[" args "]" )*
//   primary := number | string | name | name "(" args? ")" | "(" expr ")"
//   args    := expr ( "," expr )*
// Numbers: 396, 54.3, 1,234 is NOT a number (commas separate arguments).
// Strings: "…" or '…' (no escapes needed for Chinese text; \" and \\ allowed).
// Names: letters of any script, digits (not first), '_' — 表三, total, c.
// Built-in functions: sum(list…), count(list), abs(x), min(a, b, …), max(…),
//   round(x, digits). Everything else (names, .method() calls, [index]) is
//   resolved by the Host: the language knows nothing about tables or text.
//
//   Expr e = parseExpr("表三.row(\"一\").col(c) + 表三.row(\"二\").col(c)");
//   Value v = e.evaluate(host);      // host resolves 表三, c, .row, .col
//
// Missing data is a value, not 0: a blank cell is Value::missing(), and any
// arithmetic on it is missing, with the blank cells listed in Value::missing_refs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/source.h"

namespace nianbao::detail {

// A place in the report that contributed to a value: a table cell, a number in
// prose. `label` is how a person names it ("表三/一、本年新收/自然人").
struct Ref {
  Span span;
  std::string label;
  friend bool operator==(const Ref&, const Ref&) = default;
};

struct Value {
  enum class Kind { kMissing, kNumber, kBool, kString, kList, kObject };
  Kind kind = Kind::kMissing;
  double number = 0;
  bool boolean = false;
  std::string string;             // kString; for kObject the host's own key
  std::vector<Value> list;        // kList
  std::vector<Ref> refs;          // where the value came from (all summands)
  std::vector<Ref> missing_refs;  // blank places that made it missing
  std::string label;              // how to show the expression, e.g. "一+二"

  static Value missing(std::vector<Ref> blanks = {}, std::string label = "");
  static Value num(double v, std::string label = "");
  static Value boolean_(bool b);
  static Value str(std::string s);
  static Value object(std::string key, std::string label = "");
  bool isMissing() const { return kind == Kind::kMissing; }
  // "396" or "54.3": no trailing zeros, at most 6 decimals.
  std::string show() const;
};

// Raised for parse and evaluation errors; `offset` is the byte offset in the
// expression text (so a rule loader can point to file:line:col).
class ExprError : public std::runtime_error {
 public:
  ExprError(std::string message, size_t offset) : std::runtime_error(message), offset_(offset) {}
  size_t offset() const { return offset_; }

 private:
  size_t offset_;
};

class Host {
 public:
  virtual ~Host() = default;
  // A free name (表三, c, total); nullopt if unknown (an evaluation error).
  virtual std::optional<Value> name(std::string_view name) = 0;
  // obj.method(args) and obj[args] ("[]" as method); throws ExprError (offset 0
  // is fine: the evaluator fixes offsets) when not applicable.
  virtual Value call(const Value& obj, std::string_view method, const std::vector<Value>& args) = 0;
};

struct Node;  // the parsed tree

class Expr {
 public:
  Expr();
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
  const std::string& text() const { return text_; }
  // Evaluates against the host. Comparisons of numbers are equal within
  // `tolerance` (absolute). Throws ExprError for type errors.
  Value evaluate(Host& host, double tolerance = 0) const;
  // Names used free in the expression (for load-time checks), sorted, unique.
  std::vector<std::string> names() const;
  // For `a == b` (or another comparison) at the top: the two sides, else nullptr.
  const Node* left() const;
  const Node* right() const;
  Value evaluateNode(const Node* n, Host& host, double tolerance = 0) const;

 private:
  friend Expr parseExpr(std::string_view text);
  std::string text_;
  std::unique_ptr<Node> root_;
};

// Throws ExprError with the offset of the problem.
Expr parseExpr(std::string_view text);

}  // namespace nianbao::detail
