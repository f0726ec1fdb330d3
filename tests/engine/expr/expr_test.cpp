// The rule expression language against a fake host holding one small table.
#include "expr/expr.h"

#include <doctest/doctest.h>

#include <map>

using namespace nianbao;
using namespace nianbao::detail;

namespace {

// 表三 with rows 一 二 三 and columns 自然人 法人; 二/法人 and 三/自然人 are blank.
//   表三                   → object
//   表三.row("一")         → object (the row), also 表三["一"]
//   表三.row("一").col(c)  → number labelled "一", ref "表三/一/自然人"
//   表三.col("自然人")     → list of the column's cells, labelled "自然人"
//   c → "自然人", total → 396 (ref "总计"), nums → [1, 2, 3], many → [1..6]
class TableHost : public Host {
 public:
  std::optional<Value> name(std::string_view n) override {
    if (n == "表三") return Value::object("表三", "表三");
    if (n == "c") return Value::str("自然人");
    if (n == "total") {
      Value v = Value::num(396, "总计");
      v.refs = {Ref{Span{100, 103}, "表三/总计"}};
      return v;
    }
    if (n == "nums" || n == "many") {
      Value v;
      v.kind = Value::Kind::kList;
      for (int i = 1; i <= (n == "nums" ? 3 : 6); ++i) v.list.push_back(Value::num(i));
      return v;
    }
    if (n == "oops") throw ExprError("主机出错", 0);
    return std::nullopt;
  }

  Value call(const Value& obj, std::string_view method, const std::vector<Value>& args) override {
    if (obj.kind != Value::Kind::kObject) throw ExprError("不是表格", 0);
    bool isTable = obj.string == "表三";
    if (isTable && (method == "row" || method == "[]") && args.size() == 1 &&
        args[0].kind == Value::Kind::kString) {
      if (!kRows.count(args[0].string)) throw ExprError("表三没有行“" + args[0].string + "”", 0);
      return Value::object("表三/" + args[0].string, args[0].string);
    }
    if (isTable && method == "col" && args.size() == 1) {
      Value list;
      list.kind = Value::Kind::kList;
      list.label = args[0].string;
      for (const auto& r : {"一", "二", "三"}) list.list.push_back(cell(r, args[0].string));
      return list;
    }
    if (!isTable && method == "col" && args.size() == 1 && args[0].kind == Value::Kind::kString) {
      return cell(obj.string.substr(obj.string.find('/') + 1), args[0].string);
    }
    throw ExprError("表格没有方法“" + std::string(method) + "”", 0);
  }

  static Ref refOf(const std::string& row, const std::string& col) {
    uint32_t b = static_cast<uint32_t>(kRows.at(row) * 10 + (col == "自然人" ? 0 : 5));
    return Ref{Span{b, b + 3}, "表三/" + row + "/" + col};
  }

 private:
  static Value cell(const std::string& row, const std::string& col) {
    static const std::map<std::string, double> kValues = {
        {"一/自然人", 215}, {"一/法人", 30}, {"二/自然人", 181}, {"三/法人", 5}};
    auto it = kValues.find(row + "/" + col);
    if (it == kValues.end()) return Value::missing({refOf(row, col)}, row);
    Value v = Value::num(it->second, row);
    v.refs = {refOf(row, col)};
    return v;
  }

  static inline const std::map<std::string, int> kRows = {{"一", 1}, {"二", 2}, {"三", 3}};
};

Value eval(const std::string& text, double tolerance = 0) {
  TableHost host;
  return parseExpr(text).evaluate(host, tolerance);
}

double num(const std::string& text) {
  Value v = eval(text);
  REQUIRE(v.kind == Value::Kind::kNumber);
  return v.number;
}

bool truth(const std::string& text, double tolerance = 0) {
  Value v = eval(text, tolerance);
  REQUIRE(v.kind == Value::Kind::kBool);
  return v.boolean;
}

// The ExprError of parsing (or evaluating) `text`.
ExprError errorOf(const std::string& text) {
  try {
    eval(text);
  } catch (const ExprError& e) {
    return e;
  }
  FAIL("no error for: " << text);
  return ExprError("", 0);
}

std::vector<std::string> labels(const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (const Ref& r : refs) out.push_back(r.label);
  return out;
}

}  // namespace

TEST_CASE("expr: precedence and associativity") {
  CHECK(num("1+2*3") == 7);
  CHECK(num("(1+2)*3") == 9);
  CHECK(num("10-4-3") == 3);
  CHECK(num("100/10/5") == 2);
  CHECK(num("2*3-4/2") == 4);
  CHECK(num("10-(4-3)") == 9);
  CHECK(num("((((7))))") == 7);
  CHECK(truth("1+2 == 3"));
  // && binds tighter than ||, ! tighter than both but looser than ==.
  CHECK(truth("1 == 1 || 1 == 2 && 2 == 3"));
  CHECK_FALSE(truth("(1 == 1 || 1 == 2) && 2 == 3"));
  CHECK(truth("!1 == 2"));
  CHECK(truth("not 1 == 2 and 2 == 2 or 1 == 3"));
  CHECK(truth("!!(1 == 1)"));
}

TEST_CASE("expr: unary minus") {
  CHECK(num("-2*3") == -6);
  CHECK(num("- -3") == 3);
  CHECK(num("-(2+3)") == -5);
  CHECK(num("4--1") == 5);
  CHECK(num("-表三.row(\"一\").col(c)") == -215);
  CHECK(eval("-0").show() == "0");
}

TEST_CASE("expr: CJK names, methods and Chinese strings") {
  Value v = eval("表三.row(\"一\").col(\"自然人\")");
  CHECK(v.number == 215);
  CHECK(v.label == "一");
  CHECK(labels(v.refs) == std::vector<std::string>{"表三/一/自然人"});
  CHECK(num("表三['二'].col(c)") == 181);
  CHECK(truth("c == \"自然人\""));
  CHECK(truth("c != '法人'"));
  CHECK(truth("\"引号\\\"内\" == '引号\"内'"));
  CHECK(truth("　c　==　\"自然人\"　"));  // ideographic spaces are white space
  Value obj = eval("表三");
  CHECK(obj.kind == Value::Kind::kObject);
  CHECK(obj.show() == "表三");
}

TEST_CASE("expr: every operator") {
  CHECK(num("7+2") == 9);
  CHECK(num("7-2") == 5);
  CHECK(num("7*2") == 14);
  CHECK(num("7/2") == 3.5);
  CHECK(truth("2 == 2"));
  CHECK(truth("2 != 3"));
  CHECK(truth("2 < 3"));
  CHECK_FALSE(truth("3 < 3"));
  CHECK(truth("3 <= 3"));
  CHECK(truth("3 > 2"));
  CHECK_FALSE(truth("3 > 3"));
  CHECK(truth("3 >= 3"));
  CHECK_FALSE(truth("2 >= 3"));
  CHECK(truth("1 == 1 && 2 == 2"));
  CHECK(truth("1 == 1 and 2 == 2"));
  CHECK_FALSE(truth("1 == 1 && 2 == 3"));
  CHECK(truth("1 == 2 || 2 == 2"));
  CHECK(truth("1 == 2 or 2 == 2"));
  CHECK(truth("!(1 == 2)"));
  CHECK(truth("not (1 == 2)"));
  // Floating-point noise is equal even without tolerance.
  CHECK(truth("0.1 + 0.2 == 0.3"));
  CHECK(truth("0.1 + 0.2 <= 0.3"));
  CHECK_FALSE(truth("0.1 + 0.2 > 0.3"));
}

TEST_CASE("expr: numeric comparison within a tolerance") {
  // 215/396 = 54.2929…%, printed as 54.3 in the report.
  CHECK(truth("54.3 == 215/396*100", 0.05));
  CHECK(truth("54.3 == 215/396*100", 0.01));
  CHECK_FALSE(truth("54.3 == 215/396*100", 0.005));
  CHECK_FALSE(truth("54.3 == 215/396*100"));
  CHECK_FALSE(truth("54.3 != 215/396*100", 0.05));
  // Order comparisons ignore the tolerance.
  CHECK(truth("54.2 < 54.3", 0.5));
}

TEST_CASE("expr: a blank cell makes arithmetic missing, listing every blank") {
  Value v = eval("表三.row(\"一\").col(\"法人\") + 表三.row(\"二\").col(\"法人\")");
  CHECK(v.isMissing());
  CHECK(labels(v.missing_refs) == std::vector<std::string>{"表三/二/法人"});
  CHECK(labels(v.refs) == std::vector<std::string>{"表三/一/法人"});
  CHECK(v.label == "一+二");

  Value s = eval("sum(表三.col(\"自然人\"), 表三.col(\"法人\"))");
  CHECK(s.isMissing());
  CHECK(labels(s.missing_refs) == std::vector<std::string>{"表三/三/自然人", "表三/二/法人"});
  CHECK(labels(s.refs) ==
        std::vector<std::string>{"表三/一/自然人", "表三/二/自然人", "表三/一/法人", "表三/三/法人"});

  // Blanks on both sides of a chain are all collected.
  Value c = eval("表三.row(\"三\").col(c) * 2 + 表三.row(\"二\").col(\"法人\") - 1");
  CHECK(c.isMissing());
  CHECK(labels(c.missing_refs) == std::vector<std::string>{"表三/三/自然人", "表三/二/法人"});
  CHECK(c.label == "三*2+二-1");
}

TEST_CASE("expr: a comparison with a blank operand is missing, not false") {
  Value v = eval("表三.row(\"一\").col(\"法人\") + 表三.row(\"二\").col(\"法人\") == 30");
  CHECK(v.isMissing());
  CHECK(labels(v.missing_refs) == std::vector<std::string>{"表三/二/法人"});
  CHECK(v.label == "一+二 == 30");
  CHECK(eval("表三.row(\"三\").col(c) < 1").isMissing());
  CHECK(eval("-表三.row(\"三\").col(c)").isMissing());
  CHECK(eval("abs(表三.row(\"三\").col(c))").isMissing());
  // A blank object: the host is not asked.
  CHECK(eval("表三.row(\"三\").col(c).col(c)").isMissing());
}

TEST_CASE("expr: blanks in && || and !") {
  const std::string blank = "表三.row(\"三\").col(c) == 1";
  CHECK_FALSE(truth("1 == 2 && " + blank));
  CHECK_FALSE(truth(blank + " && 1 == 2"));
  CHECK(eval("1 == 1 && " + blank).isMissing());
  CHECK(truth("1 == 1 || " + blank));
  CHECK(truth(blank + " || 1 == 1"));
  CHECK(eval("1 == 2 || " + blank).isMissing());
  CHECK(eval("!(" + blank + ")").isMissing());
  // Short-circuit: the right side is not evaluated.
  CHECK_FALSE(truth("1 == 2 && 1/0 == 1"));
}

TEST_CASE("expr: labels read like the report") {
  CHECK(eval("表三.row(\"一\").col(c) + 表三.row(\"二\").col(c)").label == "一+二");
  CHECK(eval("(表三.row(\"一\").col(c) + 表三.row(\"二\").col(c)) * 2").label == "(一+二)*2");
  CHECK(eval("表三.row(\"一\").col(c) - (表三.row(\"二\").col(c) + 1)").label == "一-(二+1)");
  CHECK(eval("1 + (2 + 3)").label == "1+2+3");
  CHECK(eval("8 / (4 / 2)").label == "8/(4/2)");
  CHECK(eval("2 * -3").label == "2*(-3)");
  CHECK(eval("-(1+2)").label == "-(1+2)");
  CHECK(eval("54.30").label == "54.30");
  CHECK(eval("total == 396").label == "总计 == 396");
  CHECK(eval("(1 == 1) == (2 == 2)").label == "(1 == 1) == (2 == 2)");
  CHECK(eval("!(1 == 1)").label == "!(1 == 1)");
  CHECK(eval("1 == 1 && (2 == 2 || 3 == 3)").label == "1 == 1 && (2 == 2 || 3 == 3)");
  CHECK(eval("sum(表三.col(c))").label == "Σ自然人");
  CHECK(eval("sum(nums)").label == "1+2+3");
  CHECK(eval("sum(many)").label == "1+2+…+6");
  CHECK(eval("sum(nums) * 2").label == "(1+2+3)*2");
  CHECK(eval("sum(表三.col(c)) * 2").label == "Σ自然人*2");
  CHECK(eval("sum(表三.row(\"一\").col(c), 表三.row(\"二\").col(c))").label == "一+二");
  CHECK(eval("min(1, 2)").label == "min(1, 2)");
  CHECK(eval("abs(1-2)").label == "|1-2|");
  CHECK(eval("round(total/3, 1)").label == "round(总计/3, 1)");
  CHECK(eval("count(表三.col(c))").label == "count(自然人)");
  CHECK(eval("count(nums)").label == "count(nums)");
  CHECK(eval("max(nums, 7)").label == "max(1, 2, 3, 7)");
  // A host value without a label is named by its source text.
  CHECK(eval("c").label == "c");
}

TEST_CASE("expr: refs are the union of the operands' refs, in order, without duplicates") {
  Value v = eval("表三.row(\"一\").col(c) + total + 表三.row(\"一\").col(c)");
  CHECK(v.number == 215 + 396 + 215);
  CHECK(labels(v.refs) == std::vector<std::string>{"表三/一/自然人", "表三/总计"});
  Value cmp = eval("表三.row(\"一\").col(c) + 表三.row(\"二\").col(c) == total");
  CHECK(cmp.boolean);
  CHECK(labels(cmp.refs) == std::vector<std::string>{"表三/一/自然人", "表三/二/自然人", "表三/总计"});
  CHECK(cmp.refs[0] == TableHost::refOf("一", "自然人"));
}

TEST_CASE("expr: built-in functions") {
  CHECK(num("sum(1, 2, 3)") == 6);
  CHECK(num("sum(nums, 4, nums)") == 16);
  CHECK(num("count(表三.col(c))") == 3);  // blanks count too
  CHECK(num("abs(-4.5)") == 4.5);
  CHECK(num("min(3, 1, 2)") == 1);
  CHECK(num("max(nums, 0)") == 3);
  CHECK(num("round(54.2929, 1)") == doctest::Approx(54.3));
  CHECK(num("round(2.675, 2)") == doctest::Approx(2.68));
  CHECK(num("round(2.5)") == 3);
  CHECK(num("round(-2.5)") == -3);
  CHECK(num("round(1234, -2)") == 1200);
  CHECK(num("表三.row(\"一\").col(c) * 100 / total") == doctest::Approx(54.2929).epsilon(1e-4));
}

TEST_CASE("expr: parse errors point at the offending token") {
  struct Case {
    std::string text;
    size_t offset;
    std::string message;
  };
  const Case cases[] = {
      {"(1+2", 4, "表达式第5个字符处：期望“)”（与第1个字符处的“(”配对），表达式却已结束"},
      {"(1+2,3)", 4, "表达式第5个字符处：期望“)”（与第1个字符处的“(”配对），却是“,”"},
      {"1 +", 3, "表达式第4个字符处：期望数、字符串、名称或“(”，表达式却已结束"},
      {"表三 + ", 9, "表达式第6个字符处：期望数、字符串、名称或“(”，表达式却已结束"},
      {"1 * / 2", 4, "表达式第5个字符处：期望数、字符串、名称或“(”，却是“/”"},
      {"foo(1)", 0, "表达式第1个字符处：未知函数“foo”（可用的函数：sum、count、abs、min、max、round）"},
      {"1 + 表四(2)", 4, "表达式第5个字符处：未知函数“表四”（可用的函数：sum、count、abs、min、max、round）"},
      {"", 0, "表达式为空"},
      {"  \t ", 0, "表达式为空"},
      {"1 @ 2", 2, "表达式第3个字符处：无法识别的字符“@”"},
      {"（1+2）", 0, "表达式第1个字符处：无法识别的字符“（”（运算符、括号、逗号和引号请用半角符号）"},
      {"c == \"自然人", 5, "表达式第6个字符处：字符串缺少结束引号“\"”"},
      {"c == '自然人\\'", 5, "表达式第6个字符处：字符串缺少结束引号“'”"},
      {"1 2", 2, "表达式第3个字符处：期望运算符或表达式结束，却是“2”"},
      {"1 == 2 == 3", 7, "表达式第8个字符处：比较不能连用（如 a == b == c），请用“&&”连接两个比较"},
      {"1)", 1, "表达式第2个字符处：多余的“)”，前面没有与它配对的“(”"},
      {"c = 1", 2, "表达式第3个字符处：单个“=”不是运算符，比较相等请用“==”"},
      {"a & b", 2, "表达式第3个字符处：单个“&”不是运算符，“并且”请用“&&”"},
      {"表三.row(\"一\"", 16, "表达式第11个字符处：期望“,”或“)”（与第7个字符处的“(”配对），表达式却已结束"},
      {"表三.row", 10, "表达式第7个字符处：期望“(”（方法调用要加括号，如 .row(\"一\")），表达式却已结束"},
      {"表三.(1)", 7, "表达式第4个字符处：期望“.”后的方法名，却是“(”"},
      {"表三[]", 7, "表达式第4个字符处：期望数、字符串、名称或“(”，却是“]”"},
      {"sum()", 0, "表达式第1个字符处：函数“sum”需要至少1个参数，却有0个"},
      {"round(1, 2, 3)", 0, "表达式第1个字符处：函数“round”需要1到2个参数，却有3个"},
      {"count(nums, nums)", 0, "表达式第1个字符处：函数“count”需要1个参数，却有2个"},
      {"1 + and", 4, "表达式第5个字符处：期望数、字符串、名称或“(”，却是“and”"},
      {".5", 0, "表达式第1个字符处：期望数、字符串、名称或“(”，却是“.”"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    ExprError e = errorOf(c.text);
    CHECK(e.offset() == c.offset);
    CHECK(std::string(e.what()) == c.message);
  }
}

TEST_CASE("expr: unknown functions are rejected at parse time, before any host is asked") {
  CHECK_THROWS_AS(parseExpr("total == frobnicate(1)"), ExprError);
  // A bare name is the host's business, even one spelled like a built-in.
  CHECK_NOTHROW(parseExpr("frobnicate + sum"));
}

TEST_CASE("expr: nesting depth and length are limited") {
  std::string ok = std::string(64, '(') + "1" + std::string(64, ')');
  CHECK(num(ok) == 1);
  std::string deep = std::string(65, '(') + "1" + std::string(65, ')');
  ExprError e = errorOf(deep);
  CHECK(e.offset() == 64);
  CHECK(std::string(e.what()) == "表达式第65个字符处：嵌套过深（超过64层括号、参数或前缀运算符）");
  CHECK(errorOf(std::string(100, '-') + "1").offset() == 64);
  CHECK(errorOf(std::string(100, '!') + "1").offset() == 64);
  std::string calls = "abs(";
  for (int i = 0; i < 100; ++i) calls += "abs(";
  CHECK(std::string(errorOf(calls).what()).find("嵌套过深") != std::string::npos);
  std::string postfix = "表三";
  for (int i = 0; i < 70; ++i) postfix += ".row(\"一\")";
  CHECK(std::string(errorOf(postfix).what()).find("嵌套过深") != std::string::npos);

  // Long flat chains are fine: they are loops, not recursion.
  std::string chain = "1";
  for (int i = 0; i < 2000; ++i) chain += "+1";
  CHECK(num(chain) == 2001);

  std::string longText(4097, '1');
  ExprError tooLong = errorOf(longText);
  CHECK(tooLong.offset() == 0);
  CHECK(std::string(tooLong.what()) == "表达式过长（4097字节，上限4096字节）");
  CHECK_NOTHROW(parseExpr(std::string(4095, ' ') + "1"));
  ExprError huge = errorOf("1 + " + std::string(400, '9'));
  CHECK(huge.offset() == 4);
  CHECK(std::string(huge.what()) == "表达式第5个字符处：数“99999999999999999999…”超出范围");
}

TEST_CASE("expr: evaluation errors carry the operator's offset") {
  ExprError div = errorOf("1 / (2-2)");
  CHECK(div.offset() == 2);
  CHECK(std::string(div.what()) == "表达式第3个字符处：除数为零（“2-2”的值为0）");
  CHECK(errorOf("total/表三.row(\"二\").col(c)*0 + 1/0").offset() == 36);
  // A blank divisor is missing, not an error.
  CHECK(eval("1/表三.row(\"三\").col(c)").isMissing());

  struct Case {
    std::string text;
    size_t offset;
    std::string message;
  };
  const Case cases[] = {
      {"\"a\" + 1", 4, "表达式第5个字符处：“+”的两边必须是数，左边却是字符串“a”"},
      {"1 + c", 2, "表达式第3个字符处：“+”的两边必须是数，右边却是字符串“自然人”"},
      {"表三 * 2", 7, "表达式第4个字符处：“*”的两边必须是数，左边却是对象“表三”"},
      {"nums - 1", 5, "表达式第6个字符处：“-”的两边必须是数，左边却是列表（3项）"},
      {"-c", 0, "表达式第1个字符处：负号“-”只能用于数，却用于字符串“自然人”"},
      {"!1", 0, "表达式第1个字符处：“!”只能用于条件（真或假），却用于数1"},
      {"1 && 1 == 1", 2, "表达式第3个字符处：“&&”的两边必须是条件（真或假），却有数1"},
      {"c < \"法人\"", 2, "表达式第3个字符处：“<”只能比较数，左边却是字符串“自然人”"},
      {"c == 1", 2, "表达式第3个字符处：“==”两边的类型不同：字符串“自然人”与数1"},
      {"nums == 1", 5, "表达式第6个字符处：“==”只能比较数、字符串或条件，左边却是列表（3项）"},
      {"1 + sum(c)", 4, "表达式第5个字符处：函数“sum”的参数必须是数或数的列表，却有字符串“自然人”"},
      {"count(1)", 0, "表达式第1个字符处：函数“count”的参数必须是列表，却是数1"},
      {"abs(c)", 0, "表达式第1个字符处：函数“abs”的参数必须是数，却是字符串“自然人”"},
      {"round(1, 0.5)", 0, "表达式第1个字符处：函数“round”的位数必须是-15到15之间的整数，却是0.5"},
      {"nope + 1", 0, "表达式第1个字符处：未知名称“nope”"},
      {"oops", 0, "表达式第1个字符处：主机出错"},
      {"1 + 表三.frob()", 11, "表达式第8个字符处：表格没有方法“frob”"},
      {"表三.row(\"十\")", 7, "表达式第4个字符处：表三没有行“十”"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    ExprError e = errorOf(c.text);
    CHECK(e.offset() == c.offset);
    CHECK(std::string(e.what()) == c.message);
  }
}

TEST_CASE("expr: names() lists the free names, sorted and unique") {
  Expr e = parseExpr("表三.row(\"一\").col(c) + total + sum(nums) + c + abs(total)");
  CHECK(e.names() == std::vector<std::string>{"c", "nums", "total", "表三"});
  CHECK(parseExpr("1 + 2").names().empty());
  CHECK(Expr().names().empty());
}

TEST_CASE("expr: left() and right() are the sides of a top-level comparison") {
  Expr e = parseExpr("表三.row(\"一\").col(c) + 表三.row(\"二\").col(c) == total");
  REQUIRE(e.left() != nullptr);
  REQUIRE(e.right() != nullptr);
  TableHost host;
  Value l = e.evaluateNode(e.left(), host);
  Value r = e.evaluateNode(e.right(), host);
  CHECK(l.label == "一+二");
  CHECK(l.show() == "396");
  CHECK(r.label == "总计");
  CHECK(e.evaluate(host).boolean);
  CHECK(parseExpr("1 + 2").left() == nullptr);
  CHECK(parseExpr("1 == 1 && 2 == 2").right() == nullptr);
  CHECK(parseExpr("(1 == 2)").left() != nullptr);

  Expr moved = std::move(e);
  CHECK(moved.text() == "表三.row(\"一\").col(c) + 表三.row(\"二\").col(c) == total");
  CHECK(moved.evaluate(host).boolean);
  CHECK_THROWS_AS(Expr().evaluate(host), ExprError);
}

TEST_CASE("expr: Value::show prints integers plainly and others with up to 6 decimals") {
  CHECK(Value::num(396).show() == "396");
  CHECK(Value::num(-12).show() == "-12");
  CHECK(Value::num(54.3).show() == "54.3");
  CHECK(Value::num(215.0 / 396 * 100).show() == "54.292929");
  CHECK(Value::num(1.0 / 3).show() == "0.333333");
  CHECK(Value::num(2.0000000001).show() == "2");
  CHECK(Value::num(-0.0000001).show() == "0");
  CHECK(Value::num(1e15).show() == "1000000000000000");
  CHECK(Value::missing().show() == "空白");
  CHECK(Value::boolean_(true).show() == "真");
  CHECK(Value::str("是").show() == "是");
  CHECK(eval("nums").show() == "[1, 2, 3]");
}
