// Decoding: UTF-8 (BOM or not), UTF-16 with BOM, and GB18030 (which covers GBK
// and GB2312) when the bytes are not valid UTF-8. ICU does the conversion.
#include <unicode/ucnv.h>

#include <memory>

#include "ingest/reader.h"
#include "nianbao/ingest.h"

namespace nianbao::detail {
namespace {

// Offset of the first invalid UTF-8 sequence, or -1.
int64_t firstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    int len = (b0 >= 0xC2 && b0 <= 0xDF)   ? 2
              : (b0 >= 0xE0 && b0 <= 0xEF) ? 3
              : (b0 >= 0xF0 && b0 <= 0xF4) ? 4
                                           : 0;
    if (len == 0 || i + len > s.size()) return static_cast<int64_t>(i);
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return static_cast<int64_t>(i);
    }
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90) ||
        (b0 == 0xF4 && b1 > 0x8F)) {
      return static_cast<int64_t>(i);  // overlong, surrogate or beyond U+10FFFF
    }
    i += len;
  }
  return -1;
}

// Converts with ICU, stopping at the first illegal sequence (no silent U+FFFD).
std::string convert(const std::string& path, const std::string& bytes, const char* charset, size_t skip) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset, &st), ucnv_close);
  if (U_FAILURE(st)) throw InputError(path, std::string("不支持的编码：") + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  std::u16string utf16(bytes.size() + 1, u'\0');
  const char* src = bytes.data() + skip;
  const char* src_end = bytes.data() + bytes.size();
  UChar* dst = reinterpret_cast<UChar*>(utf16.data());
  UChar* dst_end = dst + utf16.size();
  UChar* dst_begin = dst;
  ucnv_toUnicode(conv.get(), &dst, dst_end, &src, src_end, nullptr, true, &st);
  if (U_FAILURE(st)) {
    throw InputError(path, std::string("无法按 ") + charset + " 解码", src - bytes.data());
  }
  utf16.resize(static_cast<size_t>(dst - dst_begin));
  std::string out;
  out.reserve(utf16.size() * 3);
  for (size_t i = 0; i < utf16.size(); ++i) {
    char32_t c = utf16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < utf16.size()) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
      ++i;
    }
    appendUtf8(out, c);
  }
  return out;
}

}  // namespace

Decoded decodeText(const std::string& path, const std::string& bytes, const std::string& forced) {
  auto starts = [&](std::string_view p) { return bytes.compare(0, p.size(), p) == 0; };
  std::string enc = forced;
  for (char& c : enc) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // A UTF-8 BOM declares UTF-8: the text is checked like forced UTF-8 below.
  if (enc.empty() && starts("\xEF\xBB\xBF")) enc = "UTF-8";
  if (enc.empty()) {
    if (starts("\xFF\xFE")) return {convert(path, bytes, "UTF-16LE", 2), "UTF-16LE"};
    if (starts("\xFE\xFF")) return {convert(path, bytes, "UTF-16BE", 2), "UTF-16BE"};
    int64_t bad = firstInvalidUtf8(bytes);
    if (bad < 0) return {bytes, "UTF-8"};
    try {
      return {convert(path, bytes, "GB18030", 0), "GB18030"};
    } catch (const InputError&) {
      throw InputError(path, "不是有效的 UTF-8 或 GB18030 文本（可用 --encoding 指定编码）", bad);
    }
  }
  if (enc == "UTF-8" || enc == "UTF8") {
    size_t skip = starts("\xEF\xBB\xBF") ? 3 : 0;
    int64_t bad = firstInvalidUtf8(std::string_view(bytes).substr(skip));
    if (bad >= 0) throw InputError(path, "不是有效的 UTF-8 文本", bad + static_cast<int64_t>(skip));
    return {bytes.substr(skip), "UTF-8"};
  }
  return {convert(path, bytes, enc.c_str(), 0), enc};
}

}  // namespace nianbao::detail
