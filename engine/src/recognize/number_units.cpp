// The tables of the number finder: units, multipliers, fixed terms, code cues.
// One place to extend when a report uses a unit or a slogan we do not know.
#include <array>

#include "recognize/number_finder.h"

namespace nianbao::detail {
namespace {

using enum UnitClass;

// Compound units (万元, 万人次, 亿次, 万件 …) are not listed: the finder reads a
// multiplier, then a unit, and keeps the base unit. Longest match wins, so
// 个工作日 beats 个 and 千米 beats the multiplier 千.
constexpr std::array kUnits{
    // Counting units.
    UnitInfo{"件", kCount},
    UnitInfo{"件次", kCount},
    UnitInfo{"人", kCount},
    UnitInfo{"人次", kCount},
    UnitInfo{"名", kCount},
    UnitInfo{"位", kCount},
    UnitInfo{"场", kCount},
    UnitInfo{"场次", kCount},
    UnitInfo{"次", kCount},
    UnitInfo{"期", kCount},
    UnitInfo{"个", kCount},
    UnitInfo{"个次", kCount},
    UnitInfo{"家", kCount},
    UnitInfo{"条", kCount},
    UnitInfo{"条次", kCount},
    UnitInfo{"份", kCount},
    UnitInfo{"篇", kCount},
    UnitInfo{"项", kCount},
    UnitInfo{"项次", kCount},
    UnitInfo{"起", kCount},
    UnitInfo{"批", kCount},
    UnitInfo{"批次", kCount},
    UnitInfo{"张", kCount},
    UnitInfo{"本", kCount},
    UnitInfo{"册", kCount},
    UnitInfo{"部", kCount},
    UnitInfo{"部分", kCount},
    UnitInfo{"方面", kCount},
    UnitInfo{"所", kCount},
    UnitInfo{"户", kCount},
    UnitInfo{"户次", kCount},
    UnitInfo{"宗", kCount},
    UnitInfo{"例", kCount},
    UnitInfo{"类", kCount},
    UnitInfo{"种", kCount},
    UnitInfo{"台", kCount},
    UnitInfo{"套", kCount},
    UnitInfo{"支", kCount},
    UnitInfo{"座", kCount},
    UnitInfo{"副", kCount},
    UnitInfo{"封", kCount},
    UnitInfo{"笔", kCount},
    UnitInfo{"辆", kCount},
    UnitInfo{"栋", kCount},
    UnitInfo{"课时", kCount},
    UnitInfo{"学时", kCount},
    // Shares.
    UnitInfo{"%", kPercent},
    UnitInfo{"‰", kPercent},
    UnitInfo{"个百分点", kPercent},
    UnitInfo{"百分点", kPercent},
    // Money.
    UnitInfo{"元", kMoney},
    UnitInfo{"美元", kMoney},
    // Time spans and ages.
    UnitInfo{"天", kDuration},
    UnitInfo{"个工作日", kDuration},
    UnitInfo{"工作日", kDuration},
    UnitInfo{"小时", kDuration},
    UnitInfo{"分钟", kDuration},
    UnitInfo{"个月", kDuration},
    UnitInfo{"周", kDuration},
    UnitInfo{"周岁", kDuration},
    UnitInfo{"岁", kDuration},
    // Measures and scores.
    UnitInfo{"平方米", kMeasure},
    UnitInfo{"平方公里", kMeasure},
    UnitInfo{"立方米", kMeasure},
    UnitInfo{"公里", kMeasure},
    UnitInfo{"千米", kMeasure},
    UnitInfo{"米", kMeasure},
    UnitInfo{"公顷", kMeasure},
    UnitInfo{"亩", kMeasure},
    UnitInfo{"吨", kMeasure},
    UnitInfo{"公斤", kMeasure},
    UnitInfo{"千克", kMeasure},
    UnitInfo{"分", kMeasure},
    UnitInfo{"倍", kMeasure},
    // Calendar.
    UnitInfo{"年", kYear},
    UnitInfo{"年度", kYear},
    UnitInfo{"月", kMonth},
    UnitInfo{"月份", kMonth},
    UnitInfo{"日", kDay},
    // Multipliers.
    UnitInfo{"千", kMultiplier, 1e3},
    UnitInfo{"万", kMultiplier, 1e4},
    UnitInfo{"百万", kMultiplier, 1e6},
    UnitInfo{"千万", kMultiplier, 1e7},
    UnitInfo{"亿", kMultiplier, 1e8},
    UnitInfo{"万亿", kMultiplier, 1e12},
};

// Numerals in these are names, not quantities (normalized text). Quoted slogans
// ("五个一次性补贴") are skipped anyway; these also appear unquoted. 一批 and
// 一支 mostly mean "a batch of", "a team of".
constexpr std::string_view kFixedTerms[] = {
    "一件事",     "一网通办",   "一网统管",     "一网协同",   "一张网",       "一张图",   "一条龙",
    "一把手",     "一起",       "一次性",       "二次",       "一人多岗",     "一岗双责", "一门式",
    "一站式",     "一窗式",     "一体化",       "三项制度",   "六项制度",     "八项规定", "四个意识",
    "四个自信",   "四个全面",   "两个维护",     "两个确立",   "两个一百年",   "三个代表", "三个务必",
    "四个责任制", "五位一体",   "跑一次",       "第一责任人", "第一时间",     "第三方",   "第一书记",
    "第一议题",   "第一生产力", "三类内部事务", "四类过程性", "两个免于提交", "一方面",   "最后一公里",
    "两条线",     "一批",       "一支",
};

// Cues just before a number (a ":" between is fine) that make it an identifier.
constexpr std::string_view kCodeCues[] = {
    "电话", "热线", "拨打", "邮编", "邮政编码", "传真", "索引号", "编号", "文号",
    "号码", "手机", "代码", "信箱", "邮箱",     "网址", "座机",   "账号", "身份证",
};

// A Chinese numeral right after one of these is part of a word: 统一, 唯一,
// 同一人, 逐一, 单一, 每一, 另一, 其一, 之一, 不一, 数十家, 几十.
constexpr std::u32string_view kCnWordBefore = U"统唯同逐单专划归合每某另任数几其之不";

// Before a lone 一 these negate it: 没有一件 is none.
constexpr std::string_view kNegations[] = {"没有", "无", "未"};

const UnitInfo* longest(std::string_view s, size_t pos, bool multipliers) {
  const UnitInfo* best = nullptr;
  for (const UnitInfo& u : kUnits) {
    if ((u.cls == kMultiplier) != multipliers) continue;
    if (s.compare(pos, u.text.size(), u.text) != 0) continue;
    if (!best || u.text.size() > best->text.size()) best = &u;
  }
  return best;
}

}  // namespace

std::span<const UnitInfo> unitTable() { return kUnits; }
const UnitInfo* unitAt(std::string_view norm, size_t pos) {
  return pos < norm.size() ? longest(norm, pos, false) : nullptr;
}
const UnitInfo* multiplierAt(std::string_view norm, size_t pos) {
  return pos < norm.size() ? longest(norm, pos, true) : nullptr;
}
std::span<const std::string_view> fixedNumberTerms() { return kFixedTerms; }
std::span<const std::string_view> codeCueWords() { return kCodeCues; }
std::span<const std::string_view> negationWords() { return kNegations; }
bool cnNumeralWordBefore(char32_t c) { return c != 0 && kCnWordBefore.find(c) != std::u32string_view::npos; }

}  // namespace nianbao::detail
