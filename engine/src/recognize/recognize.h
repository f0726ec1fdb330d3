// Internal: the recognizers that turn a reader's lines into the Document model.
// Order: buildBlocks -> recognizeMatter (front/back matter, title, metadata)
//        -> recognizeOutline (numbered parts of the body).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"
#include "nianbao/document.h"

namespace nianbao::detail {

struct Marker {
  MarkerStyle style = MarkerStyle::kNone;
  int number = 0;
  size_t length = 0;  // bytes of the marker in the normalized text
};

// Parses a numbering marker at the start of normalized text.
std::optional<Marker> parseMarker(std::string_view norm);
// "一" -> 1, "十二" -> 12, "二十一" -> 21, "12" -> 12; -1 if not a number.
int parseNumber(std::string_view s);
// "一是", "二要": enumerations inside paragraphs, never headings.
bool startsWithEnumeration(std::string_view norm);
// Last character is a sentence end (。！？；：), ignoring closing quotes/brackets.
bool endsSentence(std::string_view norm);
// Contains sentence punctuation (，。；) — a sign of running text, not a title.
bool hasSentencePunct(std::string_view norm);
// 零/〇…九 (and 两) as 0–9; -1 for anything else.
int cnDigitValue(char32_t c);

// Joins hard-wrapped lines into paragraphs (see block_builder.cpp for the rules).
std::vector<Block> buildBlocks(const SourceText& src, const std::vector<Line>& lines);

// Splits 一、/（一） headings out of run-on paragraphs (web text on one line).
void splitInlineHeadings(const SourceText& src, std::vector<Block>& blocks);

void recognizeMatter(Document& doc);
void recognizeOutline(Document& doc);
// Markdown pipe tables and plain-text tables ("label 360 19 0 0 2 15 396").
void recognizeTables(Document& doc);

// The normalized text of a block as a string_view.
inline std::string_view normOf(const Block& b) { return b.norm.text; }

}  // namespace nianbao::detail
