// Metadata and front/back matter of the seeds; values checked by hand against the files.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace nianbao;

namespace {
std::string value(const Document& d, const char* f) {
  const MetaField* m = d.field(f);
  return m ? m->value : "";
}
uint32_t line(const Document& d, const char* f) {
  const MetaField* m = d.field(f);
  return m ? d.source.position(m->span.begin).line : 0;
}
bool hasRegion(const std::vector<Region>& rs, const std::string& kind) {
  for (const Region& r : rs) {
    if (r.kind == kind) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("seed 000: cover letter with 文号, 签发人 and dates; title over two lines") {
  Document d = readDocument(test::seed("000_daaf7a29b731c3d8.txt"), {});
  CHECK(value(d, "title") == "浦东新区人力资源和社会保障局(医疗保障局)2022年度法治政府建设情况报告");
  CHECK(line(d, "title") == 27);
  CHECK(value(d, "doc_number") == "浦人社〔2023〕9号");
  CHECK(line(d, "doc_number") == 3);
  CHECK(value(d, "signer") == "徐雯");
  CHECK(value(d, "sign_date") == "2023-02-24");
  CHECK(value(d, "issue_date") == "2023-02-24");
  CHECK(line(d, "issue_date") == 24);
  CHECK(value(d, "report_year") == "2022");
  CHECK(value(d, "issuer") == "浦东新区人力资源和社会保障局(医疗保障局)");
  CHECK(hasRegion(d.front, "cover-letter"));
  CHECK(d.blocks[d.body_begin].first_line == 30);  // 引言
}

TEST_CASE("seed 001: web metadata block kept as metadata") {
  Document d = readDocument(test::seed("001_cda731678efe901b.txt"), {});
  CHECK(value(d, "index_no") == "SY0024578210202200007");
  CHECK(value(d, "doc_number") == "浦人社〔2022〕5号");
  CHECK(value(d, "publish_date") == "2022-01-30");
  CHECK(value(d, "category") == "主动公开");
  CHECK(value(d, "title") == "浦东新区人力资源和社会保障局(医疗保障局)2021年度法治政府建设情况报告");
  CHECK(line(d, "title") == 13);
  CHECK(hasRegion(d.front, "web-metadata"));
  CHECK(hasRegion(d.front, "cover-letter"));
}

TEST_CASE("seed 002: letterhead and 主送/抄送/印发 footer") {
  Document d = readDocument(test::seed("002_1924a0aa8324f161.txt"), {});
  CHECK(value(d, "issuer") == "上海市宝山区人力资源和社会保障局");
  CHECK(value(d, "doc_number") == "宝人社〔2024〕1号");
  CHECK(value(d, "title") == "宝山区人力资源和社会保障局2023年法治政府建设情况报告");
  CHECK(value(d, "issue_date") == "2024-01-25");
  CHECK(line(d, "issue_date") == 87);
  REQUIRE(hasRegion(d.back, "footer"));
  CHECK(d.blocks[d.back[0].begin].first_line == 81);  // 主送
  CHECK(d.blocks[d.body_end - 1].last_line == 77);
}

TEST_CASE("seed 003: title with the year first") {
  Document d = readDocument(test::seed("003_6cdf66a710b6816f.txt"), {});
  CHECK(value(d, "title") == "2022年上海市人力资源和社会保障局政府信息公开工作年度报告");
  CHECK(value(d, "issuer") == "上海市人力资源和社会保障局");
  CHECK(value(d, "report_year") == "2022");
}

TEST_CASE("seed 004: no title at all; year and body from the text") {
  Document d = readDocument(test::seed("004_e216814a7c54799f.txt"), {});
  CHECK(d.field("title") == nullptr);
  CHECK(value(d, "report_year") == "2022");
  CHECK(value(d, "issuer") == "滨江区人力资源和社会保障局");
  CHECK(d.front.empty());
  CHECK(d.body_begin == 0);
}

TEST_CASE("title with the year first: the body's whole name, not cut at 人民政府") {
  auto issuer = [](const std::string& title) {
    Document d = parseDocument("t.txt", title + "\n一、总体情况\n本机关全年主动公开政府信息100条。\n", {});
    return value(d, "issuer");
  };
  CHECK(issuer("2025年上海市人民政府办公厅政府信息公开工作年度报告") == "上海市人民政府办公厅");
  CHECK(issuer("2024年淮安市人民政府政府信息公开工作年度报告") == "淮安市人民政府");
  CHECK(issuer("2022年上海市人力资源和社会保障局法治政府建设情况报告") == "上海市人力资源和社会保障局");
}

TEST_CASE("a title over two lines, the body's name first, is one title, not letterhead + title") {
  Document d = parseDocument(
      "t.txt",
      "淮安市人民政府\n2024年政府信息公开工作年度报告\n一、总体情况\n本机关全年主动公开政府信息100条。\n",
      {});
  CHECK(value(d, "title") == "淮安市人民政府2024年政府信息公开工作年度报告");
  CHECK(value(d, "issuer") == "淮安市人民政府");
  CHECK_FALSE(hasRegion(d.front, "letterhead"));
}
