#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "nianbao/reporter.h"
#include "reporter_kinds.h"
#include "test_support.h"

using namespace nianbao;

namespace {

const std::string kText =
    "某区司法局2023年度法治政府建设情况报告\n"
    "\n"
    "一、主要举措和成效\n"
    "全年审查<script>alert(1)</script>文件12件，a & b，\"引号\"与'单引号'</td>。\n"
    "二、存在的不足\n"
    "部分部门法制审核力量不足。\n";

Finding finding(const Document& doc, const std::string& rule, Severity sev, const std::string& from,
                size_t len, const std::string& message) {
  const std::string& text = doc.source.text();
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  Finding f;
  f.rule_id = rule;
  f.severity = sev;
  f.message = message;
  f.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + len)};
  f.begin = doc.source.position(f.span.begin);
  f.end = doc.source.position(f.span.end);
  return f;
}

RuleInfo ruleInfo(const std::string& id, const std::string& title) {
  RuleInfo r;
  r.id = id;
  r.title = title;
  r.group = "formulations";
  r.basis.document = "《测试<依据>》";
  r.basis.article = "第一条";
  r.help = "说明 & <i>帮助</i>";
  return r;
}

std::string render(const DocumentResult& d, const Document* doc, const ReporterOptions& o = {}) {
  auto r = makeReporter("html", o);
  REQUIRE(r);
  RunResult run;
  std::ostringstream out;
  r->begin(run, out);
  r->document(d, doc, out);
  r->end(run, out);
  return out.str();
}

// Checks that every start tag has its end tag, properly nested; returns the
// first problem or "".
std::string wellFormed(const std::string& html) {
  static const std::vector<std::string> kVoid = {"meta", "br", "input", "img", "hr", "link"};
  std::vector<std::string> open;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.rfind("!", 0) == 0) continue;
    bool closing = !tag.empty() && tag[0] == '/';
    std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" \t\n/", closing ? 1 : 0) - (closing ? 1 : 0));
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
      }
      open.pop_back();
      continue;
    }
    if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) continue;
    if (name == "script" || name == "style") {  // raw text up to its end tag
      size_t close = html.find("</" + name + ">", i);
      if (close == std::string::npos) return "unclosed <" + name + ">";
      i = close + name.size() + 3;
      continue;
    }
    open.push_back(name);
  }
  return open.empty() ? std::string() : "unclosed <" + open.back() + ">";
}

std::string unescape(std::string s) {
  const std::pair<std::string, std::string> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
      s.replace(p, from.size(), to);
  }
  return s;
}

// The text shown on each source line, tags removed and entities decoded.
std::vector<std::string> shownLines(const std::string& html) {
  std::vector<std::string> lines;
  const std::string open = "<span class=\"t\">";
  for (size_t p = 0; (p = html.find(open, p)) != std::string::npos;) {
    p += open.size();
    size_t end = html.find("</span></div>", p);
    std::string inner = html.substr(p, end - p), text;
    bool in_tag = false;
    for (char c : inner) {
      if (c == '<') in_tag = true;
      if (!in_tag) text += c;
      if (c == '>') in_tag = false;
    }
    // zero-length markers show a ▲ of their own
    for (size_t z; (z = text.find("▲")) != std::string::npos;) text.erase(z, std::string("▲").size());
    lines.push_back(unescape(text));
  }
  return lines;
}

}  // namespace

TEST_CASE("escapeHtml escapes the five characters and nothing else") {
  CHECK(detail::escapeHtml("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(detail::escapeHtml("a & b \"q\" 's' </td>") == "a &amp; b &quot;q&quot; &#39;s&#39; &lt;/td&gt;");
  CHECK(detail::escapeHtml("法治政府（2021－2025年）") == "法治政府（2021－2025年）");
  CHECK(detail::escapeHtml("&amp;") == "&amp;amp;");
}

TEST_CASE("page names are numbered, deterministic and safe") {
  CHECK(detail::htmlPageName(5, "/x/seeds/004_e216814a7c54799f.txt") == "005-004_e216814a7c54799f.html");
  CHECK(detail::htmlPageName(12, "a/报告 <x>\".pdf") == "012-x.html");
  CHECK(detail::htmlPageName(1, "../../etc/passwd") == "001-passwd.html");
  CHECK(detail::htmlPageName(2, "某市报告.docx") == "002-report.html");
  CHECK(detail::htmlPageName(1234, "a.b.txt") == "1234-a.b.html");
}

TEST_CASE("overlapping, nested and zero-length spans give well-formed markup that keeps the text") {
  Document doc = test::docFromText(kText, "a.txt");
  DocumentResult d;
  d.path = "a.txt";
  d.type_name = "法治政府建设情况报告";
  d.findings = {
      finding(doc, "t.a", Severity::kNote, "全年审查", 40, "A"),              // crosses B
      finding(doc, "t.b", Severity::kWarning, "<script>", 30, "B"),           //
      finding(doc, "t.c", Severity::kError, "alert", 5, "C"),                 // nested in A and B
      finding(doc, "t.d", Severity::kError, "文件12件", 0, "D"),              // zero-length
      finding(doc, "t.e", Severity::kWarning, "</td>", 40, "E spans lines"),  // into the next lines
      finding(doc, "t.f", Severity::kNote, "全年审查", 40, "F same as A"),
  };
  std::string html = render(d, &doc);
  CHECK(wellFormed(html) == "");
  std::vector<std::string> lines = shownLines(html);
  REQUIRE(lines.size() == doc.source.lineCount());
  for (uint32_t n = 1; n <= doc.source.lineCount(); ++n) CHECK(lines[n - 1] == doc.source.line(n));
  // every finding has one anchor in the text and one list item
  for (int i = 1; i <= 6; ++i) {
    std::string id = std::to_string(i);
    CHECK(html.find("id=\"h" + id + "\"") != std::string::npos);
    CHECK(html.find("id=\"f" + id + "\"") != std::string::npos);
  }
  CHECK(html.find("class=\"zm\" id=\"h4\"") != std::string::npos);
  CHECK(html.find("data-f=\"1 2 3 6\"") != std::string::npos);  // the piece under all of A, B, C, F
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("report and rule text is escaped everywhere, attributes included") {
  Document doc = test::docFromText(kText, "a.txt");
  DocumentResult d;
  d.path = "dir/<img src=x onerror=alert(1)>.txt";
  d.type_name = "<b>类型</b>";
  d.meta["issuer"] = MetaField{"甲&乙\"局'", {}, "test"};
  d.findings = {finding(doc, "t.\"x'<>", Severity::kError, "文件", 6, "消息<b>粗</b>&")};
  ReporterOptions o;
  o.rules = {ruleInfo("t.\"x'<>", "标题<b>x</b>")};
  std::string html = render(d, &doc, o);
  CHECK(wellFormed(html) == "");
  for (const char* raw : {"<img", "<b>", "<i>", "<script>alert", "'<>"})
    CHECK(html.find(raw) == std::string::npos);
  CHECK(html.find("data-rule=\"t.&quot;x&#39;&lt;&gt;\"") != std::string::npos);
  CHECK(html.find("消息&lt;b&gt;粗&lt;/b&gt;&amp;") != std::string::npos);
  CHECK(html.find("标题&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("甲&amp;乙&quot;局&#39;") != std::string::npos);
  CHECK(html.find("《测试&lt;依据&gt;》 第一条") != std::string::npos);
}

TEST_CASE("same input, same bytes; an input error gets its own page") {
  Document doc = test::docFromText(kText, "a.txt");
  DocumentResult d;
  d.path = "a.txt";
  d.findings = {finding(doc, "t.a", Severity::kNote, "全年审查", 12, "A")};
  CHECK(render(d, &doc) == render(d, &doc));

  DocumentResult bad;
  bad.path = "bad.txt";
  bad.error = "bad.txt: 字节3: 不是有效的 UTF-8 <x>";
  std::string html = render(bad, nullptr);
  CHECK(wellFormed(html) == "");
  CHECK(html.find("输入错误") != std::string::npos);
  CHECK(html.find("不是有效的 UTF-8 &lt;x&gt;") != std::string::npos);
}

TEST_CASE("directory mode writes the index and one page per report, and reports a failed write") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "nianbao_html_reporter_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  Document doc = test::docFromText(kText, "a.txt");
  RunResult run;
  run.tool_version = "test";
  DocumentResult ok;
  ok.path = "in/a.txt";
  ok.findings = {finding(doc, "t.a", Severity::kError, "全年审查", 12, "A")};
  DocumentResult bad;
  bad.path = "in/b.txt";
  bad.error = "读不了";
  ReporterOptions o;
  o.output_dir = dir.string();
  o.rules = {ruleInfo("t.a", "甲")};
  auto r = makeReporter("html", o);
  CHECK_FALSE(r->streamsBatch());
  std::ostringstream ignored;
  r->begin(run, ignored);
  r->document(ok, &doc, ignored);
  r->document(bad, nullptr, ignored);
  r->end(run, ignored);
  CHECK(ignored.str().empty());
  std::string index = test::readFile((dir / "index.html").string());
  CHECK(wellFormed(index) == "");
  CHECK(index.find("href=\"001-a.html\"") != std::string::npos);
  CHECK(index.find("输入错误：读不了") != std::string::npos);
  CHECK(fs::exists(dir / "001-a.html"));
  CHECK(fs::exists(dir / "002-b.html"));
  fs::remove_all(dir);

  o.output_dir = (dir / "missing" / "deeper").string();
  auto r2 = makeReporter("html", o);
  r2->document(ok, &doc, ignored);
  CHECK_THROWS_AS(r2->end(run, ignored), std::runtime_error);
}
