// HTML reader: small hand-written pages, malformed and empty input, and a
// government web page (tests/fixtures/documents/xg-2023-page.html) carrying the
// report of examples/xg-2023-clean.md with site navigation, breadcrumb, 字号
// widget, 信息公开 metadata table and the 表二/表三/表四 tables merged as real sites
// merge them.
#include <doctest/doctest.h>

#include <algorithm>

#include "ingest/reader.h"
#include "nianbao/engine.h"
#include "test_support.h"

using namespace nianbao;

namespace {

std::string fixture(const std::string& name) {
  return test::sourceDir() + "/tests/fixtures/documents/" + name;
}

Document html(const std::string& page, const std::string& name = "page.html") {
  return parseDocument(name, page, ReadOptions{});
}

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<std::string> blockTexts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) out.push_back(b.norm.text);
  return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The HTML line of the extracted line holding `text`.
uint32_t htmlLineOf(const Document& d, const std::string& text) {
  size_t at = d.source.text().find(text);
  if (at == std::string::npos) return 0;
  return d.source.position(static_cast<uint32_t>(at)).orig_line;
}

const RuleSet& builtinRules() {
  static const RuleSet rules = [] {
    RuleSet r;
    r.addBuiltin();
    return r;
  }();
  return rules;
}

std::vector<std::vector<std::string>> cellTexts(const Table& t) {
  std::vector<std::vector<std::string>> out;
  for (const TableRow& r : t.rows) {
    out.emplace_back();
    for (const Cell& c : r.cells) out.back().push_back(c.text);
  }
  return out;
}

}  // namespace

TEST_CASE("html: navigation, scripts and page widgets are dropped, the article kept") {
  std::string page = R"HTML(<!DOCTYPE html>
<html><head><title>某局2023年政府信息公开工作年度报告_某区人民政府</title>
<style>p { color: red; } /* 样式表 */</style>
<script>var a = "脚本里的文字";</script></head>
<body>
<div class="header"><div class="logo">某区人民政府</div></div>
<ul class="main-nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="article">
 <div class="info">发布日期：2024-01-20 <span class="fontsize">【字号：<a>大</a> <a>中</a> <a>小</a>】</span></div>
 <div id="zoom">
  <p>　　本报告根据《条例》编制，统计期限自2023年1月1日起至2023年12月31日止。</p>
  <p>一、总体情况</p>
  <p>　　2023年，我局认真贯彻落实《条例》，扎实推进政府信息公开工作，全年主动公开政府信息120条。</p>
  <script>document.write("统计代码");</script>
  <noscript>请启用脚本</noscript>
 </div>
 <div class="tools">【打印本页】 【关闭窗口】</div>
 <div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
 <p><a href="javascript:window.print()">打印本页</a></p>
</div>
<iframe src="/ad.html">框架</iframe>
<form action="/search"><input name="q" value="搜索"><button>搜索</button></form>
<div class="footer">版权所有：某区人民政府 网站标识码：3201000001</div>
</body></html>)HTML";
  Document d = html(page);
  const std::string& text = d.source.text();
  for (const char* gone :
       {"首页", "政务服务", "当前位置", "字号", "打印本页", "关闭窗口", "分享到", "微信", "脚本", "统计代码",
        "请启用脚本", "样式表", "框架", "搜索", "版权所有", "网站标识码"}) {
    CAPTURE(gone);
    CHECK(!contains(text, gone));
  }
  std::vector<std::string> lines = linesOf(text);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "发布日期：2024-01-20");
  CHECK(lines[1] == "# 某局2023年政府信息公开工作年度报告");  // from <title>: the body has none
  CHECK(lines[2] == "　　本报告根据《条例》编制，统计期限自2023年1月1日起至2023年12月31日止。");
  CHECK(lines[3] == "一、总体情况");
  CHECK(d.field("publish_date") != nullptr);
  CHECK(d.field("publish_date")->value == "2024-01-20");
  REQUIRE(d.field("title") != nullptr);
  CHECK(d.field("title")->value == "某局2023年政府信息公开工作年度报告");
  REQUIRE(d.parts.size() == 1);
  CHECK(d.parts[0].title == "总体情况");
}

TEST_CASE("html: furniture by unsure signs is left out around the article, kept inside it") {
  // <header>/<footer> and class names such as position-relative or card-header
  // mark page furniture around an article, and table captions inside one.
  std::string page = R"HTML(<!DOCTYPE html>
<html><head><title>某局2023年政府信息公开工作年度报告 - 某区人民政府</title></head>
<body>
<header class="site-header"><h1>某区人民政府</h1><nav><a href="/">首页</a><a href="/a">政务公开</a></nav></header>
<main class="container position-relative">
 <article>
  <header><h1>某局2023年政府信息公开工作年度报告</h1><p>发布日期：2024-01-20　来源：某局</p></header>
  <div class="content">
    <p>一、总体情况</p>
    <p>2023年，某局扎实推进政府信息公开工作，全年主动公开政府信息120条。</p>
    <p>二、主动公开政府信息情况</p>
    <div class="card-header">第二十条第（一）项</div>
    <div class="table-responsive position-relative"><table><tr><td>信息内容</td><td>本年制发件数</td></tr>
      <tr><td>规章</td><td>0</td></tr></table></div>
    <p class="footnote">注：本表数据截至2023年底。</p>
  </div>
  <footer>责任编辑：张三</footer>
 </article>
</main>
<footer class="site-footer">版权所有：某区人民政府</footer>
</body></html>)HTML";
  detail::Extracted ex = detail::readHtml("h5.html", page);
  std::vector<std::string> want = {
      "发布日期：2024-01-20",
      "来源：某局",
      "# 某局2023年政府信息公开工作年度报告",
      "一、总体情况",
      "2023年，某局扎实推进政府信息公开工作，全年主动公开政府信息120条。",
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "| 信息内容 | 本年制发件数 |",
      "|---|---|",
      "| 规章 | 0 |",
      "注：本表数据截至2023年底。",
  };
  CHECK(linesOf(ex.text) == want);
}

TEST_CASE("html: an old table-layout page: the content cell, not the column of links beside it") {
  std::string page = R"HTML(<html><head><title>临江区财政局2023年政府信息公开工作年度报告</title></head>
<body>
<table width=1000><tr><td><img src=banner.jpg></td></tr></table>
<table width=1000><tr>
<td width=200 class="left"><table><tr><td><a href="1.htm">机构概况</a></td></tr><tr><td><a href="2.htm">政策文件</a></td></tr>
  <tr><td><a href="3.htm">规划计划</a></td></tr><tr><td><a href="4.htm">财政预决算</a></td></tr></table></td>
<td width=800><table width=100%>
  <tr><td class="bt"><font size=4><b>临江区财政局2023年政府信息公开工作年度报告</b></font></td></tr>
  <tr><td>发布日期：2024年1月29日&nbsp;&nbsp;点击数：311&nbsp;&nbsp;【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</td></tr>
  <tr><td class="zw">
&nbsp;&nbsp;&nbsp;&nbsp;<b>一、总体情况</b><br>
&nbsp;&nbsp;&nbsp;&nbsp;2023年，我局认真贯彻落实《条例》，全年主动公开政府信息215条。<br>
&nbsp;&nbsp;&nbsp;&nbsp;<b>二、主动公开政府信息情况</b><br>
<table border=1><tr><td colspan=4>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>
&nbsp;&nbsp;&nbsp;&nbsp;<b>三、存在的主要问题及改进情况</b><br>
&nbsp;&nbsp;&nbsp;&nbsp;一是公开内容不够全面；二是解读形式较单一。下一步，我局将加强培训。<br>
  </td></tr>
</table></td>
</tr></table>
<table width=1000><tr><td>版权所有：临江区财政局&nbsp;&nbsp;地址：临江区政务大道1号&nbsp;&nbsp;技术支持：某某网络公司</td></tr></table>
</body></html>)HTML";
  Document d = html(page, "old.htm");
  const std::string& text = d.source.text();
  for (std::string gone : {"机构概况", "财政预决算", "打印", "关闭", "【", "版权所有", "技术支持"}) {
    CAPTURE(gone);
    CHECK(!contains(text, gone));
  }
  CHECK(linesOf(text).front() == "临江区财政局2023年政府信息公开工作年度报告");
  REQUIRE(d.field("title") != nullptr);
  CHECK(d.field("title")->value == "临江区财政局2023年政府信息公开工作年度报告");
  REQUIRE(d.field("publish_date") != nullptr);
  CHECK(d.field("publish_date")->value == "2024-01-29");
  REQUIRE(d.parts.size() == 3);
  CHECK(d.parts[2].title == "存在的主要问题及改进情况");
  REQUIRE(d.tables.size() == 1);
  CHECK(cellTexts(d.tables[0])[2] == std::vector<std::string>{"规章", "0", "0", "0"});
}

TEST_CASE("html: headings, paragraphs, line breaks and lists become lines") {
  std::string page =
      "<html><body><div class=\"content\">\n"
      "<h1>某区人民政府2023年政府信息公开工作年度报告</h1>\n"
      "<h2>一、总体情况</h2>\n"
      "<p>第一段，   有多余的\n   空白&nbsp;和不换行空格。</p>\n"
      "<p>第一行<br>第二行<br/>\n<b>第三</b>行</p>\n"
      "<div>直接写在 div 里的文字<p>内嵌段落</p>后面的文字</div>\n"
      "<ul><li>列表一</li><li>列表二</li></ul>\n"
      "<h3>这是一个很长很长的标题，长到不像标题：它其实是一段正文，只是网站编辑把它放进了三级标题元素里面，"
      "全文超过了六十个字符的上限。</h3>\n"
      "<p>| 以竖线开头的段落</p><p>&nbsp;# 以井号开头的段落&nbsp;</p>\n"
      "<p>&nbsp;</p><p>　</p>\n"
      "</div></body></html>\n";
  detail::Extracted ex = detail::readHtml("page.html", page);
  std::vector<std::string> lines = linesOf(ex.text);
  std::vector<std::string> want = {
      "# 某区人民政府2023年政府信息公开工作年度报告",
      "## 一、总体情况",
      "第一段， 有多余的 空白\u00a0和不换行空格。",
      "第一行",
      "第二行",
      "第三行",
      "直接写在 div 里的文字",
      "内嵌段落",
      "后面的文字",
      "列表一",
      "列表二",
      "这是一个很长很长的标题，长到不像标题：它其实是一段正文，只是网站编辑把它放进了三级标题元素里面，"
      "全文超过了六十个字符的上限。",
      "｜ 以竖线开头的段落",
      "\u00a0＃ 以井号开头的段落\u00a0",
  };
  CHECK(lines == want);
  REQUIRE(ex.origins.size() == lines.size());

  Document d = html(page);
  REQUIRE(d.blocks.size() >= 2);
  CHECK(d.blocks[0].kind == BlockKind::kHeading);
  CHECK(d.blocks[0].md_level == 1);
  CHECK(d.blocks[1].kind == BlockKind::kHeading);
  CHECK(d.blocks[1].md_level == 2);
  CHECK(d.tables.empty());  // a leading "|" is not a table row
  auto b = blockTexts(d);
  CHECK(std::find(b.begin(), b.end(), "第一段,有多余的空白和不换行空格。") != b.end());
}

TEST_CASE("html: rowspan and colspan expand into the grid, | is escaped, line breaks in cells joined") {
  std::string page =
      "<html><body>\n"
      "<p>二、主动公开政府信息情况</p>\n"
      "<table border=1>\n"
      "<tr><th colspan=\"3\" rowspan=\"2\">项目</th><th colspan=\"2\">申请人</th></tr>\n"
      "<tr><th>自然<br>人</th><th>法人</th></tr>\n"
      "<tr><td rowspan=\"2\">三、办理结果</td><td "
      "colspan=\"2\">（一）予以公开</td><td>5</td><td>1</td></tr>\n"
      "<tr><td>（二）</td><td>a|b</td><td>2</td><td>0</td></tr>\n"
      "<tr><td colspan=\"3\">四、结转</td><td>1<table><tr><td>嵌套</td><td>表格</td></tr></table></td>"
      "<td></td></tr>\n"
      "</table>\n"
      "<p>三、其他</p>\n"
      "</body></html>\n";
  detail::Extracted ex = detail::readHtml("t.html", page);
  std::vector<std::string> lines = linesOf(ex.text);
  std::vector<std::string> want = {
      "二、主动公开政府信息情况",
      "| 项目 | | | 申请人 | |",
      "|---|---|---|---|---|",
      "| | | | 自然 人 | 法人 |",
      "| 三、办理结果 | （一）予以公开 | | 5 | 1 |",
      "| | （二） | a\\|b | 2 | 0 |",
      "| 四、结转 | | | 1 嵌套 表格 | |",
      "三、其他",
  };
  CHECK(lines == want);
  std::vector<uint32_t> origins;
  for (const LineOrigin& o : ex.origins) origins.push_back(o.line);
  CHECK(origins == std::vector<uint32_t>{2, 4, 4, 5, 6, 7, 8, 10});

  Document d = html(page, "t.html");
  REQUIRE(d.tables.size() == 1);
  const Table& t = d.tables[0];
  auto cells = cellTexts(t);
  REQUIRE(cells.size() == 5);
  for (const auto& row : cells) CHECK(row.size() == 5);
  CHECK(cells[0] == std::vector<std::string>{"项目", "", "", "申请人", ""});
  CHECK(cells[1] == std::vector<std::string>{"", "", "", "自然人", "法人"});
  CHECK(cells[2] == std::vector<std::string>{"三、办理结果", "(一)予以公开", "", "5", "1"});
  CHECK(cells[3][0] == "");
  CHECK(cells[3][1] == "(二)");
  CHECK(cells[3][3] == "2");
  CHECK(cells[4][0] == "四、结转");
  CHECK(t.rows[0].header);
  CHECK(t.rows[2].cells[3].kind == CellKind::kNumber);
  CHECK(t.rows[2].cells[3].value == 5);
  CHECK(t.rows[2].line == 5);  // the extracted line; its origin is the <tr>'s line
  CHECK(htmlLineOf(d, "| 三、办理结果") == 6);
}

TEST_CASE("html: line origins point at the element's line in the HTML file") {
  std::string page =
      "<!DOCTYPE html>\n"                         // 1
      "<html>\n"                                  // 2
      "<head><title>x</title></head>\n"           // 3
      "<body>\n"                                  // 4
      "<div id=\"zoom\">\n"                       // 5
      "<p>\n"                                     // 6
      "  一、总体情况\n"                          // 7
      "</p>\n"                                    // 8
      "<p>第一句话。<br>\n"                       // 9
      "第二句话，在第十行。</p>\n"                // 10
      "<p\n"                                      // 11
      "  style=\"text-indent:2em\">第三句话。\n"  // 12
      "</p>\n"                                    // 13
      "</div>\n"                                  // 14
      "</body></html>\n";
  Document d = html(page);
  CHECK(htmlLineOf(d, "一、总体情况") == 7);
  CHECK(htmlLineOf(d, "第一句话") == 9);
  CHECK(htmlLineOf(d, "第二句话") == 10);
  CHECK(htmlLineOf(d, "第三句话") == 12);
  Position p = d.source.position(static_cast<uint32_t>(d.source.text().find("第二句话")));
  CHECK(p.line == 3);  // the extracted text's own line
  CHECK(p.where.empty());
  CHECK(p.page == 0);
  CHECK(d.source.format() == "html");
}

TEST_CASE("html: line origins past libxml2's 65535-line limit keep counting") {
  std::string page = "<html><body>\n";
  for (int i = 0; i < 70000; ++i) page += "<br>\n";
  page += "<p>第七万零二行的一段文字。</p>\n";  // line 70002
  Document d = html(page);
  CHECK(htmlLineOf(d, "第七万零二行") == 70002);
}

TEST_CASE("html: a GB18030 page declaring <meta charset=gbk> is decoded before parsing") {
  // "<title>测试</title> … <p>一、总体情况</p><p>全年新收申请136件。</p>" in GBK.
  std::string page =
      "<html><head><meta charset=\"gbk\"><title>\xb2\xe2\xca\xd4</title></head><body>"
      "<p>\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6</p>"
      "<p>\xc8\xab\xc4\xea\xd0\xc2\xca\xd5\xc9\xea\xc7\xeb"
      "136\xbc\xfe\xa1\xa3</p></body></html>";
  Document d = html(page, "gbk.htm");
  CHECK(d.source.encoding() == "GB18030");
  CHECK(d.source.format() == "html");
  CHECK(d.source.text() == "一、总体情况\n全年新收申请136件。\n");
  REQUIRE(d.parts.size() == 1);
  CHECK(d.parts[0].title == "总体情况");
}

TEST_CASE("html: malformed markup is read, never crashes") {
  SUBCASE("unclosed and stray tags") {
    std::string page =
        "<html><body><div id=content><p>一、总体情况<p>第一段没有结束标签。<div>第二段</span></b>"
        "<table><tr><td>表头<td>数值<tr><td>甲<td>12</table><p>最后一段。</div></div></div></html>";
    Document d = html(page);
    auto b = blockTexts(d);
    CHECK(std::find(b.begin(), b.end(), "第一段没有结束标签。") != b.end());
    CHECK(std::find(b.begin(), b.end(), "最后一段。") != b.end());
    REQUIRE(d.tables.size() == 1);
    CHECK(cellTexts(d.tables[0]) == std::vector<std::vector<std::string>>{{"表头", "数值"}, {"甲", "12"}});
  }
  SUBCASE("a <font> left open in every paragraph nests thousands deep") {
    std::string page = "<html><body>";
    for (int i = 0; i < 3000; ++i) page += "<font face=\"仿宋\">第" + std::to_string(i) + "段。<br>";
    Document d = html(page);
    const std::string& text = d.source.text();
    CHECK(contains(text, "第0段。\n"));
    CHECK(contains(text, "第2999段。\n"));
  }
  SUBCASE("unclosed divs, each with a paragraph of its own") {
    std::string page = "<html><body>";
    for (int i = 0; i < 1000; ++i) page += "<div>第" + std::to_string(i) + "段，依申请公开。";
    Document d = html(page);
    CHECK(contains(d.source.text(), "第0段，"));
    CHECK(contains(d.source.text(), "第999段，"));
  }
  SUBCASE("garbage") {
    for (std::string page :
         {std::string("<html><body><<<>>>&#xFFFFFFFF;&bogus;<p>文字</p></body>"),
          std::string("<html><body><table><tr><td rowspan=99999 colspan=99999>甲</td>"
                      "<td rowspan=-3 colspan=abc>乙</td></tr><tr><td>丙</td></tr></table>"),
          std::string("<html><body><p>文字<!-- 注释没有结束"),
          std::string("<html><body><![CDATA[文字]]><p>段落</p>")}) {
      CAPTURE(page);
      try {
        Document d = html(page);
        CHECK(!d.source.text().empty());
      } catch (const InputError& e) {
        CHECK(e.path() == "page.html");
      }
    }
  }
}

TEST_CASE("html: a page without body text is an input error") {
  for (std::string page :
       {std::string(
            "<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body></body></html>"),
        std::string(
            "<!DOCTYPE html><html><body><script>var x = '文字';</script><style>p{}</style></body></html>"),
        std::string(
            "<html><body><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a>政务公开</a></li></ul>"
            "<div class=\"footer\">版权所有</div></body></html>"),
        std::string("<html><body><p>&nbsp;</p><p>　</p><table><tr><td> </td></tr></table></body></html>")}) {
    CAPTURE(page);
    try {
      html(page, "empty.html");
      FAIL("no InputError");
    } catch (const InputError& e) {
      CHECK(e.path() == "empty.html");
      CHECK(e.detail() == "网页中没有正文文字");
    }
  }
}

TEST_CASE("html: a government web page reads like the markdown report") {
  Document page = readDocument(fixture("xg-2023-page.html"), {});
  Document md = readDocument(test::sourceDir() + "/examples/xg-2023-clean.md", {});
  detectReportType(page, builtinRules(), {});
  detectReportType(md, builtinRules(), {});
  CHECK(page.type == "xg");
  const std::string& text = page.source.text();
  for (std::string gone : {"首页", "当前位置", "字号", "打印本页", "关闭窗口", "分享到", "上一篇", "相关链接",
                           "网站标识码", "浏览次数", "document.write"}) {
    CAPTURE(gone);
    CHECK(!contains(text, gone));
  }

  REQUIRE(page.field("title") != nullptr);
  CHECK(page.field("title")->value == md.field("title")->value);
  REQUIRE(page.field("publish_date") != nullptr);
  CHECK(page.field("publish_date")->value == "2024-01-18");
  CHECK(page.field("index_no") != nullptr);

  // The six parts, with the same subsections as the markdown.
  REQUIRE(page.parts.size() == 6);
  REQUIRE(md.parts.size() == 6);
  for (size_t i = 0; i < 6; ++i) {
    CHECK(page.parts[i].marker == md.parts[i].marker);
    CHECK(page.parts[i].title == md.parts[i].title);
    CHECK(page.parts[i].children.size() == md.parts[i].children.size());
  }
  CHECK(htmlLineOf(page, "三、收到和处理政府信息公开申请情况") == 99);

  // The three tables, bound to their templates, hold the markdown's numbers.
  REQUIRE(page.tables.size() == 3);
  std::vector<TableGrid> got = tableGrids(page, builtinRules());
  std::vector<TableGrid> want = tableGrids(md, builtinRules());
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CAPTURE(got[i].id);
    CHECK(got[i].found == want[i].found);
    CHECK(got[i].rows == want[i].rows);
    CHECK(got[i].columns == want[i].columns);
    CHECK(got[i].cells == want[i].cells);
  }
  auto t3 = std::find_if(got.begin(), got.end(), [](const TableGrid& g) { return g.id == "表三"; });
  REQUIRE(t3 != got.end());
  CHECK(t3->found);
  CHECK(t3->cells.front().back() == "136");

  // Clean report, published in time: nothing to say (a date note at most).
  for (const Finding& f : evaluate(page, builtinRules())) {
    CAPTURE(f.rule_id);
    CAPTURE(f.message);
    CHECK(f.severity == Severity::kNote);
    CHECK(contains(f.rule_id, "deadline"));
  }
}
