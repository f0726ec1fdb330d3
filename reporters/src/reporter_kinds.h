// Internal: one factory per reporter file.
#pragma once

#include "nianbao/reporter.h"

namespace nianbao::detail {

std::unique_ptr<Reporter> makeTextReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> makeSarifReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> makeJsonReporter(const ReporterOptions& options);

}  // namespace nianbao::detail
