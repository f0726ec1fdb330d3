// Compiler-style text: `path:line:col: error[rule-id]: message`, the source line
// with a marker under the span, then a summary. Colour only when asked (the CLI
// asks on a terminal). Long lines (a paragraph per line is common) are shown as
// a window around the span.
#include <ostream>

#include "nianbao/text.h"
#include "reporter_kinds.h"

namespace nianbao::detail {
namespace {

constexpr size_t kContext = 24;  // code points of context each side in long lines
constexpr size_t kMaxMark = 48;  // a paragraph-sized span is marked by its start

// Byte offset of code point `cp` (0-based) in s.
size_t byteOfCodePoint(std::string_view s, size_t cp) {
  size_t i = 0;
  while (i < s.size() && cp > 0) {
    decodeUtf8(s, i);
    --cp;
  }
  return i;
}

std::string expandTabs(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '\t' ? std::string("    ") : std::string(1, c);
  return out;
}

class TextReporter : public Reporter {
 public:
  // Several reports: each file's findings under a header line with its
  // counts, so a batch reads file by file.
  explicit TextReporter(const ReporterOptions& o) : color_(o.color), batch_(o.inputs > 1) {}

  void document(const DocumentResult& d, const Document*, std::ostream& out) override {
    ++documents_;
    if (d.error) {
      if (batch_) out << "\n";
      out << paint("1", d.path) << ": " << paint("1;31", "输入错误") << ": " << *d.error << "\n";
      ++errors_;
      return;
    }
    if (batch_) writeHeader(d, out);
    for (const Finding& f : d.findings) {
      if (f.baselined) {
        ++baselined_;
        continue;
      }
      ++counts_[static_cast<int>(f.severity)];
      writeFinding(d, f, out);
    }
  }

  void end(const RunResult&, std::ostream& out) override {
    if (batch_) out << "\n";
    out << "检查 " << documents_ << " 份报告：" << counts_[2] << " 个错误，" << counts_[1] << " 个警告，"
        << counts_[0] << " 个提示";
    if (baselined_) out << "（另有 " << baselined_ << " 个基线中已有的问题未列出）";
    if (errors_) out << "，" << errors_ << " 个文件无法读取";
    out << "\n";
  }

 private:
  std::string paint(const char* code, std::string_view s) const {
    if (!color_) return std::string(s);
    return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
  }

  void writeHeader(const DocumentResult& d, std::ostream& out) const {
    int n[3] = {0, 0, 0};
    for (const Finding& f : d.findings) n[static_cast<int>(f.severity)] += f.baselined ? 0 : 1;
    out << "\n"
        << paint("1", "== " + d.path) << "（" << (d.type_name.empty() ? "类型未识别" : d.type_name) << "）：";
    if (n[0] + n[1] + n[2] == 0) {
      out << "未发现问题\n";
    } else {
      out << n[2] << " 个错误，" << n[1] << " 个警告，" << n[0] << " 个提示\n";
    }
  }

  void writeFinding(const DocumentResult& d, const Finding& f, std::ostream& out) const {
    const char* code = f.severity == Severity::kError     ? "1;31"
                       : f.severity == Severity::kWarning ? "1;33"
                                                          : "1;36";
    // Line:column are in the extracted text (what `nianbao parse` shows); the
    // place in the original file follows for HTML, DOCX and PDF.
    std::string head = d.path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column);
    if (std::string place = f.begin.place(); !place.empty()) head += "（" + place + "）";
    out << paint("1", head) << ": "
        << paint(code, std::string(severityName(f.severity)) + "[" + f.rule_id + "]") << ": " << f.message
        << "\n";
    if (f.line_text.empty()) return;
    // The part of the span on its first line, in code points.
    std::string_view line = f.line_text;
    size_t start_cp = f.begin.column - 1;
    size_t line_cp = codePointCount(line);
    size_t end_cp = f.end.line == f.begin.line ? f.end.column - 1 : line_cp;
    if (end_cp <= start_cp) end_cp = std::min(start_cp + 1, line_cp);
    bool clipped = end_cp > start_cp + kMaxMark;
    if (clipped) end_cp = start_cp + kMaxMark;
    size_t from = start_cp > kContext ? start_cp - kContext : 0;
    size_t to = std::min(line_cp, std::max(end_cp, start_cp + 1) + (clipped ? 0 : kContext));
    std::string prefix = from > 0 ? "…" : "";
    std::string suffix = to < line_cp ? "…" : "";
    std::string_view shown =
        line.substr(byteOfCodePoint(line, from), byteOfCodePoint(line, to) - byteOfCodePoint(line, from));
    std::string_view before = line.substr(byteOfCodePoint(line, from),
                                          byteOfCodePoint(line, start_cp) - byteOfCodePoint(line, from));
    std::string_view marked =
        line.substr(byteOfCodePoint(line, start_cp),
                    byteOfCodePoint(line, std::min(end_cp, to)) - byteOfCodePoint(line, start_cp));
    std::string number = std::to_string(f.begin.line);
    std::string gutter(number.size(), ' ');
    out << " " << number << " | " << prefix << expandTabs(shown) << suffix << "\n";
    int pad = displayWidth(prefix) + displayWidth(expandTabs(before));
    int width = std::max(1, displayWidth(expandTabs(marked)));
    out << " " << gutter << " | " << std::string(static_cast<size_t>(pad), ' ')
        << paint(code, std::string(static_cast<size_t>(width), '^')) << "\n";
  }

  bool color_;
  bool batch_;
  size_t documents_ = 0;
  int counts_[3] = {0, 0, 0};
  int errors_ = 0, baselined_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> makeTextReporter(const ReporterOptions& options) {
  return std::make_unique<TextReporter>(options);
}

}  // namespace nianbao::detail
