// DOCX reader: small documents built in memory for each rule of the format,
// LibreOffice-made fixtures that must read like their text sources, and
// damaged or hostile archives that must fail with an InputError, fast.
#include <zip.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <set>

#include "ingest/reader.h"
#include "nianbao/engine.h"
#include "nianbao/rule_pack.h"
#include "test_support.h"

using namespace nianbao;

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const std::string& e : v) s += "\"" + e + "\", ";
    return String((s + "}").c_str());
  }
};
}  // namespace doctest

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct Part {
  std::string name;
  std::string data;
};

// Bytes of the archive written to `src`, which the caller kept alive.
std::string drain(zip_source_t* src) {
  REQUIRE(zip_source_open(src) == 0);
  REQUIRE(zip_source_seek(src, 0, SEEK_END) == 0);
  zip_int64_t size = zip_source_tell(src);
  REQUIRE(zip_source_seek(src, 0, SEEK_SET) == 0);
  std::string out(static_cast<size_t>(size), '\0');
  REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size);
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

// A zip written by libzip in memory; `add` puts entries into it.
template <typename Add>
std::string makeZip(Add add) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  REQUIRE(src != nullptr);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  REQUIRE(za != nullptr);
  add(za);
  REQUIRE(zip_close(za) == 0);
  zip_error_fini(&err);
  return drain(src);
}

std::string makeZip(const std::vector<Part>& parts) {
  return makeZip([&](zip_t* za) {
    for (const Part& p : parts) {
      zip_source_t* s = zip_source_buffer(za, p.data.data(), p.data.size(), 0);
      REQUIRE(zip_file_add(za, p.name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
  });
}

std::string wrap(const std::string& root, const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:" + root + " xmlns:w=\"" + kW +
         "\">" + inner + "</w:" + root + ">";
}

// A .docx with the given body XML, and styles/numbering when not empty.
std::string docx(const std::string& body, const std::string& styles = "", const std::string& numbering = "") {
  std::vector<Part> parts = {{"word/document.xml", wrap("document", "<w:body>" + body + "</w:body>")}};
  if (!styles.empty()) parts.push_back({"word/styles.xml", wrap("styles", styles)});
  if (!numbering.empty()) parts.push_back({"word/numbering.xml", wrap("numbering", numbering)});
  return makeZip(parts);
}

std::string run(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string para(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + run(text) + "</w:p>";
}
std::string styled(const std::string& style, const std::string& text) {
  return para(text, "<w:pStyle w:val=\"" + style + "\"/>");
}
std::string numbered(int num_id, int ilvl, const std::string& text) {
  return para(text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
                        std::to_string(num_id) + "\"/></w:numPr>");
}
std::string cell(const std::string& content, const std::string& tcpr = "") {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + content + "</w:tc>";
}
std::string row(const std::string& cells, const std::string& trpr = "") {
  return "<w:tr>" + (trpr.empty() ? "" : "<w:trPr>" + trpr + "</w:trPr>") + cells + "</w:tr>";
}
std::string table(const std::string& rows) { return "<w:tbl>" + rows + "</w:tbl>"; }

std::string level(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                  const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text + "\"/>" + extra + "</w:lvl>";
}
std::string abstractNum(int id, const std::string& levels) {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + levels + "</w:abstractNum>";
}
std::string num(int id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}
std::string style(const std::string& id, const std::string& name, const std::string& inner = "") {
  return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>" + inner +
         "</w:style>";
}

detail::Extracted read(const std::string& bytes) { return detail::readDocx("t.docx", bytes); }

std::vector<std::string> lines(const detail::Extracted& ex) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = ex.text.find('\n', b);
    out.push_back(ex.text.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

std::vector<std::string> readLines(const std::string& bytes) {
  detail::Extracted ex = read(bytes);
  std::vector<std::string> l = lines(ex);
  CHECK(l.size() == ex.origins.size());
  return l;
}

// The message of the InputError `f` throws ("" if it throws none).
template <typename F>
std::string inputError(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.describe();
  }
  return {};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("docx: each paragraph is one line, with its body paragraph number as origin") {
  detail::Extracted ex = read(docx(para("第一段") + para("") + para("第三段")));
  CHECK(lines(ex) == std::vector<std::string>{"第一段", "", "第三段"});
  REQUIRE(ex.origins.size() == 3);
  CHECK(ex.origins[0].paragraph == 1);
  CHECK(ex.origins[0].where == "第1段");
  CHECK(ex.origins[2].paragraph == 3);
  CHECK(ex.origins[2].where == "第3段");
  CHECK(ex.origins[2].line == 0);
}

TEST_CASE(
    "docx: runs: tabs and breaks are spaces; deletions, field codes, notes and hidden text are not read") {
  std::string p =
      "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删掉的</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>加上的</w:t></w:r></w:ins>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:r><w:footnoteReference w:id=\"1\"/></w:r><w:commentRangeStart w:id=\"0\"/>"
      "<w:r><w:t>页</w:t></w:r><w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
      "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
      "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>移来</w:t></w:r></w:moveTo>"
      "<w:hyperlink r:id=\"rId9\" xmlns:r=\"r\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
      "<w:fldSimple w:instr=\" DATE \"><w:r><w:t>2024年</w:t></w:r></w:fldSimple>"
      "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t>尾</w:t></w:r></w:p>";
  std::string bytes = makeZip({{"word/document.xml", wrap("document", "<w:body>" + p + "</w:body>")},
                               {"word/comments.xml", wrap("comments", para("批注不是正文"))}});
  CHECK(readLines(bytes) == std::vector<std::string>{"甲 乙 丙加上的3页移来链接2024年 尾"});
}

TEST_CASE("docx: headings: heading styles (inherited through basedOn) and outline levels become '#' lines") {
  std::string styles = style("Normal", "Normal") + style("1", "heading 1") + style("2", "标题 2") +
                       style("Heading3", "Heading 3") +
                       style("Mine", "我的标题", "<w:basedOn w:val=\"1\"/>") +
                       style("Outline", "大纲", "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>") +
                       style("Body", "Body Text", "<w:basedOn w:val=\"Normal\"/>");
  std::string body = styled("1", "总体情况") + styled("2", "主动公开") + styled("Heading3", "三级") +
                     styled("Mine", "继承") + styled("Outline", "样式大纲") +
                     para("段落大纲", "<w:outlineLvl w:val=\"3\"/>") +
                     para("正文级别", "<w:pStyle w:val=\"1\"/><w:outlineLvl w:val=\"9\"/>") +
                     styled("Body", "正文") + styled("1", "") + styled("Unknown", "未知样式");
  CHECK(readLines(docx(body, styles)) == std::vector<std::string>{"# 总体情况", "## 主动公开", "### 三级",
                                                                  "# 继承", "## 样式大纲", "#### 段落大纲",
                                                                  "正文级别", "正文", "", "未知样式"});
}

TEST_CASE("docx: Word numbering is rebuilt: 一、（一）1. with lower levels restarting") {
  std::string numbering =
      abstractNum(0, level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）") +
                         level(2, "decimal", "%3.")) +
      num(1, 0);
  std::string styles = style("1", "heading 1") + style("2", "heading 2");
  auto heading = [](int lvl, const std::string& text) {
    return para(text, "<w:pStyle w:val=\"" + std::to_string(lvl + 1) + "\"/><w:numPr><w:ilvl w:val=\"" +
                          std::to_string(lvl) + "\"/><w:numId w:val=\"1\"/></w:numPr>");
  };
  std::string body = para("示例市临江区市场监督管理局2023年政府信息公开工作年度报告") +
                     heading(0, "总体情况") + heading(1, "主动公开") + numbered(1, 2, "全年公开信息。") +
                     numbered(1, 2, "另一项。") + heading(1, "依申请公开") + numbered(1, 2, "新的一项。") +
                     heading(0, "主动公开政府信息情况") + heading(1, "规章") + para("无。");
  std::string bytes = docx(body, styles, numbering);
  CHECK(readLines(bytes) ==
        std::vector<std::string>{"示例市临江区市场监督管理局2023年政府信息公开工作年度报告", "# 一、总体情况",
                                 "## （一）主动公开", "1.全年公开信息。", "2.另一项。", "## （二）依申请公开",
                                 "1.新的一项。", "# 二、主动公开政府信息情况", "## （一）规章", "无。"});

  // The outline sees the numbers Word drew.
  Document doc = parseDocument("t.docx", bytes, ReadOptions{});
  REQUIRE(doc.parts.size() == 2);
  CHECK(doc.parts[0].marker == "一、");
  CHECK(doc.parts[0].title == "总体情况");
  REQUIRE(doc.parts[0].children.size() == 2);
  CHECK(doc.parts[0].children[1].marker == "(二)");
  CHECK(doc.parts[1].marker == "二、");
}

TEST_CASE("docx: numbering formats") {
  struct Case {
    std::string fmt, text;
    int start;
    std::string label;
  };
  const Case cases[] = {
      {"chineseCounting", "%1、", 11, "十一、"},
      {"chineseCountingThousand", "%1、", 20, "二十、"},
      {"chineseCountingThousand", "%1", 105, "一百零五"},
      {"taiwaneseCountingThousand", "%1、", 3, "三、"},
      {"ideographTraditional", "%1、", 2, "乙、"},
      {"chineseLegalSimplified", "%1", 3, "叁"},
      {"decimalEnclosedCircle", "%1", 3, "③"},
      {"decimalEnclosedCircleChinese", "%1", 25, "㉕"},
      {"decimalFullWidth", "%1．", 12, "１２．"},
      {"decimalZero", "%1.", 7, "07."},
      {"upperRoman", "%1.", 4, "IV."},
      {"lowerLetter", "%1)", 28, "bb)"},
      {"decimal", "第%1条", 3, "第3条"},
      {"none", "%1", 1, ""},
      {"bullet", "\xEF\x82\xB7", 1, ""},
  };
  std::string numbering, body;
  std::vector<std::string> expected;
  int id = 1;
  for (const Case& c : cases) {
    numbering += abstractNum(id, level(0, c.fmt, c.text, c.start));
    body += numbered(id, 0, "项目");
    expected.push_back(c.label + "项目");
    ++id;
  }
  for (int i = 1; i < id; ++i) numbering += num(i, i);
  CHECK(readLines(docx(body, "", numbering)) == expected);
}

TEST_CASE("docx: lists sharing a definition continue; an override restarts; multi-level and legal labels") {
  std::string numbering =
      abstractNum(0, level(0, "decimal", "%1.")) +
      abstractNum(1, level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2")) +
      abstractNum(2, level(0, "chineseCounting", "%1、") + level(1, "decimal", "%1.%2", 1, "<w:isLgl/>")) +
      abstractNum(
          3, level(0, "decimal", "%1.") + level(1, "decimal", "(%2)", 1, "<w:lvlRestart w:val=\"0\"/>")) +
      num(1, 0) + num(2, 0) +
      num(3, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>") + num(4, 1) +
      num(5, 2) + num(6, 3);
  std::string body = numbered(1, 0, "a") + numbered(2, 0, "b") + numbered(3, 0, "c") + numbered(3, 0, "d") +
                     numbered(4, 0, "e") + numbered(4, 1, "f") + numbered(4, 1, "g") + numbered(4, 0, "h") +
                     numbered(4, 1, "i") + numbered(5, 0, "甲") + numbered(5, 1, "乙") + numbered(6, 1, "x") +
                     numbered(6, 0, "y") + numbered(6, 1, "z") + numbered(99, 0, "no list") +
                     numbered(0, 0, "numbering removed");
  CHECK(readLines(docx(body, "", numbering)) ==
        std::vector<std::string>{"1. a", "2. b", "1. c", "2. d", "1. e", "1.1 f", "1.2 g", "2. h", "2.1 i",
                                 "一、甲", "1.1乙", "(1) x", "1. y", "(2) z", "no list",
                                 "numbering removed"});
}

TEST_CASE("docx: numbering attached to heading styles, as LibreOffice and Word's multilevel lists write it") {
  std::string numbering =
      abstractNum(0, level(0, "taiwaneseCountingThousand", "%1、", 1, "<w:pStyle w:val=\"Heading1\"/>") +
                         level(1, "chineseCounting", "（%2）", 1, "<w:pStyle w:val=\"Heading2\"/>")) +
      num(1, 0);
  std::string styles =
      style("Heading1", "Heading 1",
            "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl "
            "w:val=\"0\"/></w:pPr>") +
      // No ilvl: the level is the one whose w:pStyle names this style.
      style("Heading2", "Heading 2", "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>") +
      style("Sub", "Sub", "<w:basedOn w:val=\"Heading2\"/>");
  std::string body =
      styled("Heading1", "总体情况") + styled("Heading2", "主动公开") + styled("Sub", "依申请公开") +
      styled("Heading1", "主动公开政府信息情况") +
      para("去掉编号", "<w:pStyle w:val=\"Heading1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>");
  CHECK(readLines(docx(body, styles, numbering)) ==
        std::vector<std::string>{"# 一、总体情况", "## （一）主动公开", "## （二）依申请公开",
                                 "# 二、主动公开政府信息情况", "# 去掉编号"});
}

TEST_CASE("docx: tables: markdown rows, merged cells expanded, pipes escaped, nested tables flattened") {
  std::string nested = table(row(cell(para("x"))) + row(cell(para("y"))));
  std::string t = table(row(cell(para("合并"), "<w:gridSpan w:val=\"2\"/>") + cell(para("c"))) +
                        row(cell(para("纵"), "<w:vMerge w:val=\"restart\"/>") + cell(para("1|2")) +
                            cell(para("甲") + para("乙"))) +
                        row(cell(para(""), "<w:vMerge/>") + cell(nested) + cell(para("4"))));
  detail::Extracted ex = read(docx(para("前言") + t + para("后记")));
  CHECK(lines(ex) == std::vector<std::string>{"前言", "| 合并 | | c |", "|---|---|---|",
                                              "| 纵 | 1\\|2 | 甲 乙 |", "| | x y | 4 |", "后记"});
  REQUIRE(ex.origins.size() == 6);
  // Paragraphs: 前言 1; 合并 2, c 3; 纵 4, 1|2 5, 甲 6, 乙 7; (merged) 8, x 9, y 10, 4 11; 后记 12.
  CHECK(ex.origins[1].paragraph == 2);
  CHECK(ex.origins[1].where == "表格1 第1行");
  CHECK(ex.origins[2].where == "表格1 第1行");
  CHECK(ex.origins[3].paragraph == 4);
  CHECK(ex.origins[3].where == "表格1 第2行");
  CHECK(ex.origins[4].paragraph == 8);
  CHECK(ex.origins[4].where == "表格1 第3行");
  CHECK(ex.origins[5].paragraph == 12);
  CHECK(ex.origins[5].where == "第12段");

  Document doc = parseDocument("t.docx", docx(para("前言") + t + para("后记")), ReadOptions{});
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows.size() == 3);
  CHECK(doc.tables[0].rows[0].header);
  CHECK(doc.tables[0].rows[2].cells.size() == 3);
  CHECK(doc.tables[0].rows[2].cells[2].value == 4);
}

TEST_CASE("docx: tables: gridBefore, legacy hMerge, deleted rows, several tables numbered apart") {
  std::string t1 =
      table(row(cell(para("a")) + cell(para("b")) + cell(para("c"))) +
            row(cell(para("d")), "<w:gridBefore w:val=\"2\"/>") +
            row(cell(para("删")) + cell(para("除")), "<w:del w:id=\"1\" w:author=\"a\"/>") +
            row(cell(para("e")) + cell(para("f"), "<w:hMerge w:val=\"continue\"/>") + cell(para("g"))));
  std::string t2 = table(row(cell(para("only"))));
  detail::Extracted ex = read(docx(t1 + t2 + para("末段")));
  CHECK(lines(ex) == std::vector<std::string>{"| a | b | c |", "|---|---|---|", "| | | d |", "| e | | g |",
                                              "| only |", "|---|", "末段"});
  REQUIRE(ex.origins.size() == 7);
  CHECK(ex.origins[3].where == "表格1 第3行");
  CHECK(ex.origins[3].paragraph == 7);  // a b c d, then the deleted row's two paragraphs
  CHECK(ex.origins[4].where == "表格2 第1行");
  CHECK(ex.origins[6].paragraph == 11);
}

TEST_CASE("docx: a paragraph that opens with | or # stays a paragraph") {
  std::string bytes =
      docx(para("表格") + table(row(cell(para("项目")))) + para("| 竖线开头") + para("　# 井号开头"));
  CHECK(readLines(bytes) ==
        std::vector<std::string>{"表格", "| 项目 |", "|---|", "｜ 竖线开头", "　＃ 井号开头"});
  Document doc = parseDocument("t.docx", bytes, ReadOptions{});
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].rows.size() == 1);
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[2].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[3].kind == BlockKind::kParagraph);
  CHECK(doc.blocks[3].norm.text == "#井号开头");
}

TEST_CASE("docx: content controls and custom XML are looked through") {
  std::string body = "<w:sdt><w:sdtPr/><w:sdtContent>" + para("封面") + table(row(cell(para("格")))) +
                     "</w:sdtContent></w:sdt>" + "<w:p><w:sdt><w:sdtContent>" + run("行内") +
                     "</w:sdtContent></w:sdt><w:smartTag>" + run("标记") + "</w:smartTag></w:p>";
  CHECK(readLines(docx(body)) == std::vector<std::string>{"封面", "| 格 |", "|---|", "行内标记"});
}

TEST_CASE("docx: the WordprocessingML prefix is whatever the part declares") {
  std::string xml = std::string("<x:document xmlns:x=\"") + kW +
                    "\"><x:body><x:p><x:r><x:t>前缀不同</x:t></x:r></x:p>"
                    "<x:p><x:pPr><x:outlineLvl x:val=\"0\"/></x:pPr><x:r><x:t>标题</x:t></x:r></x:p></x:body>"
                    "</x:document>";
  CHECK(readLines(makeZip({{"word/document.xml", xml}})) == std::vector<std::string>{"前缀不同", "# 标题"});
}

TEST_CASE("docx: the main document is found through the package relationships") {
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"/doc/main.xml\"/></Relationships>";
  std::string doc_rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "styles\" Target=\"../shared/st.xml\"/></Relationships>";
  std::string bytes =
      makeZip({{"_rels/.rels", rels},
               {"doc/main.xml", wrap("document", "<w:body>" + styled("h", "标题") + "</w:body>")},
               {"doc/_rels/main.xml.rels", doc_rels},
               {"shared/st.xml", wrap("styles", style("h", "heading 2"))}});
  CHECK(readLines(bytes) == std::vector<std::string>{"## 标题"});
}

TEST_CASE("docx: control characters and invalid UTF-8 in text never reach the lines") {
  std::string body =
      "<w:p><w:r><w:t>a&#x9;b&#xA;c\xff\xfe"
      "d</w:t></w:r></w:p>";
  std::vector<std::string> l = readLines(docx(body));
  REQUIRE(l.size() == 1);
  CHECK(l[0] ==
        "a b c\xEF\xBF\xBD\xEF\xBF\xBD"
        "d");
}

// ---------------------------------------------------------------------------
// Damaged and hostile input.

namespace {

// An entry of `size` bytes of 'a', generated as libzip asks for it.
struct Filler {
  uint64_t size = 0;
  uint64_t pos = 0;
  zip_error_t error;
};

zip_int64_t fill(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* f = static_cast<Filler*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      f->pos = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      uint64_t n = std::min<uint64_t>(len, f->size - f->pos);
      std::memset(data, 'a', n);
      f->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid |= ZIP_STAT_SIZE;
      st->size = f->size;
      return sizeof(*st);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&f->error, data, len);
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

// A small zip whose word/document.xml inflates to `size` bytes.
std::string bomb(uint64_t size) {
  Filler f;
  f.size = size;
  zip_error_init(&f.error);
  return makeZip([&](zip_t* za) {
    zip_source_t* s = zip_source_function(za, fill, &f);
    zip_int64_t i = zip_file_add(za, "word/document.xml", s, 0);
    REQUIRE(i >= 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 1);
  });
}

void put32(std::string& s, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) s[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string fixture(const std::string& name) {
  return test::readFile(test::sourceDir() + "/tests/fixtures/documents/" + name);
}

}  // namespace

TEST_CASE("docx: a zip bomb is refused from its headers, quickly") {
  std::string bytes = bomb(200ull * 1024 * 1024);
  CHECK(bytes.size() < 2 * 1024 * 1024);
  auto t0 = std::chrono::steady_clock::now();
  std::string msg = inputError([&] { parseDocument("bomb.docx", bytes, ReadOptions{}); });
  CHECK(contains(msg, "DOCX 解压后过大（疑似压缩炸弹）"));
  CHECK(seconds(t0) < 2.0);
}

TEST_CASE("docx: a zip bomb whose headers lie about its size is stopped while inflating") {
  std::string bytes = bomb(100ull * 1024 * 1024);
  // Claim 4000 bytes in both the local header and the central directory.
  REQUIRE(bytes.compare(0, 4, "PK\x03\x04") == 0);
  put32(bytes, 22, 4000);
  size_t central = bytes.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  put32(bytes, central + 24, 4000);
  auto t0 = std::chrono::steady_clock::now();
  std::string msg = inputError([&] { parseDocument("bomb.docx", bytes, ReadOptions{}); });
  CHECK(contains(msg, "DOCX 解压后过大（疑似压缩炸弹）"));
  CHECK(seconds(t0) < 5.0);
}

TEST_CASE("docx: a truncated .docx is an InputError wherever it is cut") {
  std::string whole = fixture("xg-2023-clean.docx");
  REQUIRE(whole.size() > 1000);
  std::string msg =
      inputError([&] { parseDocument("half.docx", whole.substr(0, whole.size() / 2), ReadOptions{}); });
  CHECK(msg == "DOCX 文件损坏：不是 ZIP 压缩包（文件不完整，或并非 .docx）");
  for (size_t cut = 1; cut < whole.size(); cut += 211) {
    CAPTURE(cut);
    CHECK_FALSE(inputError([&] { parseDocument("cut.docx", whole.substr(0, cut), ReadOptions{}); }).empty());
  }
}

TEST_CASE("docx: corrupted bytes give an InputError or a reading, never anything else") {
  std::string whole = fixture("fz-2023-clean.docx");
  for (size_t at = 0; at < whole.size(); at += 37) {
    CAPTURE(at);
    std::string bytes = whole;
    bytes[at] = static_cast<char>(bytes[at] ^ 0x5A);
    try {
      parseDocument("x.docx", bytes, ReadOptions{});
    } catch (const InputError&) {
    }
  }
}

TEST_CASE("docx: archives that are not Word documents") {
  std::string no_document =
      makeZip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", wrap("styles", "")}});
  CHECK(inputError([&] { parseDocument("a.docx", no_document, ReadOptions{}); }) ==
        "DOCX 文件损坏：缺少正文 word/document.xml");

  std::string malformed = makeZip({{"word/document.xml", "<w:document><w:body><w:p>"}});
  CHECK(contains(inputError([&] { parseDocument("a.docx", malformed, ReadOptions{}); }),
                 "DOCX 文件损坏：word/document.xml 不是有效的 XML"));

  std::string bad_styles =
      makeZip({{"word/document.xml", wrap("document", "<w:body>" + para("x") + "</w:body>")},
               {"word/styles.xml", "<w:styles"}});
  CHECK(contains(inputError([&] { parseDocument("a.docx", bad_styles, ReadOptions{}); }), "word/styles.xml"));

  std::string no_body = makeZip({{"word/document.xml", wrap("document", "")}});
  CHECK(contains(inputError([&] { parseDocument("a.docx", no_body, ReadOptions{}); }), "没有正文"));

  std::string empty = docx(para(""));
  CHECK(contains(inputError([&] { parseDocument("a.docx", empty, ReadOptions{}); }), "未能从文件中读出文字"));

  CHECK(contains(inputError([&] { parseDocument("a.docx", "PK\x03\x04 not really", ReadOptions{}); }),
                 "DOCX 文件损坏"));
  CHECK(contains(inputError([&] { parseDocument("a.docx", "plain text", ReadOptions{}); }), "DOCX 文件损坏"));
  CHECK(contains(inputError([&] {
                   parseDocument("a.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), ReadOptions{});
                 }),
                 "旧版 Word"));
}

TEST_CASE("docx: absurdly deep nesting is refused, not followed down the stack") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<w:hyperlink>";
  deep += run("x");
  for (int i = 0; i < 5000; ++i) deep += "</w:hyperlink>";
  std::string bytes = docx("<w:p>" + deep + "</w:p>");
  CHECK(contains(inputError([&] { parseDocument("a.docx", bytes, ReadOptions{}); }), "嵌套过深"));

  std::string tables;
  for (int i = 0; i < 2000; ++i) tables += "<w:tbl><w:tr><w:tc>";
  for (int i = 0; i < 2000; ++i) tables += "</w:tc></w:tr></w:tbl>";
  CHECK(contains(inputError([&] { parseDocument("a.docx", docx(tables), ReadOptions{}); }), "嵌套过深"));
}

// ---------------------------------------------------------------------------
// Real files: LibreOffice's .docx of the examples (tests/fixtures/documents/
// make_docx.py) read like the examples themselves.

namespace {

struct Reading {
  std::vector<std::string> outline;                          // level, marker, title
  std::map<std::string, std::string> meta;                   // field -> value
  std::vector<std::string> regions;                          // front and back matter kinds
  std::vector<std::vector<std::vector<std::string>>> grids;  // template-matched tables
  std::multiset<std::string> rules;                          // rule ids of the findings
  std::vector<Finding> findings;
};

Reading reading(const std::string& path) {
  static RuleSet rules = [] {
    RuleSet r;
    r.addBuiltin();
    return r;
  }();
  Document doc = readDocument(path, ReadOptions{});
  detectReportType(doc, rules, CheckOptions{});
  Reading out;
  forEachSection(doc.parts, [&](const Section& s) {
    out.outline.push_back(std::to_string(s.level) + " " + s.marker + s.title);
  });
  for (const auto& [k, v] : doc.meta) out.meta[k] = v.value;
  for (const Region& r : doc.front) out.regions.push_back("front:" + r.kind);
  for (const Region& r : doc.back) out.regions.push_back("back:" + r.kind);
  for (const TableGrid& g : tableGrids(doc, rules)) out.grids.push_back(g.cells);
  out.findings = evaluate(doc, rules);
  for (const Finding& f : out.findings) out.rules.insert(f.rule_id);
  return out;
}

}  // namespace

TEST_CASE("docx: LibreOffice .docx files read like their text sources") {
  const std::pair<const char*, const char*> pairs[] = {
      {"examples/fz-2023-clean.txt", "fz-2023-clean.docx"},
      {"examples/fz-2023-defects.txt", "fz-2023-defects.docx"},
      {"examples/xg-2023-clean.md", "xg-2023-clean.docx"},
      {"examples/xg-variants/01-column-identity.txt", "xg-01-column-identity.docx"},
      {"examples/xg-variants/04-table4-total.txt", "xg-04-table4-total.docx"},
      {"examples/xg-variants/06-prose-total.txt", "xg-06-prose-total.docx"},
  };
  for (auto [text, docx_name] : pairs) {
    CAPTURE(docx_name);
    Reading want = reading(test::sourceDir() + "/" + text);
    Reading got = reading(test::sourceDir() + "/tests/fixtures/documents/" + docx_name);
    CHECK(!want.outline.empty());
    CHECK(got.outline == want.outline);
    CHECK(got.meta == want.meta);
    CHECK(got.regions == want.regions);
    CHECK(got.grids == want.grids);
    CHECK(got.rules == want.rules);
    for (const Finding& f : got.findings) {
      CAPTURE(f.rule_id);
      CHECK(f.begin.paragraph > 0);
      CHECK(!f.begin.where.empty());
    }
  }
}

TEST_CASE("docx: the fixtures carry what the reader rebuilds") {
  // fz: 一、/（一） exist only as Word numbering; xg: its tables are merged cells.
  auto entry = [](const std::string& zip_bytes, const char* name) {
    std::string out;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &err);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(za != nullptr);
    zip_file_t* f = zip_fopen(za, name, 0);
    REQUIRE(f != nullptr);
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
    zip_discard(za);
    zip_error_fini(&err);
    return out;
  };
  std::string fz = entry(fixture("fz-2023-clean.docx"), "word/document.xml");
  CHECK_FALSE(contains(fz, "一、"));
  CHECK_FALSE(contains(fz, "（一）"));
  CHECK(contains(entry(fixture("fz-2023-clean.docx"), "word/numbering.xml"), "%1、"));
  std::string xg = entry(fixture("xg-2023-clean.docx"), "word/document.xml");
  CHECK(contains(xg, "w:gridSpan"));
  CHECK(contains(xg, "w:vMerge"));

  Document doc =
      readDocument(test::sourceDir() + "/tests/fixtures/documents/fz-2023-clean.docx", ReadOptions{});
  REQUIRE(doc.parts.size() == 4);
  CHECK(doc.parts[0].marker == "一、");
  REQUIRE(doc.parts[0].children.size() == 3);
  CHECK(doc.parts[0].children[2].marker == "(三)");
  Position p = doc.source.position(doc.source.lineStart(doc.parts[3].line));
  CHECK(p.where == "第" + std::to_string(p.paragraph) + "段");
}
