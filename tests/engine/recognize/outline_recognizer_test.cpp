// Golden outlines of the seeds: tests/golden/outlines/<seed>.txt lists each
// top-level part as "LINE<TAB>marker+title" (normalized). Every line number was
// checked by hand against the seed file.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace nianbao;

namespace {
std::string outline(const Document& d) {
  std::string out;
  for (const Section& s : d.parts) out += std::to_string(s.line) + "\t" + s.marker + s.title + "\n";
  return out;
}
}  // namespace

TEST_CASE("seed outlines match the hand-checked golden files") {
  for (const char* name : {"000_daaf7a29b731c3d8", "001_cda731678efe901b", "002_1924a0aa8324f161",
                           "003_6cdf66a710b6816f", "004_e216814a7c54799f"}) {
    CAPTURE(name);
    Document d = readDocument(test::seed(std::string(name) + ".txt"), {});
    CHECK(outline(d) == test::readFile(test::sourceDir() + "/tests/golden/outlines/" + name + ".txt"));
  }
}

TEST_CASE("subsections nest by numbering style") {
  Document d = test::docFromText(
      "一、主要举措和成效\n（一）统筹谋划\n1.夯实基础。继续发挥作用。\n2."
      "规范决策。内容。\n（二）严格管理\n二、存在的不足\n不足内容。\n");
  REQUIRE(d.parts.size() == 2);
  REQUIRE(d.parts[0].children.size() == 2);
  CHECK(d.parts[0].children[0].children.size() == 2);
  CHECK(d.parts[0].children[0].children[0].title == "夯实基础");
  CHECK(d.parts[0].children[0].children[0].level == 3);
  CHECK(d.parts[1].title == "存在的不足");
}

TEST_CASE("一是 enumerations are not parts") {
  Document d =
      test::docFromText("一、总体情况\n一是加强领导。二是完善制度。\n二是强化监督。\n二、主动公开\n");
  REQUIRE(d.parts.size() == 2);
  CHECK(d.parts[0].children.empty());
}

TEST_CASE("plain headings make the parts when a report has no numbers") {
  Document d = test::docFromText(
      "主要举措和成效\n全年审查规范性文件12件，提出意见35条，全部按期备案。\n"
      "存在的不足和原因\n部分部门法制审核力量不足，起草质量有待提高。\n"
      "下一年度主要安排\n深化行政复议体制改革，推进执法监督体系建设。\n");
  REQUIRE(d.parts.size() == 3);
  CHECK(d.parts[1].title == "存在的不足和原因");
  CHECK(d.parts[1].line == 3);
}

TEST_CASE("a plain heading that is also numbered is one part, its body after it") {
  // Found by fuzz_outline: "1.…" before its paragraph was both a plain heading
  // (a part) and a numbered heading (a child) of the same block; when the sort
  // put the child first, the part closed it with its body ending before it began.
  std::string text;
  for (int i = 1; i <= 20; ++i)
    text += std::to_string(i) + ".加强领导\n全年审查规范性文件12件，提出意见35条，全部按期备案。\n";
  Document d = test::docFromText(text);
  REQUIRE(d.parts.size() == 20);
  for (size_t i = 0; i < d.parts.size(); ++i) {
    CAPTURE(i);
    const Section& s = d.parts[i];
    CHECK(s.children.empty());
    CHECK(s.marker == std::to_string(i + 1) + ".");
    CHECK(s.title == "加强领导");
    CHECK(s.body_begin == s.block + 1);
    CHECK(s.body_begin <= s.body_end);
  }
}

TEST_CASE("cover letters of seeds 000 and 001 are front matter, not parts") {
  for (const char* name : {"000_daaf7a29b731c3d8", "001_cda731678efe901b"}) {
    CAPTURE(name);
    Document d = readDocument(test::seed(std::string(name) + ".txt"), {});
    bool cover = false;
    for (const Region& r : d.front) cover = cover || r.kind == "cover-letter";
    CHECK(cover);
    REQUIRE(!d.parts.empty());
    CHECK(d.parts[0].marker == "一、");
    CHECK(d.blocks[d.body_begin].first_line > 14);
  }
}
