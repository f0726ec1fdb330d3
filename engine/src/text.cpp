#include "nianbao/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace nianbao {

size_t encodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

void appendUtf8(std::string& out, char32_t c) {
  char buf[4];
  out.append(buf, encodeUtf8(c, buf));
}

bool isBlankChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0xA0 || c == 0x3000 ||
         c == 0x200B || c == 0xFEFF;
}

size_t prevCodePointStart(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return k;
}

char32_t codePointBefore(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t k = prevCodePointStart(s, i);
  return decodeUtf8(s, k);
}

char32_t decodeUtf8(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = (b0 >= 0xF0 && b0 < 0xF8) ? 4 : (b0 >= 0xE0) ? 3 : (b0 >= 0xC2) ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = b0 & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  i += len;
  return c;
}

size_t codePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool isCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

int displayWidth(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    if (c == '\t') {
      w += 4;
      continue;
    }
    int ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    int gc = u_charType(static_cast<UChar32>(c));
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) continue;
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

namespace {

bool isSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  // No Unicode space lies above U+3000: the CJK text of a report skips ICU.
  return c <= 0x3000 && u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool isAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters that are folded after NFKC: the many quotes and dashes real reports
// mix, which NFKC leaves apart.
char32_t foldAfterNfkc(char32_t c) {
  switch (c) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x301D:
    case 0x301E:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2E3A:
    case 0x2E3B:
    case '~':
    case 0x301C:
      return '-';
    default:
      return c;
  }
}

std::u32string foldUncached(char32_t c);

// NFKC of one code point plus our folding; empty for characters to drop.
// Cached per thread: reports repeat a few thousand distinct characters, so the
// BMP gets a direct table (index into `folded`, 0 = not yet computed).
const std::u32string& foldChar(char32_t c) {
  thread_local std::vector<uint32_t> slot(0x10000, 0);
  thread_local std::vector<std::u32string> folded(1);
  thread_local std::unordered_map<char32_t, std::u32string> astral;
  if (c < 0x10000) {
    uint32_t& k = slot[c];
    if (k == 0) {
      folded.push_back(foldUncached(c));
      k = static_cast<uint32_t>(folded.size() - 1);
    }
    return folded[k];
  }
  auto it = astral.find(c);
  if (it != astral.end()) return it->second;
  return astral.emplace(c, foldUncached(c)).first->second;
}

std::u32string foldUncached(char32_t c) {
  std::u32string out;
  int gc = u_charType(static_cast<UChar32>(c));
  if (gc != U_FORMAT_CHAR && gc != U_CONTROL_CHAR) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
    icu::UnicodeString in(static_cast<UChar32>(c));
    icu::UnicodeString n = U_SUCCESS(st) ? nfkc->normalize(in, st) : in;
    if (U_FAILURE(st)) n = in;
    for (int32_t k = 0; k < n.length();) {
      UChar32 d = n.char32At(k);
      k += U16_LENGTH(d);
      out += foldAfterNfkc(static_cast<char32_t>(d));
    }
  }
  return out;
}

}  // namespace

const NormText::Run& NormText::runAt(size_t k) const {
  auto it = std::upper_bound(runs.begin(), runs.end(), k, [](size_t v, const Run& r) { return v < r.norm; });
  return *(it - 1);  // runs[0].norm == 0
}

uint32_t NormText::sourceBegin(size_t k) const {
  const Run& r = runAt(k);
  if (r.src_end != 0) return r.src;
  // A copied run: the start of the code point around byte k, at the same offset.
  size_t c = k;
  while (c > r.norm && (static_cast<unsigned char>(text[c]) & 0xC0) == 0x80) --c;
  return r.src + static_cast<uint32_t>(c - r.norm);
}

uint32_t NormText::sourceEnd(size_t k) const {
  const Run& r = runAt(k);
  if (r.src_end != 0) return r.src_end;
  size_t c = k + 1;
  size_t next = &r + 1 < runs.data() + runs.size() ? (&r + 1)->norm : text.size();
  while (c < next && (static_cast<unsigned char>(text[c]) & 0xC0) == 0x80) ++c;
  return r.src + static_cast<uint32_t>(c - r.norm);
}

Span NormText::toSource(size_t b, size_t e) const {
  if (b >= e || b >= text.size() || runs.empty()) return {};
  e = std::min(e, text.size());
  return Span{sourceBegin(b), sourceEnd(e - 1)};
}

NormText NormText::slice(size_t b, size_t e) const {
  NormText out;
  e = std::min(e, text.size());
  if (b >= e) return out;
  out.text = text.substr(b, e - b);
  if (runs.empty()) return out;
  auto first =
      std::upper_bound(runs.begin(), runs.end(), b, [](size_t v, const Run& r) { return v < r.norm; }) - 1;
  for (auto it = first; it != runs.end() && it->norm < e; ++it) {
    Run r = *it;
    if (r.norm < b) {  // the run that b falls in starts at b now
      if (r.src_end == 0) r.src += static_cast<uint32_t>(b - r.norm);
      r.norm = static_cast<uint32_t>(b);
    }
    r.norm -= static_cast<uint32_t>(b);
    out.runs.push_back(r);
  }
  return out;
}

void NormBuilder::append(std::string_view source, Span span) {
  size_t end = std::min<size_t>(span.end, source.size());
  if (span.begin < end) {
    // NFKC mostly shrinks report text (full-width forms become ASCII): the
    // source length is a good upper bound, so the text grows once, not per byte.
    size_t want = out_.text.size() + (end - span.begin);
    auto grow = [want](auto& v) {  // geometric: a builder gets many small appends
      if (v.capacity() < want) v.reserve(std::max(want, 2 * v.capacity()));
    };
    grow(out_.text);
  }
  for (size_t i = span.begin; i < end;) {
    size_t start = i;
    // Fast path: printable ASCII but '~', and the CJK ideographs U+4E00-U+9FFF,
    // are their own normal form; their bytes are copied as they are. Most of a
    // report is one or the other.
    auto b0 = static_cast<unsigned char>(source[i]);
    if (b0 > 0x20 && b0 < 0x7F && b0 != '~') {
      ++i;
      put(b0, source.substr(start, 1), start, i, true);
      continue;
    }
    if (b0 >= 0xE4 && b0 <= 0xE9 && i + 2 < end &&
        (static_cast<unsigned char>(source[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(source[i + 2]) & 0xC0) == 0x80) {
      char32_t c = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(source[i + 1]) & 0x3Fu) << 6) |
                   (static_cast<unsigned char>(source[i + 2]) & 0x3Fu);
      if (c >= 0x4E00 && c <= 0x9FFF) {
        i += 3;
        put(c, source.substr(start, 3), start, i, true);
        continue;
      }
    }
    char32_t c = decodeUtf8(source, i);
    if (isSpace(c)) {
      if (!pending_space_) space_origin_ = static_cast<uint32_t>(start);
      pending_space_ = true;
      continue;
    }
    char32_t ascii[1] = {c == '~' ? U'-' : c};
    std::u32string_view folded =
        c < 0x80 && c >= 0x20 ? std::u32string_view(ascii, 1) : std::u32string_view(foldChar(c));
    for (char32_t d : folded) {
      if (isSpace(d)) {  // NFKC turns U+3000 and friends into spaces
        if (!pending_space_) space_origin_ = static_cast<uint32_t>(start);
        pending_space_ = true;
        continue;
      }
      char buf[4];
      put(d, std::string_view(buf, encodeUtf8(d, buf)), start, i, false);
    }
  }
}

void NormBuilder::put(char32_t d, std::string_view bytes, size_t start, size_t end, bool copied) {
  auto mapped = [&](uint32_t src, uint32_t src_end) {
    // Several output code points of one source character share one run.
    const NormText::Run* last = out_.runs.empty() ? nullptr : &out_.runs.back();
    if (!last || last->src_end == 0 || last->src != src || last->src_end != src_end)
      out_.runs.push_back({static_cast<uint32_t>(out_.text.size()), src, src_end});
  };
  if (pending_space_ && isAsciiAlnum(last_) && isAsciiAlnum(d)) {
    if (track_) mapped(space_origin_, space_origin_ + 1);
    out_.text += ' ';
  }
  pending_space_ = false;
  if (track_) {
    if (!copied) {
      mapped(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
    } else {
      // A copied run goes on while the source goes on where it left off.
      const NormText::Run* last = out_.runs.empty() ? nullptr : &out_.runs.back();
      bool extends = last && last->src_end == 0 && last->src + (out_.text.size() - last->norm) == start;
      if (!extends)
        out_.runs.push_back({static_cast<uint32_t>(out_.text.size()), static_cast<uint32_t>(start), 0});
    }
  }
  out_.text.append(bytes);
  last_ = d;
}

void NormBuilder::breakWord() { pending_space_ = pending_space_ || last_ != 0; }

NormText NormBuilder::finish() && { return std::move(out_); }

std::string normalizeText(std::string_view s) {
  NormBuilder b(false);
  b.append(s, Span{0, static_cast<uint32_t>(s.size())});
  return std::move(b).finish().text;
}

std::string normalizePattern(std::string_view pattern) {
  static constexpr std::string_view kMeta = "\\.^$|?*+()[]{}";
  std::string out;
  char32_t last = 0;
  for (size_t i = 0; i < pattern.size();) {
    size_t at = i;
    char32_t c = decodeUtf8(pattern, i);
    if (c == ' ') {
      // Text keeps a space only between ASCII letters or digits; elsewhere a
      // space in a pattern could never match, so it goes the same way.
      size_t k = i;
      char32_t next = k < pattern.size() ? decodeUtf8(pattern, k) : 0;
      if (isAsciiAlnum(last) && isAsciiAlnum(next)) out += ' ';
      (void)at;
      continue;
    }
    last = c;
    if (c == '~') {
      out += '-';
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    for (char32_t d : foldChar(c)) {
      if (isSpace(d)) continue;
      if (d < 0x80 && kMeta.find(static_cast<char>(d)) != std::string_view::npos) out += '\\';
      appendUtf8(out, d);
    }
  }
  return out;
}

}  // namespace nianbao
