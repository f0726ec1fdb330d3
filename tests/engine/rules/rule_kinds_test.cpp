// The four rule kinds of the foundation, each on small documents.
#include <doctest/doctest.h>

#include "nianbao/engine.h"
#include "test_support.h"

using namespace nianbao;

namespace {

const char* kPack = R"(schema: nianbao/v1
pack: t
applies_to: [tt]
report_type: {id: tt, name: 测试报告, title_patterns: ['测试报告']}
sections:
  - {id: a, name: 甲部分, patterns: ['甲']}
  - {id: b, name: 乙部分, phrases: ['乙']}
  - {id: c, name: 丙部分, patterns: ['丙'], exclude: ['丙丁']}
rules:
  - id: t.a
    kind: required_section
    section: a
    title: 甲
    severity: error
    message: 缺少{section}{where}
    basis: {document: 测试}
  - id: t.c
    kind: required_section
    section: c
    min_body: 10
    short_message: '{section}仅{length}字'
    title: 丙
    severity: warning
    message: 缺少{section}{where}
    basis: {document: 测试}
  - id: t.order
    kind: section_order
    order: [a, b, c]
    title: 顺序
    severity: warning
    message: '{section}在{after}前'
    basis: {document: 测试}
  - id: t.forbid
    kind: phrase
    patterns: ['法制政府']
    except: ['法制政府办']
    title: 禁用
    severity: error
    message: 不应出现{match}
    basis: {document: 测试}
  - id: t.require
    kind: phrase
    mode: require
    scope: section
    section: b
    phrases: ['原因']
    title: 须有
    severity: note
    message: 乙部分应写原因（{count}处）
    basis: {document: 测试}
  - id: t.title
    kind: metadata
    field: title
    pattern: '年度'
    title: 标题
    severity: note
    message: 缺少{field}
    pattern_message: 标题“{value}”不符合{pattern}
    basis: {document: 测试}
  - id: t.old
    kind: metadata
    field: doc_number
    years: {to: 2010}
    title: 旧规则
    severity: error
    message: 不应运行
    basis: {document: 测试}
)";

std::vector<Finding> check(const std::string& text) {
  RuleSet rules;
  rules.addText("t.yaml", kPack);
  Document d = test::docFromText(text);
  detectReportType(d, rules, {});
  return evaluate(d, rules);
}

std::vector<std::string> ids(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const Finding& f : fs) out.push_back(f.rule_id + "@" + std::to_string(f.begin.line));
  return out;
}

}  // namespace

TEST_CASE("a complete, ordered document has no findings") {
  auto fs = check("2022年度测试报告\n一、甲\n内容。\n二、乙\n说明原因。\n三、丙\n丙部分的内容足够长了。\n");
  CHECK(ids(fs).empty());
}

TEST_CASE("required_section: missing part points to the next part in pack order") {
  auto fs = check("2022年度测试报告\n一、乙\n原因。\n二、丙\n丙部分的内容足够长了。\n");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule_id == "t.a");
  CHECK(fs[0].begin.line == 2);
  CHECK(fs[0].message == "缺少甲部分（应位于“一、乙”（第2行）之前）");
  CHECK(fs[0].severity == Severity::kError);
}

TEST_CASE("required_section: exclude patterns and min_body") {
  auto fs = check("2022年度测试报告\n一、甲\n内容。\n二、乙\n原因。\n三、丙丁\n很短。\n");
  CHECK(ids(fs) == std::vector<std::string>{"t.c@7"});  // 丙丁 is not 丙: missing, at end of body
  fs = check("2022年度测试报告\n一、甲\n内容。\n二、乙\n原因。\n三、丙\n短。\n");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message == "丙部分仅2字");
  CHECK(fs[0].begin.line == 6);
}

TEST_CASE("section_order: a part before the one it should follow") {
  auto fs = check("2022年度测试报告\n一、甲\n内容。\n二、丙\n丙部分的内容足够长了。\n三、乙\n原因。\n");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule_id == "t.order");
  CHECK(fs[0].begin.line == 4);  // 丙 is listed after 乙 but appears before it
  CHECK(fs[0].message == "丙部分在乙部分前");
}

TEST_CASE("phrase forbid: every match, across line wraps, except allowed contexts") {
  auto fs = check(
      "2022年度测试报告\n一、甲\n我们一直推进，努力建设法制\n政府，成立法制政府办。再说法制政府。\n二、乙\n原"
      "因。\n三、丙\n丙部分的内容足够长了。\n");
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].rule_id == "t.forbid");
  CHECK(fs[0].begin.line == 3);
  CHECK(fs[0].begin.column == 12);
  CHECK(fs[0].end.line == 4);
  CHECK(fs[0].message == "不应出现法制政府");
  CHECK(fs[1].begin.line == 4);
  CHECK(fs[0].fingerprint != fs[1].fingerprint);
}

TEST_CASE("phrase require within a section") {
  auto fs = check("2022年度测试报告\n一、甲\n内容。\n二、乙\n没有写。\n三、丙\n丙部分的内容足够长了。\n");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule_id == "t.require");
  CHECK(fs[0].begin.line == 4);
  CHECK(fs[0].message == "乙部分应写原因（0处）");
}

TEST_CASE("metadata pattern; rules outside their years do not run") {
  auto fs = check("2022年测试报告\n一、甲\n内容。\n二、乙\n原因。\n三、丙\n丙部分的内容足够长了。\n");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule_id == "t.title");
  CHECK(fs[0].message == "标题“2022年测试报告”不符合年度");
}

TEST_CASE("unknown report type is said, and typed rules do not run") {
  RuleSet rules;
  rules.addText("t.yaml", kPack);
  Document d = test::docFromText("随便写的一段话。\n");
  detectReportType(d, rules, {});
  auto fs = evaluate(d, rules);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].rule_id == "nianbao.unknown-type");
}

TEST_CASE("fingerprints survive edits elsewhere in the report") {
  auto a = check("2022年度测试报告\n一、乙\n原因。\n二、丙\n丙部分的内容足够长了。\n");
  auto b = check(
      "2022年度测试报告\n\n\n前言多了几行。\n\n一、乙\n原因，增加了说明。\n二、丙\n丙部分的内容足够长了。\n");
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].begin.line != b[0].begin.line);
  CHECK(a[0].fingerprint == b[0].fingerprint);
}

namespace {
const char* kFallbackPack = R"(schema: nianbao/v1
pack: f
applies_to: [ff]
report_type: {id: ff, name: 测试, title_patterns: ['测试报告']}
sections:
  - {id: work, name: 举措部分, patterns: ['举措']}
  - {id: lead, name: 第一责任人部分, patterns: ['第一责任人']}
  - {id: plan, name: 安排部分, patterns: ['安排']}
rules:
  - id: f.work
    kind: required_section
    section: work
    fallback: {unmatched_parts: true, severity: note, message: '专题{match}第{line}行'}
    title: 举措
    severity: error
    message: 缺少{section}
    basis: {document: 测试}
  - id: f.lead
    kind: required_section
    section: lead
    fallback: {deeper_levels: true, severity: note, message: '小节{match}'}
    title: 责任人
    severity: error
    message: 缺少{section}
    basis: {document: 测试}
  - id: f.plan
    kind: required_section
    section: plan
    fallback: {patterns: ['下一步,?.{0,10}将'], severity: warning, message: '仅提及{match}'}
    title: 安排
    severity: error
    message: 缺少{section}
    basis: {document: 测试}
)";

std::vector<std::string> fallbackRun(const std::string& text) {
  RuleSet rules;
  rules.addText("f.yaml", kFallbackPack);
  Document d = test::docFromText(text);
  detectReportType(d, rules, {});
  std::vector<std::string> out;
  for (const Finding& f : evaluate(d, rules))
    out.push_back(std::string(severityName(f.severity)) + ":" + f.message);
  return out;
}
}  // namespace

TEST_CASE("required_section fallback: thematic parts, a subsection, a mention in the text") {
  auto fs = fallbackRun(
      "2022年测试报告\n一、加强党的领导\n（一）主要负责人履行第一责任人职责\n内容，内容。\n二、规范执法\n内容"
      "。下一步，我局将继续努力。\n");
  CHECK(fs == std::vector<std::string>{"note:专题一、加强党的领导第2行",
                                       "note:小节(一)主要负责人履行第一责任人职责",
                                       "warning:仅提及下一步,我局将"});
}

TEST_CASE("required_section fallback: a mere mention in body text is not a subsection") {
  auto fs = fallbackRun(
      "2022年测试报告\n一、主要举措\n局长履行第一责任人职责，内容。\n二、2023年主要安排\n内容。\n");
  CHECK(fs == std::vector<std::string>{"error:缺少第一责任人部分"});
}
