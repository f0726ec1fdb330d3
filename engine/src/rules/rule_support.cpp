#include "rules/rule_support.h"

#include "nianbao/text.h"

namespace nianbao::detail {

std::optional<BlockRange> scopeBlocks(const Document& doc, std::string_view scope,
                                      const SectionDef* section) {
  if (scope == "document") return BlockRange{0, doc.blocks.size()};
  if (scope == "section" || scope == "section_body") {
    const Section* s = section->find(doc.parts);
    if (!s) return std::nullopt;
    // section_body leaves the heading out: a part named 存在的不足和原因
    // must not count as explaining causes.
    return BlockRange{scope == "section" ? s->block : s->body_begin, s->body_end};
  }
  return BlockRange{doc.body_begin, doc.body_end};
}

void forEachMatch(const RE2& re, std::string_view text,
                  const std::function<void(const std::vector<re2::StringPiece>& caps)>& f) {
  int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> caps(static_cast<size_t>(n) + 1);
  re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, caps.data(), n + 1)) {
    size_t b = static_cast<size_t>(caps[0].data() - text.data());
    size_t e = b + caps[0].size();
    pos = e > b ? e : e + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    f(caps);
  }
}

std::string describeSection(const Section& s) {
  return "“" + s.marker + s.title + "”（第" + std::to_string(s.line) + "行）";
}

std::string describeParts(const Document& doc) {
  if (doc.parts.empty()) return "未识别出任何部分";
  std::string out;
  for (const Section& p : doc.parts)
    out += (out.empty() ? "" : "；") + p.marker + p.title + "（第" + std::to_string(p.line) + "行）";
  return out;
}

Span documentStart(const Document& doc) {
  if (doc.body_begin < doc.blocks.size()) return doc.blocks[doc.body_begin].span;
  if (!doc.blocks.empty()) return doc.blocks.front().span;
  return Span{0, 0};
}

size_t textLength(const Document& doc, size_t begin, size_t end) {
  size_t n = 0;
  for (size_t i = begin; i < end && i < doc.blocks.size(); ++i) n += codePointCount(doc.blocks[i].norm.text);
  return n;
}

}  // namespace nianbao::detail
