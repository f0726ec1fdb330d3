// Internal: one factory per reporter file.
#pragma once

#include "nianbao/reporter.h"

namespace nianbao::detail {

std::unique_ptr<Reporter> makeHtmlReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> makeTextReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> makeSarifReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> makeJsonReporter(const ReporterOptions& options);

// HTML helpers, for the unit tests.
// Escapes & < > " ' for text and attribute values.
std::string escapeHtml(std::string_view s);
// Page file name of the index-th report (1-based) in a batch: "004-<stem>.html",
// the stem cut to ASCII letters, digits, '-', '_' and '.'; "report" if none remain.
std::string htmlPageName(size_t index, std::string_view path);

}  // namespace nianbao::detail
