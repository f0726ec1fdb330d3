// Plain-text tables: which paragraphs are rows, which are labels, where a table ends.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace nianbao;

namespace {
std::vector<std::string> labels(const Table& t) {
  std::vector<std::string> out;
  for (const TableRow& r : t.rows) out.push_back(r.cells.empty() ? "" : r.cells.front().text);
  return out;
}
}  // namespace

TEST_CASE("single figures are rows inside a table, and short lines between them are labels") {
  Document d = test::docFromText(
      "二、主动公开政府信息情况\n规章 0 0 0\n行政规范性文件 3 1 12\n第二十条第（五）项\n信息内容 "
      "本年处理决定数量\n"
      "行政许可 120\n行政处罚 35\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 0\n"
      "三、收到和处理政府信息公开申请情况\n申请人情况：自然人 商业企业 "
      "总计\n一、本年新收政府信息公开申请数量 10 2 12\n"
      "二、上年结转政府信息公开申请数量 0 0 0\n");
  REQUIRE(d.tables.size() == 2);
  std::vector<std::string> first = labels(d.tables[0]);
  CHECK(first.size() == 9);
  CHECK(first.back() == "行政事业性收费");
  CHECK(d.tables[0].rows.back().cells.size() == 2);
  // The colon line opens the next table's header; it is not a label of the first.
  CHECK(labels(d.tables[1]).front() == "一、本年新收政府信息公开申请数量");
}

TEST_CASE("a single figure does not open a table") {
  Document d = test::docFromText("一、总体情况\n全年受理 12\n其他内容。\n");
  CHECK(d.tables.empty());
}

TEST_CASE("commas inside a label's brackets do not make it prose") {
  Document d = test::docFromText(
      "（一）予以公开 5 1 6\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 "
      "1\n（三）本句有逗号，不是标签 1 0 1\n");
  REQUIRE(d.tables.size() == 1);
  // Labels are compared normalized (NFKC: ASCII brackets and commas).
  CHECK(labels(d.tables[0]) ==
        std::vector<std::string>{"(一)予以公开", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"});
}
