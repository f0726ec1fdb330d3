#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "nianbao/text.h"
#include "recognize/number_finder.h"
#include "test_support.h"

using namespace nianbao;
using namespace nianbao::detail;

namespace {

const char* const kSeeds[] = {"000_daaf7a29b731c3d8.txt", "001_cda731678efe901b.txt",
                              "002_1924a0aa8324f161.txt", "003_6cdf66a710b6816f.txt",
                              "004_e216814a7c54799f.txt"};

// A seed as the engine sees it: normalized.
std::string normSeed(int n) { return normalizeText(test::readFile(test::seed(kSeeds[n]))); }

// Offset of `anchor` (raw text, normalized here) in the normalized seed.
size_t at(const std::string& norm, std::string_view anchor) {
  size_t pos = norm.find(normalizeText(anchor));
  REQUIRE_MESSAGE(pos != std::string::npos, "anchor not in seed: " << anchor);
  return pos;
}

// Numbers of the whole normalized seed that start inside [pos, pos + len).
std::vector<ProseNumber> inRange(const std::vector<ProseNumber>& all, size_t pos, size_t len) {
  std::vector<ProseNumber> out;
  for (const ProseNumber& p : all) {
    if (p.begin >= pos && p.begin < pos + len) out.push_back(p);
  }
  return out;
}

// Numbers the seed holds inside the text `anchor`.
std::vector<ProseNumber> near(const std::string& norm, std::string_view anchor) {
  return inRange(findNumbers(norm), at(norm, anchor), normalizeText(anchor).size());
}

std::vector<ProseNumber> find(std::string_view raw) { return findNumbers(normalizeText(raw)); }

// The one number of `raw` (normalized), checked to be alone.
ProseNumber one(std::string_view raw) {
  auto v = find(raw);
  REQUIRE_MESSAGE(v.size() == 1, raw << ": " << v.size() << " numbers");
  return v[0];
}

std::vector<std::string> texts(const std::vector<ProseNumber>& v) {
  std::vector<std::string> out;
  for (const ProseNumber& p : v) out.push_back(p.text);
  return out;
}

std::vector<std::string> kinds(const std::vector<ProseNumber>& v) {
  std::vector<std::string> out;
  for (const ProseNumber& p : v) out.push_back(p.kind);
  return out;
}

double sumOf(const std::vector<ProseNumber>& v, std::string_view kind, std::string_view unit) {
  double s = 0;
  for (const ProseNumber& p : v) {
    if (p.kind == kind && p.unit == unit) s += p.value;
  }
  return s;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("number finder: Chinese numerals") {
  CHECK(parseChineseNumber("三百九十六") == 396);
  CHECK(parseChineseNumber("十二") == 12);
  CHECK(parseChineseNumber("十") == 10);
  CHECK(parseChineseNumber("二十一") == 21);
  CHECK(parseChineseNumber("一百零五") == 105);
  CHECK(parseChineseNumber("一百一十") == 110);
  CHECK(parseChineseNumber("一千零十") == 1010);
  CHECK(parseChineseNumber("一万二千") == 12000);
  CHECK(parseChineseNumber("一万二") == 12000);
  CHECK(parseChineseNumber("三百五") == 350);
  CHECK(parseChineseNumber("十五") == 15);
  CHECK(parseChineseNumber("两") == 2);
  CHECK(parseChineseNumber("两千") == 2000);
  CHECK(parseChineseNumber("十二万") == 120000);
  CHECK(parseChineseNumber("一亿二千万") == 120000000);
  CHECK(parseChineseNumber("二〇二二") == 2022);
  CHECK(parseChineseNumber("零") == 0);
  CHECK_FALSE(parseChineseNumber(""));
  CHECK_FALSE(parseChineseNumber("十四五"));  // a plan's name, not a number
  CHECK(parseChineseNumber("五零") == 50);    // digit by digit
  CHECK_FALSE(parseChineseNumber("五十五零"));
  CHECK_FALSE(parseChineseNumber("万"));
  CHECK_FALSE(parseChineseNumber("百十"));
  CHECK_FALSE(parseChineseNumber("三件"));
  CHECK_FALSE(parseChineseNumber("12"));
}

TEST_CASE("number finder: seed 000: 48 bills handled, 14 led and 34 assisted, all in one clause pair") {
  std::string norm = normSeed(0);
  auto v = near(norm, "共办结市、区人大代表建议、政协提案48件，其中主办\n\n14件，会办34件");
  REQUIRE(texts(v) == Strings{"48件", "14件", "34件"});
  CHECK(kinds(v) == Strings{"count", "count", "count"});
  CHECK(v[0].value == 48);
  CHECK(v[0].value == v[1].value + v[2].value);
  CHECK(v[1].integer);
  CHECK_FALSE(v[1].chinese);
  for (const ProseNumber& p : v) CHECK(norm.substr(p.begin, p.end - p.begin) == p.text);
  // Each number sits in its own clause; the total's clause names what is counted.
  TextRange c0 = clauseAround(norm, v[0].begin);
  CHECK(norm.substr(c0.begin, c0.end - c0.begin) == "共办结市、区人大代表建议、政协提案48件");
  TextRange c1 = clauseAround(norm, v[1].begin);
  CHECK(norm.substr(c1.begin, c1.end - c1.begin) == "其中主办14件");
}

TEST_CASE("number finder: seed 000: labour disputes and the 1.54:1 ratio") {
  std::string norm = normSeed(0);
  auto v = near(norm, "受理劳动人\n\n事争议案件31750 件，办结24348 件。其中仲裁受理 9425件");
  REQUIRE(texts(v) == Strings{"31750件", "24348件", "9425件"});
  auto m = near(norm, "各级调解组织受理22325 件");
  REQUIRE(m.size() == 1);
  CHECK(v[0].value == v[2].value + m[0].value);  // 31750 = 9425 + 22325

  ProseNumber r = near(norm, "占比达1.54:1").at(0);
  CHECK(r.kind == "ratio");
  CHECK(r.text == "1.54:1");
  CHECK(r.value == doctest::Approx(1.54));
  CHECK(r.unit.empty());
  CHECK_FALSE(r.integer);
}

TEST_CASE("number finder: seed 000: years, dates, 文号 and fixed terms are not counts") {
  std::string norm = normSeed(0);
  auto doc_no = near(norm, "浦人社〔2023〕9 号");
  CHECK(texts(doc_no) == Strings{"2023", "9号"});
  CHECK(kinds(doc_no) == Strings{"code", "code"});

  auto plan = near(norm, "《法治政府建设实施纲要\n\n（2021-2025年）》");
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].kind == "year");
  CHECK(plan[0].value == 2021);
  CHECK(plan[0].range_to == 2025);

  auto period = near(norm, "统计期限自2022 年 1月\n\n1日起至 12月 31日止");
  CHECK(texts(period) == Strings{"2022年", "1月", "1日", "12月", "31日"});
  CHECK(kinds(period) == Strings{"year", "date", "date", "date", "date"});

  CHECK(near(norm, "2022年度法治政府建设情况").at(0).kind == "year");
  CHECK(near(norm, "市第十二次党代会").at(0).kind == "ordinal");
  CHECK(near(norm, "市第十二次党代会").at(0).value == 12);
  CHECK(near(norm, "（共印 5 份）").at(0).kind == "count");

  // Words with numerals in them.
  for (std::string_view words :
       {"全面贯彻党的十九大和十九届历次全会精神", "深入学习贯彻党的二十大精神", "一是涉企审批效能提升",
        "推进劳动维权“一件事”", "“一网通办”政务服务再增能", "落实“双随机、一公开”监管评估要求",
        "针对“五个一次性补贴”分别录制", "持续落实行政执法“三项制度”", "法治政府建设第一责任人职责情况",
        "第一时间分析研判", "还存在一些不适应", "在线观看数累计达上万人次",
        "落实规范性文件统一编号、统一登记、统一印发", "均由同一人提出", "怎样千方百计稳就业"}) {
    CAPTURE(words);
    CHECK(near(norm, words).empty());
  }
}

TEST_CASE("number finder: seed 000: Chinese numerals before a unit are counts") {
  std::string norm = normSeed(0);
  ProseNumber two = near(norm, "年内有两件信息公开复议案件").at(0);
  CHECK(two.text == "两件");
  CHECK(two.value == 2);
  CHECK(two.kind == "count");
  CHECK(two.chinese);
  CHECK(near(norm, "年内申报两项区重大行政决策目录事项").at(0).value == 2);
  CHECK(near(norm, "整合人社、医保两个领域").at(0).unit == "个");
  // A closing quote before the numeral is no name: 一项 counts.
  CHECK(texts(near(norm, "工作室资助”一项区级免申即享事项")) == Strings{"一项"});
  auto days = near(norm, "压缩为5个工作日内办结（法定时限为20个工作日）");
  CHECK(texts(days) == Strings{"5个工作日", "20个工作日"});
  CHECK(kinds(days) == Strings{"duration", "duration"});
  CHECK(near(norm, "如 7 月份人力资源市场专项检查期间").at(0).kind == "date");
}

TEST_CASE("number finder: seed 001: codes in the metadata block and a 1.3 比 1 ratio") {
  std::string norm = normSeed(1);
  ProseNumber index = near(norm, "索引号 | SY0024578210202200007 |").at(0);
  CHECK(index.kind == "code");
  CHECK(index.text == "SY0024578210202200007");
  CHECK(kinds(near(norm, "浦人社〔2022〕5号")) == Strings{"code", "code"});
  ProseNumber date = near(norm, "发布时间 | 2022-01-30 |").at(0);
  CHECK(date.kind == "date");
  CHECK(date.text == "2022-01-30");
  CHECK(date.value == 20220130);
  auto audit = near(norm, "《局审计项目三年规划( 2019-2021 )》");
  REQUIRE(texts(audit) == Strings{"三年", "2019-2021"});
  CHECK(audit[0].kind == "duration");
  CHECK(audit[1].kind == "year");
  CHECK(audit[1].range_to == 2021);

  ProseNumber r = near(norm, "调解、仲裁结案比达到 1.3 比 1 ，").at(0);
  CHECK(r.kind == "ratio");
  CHECK(r.text == "1.3比1");
  CHECK(r.value == doctest::Approx(1.3));

  auto bills = near(norm, "共办结市、区人大代表建议、政协提案 32 件,其中主办 8 件,会办 24 件");
  REQUIRE(bills.size() == 3);
  CHECK(bills[0].value == bills[1].value + bills[2].value);
  CHECK(near(norm, "办结率 96.25% 、解决率 69.57%").at(1).value == doctest::Approx(69.57));
  // Quoted slogans and titles: not counts.
  CHECK(near(norm, "实现 “ 两个免于提交 ”").empty());
  CHECK(near(norm, "《浦东新区 2021 年落实 “ 四个责任制 ” 工作总体方案》").size() == 1);
  CHECK(near(norm, "进一步强化“三份清单”“三级审签”“三项公开”制度落实").empty());
  CHECK(near(norm, "打通欠薪维权到支付执行的 “ 最后一公里 ”").empty());
  CHECK(near(norm, "全年共召开局务会 33 次,涉及议题 65 个").size() == 2);
  CHECK(near(norm, "张江镇以第一名成绩").at(0).kind == "ordinal");
}

TEST_CASE("number finder: seed 002: approximate counts and scaled people") {
  std::string norm = normSeed(2);
  auto v = near(norm, "年内共开展各类法治宣传400余场、覆盖人数超过6万人");
  REQUIRE(v.size() == 2);
  CHECK(v[0].text == "400余场");
  CHECK(v[0].value == 400);
  CHECK(v[0].unit == "场");
  CHECK(v[0].approximate);
  CHECK(v[1].text == "6万人");
  CHECK(v[1].value == 60000);
  CHECK(v[1].unit == "人");
  CHECK(v[1].scale == 1e4);
  CHECK_FALSE(v[1].approximate);
  CHECK(near(norm, "资料5000余份").at(0).approximate);
  CHECK(near(norm, "主动公开行政执法、处罚等信息62批次").at(0).unit == "批次");
  CHECK(near(norm, "宝人社〔2024〕1号").at(0).kind == "code");
  CHECK(near(norm, "连续四年作为行政主要负责人").at(0).kind == "duration");
  CHECK(near(norm, "打造法制员、法宣员、兼职法律顾问、公职律师四支法治工作队伍").at(0).value == 4);
  CHECK(near(norm, "行政负责人出庭率100%、胜诉率100%").size() == 2);
  CHECK(near(norm, "一是全面落实“三项制度”").empty());
  CHECK(near(norm, "“维权365”“满意360”五大品牌").size() == 2);  // brand names: plain, no unit
  CHECK(kinds(near(norm, "“维权365”“满意360”五大品牌")) == Strings{"plain", "plain"});
}

TEST_CASE("number finder: seed 003: requests received add up, shares add up to about 100%") {
  std::string norm = normSeed(3);
  auto head = near(norm, "全年共受理信息公开申请396件，同比减少12.2%。");
  REQUIRE(texts(head) == Strings{"396件", "12.2%"});
  CHECK(head[1].kind == "percent");
  CHECK(head[1].value == doctest::Approx(12.2));
  CHECK_FALSE(head[1].integer);
  auto parts = near(norm,
                    "予以公开及部分公开215件，占54.3%；不予公开1件，占0.3%；无法提供\n\n72 件，占 18.2%；"
                    "不予处理 5 件，占 1.3%；作其他处理 103 件，占 26.0%。");
  REQUIRE(parts.size() == 10);
  CHECK(sumOf(parts, "count", "件") == head[0].value);
  CHECK(sumOf(parts, "percent", "%") == doctest::Approx(100.1));
  CHECK(parts[5].text == "18.2%");
  // Every share is in its own sentence (split at ;), next to its count.
  auto sents = sentences(norm);
  auto sentenceOf = [&](size_t pos) {
    return *std::find_if(sents.begin(), sents.end(),
                         [&](TextRange r) { return r.begin <= pos && pos < r.end; });
  };
  TextRange s = sentenceOf(parts[4].begin);
  CHECK(norm.substr(s.begin, s.end - s.begin) == "无法提供72件,占18.2%;");
  CHECK(sentenceOf(parts[5].begin) == s);

  auto docs = near(norm, "主动公开政策文件129件（规范性文件41件、其他文件88件）");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].value == docs[1].value + docs[2].value);
  TextRange c = clauseAround(norm, docs[1].begin);  // brackets do not cut a clause
  CHECK(c.begin <= docs[0].begin);
  CHECK(c.end >= docs[2].end);
}

TEST_CASE("number finder: seed 003: 万 and 亿 scale the value") {
  std::string norm = normSeed(3);
  auto v = near(norm, "用户数 5470.7 万，浏览量 10.84 亿次");
  REQUIRE(v.size() == 2);
  CHECK(v[0].text == "5470.7万");
  CHECK(v[0].value == 54707000);
  CHECK(v[0].integer);
  CHECK(v[0].scale == 1e4);
  CHECK(v[0].unit.empty());
  CHECK(v[0].kind == "plain");
  CHECK(v[1].text == "10.84亿次");
  CHECK(v[1].value == 1084000000);
  CHECK(v[1].unit == "次");
  CHECK(v[1].kind == "count");
  CHECK(v[1].scale == 1e8);
  ProseNumber copies = near(norm, "杂志报纸累计年发行量 530 余万份").at(0);
  CHECK(copies.value == 5300000);
  CHECK(copies.unit == "份");
  CHECK(copies.approximate);
  CHECK(near(norm, "提供智能咨询 391.9 万次").at(0).value == 3919000);
  CHECK(near(norm, "参与人数累计 1.8 万人").at(0).value == 18000);
}

TEST_CASE("number finder: seed 003: table labels, hotlines and H5 are not quantities") {
  std::string norm = normSeed(3);
  auto article = near(norm, "| 第二十条第（一）项 |");
  REQUIRE(texts(article) == Strings{"第二十条"});
  CHECK(article[0].kind == "ordinal");
  CHECK(article[0].value == 20);
  CHECK(kinds(near(norm, "| 1. 属于国家秘密 |")) == Strings{"ordinal"});
  CHECK(kinds(near(norm, "| 5. 属于三类内部事务信息 |")) == Strings{"ordinal"});
  CHECK(kinds(near(norm, "| 6. 属于四类过程性信息 |")) == Strings{"ordinal"});
  CHECK(kinds(near(norm, "第一项加第二项之和")) == Strings{"ordinal", "ordinal"});
  CHECK(kinds(near(norm, "拨打12333咨询养老金调整政策")) == Strings{"code"});
  CHECK(kinds(near(norm, "综合运用图文、视频、音频、H5等技术手段")) == Strings{"code"});
  CHECK(kinds(near(norm, "| 行政许可 | 29 |")) == Strings{"plain"});
  ProseNumber parts = near(norm, "其他需要报告的事项六部分").at(0);
  CHECK(parts.value == 6);
  CHECK(parts.chinese);
}

TEST_CASE("number finder: seed 004: review and litigation cases, money, approximations") {
  std::string norm = normSeed(4);
  auto cases = near(norm, "全年共发行政复议22件、行政诉讼案件15件");
  REQUIRE(texts(cases) == Strings{"22件", "15件"});
  ProseNumber total = near(norm, "行政复议与行政诉讼案件总数达到37件").at(0);
  CHECK(total.value == sumOf(cases, "count", "件"));
  CHECK(near(norm, "出庭率为100%").at(0).kind == "percent");
  // "没有一件…败诉" is none, not one.
  CHECK(near(norm, "没有一件行政诉讼案件败诉").empty());

  auto money = near(norm, "行政处罚12件,罚没金额14.53万元;申请法院强制执行107件");
  REQUIRE(texts(money) == Strings{"12件", "14.53万元", "107件"});
  CHECK(money[1].kind == "money");
  CHECK(money[1].unit == "元");
  CHECK(money[1].value == 145300);
  ProseNumber wage = near(norm, "涉及欠薪金额9235万元").at(0);
  CHECK(wage.value == 92350000);
  CHECK(wage.text == "9235万元");
  auto threshold = near(norm, "对行政处罚金额3万元以上和行政处理100万元以上的案件");
  CHECK(kinds(threshold) == Strings{"money", "money"});

  auto hr = near(norm, "招聘录用2批共50余名企业HR兼职调解员");
  REQUIRE(texts(hr) == Strings{"2批", "50余名"});
  CHECK(hr[1].approximate);
  CHECK(hr[1].value == 50);
  ProseNumber employers = near(norm, "我区用工主体多达近10万家").at(0);
  CHECK(employers.value == 100000);
  CHECK(employers.approximate);  // 近
  ProseNumber oath = near(norm, "在就职十五天内进行").at(0);
  CHECK(oath.kind == "duration");
  CHECK(oath.value == 15);
  CHECK(near(norm, "位列全市第一").at(0).kind == "ordinal");
  CHECK(near(norm, "每年主动邀请第三方审计机构").empty());
  CHECK(near(norm, "严格行政处罚罚款与收支两条线制度").empty());
  CHECK(near(norm, "继续组织开展好“一月一提醒、一季一督查”").empty());
  CHECK(near(norm, "执法“三项制度”35项内容").at(0).text == "35项");
  CHECK(kinds(near(norm, "3.努力提高执法水平。")) == Strings{"ordinal"});
}

TEST_CASE("number finder: all seeds: spans, kinds and order") {
  const std::set<std::string_view> known{kNumCount,   kNumPercent, kNumMoney, kNumDuration,
                                         kNumMeasure, kNumYear,    kNumDate,  kNumRatio,
                                         kNumOrdinal, kNumPlain,   kNumCode};
  for (int n = 0; n < 5; ++n) {
    CAPTURE(kSeeds[n]);
    std::string norm = normSeed(n);
    auto v = findNumbers(norm);
    CHECK(v.size() > 20);
    size_t last_end = 0;
    for (const ProseNumber& p : v) {
      CAPTURE(p.text);
      CHECK(p.begin >= last_end);
      CHECK(p.begin < p.end);
      CHECK(p.end <= norm.size());
      CHECK(norm.substr(p.begin, p.end - p.begin) == p.text);
      CHECK(known.count(p.kind) == 1);
      if (p.kind == kNumCount) CHECK_FALSE(p.unit.empty());
      last_end = p.end;
    }
    // Nothing between 〔 and 〕 is a quantity.
    for (size_t open = norm.find("〔"); open != std::string::npos; open = norm.find("〔", open + 1)) {
      for (const ProseNumber& p : inRange(v, open, norm.find("〕", open) - open)) CHECK(p.kind == "code");
    }
  }
}

TEST_CASE("number finder: digits: separators, decimals, ranges") {
  ProseNumber p = one("1,234件");
  CHECK(p.value == 1234);
  CHECK(p.text == "1,234件");
  CHECK(p.kind == "count");
  CHECK(one("1,234,567.5元").value == 1234567.5);
  auto two = find("12,13件");
  REQUIRE(texts(two) == Strings{"12", "13件"});
  CHECK(two[0].kind == "plain");
  CHECK(texts(find("2022年,全局")) == Strings{"2022年"});

  CHECK(one("0.3%").value == doctest::Approx(0.3));
  for (std::string_view r : {"3-5件", "3至5件", "3～5件", "3~5件", "3—5件"}) {
    CAPTURE(r);
    ProseNumber q = one(r);
    CHECK(q.value == 3);
    CHECK(q.range_to == 5);
    CHECK(q.unit == "件");
    CHECK(q.kind == "count");
  }
  CHECK(one("三至五件").range_to == 5);
  CHECK(one("3%-5%").range_to == 5);
  ProseNumber years = one("2021年至2025年");
  CHECK(years.kind == "year");
  CHECK(years.range_to == 2025);
  auto down = find("5-3件");  // not ascending: no range
  REQUIRE(texts(down) == Strings{"5", "3件"});
  CHECK_FALSE(down[0].range_to);
  CHECK(one("1-6月").kind == "date");
}

TEST_CASE("number finder: units, multipliers and approximations") {
  CHECK(one("100多件").approximate);
  CHECK(one("约100件").approximate);
  CHECK(one("100件左右").text == "100件左右");
  CHECK_FALSE(one("最近3年").approximate);
  ProseNumber p = one("5470.7万人次");
  CHECK(p.value == 54707000);
  CHECK(p.unit == "人次");
  CHECK(p.text == "5470.7万人次");
  CHECK(one("5万余人").value == 50000);
  CHECK(one("5万余人").approximate);
  CHECK(one("1.2亿元").value == 120000000);
  CHECK(one("1.2亿元").unit == "元");
  CHECK(one("5千米").unit == "千米");  // a unit beats the multiplier 千
  CHECK(one("上升2.5个百分点").kind == "percent");
  CHECK(one("60周岁以上").kind == "duration");
  CHECK(one("得95分").kind == "measure");
  CHECK(one("十二万人次").value == 120000);
  CHECK(one("一亿二千万元").value == 120000000);
  CHECK(one("百分之九十五").value == 95);
  CHECK(one("百分之九十五").unit == "%");
  CHECK(one("百分百网上公开").value == 100);
  CHECK(find("三分之一的案件").empty());
}

TEST_CASE("number finder: Chinese numerals need a unit and no fixed term") {
  ProseNumber p = one("三百九十六件");
  CHECK(p.value == 396);
  CHECK(p.chinese);
  CHECK(one("两件").value == 2);
  CHECK(one("一万二千人").value == 12000);
  CHECK(one("三个方面").value == 3);
  CHECK(one("提高两个百分点").kind == "percent");
  CHECK(one("每周两次").value == 2);
  ProseNumber y = one("二〇二二年");
  CHECK(y.kind == "year");
  CHECK(y.value == 2022);
  CHECK(kinds(find("二〇二三年二月二十四日")) == Strings{"year", "date", "date"});
  for (std::string_view words :
       {"一是加强领导", "二是统一", "一些",       "一致好评",       "一起",       "唯一",
        "统一",         "一网通办", "一件事",     "三项制度",       "四个意识",   "增强“四个意识”",
        "双随机",       "一把手",   "第一责任人", "两个维护",       "一次性补贴", "十四五规划",
        "八五普法",     "数十家",   "几十人",     "千方百计",       "上万人次",   "零件",
        "一月一提醒",   "(一)",     "三、",       "十九届六中全会", "每周一学"}) {
    CAPTURE(words);
    CHECK(find(words).empty());
  }
}

TEST_CASE("number finder: ordinals, dates and codes") {
  CHECK(one("第3").kind == "ordinal");
  ProseNumber art = one("第二十条");
  CHECK(art.kind == "ordinal");
  CHECK(art.value == 20);
  CHECK(art.unit == "条");
  CHECK(find("第(一)项").empty());
  CHECK(kinds(find("(1)属于")) == Strings{"ordinal"});

  CHECK(kinds(find("1月1日")) == Strings{"date", "date"});
  CHECK(kinds(find("12月31日")) == Strings{"date", "date"});
  CHECK(kinds(find("9月1号")) == Strings{"date", "date"});
  CHECK(one("15日内办结").kind == "duration");
  CHECK(one("2022/1/30").value == 20220130);
  CHECK(one("2022.01.30").kind == "date");
  ProseNumber t = one("9:30召开");
  CHECK(t.kind == "date");
  CHECK(t.value == doctest::Approx(9.5));

  CHECK(kinds(find("国办发〔2019〕10号")) == Strings{"code", "code"});
  CHECK(kinds(find("沪府办发(2023)5号")) == Strings{"code", "code"});
  CHECK(kinds(find("电话：021-12345678，邮编：200120，手机13812345678")) == Strings{"code", "code", "code"});
  CHECK(one("12345市民服务热线").kind == "code");
  CHECK(one("5G网络").kind == "code");
  CHECK(one("1.2.3版").kind == "code");
}

TEST_CASE("number finder: sentences and clauses") {
  std::string s = normalizeText("共受理396件。其中：予以公开215件；不予公开1件！他说“好。”然后？");
  auto v = sentences(s);
  Strings parts;
  for (TextRange r : v) parts.push_back(s.substr(r.begin, r.end - r.begin));
  CHECK(parts == Strings{"共受理396件。", "其中:予以公开215件;", "不予公开1件!", "他说\"好。\"", "然后?"});
  CHECK(sentences("没有句号") == std::vector<TextRange>{{0, std::string("没有句号").size()}});
  CHECK(sentences("").empty());
  // Full-width terminators count too, for text that skipped normalization.
  CHECK(sentences("甲；乙。").size() == 2);

  std::string c = normalizeText("共收到1,234件，其中：主办14件；比例为1.54:1。");
  auto clause = [&](std::string_view needle) {
    TextRange r = clauseAround(c, c.find(needle));
    return c.substr(r.begin, r.end - r.begin);
  };
  CHECK(clause("1,234") == "共收到1,234件");
  CHECK(clause("14件") == "主办14件");
  CHECK(clause("1.54") == "比例为1.54:1");
  CHECK(clause("其中") == "其中");
  TextRange end = clauseAround(c, c.size() + 10);
  CHECK(end.begin == c.size());
  CHECK(end.end == c.size());
}
