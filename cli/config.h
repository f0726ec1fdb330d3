// nianbao.yaml: what an office configures once instead of passing options.
//
//   packs: [my-rules/]            # more packs (files or folders)
//   builtin: true                 # load the built-in packs (default true)
//   disable: [fz.first-quarter]   # rules not to run
//   severity: {ph.fazhi-propaganda: warning}
//   set:                          # any rule field, e.g. a region's earlier deadline
//     fz.publish-deadline: {deadline: '03-01'}
//   type: fz                      # report type, instead of detecting it
//   fail_on: warning              # exit 1 from this level on
//
// Found as ./nianbao.yaml, or given with --config. Unknown keys are errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nianbao/rule_pack.h"

namespace nianbao::cli {

struct Config {
  std::string file;  // "" when none was found
  std::vector<std::string> packs;
  bool builtin = true;
  RuleOverrides overrides;
  std::string type;
  std::string fail_on;
  std::string baseline;  // path, resolved against the config file's folder
};

// Reads `path`, or ./nianbao.yaml when `path` is empty (absent: defaults).
// Prints errors as file:line:col and returns nullopt.
std::optional<Config> loadConfig(const std::string& path);

// Adds --disable ID and --set ID.FIELD=VALUE; prints errors, returns false.
bool applyFlags(Config& config, const std::vector<std::string>& disable, const std::vector<std::string>& set);

// Loads the built-in packs (unless disabled), the config's packs and `extra`,
// with the overrides; checks that every overridden rule exists.
bool loadConfiguredRules(RuleSet& rules, const Config& config, const std::vector<std::string>& extra);

}  // namespace nianbao::cli
