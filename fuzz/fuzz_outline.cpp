// libFuzzer target: the recognizers up to the outline (lines, blocks, inline
// headings, front/back matter and metadata, numbered parts) on UTF-8 text,
// with the document model's invariants checked. No rules: a fast target.
#include <string>

#include "fuzz_support.h"
#include "ingest/reader.h"
#include "recognize/recognize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.find('\0') != std::string::npos) return 0;  // refused as binary before this point
  detail::Decoded decoded;
  try {
    decoded = detail::decodeText("fuzz.txt", bytes, "UTF-8");  // what the recognizers get: valid UTF-8
  } catch (const InputError&) {
    return 0;
  }
  Document doc;
  doc.source = SourceText("fuzz.txt", std::move(decoded.text), "UTF-8", "txt");
  detail::recognizeStructure(doc);
  fuzz::checkModel(doc);
  for (const Block& b : doc.blocks) (void)doc.source.position(b.span.begin);
  return 0;
}
