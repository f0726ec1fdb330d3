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
  YamlCtx(std::string file, std::vector<LoadError>& errors) : file_(std::move(file)), errors_(errors) {}
  const std::string& file() const { return file_; }
  SourceLoc loc(const YAML::Node& n) const;
  void error(const YAML::Node& n, std::string message);
  void error(SourceLoc loc, std::string message);
  size_t errorCount() const { return errors_.size(); }

  // RE2 compiled on normalized pattern text; nullptr (and an error) when invalid.
  std::shared_ptr<const re2::RE2> regex(const YAML::Node& n, const std::string& pattern);
  // A literal phrase, normalized and quoted for RE2.
  std::shared_ptr<const re2::RE2> phrase(const YAML::Node& n, const std::string& phrase);

 private:
  std::string file_;
  std::vector<LoadError>& errors_;
};

class Fields {
 public:
  // `what` names the mapping in errors, e.g. "规则" or "sections 项".
  Fields(YamlCtx& ctx, const YAML::Node& node, std::string what);
  bool ok() const { return ok_; }
  const YAML::Node& node() const { return node_; }

  bool has(const std::string& key) const;
  YAML::Node get(const std::string& key);  // marks the key as read; null node if absent
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
  // Reports keys that were never read.
  void finish();
  YamlCtx& ctx() { return ctx_; }

 private:
  YamlCtx& ctx_;
  YAML::Node node_;
  std::string what_;
  bool ok_ = true;
  std::set<std::string> read_;
};

std::string joinNames(const std::vector<std::string>& names);

}  // namespace nianbao::detail
