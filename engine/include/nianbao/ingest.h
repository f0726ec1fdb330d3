// ingest.h — bytes in, Document out.
//
//   nianbao::Document doc = nianbao::readDocument("report.txt", {});
//
// Decoding (UTF-8 with or without BOM; GB18030 when the bytes are not UTF-8),
// the reader for the format, and the recognizers (paragraphs, outline, front and
// back matter, metadata) all run here. Bad input throws InputError with the file
// and the byte offset, never crashes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "nianbao/document.h"

namespace nianbao {

class InputError : public std::runtime_error {
 public:
  InputError(std::string path, std::string message, int64_t offset = -1);
  const std::string& path() const { return path_; }
  int64_t offset() const { return offset_; }  // byte offset, -1 when none
  const std::string& detail() const { return detail_; }
  // The message without the path: "不是有效的 UTF-8 文本（字节 0）".
  std::string describe() const;

 private:
  std::string path_;
  std::string detail_;
  int64_t offset_;
};

struct ReadOptions {
  std::string encoding;                      // "" = detect; else "UTF-8", "GB18030", ...
  std::string format;                        // "" = detect; else "txt", "md"
  uint64_t max_bytes = 64ull * 1024 * 1024;  // larger files are refused
  // A longer line (after decoding or extraction) is refused: a whole report on
  // one line is ~100 KB; megabytes on one line is junk and costs memory.
  uint64_t max_line_bytes = 1024 * 1024;
};

Document readDocument(const std::string& path, const ReadOptions& options);
// Same, for bytes already in memory; `path` is only used in locations and errors.
Document parseDocument(const std::string& path, std::string bytes, const ReadOptions& options);

}  // namespace nianbao
