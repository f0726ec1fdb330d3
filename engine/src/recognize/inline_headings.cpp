// Splits headings out of run-on paragraphs.
//
// Text scraped from web pages often puts a whole report on one line:
//   "…如有疑问请联系。 一、总体情况 2022年，平潭… 二、主动公开政府信息情况第二十条…"
// A marker inside a paragraph opens a new block only when it continues the
// document's numbering (一、 after nothing, 二、 after 一、, （二） after （一）
// within the same part) and stands where a heading can: after a sentence end, a
// number, or a break the source had (whitespace removed by normalization). The
// heading's title then ends at the next such break or sentence punctuation.
#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

bool sourceGapBefore(const NormText& t, size_t i) { return i > 0 && t.sourceEnd(i - 1) != t.sourceBegin(i); }

// The word at byte i is a figure, not prose: a table row label came before it
// ("四、结转下年度继续办理 0000000"). A year or a count with its unit
// ("一、总体情况 2022年，…") is prose.
bool numericWordAt(const NormText& t, size_t i) {
  const std::string& s = t.text;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  size_t j = i;
  while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.') && (j == i || !sourceGapBefore(t, j)))
    ++j;
  std::string_view rest = std::string_view(s).substr(j);
  for (std::string_view unit : {"年", "月", "日", "%", "件", "条", "人", "个", "次", "万", "亿"}) {
    if (rest.starts_with(unit)) return false;
  }
  return true;
}

constexpr size_t kMaxHeading = 30;  // code points: longer runs are text, not heading

// The heading runs from its marker to the next break the source had, or to a
// sentence mark, an opening bracket, 第 (a table caption such as 第二十条 follows)
// or a number after its words (a year opening the text, or a table's figures).
size_t headingEnd(const NormText& n, size_t cut, size_t marker_length) {
  const std::string& t = n.text;
  size_t end = cut + marker_length;
  bool words = false;
  size_t count = 0;
  while (end < t.size() && count++ < kMaxHeading) {
    if (end > cut + marker_length && sourceGapBefore(n, end)) break;
    size_t k = end;
    char32_t c = decodeUtf8(t, k);
    if (c == ',') {
      // "一、加强党的领导，坚定法治建设方向（一）深入学习…": the title goes on past
      // its comma when a sub-heading marker closes it within a heading's length.
      size_t j = k, more = count;
      while (j < t.size() && more++ < kMaxHeading) {
        size_t q = j;
        char32_t d = decodeUtf8(t, q);
        if (d == '(' && parseMarker(std::string_view(t).substr(j))) break;
        if (d == U'。' || d == ',' || d == ';' || d == ':' || d == U'第' || (d >= '0' && d <= '9')) {
          j = t.size();
          break;
        }
        j = q;
      }
      if (j < t.size() && more <= kMaxHeading && t[j] == '(') end = j;
      break;
    }
    if (c == U'。' || c == ';' || c == ':' || c == '(' || c == U'第') break;
    if (words && c >= '0' && c <= '9') break;
    words = words || isCjk(c);
    end = k;
  }
  return end;
}

Block slice(const SourceText& src, const Block& b, size_t from, size_t to) {
  Block out;
  out.kind = BlockKind::kParagraph;
  out.norm = b.norm.slice(from, to);
  out.span = out.norm.toSource(0, out.norm.text.size());
  if (from == 0) out.span.begin = b.span.begin;
  if (to == b.norm.text.size()) out.span.end = b.span.end;
  out.first_line = src.lineOf(out.span.begin);
  out.last_line = src.lineOf(out.span.end > out.span.begin ? out.span.end - 1 : out.span.begin);
  return out;
}

}  // namespace

void splitInlineHeadings(const SourceText& src, std::vector<Block>& blocks) {
  std::vector<Block> out;
  int l1 = 0, l2 = 0;  // the numbering so far
  for (Block& b : blocks) {
    if (b.kind != BlockKind::kParagraph) {
      out.push_back(std::move(b));
      continue;
    }
    const std::string& t = b.norm.text;
    if (auto m = parseMarker(t)) {
      if (m->style == MarkerStyle::kCnComma && (l1 == 0 || m->number == l1 + 1)) l1 = m->number, l2 = 0;
      if (m->style == MarkerStyle::kCnParen && m->number == l2 + 1) l2 = m->number;
      if (m->style == MarkerStyle::kChapter) l1 = l2 = 0;
    }
    // Cuts with the end of their heading text. A 一、 label followed by figures
    // ("四、结转下年度继续办理 0 0 0") is a table row unless nothing better comes:
    // it is kept "weak", and a later heading with the same number replaces it.
    std::vector<std::pair<size_t, size_t>> cuts;
    bool weak = false;
    for (size_t i = 1; i < t.size(); ++i) {
      if ((static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) continue;
      size_t k = i;
      char32_t c = decodeUtf8(t, k);
      // Only ( and the numerals 一…十 can open a marker.
      static constexpr std::u32string_view kOpeners = U"(一二三四五六七八九十";
      if (kOpeners.find(c) == std::u32string_view::npos) continue;
      auto m = parseMarker(std::string_view(t).substr(i));
      if (!m) continue;
      char32_t prev = codePointBefore(t, i);
      // A figure with its unit ends there too: "…2895.90元三、收到和处理…".
      static constexpr std::u32string_view kUnits = U"元件条份人次个项";
      size_t p = i - (prev < 0x80 ? 1 : prev < 0x800 ? 2 : 3);
      bool after_figure =
          kUnits.find(prev) != std::u32string_view::npos && p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9';
      bool after_break = sourceGapBefore(b.norm, i) || prev == U'。' || prev == ';' || prev == ':' ||
                         prev == '!' || prev == '?' || (prev >= '0' && prev <= '9') || after_figure;
      bool replaces = weak && m->style == MarkerStyle::kCnComma && m->number == l1 && after_break;
      bool l1_next = m->style == MarkerStyle::kCnComma && m->number == l1 + 1 && after_break;
      bool l2_next = m->style == MarkerStyle::kCnParen && l1 > 0 && m->number == l2 + 1 && prev != U'第' &&
                     (after_break || isCjk(prev));
      if (!replaces && !l1_next && !l2_next) continue;
      size_t end = headingEnd(b.norm, i, m->length);
      // A （一） label followed by bare figures is a table row label under a
      // group label ("三、本年度办理结果（一）予以公开 50 5 0 …"), not a heading.
      if (l2_next && !replaces && !l1_next && numericWordAt(b.norm, end)) continue;
      if (replaces) cuts.pop_back();
      cuts.emplace_back(i, end);
      if (replaces || l1_next) {
        l1 = m->number;
        l2 = 0;
        weak = numericWordAt(b.norm, end);
      } else {
        l2 = m->number;
      }
      i = end - 1;
    }
    if (cuts.empty()) {
      out.push_back(std::move(b));
      continue;
    }
    size_t from = 0;
    for (auto [cut, end] : cuts) {
      if (cut > from) out.push_back(slice(src, b, from, cut));
      out.push_back(slice(src, b, cut, end));
      from = end;
    }
    if (from < t.size()) out.push_back(slice(src, b, from, t.size()));
  }
  blocks = std::move(out);
}

}  // namespace nianbao::detail
