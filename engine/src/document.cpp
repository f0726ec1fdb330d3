#include "nianbao/document.h"

#include <charconv>
#include <cstdlib>

#include <re2/re2.h>

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

const char* cellKindName(CellKind k) {
  switch (k) {
    case CellKind::kBlank:
      return "blank";
    case CellKind::kNumber:
      return "number";
    case CellKind::kSlash:
      return "slash";
    case CellKind::kDash:
      return "dash";
    case CellKind::kText:
      return "text";
  }
  return "text";
}

void classifyCell(Cell& cell) {
  static const RE2 kNumber(R"(^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$)");
  static const RE2 kDash(R"(^-+$)");
  const std::string& t = cell.text;
  cell.value = 0;
  cell.integer = false;
  if (t.empty()) {
    cell.kind = CellKind::kBlank;
  } else if (t == "/" || t == "\\") {
    cell.kind = CellKind::kSlash;
  } else if (RE2::FullMatch(t, kDash)) {
    cell.kind = CellKind::kDash;
  } else if (RE2::FullMatch(t, kNumber)) {
    std::string digits;
    for (char c : t) {
      if (c != ',') digits += c;
    }
    cell.kind = CellKind::kNumber;
    cell.value = std::strtod(digits.c_str(), nullptr);
    cell.integer = digits.find('.') == std::string::npos;
  } else {
    cell.kind = CellKind::kText;
  }
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
