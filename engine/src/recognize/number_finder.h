// Internal: numbers in report prose, for rules that check that figures add up
// ("受理396件……予以公开215件,占54.3%").
//
// Works on NORMALIZED text (see nianbao/text.h): half-width digits and
// punctuation, no whitespace between CJK characters, dashes folded to "-".
//
//   auto nums = findNumbers("共办结48件,其中主办14件,会办34件");
//   // nums[0]: value 48, unit "件", kind "count", text "48件"
//   TextRange c = clauseAround(norm, nums[1].begin);   // "其中主办14件"
//
// Values are in base units: "5470.7万人次" is 54,707,000 人次 (scale 1e4) and
// "14.53万元" is 145,300 元. Chinese numerals count only before a counting
// unit, so 一是/统一/"四个意识" are not numbers while 两件 and 三百九十六件 are.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::detail {

// Values of ProseNumber::kind.
inline constexpr std::string_view kNumCount = "count";        // 件, 人次, 场 … (a counting unit)
inline constexpr std::string_view kNumPercent = "percent";    // %, ‰, 个百分点
inline constexpr std::string_view kNumMoney = "money";        // 元 (万元/亿元 scaled to 元)
inline constexpr std::string_view kNumDuration = "duration";  // 天, 小时, 个工作日, 个月, 3年, 岁
inline constexpr std::string_view kNumMeasure = "measure";    // 平方米, 公里, 吨, 分 (score), 倍
inline constexpr std::string_view kNumYear = "year";          // 2022年, 二〇二二年, (2021-2025)
inline constexpr std::string_view kNumDate = "date";          // 1月, 31日, 2022-01-30, 9:30
inline constexpr std::string_view kNumRatio = "ratio";        // 1.3比1, 1.54:1 (value = left/right)
inline constexpr std::string_view kNumOrdinal = "ordinal";    // 第3, 第二十条, list markers "1." "(1)"
inline constexpr std::string_view kNumPlain = "plain";        // no unit (table cells, 1+4)
inline constexpr std::string_view kNumCode = "code";          // 文号, phone, postal code, index number

struct ProseNumber {
  double value = 0;     // in base units: scale applied, percent as 54.3 for 54.3%
  bool integer = true;  // value is a whole number
  std::string unit;     // base unit after the number ("件", "人次", "元", "%"); "" if none
  std::string text;     // the normalized text [begin, end), e.g. "400余场", "5470.7万人次"
  size_t begin = 0;     // byte offsets into the normalized string given to findNumbers
  size_t end = 0;
  bool chinese = false;            // written in Chinese numerals (两件, 三百九十六件)
  std::optional<double> range_to;  // "3-5件", "3至5件", "2021-2025年": upper bound (scaled)
  std::string kind;                // one of the kNum* values above
  bool approximate = false;        // 400余场, 100多件, 约/近/逾 before, 左右 after
  double scale = 1;                // multiplier written in the text: 1e4 for 万, 1e8 for 亿
};

// All numbers in `norm`, in text order, not overlapping.
std::vector<ProseNumber> findNumbers(std::string_view norm);
// A whole Chinese numeral: "三百九十六" -> 396, "十二" -> 12, "一万二千" -> 12000,
// "两" -> 2, "二〇二二" -> 2022 (digit by digit), "一百零五" -> 105, "三百五" -> 350.
// nullopt when any character is not part of a numeral.
std::optional<double> parseChineseNumber(std::string_view s);

struct TextRange {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

// Sentences of normalized text: each ends after 。!?; (or their full-width
// forms, for text that skipped normalization) plus any closing quotes or
// brackets; empty sentences are left out.
std::vector<TextRange> sentences(std::string_view norm);
// The clause containing byte `pos`: bounded by , ; 。 : ! ? | and line breaks
// (a comma or colon between two digits, as in 1,234 or 1.54:1, is no bound).
// The bounding punctuation is not part of the clause.
TextRange clauseAround(std::string_view norm, size_t pos);

// ---- The tables (number_units.cpp) ----

enum class UnitClass {
  kCount,
  kPercent,
  kMoney,
  kDuration,
  kMeasure,
  kYear,        // 年, 年度: a year after 4 digits, else a duration
  kMonth,       // 月, 月份
  kDay,         // 日
  kMultiplier,  // 万, 亿 …: scale the number, the unit follows
};

struct UnitInfo {
  std::string_view text;
  UnitClass cls;
  double factor = 1;  // multipliers only
};

// Every unit and multiplier the finder knows.
std::span<const UnitInfo> unitTable();
// Longest unit (not multiplier) / multiplier starting at norm[pos]; nullptr if none.
const UnitInfo* unitAt(std::string_view norm, size_t pos);
const UnitInfo* multiplierAt(std::string_view norm, size_t pos);
// Fixed terms whose numerals are not quantities (四个意识, 一件事, 第一责任人 …),
// in normalized form; the finder skips them wherever they occur.
std::span<const std::string_view> fixedNumberTerms();
// Words just before a number that make it a code (电话, 邮编, 索引号 …).
std::span<const std::string_view> codeCueWords();
// A character that, right before a Chinese numeral, makes it part of a word
// (统一, 同一人, 数十家).
bool cnNumeralWordBefore(char32_t c);
// Words that, right before a lone 一, negate it (没有一件 is none).
std::span<const std::string_view> negationWords();

}  // namespace nianbao::detail
