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
  uint32_t offset = 0;  // byte offset in SourceText::text()
  uint32_t line = 0;    // 1-based line of the original file
  uint32_t column = 0;  // 1-based, counted in Unicode code points
  uint32_t page = 0;    // 1-based page for paged formats, 0 otherwise
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

  // Position of a byte offset; offsets past the end clamp to the end.
  Position position(uint32_t offset) const;
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
};

}  // namespace nianbao
