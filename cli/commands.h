// The subcommands of the `nianbao` executable. Each returns the exit code:
// 0 no finding at or above --fail-on, 1 findings, 2 usage, rule or input error.
#pragma once

#include <string>
#include <vector>

#include "nianbao/rule_pack.h"

namespace nianbao::cli {

int checkCommand(const std::vector<std::string>& args);
int parseCommand(const std::vector<std::string>& args);
int rulesCommand(const std::vector<std::string>& args);
int explainCommand(const std::vector<std::string>& args);

// Built-in packs unless `no_builtin`, then each --rules path. Prints load errors
// (file:line:col) to stderr and returns false on any.
bool loadRules(RuleSet& rules, bool no_builtin, const std::vector<std::string>& paths);
// Validates a --type value against the loaded report types.
bool validType(const RuleSet& rules, const std::string& type);

constexpr const char* kVersion = "0.1.0";

}  // namespace nianbao::cli
