#include <doctest/doctest.h>

#include <chrono>

#include "test_support.h"

using namespace nianbao;

namespace {
std::vector<std::string> blockTexts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.push_back(b.norm.text);
  return out;
}
}  // namespace

TEST_CASE("hard-wrapped lines with blank lines between them join into one paragraph") {
  // The layout of seed 000: every PDF line followed by a blank line.
  std::string text =
      "二、存在的问题\n\n"
      "2022 年，在区委、区政府的坚强领导下，浦东新区人力资源\n\n"
      "和社会保障局坚持以习近平新时代中国特色社会\n\n"
      "主义思想为指导，深入推进法治政府建设。\n\n"
      "三、下一步工作\n";
  Document d = test::docFromText(text);
  auto b = blockTexts(d);
  REQUIRE(b.size() == 3);
  CHECK(b[1] ==
        "2022年,在区委、区政府的坚强领导下,"
        "浦东新区人力资源和社会保障局坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设。");
  CHECK(d.blocks[1].first_line == 3);
  CHECK(d.blocks[1].last_line == 7);
}

TEST_CASE("a sentence end, a heading or an enumeration starts a new block") {
  std::string text =
      "（一）强化组织领导，落实主体责任\n"
      "一是压实法治责任。贯彻落实决策部署。\n"
      "二是夯实组织机构。\n"
      "1.规范重大决策权运行\n";
  auto b = blockTexts(test::docFromText(text));
  REQUIRE(b.size() == 4);
  CHECK(b[0] == "(一)强化组织领导,落实主体责任");
  CHECK(b[3] == "1.规范重大决策权运行");
}

TEST_CASE("an open 《 carries over the line break") {
  std::string text =
      "关于报送《浦东新区人力资源和社会保障局\n（医疗保障局）2022年度法治政府建设情况\n\n报告》的报告\n\n上海"
      "市浦东新区办公室：\n";
  auto b = blockTexts(test::docFromText(text));
  REQUIRE(b.size() == 2);
  CHECK(b[0] == "关于报送《浦东新区人力资源和社会保障局(医疗保障局)2022年度法治政府建设情况报告》的报告");
}

TEST_CASE("short title-like lines stay apart") {
  std::string text =
      "上海市宝山区人力资源和社会保障局\n\n宝人社〔2024〕1号\n\n宝山区人力资源和社会保障局 "
      "2023年法治政府建设情况报告\n\n2023年，宝山区人社局坚持依法行政。\n";
  CHECK(blockTexts(test::docFromText(text)).size() == 4);
}

TEST_CASE("markdown table rows and headings are their own blocks") {
  std::string text = "## 二、主动公开\n| 规章 | 0 |\n|---|---|\n| 行政规范性文件 | 41 |\n正文。\n";
  Document d = test::docFromText(text, "t.md");
  REQUIRE(d.blocks.size() == 4);
  CHECK(d.blocks[0].kind == BlockKind::kHeading);
  CHECK(d.blocks[0].md_level == 2);
  CHECK(d.blocks[0].norm.text == "二、主动公开");
  CHECK(d.blocks[1].kind == BlockKind::kTableRow);
  CHECK(d.blocks[2].kind == BlockKind::kTableRow);
}

TEST_CASE("a paragraph of many wrapped lines is joined in linear time") {
  // Regression: every added line rescanned the paragraph so far for open 《 (
  // and for ，。；, so a 4 MB one-paragraph "table" of equal-width lines ran for
  // minutes. 30,000 such lines now take well under a second.
  std::string text = "一、总体情况\n";
  for (int i = 0; i < 30000; ++i) text += "行政许可 12 345 6 78 910 11 12 13 14 15 16 17 18 19 20\n";
  auto start = std::chrono::steady_clock::now();
  Document d = test::docFromText(text);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(secs < 10);
  CHECK(d.blocks.size() >= 2);
}

TEST_CASE("an open 《 or ( carries a paragraph over several lines, counted line by line") {
  std::string text =
      "一、总体情况\n"
      "认真贯彻《中华人民共和国\n"
      "政府信息公开\n"
      "条例》要求\n"
      "二、主动公开\n";
  Document d = test::docFromText(text);
  auto b = blockTexts(d);
  REQUIRE(b.size() == 3);
  CHECK(b[1] == "认真贯彻《中华人民共和国政府信息公开条例》要求");
}
