// Internal: helpers the rule kinds share.
#pragma once

#include <string>
#include <vector>

#include "nianbao/document.h"

namespace nianbao::detail {

// "一、总体情况（第7行）；二、…" — the top-level parts as a person reads them.
std::string describeParts(const Document& doc);
// "“三、2023年法治政府建设的主要安排”（第53行）"
std::string describeSection(const Section& s);
// Span of the first block of the body, or of the document: where a finding
// about something missing points when nothing better exists.
Span documentStart(const Document& doc);
// Code points of text in blocks [begin, end), headings of subsections included.
size_t textLength(const Document& doc, size_t begin, size_t end);

}  // namespace nianbao::detail
