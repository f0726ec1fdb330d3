#include "rules/rule_support.h"

#include "nianbao/text.h"

namespace nianbao::detail {

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
