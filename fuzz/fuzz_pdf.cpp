// libFuzzer target: the pdf reader (forced format "pdf"), then the
// recognizers, report type detection and the built-in rules.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return nianbao::fuzz::runReader("fuzz.pdf", "pdf", data, size);
}
