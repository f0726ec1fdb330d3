// source.h — a decoded document and the map from byte offsets back to where a
// person looks: line and column (in Unicode code points) of the original file.
//
//   nianbao::SourceText src("a.txt", "第一行\n第二行", "UTF-8");
//   nianbao::Position p = src.position(10);   // p.line == 2, p.column == 1
//
// Every node of the document model carries a Span into SourceText::text(); the
// reporters turn spans into positions through this class and nowhere else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

struct Position {
  uint32_t offset = 0;     // byte offset in SourceText::text()
  uint32_t line = 0;       // 1-based line of text() (the file's line for plain text)
  uint32_t column = 0;     // 1-based, counted in Unicode code points
  uint32_t page = 0;       // 1-based page for PDF, 0 otherwise
  uint32_t paragraph = 0;  // 1-based body paragraph for DOCX, 0 otherwise
  uint32_t orig_line = 0;  // line in the original file when it differs from `line` (HTML), else 0
  std::string where;  // for extracted formats, a person's words: "第3页", "第12段（表格2 第3行第4列）"

  // Where a person should look in the original file, for extracted formats:
  // "第3页", "第12段", "源文件第120行"; empty for plain text and markdown.
  std::string place() const {
    if (!where.empty()) return where;
    if (orig_line) return "源文件第" + std::to_string(orig_line) + "行";
    return {};
  }
};

// Where a line of extracted text came from. Plain text and markdown have no
// origins: their lines are the file's lines. HTML keeps the source line; PDF
// the page; DOCX the paragraph (and table cell).
struct LineOrigin {
  uint32_t line = 0;       // line in the original file (HTML)
  uint32_t page = 0;       // PDF
  uint32_t paragraph = 0;  // DOCX body paragraph
  std::string where;       // "第3页" / "第12段" / "表格2 第3行第4列"
};

// Half-open byte range [begin, end) in SourceText::text().
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

class SourceText {
 public:
  SourceText() = default;
  // `text` must be valid UTF-8 (the readers guarantee it); a leading BOM is kept
  // out by the reader. LF, CRLF and lone CR all end a line.
  SourceText(std::string path, std::string text, std::string encoding, std::string format);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::string& encoding() const { return encoding_; }
  const std::string& format() const { return format_; }

  // Position of a byte offset; offsets past the end clamp to the end. For
  // extracted formats, page/paragraph/orig_line/where come from the line's origin.
  Position position(uint32_t offset) const;
  // The 1-based line of a byte offset: position(offset).line without counting
  // the column (a whole report on one line makes that a long count).
  uint32_t lineOf(uint32_t offset) const;
  // One origin per line of text(); empty for plain text.
  void setOrigins(std::vector<LineOrigin> origins) { origins_ = std::move(origins); }
  bool extracted() const { return !origins_.empty(); }
  // Lines as an editor counts them: a final line break does not open a new line.
  uint32_t lineCount() const {
    bool trailing = line_starts_.size() > 1 && line_starts_.back() == text_.size();
    return static_cast<uint32_t>(line_starts_.size() - (trailing ? 1 : 0));
  }
  // Line n (1-based) without its line break; empty for n out of range.
  std::string_view line(uint32_t n) const;
  uint32_t lineStart(uint32_t n) const;

 private:
  std::string path_;
  std::string text_;
  std::string encoding_;
  std::string format_;
  std::vector<uint32_t> line_starts_;
  std::vector<LineOrigin> origins_;
};

}  // namespace nianbao
