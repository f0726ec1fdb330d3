// Plain text and markdown reader: classifies each source line.
#include "ingest/reader.h"
#include "nianbao/text.h"

namespace nianbao::detail {
namespace {

// Trims blank characters at both ends of [b, e).
Span trim(std::string_view text, uint32_t b, uint32_t e) {
  while (b < e) {
    size_t i = b;
    char32_t c = decodeUtf8(text, i);
    if (!isBlankChar(c)) break;
    b = static_cast<uint32_t>(i);
  }
  while (e > b) {
    size_t s = e - 1;
    while (s > b && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
    size_t i = s;
    char32_t c = decodeUtf8(text, i);
    if (!isBlankChar(c)) break;
    e = static_cast<uint32_t>(s);
  }
  return Span{b, e};
}

bool isTableRule(std::string_view s) {
  bool dash = false;
  for (char c : s) {
    if (c == '-')
      dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t')
      return false;
  }
  return dash && s.find('|') != std::string_view::npos;
}

}  // namespace

void protectParagraph(std::string& line) {
  size_t at = 0;
  for (size_t i = 0; i < line.size();) {
    if (!isBlankChar(decodeUtf8(line, i))) break;
    at = i;
  }
  if (at < line.size() && (line[at] == '|' || line[at] == '#'))
    line.replace(at, 1, line[at] == '|' ? "｜" : "＃");
}

std::vector<Line> readTextLines(const SourceText& src) {
  std::vector<Line> lines;
  const std::string& text = src.text();
  lines.reserve(src.lineCount());
  for (uint32_t n = 1; n <= src.lineCount(); ++n) {
    uint32_t start = src.lineStart(n);
    std::string_view raw = src.line(n);
    Line line;
    line.number = n;
    line.content = trim(text, start, start + static_cast<uint32_t>(raw.size()));
    std::string_view body(text.data() + line.content.begin, line.content.end - line.content.begin);
    if (line.content.empty()) {
      line.kind = LineKind::kBlank;
    } else if (body.front() == '|') {
      line.kind = isTableRule(body) ? LineKind::kTableRule : LineKind::kTableRow;
    } else if (body.front() == '#') {
      size_t k = body.find_first_not_of('#');
      if (k != std::string_view::npos && k <= 6 && (body[k] == ' ' || body[k] == '\t')) {
        line.kind = LineKind::kHeading;
        line.md_level = static_cast<int>(k);
        line.content = trim(text, line.content.begin + static_cast<uint32_t>(k), line.content.end);
        body = std::string_view(text.data() + line.content.begin, line.content.end - line.content.begin);
      }
    }
    if (line.kind != LineKind::kBlank) line.norm = normalizeText(body);
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace nianbao::detail
