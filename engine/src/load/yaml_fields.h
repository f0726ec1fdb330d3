// Internal: strict, typed access to a YAML mapping, with every error pinned to
// the rule file's line and column (yaml-cpp's Mark). A Fields object remembers
// which keys were read; finish() reports the rest as unknown fields.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nianbao/rule_pack.h"

namespace re2 {
class RE2;
}

namespace nianbao::detail {

class YamlCtx {
 public:
  // `text` is the rule file's content: columns are counted in code points on it.
  YamlCtx(std::string file, std::string_view text, std::vector<LoadError>& errors)
      : file_(std::move(file)), text_(text), errors_(errors) {}
  const std::string& file() const { return file_; }
  std::string_view text() const { return text_; }
  SourceLoc loc(const YAML::Node& n) const;
  // Location of a yaml-cpp Mark (byte position) as line and code-point column.
  SourceLoc loc(const YAML::Mark& m) const;
  void error(const YAML::Node& n, std::string message);
  void error(SourceLoc loc, std::string message);
  size_t errorCount() const { return errors_.size(); }
  // Appends `note` to the errors reported since `count`.
  void annotateSince(size_t count, const std::string& note) {
    for (size_t i = count; i < errors_.size(); ++i) errors_[i].message += note;
  }

  // RE2 compiled on normalized pattern text; nullptr (and an error) when invalid,
  // or when it matches the empty string (it would match at every position)
  // unless `allow_empty`.
  std::shared_ptr<const re2::RE2> regex(const YAML::Node& n, const std::string& pattern,
                                        bool allow_empty = false);
  // A literal phrase, normalized and quoted for RE2.
  std::shared_ptr<const re2::RE2> phrase(const YAML::Node& n, const std::string& phrase);

 private:
  std::string file_;
  std::string_view text_;
  std::vector<LoadError>& errors_;
};

class Fields {
 public:
  // `what` names the mapping in errors, e.g. "规则" or "sections 项".
  Fields(YamlCtx& ctx, const YAML::Node& node, std::string what);
  bool ok() const { return ok_; }
  const YAML::Node& node() const { return node_; }

  bool has(const std::string& key) const;
  YAML::Node get(const std::string& key);  // marks the key as read; a zombie node if absent
  // Where to point for `key`: its value, or the key itself when the value is empty
  // (yaml-cpp marks an empty value at the next token, often on the next line).
  SourceLoc where(const std::string& key) const;
  // Records a missing required field; finish() reports it (or, when an unknown
  // key looks like a misspelling of it, one error at that key).
  void missing(const std::string& key);
  std::optional<std::string> str(const std::string& key, bool required = false);
  std::optional<int> integer(const std::string& key, bool required = false);
  std::optional<bool> boolean(const std::string& key);
  // A string or a list of strings.
  std::vector<std::string> strings(const std::string& key, bool required = false);
  // Same, with the node of each item (for error positions).
  std::vector<std::pair<std::string, YAML::Node>> stringNodes(const std::string& key, bool required = false);
  // One of `allowed`.
  std::optional<std::string> choice(const std::string& key, const std::vector<std::string>& allowed,
                                    bool required = false);
  // Reports missing required fields and, if `unknown_keys`, keys never read.
  void finish(bool unknown_keys = true);
  YamlCtx& ctx() { return ctx_; }

 private:
  YamlCtx& ctx_;
  YAML::Node node_;
  std::string what_;
  bool ok_ = true;
  std::set<std::string> read_;
  std::vector<std::string> missing_;
};

std::string joinNames(const std::vector<std::string>& names);
// Text for people read from YAML: a folded block (>-) joins its lines with a
// space, which Chinese text must not have; such spaces between CJK go.
std::string tidyText(const std::string& s);
// Placeholders a message template uses: {name}, skipping {{ and }}.
std::vector<std::string> placeholders(const std::string& tmpl);
// Reports each placeholder of `tmpl` that is not in `allowed`, at `loc`.
void checkPlaceholders(YamlCtx& ctx, SourceLoc loc, const std::string& field, const std::string& tmpl,
                       const std::vector<std::string_view>& allowed, const std::string& kind);

}  // namespace nianbao::detail
