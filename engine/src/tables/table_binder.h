// Internal: a document's tables matched to a template (TableTemplate).
//
// The pieces of a table (a PDF's page breaks split it; converters repeat or
// blank the header) are stitched in document order. Header rows give each
// position a path of labels (merged header cells carry their label to the
// right), and the template's columns are found on those paths. A data row is
// matched to the next template row whose label it matches; its figures are read
// at the header positions, or, when the row is shifted (a label sits where a
// figure belongs) or the piece has no header, in order after its label. Every
// such decision that a person should know about is kept as a note.
#pragma once

#include <string>
#include <vector>

#include "nianbao/document.h"
#include "nianbao/rule_pack.h"

namespace nianbao::detail {

struct BoundCell {
  const Cell* cell = nullptr;     // nullptr: nothing was read for it
  const TableRow* row = nullptr;  // the physical row it came from
  int position = -1;              // its index in that row
};

struct TableNote {
  enum class Kind {
    kNearLabel,   // a label that only nearly matches the official one
    kUnknownRow,  // a row with figures that matches no template row
    kAlignment,   // figures read by order because the header did not fit
    kExtraCells,  // figures beyond what the template has
  };
  Kind kind;
  Span span;
  const TableRow* row = nullptr;
  std::string official;  // kNearLabel: the official label
  std::string found;     // what the report says / what was read
  std::string detail;    // a sentence for people
};

struct BoundTable {
  const TableTemplate* tmpl = nullptr;
  bool found = false;  // some piece was read
  Span anchor;         // first row of the table, or the section heading
  std::vector<const Table*> pieces;
  std::vector<std::vector<BoundCell>> cells;  // [template row][template column]
  std::vector<const TableRow*> rows;          // physical row of each template row (nullptr: not found)
  std::vector<bool> column_found;
  std::vector<TableNote> notes;
  // Rows with figures that matched nothing: the table text is garbled, so a
  // row not found may be there unread.
  size_t unknown_rows = 0;
  // When no table was read: how many of the template's row and column labels
  // the part's running text mentions. Several mean the table is there as text
  // nianbao cannot read (a web page flattened it into one line…).
  size_t labels_in_part = 0;
  bool clean() const { return unknown_rows == 0; }

  // The column applies to the row (表二's rows have their own columns).
  bool applies(size_t r, size_t c) const;
  // "表三/一、本年新收政府信息公开申请数量/自然人"
  std::string cellLabel(size_t r, size_t c) const;
  // Span to point at for a cell: the cell, else its row, else the table.
  Span cellSpan(size_t r, size_t c) const;
};

// `section` is where the template says the table is (nullptr: anywhere).
BoundTable bindTable(const Document& doc, const TableTemplate& t, const Section* section);

// Edit distance in code points (for near labels).
size_t labelDistance(std::string_view a, std::string_view b);

}  // namespace nianbao::detail
