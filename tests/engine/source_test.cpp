#include "nianbao/source.h"

#include <doctest/doctest.h>

using namespace nianbao;

TEST_CASE("positions are 1-based lines and code-point columns") {
  SourceText s("a.txt", "第一行\n第二行ab\n", "UTF-8", "txt");
  CHECK(s.lineCount() == 2);
  Position p = s.position(static_cast<uint32_t>(std::string("第一行\n第二").size()));
  CHECK(p.line == 2);
  CHECK(p.column == 3);
  CHECK(s.line(2) == "第二行ab");
}

TEST_CASE("CRLF and lone CR end lines") {
  SourceText s("a.txt", "一\r\n二\r三", "UTF-8", "txt");
  CHECK(s.lineCount() == 3);
  CHECK(s.line(1) == "一");
  CHECK(s.line(2) == "二");
  CHECK(s.position(static_cast<uint32_t>(std::string("一\r\n二\r").size())).line == 3);
}

TEST_CASE("a final line break does not count as a line; offsets clamp") {
  SourceText s("a.txt", "x\ny\n", "UTF-8", "txt");
  CHECK(s.lineCount() == 2);
  CHECK(s.position(999).offset == 4);
  CHECK(s.line(0).empty());
  CHECK(s.line(7).empty());
}
