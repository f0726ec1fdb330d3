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

// Everything after decoding but the tables: lines, paragraphs, inline
// headings, front and back matter, outline. parseDocument runs this and then
// recognizeTables; the fuzz targets call the stages they exercise through it.
void recognizeStructure(Document& doc);

// Formats whose text nianbao extracts. Each reader returns the report as lines
// of text joined by '\n', with one origin per line, following the conventions
// the text reader understands:
//   - a paragraph is one line (PDF keeps its visual lines: the block builder
//     joins hard wraps as for text copied out of PDFs);
//   - a heading is "#"×level + " " + its text, numbering rebuilt where the
//     format hides it (Word's automatic 一、/（一）/1.);
//   - a table is markdown: "| a | b |" rows, a "|---|" rule after the first,
//     merged cells expanded into blank cells, "|" in cell text escaped.
// Bad input throws InputError naming the file (and the byte offset if any).
// Keeps a paragraph that opens with | or # from being read as a table row or a
// heading: the full-width form normalizes back to the same character.
void protectParagraph(std::string& line);

struct Extracted {
  std::string text;
  std::vector<LineOrigin> origins;  // one per line of `text`
};
Extracted readHtml(const std::string& path, const std::string& utf8);
Extracted readDocx(const std::string& path, const std::string& bytes);
Extracted readPdf(const std::string& path, const std::string& bytes);

}  // namespace nianbao::detail
