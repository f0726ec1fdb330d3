// libFuzzer target: the text reader (forced format "txt"), then the
// recognizers, report type detection and the built-in rules.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return nianbao::fuzz::runReader("fuzz.txt", "txt", data, size);
}
