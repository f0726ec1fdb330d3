// Internal: helpers the rule kinds share.
#pragma once

#include <re2/re2.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/document.h"
#include "nianbao/rule_pack.h"

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

// Blocks [begin, end) a rule's `scope` covers: "document", "body" or "section"
// (the part `section` names); nullopt when that part is absent.
struct BlockRange {
  size_t begin = 0, end = 0;
};
std::optional<BlockRange> scopeBlocks(const Document& doc, std::string_view scope, const SectionDef* section);

// Calls f with the capture groups (caps[0] the whole match) of every
// non-overlapping match of re in text; an empty match steps one code point.
void forEachMatch(const RE2& re, std::string_view text,
                  const std::function<void(const std::vector<re2::StringPiece>& caps)>& f);

}  // namespace nianbao::detail
