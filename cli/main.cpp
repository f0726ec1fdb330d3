// nianbao — compliance checker for Chinese government annual reports.
#include <cstring>
#include <iostream>

#include "commands.h"

namespace {

void usage(std::ostream& out) {
  out << "用法: nianbao <命令> [选项] ...\n\n"
         "命令:\n"
         "  check FILE...   检查报告，输出发现的问题（text / sarif / json / html）\n"
         "  parse FILE      显示规则所见的文档结构：元数据、前后附属部分、大纲\n"
         "  rules ...       规则：list、show、validate、test、doc（nianbao rules --help）\n"
         "  explain ID      说明一条规则：为什么检查、依据、正反示例\n"
         "  version         显示版本\n\n"
         "每个命令的选项：nianbao <命令> --help\n"
         "退出码: 0 无达到 --fail-on 级别的问题；1 有问题；2 用法、规则或输入错误\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    usage(std::cout);
    return 0;
  }
  if (cmd == "version" || cmd == "--version") {
    std::cout << "nianbao " << nianbao::cli::kVersion << "\n";
    return 0;
  }
  try {
    if (cmd == "check") return nianbao::cli::checkCommand(args);
    if (cmd == "parse") return nianbao::cli::parseCommand(args);
    if (cmd == "rules") return nianbao::cli::rulesCommand(args);
    if (cmd == "explain") return nianbao::cli::explainCommand(args);
  } catch (const std::exception& e) {
    std::cerr << "nianbao: 内部错误: " << e.what() << "\n";
    return 2;
  }
  std::cerr << "nianbao: 错误: 未知命令 '" << cmd << "'\n\n";
  usage(std::cerr);
  return 2;
}
