#include "rule_tests.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "batch.h"
#include "commands.h"
#include "nianbao/engine.h"
#include "nianbao/ingest.h"

namespace nianbao::cli {
namespace {

namespace fs = std::filesystem;

struct Expected {
  uint32_t line = 0;
  std::string contains;
};

struct TestCase {
  std::string file;  // the .test.yaml
  int line = 0, column = 0;
  std::string name;
  std::string rule;
  std::string text;    // inline report, or
  std::string report;  // a report file, resolved
  std::string type;    // forced type
  std::vector<Expected> expect;
  std::string where() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
};

struct CaseFileError {
  std::string message;  // "file:line:col: error: …"
};

[[noreturn]] void fail(const std::string& file, const YAML::Node& n, const std::string& msg) {
  const YAML::Mark m = n.Mark();
  throw CaseFileError{file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) +
                      ": 错误: " + msg};
}

std::string scalar(const std::string& file, const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar()) fail(file, n, key + " 应为字符串");
  return n.Scalar();
}

void checkKeys(const std::string& file, const YAML::Node& map, const std::set<std::string>& allowed,
               const std::string& what) {
  for (const auto& kv : map) {
    std::string k = kv.first.Scalar();
    if (!allowed.count(k)) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : "、") + a;
      fail(file, kv.first, what + "中有未知字段 '" + k + "'（可用：" + list + "）");
    }
  }
}

std::vector<TestCase> loadCaseFile(const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    throw CaseFileError{file + ":" + std::to_string(e.mark.line + 1) + ":" +
                        std::to_string(e.mark.column + 1) + ": 错误: YAML 语法错误：" + e.msg};
  }
  if (!root.IsMap()) fail(file, root, "测试文件应为映射，含 cases 列表");
  checkKeys(file, root, {"rule", "cases"}, "测试文件");
  std::string default_rule = root["rule"] ? scalar(file, root["rule"], "rule") : "";
  YAML::Node cases = root["cases"];
  if (!cases || !cases.IsSequence() || cases.size() == 0) fail(file, root, "缺少 cases 列表");
  std::vector<TestCase> out;
  for (const YAML::Node& c : cases) {
    if (!c.IsMap()) fail(file, c, "用例应为映射");
    checkKeys(file, c, {"name", "rule", "text", "file", "type", "expect"}, "用例");
    TestCase t;
    t.file = file;
    t.line = c.Mark().line + 1;
    t.column = c.Mark().column + 1;
    t.name = c["name"] ? scalar(file, c["name"], "name") : "用例" + std::to_string(out.size() + 1);
    t.rule = c["rule"] ? scalar(file, c["rule"], "rule") : default_rule;
    if (t.rule.empty()) fail(file, c, "用例没有 rule（也没有文件级的 rule）");
    if (c["text"].IsDefined() == c["file"].IsDefined()) fail(file, c, "用例须有 text 或 file 之一");
    if (c["text"]) t.text = scalar(file, c["text"], "text");
    if (c["file"]) {
      t.report = (fs::path(file).parent_path() / scalar(file, c["file"], "file")).lexically_normal().string();
    }
    if (c["type"]) t.type = scalar(file, c["type"], "type");
    YAML::Node ex = c["expect"];
    if (!ex || !ex.IsSequence()) fail(file, c, "用例须有 expect 列表（应报告的行号；[] 表示不应报告）");
    for (const YAML::Node& e : ex) {
      Expected x;
      // A yaml-cpp Node assignment writes through to the node it refers to, so
      // pick the line node once instead of reassigning.
      if (e.IsMap()) {
        checkKeys(file, e, {"line", "contains"}, "expect 项");
        if (e["contains"]) x.contains = scalar(file, e["contains"], "contains");
      }
      const YAML::Node line = e.IsMap() ? e["line"] : e;
      if (!line || !line.IsScalar()) fail(file, e, "expect 项应为行号或 {line: 行号, contains: 文字}");
      try {
        x.line = line.as<uint32_t>();
      } catch (const YAML::Exception&) {
        fail(file, line, "行号应为正整数");
      }
      t.expect.push_back(x);
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Test files and pack files under the given paths, sorted.
void collect(const std::vector<std::string>& paths, std::vector<std::string>& tests,
             std::vector<std::string>& packs) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      (isRuleTestFile(fs::path(p).filename().string()) ? tests : packs).push_back(p);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::string ext = it->path().extension().string();
      if (ext != ".yaml" && ext != ".yml") continue;
      (isRuleTestFile(it->path().filename().string()) ? tests : packs).push_back(it->path().generic_string());
    }
  }
  std::sort(tests.begin(), tests.end());
  std::sort(packs.begin(), packs.end());
}

std::string lineList(const std::vector<uint32_t>& v) {
  std::string s;
  for (uint32_t l : v) s += (s.empty() ? "" : ", ") + std::to_string(l);
  return "[" + s + "]";
}

}  // namespace

int runRuleTests(const RuleTestOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<std::string> test_files, pack_files;
  collect(o.paths, test_files, pack_files);
  RuleSet rules;
  rules.setOverrides(o.overrides);
  bool ok = true;
  size_t first_tested = 0;  // packs from this index on are under test
  try {
    if (!o.no_builtin && (pack_files.empty() || o.with_builtin)) rules.addBuiltin();
    if (!pack_files.empty() || !o.extra_packs.empty()) first_tested = rules.packs().size();
    for (const std::string& f : pack_files) rules.addPath(f);
    for (const std::string& f : o.extra_packs) rules.addPath(f);
  } catch (const LoadErrors& e) {
    for (const LoadError& x : e.errors()) err << x.str() << "\n";
    ok = false;
  }
  if (!ok) return 2;
  if (test_files.empty()) {
    err << "nianbao rules test: 错误: 没有找到测试用例文件（*.test.yaml）\n";
    return 2;
  }
  std::vector<TestCase> cases;
  for (const std::string& f : test_files) {
    try {
      auto c = loadCaseFile(f);
      cases.insert(cases.end(), c.begin(), c.end());
    } catch (const CaseFileError& e) {
      err << e.message << "\n";
      ok = false;
    }
  }
  for (const TestCase& c : cases) {
    if (!rules.rule(c.rule)) {
      err << c.where() << ": 错误: 没有规则 '" << c.rule << "'\n";
      ok = false;
    }
  }
  if (!ok) return 2;

  // Coverage is a property of a whole suite: only when a directory is tested.
  bool suite = std::any_of(o.paths.begin(), o.paths.end(), [](const std::string& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
  });
  std::map<std::string, std::pair<int, int>> coverage;  // rule -> (positive, negative) cases
  for (size_t p = first_tested; suite && p < rules.packs().size(); ++p) {
    for (const auto& r : rules.packs()[p]->rules) coverage[r->info().id] = {0, 0};
  }
  int passed = 0, failed = 0;
  for (const TestCase& c : cases) {
    if (auto it = coverage.find(c.rule); it != coverage.end())
      (c.expect.empty() ? it->second.second : it->second.first)++;
    std::vector<Finding> findings;
    try {
      Document doc =
          c.report.empty() ? parseDocument(c.file + "#" + c.name, c.text, {}) : readDocument(c.report, {});
      detectReportType(doc, rules, CheckOptions{c.type});
      findings = evaluate(doc, rules);
    } catch (const InputError& e) {
      out << "FAIL " << c.rule << "：" << c.name << "（" << c.where() << "）\n     无法读取报告：" << e.what()
          << "\n";
      ++failed;
      continue;
    }
    std::vector<const Finding*> got;
    for (const Finding& f : findings) {
      if (f.rule_id == c.rule) got.push_back(&f);
    }
    // Match expected lines to findings one to one; the rest are the diff.
    std::vector<bool> used(got.size(), false);
    std::vector<std::string> diff;
    for (const Expected& e : c.expect) {
      bool found = false;
      for (size_t k = 0; k < got.size() && !found; ++k) {
        if (used[k] || got[k]->begin.line != e.line) continue;
        if (!e.contains.empty() && got[k]->message.find(e.contains) == std::string::npos) continue;
        used[k] = found = true;
      }
      if (!found)
        diff.push_back("- 第" + std::to_string(e.line) + "行：应报告" +
                       (e.contains.empty() ? "" : "（消息含“" + e.contains + "”）") + "，未报告");
    }
    for (size_t k = 0; k < got.size(); ++k) {
      if (!used[k])
        diff.push_back("+ 第" + std::to_string(got[k]->begin.line) + "行：不应报告：" + got[k]->message);
    }
    if (diff.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    std::vector<uint32_t> want_lines, got_lines;
    for (const Expected& e : c.expect) want_lines.push_back(e.line);
    for (const Finding* f : got) got_lines.push_back(f->begin.line);
    out << "FAIL " << c.rule << "：" << c.name << "（" << c.where() << "）\n     应在 "
        << lineList(want_lines) << " 行报告，实际在 " << lineList(got_lines) << " 行\n";
    for (const std::string& d : diff) out << "     " << d << "\n";
  }
  std::vector<std::string> uncovered;
  for (const auto& [id, pn] : coverage) {
    if (pn.first == 0 || pn.second == 0)
      uncovered.push_back(id + (pn.first == 0 ? " 缺少正例（expect 非空）" : "") +
                          (pn.second == 0 ? " 缺少反例（expect: []）" : ""));
  }
  for (const std::string& u : uncovered) out << "未覆盖 " << u << "\n";

  if (!o.silent_corpus.empty()) {
    std::set<std::string> fired;
    size_t docs = 0;
    for (const std::string& path : expandInputs(o.silent_corpus, {})) {
      try {
        Document doc = readDocument(path, {});
        detectReportType(doc, rules, {});
        for (const Finding& f : evaluate(doc, rules)) fired.insert(f.rule_id);
        ++docs;
      } catch (const InputError& e) {
        err << "nianbao rules test: 警告: 跳过 " << e.what() << "\n";
      }
    }
    std::vector<const Rule*> silent;
    for (const Rule* r : rules.rules()) {
      if (!fired.count(r->info().id)) silent.push_back(r);
    }
    out << "在 " << docs << " 份报告中从未报告的规则：" << silent.size() << " 条\n";
    for (const Rule* r : silent) out << "  " << r->info().id << "\t" << r->info().title << "\n";
  }
  if (suite) {
    out << "规则 " << coverage.size() << " 条，用例 " << cases.size() << " 个，未覆盖的规则 "
        << uncovered.size() << " 条\n";
  } else {
    out << "用例 " << cases.size() << " 个（只给出文件时不检查每条规则是否都有正反用例）\n";
  }
  out << passed << " passed, " << failed << " failed\n";
  return failed || !uncovered.empty() ? 1 : 0;
}

namespace {

std::string mdCell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else
      out += c;
  }
  return out;
}

std::string relativeLoc(const SourceLoc& l) {
  std::string f = l.file;
  // Built-in packs name their source file; keep the path from rules/ on.
  if (size_t p = f.rfind("rules/packs/"); p != std::string::npos) f = f.substr(p);
  return f;  // no line: the reference would change with every edit above a rule
}

}  // namespace

bool writeRuleReference(const RuleSet& rules, const std::string& dir, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream f(fs::path(dir) / name, std::ios::binary);
    f << text;
    if (!f.flush()) {
      err << "nianbao rules doc: 错误: 无法写入 " << (fs::path(dir) / name).string() << "\n";
      return false;
    }
    return true;
  };
  std::ostringstream index;
  index << "# 规则参考\n\n"
        << "由 `nianbao rules doc docs/rules` 从规则包生成，请勿手改（测试会检查它与规则包一致）。\n"
        << "每条规则一页：依据、消息、说明和示例。\n";
  std::string pack;
  for (const Rule* r : rules.rules()) {
    const RuleInfo& i = r->info();
    if (i.pack != pack) {
      pack = i.pack;
      index << "\n## 规则包 " << pack << "\n\n| 规则 | 级别 | 类别 | 名称 |\n|---|---|---|---|\n";
    }
    std::string group;
    for (const RuleGroup& g : ruleGroups()) {
      if (g.id == i.group) group = std::string(g.name);
    }
    index << "| [" << i.id << "](" << i.id << ".md) | " << severityName(i.severity) << " | " << group << " | "
          << mdCell(i.title) << " |\n";
    std::ostringstream page;
    page << "# " << i.id << "：" << i.title << "\n\n"
         << "| 项目 | 内容 |\n|---|---|\n"
         << "| 规则包 | " << i.pack << "（`" << relativeLoc(i.loc) << "`） |\n"
         << "| 规则类型 | `" << i.kind << "` |\n"
         << "| 类别 | " << group << "（`" << i.group << "`） |\n"
         << "| 级别 | " << severityName(i.severity) << "（" << severityNameZh(i.severity) << "） |\n"
         << "| 适用报告 | " << (i.types.empty() ? "所有类型" : "");
    for (size_t k = 0; k < i.types.size(); ++k) page << (k ? "、" : "") << "`" << i.types[k] << "`";
    page << " |\n";
    if (i.year_from || i.year_to)
      page << "| 适用年度 | " << (i.year_from ? std::to_string(*i.year_from) : "") << "–"
           << (i.year_to ? std::to_string(*i.year_to) : "") << " |\n";
    page << "| 依据 | " << mdCell(i.basis.document + (i.basis.article.empty() ? "" : " " + i.basis.article))
         << " |\n";
    if (!i.basis.ref.empty()) page << "| 要求编号 | " << i.basis.ref << " |\n";
    if (!i.basis.note.empty()) page << "| 依据说明 | " << mdCell(i.basis.note) << " |\n";
    page << "\n## 消息\n\n```\n" << i.message << "\n```\n";
    if (!i.help.empty()) page << "\n## 说明\n\n" << i.help << "\n";
    if (!i.good_examples.empty() || !i.bad_examples.empty()) {
      page << "\n## 示例\n\n";
      for (const std::string& g : i.good_examples) page << "* 正例（合规）：" << g << "\n";
      for (const std::string& b : i.bad_examples) page << "* 反例（会报告）：" << b << "\n";
    }
    page << "\n查看本规则：`nianbao rules show " << i.id << "`；读者说明：`nianbao explain " << i.id
         << "`。\n";
    if (!write(i.id + ".md", page.str())) return false;
  }
  return write("README.md", index.str());
}

}  // namespace nianbao::cli
