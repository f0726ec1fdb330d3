#include "tables/table_binder.h"

#include <re2/re2.h>

#include <algorithm>

#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {

size_t labelDistance(std::string_view a, std::string_view b) {
  std::u32string x, y;
  for (size_t i = 0; i < a.size();) x += decodeUtf8(a, i);
  for (size_t i = 0; i < b.size();) y += decodeUtf8(b, i);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

bool BoundTable::applies(size_t r, size_t c) const {
  const auto& cols = tmpl->rows[r].columns;
  return cols.empty() || std::find(cols.begin(), cols.end(), c) != cols.end();
}

std::string BoundTable::cellLabel(size_t r, size_t c) const {
  return tmpl->id + "/" + tmpl->rows[r].label + "/" + tmpl->columns[c].label;
}

Span BoundTable::cellSpan(size_t r, size_t c) const {
  if (const Cell* cell = cells[r][c].cell) return cell->span;
  if (rows[r]) return rows[r]->span;
  return anchor;
}

namespace {

bool matchesAny(const std::vector<std::shared_ptr<const RE2>>& res, std::string_view text) {
  re2::StringPiece t(text.data(), text.size());
  for (const auto& re : res) {
    if (RE2::PartialMatch(t, *re)) return true;
  }
  return false;
}

// Text without its numbering marker: "(三)不予公开" -> "不予公开".
std::string_view stripMarker(std::string_view s) {
  if (auto m = parseMarker(s)) return s.substr(m->length);
  return s;
}

bool nearEnough(std::string_view found, std::string_view official) {
  found = stripMarker(found);
  official = stripMarker(official);
  size_t n = codePointCount(official);
  if (n < 3 || found == official) return false;
  size_t d = labelDistance(found, official);
  return d > 0 && d <= std::max<size_t>(1, n / 5);
}

bool isValue(const Cell& c) {
  return c.kind == CellKind::kNumber || c.kind == CellKind::kSlash || c.kind == CellKind::kDash;
}

std::vector<size_t> textPositions(const TableRow& row) {
  std::vector<size_t> out;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].kind == CellKind::kText) out.push_back(i);
  }
  return out;
}

// Label paths per position from a block of header rows: a label in an upper
// row covers the blank cells to its right (a merged cell); the last header row
// names leaves and covers nothing.
std::vector<std::vector<std::string>> headerPaths(const std::vector<const TableRow*>& header) {
  size_t width = 0;
  for (const TableRow* r : header) width = std::max(width, r->cells.size());
  std::vector<std::vector<std::string>> paths(width);
  for (size_t h = 0; h < header.size(); ++h) {
    const auto& cells = header[h]->cells;
    bool last = h + 1 == header.size();
    std::string carry;
    for (size_t p = 0; p < width; ++p) {
      const Cell* c = p < cells.size() ? &cells[p] : nullptr;
      if (c && c->kind == CellKind::kText) {
        paths[p].push_back(c->text);
        carry = last ? "" : c->text;
      } else if (!carry.empty()) {
        paths[p].push_back(carry);
      }
    }
  }
  return paths;
}

struct Binder {
  const Document& doc;
  const TableTemplate& t;
  BoundTable out;
  std::vector<bool> row_done;
  size_t cursor = 0;
  bool data_seen = false;
  std::vector<const TableRow*> header;
  std::vector<int> col_pos;                // template column -> position (grid)
  std::vector<std::vector<int>> cell_pos;  // flat: [row][col] -> position
  const TableRow* last_data = nullptr;

  Binder(const Document& d, const TableTemplate& tt) : doc(d), t(tt) {
    out.tmpl = &t;
    out.cells.assign(t.rows.size(), std::vector<BoundCell>(t.columns.size()));
    out.rows.assign(t.rows.size(), nullptr);
    out.column_found.assign(t.columns.size(), false);
    row_done.assign(t.rows.size(), false);
  }

  void note(TableNote::Kind kind, const TableRow* row, Span span, std::string official, std::string found,
            std::string detail) {
    out.notes.push_back(TableNote{kind, span, row, std::move(official), std::move(found), std::move(detail)});
  }

  bool columnTerm(const Cell& c) const {
    if (c.kind != CellKind::kText) return false;
    for (const TemplateLabel& col : t.columns) {
      if (matchesAny(col.match, c.text) || nearEnough(c.text, col.label)) return true;
    }
    if (t.flat) {
      for (const TemplateLabel& row : t.rows) {
        if (matchesAny(row.match, c.text)) return true;
      }
    }
    return false;
  }

  int rowFor(const TableRow& row, bool allow_near, std::string* near_label) const {
    std::vector<size_t> texts = textPositions(row);
    if (texts.empty()) return -1;
    std::string leaf = row.cells[texts.back()].text;
    std::string joined;
    for (size_t p : texts) joined += row.cells[p].text;
    auto search = [&](auto&& test) -> int {
      for (size_t r = cursor; r < t.rows.size(); ++r) {
        if (!row_done[r] && test(r)) return static_cast<int>(r);
      }
      for (size_t r = 0; r < cursor && r < t.rows.size(); ++r) {
        if (!row_done[r] && test(r)) return static_cast<int>(r);
      }
      return -1;
    };
    int r = search([&](size_t k) { return matchesAny(t.rows[k].match, leaf); });
    if (r < 0) r = search([&](size_t k) { return matchesAny(t.rows[k].match, joined); });
    if (r < 0 && allow_near) {
      r = search([&](size_t k) { return nearEnough(leaf, normalizeText(t.rows[k].label)); });
      if (r >= 0 && near_label) *near_label = leaf;
    }
    return r;
  }

  // A row without figures whose labels name columns. After data, a header
  // repeated at a page break ("类别 | … | 总计") is still a header: only its
  // cells that are not column names may make it a data row ("（七）总计" alone).
  bool isHeader(const TableRow& row) const {
    int terms = 0;
    TableRow rest = row;
    for (Cell& c : rest.cells) {
      if (columnTerm(c)) {
        ++terms;
        c.kind = CellKind::kBlank;
      }
    }
    if (terms == 0) return false;
    if (!data_seen || terms >= 2) return true;
    bool only_terms = std::none_of(rest.cells.begin(), rest.cells.end(),
                                   [](const Cell& c) { return c.kind == CellKind::kText; });
    return only_terms || rowFor(rest, false, nullptr) < 0;
  }

  void buildMap() {
    auto paths = headerPaths(header);
    header.clear();
    auto find = [&](const TemplateLabel& l, bool leaf_only, std::vector<bool>& used) -> int {
      for (size_t p = 0; p < paths.size(); ++p) {
        if (used[p] || paths[p].empty()) continue;
        const auto& path = paths[p];
        if (leaf_only ? matchesAny(l.match, path.back())
                      : std::any_of(path.begin(), path.end(),
                                    [&](const std::string& s) { return matchesAny(l.match, s); })) {
          return static_cast<int>(p);
        }
      }
      return -1;
    };
    std::vector<bool> used(paths.size(), false);
    if (!t.flat) {
      col_pos.assign(t.columns.size(), -1);
      for (size_t c = 0; c < t.columns.size(); ++c) {
        int p = find(t.columns[c], true, used);
        if (p < 0) p = find(t.columns[c], false, used);
        if (p >= 0) used[static_cast<size_t>(p)] = true;
        col_pos[c] = p;
      }
      // Near labels for the columns still unplaced.
      for (size_t c = 0; c < t.columns.size(); ++c) {
        if (col_pos[c] >= 0) continue;
        for (size_t p = 0; p < paths.size(); ++p) {
          if (used[p] || paths[p].empty()) continue;
          if (nearEnough(paths[p].back(), normalizeText(t.columns[c].label))) {
            col_pos[c] = static_cast<int>(p);
            used[p] = true;
            nearHeader(p, paths[p].back(), t.columns[c].label);
            break;
          }
        }
      }
      return;
    }
    cell_pos.assign(t.rows.size(), std::vector<int>(t.columns.size(), -1));
    for (size_t p = 0; p < paths.size(); ++p) {
      const auto& path = paths[p];
      int rr = -1, cc = -1;
      for (size_t r = 0; r < t.rows.size() && rr < 0; ++r) {
        for (const std::string& s : path) {
          if (matchesAny(t.rows[r].match, s)) rr = static_cast<int>(r);
        }
      }
      if (!path.empty()) {
        for (size_t c = 0; c < t.columns.size() && cc < 0; ++c) {
          if (matchesAny(t.columns[c].match, path.back())) cc = static_cast<int>(c);
        }
      }
      if (rr >= 0 && cc >= 0 && cell_pos[static_cast<size_t>(rr)][static_cast<size_t>(cc)] < 0) {
        cell_pos[static_cast<size_t>(rr)][static_cast<size_t>(cc)] = static_cast<int>(p);
      }
    }
  }

  // Remembers the header row and cell of a near label, for the note.
  const TableRow* last_header_row = nullptr;
  std::vector<const TableRow*> header_rows_seen;
  void nearHeader(size_t p, const std::string& found, const std::string& official) {
    for (auto it = header_rows_seen.rbegin(); it != header_rows_seen.rend(); ++it) {
      const TableRow* r = *it;
      if (p < r->cells.size() && r->cells[p].text == found) {
        note(TableNote::Kind::kNearLabel, r, r->cells[p].span, official, found,
             "表头“" + found + "”与规定的“" + official + "”相近，已按“" + official + "”读取");
        return;
      }
    }
  }

  void place(size_t r, size_t c, const TableRow& row, size_t p) {
    out.cells[r][c] = BoundCell{&row.cells[p], &row, static_cast<int>(p)};
    out.column_found[c] = true;
  }

  std::string describeRun(const TableRow& row, size_t from) const {
    std::string s;
    for (size_t p = from; p < row.cells.size(); ++p) {
      s += (s.empty() ? "" : " ") +
           (row.cells[p].kind == CellKind::kBlank ? std::string("空") : row.cells[p].text);
    }
    return s;
  }

  void gridRow(const TableRow& row, size_t r) {
    std::vector<size_t> cols = t.rows[r].columns;
    if (cols.empty()) {
      for (size_t c = 0; c < t.columns.size(); ++c) cols.push_back(c);
    }
    std::vector<size_t> texts = textPositions(row);
    bool by_header = !col_pos.empty();
    for (size_t c : cols) {
      int p = by_header ? col_pos[c] : -1;
      if (p < 0 || static_cast<size_t>(p) >= row.cells.size())
        by_header = false;
      else if (row.cells[static_cast<size_t>(p)].kind == CellKind::kText)
        by_header = false;
    }
    if (by_header) {
      for (size_t c : cols) place(r, c, row, static_cast<size_t>(col_pos[c]));
      std::vector<size_t> extra;
      for (size_t p = texts.empty() ? 0 : texts.back() + 1; p < row.cells.size(); ++p) {
        bool mapped = std::any_of(cols.begin(), cols.end(),
                                  [&](size_t c) { return col_pos[c] == static_cast<int>(p); });
        if (!mapped && isValue(row.cells[p])) extra.push_back(p);
      }
      noteExtra(row, extra, cols.size());
      return;
    }
    // By order after the label: trim blanks at both ends down to the expected count.
    size_t from = texts.empty() ? 0 : texts.back() + 1;
    size_t to = row.cells.size();
    while (to - from > cols.size() && row.cells[to - 1].kind == CellKind::kBlank) --to;
    while (to - from > cols.size() && row.cells[from].kind == CellKind::kBlank) ++from;
    for (size_t k = 0; k < cols.size() && from + k < to; ++k) place(r, cols[k], row, from + k);
    size_t got = to - from;
    if (got != cols.size() || !col_pos.empty()) {
      std::string detail = "本行表头位置与数字不对应，按标签后的顺序读取" +
                           std::to_string(std::min(got, cols.size())) + "格（读到：" +
                           describeRun(row, texts.empty() ? 0 : texts.back() + 1) + "）";
      if (got < cols.size()) detail += "，比模板少" + std::to_string(cols.size() - got) + "格";
      note(TableNote::Kind::kAlignment, &row, row.span, "", describeRun(row, from), detail);
    }
    if (got > cols.size()) {
      std::vector<size_t> extra;
      for (size_t p = from + cols.size(); p < to; ++p) extra.push_back(p);
      noteExtra(row, extra, cols.size());
    }
  }

  void noteExtra(const TableRow& row, const std::vector<size_t>& extra, size_t expected) {
    if (extra.empty()) return;
    std::string found;
    for (size_t p : extra)
      found += (found.empty() ? "" : "、") + std::string("第") + std::to_string(p + 1) + "格“" +
               row.cells[p].text + "”";
    note(TableNote::Kind::kExtraCells, &row, row.cells[extra.front()].span, "", found,
         "比模板的" + std::to_string(expected) + "格多出" + std::to_string(extra.size()) + "格（" + found +
             "，其上无对应表头，未计入）");
  }

  void flatRow(const TableRow& row) {
    size_t expected = t.rows.size() * t.columns.size();
    bool by_header = !cell_pos.empty();
    if (by_header) {
      for (size_t r = 0; r < t.rows.size(); ++r) {
        for (size_t c = 0; c < t.columns.size(); ++c) {
          int p = cell_pos[r][c];
          if (p < 0 || static_cast<size_t>(p) >= row.cells.size()) by_header = false;
        }
      }
    }
    std::vector<bool> mapped(row.cells.size(), false);
    if (by_header) {
      std::string how;
      for (size_t r = 0; r < t.rows.size(); ++r) {
        int lo = 1 << 30, hi = -1;
        for (size_t c = 0; c < t.columns.size(); ++c) {
          int p = cell_pos[r][c];
          place(r, c, row, static_cast<size_t>(p));
          mapped[static_cast<size_t>(p)] = true;
          lo = std::min(lo, p);
          hi = std::max(hi, p);
        }
        how += (how.empty() ? "" : "，") + std::string("第") + std::to_string(lo + 1) + "–" +
               std::to_string(hi + 1) + "格为" + t.rows[r].label;
      }
      note(TableNote::Kind::kAlignment, &row, row.span, "", describeRun(row, 0), "按表头对齐：" + how);
    } else {
      std::vector<size_t> texts = textPositions(row);  // a label cell is no figure
      size_t from = texts.empty() ? 0 : texts.back() + 1, to = row.cells.size();
      while (to - from > expected && row.cells[to - 1].kind == CellKind::kBlank) --to;
      while (to - from > expected && row.cells[from].kind == CellKind::kBlank) ++from;
      for (size_t k = 0; k < expected && from + k < to; ++k) {
        place(k / t.columns.size(), k % t.columns.size(), row, from + k);
        mapped[from + k] = true;
      }
      note(TableNote::Kind::kAlignment, &row, row.span, "", describeRun(row, 0),
           "没有可用的表头，按顺序读取" + std::to_string(std::min(to - from, expected)) + "格（读到：" +
               describeRun(row, 0) + "）");
    }
    for (size_t r = 0; r < t.rows.size(); ++r) out.rows[r] = &row;
    std::vector<size_t> extra;
    for (size_t p = 0; p < row.cells.size(); ++p) {
      if (!mapped[p] && isValue(row.cells[p])) extra.push_back(p);
    }
    noteExtra(row, extra, expected);
  }

  void add(const TableRow& row) {
    bool blank = std::all_of(row.cells.begin(), row.cells.end(),
                             [](const Cell& c) { return c.kind == CellKind::kBlank; });
    if (blank) return;
    bool values = std::any_of(row.cells.begin(), row.cells.end(), isValue);
    if (!values && isHeader(row)) {
      header.push_back(&row);
      header_rows_seen.push_back(&row);
      return;
    }
    if (!header.empty()) buildMap();
    if (t.flat) {
      if (values && !data_seen) flatRow(row);
      data_seen = data_seen || values;
      return;
    }
    std::string near;
    int r = rowFor(row, true, &near);
    if (!values && r < 0) {
      // A label broken over two rows, or a group label such as "(三)不予公开".
      return;
    }
    if (r < 0) {
      ++out.unknown_rows;
      std::vector<size_t> texts = textPositions(row);
      std::string label = texts.empty() ? "" : row.cells[texts.back()].text;
      note(TableNote::Kind::kUnknownRow, &row, row.span, "", label,
           "第" + std::to_string(row.line) + "行“" + label + "”不是" + t.id + "的规定行，未计入");
      return;
    }
    size_t ri = static_cast<size_t>(r);
    if (!near.empty()) {
      std::vector<size_t> texts = textPositions(row);
      note(TableNote::Kind::kNearLabel, &row, row.cells[texts.back()].span, t.rows[ri].label, near,
           "行标签“" + near + "”与规定的“" + t.rows[ri].label + "”相近，已按“" + t.rows[ri].label + "”读取");
    }
    row_done[ri] = true;
    cursor = ri + 1;
    data_seen = true;
    out.rows[ri] = &row;
    last_data = &row;
    gridRow(row, ri);
  }
};

// How many rows of a piece carry one of the template's row labels.
size_t labelledRows(const Table& table, const TableTemplate& t) {
  size_t n = 0;
  for (const TableRow& row : table.rows) {
    bool hit = false;
    for (const Cell& c : row.cells) {
      if (c.kind != CellKind::kText) continue;
      for (const TemplateLabel& l : t.rows) hit = hit || matchesAny(l.match, c.text);
    }
    n += hit;
  }
  return n;
}

BoundTable bindPieces(const Document& doc, const TableTemplate& t, std::vector<const Table*> pieces) {
  Binder b(doc, t);
  b.out.pieces = std::move(pieces);
  for (const Table* piece : b.out.pieces) {
    for (const TableRow& row : piece->rows) b.add(row);
  }
  return std::move(b.out);
}

}  // namespace

BoundTable bindTable(const Document& doc, const TableTemplate& t, const Section* section) {
  std::vector<const Table*> inside, labelled;
  for (const Table& table : doc.tables) {
    if (section && table.first_block >= section->block && table.first_block < section->body_end) {
      inside.push_back(&table);
    }
    bool in_body = table.first_block >= doc.body_begin && table.first_block < doc.body_end;
    if (in_body && labelledRows(table, t) >= 2) labelled.push_back(&table);
  }
  // The template's part first; when nothing is read there (the part was
  // misnamed, or the tables were gathered elsewhere), the pieces that carry
  // the template's own row labels.
  BoundTable out = bindPieces(doc, t, section ? inside : labelled);
  bool found = std::any_of(out.rows.begin(), out.rows.end(), [](const TableRow* r) { return r != nullptr; });
  if (section && !found && !labelled.empty()) out = bindPieces(doc, t, labelled);
  // Rows read by order one after another (a shifted stretch of a table) make one note.
  std::vector<TableNote> merged;
  for (TableNote& n : out.notes) {
    if (!merged.empty() && n.kind == TableNote::Kind::kAlignment && merged.back().kind == n.kind &&
        merged.back().row && n.row) {
      TableNote& m = merged.back();
      uint32_t first = doc.source.lineOf(m.span.begin);
      m.span.end = n.span.end;
      uint32_t last = n.row->line;
      size_t count = m.found.empty() ? 2 : std::stoul(m.found) + 1;
      m.found = std::to_string(count);
      m.detail = "第" + std::to_string(first) + "–" + std::to_string(last) + "行共" + std::to_string(count) +
                 "行，表头位置与数字不对应（标签占了数字的位置），各行按标签后的顺序读取";
      continue;
    }
    merged.push_back(std::move(n));
    if (merged.back().kind == TableNote::Kind::kAlignment) merged.back().found = "1";
  }
  out.notes = std::move(merged);
  out.found = std::any_of(out.rows.begin(), out.rows.end(), [](const TableRow* r) { return r != nullptr; });
  if (!out.found) {
    // Template labels in the part's running text: a table may be there unread.
    size_t begin = section ? section->block : doc.body_begin;
    size_t end = section ? section->body_end : doc.body_end;
    for (const auto* labels : {&t.rows, &t.columns}) {
      for (const TemplateLabel& l : *labels) {
        for (size_t i = begin; i < end && i < doc.blocks.size(); ++i) {
          if (matchesAny(l.match, doc.blocks[i].norm.text)) {
            ++out.labels_in_part;
            break;
          }
        }
      }
    }
  }
  if (!out.pieces.empty())
    out.anchor = out.pieces.front()->rows.front().span;
  else if (section)
    out.anchor = section->heading;
  else if (doc.body_begin < doc.blocks.size())
    out.anchor = doc.blocks[doc.body_begin].span;
  return out;
}

}  // namespace nianbao::detail
