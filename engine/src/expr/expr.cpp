// The rule expression language: a lexer, a recursive-descent parser producing
// a Node tree, and an evaluator that asks a Host for everything it does not
// know. Grammar and semantics are described in expr.h.
//
// Hostile input is bounded: the text is at most kMaxLength bytes and nesting
// (parentheses, arguments, prefix operators, postfix chains) at most kMaxDepth,
// so neither the parser nor the evaluator can recurse without bound. Chains of
// the same operator (a+b+c+…) are flat nodes, evaluated in a loop.
#include "expr/expr.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>
#include <utility>

#include "nianbao/text.h"

namespace nianbao::detail {

struct Node {
  enum class Kind {
    kNumber,   // number: the value; text: as written
    kString,   // text: the decoded string
    kName,     // text: the name
    kBuiltin,  // text: function name; kids: arguments
    kMethod,   // text: method name; kids[0]: object, then arguments
    kIndex,    // kids[0]: object, then arguments
    kNeg,      // kids[0]
    kNot,      // text: "!" or "not"; kids[0]
    kArith,    // ops[i] joins kids[i] and kids[i+1]; all + - or all * /
    kLogic,    // ops all && or all ||
    kCompare,  // ops[0]; kids[0], kids[1]
  };
  enum class Op { kAdd, kSub, kMul, kDiv, kAnd, kOr, kEq, kNe, kLt, kLe, kGt, kGe };
  struct OpAt {
    Op op;
    uint32_t offset;
    std::string spelling;  // as written: "&&" or "and"
  };

  Kind kind = Kind::kNumber;
  uint32_t begin = 0;  // source bytes of the node, for labels of last resort
  uint32_t end = 0;
  uint32_t offset = 0;  // the token errors point at
  std::string text;
  double number = 0;
  std::vector<OpAt> ops;
  std::vector<std::unique_ptr<Node>> kids;
};

namespace {

constexpr size_t kMaxLength = 4096;
constexpr int kMaxDepth = 64;

using Kind = Node::Kind;
using Op = Node::Op;

// Precedence of a label, for deciding where parentheses are needed.
enum Prec { kPrecOr = 1, kPrecAnd, kPrecNot, kPrecCmp, kPrecSum, kPrecProd, kPrecNeg, kPrecAtom };

constexpr const char* kBuiltins[] = {"sum", "count", "abs", "min", "max", "round"};

bool isBuiltin(std::string_view name) {
  return std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins);
}

// "第5个字符" — columns in code points, as an editor counts them.
std::string column(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return "第" + std::to_string(codePointCount(text.substr(0, offset)) + 1) + "个字符";
}

std::string where(std::string_view text, size_t offset) { return "表达式" + column(text, offset) + "处："; }

[[noreturn]] void fail(std::string_view text, size_t offset, const std::string& message) {
  throw ExprError(where(text, offset) + message, offset);
}

// At most `limit` code points of `s`, with an ellipsis when cut.
std::string clip(std::string_view s, size_t limit = 20) {
  size_t i = 0;
  for (size_t n = 0; i < s.size() && n < limit; ++n) decodeUtf8(s, i);
  return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

// ---------------------------------------------------------------------------
// Lexer

struct Token {
  enum class Kind { kEnd, kNumber, kString, kName, kPunct };
  Kind kind = Kind::kEnd;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;  // kString: decoded; kName, kPunct: as written
  double number = 0;
};

bool isNameStart(char32_t c) { return c == '_' || u_isUAlphabetic(static_cast<UChar32>(c)); }
bool isNameContinue(char32_t c) { return isNameStart(c) || u_isdigit(static_cast<UChar32>(c)); }

// Full-width punctuation typed by an input method in place of ASCII.
bool isFullWidthPunct(char32_t c) {
  return (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF5E) || (c >= 0x2018 && c <= 0x201D) || (c >= 0x3001 && c <= 0x3002);
}

std::vector<Token> lex(std::string_view src) {
  std::vector<Token> out;
  size_t i = 0;
  while (true) {
    // Skip white space of any script (U+3000 too).
    while (i < src.size()) {
      size_t j = i;
      char32_t c = decodeUtf8(src, j);
      if (!u_isUWhiteSpace(static_cast<UChar32>(c))) break;
      i = j;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (i >= src.size()) {
      t.end = t.begin;
      out.push_back(std::move(t));
      return out;
    }
    char ch = src[i];
    if (ch >= '0' && ch <= '9') {
      size_t j = i;
      while (j < src.size() && src[j] >= '0' && src[j] <= '9') ++j;
      // "1.x" stays a number and a method call; only "1.5" has a fraction.
      if (j + 1 < src.size() && src[j] == '.' && src[j + 1] >= '0' && src[j + 1] <= '9') {
        ++j;
        while (j < src.size() && src[j] >= '0' && src[j] <= '9') ++j;
      }
      t.kind = Token::Kind::kNumber;
      t.text = std::string(src.substr(i, j - i));
      // from_chars, unlike strtod, ignores the locale's decimal point.
      if (std::from_chars(src.data() + i, src.data() + j, t.number).ec != std::errc()) {
        fail(src, i, "数“" + clip(t.text) + "”超出范围");
      }
      i = j;
    } else if (ch == '"' || ch == '\'') {
      size_t j = i + 1;
      bool closed = false;
      while (j < src.size()) {
        if (src[j] == '\\' && j + 1 < src.size() &&
            (src[j + 1] == '"' || src[j + 1] == '\'' || src[j + 1] == '\\')) {
          t.text += src[j + 1];
          j += 2;
        } else if (src[j] == ch) {
          ++j;
          closed = true;
          break;
        } else {
          t.text += src[j++];
        }
      }
      if (!closed) fail(src, i, std::string("字符串缺少结束引号“") + ch + "”");
      t.kind = Token::Kind::kString;
      i = j;
    } else {
      size_t j = i;
      char32_t c = decodeUtf8(src, j);
      if (isNameStart(c)) {
        while (j < src.size()) {
          size_t k = j;
          if (!isNameContinue(decodeUtf8(src, k))) break;
          j = k;
        }
        t.kind = Token::Kind::kName;
        t.text = std::string(src.substr(i, j - i));
        i = j;
      } else {
        std::string_view two = src.substr(i, 2);
        if (two == "==" || two == "!=" || two == "<=" || two == ">=" || two == "&&" || two == "||") {
          t.text = std::string(two);
        } else if (std::string_view("()[],.+-*/<>!").find(ch) != std::string_view::npos) {
          t.text = std::string(1, ch);
        } else if (ch == '=') {
          fail(src, i, "单个“=”不是运算符，比较相等请用“==”");
        } else if (ch == '&') {
          fail(src, i, "单个“&”不是运算符，“并且”请用“&&”");
        } else if (ch == '|') {
          fail(src, i, "单个“|”不是运算符，“或者”请用“||”");
        } else {
          std::string shown(src.substr(i, j - i));
          if (c == 0xFFFD) shown = "\\x" + std::to_string(static_cast<unsigned char>(ch));
          fail(src, i,
               "无法识别的字符“" + shown + "”" +
                   (isFullWidthPunct(c) ? "（运算符、括号、逗号和引号请用半角符号）" : ""));
        }
        t.kind = Token::Kind::kPunct;
        i += t.text.size();
      }
    }
    t.end = static_cast<uint32_t>(i);
    out.push_back(std::move(t));
  }
}

// ---------------------------------------------------------------------------
// Parser

class Parser {
 public:
  explicit Parser(std::string_view src) : src_(src) {}

  std::unique_ptr<Node> parse() {
    if (src_.size() > kMaxLength) {
      throw ExprError(
          "表达式过长（" + std::to_string(src_.size()) + "字节，上限" + std::to_string(kMaxLength) + "字节）",
          0);
    }
    toks_ = lex(src_);
    if (peek().kind == Token::Kind::kEnd) throw ExprError("表达式为空", 0);
    auto root = parseOr();
    if (peek().kind != Token::Kind::kEnd) {
      const Token& t = peek();
      if (compareOp(t)) fail(src_, t.begin, "比较不能连用（如 a == b == c），请用“&&”连接两个比较");
      if (isPunct(t, ")")) fail(src_, t.begin, "多余的“)”，前面没有与它配对的“(”");
      expected("运算符或表达式结束");
    }
    return root;
  }

 private:
  // Counts one level of nesting for as long as it lives.
  class Nest {
   public:
    Nest(Parser& p, uint32_t offset) : p_(p) {
      if (++p_.depth_ > kMaxDepth) {
        fail(p_.src_, offset, "嵌套过深（超过" + std::to_string(kMaxDepth) + "层括号、参数或前缀运算符）");
      }
    }
    ~Nest() { --p_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Parser& p_;
  };

  const Token& peek() const { return toks_[pos_]; }
  Token next() {
    Token t = toks_[pos_];
    if (pos_ + 1 < toks_.size()) ++pos_;
    return t;
  }
  static bool isPunct(const Token& t, std::string_view s) {
    return t.kind == Token::Kind::kPunct && t.text == s;
  }
  static bool isWord(const Token& t, std::string_view s) {
    return t.kind == Token::Kind::kName && t.text == s;
  }
  static bool isKeyword(const Token& t) { return isWord(t, "and") || isWord(t, "or") || isWord(t, "not"); }

  static std::optional<Op> compareOp(const Token& t) {
    if (t.kind != Token::Kind::kPunct) return std::nullopt;
    if (t.text == "==") return Op::kEq;
    if (t.text == "!=") return Op::kNe;
    if (t.text == "<") return Op::kLt;
    if (t.text == "<=") return Op::kLe;
    if (t.text == ">") return Op::kGt;
    if (t.text == ">=") return Op::kGe;
    return std::nullopt;
  }

  std::string found(const Token& t) const {
    if (t.kind == Token::Kind::kEnd) return "表达式却已结束";
    return "却是“" + clip(src_.substr(t.begin, t.end - t.begin)) + "”";
  }
  [[noreturn]] void expected(const std::string& what) const {
    fail(src_, peek().begin, "期望" + what + "，" + found(peek()));
  }

  std::unique_ptr<Node> make(Kind kind, const Token& t) const {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->begin = t.begin;
    n->end = t.end;
    n->offset = t.begin;
    return n;
  }

  // One operand, or a flat chain of operands joined by operators of one level.
  template <class OpOf, class Sub>
  std::unique_ptr<Node> chain(Kind kind, OpOf opOf, Sub sub) {
    auto first = sub();
    if (!opOf(peek())) return first;
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->begin = first->begin;
    n->offset = peek().begin;
    n->kids.push_back(std::move(first));
    while (auto op = opOf(peek())) {
      Token t = next();
      n->ops.push_back({*op, t.begin, t.text});
      n->kids.push_back(sub());
    }
    n->end = n->kids.back()->end;
    return n;
  }

  std::unique_ptr<Node> parseOr() {
    return chain(
        Kind::kLogic,
        [](const Token& t) -> std::optional<Op> {
          if (isPunct(t, "||") || isWord(t, "or")) return Op::kOr;
          return std::nullopt;
        },
        [this] { return parseAnd(); });
  }

  std::unique_ptr<Node> parseAnd() {
    return chain(
        Kind::kLogic,
        [](const Token& t) -> std::optional<Op> {
          if (isPunct(t, "&&") || isWord(t, "and")) return Op::kAnd;
          return std::nullopt;
        },
        [this] { return parseNot(); });
  }

  std::unique_ptr<Node> parseNot() {
    if (!isPunct(peek(), "!") && !isWord(peek(), "not")) return parseCmp();
    Token t = next();
    Nest nest(*this, t.begin);
    auto n = make(Kind::kNot, t);
    n->text = t.text;
    n->kids.push_back(parseNot());
    n->end = n->kids[0]->end;
    return n;
  }

  std::unique_ptr<Node> parseCmp() {
    auto left = parseSum();
    auto op = compareOp(peek());
    if (!op) return left;
    Token t = next();
    auto n = make(Kind::kCompare, t);
    n->begin = left->begin;
    n->ops.push_back({*op, t.begin, t.text});
    n->kids.push_back(std::move(left));
    n->kids.push_back(parseSum());
    n->end = n->kids[1]->end;
    return n;
  }

  std::unique_ptr<Node> parseSum() {
    return chain(
        Kind::kArith,
        [](const Token& t) -> std::optional<Op> {
          if (isPunct(t, "+")) return Op::kAdd;
          if (isPunct(t, "-")) return Op::kSub;
          return std::nullopt;
        },
        [this] { return parseProd(); });
  }

  std::unique_ptr<Node> parseProd() {
    return chain(
        Kind::kArith,
        [](const Token& t) -> std::optional<Op> {
          if (isPunct(t, "*")) return Op::kMul;
          if (isPunct(t, "/")) return Op::kDiv;
          return std::nullopt;
        },
        [this] { return parseUnary(); });
  }

  std::unique_ptr<Node> parseUnary() {
    if (!isPunct(peek(), "-")) return parsePostfix();
    Token t = next();
    Nest nest(*this, t.begin);
    auto n = make(Kind::kNeg, t);
    n->kids.push_back(parseUnary());
    n->end = n->kids[0]->end;
    return n;
  }

  std::unique_ptr<Node> parsePostfix() {
    auto obj = parsePrimary();
    // Each postfix operation deepens the tree, so it counts as nesting.
    std::vector<std::unique_ptr<Nest>> nests;
    while (isPunct(peek(), ".") || isPunct(peek(), "[")) {
      Token t = next();
      nests.push_back(std::make_unique<Nest>(*this, t.begin));
      std::unique_ptr<Node> n;
      if (t.text == ".") {
        if (peek().kind != Token::Kind::kName) expected("“.”后的方法名");
        Token name = next();
        n = make(Kind::kMethod, name);
        n->text = name.text;
        if (!isPunct(peek(), "(")) expected("“(”（方法调用要加括号，如 .row(\"一\")）");
        Token open = next();
        n->kids.push_back(std::move(obj));
        parseArgs(*n, open, ")", true);
      } else {
        n = make(Kind::kIndex, t);
        n->kids.push_back(std::move(obj));
        parseArgs(*n, t, "]", false);
      }
      n->begin = n->kids[0]->begin;
      obj = std::move(n);
    }
    return obj;
  }

  // Arguments after `open` up to `close`, appended to n.kids; sets n.end.
  void parseArgs(Node& n, const Token& open, std::string_view close, bool allowEmpty) {
    Nest nest(*this, open.begin);
    if (allowEmpty && isPunct(peek(), close)) {
      n.end = next().end;
      return;
    }
    std::string closer = "“" + std::string(close) + "”";
    while (true) {
      n.kids.push_back(parseOr());
      if (isPunct(peek(), ",")) {
        next();
        continue;
      }
      if (isPunct(peek(), close)) {
        n.end = next().end;
        return;
      }
      expected("“,”或" + closer + "（与" + column(src_, open.begin) + "处的“" + open.text + "”配对）");
    }
  }

  std::unique_ptr<Node> parsePrimary() {
    const Token& t = peek();
    switch (t.kind) {
      case Token::Kind::kNumber: {
        auto n = make(Kind::kNumber, t);
        n->text = t.text;
        n->number = t.number;
        next();
        return n;
      }
      case Token::Kind::kString: {
        auto n = make(Kind::kString, t);
        n->text = t.text;
        next();
        return n;
      }
      case Token::Kind::kName: {
        if (isKeyword(t)) break;
        Token name = next();
        if (!isPunct(peek(), "(")) {
          auto n = make(Kind::kName, name);
          n->text = name.text;
          return n;
        }
        if (!isBuiltin(name.text)) {
          fail(src_, name.begin,
               "未知函数“" + clip(name.text) + "”（可用的函数：sum、count、abs、min、max、round）");
        }
        auto n = make(Kind::kBuiltin, name);
        n->text = name.text;
        Token open = next();
        parseArgs(*n, open, ")", true);
        checkArity(*n);
        return n;
      }
      case Token::Kind::kPunct: {
        if (t.text != "(") break;
        Token open = next();
        Nest nest(*this, open.begin);
        auto n = parseOr();
        if (!isPunct(peek(), ")")) {
          expected("“)”（与" + column(src_, open.begin) + "处的“(”配对）");
        }
        next();
        return n;
      }
      case Token::Kind::kEnd:
        break;
    }
    expected("数、字符串、名称或“(”");
  }

  void checkArity(const Node& n) const {
    size_t count = n.kids.size();
    size_t lo = 1, hi = 1;
    if (n.text == "sum" || n.text == "min" || n.text == "max") hi = SIZE_MAX;
    if (n.text == "round") hi = 2;
    if (count >= lo && count <= hi) return;
    std::string want = hi == SIZE_MAX ? "至少1个参数"
                       : lo == hi     ? std::to_string(lo) + "个参数"
                                      : std::to_string(lo) + "到" + std::to_string(hi) + "个参数";
    fail(src_, n.offset, "函数“" + n.text + "”需要" + want + "，却有" + std::to_string(count) + "个");
  }

  std::string_view src_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
};

// ---------------------------------------------------------------------------
// Evaluator

void addRefs(std::vector<Ref>& into, const std::vector<Ref>& from) {
  for (const Ref& r : from) {
    if (std::find(into.begin(), into.end(), r) == into.end()) into.push_back(r);
  }
}

// Adds v's refs and, when missing, its blanks to `acc`.
void absorb(Value& acc, const Value& v) {
  addRefs(acc.refs, v.refs);
  addRefs(acc.missing_refs, v.missing_refs);
}

// "数396", "字符串“是”": what a value is, for type errors.
std::string describe(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kMissing:
      return "空白";
    case Value::Kind::kNumber:
      return "数" + v.show();
    case Value::Kind::kBool:
      return "逻辑值“" + v.show() + "”";
    case Value::Kind::kString:
      return "字符串“" + clip(v.string) + "”";
    case Value::Kind::kList:
      return "列表（" + std::to_string(v.list.size()) + "项）";
    case Value::Kind::kObject:
      return "对象“" + clip(v.label.empty() ? v.string : v.label) + "”";
  }
  return "";
}

const char* opName(Op op) {
  switch (op) {
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    default:
      return "";
  }
}

// Equal within the tolerance, plus a hair for binary floating point (0.1+0.2).
bool nearlyEqual(double a, double b, double tolerance) {
  double slack = 1e-10 * std::max({1.0, std::fabs(a), std::fabs(b)});
  return std::fabs(a - b) <= tolerance + slack;
}

// Half away from zero at `digits` decimals, as 四舍五入 means, robust against
// 2.675 being stored as 2.67499999….
double roundHalfAway(double x, int digits) {
  double p = std::pow(10.0, digits);
  double s = x * p;
  double f = std::floor(s);
  double r =
      std::fabs(s - f - 0.5) < 1e-9 * std::max(1.0, std::fabs(s)) ? (s >= 0 ? f + 1 : f) : std::round(s);
  return r / p;
}

// Static precedence of a node's label, for operands that were not evaluated.
int staticPrec(const Node& n) {
  switch (n.kind) {
    case Kind::kNeg:
      return kPrecNeg;
    case Kind::kNot:
      return kPrecNot;
    case Kind::kCompare:
      return kPrecCmp;
    case Kind::kArith:
      return n.ops[0].op == Op::kAdd || n.ops[0].op == Op::kSub ? kPrecSum : kPrecProd;
    case Kind::kLogic:
      return n.ops[0].op == Op::kAnd ? kPrecAnd : kPrecOr;
    default:
      return kPrecAtom;
  }
}

std::string paren(const std::string& s, bool need) { return need ? "(" + s + ")" : s; }

class Evaluator {
 public:
  Evaluator(std::string_view text, Host& host, double tolerance)
      : text_(text), host_(host), tolerance_(std::isnan(tolerance) ? 0 : std::max(0.0, tolerance)) {}

  struct Out {
    Value v;
    int prec = kPrecAtom;
  };

  Out eval(const Node& n) {
    switch (n.kind) {
      case Kind::kNumber:
        return {Value::num(n.number, n.text)};
      case Kind::kString: {
        Value v = Value::str(n.text);
        v.label = slice(n);
        return {std::move(v)};
      }
      case Kind::kName:
        return {evalName(n)};
      case Kind::kMethod:
      case Kind::kIndex:
        return {evalCall(n)};
      case Kind::kBuiltin:
        return evalBuiltin(n);
      case Kind::kNeg:
        return {evalNeg(n), kPrecNeg};
      case Kind::kNot:
        return {evalNot(n), kPrecNot};
      case Kind::kArith:
        return {evalArith(n), staticPrec(n)};
      case Kind::kLogic:
        return {evalLogic(n), staticPrec(n)};
      case Kind::kCompare:
        return {evalCompare(n), kPrecCmp};
    }
    return {};
  }

 private:
  std::string slice(const Node& n) const { return std::string(text_.substr(n.begin, n.end - n.begin)); }

  Value evalName(const Node& n) {
    std::optional<Value> v;
    try {
      v = host_.name(n.text);
    } catch (const ExprError& e) {
      fail(text_, n.offset, e.what());  // host errors carry no offset; they get the node's
    }
    if (!v) fail(text_, n.offset, "未知名称“" + clip(n.text) + "”");
    // An unlabelled list stays so: sum() then names its elements instead.
    if (v->label.empty() && v->kind != Value::Kind::kList) v->label = n.text;
    return std::move(*v);
  }

  Value evalCall(const Node& n) {
    Value obj = eval(*n.kids[0]).v;
    std::vector<Value> args;
    bool missing = obj.isMissing();
    Value blank = Value::missing();
    absorb(blank, obj);
    for (size_t i = 1; i < n.kids.size(); ++i) {
      args.push_back(eval(*n.kids[i]).v);
      if (args.back().isMissing()) missing = true;
      absorb(blank, args.back());
    }
    // The host cannot look anything up in a blank: the blank propagates.
    if (missing) {
      blank.label = slice(n);
      return blank;
    }
    std::string_view method = n.kind == Kind::kIndex ? std::string_view("[]") : std::string_view(n.text);
    Value v;
    try {
      v = host_.call(obj, method, args);
    } catch (const ExprError& e) {
      fail(text_, n.offset, e.what());
    }
    if (v.label.empty() && v.kind != Value::Kind::kList) v.label = slice(n);
    return v;
  }

  Value evalNeg(const Node& n) {
    Out k = eval(*n.kids[0]);
    std::string label = "-" + paren(k.v.label, k.prec <= kPrecNeg);
    if (k.v.isMissing()) return withLabel(std::move(k.v), label);
    if (k.v.kind != Value::Kind::kNumber) fail(text_, n.offset, "负号“-”只能用于数，却用于" + describe(k.v));
    Value v = Value::num(k.v.number == 0 ? 0 : -k.v.number, label);
    v.refs = k.v.refs;
    return v;
  }

  Value evalNot(const Node& n) {
    Out k = eval(*n.kids[0]);
    std::string label = n.text + (n.text == "not" ? " " : "") + paren(k.v.label, k.prec <= kPrecCmp);
    if (k.v.isMissing()) return withLabel(std::move(k.v), label);
    if (k.v.kind != Value::Kind::kBool) {
      fail(text_, n.offset, "“" + n.text + "”只能用于条件（真或假），却用于" + describe(k.v));
    }
    Value v = Value::boolean_(!k.v.boolean);
    v.refs = k.v.refs;
    v.label = label;
    return v;
  }

  static Value withLabel(Value v, std::string label) {
    v.label = std::move(label);
    return v;
  }

  Value evalArith(const Node& n) {
    int prec = staticPrec(n);
    Value acc;
    for (size_t i = 0; i < n.kids.size(); ++i) {
      Out k = eval(*n.kids[i]);
      const Node::OpAt& at = n.ops[i == 0 ? 0 : i - 1];
      if (k.v.kind != Value::Kind::kNumber && !k.v.isMissing()) {
        fail(text_, at.offset,
             "“" + at.spelling + "”的两边必须是数，" + (i == 0 ? "左边" : "右边") + "却是" + describe(k.v));
      }
      if (i == 0) {
        acc = k.v;
        acc.label = paren(k.v.label, k.prec < prec);
        continue;
      }
      bool need =
          k.prec < prec || k.prec == kPrecNeg || (k.prec == prec && (at.op == Op::kSub || at.op == Op::kDiv));
      std::string label = acc.label + opName(at.op) + paren(k.v.label, need);
      if (acc.isMissing() || k.v.isMissing()) {
        Value m = Value::missing(acc.missing_refs, label);
        m.refs = acc.refs;
        absorb(m, k.v);
        acc = std::move(m);
        continue;
      }
      double a = acc.number, b = k.v.number, r = 0;
      switch (at.op) {
        case Op::kAdd:
          r = a + b;
          break;
        case Op::kSub:
          r = a - b;
          break;
        case Op::kMul:
          r = a * b;
          break;
        case Op::kDiv:
          if (b == 0) fail(text_, at.offset, "除数为零（“" + clip(k.v.label, 40) + "”的值为0）");
          r = a / b;
          break;
        default:
          break;
      }
      acc.number = r;
      acc.label = std::move(label);
      addRefs(acc.refs, k.v.refs);
    }
    return acc;
  }

  Value evalLogic(const Node& n) {
    bool isAnd = n.ops[0].op == Op::kAnd;
    int prec = staticPrec(n);
    std::string label;
    std::vector<Ref> refs, blanks;
    bool decided = false, sawMissing = false;
    for (size_t i = 0; i < n.kids.size(); ++i) {
      const Node::OpAt& at = n.ops[i == 0 ? 0 : i - 1];
      if (i > 0) label += " " + at.spelling + " ";
      if (decided) {
        // Short-circuit: the rest is not evaluated (it may divide by zero).
        label += paren(slice(*n.kids[i]), staticPrec(*n.kids[i]) <= prec);
        continue;
      }
      Out k = eval(*n.kids[i]);
      label += paren(k.v.label, k.prec <= prec);
      if (k.v.kind != Value::Kind::kBool && !k.v.isMissing()) {
        fail(text_, at.offset, "“" + at.spelling + "”的两边必须是条件（真或假），却有" + describe(k.v));
      }
      addRefs(refs, k.v.refs);
      if (k.v.isMissing()) {
        sawMissing = true;
        addRefs(blanks, k.v.missing_refs);
      } else if (k.v.boolean != isAnd) {
        decided = true;  // false for &&, true for ||
      }
    }
    Value v = decided || !sawMissing ? Value::boolean_(decided ? !isAnd : isAnd) : Value::missing(blanks);
    v.refs = std::move(refs);
    v.label = std::move(label);
    return v;
  }

  Value evalCompare(const Node& n) {
    Out l = eval(*n.kids[0]);
    Out r = eval(*n.kids[1]);
    const Node::OpAt& at = n.ops[0];
    std::string label =
        paren(l.v.label, l.prec <= kPrecCmp) + " " + at.spelling + " " + paren(r.v.label, r.prec <= kPrecCmp);
    bool equality = at.op == Op::kEq || at.op == Op::kNe;
    for (const Value* v : {&l.v, &r.v}) {
      bool ok = v->kind == Value::Kind::kNumber || v->isMissing() ||
                (equality && (v->kind == Value::Kind::kString || v->kind == Value::Kind::kBool));
      if (!ok) {
        fail(text_, at.offset,
             "“" + at.spelling + "”" + (equality ? "只能比较数、字符串或条件" : "只能比较数") + "，" +
                 (v == &l.v ? "左边" : "右边") + "却是" + describe(*v));
      }
    }
    Value out;
    if (l.v.isMissing() || r.v.isMissing()) {
      out = Value::missing();
    } else if (l.v.kind != r.v.kind) {
      fail(text_, at.offset, "“" + at.spelling + "”两边的类型不同：" + describe(l.v) + "与" + describe(r.v));
    } else {
      bool eq = false;
      if (l.v.kind == Value::Kind::kNumber) {
        eq = nearlyEqual(l.v.number, r.v.number, tolerance_);
      } else if (l.v.kind == Value::Kind::kString) {
        eq = l.v.string == r.v.string;
      } else {
        eq = l.v.boolean == r.v.boolean;
      }
      double a = l.v.number, b = r.v.number;
      // Order comparisons are exact: only floating-point noise counts as equal.
      bool nearly = nearlyEqual(a, b, 0);
      bool result = false;
      switch (at.op) {
        case Op::kEq:
          result = eq;
          break;
        case Op::kNe:
          result = !eq;
          break;
        case Op::kLt:
          result = a < b && !nearly;
          break;
        case Op::kLe:
          result = a < b || nearly;
          break;
        case Op::kGt:
          result = a > b && !nearly;
          break;
        case Op::kGe:
          result = a > b || nearly;
          break;
        default:
          break;
      }
      out = Value::boolean_(result);
    }
    absorb(out, l.v);
    absorb(out, r.v);
    out.label = std::move(label);
    return out;
  }

  // Appends the numbers of v (flattening lists) to `items`; throws for others.
  void flatten(const Node& n, const Value& v, std::vector<const Value*>& items, int depth = 0) {
    if (v.kind == Value::Kind::kList) {
      if (depth > kMaxDepth) fail(text_, n.offset, "列表嵌套过深");
      for (const Value& e : v.list) flatten(n, e, items, depth + 1);
      return;
    }
    if (v.kind != Value::Kind::kNumber && !v.isMissing()) {
      fail(text_, n.offset, "函数“" + n.text + "”的参数必须是数或数的列表，却有" + describe(v));
    }
    items.push_back(&v);
  }

  static std::string joinParts(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
  }

  Out evalBuiltin(const Node& n) {
    std::vector<Out> args;
    for (const auto& k : n.kids) args.push_back(eval(*k));
    const std::string& f = n.text;

    if (f == "sum" || f == "min" || f == "max") {
      std::vector<const Value*> items;
      std::vector<std::string> parts;  // for the label
      int singlePrec = kPrecAtom;      // of the label when there is one part
      Value acc = Value::missing();
      for (const Out& a : args) {
        size_t first = items.size();
        flatten(n, a.v, items, 0);
        absorb(acc, a.v);
        if (a.v.kind == Value::Kind::kList && !a.v.label.empty()) {
          parts.push_back((f == "sum" ? "Σ" : "") + a.v.label);
        } else if (a.v.kind == Value::Kind::kList) {
          for (size_t i = first; i < items.size(); ++i) {
            parts.push_back(items[i]->label.empty() ? items[i]->show() : items[i]->label);
          }
        } else {
          parts.push_back(paren(a.v.label, f == "sum" && a.prec < kPrecSum));
          singlePrec = a.prec;
        }
      }
      bool missing = false;
      double r = 0;
      bool seen = false;
      for (const Value* v : items) {
        absorb(acc, *v);  // every blank is listed, not just the first
        if (v->isMissing()) {
          missing = true;
          continue;
        }
        if (f == "sum") {
          r += v->number;
        } else if (!seen || (f == "min" ? v->number < r : v->number > r)) {
          r = v->number;
        }
        seen = true;
      }
      std::string label;
      int prec = kPrecAtom;
      if (f == "sum") {
        if (parts.empty()) {
          label = "0";
        } else if (parts.size() <= 4) {
          label = joinParts(parts, "+");
        } else {
          label = parts[0] + "+" + parts[1] + "+…+" + parts.back();
        }
        prec = parts.size() == 1 ? singlePrec : kPrecSum;
      } else {
        if (parts.size() > 4) parts = {parts[0], parts[1], "…", parts.back()};
        label = f + "(" + joinParts(parts, ", ") + ")";
        if (!missing && !seen) fail(text_, n.offset, "函数“" + f + "”没有可比较的数（列表为空）");
      }
      if (missing) {
        acc.label = label;
        return {std::move(acc), prec};
      }
      Value v = Value::num(r, label);
      v.refs = std::move(acc.refs);
      return {std::move(v), prec};
    }

    const Value& x = args[0].v;
    if (f == "count") {
      std::string label = "count(" + (x.label.empty() ? slice(*n.kids[0]) : x.label) + ")";
      if (x.isMissing()) return {withLabel(x, label)};
      if (x.kind != Value::Kind::kList)
        fail(text_, n.offset, "函数“count”的参数必须是列表，却是" + describe(x));
      Value v = Value::num(static_cast<double>(x.list.size()), label);
      v.refs = x.refs;
      return {std::move(v)};
    }

    // abs and round: numbers only.
    std::string label = f == "abs"
                            ? "|" + x.label + "|"
                            : "round(" + x.label + (args.size() > 1 ? ", " + args[1].v.label : "") + ")";
    for (const Out& a : args) {
      if (a.v.kind != Value::Kind::kNumber && !a.v.isMissing()) {
        fail(text_, n.offset, "函数“" + f + "”的参数必须是数，却是" + describe(a.v));
      }
    }
    Value acc = Value::missing();
    for (const Out& a : args) absorb(acc, a.v);
    bool missing = std::any_of(args.begin(), args.end(), [](const Out& a) { return a.v.isMissing(); });
    if (missing) {
      acc.label = label;
      return {std::move(acc)};
    }
    double r = 0;
    if (f == "abs") {
      r = std::fabs(x.number);
    } else {
      double d = args.size() > 1 ? args[1].v.number : 0;
      if (d != std::trunc(d) || d < -15 || d > 15) {
        fail(text_, n.offset, "函数“round”的位数必须是-15到15之间的整数，却是" + args[1].v.show());
      }
      r = roundHalfAway(x.number, static_cast<int>(d));
    }
    Value v = Value::num(r, label);
    v.refs = std::move(acc.refs);
    return {std::move(v)};
  }

  std::string_view text_;
  Host& host_;
  double tolerance_;
};

void collectNames(const Node& n, std::vector<std::string>& out) {
  if (n.kind == Kind::kName) out.push_back(n.text);
  for (const auto& k : n.kids) collectNames(*k, out);
}

}  // namespace

// ---------------------------------------------------------------------------
// Value

Value Value::missing(std::vector<Ref> blanks, std::string label) {
  Value v;
  v.kind = Kind::kMissing;
  v.missing_refs = std::move(blanks);
  v.label = std::move(label);
  return v;
}

Value Value::num(double x, std::string label) {
  Value v;
  v.kind = Kind::kNumber;
  v.number = x;
  v.label = std::move(label);
  return v;
}

Value Value::boolean_(bool b) {
  Value v;
  v.kind = Kind::kBool;
  v.boolean = b;
  return v;
}

Value Value::str(std::string s) {
  Value v;
  v.kind = Kind::kString;
  v.string = std::move(s);
  return v;
}

Value Value::object(std::string key, std::string label) {
  Value v;
  v.kind = Kind::kObject;
  v.string = std::move(key);
  v.label = std::move(label);
  return v;
}

std::string Value::show() const {
  switch (kind) {
    case Kind::kMissing:
      return "空白";
    case Kind::kBool:
      return boolean ? "真" : "假";
    case Kind::kString:
      return string;
    case Kind::kObject:
      return label.empty() ? string : label;
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < list.size(); ++i) {
        if (i == 10) {
          out += ", …";
          break;
        }
        out += (i ? ", " : "") + list[i].show();
      }
      return out + "]";
    }
    case Kind::kNumber:
      break;
  }
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number > 0 ? "∞" : "-∞";
  char buf[400];
  if (number == std::trunc(number) && std::fabs(number) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", number);
  } else {
    std::snprintf(buf, sizeof buf, "%.6f", number);
    std::string s(buf);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
  }
  std::string s(buf);
  return s == "-0" ? "0" : s;
}

// ---------------------------------------------------------------------------
// Expr

Expr::Expr() = default;
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

Value Expr::evaluate(Host& host, double tolerance) const {
  return evaluateNode(root_.get(), host, tolerance);
}

Value Expr::evaluateNode(const Node* n, Host& host, double tolerance) const {
  if (n == nullptr) throw ExprError("表达式为空", 0);
  return Evaluator(text_, host, tolerance).eval(*n).v;
}

std::vector<std::string> Expr::names() const {
  std::vector<std::string> out;
  if (root_) collectNames(*root_, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const Node* Expr::left() const {
  return root_ && root_->kind == Kind::kCompare ? root_->kids[0].get() : nullptr;
}

const Node* Expr::right() const {
  return root_ && root_->kind == Kind::kCompare ? root_->kids[1].get() : nullptr;
}

Expr parseExpr(std::string_view text) {
  Expr e;
  e.root_ = Parser(text).parse();
  e.text_ = std::string(text);
  return e;
}

}  // namespace nianbao::detail
