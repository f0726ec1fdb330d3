// document.h — the document model the rules see.
//
// A Document is built once per report (ingest.h) and never changes afterwards:
//   blocks    paragraphs as a reader found them, hard line wraps already joined,
//             each with its source span and its normalized text (text.h);
//   regions   front matter (a 报送 cover letter, a web page's metadata block),
//             the body, and back matter (主送/抄送/印发 footer);
//   metadata  title, issuing body, 文号, 签发人, dates, report year, each with
//             the span it was read from;
//   outline   the numbered parts of the body (一、 / （一） / 1. / （1）, 第一章,
//             markdown headings, or plain headings when a report has no numbers).
// `nianbao parse FILE` prints exactly this structure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/source.h"
#include "nianbao/text.h"

namespace nianbao {

enum class BlockKind {
  kParagraph,  // ordinary text (may be a heading: see Section)
  kHeading,    // a markdown '#' heading
  kTableRow,   // a line of a markdown pipe table
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span span;  // source bytes, first to last character
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  int md_level = 0;        // markdown '#' count for kHeading
  bool md_header = false;  // kTableRow followed by a |---| rule line
  NormText norm;           // normalized, reflowed text
};

enum class MarkerStyle {
  kNone,        // unnumbered (plain or markdown heading)
  kChapter,     // 第一章 / 第一部分
  kCnComma,     // 一、
  kCnParen,     // （一）
  kDigit,       // 1. or 1、
  kDigitParen,  // （1）
};
const char* markerStyleName(MarkerStyle s);

struct Section {
  int level = 1;  // 1 = a top-level part of the report
  MarkerStyle style = MarkerStyle::kNone;
  std::string marker;     // normalized marker, e.g. "一、" or "(一)"
  int number = 0;         // value of the marker, 0 when unnumbered
  std::string title;      // normalized heading text without the marker
  Span heading;           // source span of marker + title
  uint32_t line = 0;      // line of the heading
  size_t block = 0;       // index of the heading block
  size_t body_begin = 0;  // blocks [body_begin, body_end) belong to the section
  size_t body_end = 0;
  std::vector<Section> children;
};

struct MetaField {
  std::string value;   // normalized; dates as YYYY-MM-DD
  Span span;           // where it was read
  std::string source;  // how it was found, e.g. "title", "web-metadata", "footer"
};

// Names of the metadata fields, in display order.
inline constexpr const char* kMetadataFields[] = {
    "title",     "issuer",     "doc_number",   "signer",   "report_year",
    "sign_date", "issue_date", "publish_date", "index_no", "category",
};

// Chinese label of a metadata field ("title" -> "标题"); "" if unknown.
const char* metadataFieldLabel(std::string_view field);

struct Region {
  std::string kind;  // "cover-letter", "web-metadata", "letterhead", "footer", ...
  size_t begin = 0;  // block range [begin, end)
  size_t end = 0;
  std::string title;  // e.g. the cover letter's own title
};

// A table as read, before it is matched to a template: rows of cells with
// their source spans. Markdown pipe tables and plain-text tables (a label and
// whitespace-separated figures, as text copied out of PDFs looks) both end up
// here; HTML and DOCX tables will too.
enum class CellKind {
  kBlank,   // nothing written
  kNumber,  // 396, 1,234, 12.35 (full-width digits already folded)
  kSlash,   // "/" written where a number belongs
  kDash,    // "-", "—", "——"
  kText,    // a label or anything else
};
const char* cellKindName(CellKind k);

struct Cell {
  std::string text;  // normalized
  Span span;         // source bytes of the text; for a blank cell, where it sits
  CellKind kind = CellKind::kBlank;
  double value = 0;  // kNumber
  bool integer = false;
  int row_span = 1;
  int col_span = 1;
};

struct TableRow {
  std::vector<Cell> cells;
  uint32_t line = 0;
  Span span;
  bool header = false;  // marked as a header by the format (markdown row above |---|)
};

struct Table {
  std::string format;  // "markdown", "text"
  std::vector<TableRow> rows;
  size_t first_block = 0;  // blocks [first_block, last_block] hold it
  size_t last_block = 0;
};

// Classifies a cell's normalized text (sets kind, value, integer).
void classifyCell(Cell& cell);

struct Document {
  SourceText source;
  std::vector<Block> blocks;
  std::vector<Region> front;  // before the report body
  std::vector<Region> back;   // after it
  size_t body_begin = 0;      // blocks [body_begin, body_end) are the report itself
  size_t body_end = 0;
  std::map<std::string, MetaField> meta;
  std::vector<Section> parts;  // the outline: top-level parts with children
  std::vector<Table> tables;   // as read, in document order
  std::string type;            // report type id ("fz", "xg"), empty if unknown
  std::string type_source;     // "--type", "title", "parts"

  const MetaField* field(const std::string& name) const;
  std::optional<int> reportYear() const;
};

// Visits every section depth-first, parents before children.
template <typename F>
void forEachSection(const std::vector<Section>& sections, F&& f) {
  for (const Section& s : sections) {
    f(s);
    forEachSection(s.children, f);
  }
}

}  // namespace nianbao
