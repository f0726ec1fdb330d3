// nianbao check FILE... : read, evaluate, report.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "baseline.h"
#include "batch.h"
#include "commands.h"
#include "config.h"
#include "nianbao/engine.h"
#include "nianbao/ingest.h"
#include "nianbao/reporter.h"

namespace po = boost::program_options;

namespace nianbao::cli {

int checkCommand(const std::vector<std::string>& args) {
  std::vector<std::string> files, rule_paths, disable, set;
  std::string config_path;
  std::string format, output, fail_on, type, encoding, color, progress, baseline_path, write_baseline;
  InputSelection select;
  unsigned jobs = 0;
  int timeout = 60;
  bool no_builtin = false;
  po::options_description opts("nianbao check [选项] FILE|DIR...", 400,
                               200);  // no wrapping: Boost cuts UTF-8
  // clang-format off
  opts.add_options()
      ("help,h", "显示帮助")
      ("format,f", po::value(&format)->default_value("text"), "输出格式：text、sarif、json（每份报告一行）或 html")
      ("output,o", po::value(&output), "写入文件（默认标准输出）；html 检查多份报告时为目录")
      ("jobs,j", po::value(&jobs), "同时检查的报告数（默认：CPU 核数）")
      ("include", po::value(&select.include)->composing(), "检查目录时只取匹配此通配符的文件（可多次），如 '*.pdf'")
      ("exclude", po::value(&select.exclude)->composing(), "检查目录时跳过匹配此通配符的文件（可多次），如 'drafts/*'")
      ("baseline", po::value(&baseline_path), "基线文件：不再报告其中已记录的问题（按稳定指纹匹配）")
      ("write-baseline", po::value(&write_baseline), "把本次的全部问题记为基线文件")
      ("timeout", po::value(&timeout)->default_value(60), "每份报告的检查时限（秒），超时记为输入错误并继续；0 为不限")
      ("progress", po::value(&progress)->default_value("auto"), "进度条（标准错误输出）：auto（终端上显示）、always、never")
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
  std::vector<std::string> inputs = expandInputs(files, select);
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
  if (progress != "auto" && progress != "always" && progress != "never") {
    std::cerr << "nianbao check: 错误: --progress 应为 auto、always 或 never\n";
    return 2;
  }
  if (vm.count("jobs") && jobs == 0) {
    std::cerr << "nianbao check: 错误: --jobs 应为正整数\n";
    return 2;
  }
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  ReporterOptions ropts;
  ropts.color = color == "always" ||
                (color == "auto" && output.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  auto probe = makeReporter(format, ropts);  // the format exists, and whether it streams a batch
  if (!probe) {
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
  ropts.inputs = inputs.size();
  // A format with one page per report (HTML) writes a directory for a batch,
  // or when -o names a directory.
  if (!probe->streamsBatch()) {
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
  BatchOptions bopts;
  bopts.read.encoding = encoding;
  bopts.type = type;
  bopts.jobs = jobs;
  bopts.timeout_seconds = std::max(0, timeout);
  bopts.fail_on = threshold;
  bopts.progress = progress == "always" || (progress == "auto" && isatty(STDERR_FILENO));
  if (baseline_path.empty()) baseline_path = config->baseline;
  std::optional<std::set<std::string>> baseline;
  if (!baseline_path.empty()) {
    baseline = loadBaseline(baseline_path);
    if (!baseline) return 2;
    bopts.baseline = &*baseline;
    ropts.baseline = true;
  }
  auto reporter = makeReporter(format, ropts);
  // The output is open before the first report: reporters stream into it.
  std::ostringstream unused;  // HTML pages into a directory write their own files
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!ropts.output_dir.empty()) {
    out = &unused;
  } else if (!output.empty()) {
    file.open(output, std::ios::binary);
    if (!file) {
      std::cerr << "nianbao check: 错误: 无法写入 " << output << "\n";
      return 2;
    }
    out = &file;
  }
  std::vector<BaselineEntry> known;
  auto record = [&](const DocumentResult& d) {
    if (write_baseline.empty()) return;
    for (const Finding& f : d.findings)
      known.push_back({f.fingerprint, f.rule_id, d.path, f.begin.line, f.message});
  };
  reporter->begin(run, *out);
  run.exit_code = runBatch(inputs, rules, bopts, *reporter, *out, record);
  try {
    reporter->end(run, *out);
  } catch (const std::runtime_error& e) {
    std::cerr << "nianbao check: 错误: " << e.what() << "\n";
    return 2;
  }
  if (!out->flush()) {
    std::cerr << "nianbao check: 错误: 写入 " << (output.empty() ? "标准输出" : output) << " 失败\n";
    return 2;
  }
  if (!write_baseline.empty() && !writeBaseline(write_baseline, known)) return 2;
  return run.exit_code;
}

}  // namespace nianbao::cli
