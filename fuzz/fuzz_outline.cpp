// libFuzzer target: the recognizers up to the outline (lines, blocks, inline
// headings, front/back matter and metadata, numbered parts) on UTF-8 text,
// with the document model's invariants checked. No rules: a fast target.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  std::optional<Document> doc = fuzz::recognizedText(data, size, "fuzz.txt", "txt");
  if (!doc) return 0;
  fuzz::checkModel(*doc);
  for (const Block& b : doc->blocks) (void)doc->source.position(b.span.begin);
  return 0;
}
