// libFuzzer target: the markdown reader (forced format "md"), then the
// recognizers, report type detection and the built-in rules.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return nianbao::fuzz::runReader("fuzz.md", "md", data, size);
}
