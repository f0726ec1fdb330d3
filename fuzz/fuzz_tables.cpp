// libFuzzer target: the table recognizer (markdown pipe tables and plain-text
// tables) and the table binder: the recognizers on UTF-8 text, then the
// report type, the built-in packs' table grids and their table rules.
#include "fuzz_support.h"
#include "recognize/recognize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  std::optional<Document> doc = fuzz::recognizedText(data, size, "fuzz.md", "md");
  if (!doc) return 0;
  detail::recognizeTables(*doc);
  fuzz::checkModel(*doc);
  fuzz::checkDocument(*doc, fuzz::builtinRules(), "xg");  // the type with the official tables
  return 0;
}
