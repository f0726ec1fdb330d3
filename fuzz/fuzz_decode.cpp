// libFuzzer target: byte decoding (UTF-8 with/without BOM, UTF-16 with BOM,
// GB18030), detected or forced. The first byte picks the forced encoding; the
// result must be valid UTF-8 whatever the input.
#include <unicode/ustring.h>

#include <string>

#include "fuzz_support.h"
#include "ingest/reader.h"

namespace {

// The oracle is ICU's strict UTF-8 reader, not a copy of the code under test:
// no overlongs, surrogates or code points past U+10FFFF.
bool validUtf8(const std::string& s) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, s.data(), static_cast<int32_t>(s.size()), &st);
  return st != U_INVALID_CHAR_FOUND && st != U_ILLEGAL_ARGUMENT_ERROR;
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
