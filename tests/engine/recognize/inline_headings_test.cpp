// Headings inside run-on paragraphs (web text scraped onto one line).
#include <doctest/doctest.h>

#include "test_support.h"

using namespace nianbao;

namespace {
std::vector<std::string> parts(const Document& d) {
  std::vector<std::string> out;
  for (const Section& s : d.parts) out.push_back(s.marker + s.title);
  return out;
}
}  // namespace

TEST_CASE("headings continuing the numbering are split out of one long line") {
  Document d = test::docFromText(
      "本报告根据条例编制，如有疑问请联系。 一、总体情况 2022年，本区坚持依法行政。（一）主动公开方面 "
      "全年公开信息100条。"
      "（二）依申请公开方面 收到申请5件。 二、主动公开政府信息情况第二十条第（一）项 规章 0 0 0 "
      "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）一、本年新收政府信息公开"
      "申请数量 5 0 0 0 0 0 5 "
      "四、结转下年度继续办理 0 0 0 0 0 0 0 四、政府信息公开行政复议、行政诉讼情况 0 0 0 0 0 "
      "五、存在的主要问题及改进情况 问题是解读不够。 六、其他需要报告的事项 无。\n");
  CHECK(parts(d) == std::vector<std::string>{"一、总体情况", "二、主动公开政府信息情况",
                                             "三、收到和处理政府信息公开申请情况",
                                             "四、政府信息公开行政复议、行政诉讼情况",
                                             "五、存在的主要问题及改进情况", "六、其他需要报告的事项"});
  REQUIRE(d.parts[0].children.size() == 2);
  CHECK(d.parts[0].children[1].title == "依申请公开方面");
  // Columns point into the one long line.
  CHECK(d.parts[1].line == 1);
  CHECK(d.source.position(d.parts[1].heading.begin).column > 50);
}

TEST_CASE("an inline marker out of sequence or inside a citation is text") {
  Document d =
      test::docFromText("一、总体情况\n依照第二十条第（一）项的规定公开。三、本句不是标题。\n二、主动公开\n");
  CHECK(parts(d) == std::vector<std::string>{"一、总体情况", "二、主动公开"});
}

TEST_CASE("a restarted or repeated 一、 number after 三、 is not a part") {
  Document d = test::docFromText(
      "一、总体情况\n内容。\n二、主动公开政府信息情况\n内容。\n三、收到和处理政府信息公开申请情况\n"
      "一、本年新收政府信息公开申请数量\n三、本年度办理结果\n四、政府信息公开行政复议、行政诉讼情况\n内容。"
      "\n");
  CHECK(parts(d).size() == 4);
  CHECK(d.parts[3].title == "政府信息公开行政复议、行政诉讼情况");
}

TEST_CASE("a plain-text table row with a numbered label is not a heading") {
  Document d = test::docFromText(
      "一、总体情况\n内容。\n二、收到和处理申请情况\n三、本年度办理结果 360 19 0 0 2 15 "
      "396\n三、复议诉讼情况\n内容。\n");
  CHECK(parts(d) == std::vector<std::string>{"一、总体情况", "二、收到和处理申请情况", "三、复议诉讼情况"});
}
