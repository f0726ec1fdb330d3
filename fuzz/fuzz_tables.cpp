// libFuzzer target: the table recognizer (markdown pipe tables and plain-text
// tables) and the table binder: the recognizers on UTF-8 text, then the
// report type, the built-in packs' table grids and their table rules.
#include <string>

#include "fuzz_support.h"
#include "ingest/reader.h"
#include "recognize/recognize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  const RuleSet& rules = fuzz::builtinRules();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.find('\0') != std::string::npos) return 0;
  detail::Decoded decoded;
  try {
    decoded = detail::decodeText("fuzz.md", bytes, "UTF-8");
  } catch (const InputError&) {
    return 0;
  }
  Document doc;
  doc.source = SourceText("fuzz.md", std::move(decoded.text), "UTF-8", "md");
  detail::recognizeStructure(doc);
  detail::recognizeTables(doc);
  fuzz::checkModel(doc);
  fuzz::checkDocument(doc, rules, "xg");  // the type with the official tables
  return 0;
}
