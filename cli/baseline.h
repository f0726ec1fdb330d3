// Baselines: findings an office has already seen, by stable fingerprint, so a
// re-check shows only what is new. A baseline file is what --write-baseline
// writes (JSON) or any SARIF file nianbao wrote (partialFingerprints).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "nianbao/reporter.h"

namespace nianbao::cli {

// The fingerprints in `path`; prints "path: 错误: …" and returns nullopt when
// the file is missing or is neither format.
std::optional<std::set<std::string>> loadBaseline(const std::string& path);

struct BaselineEntry {
  std::string fingerprint, rule, file;
  uint32_t line = 0;
  std::string message;
};

// Every finding of the run (baselined ones included), in input order.
bool writeBaseline(const std::string& path, const std::vector<BaselineEntry>& findings);

}  // namespace nianbao::cli
