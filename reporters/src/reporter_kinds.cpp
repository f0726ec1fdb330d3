// The single table of output formats.
#include "reporter_kinds.h"

namespace nianbao {
namespace {

struct ReporterKind {
  std::string_view id;
  std::unique_ptr<Reporter> (*make)(const ReporterOptions&);
};

constexpr ReporterKind kReporters[] = {
    {"html", detail::makeHtmlReporter},
    {"sarif", detail::makeSarifReporter},
    {"json", detail::makeJsonReporter},
    {"text", detail::makeTextReporter},
};

}  // namespace

std::unique_ptr<Reporter> makeReporter(std::string_view format, const ReporterOptions& options) {
  for (const auto& k : kReporters) {
    if (k.id == format) return k.make(options);
  }
  return nullptr;
}

std::vector<std::string> reporterFormats() {
  std::vector<std::string> out;
  for (const auto& k : kReporters) out.emplace_back(k.id);
  return out;
}

}  // namespace nianbao
