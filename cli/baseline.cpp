#include "baseline.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace nianbao::cli {

namespace {
constexpr const char* kFingerprintKey = "nianbao/v1";  // as in the SARIF reporter
}

std::optional<std::set<std::string>> loadBaseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": 错误: 无法读取基线文件\n";
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    std::cerr << path << ":字节" << e.byte << ": 错误: 基线文件不是有效的 JSON\n";
    return std::nullopt;
  }
  std::set<std::string> out;
  try {
    if (j.is_object() && j.contains("nianbaoBaseline")) {
      for (const auto& f : j.at("findings")) out.insert(f.at("fingerprint").get<std::string>());
      return out;
    }
    if (j.is_object() && j.contains("runs")) {  // a SARIF log
      for (const auto& run : j.at("runs")) {
        if (!run.contains("results")) continue;
        for (const auto& r : run.at("results")) {
          if (r.contains("partialFingerprints") && r["partialFingerprints"].contains(kFingerprintKey))
            out.insert(r["partialFingerprints"][kFingerprintKey].get<std::string>());
        }
      }
      return out;
    }
  } catch (const nlohmann::json::exception&) {
    // fall through: wrong shape
  }
  std::cerr << path << ": 错误: 不是基线文件（应为 --write-baseline 写出的 JSON 或 nianbao 的 SARIF 输出）\n";
  return std::nullopt;
}

bool writeBaseline(const std::string& path, const std::vector<BaselineEntry>& findings) {
  nlohmann::ordered_json j;
  j["nianbaoBaseline"] = 1;
  j["findings"] = nlohmann::ordered_json::array();
  for (const BaselineEntry& f : findings) {
    nlohmann::ordered_json o;
    o["fingerprint"] = f.fingerprint;
    o["rule"] = f.rule;
    o["file"] = f.file;
    o["line"] = f.line;
    o["message"] = f.message;
    j["findings"].push_back(o);
  }
  std::ofstream out(path, std::ios::binary);
  out << j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  if (!out.flush()) {
    std::cerr << "nianbao check: 错误: 无法写入基线文件 " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace nianbao::cli
