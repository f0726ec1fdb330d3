// Loading rule packs: the bad-rule fixtures (tests/fixtures/bad-rules/*.yaml,
// each with one mistake and a <name>.expected "LINE:COL<TAB>message part"),
// the built-in packs, and packs given as text.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "nianbao/rule_pack.h"
#include "test_support.h"

using namespace nianbao;
namespace fs = std::filesystem;

namespace {

std::string badRulesDir() { return test::sourceDir() + "/tests/fixtures/bad-rules"; }

struct Expected {
  std::string file;  // the fixture path, as given to addPath
  int line = 0;
  int column = 0;
  std::string message;  // a part of the message
};

std::vector<std::string> fixtures() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(badRulesDir())) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Parses <fixture minus .yaml>.expected: one line "LINE:COL\tmessage part".
Expected expectedFor(const std::string& fixture) {
  std::string path = fs::path(fixture).replace_extension(".expected").string();
  std::string text = test::readFile(path);
  INFO("expected file: ", path);
  REQUIRE_FALSE(text.empty());
  if (text.back() == '\n') text.pop_back();
  REQUIRE(text.find('\n') == std::string::npos);
  size_t colon = text.find(':');
  size_t tab = text.find('\t');
  REQUIRE(colon != std::string::npos);
  REQUIRE(tab != std::string::npos);
  REQUIRE(colon < tab);
  Expected e;
  e.file = fixture;
  e.line = std::stoi(text.substr(0, colon));
  e.column = std::stoi(text.substr(colon + 1, tab - colon - 1));
  e.message = text.substr(tab + 1);
  REQUIRE_FALSE(e.message.empty());
  return e;
}

// A rule set that knows the report types (fz, xg) and tables (表二…表四) the
// test packs refer to: the built-in packs. Naming an unknown type is an error.
RuleSet typedRules() {
  RuleSet rules;
  rules.addBuiltin();
  return rules;
}

// The errors addPath (or addText) throws; empty when it throws nothing.
template <typename F>
std::vector<LoadError> loadErrors(F&& load) {
  try {
    load();
  } catch (const LoadErrors& e) {
    return e.errors();
  }
  return {};
}

std::vector<LoadError> textErrors(const std::string& yaml, const std::string& name = "test.yaml") {
  RuleSet rules = typedRules();
  return loadErrors([&] { rules.addText(name, yaml); });
}

// All errors, one per line, for failure messages.
std::string joined(const std::vector<LoadError>& errors) {
  std::string out;
  for (const LoadError& e : errors) out += e.str() + "\n";
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A valid pack; `rules` is appended after "rules:\n" (line 11 is the first rule line).
std::string pack(const std::string& rules) {
  return "schema: nianbao/v1\n"           // 1
         "pack: t\n"                      // 2
         "applies_to: [fz]\n"             // 3
         "\n"                             // 4
         "sections:\n"                    // 5
         "  - id: measures\n"             // 6
         "    name: 主要举措和成效\n"     // 7
         "    patterns: ['举措|成效']\n"  // 8
         "\n"                             // 9
         "rules:\n" +                     // 10
         rules;
}

const char* kBasis =
    "    basis:\n"
    "      document: 《法治政府建设与责任落实督察工作规定》\n";

}  // namespace

TEST_CASE("loader: every bad-rule fixture has an .expected file and vice versa") {
  std::vector<std::string> yamls = fixtures();
  CHECK(yamls.size() >= 10);
  for (const std::string& f : yamls) {
    INFO("fixture: ", f);
    CHECK(fs::exists(fs::path(f).replace_extension(".expected")));
  }
  for (const auto& e : fs::directory_iterator(badRulesDir())) {
    if (e.path().extension() != ".expected") continue;
    INFO("expected file: ", e.path().string());
    CHECK(fs::exists(fs::path(e.path()).replace_extension(".yaml")));
  }
}

TEST_CASE("loader: each bad-rule fixture fails with exactly its one error") {
  for (const std::string& fixture : fixtures()) {
    Expected want = expectedFor(fixture);
    RuleSet rules = typedRules();
    std::vector<LoadError> errors = loadErrors([&] { rules.addPath(fixture); });
    INFO("fixture: ", fixture);
    INFO("errors:\n", joined(errors));
    CHECK(errors.size() == 1);
    if (errors.size() != 1) continue;
    const LoadError& e = errors[0];
    INFO("error: ", e.str());
    CHECK(e.loc.file == want.file);
    CHECK(e.loc.line == want.line);
    CHECK(e.loc.column == want.column);
    CHECK(contains(e.message, want.message));
    CHECK(e.str() == fixture + ":" + std::to_string(want.line) + ":" + std::to_string(want.column) +
                         ": 错误: " + e.message);
    CHECK(rules.packs().size() == typedRules().packs().size());
  }
}

TEST_CASE("loader: the fixture directory reports every fixture's error in file order") {
  std::vector<std::string> yamls = fixtures();
  RuleSet rules = typedRules();
  std::vector<LoadError> errors = loadErrors([&] { rules.addPath(badRulesDir()); });
  REQUIRE(errors.size() == yamls.size());
  for (size_t i = 0; i < errors.size(); ++i) {
    Expected want = expectedFor(yamls[i]);
    INFO("error: ", errors[i].str());
    CHECK(fs::path(errors[i].loc.file) == fs::path(yamls[i]));
    CHECK(errors[i].loc.line == want.line);
    CHECK(errors[i].loc.column == want.column);
  }
  CHECK(rules.packs().size() == typedRules().packs().size());
}

TEST_CASE("loader: a missing rule path is one error naming the path") {
  RuleSet rules;
  std::string path = badRulesDir() + "/no-such-file.yaml";
  std::vector<LoadError> errors = loadErrors([&] { rules.addPath(path); });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].loc.file == path);
  CHECK(contains(errors[0].message, "不存在"));
}

TEST_CASE("loader: the built-in packs load without errors and have unique rule ids") {
  RuleSet rules;
  REQUIRE_NOTHROW(rules.addBuiltin());
  CHECK(rules.packs().size() >= 3);
  std::vector<const Rule*> all = rules.rules();
  REQUIRE_FALSE(all.empty());
  for (size_t i = 1; i < all.size(); ++i) {
    INFO("rule id: ", all[i]->info().id);
    CHECK(all[i - 1]->info().id != all[i]->info().id);
  }
  for (const Rule* r : all) {
    INFO("rule id: ", r->info().id);
    CHECK(rules.rule(r->info().id) == r);
    CHECK(r->info().loc.line > 0);
  }
  CHECK(rules.reportType("fz") != nullptr);
  CHECK(rules.reportType("xg") != nullptr);
}

TEST_CASE("loader: the built-in packs added twice report duplicates") {
  RuleSet rules;
  rules.addBuiltin();
  std::vector<LoadError> errors = loadErrors([&] { rules.addBuiltin(); });
  CHECK_FALSE(errors.empty());
}

TEST_CASE("loader: a phrase rule from text loads and full-width brackets in its pattern are literal") {
  RuleSet rules = typedRules();
  REQUIRE_NOTHROW(rules.addText("inline.yaml", pack("  - id: t.item-one\n"
                                                    "    kind: phrase\n"
                                                    "    scope: document\n"
                                                    "    patterns: ['第（一）项']\n"
                                                    "    title: 测试\n"
                                                    "    severity: warning\n"
                                                    "    message: 出现“{match}”\n" +
                                                    std::string(kBasis))));
  REQUIRE(rules.packs().size() == typedRules().packs().size() + 1);
  const RulePack& p = *rules.packs().back();
  CHECK(p.name == "t");
  CHECK(p.file == "inline.yaml");
  REQUIRE(p.rules.size() == 1);
  const Rule& rule = *p.rules[0];
  CHECK(rule.info().id == "t.item-one");
  CHECK(rule.info().kind == "phrase");
  CHECK(rule.info().severity == Severity::kWarning);
  CHECK(rule.info().loc.file == "inline.yaml");
  CHECK(rule.info().loc.line == 11);
  CHECK(rule.info().types == std::vector<std::string>{"fz"});

  auto matches = [&](const std::string& text) {
    Document doc = test::docFromText(text);
    Findings out;
    rule.evaluate(EvalContext{doc, p}, out);
    return out.items().size();
  };
  // （一） is the literal "(一)", half-width or full-width in the report...
  CHECK(matches("依据第(一)项的规定办理。\n") == 1);
  CHECK(matches("依据第（一）项的规定办理。\n") == 1);
  // ...not a regex group that would also match 第一项.
  CHECK(matches("依据第一项的规定办理。\n") == 0);
}

TEST_CASE("loader: a rule file with two mistakes reports both in file order") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.bad-regex\n"              // 11
                      "    kind: phrase\n"                 // 12
                      "    patterns: ['习近平(新时代']\n"  // 13
                      "    title: 测试\n"                  // 14
                      "    severity: error\n"              // 15
                      "    message: 出现“{match}”\n" +     // 16
                      std::string(kBasis) +                // 17-18
                      "  - id: t.bad-section\n"            // 19
                      "    kind: required_section\n"       // 20
                      "    section: plan\n"                // 21
                      "    title: 测试\n"                  // 22
                      "    severity: error\n"              // 23
                      "    message: 缺少“{section}”\n" +   // 24
                      std::string(kBasis)));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].loc.file == "test.yaml");
  CHECK(errors[0].loc.line == 13);
  CHECK(errors[0].loc.column == 16);
  CHECK(contains(errors[0].message, "正则表达式无效"));
  CHECK(errors[1].loc.line == 21);
  CHECK(errors[1].loc.column == 14);
  CHECK(contains(errors[1].message, "未定义的部分 'plan'"));
}

TEST_CASE("loader: a failed pack leaves the rule set unchanged") {
  RuleSet rules;
  rules.addBuiltin();
  size_t packs = rules.packs().size();
  size_t count = rules.rules().size();
  std::vector<LoadError> errors =
      loadErrors([&] { rules.addText("bad.yaml", "schema: nianbao/v1\npack: t\nrules: {}\n"); });
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "rules 应为列表"));
  CHECK(rules.packs().size() == packs);
  CHECK(rules.rules().size() == count);
}

TEST_CASE("loader: a pack with one bad rule is not added at all") {
  RuleSet rules = typedRules();
  size_t packs = rules.packs().size();
  std::vector<LoadError> errors = loadErrors([&] {
    rules.addText("t.yaml", pack("  - id: t.good\n"
                                 "    kind: phrase\n"
                                 "    patterns: ['法制政府']\n"
                                 "    title: 测试\n"
                                 "    severity: error\n"
                                 "    message: 出现“{match}”\n" +
                                 std::string(kBasis) +
                                 "  - id: t.bad\n"
                                 "    kind: phrase\n"
                                 "    patterns: ['法制政府']\n"
                                 "    title: 测试\n"
                                 "    severity: urgent\n"
                                 "    message: 出现“{match}”\n" +
                                 std::string(kBasis)));
  });
  REQUIRE(errors.size() == 1);
  CHECK(rules.packs().size() == packs);
  CHECK(rules.rule("t.good") == nullptr);
}

// Loader behaviour a rule author expects, found missing by writing the bad-rule
// set (first pinned with should_fail, now fixed).

TEST_CASE("loader: a rule for a report type no pack defines is an error") {
  RuleSet rules;
  std::vector<LoadError> errors = loadErrors(
      [&] { rules.addText("t.yaml", "schema: nianbao/v1\npack: t\napplies_to: [fzz]\nrules: []\n"); });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].loc.line == 3);
  CHECK(contains(errors[0].message, "未知的报告类型 'fzz'"));
}

TEST_CASE("loader: a pattern that matches the empty string is refused") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.empty\n"
                      "    kind: phrase\n"
                      "    patterns: ['x*']\n"
                      "    title: 测试\n"
                      "    severity: error\n"
                      "    message: 出现“{match}”\n" +
                      std::string(kBasis)));
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "可以匹配空字符串"));
}

TEST_CASE("loader: phrase placeholders depend on the mode") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.req\n"
                      "    kind: phrase\n"
                      "    mode: require\n"
                      "    phrases: ['原因']\n"
                      "    title: 测试\n"
                      "    severity: error\n"
                      "    message: 缺少“{match}”\n" +
                      std::string(kBasis)));
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "{match}"));
}

TEST_CASE("loader: errors come sorted by line") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.two\n"
                      "    kind: phrase\n"
                      "    patterns: ['(']\n"
                      "    title: 测试\n"
                      "    severity: fatal\n"
                      "    message: 出现“{match}”\n" +
                      std::string(kBasis)));
  REQUIRE(errors.size() >= 2);
  for (size_t i = 1; i < errors.size(); ++i) CHECK(errors[i - 1].loc.line <= errors[i].loc.line);
}

TEST_CASE("loader: an unknown kind does not also report the kind's own fields") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.part\n"                  // 11
                      "    kind: required-section\n"      // 12
                      "    section: measures\n"           // 13
                      "    title: 测试\n"                 // 14
                      "    severity: error\n"             // 15
                      "    message: 缺少“{section}”\n" +  // 16
                      std::string(kBasis)));
  INFO("errors:\n", joined(errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].loc.line == 12);
  CHECK(contains(errors[0].message, "未知的规则类型"));
}

TEST_CASE("loader: an unclosed quote is a YAML syntax error at the quote") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.part\n"                   // 11
                      "    kind: required_section\n"       // 12
                      "    section: measures\n"            // 13
                      "    title: 测试\n"                  // 14
                      "    severity: error\n"              // 15
                      "    message: '缺少“{section}”\n" +  // 16
                      std::string(kBasis)));
  INFO("errors:\n", joined(errors));
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "YAML 语法错误"));
  CHECK(errors[0].loc.line == 16);
  CHECK(errors[0].loc.column == 14);
}

TEST_CASE("loader: error columns count code points like document positions") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.bad-regex\n"                          // 11
                      "    kind: phrase\n"                             // 12
                      "    patterns: ['法制政府', '习近平(新时代']\n"  // 13
                      "    title: 测试\n"                              // 14
                      "    severity: error\n"                          // 15
                      "    message: 出现“{match}”\n" +                 // 16
                      std::string(kBasis)));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].loc.line == 13);
  CHECK(errors[0].loc.column == 24);  // yaml-cpp says 32: it counts bytes
}

TEST_CASE("loader: placeholders in short_message are checked like message") {
  std::vector<LoadError> errors =
      textErrors(pack("  - id: t.part\n"                  // 11
                      "    kind: required_section\n"      // 12
                      "    section: measures\n"           // 13
                      "    min_body: 50\n"                // 14
                      "    short_message: 只有{foo}字\n"  // 15
                      "    title: 测试\n"                 // 16
                      "    severity: error\n"             // 17
                      "    message: 缺少“{section}”\n" +  // 18
                      std::string(kBasis)));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].loc.line == 15);
  CHECK(contains(errors[0].message, "{foo}"));
}
