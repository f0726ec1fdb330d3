// Internal: the readers' output, before recognition. One reader per format turns
// decoded text into Lines; the block builder joins them into paragraphs.
#pragma once

#include <string>
#include <vector>

#include "nianbao/document.h"

namespace nianbao::detail {

enum class LineKind { kText, kBlank, kHeading, kTableRow, kTableRule };

struct Line {
  LineKind kind = LineKind::kText;
  uint32_t number = 0;  // 1-based source line
  Span content;         // source bytes of the text (markup such as '#' excluded)
  int md_level = 0;     // '#' count for kHeading
  std::string norm;     // normalized content, for the layout heuristics
};

// Bytes -> UTF-8. Throws InputError (with the byte offset) on undecodable input.
struct Decoded {
  std::string text;
  std::string encoding;
};
Decoded decodeText(const std::string& path, const std::string& bytes, const std::string& forced);

// Plain text and markdown: pipe tables and '#' headings are recognized in both,
// since PDF-to-text converters emit them whatever the file is called.
std::vector<Line> readTextLines(const SourceText& src);

}  // namespace nianbao::detail
