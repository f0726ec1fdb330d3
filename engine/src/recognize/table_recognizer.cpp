// Tables as read: markdown pipe tables, and plain-text tables.
//
// A markdown table is a run of |…| rows; a row above a |---| rule starts a new
// one (PDF-to-markdown converters restart the table at every page, so one
// logical table arrives in pieces: the template binder stitches them).
// A plain-text table is a run of paragraphs that each read as a label followed
// by two or more whitespace-separated figures ("一、本年新收… 360 19 0 0 2 15
// 396"), possibly with short label-only lines between them.
#include <algorithm>

#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

// Trims blank characters at both ends of [b, e) of `text`.
Span trimSpan(std::string_view text, uint32_t b, uint32_t e) {
  while (b < e) {
    size_t i = b;
    if (!isBlankChar(decodeUtf8(text, i))) break;
    b = static_cast<uint32_t>(i);
  }
  while (e > b) {
    size_t s = e - 1;
    while (s > b && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
    size_t i = s;
    if (!isBlankChar(decodeUtf8(text, i))) break;
    e = static_cast<uint32_t>(s);
  }
  return Span{b, e};
}

Cell makeCell(std::string_view text, Span span) {
  Cell c;
  c.span = span;
  c.text = normalizeText(text.substr(span.begin, span.end - span.begin));
  classifyCell(c);
  return c;
}

// Splits "| a | b |" into cells; a blank cell's span is the point where it sits.
TableRow markdownRow(const SourceText& src, const Block& b) {
  std::string_view text = src.text();
  TableRow row;
  row.line = b.first_line;
  row.span = b.span;
  row.header = b.md_header;
  uint32_t i = b.span.begin;
  uint32_t end = b.span.end;
  if (i < end && text[i] == '|') ++i;
  while (i <= end) {
    uint32_t j = i;
    while (j < end && text[j] != '|') {
      if (text[j] == '\\' && j + 1 < end) ++j;  // \| is a literal pipe
      ++j;
    }
    if (j >= end && i >= end) break;
    Span s = trimSpan(text, i, j);
    if (s.empty()) s = Span{i, i};
    row.cells.push_back(makeCell(text, s));
    if (j >= end) break;
    i = j + 1;
  }
  return row;
}

bool valueToken(const Cell& c) {
  return c.kind == CellKind::kNumber || c.kind == CellKind::kSlash || c.kind == CellKind::kDash;
}

// The label without its bracketed remarks: "（二）部分公开（区分处理的，只计这一
// 情形，不计其他情形）" is a label, though the remark has commas.
std::string outsideBrackets(std::string_view s) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    size_t k = i;
    char32_t c = decodeUtf8(s, k);
    if (c == '(' || c == U'（') ++depth;
    if (depth == 0) out.append(s.substr(i, k - i));
    if ((c == ')' || c == U'）') && depth > 0) --depth;
    i = k;
  }
  return out;
}

// A paragraph read as "label v1 v2 …": the trailing whitespace-separated value
// tokens become cells, everything before them the label cell. A row that opens
// a table needs two values; inside one, a labelled single figure is a row too
// (表二's "行政许可 550").
std::optional<TableRow> textRow(const SourceText& src, const Block& b, size_t min_values = 2) {
  if (b.kind != BlockKind::kParagraph) return std::nullopt;
  std::string_view text = src.text();
  std::vector<Span> tokens;
  uint32_t i = b.span.begin;
  while (i < b.span.end) {
    size_t k = i;
    if (isBlankChar(decodeUtf8(text, k))) {
      i = static_cast<uint32_t>(k);
      continue;
    }
    uint32_t start = i;
    while (i < b.span.end) {
      size_t m = i;
      if (isBlankChar(decodeUtf8(text, m))) break;
      i = static_cast<uint32_t>(m);
    }
    tokens.push_back(Span{start, i});
  }
  size_t values = 0;
  std::vector<Cell> cells;
  for (size_t t = tokens.size(); t-- > 0;) {
    Cell c = makeCell(text, tokens[t]);
    if (!valueToken(c)) break;
    cells.insert(cells.begin(), c);
    ++values;
  }
  size_t label_tokens = tokens.size() - values;
  size_t numbers =
      std::count_if(cells.begin(), cells.end(), [](const Cell& c) { return c.kind == CellKind::kNumber; });
  // "— 4 —" is a page number, not a row: rows need figures, and a row with no
  // label needs three of them.
  if (values < min_values || numbers == 0 || (label_tokens == 0 && numbers < 3)) return std::nullopt;
  TableRow row;
  row.line = b.first_line;
  row.span = b.span;
  if (label_tokens > 0) {
    Span label{tokens.front().begin, tokens[label_tokens - 1].end};
    Cell l = makeCell(text, label);
    // A label is short and is not running text.
    std::string bare = outsideBrackets(l.text);
    if (codePointCount(l.text) > 80 || hasSentencePunct(bare) || bare.find("。") != std::string::npos) {
      return std::nullopt;
    }
    row.cells.push_back(std::move(l));
  }
  row.cells.insert(row.cells.end(), cells.begin(), cells.end());
  return row;
}

// A short line between text-table rows: a group label ("（三）不予公开") or
// a label broken over two lines.
bool labelLine(const Block& b) {
  std::string_view t = b.norm.text;
  // "申请人情况：…" introduces the next table's header, not a label.
  std::string bare = outsideBrackets(t);
  return b.kind == BlockKind::kParagraph && !t.empty() && codePointCount(t) <= 40 &&
         !hasSentencePunct(bare) && bare.find(':') == std::string::npos;
}

}  // namespace

void recognizeTables(Document& doc) {
  const SourceText& src = doc.source;
  auto& blocks = doc.blocks;
  size_t i = 0;
  while (i < blocks.size()) {
    if (blocks[i].kind == BlockKind::kTableRow) {
      Table t;
      t.format = "markdown";
      t.first_block = i;
      do {
        t.rows.push_back(markdownRow(src, blocks[i]));
        t.last_block = i;
        ++i;
      } while (i < blocks.size() && blocks[i].kind == BlockKind::kTableRow && !blocks[i].md_header);
      doc.tables.push_back(std::move(t));
      continue;
    }
    if (auto first = textRow(src, blocks[i])) {
      Table t;
      t.format = "text";
      t.first_block = t.last_block = i;
      t.rows.push_back(std::move(*first));
      size_t j = i + 1;
      while (j < blocks.size()) {
        if (auto row = textRow(src, blocks[j], 1)) {
          t.rows.push_back(std::move(*row));
          t.last_block = j++;
          continue;
        }
        // Up to two label lines, if a figure row follows them.
        size_t k = j;
        while (k < blocks.size() && k < j + 2 && labelLine(blocks[k]) && !textRow(src, blocks[k], 1)) ++k;
        if (k == j || k >= blocks.size() || !textRow(src, blocks[k], 1)) break;
        for (size_t m = j; m < k; ++m) {
          TableRow label;
          label.line = blocks[m].first_line;
          label.span = blocks[m].span;
          label.cells.push_back(makeCell(src.text(), blocks[m].span));
          t.rows.push_back(std::move(label));
        }
        j = k;
      }
      i = t.last_block + 1;
      doc.tables.push_back(std::move(t));
      continue;
    }
    ++i;
  }
}

}  // namespace nianbao::detail
