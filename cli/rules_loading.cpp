#include <iostream>

#include "commands.h"

namespace nianbao::cli {

bool loadRules(RuleSet& rules, bool no_builtin, const std::vector<std::string>& paths) {
  bool ok = true;
  auto report = [&](const LoadErrors& e) {
    for (const LoadError& err : e.errors()) std::cerr << err.str() << "\n";
    ok = false;
  };
  if (!no_builtin) {
    try {
      rules.addBuiltin();
    } catch (const LoadErrors& e) {
      report(e);
    }
  }
  for (const std::string& p : paths) {
    try {
      rules.addPath(p);
    } catch (const LoadErrors& e) {
      report(e);
    }
  }
  return ok;
}

bool validType(const RuleSet& rules, const std::string& type) {
  if (type.empty() || rules.reportType(type)) return true;
  std::string known;
  for (const ReportTypeDef* t : rules.reportTypes())
    known += (known.empty() ? "" : "、") + t->id + "（" + t->name + "）";
  std::cerr << "nianbao: 错误: 未知的报告类型 '" << type << "'（可选：" << (known.empty() ? "无" : known)
            << "）\n";
  return false;
}

}  // namespace nianbao::cli
