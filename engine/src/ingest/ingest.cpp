#include "nianbao/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ingest/reader.h"
#include "recognize/recognize.h"

namespace nianbao {

InputError::InputError(std::string path, std::string message, int64_t offset)
    : std::runtime_error(path + (offset >= 0 ? ":字节" + std::to_string(offset) : std::string()) + ": " +
                         message),
      path_(std::move(path)),
      detail_(std::move(message)),
      offset_(offset) {}

std::string InputError::describe() const {
  return offset_ >= 0 ? detail_ + "（字节 " + std::to_string(offset_) + "）" : detail_;
}

namespace {

// The system's words for the common failures, in Chinese.
std::string systemMessage(const std::error_code& ec) {
  if (ec == std::errc::no_such_file_or_directory) return "文件不存在";
  if (ec == std::errc::permission_denied) return "没有读取权限";
  if (ec == std::errc::is_a_directory) return "是目录，不是文件";
  return ec.message();
}

// Binary input (NUL bytes where text has none) is refused before decoding.
void refuseBinary(const std::string& path, const std::string& bytes) {
  bool utf16 = bytes.size() >= 2 &&
               ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (utf16) return;
  size_t nul = bytes.find('\0');
  if (nul != std::string::npos)
    throw InputError(path, "不是文本文件（含二进制内容）", static_cast<int64_t>(nul));
}

std::string detectFormat(const std::string& path, const std::string& bytes, const std::string& forced) {
  if (!forced.empty()) return forced;
  // By content first: a report saved as .txt that is really a PDF is a PDF.
  if (bytes.compare(0, 5, "%PDF-") == 0) return "pdf";
  if (bytes.compare(0, 4, "PK\x03\x04") == 0) return "docx";
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string head = bytes.substr(0, 512);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
      ext == ".html" || ext == ".htm") {
    return "html";
  }
  if (ext == ".pdf") return "pdf";    // damaged: no %PDF- header; the reader says so
  if (ext == ".docx") return "docx";  // damaged zip; likewise
  if (ext == ".md" || ext == ".markdown") return "md";
  return "txt";
}

}  // namespace

namespace detail {

void recognizeStructure(Document& doc) {
  std::vector<Line> lines = readTextLines(doc.source);
  doc.blocks = buildBlocks(doc.source, lines);
  splitInlineHeadings(doc.source, doc.blocks);
  recognizeMatter(doc);
  recognizeOutline(doc);
}

}  // namespace detail

Document parseDocument(const std::string& path, std::string bytes, const ReadOptions& options) {
  if (bytes.size() > options.max_bytes) {
    throw InputError(path, "文件过大（" + std::to_string(bytes.size() / (1024 * 1024)) + " MiB，上限 " +
                               std::to_string(options.max_bytes / (1024 * 1024)) + " MiB）");
  }
  std::string format = detectFormat(path, bytes, options.format);
  static const char* kFormats[] = {"txt", "md", "html", "docx", "pdf"};
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats)) {
    throw InputError(path, "未知的格式：" + format + "（可选：txt、md、html、docx、pdf）");
  }
  Document doc;
  if (format == "txt" || format == "md" || format == "html") {
    refuseBinary(path, bytes);
    detail::Decoded decoded = detail::decodeText(path, bytes, options.encoding);
    if (decoded.text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(path, "文件为空");
    if (format == "html") {
      detail::Extracted ex = detail::readHtml(path, decoded.text);
      doc.source = SourceText(path, std::move(ex.text), decoded.encoding, format);
      doc.source.setOrigins(std::move(ex.origins));
    } else {
      doc.source = SourceText(path, std::move(decoded.text), decoded.encoding, format);
    }
  } else {
    if (bytes.empty()) throw InputError(path, "文件为空");
    detail::Extracted ex = format == "pdf" ? detail::readPdf(path, bytes) : detail::readDocx(path, bytes);
    doc.source = SourceText(path, std::move(ex.text), "UTF-8", format);
    doc.source.setOrigins(std::move(ex.origins));
  }
  if (doc.source.text().find_first_not_of(" \t\r\n|-") == std::string::npos) {
    throw InputError(path, "未能从文件中读出文字（可能是扫描件或空文档）");
  }
  for (uint32_t n = 1; n <= doc.source.lineCount(); ++n) {
    if (doc.source.line(n).size() > options.max_line_bytes) {
      throw InputError(path,
                       "第" + std::to_string(n) + "行过长（" +
                           std::to_string(doc.source.line(n).size() / 1024) + " KiB，上限 " +
                           std::to_string(options.max_line_bytes / 1024) + " KiB）",
                       doc.source.extracted() ? -1 : static_cast<int64_t>(doc.source.lineStart(n)));
    }
  }
  detail::recognizeStructure(doc);
  detail::recognizeTables(doc);
  return doc;
}

Document readDocument(const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path, "是目录，不是文件");
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(path, "无法读取：" + systemMessage(ec));
  if (size > options.max_bytes) {
    throw InputError(path, "文件过大（" + std::to_string(size / (1024 * 1024)) + " MiB，上限 " +
                               std::to_string(options.max_bytes / (1024 * 1024)) + " MiB）");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "无法打开文件");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return parseDocument(path, std::move(bytes), options);
}

}  // namespace nianbao
