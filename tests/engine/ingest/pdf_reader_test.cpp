// PDF reader: the three corpus PDFs (WPS exports), a Chromium print of
// examples/xg-2023-clean.md (tests/fixtures/documents/xg-2023-clean.pdf.html),
// small PDFs written here, and damaged input.
//
// True values were read off the pages (pdftoppm + eyes, pdftotext -layout):
//   xg-2023-hongze-district  表三 一、本年新收 总计 21, （七）总计 21 (pages 3–4)
//   xg-2024-hongze-district  95, 95 (pages 3–4)
//   xg-2024-huaian-city      3119, 3050 (pages 4–5)
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <sstream>

#include "ingest/reader.h"
#include "nianbao/engine.h"
#include "test_support.h"

using namespace nianbao;

namespace {

std::string corpus(const std::string& name) { return test::sharedDir() + "/corpus/real/" + name; }
std::string fixture(const std::string& name) {
  return test::sourceDir() + "/tests/fixtures/documents/" + name;
}

const RuleSet& builtinRules() {
  static const RuleSet rules = [] {
    RuleSet r;
    r.addBuiltin();
    return r;
  }();
  return rules;
}

Document readTyped(const std::string& path) {
  Document d = readDocument(path, {});
  detectReportType(d, builtinRules(), {});
  return d;
}

// The grid of one template as `nianbao parse` shows it.
TableGrid grid(const Document& d, const std::string& id) {
  for (TableGrid& g : tableGrids(d, builtinRules())) {
    if (g.id == id) return g;
  }
  FAIL("no grid " << id);
  return {};
}

// A cell by the start of its official row label and its column label.
std::string cell(const TableGrid& g, const std::string& row, const std::string& column) {
  for (size_t r = 0; r < g.rows.size(); ++r) {
    if (g.rows[r].rfind(row, 0) != 0) continue;
    for (size_t c = 0; c < g.columns.size(); ++c) {
      if (g.columns[c] == column) return g.cells[r][c];
    }
  }
  return "?";
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

bool hasLine(const Document& d, const std::string& line) {
  for (const std::string& l : lines(d.source.text())) {
    if (l == line) return true;
  }
  return false;
}

// Page of the first occurrence of `needle` in the extracted text (0: absent).
uint32_t pageOf(const Document& d, const std::string& needle) {
  size_t at = d.source.text().find(needle);
  return at == std::string::npos ? 0 : d.source.position(static_cast<uint32_t>(at)).page;
}

const char* const kParts[] = {"总体情况",
                              "主动公开政府信息情况",
                              "收到和处理政府信息公开申请情况",
                              "政府信息公开行政复议、行政诉讼情况",
                              "存在的主要问题及改进情况",
                              "其他需要报告的事项"};

void checkSixParts(const Document& d) {
  REQUIRE(d.parts.size() == 6);
  for (size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(d.parts[i].number == static_cast<int>(i + 1));
    CHECK(d.parts[i].title == normalizeText(kParts[i]));
  }
}

// A PDF with the standard Helvetica font: each page a list of (x, y from the
// top, size, text), all pages turned by `rotate` degrees. The xref offsets are
// exact, so poppler reads it as is.
struct Text {
  double x, y, size;
  std::string text;
  int turn = 0;  // 90: runs up the page, -90: runs down
};
std::string makePdf(const std::vector<std::vector<Text>>& pages, int rotate = 0) {
  std::vector<std::string> objects;
  std::string kids;
  size_t n = pages.size();
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  for (size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (size_t i = 0; i < n; ++i) {
    std::string content;
    for (const Text& t : pages[i]) {
      std::ostringstream s;
      int c = t.turn == 0 ? 1 : 0, r = t.turn == 90 ? 1 : t.turn == -90 ? -1 : 0;
      s << "BT /F1 " << t.size << " Tf " << c << " " << r << " " << -r << " " << c << " " << t.x << " "
        << 842 - t.y << " Tm (" << t.text << ") Tj ET\n";
      content += s.str();
    }
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate " +
                      std::to_string(rotate) + " /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string o = std::to_string(off);
    pdf += std::string(10 - o.size(), '0') + o + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string extract(const std::string& pdf) { return detail::readPdf("t.pdf", pdf).text; }

std::string errorOf(const std::string& name, const std::string& bytes) {
  try {
    parseDocument(name, bytes, {});
  } catch (const InputError& e) {
    return e.describe();
  }
  return "";
}

}  // namespace

TEST_CASE("pdf: corpus reports have their six parts, 表三 totals and page numbers") {
  struct Case {
    const char* file;
    int pages;
    const char* received;  // 表三 一、本年新收… / 总计
    const char* total;     // 表三 （七）总计 / 总计
    uint32_t table_page;   // page of the 表三 row 一、本年新收
    uint32_t total_page;   // page of （七）总计
  };
  for (const Case& k : {Case{"xg-2023-hongze-district.pdf", 5, "21", "21", 3, 4},
                        Case{"xg-2024-hongze-district.pdf", 5, "95", "95", 3, 4},
                        Case{"xg-2024-huaian-city.pdf", 6, "3119", "3050", 4, 5}}) {
    CAPTURE(k.file);
    Document d = readTyped(corpus(k.file));
    CHECK(d.source.format() == "pdf");
    CHECK(d.type == "xg");
    checkSixParts(d);

    TableGrid t3 = grid(d, "表三");
    CHECK(cell(t3, "一、本年新收", "总计") == k.received);
    CHECK(cell(t3, "（七）总计", "总计") == k.total);
    CHECK(cell(t3, "二、上年结转", "总计") != "-");
    CHECK(cell(t3, "四、结转下年度", "总计") != "-");

    CHECK(pageOf(d, "一、本年新收政府信息公开申请数量") == k.table_page);
    CHECK(pageOf(d, "（七）总计") == k.total_page);
    CHECK(d.source.position(static_cast<uint32_t>(d.source.text().find("（七）总计"))).where ==
          "第" + std::to_string(k.total_page) + "页");
    // The last line is on the last page; page numbers ("-1-" … "-6-") are gone.
    CHECK(d.source.position(static_cast<uint32_t>(d.source.text().size() - 2)).page ==
          static_cast<uint32_t>(k.pages));
    for (int p = 1; p <= k.pages; ++p) CHECK(!hasLine(d, "-" + std::to_string(p) + "-"));

    std::vector<Finding> findings = evaluate(d, builtinRules());
    REQUIRE(!findings.empty());
    for (const Finding& f : findings) {
      CAPTURE(f.rule_id);
      CHECK(f.begin.page >= 1);
      CHECK(f.begin.page <= static_cast<uint32_t>(k.pages));
      CHECK(f.begin.where == "第" + std::to_string(f.begin.page) + "页");
    }
  }
}

TEST_CASE("pdf: a table row's label is gathered from its wrapped, grouped and vertical pieces") {
  // xg-2024-huaian-city: the vertical 三、本年度办理结果 is set one character a
  // line; （二）'s label wraps above and below its figures; （四）无法提供 is cut
  // by the page break after its first row.
  Document d = readDocument(corpus("xg-2024-huaian-city.pdf"), {});
  CHECK(hasLine(d, "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 447 7 0 0 0 0 454"));
  CHECK(hasLine(d, "三、本年度办理结果 2.其他法律行政法规禁止公开 30 1 0 0 0 0 31"));
  CHECK(hasLine(d, "（四）无法提供 1.本机关不掌握相关政府信息 746 12 0 0 10 1 769"));
  CHECK(hasLine(d, "2.没有现成信息需要另行制作 11 0 0 0 0 0 11"));
  CHECK(hasLine(d, "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 67 3 0 0 1 0 71"));
  CHECK(hasLine(d, "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20"));
  // xg-2023-hongze-district: the vertical label is real vertical text (WMode 1).
  Document h = readDocument(corpus("xg-2023-hongze-district.pdf"), {});
  CHECK(h.source.text().find("三、本年度办理结果 ") != std::string::npos);
  CHECK(hasLine(h, "5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0"));
  CHECK(hasLine(h, "（七）总计 21 0 0 0 0 0 21"));
}

TEST_CASE("pdf: a Chromium print of xg-2023-clean reads like the markdown original") {
  Document pdf = readTyped(fixture("xg-2023-clean.pdf"));
  Document md = readTyped(test::sourceDir() + "/examples/xg-2023-clean.md");
  checkSixParts(pdf);
  CHECK(pdf.field("title") != nullptr);

  // 表三 and 表四 cell by cell. （二）部分公开 is extracted whole, but the text
  // table reader does not take a label with "，" (see the line check below).
  for (const char* id : {"表三", "表四"}) {
    CAPTURE(id);
    TableGrid a = grid(pdf, id), b = grid(md, id);
    REQUIRE(a.rows == b.rows);
    REQUIRE(a.columns == b.columns);
    for (size_t r = 0; r < a.rows.size(); ++r) {
      if (a.rows[r].find("部分公开") != std::string::npos) continue;
      CAPTURE(a.rows[r]);
      CHECK(a.cells[r] == b.cells[r]);
    }
  }
  CHECK(hasLine(pdf, "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 10 1 0 0 0 0 11"));
  CHECK(cell(grid(pdf, "表三"), "一、本年新收", "总计") == "136");
  CHECK(cell(grid(pdf, "表三"), "（七）总计", "总计") == "137");
  // 表二: rows with one figure stay "label figure" lines.
  TableGrid t2 = grid(pdf, "表二");
  CHECK(cell(t2, "行政规范性文件", "现行有效件数") == "38");
  CHECK(hasLine(pdf, "行政许可 1520"));
  CHECK(hasLine(pdf, "行政事业性收费 12.35"));

  // The running header and the "— N —" page numbers are gone; the title keeps its name.
  CHECK(!hasLine(pdf, "示例市临江区市场监督管理局"));
  for (int p = 1; p <= 4; ++p) CHECK(!hasLine(pdf, "— " + std::to_string(p) + " —"));
  CHECK(pdf.source.text().find("—") == std::string::npos);
  // 表三 is broken over pages 2 and 3; the vertical group label is whole.
  CHECK(pageOf(pdf, "一、本年新收") == 2);
  CHECK(pageOf(pdf, "二、上年结转") == 3);
  CHECK(hasLine(pdf, "三、本年度办理结果 8.属于行政查询事项 4 0 0 0 0 0 4"));
  CHECK(hasLine(pdf,
                "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 "
                "0 0 0 0 0"));
}

TEST_CASE("pdf: running headers, footers and page numbers are dropped") {
  // A header that differs only in its number, footers in three styles, and a
  // bare number at the foot of the last page.
  const char* bodies[] = {"The report opens.", "It goes on.", "It ends."};
  const char* footers[] = {"- 1 -", "2/3", "Page 3"};
  std::vector<std::vector<Text>> pages;
  for (int p = 0; p < 3; ++p) {
    pages.push_back({{72, 40, 9, "Lincheng Market Bureau, sheet " + std::to_string(p + 1)},
                     {72, 100, 12, bodies[p]},
                     {72, 120, 12, "2023"},
                     {280, 810, 10, footers[p]}});
  }
  pages[2].push_back({290, 780, 10, "7"});
  std::string text = extract(makePdf(pages));
  CHECK(text == "The report opens.\n2023\nIt goes on.\n2023\nIt ends.\n2023\n");

  // A line at the top of one page only is text.
  std::string once =
      extract(makePdf({{{72, 40, 9, "Notice"}, {72, 100, 12, "Body."}}, {{72, 100, 12, "More."}}}));
  CHECK(once == "Notice\nBody.\nMore.\n");
}

TEST_CASE("pdf: origins give one page per line") {
  detail::Extracted ex = detail::readPdf(
      "t.pdf",
      makePdf({{{72, 100, 12, "First page."}, {72, 120, 12, "Still first."}}, {{72, 100, 12, "Second."}}}));
  REQUIRE(ex.origins.size() == 3);
  CHECK(ex.origins[0].page == 1);
  CHECK(ex.origins[1].page == 1);
  CHECK(ex.origins[2].page == 2);
  CHECK(ex.origins[2].where == "第2页");
  CHECK(ex.origins[2].line == 0);
}

TEST_CASE("pdf: table cells come out as whitespace-separated figures after the label") {
  // Columns 40pt apart; the second row's label wraps above and below its figures.
  auto row = [](double y, std::vector<std::string> figures) {
    std::vector<Text> out;
    for (size_t i = 0; i < figures.size(); ++i)
      out.push_back({300 + 40.0 * static_cast<double>(i), y, 9, figures[i]});
    return out;
  };
  std::vector<Text> page = {{72, 80, 9, "1. Received"},
                            {72, 110, 9, "2. Partly disclosed, counted"},
                            {72, 124, 9, "in this row only"}};
  for (const Text& t : row(80, {"360", "19", "0", "-", "2", "/", "396"})) page.push_back(t);
  for (const Text& t : row(117, {"4", "0", "0", "0", "0", "0", "4"})) page.push_back(t);
  std::string text = extract(makePdf({page}));
  CHECK(text ==
        "1. Received 360 19 0 - 2 / 396\n"
        "2. Partly disclosed, counted in this row only 4 0 0 0 0 0 4\n");
}

TEST_CASE("pdf: a group label set vertically goes with the first row beside it") {
  for (int turn : {90, -90}) {
    CAPTURE(turn);
    std::vector<Text> page;
    // Upwards the label starts at the bottom, downwards at the top.
    page.push_back(turn == 90 ? Text{60, 150, 9, "Results of handling", 90}
                              : Text{52, 70, 9, "Results of handling", -90});
    const char* labels[] = {"1. Alpha", "2. Beta", "3. Gamma"};
    for (int r = 0; r < 3; ++r) {
      double y = 80 + 30.0 * r;
      page.push_back({90, y, 9, labels[r]});
      page.push_back({300, y, 9, std::to_string(r + 1)});
      page.push_back({340, y, 9, std::to_string(10 * (r + 1))});
    }
    CHECK(extract(makePdf({page})) == "Results of handling 1. Alpha 1 10\n2. Beta 2 20\n3. Gamma 3 30\n");
  }
}

TEST_CASE("pdf: a page turned sideways reads as if upright") {
  std::vector<std::vector<Text>> pages = {{{72, 100, 12, "Heading"},
                                           {72, 130, 12, "First line of the text,"},
                                           {72, 150, 12, "second line."},
                                           {72, 180, 10, "Total"},
                                           {300, 180, 10, "12"},
                                           {340, 180, 10, "7"}}};
  std::string upright = extract(makePdf(pages));
  CHECK(upright == "Heading\nFirst line of the text,\nsecond line.\nTotal 12 7\n");
  for (int rotate : {90, 180, 270}) {
    CAPTURE(rotate);
    CHECK(extract(makePdf(pages, rotate)) == upright);
  }
}

TEST_CASE("pdf: damaged, encrypted and empty input is refused with a reason") {
  std::string good = test::readFile(corpus("xg-2023-hongze-district.pdf"));
  REQUIRE(good.size() > 1000);
  CHECK(errorOf("cut.pdf", good.substr(0, good.size() * 3 / 10)) == "PDF 文件损坏或不是 PDF");

  std::mt19937 rng(20240601);
  std::string noise = "%PDF-1.7\n";
  while (noise.size() < 200000) noise += static_cast<char>(rng() & 0xFF);
  auto start = std::chrono::steady_clock::now();
  CHECK(errorOf("noise.pdf", noise) == "PDF 文件损坏或不是 PDF");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(errorOf("header.pdf", "%PDF-") == "PDF 文件损坏或不是 PDF");

  // Opening it needs the user password "secret" (qpdf --encrypt, AES-256).
  try {
    readDocument(fixture("xg-2023-clean-encrypted.pdf"), {});
    FAIL("an encrypted PDF was read");
  } catch (const InputError& e) {
    CHECK(e.describe() == "PDF 已加密，无法读取文字");
  }

  // A valid PDF without text (a scan, say).
  CHECK(errorOf("blank.pdf", makePdf({{}})) == "未能从文件中读出文字（可能是扫描件或空文档）");
}
