#include "nianbao/finding.h"

#include <algorithm>
#include <tuple>

#include "nianbao/rule.h"

namespace nianbao {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

const char* severityNameZh(Severity s) {
  switch (s) {
    case Severity::kNote:
      return "提示";
    case Severity::kWarning:
      return "警告";
    case Severity::kError:
      return "错误";
  }
  return "警告";
}

std::optional<Severity> parseSeverity(std::string_view s) {
  if (s == "note") return Severity::kNote;
  if (s == "warning") return Severity::kWarning;
  if (s == "error") return Severity::kError;
  return std::nullopt;
}

void sortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.span.begin, a.span.end, a.rule_id, a.message) <
           std::tie(b.span.begin, b.span.end, b.rule_id, b.message);
  });
}

std::string formatMessage(const std::string& tmpl, const Vars& vars) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if ((c == '{' || c == '}') && i + 1 < tmpl.size() && tmpl[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      size_t close = tmpl.find('}', i);
      if (close != std::string::npos) {
        std::string name = tmpl.substr(i + 1, close - i - 1);
        auto it = std::find_if(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; });
        if (it != vars.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

void Findings::emit(const RuleInfo& rule, Span span, const Vars& vars, std::string key,
                    std::map<std::string, std::string> properties) {
  if (++per_rule_[rule.id] > cap_) {
    ++dropped_;
    return;
  }
  Finding f;
  f.rule_id = rule.id;
  f.severity = rule.severity;
  f.message = formatMessage(rule.message, vars);
  f.span = span;
  f.key = std::move(key);
  f.properties = std::move(properties);
  items_.push_back(std::move(f));
}

}  // namespace nianbao
