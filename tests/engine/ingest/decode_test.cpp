// Byte decoding: regressions found by fuzzing (fuzz/fuzz_decode.cpp).
#include <doctest/doctest.h>

#include "ingest/reader.h"
#include "test_support.h"

using namespace nianbao;
using namespace nianbao::detail;

TEST_CASE("decode: a UTF-8 BOM followed by invalid UTF-8 is refused, with the offset") {
  // Was passed through unchecked: the document model requires valid UTF-8.
  std::string bytes = "\xEF\xBB\xBF\xE4\xB8\x80\xE3";  // BOM, 一, a truncated sequence
  try {
    decodeText("bom.txt", bytes, "");
    FAIL("no InputError");
  } catch (const InputError& e) {
    CHECK(e.offset() == 6);
  }
  CHECK_THROWS_AS(parseDocument("bom.txt", bytes, ReadOptions{}), InputError);
}

TEST_CASE("decode: a UTF-8 BOM is dropped from valid text") {
  Decoded d = decodeText("bom.txt", "\xEF\xBB\xBF\xE4\xB8\x80", "");
  CHECK(d.text == "\xE4\xB8\x80");
  CHECK(d.encoding == "UTF-8");
}
