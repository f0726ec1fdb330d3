// Small textual cues shared by the recognizers: numbering markers, sentence ends.
#include <array>

#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

bool isCnNumeral(char32_t c) { return cnDigitValue(c) >= 0 || c == U'十' || c == U'百'; }

// Reads a run of Chinese numerals (at most `max` characters) at s[i].
std::string_view cnRun(std::string_view s, size_t i, size_t max) {
  size_t j = i, n = 0;
  while (j < s.size() && n < max) {
    size_t k = j;
    if (!isCnNumeral(decodeUtf8(s, k))) break;
    j = k;
    ++n;
  }
  return s.substr(i, j - i);
}

std::string_view digitRun(std::string_view s, size_t i, size_t max) {
  size_t j = i;
  while (j < s.size() && j - i < max && s[j] >= '0' && s[j] <= '9') ++j;
  return s.substr(i, j - i);
}

bool startsWith(std::string_view s, size_t i, std::string_view p) { return s.compare(i, p.size(), p) == 0; }

}  // namespace

int cnDigitValue(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int parseNumber(std::string_view s) {
  if (s.empty()) return -1;
  if (s[0] >= '0' && s[0] <= '9') {
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  int total = 0, current = 0;
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    int d = cnDigitValue(c);
    if (d >= 0) {
      current = d;
    } else if (c == U'十') {
      total += (current == 0 ? 1 : current) * 10;
      current = 0;
    } else if (c == U'百') {
      total += (current == 0 ? 1 : current) * 100;
      current = 0;
    } else {
      return -1;
    }
    any = true;
  }
  return any ? total + current : -1;
}

std::optional<Marker> parseMarker(std::string_view s) {
  Marker m;
  if (startsWith(s, 0, "第")) {
    size_t i = std::string_view("第").size();
    std::string_view num = cnRun(s, i, 4);
    if (num.empty()) num = digitRun(s, i, 2);
    if (num.empty()) return std::nullopt;
    size_t j = i + num.size();
    for (std::string_view unit : {"部分", "章", "篇"}) {
      if (startsWith(s, j, unit)) {
        m.style = MarkerStyle::kChapter;
        m.number = parseNumber(num);
        m.length = j + unit.size();
        // "第一部分：" / "第一章 " separators belong to the marker.
        if (m.length < s.size() && (s[m.length] == ':' || s[m.length] == ' ')) ++m.length;
        return m;
      }
    }
    return std::nullopt;
  }
  if (s.size() >= 3 && s[0] == '(') {
    std::string_view num = cnRun(s, 1, 3);
    m.style = MarkerStyle::kCnParen;
    if (num.empty()) {
      num = digitRun(s, 1, 2);
      m.style = MarkerStyle::kDigitParen;
    }
    if (num.empty() || 1 + num.size() >= s.size() || s[1 + num.size()] != ')') return std::nullopt;
    m.number = parseNumber(num);
    m.length = 2 + num.size();
    return m;
  }
  std::string_view num = cnRun(s, 0, 3);
  if (!num.empty()) {
    size_t j = num.size();
    if (startsWith(s, j, "、") || startsWith(s, j, ".") || startsWith(s, j, ",")) {
      m.style = MarkerStyle::kCnComma;
      m.number = parseNumber(num);
      m.length = j + (startsWith(s, j, "、") ? std::string_view("、").size() : 1);
      if (m.number <= 0) return std::nullopt;
      return m;
    }
    return std::nullopt;
  }
  num = digitRun(s, 0, 3);
  if (!num.empty() && num.size() <= 2) {
    size_t j = num.size();
    bool dot = startsWith(s, j, ".");
    bool comma = startsWith(s, j, "、");
    if (!dot && !comma) return std::nullopt;
    size_t after = j + (dot ? 1 : std::string_view("、").size());
    if (after < s.size() && s[after] >= '0' && s[after] <= '9') return std::nullopt;  // 1.5万
    m.style = MarkerStyle::kDigit;
    m.number = parseNumber(num);
    m.length = after;
    if (m.number <= 0) return std::nullopt;
    return m;
  }
  return std::nullopt;
}

bool startsWithEnumeration(std::string_view s) {
  std::string_view num = cnRun(s, 0, 2);
  if (num.empty()) return false;
  return startsWith(s, num.size(), "是") || startsWith(s, num.size(), "要") ||
         startsWith(s, num.size(), "方面");
}

bool endsSentence(std::string_view s) {
  // Strip closing quotes and brackets, then look at the last character.
  while (!s.empty()) {
    size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    size_t i = k;
    char32_t c = decodeUtf8(s, i);
    if (c == '"' || c == '\'' || c == ')' || c == U'》' || c == U'」' || c == U'』' || c == U'】') {
      s = s.substr(0, k);
      continue;
    }
    // NFKC turns … into "...".
    return c == U'。' || c == '!' || c == '?' || c == ';' || c == ':' || (c == '.' && s.ends_with("..."));
  }
  return false;
}

bool hasSentencePunct(std::string_view s) {
  return s.find(',') != std::string_view::npos || s.find("。") != std::string_view::npos ||
         s.find(';') != std::string_view::npos;
}

}  // namespace nianbao::detail
