#include "load/yaml_fields.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>

#include "nianbao/text.h"

namespace nianbao::detail {

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

SourceLoc YamlCtx::loc(const YAML::Mark& m) const {
  SourceLoc l{file_, 0, 0};
  if (m.line < 0) return l;
  l.line = m.line + 1;
  l.column = m.column + 1;
  // yaml-cpp counts columns in bytes; people count characters.
  if (m.pos >= 0 && static_cast<size_t>(m.pos) <= text_.size() && m.column <= m.pos) {
    size_t start = static_cast<size_t>(m.pos - m.column);
    l.column = 1 + static_cast<int>(codePointCount(text_.substr(start, static_cast<size_t>(m.column))));
  }
  return l;
}

SourceLoc YamlCtx::loc(const YAML::Node& n) const {
  if (!n.IsDefined()) return SourceLoc{file_, 0, 0};
  return loc(n.Mark());
}

void YamlCtx::error(const YAML::Node& n, std::string message) { error(loc(n), std::move(message)); }

void YamlCtx::error(SourceLoc l, std::string message) {
  errors_.push_back(LoadError{std::move(l), std::move(message)});
}

std::shared_ptr<const re2::RE2> YamlCtx::regex(const YAML::Node& n, const std::string& pattern,
                                               bool allow_empty) {
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(8 << 20);
  auto re = std::make_shared<const RE2>(normalizePattern(pattern), opt);
  if (!re->ok()) {
    std::string msg = "正则表达式无效：" + re->error();
    if (!re->error_arg().empty()) msg += "（出错处：" + re->error_arg() + "）";
    error(n, msg);
    return nullptr;
  }
  if (!allow_empty && RE2::FullMatch("", *re)) {
    error(n,
          "正则表达式 '" + pattern + "' 可以匹配空字符串，会在每个位置命中（是否漏了内容，或多了 * ? |？）");
    return nullptr;
  }
  return re;
}

std::string tidyText(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' && !out.empty()) {
      size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      size_t back = out.size() - 1;
      while (back > 0 && (static_cast<unsigned char>(out[back]) & 0xC0) == 0x80) --back;
      size_t k = back;
      char32_t before = decodeUtf8(out, k);
      size_t m = j;
      char32_t after = j < s.size() ? decodeUtf8(s, m) : 0;
      if (isCjk(before) && isCjk(after)) {
        i = j;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::shared_ptr<const re2::RE2> YamlCtx::phrase(const YAML::Node& n, const std::string& phrase) {
  std::string norm = normalizeText(phrase);
  if (norm.empty()) {
    error(n, "短语为空");
    return nullptr;
  }
  RE2::Options opt;
  opt.set_log_errors(false);
  return std::make_shared<const RE2>(RE2::QuoteMeta(norm), opt);
}

Fields::Fields(YamlCtx& ctx, const YAML::Node& node, std::string what)
    : ctx_(ctx), node_(node), what_(std::move(what)) {
  if (!node.IsMap()) {
    ctx_.error(node, what_ + "应为映射（key: value）");
    ok_ = false;
    return;
  }
  std::set<std::string> seen;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) {
      ctx_.error(kv.first, "字段名应为字符串");
      ok_ = false;
      continue;
    }
    if (!seen.insert(kv.first.Scalar()).second) {
      ctx_.error(kv.first, "字段 '" + kv.first.Scalar() + "' 重复");
      ok_ = false;
    }
  }
}

bool Fields::has(const std::string& key) const { return ok_ && node_[key].IsDefined(); }

YAML::Node Fields::get(const std::string& key) {
  read_.insert(key);
  if (!ok_) return YAML::Node();
  const YAML::Node& cn = node_;
  return cn[key];  // a zombie node (IsDefined() false) when absent
}

namespace {
bool absent(const YAML::Node& n) { return !n.IsDefined() || n.IsNull(); }

// Edit distance, for "did you mean" on misspelled keys.
size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

SourceLoc Fields::where(const std::string& key) const {
  if (!ok_) return ctx_.loc(node_);
  for (const auto& kv : node_) {
    if (kv.first.Scalar() == key) return ctx_.loc(kv.second.IsNull() ? kv.first : kv.second);
  }
  return ctx_.loc(node_);
}

void Fields::missing(const std::string& key) {
  if (ok_) missing_.push_back(key);
}

std::optional<std::string> Fields::str(const std::string& key, bool required) {
  YAML::Node n = get(key);
  if (absent(n)) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    ctx_.error(n, "字段 '" + key + "' 应为字符串");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<int> Fields::integer(const std::string& key, bool required) {
  auto s = str(key, required);
  if (!s) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc() || p != s->data() + s->size()) {
    ctx_.error(where(key), "字段 '" + key + "' 应为整数，实为 '" + *s + "'");
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Fields::boolean(const std::string& key) {
  auto s = str(key);
  if (!s) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  ctx_.error(where(key), "字段 '" + key + "' 应为 true 或 false，实为 '" + *s + "'");
  return std::nullopt;
}

std::vector<std::pair<std::string, YAML::Node>> Fields::stringNodes(const std::string& key, bool required) {
  std::vector<std::pair<std::string, YAML::Node>> out;
  YAML::Node n = get(key);
  if (absent(n)) {
    if (required) missing(key);
    return out;
  }
  if (n.IsScalar()) {
    out.emplace_back(n.Scalar(), n);
    return out;
  }
  if (!n.IsSequence()) {
    ctx_.error(n, "字段 '" + key + "' 应为字符串或字符串列表");
    return out;
  }
  for (const auto& item : n) {
    if (!item.IsScalar()) {
      ctx_.error(item, "字段 '" + key + "' 的每一项应为字符串");
      continue;
    }
    out.emplace_back(item.Scalar(), item);
  }
  if (out.empty() && required) ctx_.error(n, "字段 '" + key + "' 不能为空列表");
  return out;
}

std::vector<std::string> Fields::strings(const std::string& key, bool required) {
  std::vector<std::string> out;
  for (auto& [s, n] : stringNodes(key, required)) out.push_back(s);
  return out;
}

std::optional<std::string> Fields::choice(const std::string& key, const std::vector<std::string>& allowed,
                                          bool required) {
  auto s = str(key, required);
  if (!s) return std::nullopt;
  for (const auto& a : allowed) {
    if (*s == a) return s;
  }
  ctx_.error(where(key), "字段 '" + key + "' 的值 '" + *s + "' 无效（可选：" + joinNames(allowed) + "）");
  return std::nullopt;
}

void Fields::finish(bool unknown_keys) {
  if (!ok_) return;
  std::vector<std::string> known(read_.begin(), read_.end());
  std::set<std::string> explained;  // missing keys an unknown key stands for
  if (unknown_keys) {
    for (const auto& kv : node_) {
      const std::string& k = kv.first.Scalar();
      if (read_.count(k)) continue;
      std::string guess;
      for (const std::string& cand : known) {
        const YAML::Node& cn = node_;
        if (distance(k, cand) <= 2 && !cn[cand].IsDefined()) guess = cand;
      }
      if (!guess.empty()) {
        explained.insert(guess);
        ctx_.error(kv.first, what_ + "中有未知字段 '" + k + "'，是否应为 '" + guess + "'？");
      } else {
        ctx_.error(kv.first, what_ + "中有未知字段 '" + k + "'（可用字段：" + joinNames(known) + "）");
      }
    }
  }
  for (const std::string& key : missing_) {
    if (!explained.count(key)) ctx_.error(node_, what_ + "缺少必填字段 '" + key + "'");
  }
  missing_.clear();
}

std::vector<std::string> placeholders(const std::string& tmpl) {
  std::vector<std::string> out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
      ++i;
      continue;
    }
    if (tmpl[i] != '{') continue;
    size_t close = tmpl.find('}', i);
    if (close == std::string::npos) break;
    out.push_back(tmpl.substr(i + 1, close - i - 1));
    i = close;
  }
  return out;
}

void checkPlaceholders(YamlCtx& ctx, SourceLoc loc, const std::string& field, const std::string& tmpl,
                       const std::vector<std::string_view>& allowed, const std::string& kind) {
  for (const std::string& p : placeholders(tmpl)) {
    if (std::find(allowed.begin(), allowed.end(), p) != allowed.end()) continue;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    ctx.error(loc, field + " 中的占位符 {" + p + "} 不会被 " + kind + " 规则填充（可用：" + joinNames(names) +
                       "）");
  }
}

}  // namespace nianbao::detail
