// nianbao rules list|show|validate|test|doc, and nianbao explain ID: the rule
// author's workbench. Everything here reads the loaded RuleSet; nothing is
// specific to a rule kind.
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "config.h"
#include "nianbao/builtin_packs.h"
#include "nianbao/engine.h"
#include "rule_tests.h"

namespace po = boost::program_options;

namespace nianbao::cli {
namespace {

std::string locStr(const SourceLoc& l) {
  return l.file + (l.line ? ":" + std::to_string(l.line) + ":" + std::to_string(l.column) : "");
}

std::string groupName(const std::string& id) {
  for (const RuleGroup& g : ruleGroups()) {
    if (g.id == id) return std::string(g.name);
  }
  return id;
}

std::string basisStr(const Basis& b) {
  std::string s = b.document + (b.article.empty() ? "" : " " + b.article);
  if (!b.ref.empty()) s += "（" + b.ref + "）";
  return s;
}

std::string typesStr(const RuleInfo& r) {
  if (r.types.empty()) return "所有类型";
  std::string s;
  for (const std::string& t : r.types) s += (s.empty() ? "" : "、") + t;
  return s;
}

std::string yearsStr(const RuleInfo& r) {
  if (!r.year_from && !r.year_to) return "";
  return (r.year_from ? std::to_string(*r.year_from) : "") + "–" +
         (r.year_to ? std::to_string(*r.year_to) : "");
}

// Options every `rules` subcommand shares: which packs.
struct PackOptions {
  std::vector<std::string> rules;
  bool no_builtin = false;
  std::string config;
};

void addPackOptions(po::options_description& o, PackOptions& p) {
  // clang-format off
  o.add_options()
      ("rules,r", po::value(&p.rules)->composing(), "追加规则包文件或目录（可多次）")
      ("no-builtin", po::bool_switch(&p.no_builtin), "不载入内置规则包")
      ("config", po::value(&p.config), "配置文件（默认当前目录的 nianbao.yaml）");
  // clang-format on
}

bool loadPacks(RuleSet& rules, const PackOptions& p) {
  auto config = loadConfig(p.config);
  if (!config) return false;
  if (p.no_builtin) config->builtin = false;
  return loadConfiguredRules(rules, *config, p.rules);
}

// Parses args; returns -1 to go on, else an exit code (help or usage error).
int parseArgs(const std::string& cmd, const std::vector<std::string>& args, po::options_description& opts,
              const char* positional, std::vector<std::string>* values, po::variables_map& vm,
              const char* help_tail = "") {
  opts.add_options()("help,h", "显示帮助");
  po::options_description all;
  all.add(opts);
  po::positional_options_description pos;
  if (positional) {
    po::options_description hidden;
    hidden.add_options()(positional, po::value(values));
    all.add(hidden);
    pos.add(positional, -1);
  }
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "nianbao " << cmd << ": 错误: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts << help_tail;
    return 0;
  }
  return -1;
}

// The rule's own YAML, from its `- id:` line to the next rule or section: what
// `show` prints so that nothing (patterns, expressions, when) is left out.
std::string ruleSource(const SourceLoc& loc) {
  std::string text;
  for (const EmbeddedFile& f : builtinPacks()) {
    if (f.name == loc.file) text = std::string(f.content);
  }
  if (text.empty()) {
    std::ifstream in(loc.file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  std::istringstream in(text);
  std::string line, out;
  int n = 0;
  size_t indent = std::string::npos;
  while (std::getline(in, line)) {
    if (++n < loc.line) continue;
    size_t first = line.find_first_not_of(' ');
    if (n == loc.line) {
      indent = line.find('-');
      if (indent == std::string::npos) return "";
    } else if (first != std::string::npos && line[first] != '#' && first <= indent) {
      break;  // the next rule, or a key of the pack
    }
    out += line + "\n";
  }
  while (out.size() >= 2 && out[out.size() - 2] == '\n') out.pop_back();  // trailing blank lines
  return out;
}

const Rule* findRule(const RuleSet& rules, const std::string& id, const std::string& cmd) {
  if (const Rule* r = rules.rule(id)) return r;
  std::cerr << "nianbao " << cmd << ": 错误: 没有规则 '" << id << "'（nianbao rules list 列出全部规则）\n";
  return nullptr;
}

int listRules(const std::vector<std::string>& args) {
  PackOptions p;
  std::string pack;
  po::options_description opts("nianbao rules list [选项]", 400, 200);
  opts.add_options()("pack", po::value(&pack), "只列出这个规则包（如 fz、xg、ph）");
  addPackOptions(opts, p);
  po::variables_map vm;
  if (int rc = parseArgs("rules list", args, opts, nullptr, nullptr, vm); rc >= 0) return rc;
  RuleSet rules;
  if (!loadPacks(rules, p)) return 2;
  size_t n = 0;
  for (const Rule* r : rules.rules()) {
    const RuleInfo& i = r->info();
    if (!pack.empty() && i.pack != pack) continue;
    std::cout << i.id << "\t" << severityName(i.severity) << "\t" << i.kind << "\t" << i.title << "\n";
    ++n;
  }
  if (n == 0 && !pack.empty()) {
    std::cerr << "nianbao rules list: 错误: 没有名为 '" << pack << "' 的规则包\n";
    return 2;
  }
  return 0;
}

void printExamples(const RuleInfo& i, std::ostream& out) {
  for (const std::string& g : i.good_examples) out << "  正例（合规）：" << g << "\n";
  for (const std::string& b : i.bad_examples) out << "  反例（会报告）：" << b << "\n";
}

int showRule(const std::vector<std::string>& args) {
  PackOptions p;
  std::vector<std::string> ids;
  po::options_description opts("nianbao rules show [选项] ID", 400, 200);
  addPackOptions(opts, p);
  po::variables_map vm;
  if (int rc = parseArgs("rules show", args, opts, "id", &ids, vm); rc >= 0) return rc;
  if (ids.size() != 1) {
    std::cerr << "nianbao rules show: 错误: 请给出一个规则 id\n";
    return 2;
  }
  RuleSet rules;
  if (!loadPacks(rules, p)) return 2;
  const Rule* r = findRule(rules, ids[0], "rules show");
  if (!r) return 2;
  const RuleInfo& i = r->info();
  std::cout << "规则: " << i.id << "\n"
            << "名称: " << i.title << "\n"
            << "规则包: " << i.pack << "（" << locStr(i.loc) << "）\n"
            << "类型: " << i.kind << "\n"
            << "类别: " << i.group << "（" << groupName(i.group) << "）\n"
            << "级别: " << severityName(i.severity) << "（" << severityNameZh(i.severity) << "）\n"
            << "适用报告: " << typesStr(i) << "\n";
  if (std::string y = yearsStr(i); !y.empty()) std::cout << "适用年度: " << y << "\n";
  std::cout << "消息: " << i.message << "\n"
            << "依据: " << basisStr(i.basis) << "\n";
  if (!i.basis.note.empty()) std::cout << "依据说明: " << i.basis.note << "\n";
  if (!i.help.empty()) std::cout << "说明: " << i.help << "\n";
  if (!i.good_examples.empty() || !i.bad_examples.empty()) {
    std::cout << "示例:\n";
    printExamples(i, std::cout);
  }
  if (std::string src = ruleSource(i.loc); !src.empty())
    std::cout << "\n规则原文（" << locStr(i.loc) << "）:\n" << src;
  return 0;
}

int validateRules(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  bool with_builtin = false;
  po::options_description opts("nianbao rules validate [选项] FILE|DIR...", 400, 200);
  opts.add_options()("with-builtin", po::bool_switch(&with_builtin),
                     "先载入内置规则包（被检查的包引用内置包的表格模板时用）");
  po::variables_map vm;
  if (int rc = parseArgs("rules validate", args, opts, "path", &paths, vm,
                         "\n逐条报告全部错误（文件:行:列），有错误时退出码为 2。\n");
      rc >= 0)
    return rc;
  if (paths.empty()) {
    std::cerr << "nianbao rules validate: 错误: 请给出规则包文件或目录\n";
    return 2;
  }
  RuleSet rules;
  if (with_builtin) rules.addBuiltin();
  size_t before_packs = rules.packs().size(), before_rules = rules.rules().size();
  size_t errors = 0;
  for (const std::string& path : paths) {
    try {
      rules.addPath(path);
    } catch (const LoadErrors& e) {
      for (const LoadError& err : e.errors()) std::cerr << err.str() << "\n";
      errors += e.errors().size();
    }
  }
  if (errors) {
    std::cerr << "共 " << errors << " 个错误\n";
    return 2;
  }
  std::cout << "规则包 " << rules.packs().size() - before_packs << " 个，规则 "
            << rules.rules().size() - before_rules << " 条：没有错误\n";
  return 0;
}

int explainRule(const std::vector<std::string>& args) {
  PackOptions p;
  std::vector<std::string> ids;
  po::options_description opts("nianbao explain [选项] ID", 400, 200);
  addPackOptions(opts, p);
  po::variables_map vm;
  if (int rc = parseArgs("explain", args, opts, "id", &ids, vm); rc >= 0) return rc;
  if (ids.size() != 1) {
    std::cerr << "nianbao explain: 错误: 请给出一个规则 id（如 nianbao explain xg.t3-balance）\n";
    return 2;
  }
  RuleSet rules;
  if (!loadPacks(rules, p)) return 2;
  const Rule* r = findRule(rules, ids[0], "explain");
  if (!r) return 2;
  const RuleInfo& i = r->info();
  std::cout << i.id << "：" << i.title << "（" << severityNameZh(i.severity) << "）\n\n";
  std::cout << "为什么要检查\n  " << (i.help.empty() ? i.title : i.help) << "\n\n";
  std::cout << "依据\n  " << basisStr(i.basis) << "\n";
  if (!i.basis.note.empty()) std::cout << "  " << i.basis.note << "\n";
  std::cout << "\n适用于 " << typesStr(i);
  if (std::string y = yearsStr(i); !y.empty()) std::cout << "，" << y << " 年度";
  std::cout << "；级别为" << severityNameZh(i.severity)
            << (i.severity == Severity::kError     ? "：不符合规定，须改正。"
                : i.severity == Severity::kWarning ? "：很可能不符合规定，请核对。"
                                                   : "：提请注意，程序无法确定是否有问题。")
            << "\n";
  if (!i.good_examples.empty() || !i.bad_examples.empty()) {
    std::cout << "\n示例\n";
    printExamples(i, std::cout);
  }
  std::cout << "\n不适用于本单位时，可在 nianbao.yaml 中停用（disable: [" << i.id
            << "]）或改级别（severity）。\n";
  return 0;
}

int testRules(const std::vector<std::string>& args) {
  std::vector<std::string> paths, silent;
  PackOptions p;
  bool with_builtin = false;
  po::options_description opts("nianbao rules test [选项] DIR|FILE...", 400, 200);
  opts.add_options()("report-silent", po::value(&silent)->composing(),
                     "再检查这些报告（文件或目录，可多次），列出在其中一次也没有报告的规则")(
      "with-builtin", po::bool_switch(&with_builtin),
      "目录中的规则包之外也载入内置规则包（自己的包引用内置的报告类型或表格时用）");
  addPackOptions(opts, p);
  po::variables_map vm;
  if (int rc = parseArgs("rules test", args, opts, "path", &paths, vm,
                         "\n运行 *.test.yaml 中的规则测试用例；DIR 中的规则包（其他 .yaml）代替内置规则包。\n"
                         "退出码: 0 全部通过；1 有失败；2 规则或用例文件有错误\n");
      rc >= 0)
    return rc;
  if (paths.empty()) {
    std::cerr << "nianbao rules test: 错误: 请给出测试用例目录或文件\n";
    return 2;
  }
  auto config = loadConfig(p.config);
  if (!config) return 2;
  RuleTestOptions o;
  o.paths = paths;
  o.extra_packs = config->packs;
  o.extra_packs.insert(o.extra_packs.end(), p.rules.begin(), p.rules.end());
  o.no_builtin = p.no_builtin || !config->builtin;
  o.with_builtin = with_builtin;
  o.overrides = config->overrides;
  o.silent_corpus = silent;
  return runRuleTests(o, std::cout, std::cerr);
}

int docRules(const std::vector<std::string>& args) {
  PackOptions p;
  std::vector<std::string> dirs;
  po::options_description opts("nianbao rules doc [选项] OUTDIR", 400, 200);
  addPackOptions(opts, p);
  po::variables_map vm;
  if (int rc = parseArgs("rules doc", args, opts, "dir", &dirs, vm,
                         "\n为每条规则写一页 Markdown（OUTDIR/<规则id>.md）和索引 OUTDIR/README.md。\n");
      rc >= 0)
    return rc;
  if (dirs.size() != 1) {
    std::cerr << "nianbao rules doc: 错误: 请给出一个输出目录\n";
    return 2;
  }
  RuleSet rules;
  if (!loadPacks(rules, p)) return 2;
  return writeRuleReference(rules, dirs[0], std::cerr) ? 0 : 2;
}

}  // namespace

int rulesCommand(const std::vector<std::string>& args) {
  static const char* kUsage =
      "用法: nianbao rules <子命令> [选项] ...\n\n"
      "子命令:\n"
      "  list [--pack P]        列出规则：id、级别、类型、名称\n"
      "  show ID                显示一条规则的全部内容（消息、依据、说明、示例、来源文件和行）\n"
      "  validate FILE|DIR...   检查规则包，逐条报告全部错误（文件:行:列）\n"
      "  test DIR|FILE...       运行规则测试用例（*.test.yaml），--report-silent 列出从未报告的规则\n"
      "  doc OUTDIR             生成规则参考文档（每条规则一页）\n";
  if (args.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  const std::string& sub = args[0];
  if (sub == "-h" || sub == "--help" || sub == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (sub == "list") return listRules(rest);
  if (sub == "show") return showRule(rest);
  if (sub == "validate") return validateRules(rest);
  if (sub == "test") return testRules(rest);
  if (sub == "doc") return docRules(rest);
  std::cerr << "nianbao rules: 错误: 未知子命令 '" << sub << "'\n\n" << kUsage;
  return 2;
}

int explainCommand(const std::vector<std::string>& args) { return explainRule(args); }

}  // namespace nianbao::cli
