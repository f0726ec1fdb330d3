#include "nianbao/text.h"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

using namespace nianbao;

namespace {
NormText norm(const std::string& s) {
  NormBuilder b;
  b.append(s, Span{0, static_cast<uint32_t>(s.size())});
  return std::move(b).finish();
}
}  // namespace

TEST_CASE("NFKC folds full-width digits, letters and punctuation") {
  CHECK(normalizeText("ＡＢＣ（一）１２３，：；") == "ABC(一)123,:;");
  CHECK(normalizeText("１．属于国家秘密") == "1.属于国家秘密");
}

TEST_CASE("whitespace inside CJK text and around quotes vanishes") {
  // Seed 001 spaces out numbers and quotes copied from a web page.
  CHECK(normalizeText("一、 2021 年度法治政府建设") == "一、2021年度法治政府建设");
  CHECK(normalizeText("“ 主要举措和成效 ” 、") == "\"主要举措和成效\"、");
  CHECK(normalizeText("三、 本 年 度 办 理 结 果") == "三、本年度办理结果");
  CHECK(normalizeText("徐\u3000雯") == "徐雯");
}

TEST_CASE("a space between two ASCII words or numbers is kept") {
  CHECK(normalizeText("360   19  0") == "360 19 0");
  CHECK(normalizeText("H5 技术") == "H5技术");
}

TEST_CASE("quotes and dashes fold to one form") {
  CHECK(normalizeText("“三安全一稳定”") == "\"三安全一稳定\"");
  CHECK(normalizeText("2021—2025年") == "2021-2025年");
  CHECK(normalizeText("2021－2025年") == "2021-2025年");
  CHECK(normalizeText("2021~2025") == "2021-2025");
}

TEST_CASE("format characters are dropped") { CHECK(normalizeText("法\u200B治") == "法治"); }

TEST_CASE("a phrase broken by a line wrap maps back to both lines") {
  // Seed 000: 习近平新时代中国特色社会 / (blank line) / 主义思想
  std::string src = "坚持以习近平新时代中国特色社会\n\n主义思想为指导";
  NormText t = norm(src);
  CHECK(t.text == "坚持以习近平新时代中国特色社会主义思想为指导");
  size_t b = t.text.find("社会主义");
  Span s = t.toSource(b, b + std::string("社会主义").size());
  CHECK(src.substr(s.begin, s.end - s.begin) == "社会\n\n主义");
}

TEST_CASE("every normalized byte maps into the source") {
  std::string src = "（一）１２ 年 “ 引号 ”\r\n下一行";
  NormText t = norm(src);
  for (size_t i = 0; i < t.text.size(); ++i) {
    CHECK(t.sourceBegin(i) < t.sourceEnd(i));
    CHECK(t.sourceEnd(i) <= src.size());
  }
  Span s = t.toSource(0, 3);  // "(一" -> "（一"
  CHECK(src.substr(s.begin, s.end - s.begin) == "（一");
}

TEST_CASE("patterns: full-width punctuation is a literal, ASCII syntax is kept") {
  CHECK(normalizePattern("第（一）项") == "第\\(一\\)项");
  CHECK(normalizePattern("(报告|情况)$") == "(报告|情况)$");
  CHECK(normalizePattern("１２＋") == "12\\+");
}

TEST_CASE("display width counts wide characters twice") {
  CHECK(displayWidth("abc") == 3);
  CHECK(displayWidth("法治") == 4);
  CHECK(displayWidth("（1）") == 5);
  CHECK(codePointCount("法治ab") == 4);
}

TEST_CASE("the copied ranges (printable ASCII, U+4E00-U+9FFF) are their own NFKC form") {
  // NormBuilder copies these without asking ICU; this holds it to ICU's answer.
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
  REQUIRE(U_SUCCESS(st));
  size_t checked = 0;
  for (char32_t c = 0x21; c <= 0x9FFF; ++c) {
    if (c == 0x7F) c = 0x4E00;
    if (c == '~') continue;  // folded to '-', on the slow path
    icu::UnicodeString in(static_cast<UChar32>(c));
    CHECK(nfkc->isNormalized(in, st));
    std::string s;
    appendUtf8(s, c);
    CHECK(normalizeText(s) == s);
    ++checked;
  }
  CHECK(checked == 93 + (0x9FFF - 0x4E00 + 1));
}

TEST_CASE("the source map: copied runs, folded characters, inserted spaces, slices") {
  // 年 and 报 are copied; （ ） １ fold; the space between 2 and A is kept.
  std::string src = "（年）１２ A报";
  NormText t = norm(src);
  REQUIRE(t.text == "(年)12 A报");
  auto at = [&](size_t k) { return src.substr(t.sourceBegin(k), t.sourceEnd(k) - t.sourceBegin(k)); };
  CHECK(at(0) == "（");
  CHECK(at(1) == "年");
  CHECK(at(3) == "年");  // any byte of a code point maps to all of it
  CHECK(at(4) == "）");
  CHECK(at(5) == "１");
  CHECK(at(6) == "２");
  CHECK(at(7) == " ");
  CHECK(at(8) == "A");
  CHECK(at(9) == "报");
  CHECK(t.runs.size() < t.text.size());
  NormText s = t.slice(1, 6);  // "年)1"
  REQUIRE(s.text == "年)1");
  Span whole = s.toSource(0, s.text.size());
  CHECK(src.substr(whole.begin, whole.end - whole.begin) == "年）１");
  CHECK(s.sourceBegin(3) == t.sourceBegin(4));
}
