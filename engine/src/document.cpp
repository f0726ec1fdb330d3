#include "nianbao/document.h"

#include <charconv>

namespace nianbao {

const char* markerStyleName(MarkerStyle s) {
  switch (s) {
    case MarkerStyle::kNone:
      return "none";
    case MarkerStyle::kChapter:
      return "chapter";
    case MarkerStyle::kCnComma:
      return "cn-comma";
    case MarkerStyle::kCnParen:
      return "cn-paren";
    case MarkerStyle::kDigit:
      return "digit";
    case MarkerStyle::kDigitParen:
      return "digit-paren";
  }
  return "none";
}

const char* metadataFieldLabel(std::string_view field) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"title", "标题"},          {"issuer", "发文机关"},       {"doc_number", "文号"},
      {"signer", "签发人"},       {"report_year", "报告年度"},  {"sign_date", "成文日期"},
      {"issue_date", "印发日期"}, {"publish_date", "发布日期"}, {"index_no", "索引号"},
      {"category", "公开属性"},
  };
  for (auto [k, v] : kLabels) {
    if (field == k) return v;
  }
  return "";
}

const MetaField* Document::field(const std::string& name) const {
  auto it = meta.find(name);
  return it == meta.end() ? nullptr : &it->second;
}

std::optional<int> Document::reportYear() const {
  const MetaField* f = field("report_year");
  if (!f) return std::nullopt;
  int y = 0;
  auto [p, ec] = std::from_chars(f->value.data(), f->value.data() + f->value.size(), y);
  if (ec != std::errc()) return std::nullopt;
  return y;
}

}  // namespace nianbao
