// nianbao check FILE... : read, evaluate, report.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "config.h"
#include "nianbao/engine.h"
#include "nianbao/ingest.h"
#include "nianbao/reporter.h"

namespace po = boost::program_options;

namespace nianbao::cli {
namespace {

// A directory stands for the reports in it (recursively, sorted by path); a
// file is taken as given, whatever its name.
std::vector<std::string> expandInputs(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  static const char* kExtensions[] = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"};
  std::vector<std::string> out, empty_dirs;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      out.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      // A folder's README describes the reports; it is not one.
      if (it->path().stem().string() == "README") continue;
      std::string ext = it->path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      for (const char* e : kExtensions) {
        if (ext == e) found.push_back(it->path().generic_string());
      }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) empty_dirs.push_back(in);
    out.insert(out.end(), found.begin(), found.end());
  }
  // When nothing at all is left, the caller's error says so instead.
  for (const std::string& d : empty_dirs) {
    if (!out.empty())
      std::cerr << "nianbao check: 警告: 目录 " << d << " 中没有报告文件（.txt、.md、.html、.docx、.pdf）\n";
  }
  return out;
}

}  // namespace

int checkCommand(const std::vector<std::string>& args) {
  std::vector<std::string> files, rule_paths, disable, set;
  std::string config_path;
  std::string format, output, fail_on, type, encoding, color;
  bool no_builtin = false;
  po::options_description opts("nianbao check [选项] FILE|DIR...", 400,
                               200);  // no wrapping: Boost cuts UTF-8
  // clang-format off
  opts.add_options()
      ("help,h", "显示帮助")
      ("format,f", po::value(&format)->default_value("text"), "输出格式：text 或 sarif")
      ("output,o", po::value(&output), "写入文件（默认标准输出）")
      ("rules,r", po::value(&rule_paths)->composing(), "追加规则包文件或目录（可多次）")
      ("no-builtin", po::bool_switch(&no_builtin), "不载入内置规则包")
      ("config", po::value(&config_path), "配置文件（默认当前目录的 nianbao.yaml）")
      ("disable", po::value(&disable)->composing(), "不运行这条规则（可多次）")
      ("set", po::value(&set)->composing(), "改写规则字段：规则id.字段=值（可多次），如 fz.publish-deadline.deadline=03-01")
      ("type,t", po::value(&type), "指定报告类型（如 fz、xg），不自动识别")
      ("fail-on", po::value(&fail_on)->default_value("error"), "达到此级别的问题使退出码为 1：error、warning、note、none")
      ("encoding", po::value(&encoding), "指定输入编码（如 UTF-8、GB18030），不自动检测")
      ("color", po::value(&color)->default_value("auto"), "文本输出着色：auto、always、never");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "nianbao check: 错误: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n退出码: 0 无达到 --fail-on 级别的问题；1 有；2 用法、规则或输入错误\n";
    return 0;
  }
  if (files.empty()) {
    std::cerr << "nianbao check: 错误: 请给出要检查的报告文件或目录\n";
    return 2;
  }
  std::vector<std::string> inputs = expandInputs(files);
  if (inputs.empty()) {
    std::cerr << "nianbao check: 错误: 给出的目录中没有报告文件（.txt、.md、.html、.docx、.pdf）\n";
    return 2;
  }
  std::optional<Severity> threshold;
  if (fail_on != "none") {
    threshold = parseSeverity(fail_on);
    if (!threshold) {
      std::cerr << "nianbao check: 错误: --fail-on 应为 error、warning、note 或 none\n";
      return 2;
    }
  }
  if (color != "auto" && color != "always" && color != "never") {
    std::cerr << "nianbao check: 错误: --color 应为 auto、always 或 never\n";
    return 2;
  }
  ReporterOptions ropts;
  ropts.color = color == "always" ||
                (color == "auto" && output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  if (!makeReporter(format, ropts)) {
    std::string known;
    for (const auto& f : reporterFormats()) known += (known.empty() ? "" : "、") + f;
    std::cerr << "nianbao check: 错误: 未知的输出格式 '" << format << "'（可选：" << known << "）\n";
    return 2;
  }
  auto config = loadConfig(config_path);
  if (!config || !applyFlags(*config, disable, set)) return 2;
  if (no_builtin) config->builtin = false;
  if (type.empty()) type = config->type;
  if (vm["fail-on"].defaulted() && !config->fail_on.empty()) {
    fail_on = config->fail_on;
    threshold = fail_on == "none" ? std::nullopt : parseSeverity(fail_on);
    if (fail_on != "none" && !threshold) {
      std::cerr << config->file << ": 错误: fail_on 应为 error、warning、note 或 none\n";
      return 2;
    }
  }
  RuleSet rules;
  if (!loadConfiguredRules(rules, *config, rule_paths) || !validType(rules, type)) return 2;

  RunResult run;
  run.tool_version = kVersion;
  for (const RuleInfo& r : engineRules()) run.rules.push_back(r);
  for (const Rule* r : rules.rules()) run.rules.push_back(r->info());
  std::sort(run.rules.begin(), run.rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  ropts.rules = run.rules;
  // A format with one page per report (HTML) writes a directory for a batch,
  // or when -o names a directory.
  if (!makeReporter(format, ropts)->streamsBatch()) {
    namespace fs = std::filesystem;
    std::error_code ec;
    bool dir = !output.empty() && (output.back() == '/' || fs::is_directory(output, ec));
    if (inputs.size() > 1 && output.empty()) {
      std::cerr << "nianbao check: 错误: --format " << format << " 检查多份报告时需要用 -o 指定输出目录\n";
      return 2;
    }
    if (dir || inputs.size() > 1) {
      ropts.output_dir = output;
      fs::create_directories(output, ec);
      if (ec || !fs::is_directory(output, ec)) {
        std::cerr << "nianbao check: 错误: 无法创建输出目录 " << output << "\n";
        return 2;
      }
    }
  }
  auto reporter = makeReporter(format, ropts);

  bool input_error = false, failing = false;
  ReadOptions ropt;
  ropt.encoding = encoding;
  for (const std::string& path : inputs) {
    DocumentResult d;
    d.path = path;
    try {
      Document doc = readDocument(path, ropt);
      detectReportType(doc, rules, CheckOptions{type});
      d.encoding = doc.source.encoding();
      d.format = doc.source.format();
      d.type = doc.type;
      if (const ReportTypeDef* t = rules.reportType(doc.type)) d.type_name = t->name;
      d.meta = doc.meta;
      d.findings = evaluate(doc, rules);
      for (const Finding& f : d.findings) failing = failing || (threshold && f.severity >= *threshold);
      reporter->document(d, &doc);
    } catch (const InputError& e) {
      d.error = e.describe();
      input_error = true;
      std::cerr << "nianbao: 错误: " << e.what() << "\n";
      reporter->document(d, nullptr);
    }
    run.documents.push_back(std::move(d));
  }
  run.exit_code = input_error ? 2 : failing ? 1 : 0;

  if (!ropts.output_dir.empty()) {
    try {
      std::ostringstream unused;
      reporter->write(run, unused);
    } catch (const std::runtime_error& e) {
      std::cerr << "nianbao check: 错误: " << e.what() << "\n";
      return 2;
    }
  } else if (output.empty()) {
    reporter->write(run, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(output, std::ios::binary);
    if (!out) {
      std::cerr << "nianbao check: 错误: 无法写入 " << output << "\n";
      return 2;
    }
    reporter->write(run, out);
    if (!out.flush()) {
      std::cerr << "nianbao check: 错误: 写入 " << output << " 失败\n";
      return 2;
    }
  }
  return run.exit_code;
}

}  // namespace nianbao::cli
