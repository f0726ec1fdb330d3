// Joins a reader's lines into paragraphs (blocks).
//
// Real reports arrive hard-wrapped: text extracted from PDFs breaks every visual
// line (seed 000 even puts a blank line after each), and web pages pasted into
// text break at arbitrary points. Blank lines are therefore not paragraph
// boundaries. A line L continues on the next non-blank line M when
//   - M does not open a heading (一、 （一） 1. …), an enumeration (一是) or a table;
//   - L does not end a sentence (。！？；：), and
//   - L leaves a 《 （ “ open, or L is as wide as the document's wrapped lines
//     ("full"), or the paragraph so far is running text (has ，。；) and did
//     not open with a heading marker.
#include <algorithm>

#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

// What the paragraph so far says about continuing, kept up to date line by
// line: rescanning the joined text at every line made a paragraph of n lines
// cost O(n^2) (a 4 MB one-paragraph table took minutes).
struct Joined {
  int book = 0, paren = 0;  // 《 and ( opened minus closed
  bool punct = false;       // has ，。； somewhere (hasSentencePunct)

  void add(std::string_view norm) {
    for (size_t i = 0; i < norm.size();) {
      char32_t c = decodeUtf8(norm, i);
      if (c == U'《') ++book;
      if (c == U'》') --book;
      if (c == '(') ++paren;
      if (c == ')') --paren;
    }
    punct = punct || hasSentencePunct(norm);
  }
  bool unbalanced() const { return book > 0 || paren > 0; }
};

// The width a hard-wrapped document wraps at: the 80th percentile of line widths.
int wrapWidth(const std::vector<Line>& lines) {
  std::vector<int> widths;
  for (const Line& l : lines) {
    if (l.kind != LineKind::kText) continue;
    int w = displayWidth(l.norm);
    if (w >= 20) widths.push_back(w);
  }
  if (widths.size() < 6) return 1 << 30;
  std::sort(widths.begin(), widths.end());
  return widths[widths.size() * 8 / 10];
}

}  // namespace

std::vector<Block> buildBlocks(const SourceText& src, const std::vector<Line>& lines) {
  const int wrap = wrapWidth(lines);
  auto full = [&](const Line& l) { return displayWidth(l.norm) >= wrap - 4; };
  // `first` opened the paragraph, `last` is its last line, `joined` all of it.
  auto continues = [&](const Line& first, const Line& last, const Joined& joined, const Line& next) {
    if (last.kind != LineKind::kText || next.kind != LineKind::kText) return false;
    if (parseMarker(next.norm) || startsWithEnumeration(next.norm)) return false;
    // A 。 always ends a paragraph; a ； that fills the line is a clause inside one.
    if (endsSentence(last.norm) && !(last.norm.ends_with(";") && full(last))) return false;
    if (joined.unbalanced()) return true;
    if (parseMarker(first.norm)) return full(last);  // a heading wraps only when full
    return full(last) || joined.punct;
  };

  std::vector<Block> blocks;
  const std::string& text = src.text();
  size_t i = 0;
  while (i < lines.size()) {
    const Line& first = lines[i];
    if (first.kind == LineKind::kBlank || first.kind == LineKind::kTableRule) {
      ++i;
      continue;
    }
    Block b;
    b.first_line = b.last_line = first.number;
    b.span = first.content;
    b.kind = first.kind == LineKind::kHeading    ? BlockKind::kHeading
             : first.kind == LineKind::kTableRow ? BlockKind::kTableRow
                                                 : BlockKind::kParagraph;
    b.md_level = first.md_level;
    b.md_header = first.kind == LineKind::kTableRow && i + 1 < lines.size() &&
                  lines[i + 1].kind == LineKind::kTableRule;
    NormBuilder nb;
    nb.append(text, first.content);
    Joined joined;
    joined.add(first.norm);
    const Line* last = &first;
    size_t j = i + 1;
    while (true) {
      size_t k = j;
      while (k < lines.size() && lines[k].kind == LineKind::kBlank) ++k;
      if (k >= lines.size() || !continues(first, *last, joined, lines[k])) break;
      nb.breakWord();
      nb.append(text, lines[k].content);
      b.last_line = lines[k].number;
      b.span.end = lines[k].content.end;
      joined.add(lines[k].norm);
      last = &lines[k];
      j = k + 1;
    }
    b.norm = std::move(nb).finish();
    blocks.push_back(std::move(b));
    i = j;
  }
  return blocks;
}

}  // namespace nianbao::detail
