// libFuzzer target: byte decoding (UTF-8 with/without BOM, UTF-16 with BOM,
// GB18030), detected or forced. The first byte picks the forced encoding; the
// result must be valid UTF-8 whatever the input.
#include <string>

#include "fuzz_support.h"
#include "ingest/reader.h"

namespace {

// Strict UTF-8: no overlongs, surrogates or code points past U+10FFFF.
bool validUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    size_t len = (b0 >= 0xC2 && b0 <= 0xDF)   ? 2
                 : (b0 >= 0xE0 && b0 <= 0xEF) ? 3
                 : (b0 >= 0xF0 && b0 <= 0xF4) ? 4
                                              : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90) ||
        (b0 == 0xF4 && b1 > 0x8F)) {
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kEncodings[] = {"", "UTF-8", "GB18030", "GBK", "UTF-16LE", "UTF-16BE", "Big5", "gb2312"};
  if (size == 0) return 0;
  const char* forced = kEncodings[data[0] % (sizeof kEncodings / sizeof kEncodings[0])];
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  nianbao::detail::Decoded decoded;
  try {
    decoded = nianbao::detail::decodeText("fuzz.txt", bytes, forced);
  } catch (const nianbao::InputError&) {
    return 0;
  }
  NIANBAO_FUZZ_CHECK(validUtf8(decoded.text));
  return 0;
}
