// PDF reader: poppler-cpp's word boxes rebuilt into visual lines, page by page.
//
// Lines are rebuilt from the word boxes, not taken from poppler's layout text,
// so that a table row comes out as one line, "label v1 v2 … vn", the form the
// plain-text table reader reads. A PDF scatters a row's label: wrapped inside
// its cell above and below the figures, a group label centred on several rows,
// a label set vertically. Those pieces are gathered onto the row they belong
// to. Running headers, footers and page numbers are dropped.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

#include "ingest/reader.h"
#include "nianbao/ingest.h"
#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

constexpr int kMaxPages = 2000;
constexpr size_t kMaxText = size_t{32} << 20;  // bytes of extracted text

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double h() const { return y1 - y0; }
  double cy() const { return (y0 + y1) / 2; }
};

struct Word {
  std::string text;
  Box box;
  bool space_after = false;
  double em = 0;  // font size, from the advance
};

// Words of one line closer than a column gap.
struct Piece {
  std::string text;
  Box box;
  int values = 0;  // figures in it ("0", "3.5", "1,234", "-", "/"); 0 if any token is not one
};

struct PdfLine {
  std::vector<Piece> pieces;
  Box box;
  size_t labels = 0;  // pieces before the trailing figures
  int figures = 0;    // figures in the trailing pieces
  bool dropped = false;
  bool figureRow() const { return figures >= 2; }
};

struct Page {
  double height = 0;
  std::vector<PdfLine> lines;    // top to bottom
  std::vector<Piece> verticals;  // vertical text, one piece per column of glyphs
};

bool wide(char32_t c) { return c >= 0x2E80 || c == 0x2014 || c == 0x2026 || (c >= 0x2018 && c <= 0x201D); }

char32_t firstChar(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : decodeUtf8(s, i);
}

char32_t lastChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return decodeUtf8(s, i);
}

// Appends `next` to `out`; a space only where the text has one and it is not
// between two Chinese characters (there it is justification, not a space).
void join(std::string& out, std::string_view next, bool space) {
  if (!out.empty() && space && !(wide(lastChar(out)) && wide(firstChar(next)))) out += ' ';
  out += next;
}

// Poppler's text with control characters made spaces and the ends trimmed.
std::string cleanText(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    if (c < 0x20 || c == 0x7F || c == 0xFEFF) c = ' ';
    appendUtf8(out, c);
  }
  size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return out.substr(b, out.find_last_not_of(' ') + 1 - b);
}

int figureCount(const std::string& text) {
  static const RE2 kFigure(R"(^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^-+$|^[/\\]$)");
  std::string norm = normalizeText(text);
  int n = 0;
  size_t i = 0;
  while (i < norm.size()) {
    size_t e = norm.find(' ', i);
    if (e == std::string::npos) e = norm.size();
    if (e > i && !RE2::FullMatch(norm.substr(i, e - i), kFigure)) return 0;
    n += e > i;
    i = e + 1;
  }
  return n;
}

bool startsWithMarker(const std::string& text) {
  std::string norm = normalizeText(text);
  return parseMarker(norm).has_value() || startsWithEnumeration(norm);
}

Box unite(const Box& a, const Box& b) {
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Vertical glyph runs stacked in one column become one piece, read downwards,
// or upwards for text turned to run bottom to top.
std::vector<Piece> stackVerticals(std::vector<Word> words, bool upward) {
  auto top = [&](const Box& b) { return upward ? -b.y1 : b.y0; };
  auto bottom = [&](const Box& b) { return upward ? -b.y0 : b.y1; };
  std::sort(words.begin(), words.end(), [&](const Word& a, const Word& b) {
    return std::tuple(a.box.x0, top(a.box)) < std::tuple(b.box.x0, top(b.box));
  });
  std::vector<Piece> out;
  const Word* last = nullptr;
  for (const Word& w : words) {
    double width = std::max(1.0, w.box.x1 - w.box.x0);
    if (last && std::abs(last->box.x0 - w.box.x0) <= 2 && top(w.box) - bottom(last->box) <= 1.5 * width) {
      join(out.back().text, w.text, last->space_after);
      out.back().box = unite(out.back().box, w.box);
    } else {
      out.push_back(Piece{w.text, w.box, 0});
    }
    last = &w;
  }
  return out;
}

// Words with centres at the same height make a line; within it, a gap wider
// than most of a character starts a new piece (a table column, a tab stop;
// table cells can be as close as one character apart).
std::vector<PdfLine> buildLines(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.box.cy() < b.box.cy(); });
  std::vector<std::vector<Word>> rows;
  double ref = 0, min_h = 0;
  for (Word& w : words) {
    if (!rows.empty() && std::abs(w.box.cy() - ref) <= 0.45 * std::min(w.box.h(), min_h)) {
      min_h = std::min(min_h, w.box.h());
      rows.back().push_back(std::move(w));
      continue;
    }
    ref = w.box.cy();
    min_h = w.box.h();
    rows.emplace_back().push_back(std::move(w));
  }
  std::vector<PdfLine> lines;
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(),
                     [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
    PdfLine line;
    const Word* prev = nullptr;
    for (const Word& w : row) {
      // Some producers draw a word twice, slightly offset, to fake bold.
      if (prev && prev->text == w.text && std::abs(prev->box.x0 - w.box.x0) < 1.5 &&
          std::abs(prev->box.y0 - w.box.y0) < 1.5) {
        continue;
      }
      double em = prev ? std::max(1.0, std::min(prev->em, w.em)) : 0;
      double gap = prev ? w.box.x0 - prev->box.x1 : 0;
      if (!prev || gap > 0.7 * em) {
        line.pieces.push_back(Piece{w.text, w.box, 0});
      } else {
        Piece& p = line.pieces.back();
        join(p.text, w.text, prev->space_after || gap > 0.2 * em);
        p.box = unite(p.box, w.box);
      }
      prev = &w;
    }
    line.box = line.pieces.front().box;
    for (Piece& p : line.pieces) {
      p.values = figureCount(p.text);
      line.box = unite(line.box, p.box);
    }
    line.labels = line.pieces.size();
    while (line.labels > 0 && line.pieces[line.labels - 1].values > 0)
      line.figures += line.pieces[--line.labels].values;
    lines.push_back(std::move(line));
  }
  return lines;
}

// The font size that `text` set `width` wide implies (a Chinese character is
// one em wide, other characters about half).
double emSize(std::string_view text, double width) {
  double ems = 0;
  for (size_t i = 0; i < text.size();) ems += wide(decodeUtf8(text, i)) ? 1.0 : 0.55;
  return ems > 0 ? width / ems : 0;
}

// A box turned so that text of rotation `rot` (poppler: 1 runs down the page,
// 2 upside down, 3 runs up) reads left to right, lines top to bottom, on a
// display of `w` x `h`.
Box upright(const Box& b, int rot, double w, double h) {
  switch (rot) {
    case 1:
      return {b.y0, w - b.x1, b.y1, w - b.x0};
    case 2:
      return {w - b.x1, h - b.y1, w - b.x0, h - b.y0};
    case 3:
      return {h - b.y1, b.x0, h - b.y0, b.x1};
    default:
      return b;
  }
}

Page readPage(const poppler::page& pg) {
  poppler::rectf rect = pg.page_rect();
  bool turned = pg.orientation() == poppler::page::landscape || pg.orientation() == poppler::page::seascape;
  double w = turned ? rect.height() : rect.width(), h = turned ? rect.width() : rect.height();
  struct Raw {
    Word word;
    int rot;
    bool vertical;
  };
  std::vector<Raw> raw;
  size_t weight[4] = {};  // bytes of text per rotation
  for (const poppler::text_box& tb : pg.text_list(poppler::page::text_list_include_font)) {
    poppler::rectf r = tb.bbox();
    poppler::byte_array utf8 = tb.text().to_utf8();
    Word word{cleanText(std::string(utf8.begin(), utf8.end())), Box{r.left(), r.top(), r.right(), r.bottom()},
              tb.has_space_after()};
    if (word.text.empty() || !(word.box.h() > 0) || !(word.box.x1 >= word.box.x0)) continue;
    int rot = ((tb.rotation() % 4) + 4) % 4;
    weight[rot] += word.text.size();
    raw.push_back(Raw{std::move(word), rot, tb.get_wmode() == poppler::text_box::vertical_wmode});
  }
  // A landscape table set sideways on the page reads in its own frame.
  int main_rot = static_cast<int>(std::max_element(weight, weight + 4) - weight);
  Page page;
  page.height = main_rot % 2 == 1 ? w : h;
  std::vector<Word> horizontal, down, up;
  for (Raw& r : raw) {
    Word& word = r.word;
    word.box = upright(word.box, main_rot, w, h);
    if (r.vertical || r.rot != main_rot) {
      (r.rot == (main_rot + 3) % 4 ? up : down).push_back(std::move(word));
      continue;
    }
    // Some producers (Skia) report boxes far taller than the glyphs; the
    // advance gives the glyph size, and the box is cut down to it.
    word.em = emSize(word.text, word.box.x1 - word.box.x0);
    if (!(word.em > 0)) word.em = word.box.h();
    if (word.box.h() > 1.2 * word.em) {
      double cy = word.box.cy();
      word.box.y0 = cy - 0.6 * word.em;
      word.box.y1 = cy + 0.6 * word.em;
    }
    horizontal.push_back(std::move(word));
  }
  page.lines = buildLines(std::move(horizontal));
  page.verticals = stackVerticals(std::move(down), false);
  for (Piece& p : stackVerticals(std::move(up), true)) page.verticals.push_back(std::move(p));
  return page;
}

std::string lineText(const PdfLine& line) {
  std::string out;
  for (const Piece& p : line.pieces) out += (out.empty() ? "" : " ") + p.text;
  return out;
}

// ---- Running headers, footers and page numbers ----------------------------

bool pageNumber(const std::string& text) {
  static const RE2 kNumber(
      R"(^[-–—―－~～_·•.()（）\[\]]*\d{1,4}[-–—―－~～_·•.()（）\[\]]*$|)"
      R"(^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$|^共\d{1,4}页[,，/]?第\d{1,4}页$|^\d{1,4}/\d{1,4}$|)"
      R"(^第[一二三四五六七八九十百]+页$|^(?i:page)\d{1,4}(?:(?i:of)\d{1,4})?$)");
  std::string s;
  for (char c : text) {
    if (c != ' ') s += c;
  }
  return RE2::FullMatch(s, kNumber);
}

// The lines near the top and bottom edge of a page, where headers and footers sit.
std::vector<std::pair<size_t, int>> marginLines(const Page& page) {
  std::vector<std::pair<size_t, int>> out;  // line, +1 top / -1 bottom
  size_t n = page.lines.size();
  for (size_t i = 0; i < n && i < 2; ++i) {
    if (page.lines[i].box.cy() < 0.15 * page.height) out.emplace_back(i, 1);
  }
  for (size_t i = n; i-- > 0 && i + 2 >= n;) {
    if (page.lines[i].box.cy() > 0.85 * page.height && (out.empty() || out.back().first != i))
      out.emplace_back(i, -1);
  }
  return out;
}

void dropFurniture(std::vector<Page>& pages) {
  // Text with its digits blanked, per edge: on how many pages it recurs.
  auto key = [](const PdfLine& l, int edge) {
    std::string k = edge > 0 ? "T" : "B";
    for (char c : lineText(l)) {
      if (c != ' ') k += (c >= '0' && c <= '9') ? '#' : c;
    }
    return k;
  };
  std::map<std::string, int> seen;
  for (const Page& p : pages) {
    std::map<std::string, int> once;
    for (auto [i, edge] : marginLines(p)) once[key(p.lines[i], edge)] = 1;
    for (const auto& [k, v] : once) seen[k] += v;
  }
  int most = std::max(2, static_cast<int>(pages.size()) / 2 + 1);
  for (Page& p : pages) {
    for (auto [i, edge] : marginLines(p)) {
      PdfLine& l = p.lines[i];
      if (pageNumber(lineText(l)) || seen[key(l, edge)] >= most) l.dropped = true;
    }
  }
}

// ---- Table rows ----------------------------------------------------------

// A label piece of a table zone, and the cell it is part of.
struct Part {
  int line = -1;   // index in page.lines; -1 for a vertical piece
  int piece = -1;  // index in the line's pieces, or in page.verticals
  Box box;
  std::string text;
  bool marker = false;  // opens with 一、 （三） 1. …: a label of its own
};

struct Cell {
  std::vector<int> parts;  // top to bottom
  Box box;
  std::string text;
  int row = -1;           // figure line it is read with; -1: left where it stands
  bool anchored = false;  // a part sits on a figure row
};

// A row label's cell, as output.
struct Label {
  double x0 = 0;
  std::string text;
};

// An output line: a table row's label cells, then the rest of the line.
struct OutLine {
  double y = 0;
  std::vector<Label> labels;
  std::string rest;
  std::string text() const {
    std::string out;
    for (const Label& l : labels) out += (out.empty() ? "" : " ") + l.text;
    if (!rest.empty()) out += (out.empty() ? "" : " ") + rest;
    return out;
  }
};

// Pieces already moved onto a row: line -> piece, and vertical pieces.
struct Used {
  std::vector<std::vector<bool>> lines;
  std::vector<bool> verticals;
};

// Figure rows [first, last] of a page, with the label lines between them.
class Zone {
 public:
  Zone(Page& page, Used& used, int first, int last, int floor, double value_x)
      : page_(page), used_(used), first_(first), last_(last), floor_(floor), value_x_(value_x) {}

  // Builds the rows' labels and marks the pieces it moved. Returns the last
  // line it looked at.
  int assemble(std::map<int, std::vector<Label>>& row_labels) {
    collect();
    merge();
    place();
    std::map<int, std::vector<const Cell*>> by_row;
    for (const Cell& c : cells_) {
      if (c.row < 0) continue;
      by_row[c.row].push_back(&c);
      for (int pi : c.parts) {
        const Part& p = parts_[static_cast<size_t>(pi)];
        if (p.line >= 0)
          used_.lines[static_cast<size_t>(p.line)][static_cast<size_t>(p.piece)] = true;
        else
          used_.verticals[static_cast<size_t>(p.piece)] = true;
      }
    }
    for (auto& [row, cells] : by_row) {
      std::stable_sort(cells.begin(), cells.end(),
                       [](const Cell* a, const Cell* b) { return a->box.x0 < b->box.x0; });
      for (const Cell* c : cells) row_labels[row].push_back(Label{c->box.x0, c->text});
    }
    return to_;
  }

 private:
  bool labelOnly(const PdfLine& l) const {
    if (l.dropped || l.figureRow()) return false;
    return std::all_of(l.pieces.begin(), l.pieces.end(),
                       [&](const Piece& p) { return p.box.x1 <= value_x_ + 1; });
  }

  void addLine(int i) {
    const PdfLine& l = page_.lines[static_cast<size_t>(i)];
    size_t n = l.figureRow() ? l.labels : l.pieces.size();
    for (size_t k = 0; k < n; ++k) {
      if (used_.lines[static_cast<size_t>(i)][k]) continue;
      const Piece& p = l.pieces[k];
      parts_.push_back(Part{i, static_cast<int>(k), p.box, p.text, startsWithMarker(p.text)});
    }
  }

  // Label pieces of the zone's lines, of up to two label lines on either side
  // (a cell's first or last line may stick out), and vertical labels beside it.
  void collect() {
    int from = first_, to = last_;
    while (from > first_ - 2 && from - 1 > floor_ && labelOnly(page_.lines[static_cast<size_t>(from - 1)]))
      --from;
    while (to < last_ + 2 && to + 1 < static_cast<int>(page_.lines.size()) &&
           labelOnly(page_.lines[static_cast<size_t>(to + 1)])) {
      ++to;
    }
    to_ = to;
    for (int i = from; i <= to; ++i) {
      if (!page_.lines[static_cast<size_t>(i)].dropped) addLine(i);
    }
    const Box& top = page_.lines[static_cast<size_t>(first_)].box;
    const Box& bottom = page_.lines[static_cast<size_t>(last_)].box;
    for (size_t v = 0; v < page_.verticals.size(); ++v) {
      const Piece& p = page_.verticals[v];
      if (!used_.verticals[v] && p.box.x1 <= value_x_ + 1 && p.box.y1 > top.y0 && p.box.y0 < bottom.y1)
        parts_.push_back(Part{-1, static_cast<int>(v), p.box, p.text, false});
    }
    std::stable_sort(parts_.begin(), parts_.end(), [](const Part& a, const Part& b) {
      return std::tie(a.box.y0, a.box.x0) < std::tie(b.box.y0, b.box.x0);
    });
  }

  bool onFigureRow(const Part& p) const {
    return p.line >= 0 && page_.lines[static_cast<size_t>(p.line)].figureRow();
  }

  // Whether `b` continues the cell whose last piece is `a`: just below it,
  // aligned left or centred under it, and not opening a numbered label.
  bool continues(const Part& a, const Part& b, bool anchored) const {
    if (a.line < 0 || b.line < 0 || a.line == b.line) return false;
    double h = std::min(a.box.h(), b.box.h());
    double gap = b.box.y0 - a.box.y1;
    if (gap < -1 || gap > 1.25 * h) return false;
    bool aligned = std::abs(a.box.x0 - b.box.x0) <= 2.5 ||
                   (b.box.x0 > a.box.x0 && (b.box.x0 + b.box.x1) / 2 <= a.box.x1);
    if (!aligned || b.marker) return false;
    // A figure row's label joins a cell that sits on another row only if the
    // row keeps a label of its own.
    const PdfLine& lb = page_.lines[static_cast<size_t>(b.line)];
    return !anchored || !lb.figureRow() || static_cast<size_t>(b.piece) + 1 < lb.labels;
  }

  void merge() {
    std::vector<int> tail_of_cell;  // cell -> its last part
    for (size_t bi = 0; bi < parts_.size(); ++bi) {
      Part& b = parts_[bi];
      int best = -1;
      double best_gap = 1e9;
      for (size_t c = 0; c < cells_.size(); ++c) {
        const Part& a = parts_[static_cast<size_t>(tail_of_cell[c])];
        if (!continues(a, b, cells_[c].anchored)) continue;
        double gap = b.box.y0 - a.box.y1;
        if (gap < best_gap) {
          best_gap = gap;
          best = static_cast<int>(c);
        }
      }
      if (best < 0) {
        best = static_cast<int>(cells_.size());
        cells_.push_back(Cell{{}, b.box, "", -1, false});
        tail_of_cell.push_back(-1);
      }
      Cell& cell = cells_[static_cast<size_t>(best)];
      cell.parts.push_back(static_cast<int>(bi));
      cell.box = unite(cell.box, b.box);
      cell.anchored = cell.anchored || onFigureRow(b);
      join(cell.text, b.text, true);
      tail_of_cell[static_cast<size_t>(best)] = static_cast<int>(bi);
    }
  }

  // Each cell goes with the first figure row it sits on, else the row it
  // overlaps most, else (inside the zone) the next row below.
  void place() {
    std::vector<int> rows;
    for (int i = first_; i <= last_; ++i) {
      const PdfLine& l = page_.lines[static_cast<size_t>(i)];
      if (!l.dropped && l.figureRow()) rows.push_back(i);
    }
    for (Cell& c : cells_) {
      for (int pi : c.parts) {
        int line = parts_[static_cast<size_t>(pi)].line;
        if (line >= 0 && page_.lines[static_cast<size_t>(line)].figureRow() && line >= first_ &&
            line <= last_) {
          c.row = c.row < 0 ? line : std::min(c.row, line);
        }
      }
      if (c.row >= 0) continue;
      double best = 0.5;
      for (int r : rows) {
        const Box& band = page_.lines[static_cast<size_t>(r)].box;
        double overlap = std::min(band.y1, c.box.y1) - std::max(band.y0, c.box.y0);
        if (overlap > best + 0.5) {
          best = overlap;
          c.row = r;
        }
      }
      if (c.row >= 0) continue;
      const Box& top = page_.lines[static_cast<size_t>(first_)].box;
      const Box& bottom = page_.lines[static_cast<size_t>(last_)].box;
      if (c.box.y0 < top.y0 || c.box.y1 > bottom.y1) continue;
      for (int r : rows) {
        if (page_.lines[static_cast<size_t>(r)].box.y0 >= c.box.y1 - 1) {
          c.row = r;
          break;
        }
      }
    }
  }

  Page& page_;
  Used& used_;
  int first_, last_;
  int floor_;  // lines at or above it belong to the zone before
  int to_ = 0;
  double value_x_;
  std::vector<Part> parts_;
  std::vector<Cell> cells_;
};

// A line between two figure rows of one table: a label, or the rest of one.
bool insideTable(const PdfLine& l, double value_x) {
  if (l.figureRow()) return true;
  return std::all_of(l.pieces.begin(), l.pieces.end(),
                     [&](const Piece& p) { return p.box.x1 <= value_x + 1; });
}

double valueX(const PdfLine& l) { return l.pieces[l.labels].box.x0; }

// The page's output lines, top to bottom.
std::vector<OutLine> pageLines(Page& page) {
  auto& lines = page.lines;
  Used used;
  for (const PdfLine& l : lines) used.lines.emplace_back(l.pieces.size(), false);
  used.verticals.assign(page.verticals.size(), false);
  std::map<int, std::vector<Label>> row_labels;

  // Zones: runs of figure rows with only label lines (left of the figures) between.
  int n = static_cast<int>(lines.size());
  int floor = -1;
  for (int i = 0; i < n;) {
    if (lines[static_cast<size_t>(i)].dropped || !lines[static_cast<size_t>(i)].figureRow()) {
      ++i;
      continue;
    }
    int last = i;
    double vx = valueX(lines[static_cast<size_t>(i)]);
    for (int j = i + 1; j < n && j - last <= 6; ++j) {
      const PdfLine& l = lines[static_cast<size_t>(j)];
      if (l.dropped) continue;
      if (!insideTable(l, vx)) break;
      if (l.figureRow()) {
        last = j;
        vx = std::min(vx, valueX(l));
      }
    }
    floor = Zone(page, used, i, last, floor, vx).assemble(row_labels);
    i = last + 1;
  }

  std::vector<OutLine> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const PdfLine& l = lines[i];
    if (l.dropped) continue;
    OutLine o;
    o.y = l.box.cy();
    if (auto it = row_labels.find(static_cast<int>(i)); it != row_labels.end())
      o.labels = std::move(it->second);
    for (size_t k = 0; k < l.pieces.size(); ++k) {
      if (!used.lines[i][k]) o.rest += (o.rest.empty() ? "" : " ") + l.pieces[k].text;
    }
    if (!o.labels.empty() || !o.rest.empty()) out.push_back(std::move(o));
  }
  for (size_t v = 0; v < page.verticals.size(); ++v) {
    if (!used.verticals[v]) out.push_back(OutLine{page.verticals[v].box.y0, {}, page.verticals[v].text});
  }
  std::stable_sort(out.begin(), out.end(), [](const OutLine& a, const OutLine& b) { return a.y < b.y; });
  return out;
}

// A group label cut by a page break ("（四）无" at the foot of one page, "法提供"
// atop the next) is put back together on the first page's row.
void stitchPageBreak(std::vector<OutLine>& before, std::vector<OutLine>& after) {
  if (before.empty() || after.empty()) return;
  std::vector<Label>& up = before.back().labels;
  std::vector<Label>& down = after.front().labels;
  if (up.size() < 2 || down.size() < 2 || startsWithMarker(down.front().text)) return;
  for (size_t k = 0; k + 1 < up.size(); ++k) {
    if (std::abs(up[k].x0 - down.front().x0) <= 3) {
      join(up[k].text, down.front().text, true);
      down.erase(down.begin());
      return;
    }
  }
}

// poppler-cpp builds its global state (GlobalParams: font directories,
// fontconfig) when the first document opens and tears it down when the last
// one closes, so reading PDFs one after another rebuilt it every time. One
// empty document held for the life of the process keeps it built.
constexpr char kKeepAlivePdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    "trailer<</Size 3/Root 1 0 R>>\n%%EOF\n";

void setUpPoppler() {
  static const poppler::document* keep_alive = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    // Reachable from this static, so not a leak; never freed on purpose.
    return poppler::document::load_from_raw_data(kKeepAlivePdf, static_cast<int>(sizeof kKeepAlivePdf - 1));
  }();
  (void)keep_alive;
}

}  // namespace

Extracted readPdf(const std::string& path, const std::string& bytes) {
  setUpPoppler();
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
    throw InputError(path, "PDF 文件过大，无法读取");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError(path, "PDF 文件损坏或不是 PDF");
  if (doc->is_locked()) throw InputError(path, "PDF 已加密，无法读取文字");
  int count = doc->pages();
  if (count > kMaxPages) {
    throw InputError(
        path, "PDF 页数过多（" + std::to_string(count) + " 页，上限 " + std::to_string(kMaxPages) + " 页）");
  }
  std::vector<Page> pages;
  size_t words = 0;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> pg(doc->create_page(i));
    pages.push_back(pg ? readPage(*pg) : Page{});
    for (const PdfLine& l : pages.back().lines) {
      for (const Piece& p : l.pieces) words += p.text.size();
    }
    if (words > kMaxText) throw InputError(path, "PDF 文字过多（超过 32 MiB），无法读取");
  }
  dropFurniture(pages);

  std::vector<std::vector<OutLine>> out;
  for (Page& p : pages) {
    out.push_back(pageLines(p));
    if (out.size() >= 2) stitchPageBreak(out[out.size() - 2], out.back());
  }
  Extracted ex;
  for (size_t i = 0; i < out.size(); ++i) {
    for (const OutLine& line : out[i]) {
      ex.text += line.text();
      ex.text += '\n';
      ex.origins.push_back(
          LineOrigin{0, static_cast<uint32_t>(i + 1), 0, "第" + std::to_string(i + 1) + "页"});
    }
    if (ex.text.size() > kMaxText) throw InputError(path, "PDF 文字过多（超过 32 MiB），无法读取");
  }
  return ex;
}

}  // namespace nianbao::detail
