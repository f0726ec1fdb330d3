#include <doctest/doctest.h>

#include "recognize/recognize.h"

using namespace nianbao;
using namespace nianbao::detail;

TEST_CASE("numbering markers") {
  auto m = parseMarker("一、总体情况");
  REQUIRE(m);
  CHECK(m->style == MarkerStyle::kCnComma);
  CHECK(m->number == 1);
  CHECK(parseMarker("十二、其他")->number == 12);
  CHECK(parseMarker("(三)不予公开")->style == MarkerStyle::kCnParen);
  CHECK(parseMarker("2.规范重大决策权运行")->style == MarkerStyle::kDigit);
  CHECK(parseMarker("3、危及")->style == MarkerStyle::kDigit);
  CHECK(parseMarker("(1)属于")->style == MarkerStyle::kDigitParen);
  CHECK(parseMarker("第二部分:主要举措")->style == MarkerStyle::kChapter);
  CHECK(parseMarker("第三章 附则")->number == 3);
}

TEST_CASE("things that are not markers") {
  CHECK_FALSE(parseMarker("一是严格决策规则。"));
  CHECK_FALSE(parseMarker("2022年,全局共收到"));
  CHECK_FALSE(parseMarker("1.5万人次"));
  CHECK_FALSE(parseMarker("(医疗保障局)2022年度"));
  CHECK_FALSE(parseMarker("第二十条第(一)项"));
  CHECK_FALSE(parseMarker("引言"));
}

TEST_CASE("numbers") {
  CHECK(parseNumber("一") == 1);
  CHECK(parseNumber("十") == 10);
  CHECK(parseNumber("十二") == 12);
  CHECK(parseNumber("二十一") == 21);
  CHECK(parseNumber("一百零五") == 105);
  CHECK(parseNumber("12") == 12);
  CHECK(parseNumber("x") == -1);
}

TEST_CASE("sentence ends and enumerations") {
  CHECK(endsSentence("请审阅。"));
  CHECK(endsSentence("报告如下:"));
  CHECK(endsSentence("\"双随机\"检查。\""));  // normalized quotes
  CHECK_FALSE(endsSentence("中国特色社会"));
  CHECK(startsWithEnumeration("一是压实法治责任"));
  CHECK(startsWithEnumeration("三要全方位强化"));
  CHECK_FALSE(startsWithEnumeration("一、总体情况"));
}
