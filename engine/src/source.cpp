#include "nianbao/source.h"

#include <algorithm>

#include "nianbao/text.h"

namespace nianbao {

SourceText::SourceText(std::string path, std::string text, std::string encoding, std::string format)
    : path_(std::move(path)),
      text_(std::move(text)),
      encoding_(std::move(encoding)),
      format_(std::move(format)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

Position SourceText::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t line = lineOf(offset);
  uint32_t start = line_starts_[line - 1];
  Position p;
  p.offset = offset;
  p.line = line;
  p.column = 1 + static_cast<uint32_t>(codePointCount(std::string_view(text_).substr(start, offset - start)));
  if (line - 1 < origins_.size()) {
    const LineOrigin& o = origins_[line - 1];
    p.orig_line = o.line;
    p.page = o.page;
    p.paragraph = o.paragraph;
    p.where = o.where;
  }
  return p;
}

uint32_t SourceText::lineOf(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  return static_cast<uint32_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                               line_starts_.begin());
}

uint32_t SourceText::lineStart(uint32_t n) const {
  if (n == 0 || n > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  return line_starts_[n - 1];
}

std::string_view SourceText::line(uint32_t n) const {
  if (n == 0 || n > line_starts_.size()) return {};
  uint32_t b = line_starts_[n - 1];
  uint32_t e = n < line_starts_.size() ? line_starts_[n] : static_cast<uint32_t>(text_.size());
  while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
  return std::string_view(text_).substr(b, e - b);
}

}  // namespace nianbao
