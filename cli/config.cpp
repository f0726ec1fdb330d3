#include "config.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"

namespace nianbao::cli {
namespace {

std::string where(const std::string& file, const YAML::Node& n) {
  YAML::Mark m = n.Mark();
  return file + (m.line >= 0 ? ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) : "");
}

bool fail(const std::string& file, const YAML::Node& n, const std::string& message) {
  std::cerr << where(file, n) << ": 错误: " << message << "\n";
  return false;
}

std::vector<std::string> strings(const std::string& file, const YAML::Node& n, const char* key, bool& ok) {
  std::vector<std::string> out;
  if (n.IsScalar()) return {n.Scalar()};
  if (!n.IsSequence()) {
    ok = fail(file, n, std::string(key) + " 应为字符串或字符串列表");
    return out;
  }
  for (const auto& item : n) {
    if (item.IsScalar())
      out.push_back(item.Scalar());
    else
      ok = fail(file, item, std::string(key) + " 的每一项应为字符串");
  }
  return out;
}

}  // namespace

std::optional<Config> loadConfig(const std::string& path) {
  Config c;
  std::string file = path.empty() ? "nianbao.yaml" : path;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (path.empty()) return c;  // no config: defaults
    std::cerr << file << ": 错误: 配置文件不存在\n";
    return std::nullopt;
  }
  c.file = file;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    std::cerr << file << ":" << e.mark.line + 1 << ":" << e.mark.column + 1 << ": 错误: YAML 语法错误："
              << e.msg << "\n";
    return std::nullopt;
  }
  if (root.IsNull()) return c;
  if (!root.IsMap()) {
    fail(file, root, "配置文件应为映射（key: value）");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "packs") {
      c.packs = strings(file, v, "packs", ok);
    } else if (key == "builtin") {
      if (v.IsScalar() && (v.Scalar() == "true" || v.Scalar() == "false"))
        c.builtin = v.Scalar() == "true";
      else
        ok = fail(file, v, "builtin 应为 true 或 false");
    } else if (key == "disable") {
      for (const std::string& id : strings(file, v, "disable", ok)) c.overrides.disabled.insert(id);
    } else if (key == "severity") {
      if (!v.IsMap()) {
        ok = fail(file, v, "severity 应为映射（规则 id: error/warning/note）");
        continue;
      }
      for (const auto& s : v) {
        if (!s.second.IsScalar() || !parseSeverity(s.second.Scalar())) {
          ok = fail(file, s.second, "级别应为 error、warning 或 note");
          continue;
        }
        c.overrides.fields[s.first.Scalar()]["severity"] = s.second.Scalar();
      }
    } else if (key == "set") {
      if (!v.IsMap()) {
        ok = fail(file, v, "set 应为映射（规则 id: {字段: 值}）");
        continue;
      }
      for (const auto& r : v) {
        if (!r.second.IsMap()) {
          ok = fail(file, r.second, "set 中每条规则应为映射（字段: 值）");
          continue;
        }
        for (const auto& fv : r.second) {
          if (!fv.second.IsScalar())
            ok = fail(file, fv.second, "只能覆盖取值为单个值的字段");
          else
            c.overrides.fields[r.first.Scalar()][fv.first.Scalar()] = fv.second.Scalar();
        }
      }
    } else if (key == "type" || key == "fail_on" || key == "baseline") {
      if (!v.IsScalar()) {
        ok = fail(file, v, key + " 应为单个值");
      } else if (key == "type") {
        c.type = v.Scalar();
      } else if (key == "fail_on") {
        c.fail_on = v.Scalar();
      } else {
        c.baseline = (std::filesystem::path(file).parent_path() / v.Scalar()).lexically_normal().string();
      }
    } else {
      ok = fail(file, kv.first,
                "未知的配置项 '" + key +
                    "'（可用：packs、builtin、disable、severity、set、type、fail_on、baseline）");
    }
  }
  if (!ok) return std::nullopt;
  return c;
}

bool applyFlags(Config& config, const std::vector<std::string>& disable,
                const std::vector<std::string>& set) {
  for (const std::string& id : disable) config.overrides.disabled.insert(id);
  for (const std::string& s : set) {
    size_t eq = s.find('=');
    size_t dot = eq == std::string::npos ? std::string::npos : s.rfind('.', eq);
    if (eq == std::string::npos || dot == std::string::npos || dot == 0) {
      std::cerr << "nianbao: 错误: --set 应写作 规则id.字段=值，如 fz.publish-deadline.deadline=03-01，实为 '"
                << s << "'\n";
      return false;
    }
    config.overrides.fields[s.substr(0, dot)][s.substr(dot + 1, eq - dot - 1)] = s.substr(eq + 1);
  }
  return true;
}

bool loadConfiguredRules(RuleSet& rules, const Config& config, const std::vector<std::string>& extra) {
  rules.setOverrides(config.overrides);
  std::vector<std::string> paths = config.packs;
  paths.insert(paths.end(), extra.begin(), extra.end());
  if (!loadRules(rules, !config.builtin, paths)) return false;
  bool ok = true;
  for (const std::string& id : rules.unknownOverrideIds()) {
    std::cerr << (config.file.empty() ? "nianbao" : config.file) << ": 错误: 配置中的规则 '" << id
              << "' 不存在（内置规则见 docs/user-guide.md 第3.3节）\n";
    ok = false;
  }
  return ok;
}

}  // namespace nianbao::cli
