// Numbers in normalized report prose; see number_finder.h. One left-to-right
// scan: at each position try, in order, an ASCII word (codes like
// SY0024578210202200007), a fixed term to skip, 第N, 百分之N, Arabic digits,
// a Chinese numeral. Plain code, no regular expressions.
#include "recognize/number_finder.h"
#include "recognize/recognize.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "nianbao/text.h"

namespace nianbao::detail {
namespace {

constexpr std::string_view kDi = "第";
constexpr size_t kCjk = 3;  // bytes of a BMP CJK character in UTF-8

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }
bool digitAt(std::string_view s, size_t i) { return i < s.size() && isDigit(s[i]); }

bool startsWith(std::string_view s, size_t i, std::string_view p) {
  return i <= s.size() && s.substr(i).starts_with(p);
}

char32_t charAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return decodeUtf8(s, i);
}

double cnMultiplier(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

bool isCnNumeral(char32_t c) { return cnDigitValue(c) >= 0 || cnMultiplier(c) > 0; }

bool isWhole(double v) { return std::floor(v) == v; }

// A numeral before its unit: Arabic ("1,234.5") or Chinese ("三百九十六").
struct Numeral {
  double value = 0;
  size_t begin = 0;
  size_t end = 0;
  bool chinese = false;
  bool digitwise = false;  // Chinese digit by digit: 二〇二二
  bool decimal = false;
  bool grouped = false;   // thousands separators
  size_t int_digits = 0;  // Arabic digits before the point
  std::string digits;     // Arabic, without separators: "1234.5"
};

// value * scale, rounded once from the decimal text: 5470.7万 is exactly 54707000.
double scaled(const Numeral& n, double scale) {
  if (scale == 1 || n.digits.empty()) return n.value * scale;
  int exp = static_cast<int>(std::lround(std::log10(scale)));
  return std::strtod((n.digits + "e" + std::to_string(exp)).c_str(), nullptr);
}

std::optional<Numeral> arabicAt(std::string_view s, size_t i) {
  if (!digitAt(s, i)) return std::nullopt;
  Numeral n;
  n.begin = i;
  size_t j = i;
  while (digitAt(s, j)) ++j;
  std::string digits(s.substr(i, j - i));
  // "1,234件" is one number; "12,13件" is two: a group is exactly 3 digits.
  if (j - i <= 3 && s[i] != '0') {
    while (j + 3 < s.size() && s[j] == ',' && digitAt(s, j + 1) && digitAt(s, j + 2) && digitAt(s, j + 3) &&
           !digitAt(s, j + 4)) {
      digits.append(s.substr(j + 1, 3));
      j += 4;
      n.grouped = true;
    }
  }
  n.int_digits = digits.size();
  if (j + 1 < s.size() && s[j] == '.' && digitAt(s, j + 1)) {
    size_t k = j + 1;
    while (digitAt(s, k)) ++k;
    digits += '.';
    digits.append(s.substr(j + 1, k - j - 1));
    j = k;
    n.decimal = true;
  }
  n.value = std::strtod(digits.c_str(), nullptr);
  n.digits = std::move(digits);
  n.end = j;
  return n;
}

size_t cnRunEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t k = i;
    if (!isCnNumeral(decodeUtf8(s, k))) break;
    i = k;
  }
  return i;
}

// A Chinese numeral at s[i] that reads as a quantity: it has a digit other than
// zero or starts with 十 (千方百计, 上万, 零件 are words).
std::optional<Numeral> cnAt(std::string_view s, size_t i) {
  size_t e = cnRunEnd(s, i);
  if (e == i) return std::nullopt;
  std::string_view run = s.substr(i, e - i);
  bool real_digit = run.starts_with("十");
  bool positional = false;
  for (size_t k = 0; k < run.size();) {
    char32_t c = decodeUtf8(run, k);
    real_digit = real_digit || cnDigitValue(c) > 0;
    positional = positional || cnMultiplier(c) > 0;
  }
  if (!real_digit) return std::nullopt;
  std::optional<double> v = parseChineseNumber(run);
  if (!v) return std::nullopt;
  Numeral n;
  n.value = *v;
  n.begin = i;
  n.end = e;
  n.chinese = true;
  n.digitwise = !positional && codePointCount(run) > 1;
  n.int_digits = codePointCount(run);
  return n;
}

bool isYearLike(const Numeral& n) {
  if (n.decimal || n.grouped || n.value < 1900 || n.value > 2100) return false;
  return n.chinese ? n.digitwise && n.int_digits == 4 : n.int_digits == 4;
}

class Finder {
 public:
  explicit Finder(std::string_view s) : s_(s) {}

  std::vector<ProseNumber> run() {
    size_t i = 0;
    while (i < s_.size()) {
      size_t next = step(i);
      if (next <= i) {
        next = i;
        decodeUtf8(s_, next);
      }
      i = next;
    }
    return std::move(out_);
  }

 private:
  // Reads whatever starts at i; returns the position after it, or i.
  size_t step(size_t i) {
    char c = s_[i];
    if (isAlpha(c)) return asciiWord(i);
    if (isDigit(c)) return arabic(i);
    if (static_cast<unsigned char>(c) < 0x80) return i;
    for (std::string_view t : fixedNumberTerms()) {
      if (startsWith(s_, i, t)) return i + t.size();
    }
    if (startsWith(s_, i, kDi)) {
      if (size_t e = ordinal(i); e != i) return e;
    }
    if (startsWith(s_, i, "百分")) {
      if (size_t e = cnPercent(i); e != i) return e;
    }
    if (isCnNumeral(charAt(s_, i))) return chinese(i);
    return i;
  }

  // An ASCII word; with a digit in it, it is an identifier (SY002…, H5, 5G).
  size_t asciiWord(size_t i) {
    size_t j = i;
    while (j < s_.size() && isAlnum(s_[j])) ++j;
    size_t d = i;
    while (d < j && !isDigit(s_[d])) ++d;
    if (d < j) {
      size_t de = d;
      while (de < j && isDigit(s_[de])) ++de;
      emitCode(i, j, std::strtod(std::string(s_.substr(d, de - d)).c_str(), nullptr), "");
    }
    return j;
  }

  size_t arabic(size_t i) {
    if (size_t e = isoDate(i); e != i) return e;
    if (size_t e = phone(i); e != i) return e;
    Numeral n = *arabicAt(s_, i);
    size_t e = n.end;
    // "1.2.3" is a version or section number, not a decimal.
    if (e + 1 < s_.size() && s_[e] == '.' && isDigit(s_[e + 1])) {
      while (e + 1 < s_.size() && s_[e] == '.' && isDigit(s_[e + 1])) {
        ++e;
        while (digitAt(s_, e)) ++e;
      }
      emitCode(i, e, n.value, "");
      return e;
    }
    if (e < s_.size() && isAlpha(s_[e])) {  // 5G, 3D
      while (e < s_.size() && isAlnum(s_[e])) ++e;
      emitCode(i, e, n.value, "");
      return e;
    }
    char32_t before = codePointBefore(s_, i);
    char32_t after = charAt(s_, e);
    // 文号: the year in 〔2023〕 and the serial in 〕9号.
    bool open = before == U'〔' || before == U'[' || before == U'【';
    bool close = after == U'〕' || after == U']' || after == U'】';
    if (open && close) return emitCode(i, e, n.value, "");
    if (before == '(' && after == ')') {
      auto serial = arabicAt(s_, e + 1);
      if (serial && startsWith(s_, serial->end, "号")) return emitCode(i, e, n.value, "");
    }
    if (startsWith(s_, e, "号") && (before == U'〕' || before == U']' || before == U'】' || before == ')')) {
      return emitCode(i, e + kCjk, n.value, "号");
    }
    if (codeCueBefore(i) || hotlineAfter(e)) return emitCode(i, e, n.value, "");
    // List markers: "1.夯实…", "|2.其他…", "(1)".
    if (!n.decimal && !n.grouped && n.int_digits <= 2) {
      bool marker_end = after == '.' || after == U'、';
      bool marker_start = i == 0 || before == U'。' || before == ';' || before == ':' || before == '!' ||
                          before == '?' || before == '|' || before == ',' || before == '"' || before == '\n';
      bool paren = before == '(' && after == ')';
      if ((marker_end && marker_start) || paren) {
        ProseNumber p = make(n, i, n.end);
        p.kind = kNumOrdinal;
        return emit(std::move(p));
      }
    }
    if (size_t r = ratio(n); r != 0) return r;
    ProseNumber p = build(n, i, false);
    if (p.kind == kNumPlain && !n.decimal && !n.grouped && n.int_digits >= 7 && p.scale == 1) {
      p.kind = kNumCode;  // a phone number or an identifier, not a quantity
    }
    return emit(std::move(p));
  }

  size_t chinese(size_t i) {
    size_t skip = cnRunEnd(s_, i);
    std::optional<Numeral> n = cnAt(s_, i);
    if (!n || cnNumeralWordBefore(codePointBefore(s_, i)) || afterOpeningMark(i)) return skip;
    if (n->end - n->begin == kCjk && n->value == 1) {
      for (std::string_view w : negationWords()) {
        if (s_.substr(0, i).ends_with(w)) return skip;
      }
    }
    ProseNumber p = build(*n, i, false);
    if (p.unit.empty()) return skip;  // 一是, 二要, 十九大, (一)
    if (n->digitwise && p.kind != kNumYear) return skip;
    if (p.kind == kNumDate) {
      // 二月二十四日 only inside a Chinese date; alone 一月一提醒 is a slogan.
      const ProseNumber* prev = out_.empty() ? nullptr : &out_.back();
      bool adjacent = prev && prev->chinese && prev->end == i;
      if (!adjacent || (p.unit.starts_with("月") ? prev->kind != kNumYear : prev->kind != kNumDate)) {
        return skip;
      }
    }
    return emit(std::move(p));
  }

  // 第3, 第二十条, 第十二次: ordinals carry the unit they number.
  size_t ordinal(size_t i) {
    size_t j = i + kDi.size();
    std::optional<Numeral> n = digitAt(s_, j) ? arabicAt(s_, j) : cnAt(s_, j);
    if (!n) return i;
    ProseNumber p = build(*n, i, true);
    return emit(std::move(p));
  }

  // 百分之九十五, 百分之5, 百分百, 百分之百.
  size_t cnPercent(size_t i) {
    size_t j = i + std::string_view("百分").size();
    std::optional<Numeral> n;
    size_t end = 0;
    if (startsWith(s_, j, "百")) {
      end = j + kCjk;
    } else if (startsWith(s_, j, "之百")) {
      end = j + 2 * kCjk;
    } else if (startsWith(s_, j, "之")) {
      j += kCjk;
      n = digitAt(s_, j) ? arabicAt(s_, j) : cnAt(s_, j);
      if (!n) return i;
      end = n->end;
    } else {
      return i;
    }
    ProseNumber p;
    p.value = n ? n->value : 100;
    p.integer = isWhole(p.value);
    p.unit = "%";
    p.kind = kNumPercent;
    p.chinese = !n || n->chinese;
    p.begin = i;
    p.end = end;
    p.text = std::string(s_.substr(i, end - i));
    return emit(std::move(p));
  }

  // 2022-01-30, 2022/1/30, 2022.01.30 -> value 20220130.
  size_t isoDate(size_t i) {
    size_t j = i;
    while (digitAt(s_, j)) ++j;
    if (j - i != 4 || j >= s_.size()) return i;
    char sep = s_[j];
    if (sep != '-' && sep != '/' && sep != '.') return i;
    auto part = [&](size_t& k, int max) {
      size_t b = k;
      int v = 0;
      while (digitAt(s_, k) && k - b < 3) v = v * 10 + (s_[k++] - '0');
      return (k - b >= 1 && k - b <= 2 && v >= 1 && v <= max) ? v : 0;
    };
    size_t k = j + 1;
    int month = part(k, 12);
    if (month == 0 || k >= s_.size() || s_[k] != sep) return i;
    ++k;
    int day = part(k, 31);
    if (day == 0 || digitAt(s_, k)) return i;
    int year = std::atoi(std::string(s_.substr(i, 4)).c_str());
    if (year < 1900 || year > 2100) return i;
    ProseNumber p;
    p.value = year * 10000.0 + month * 100 + day;
    p.kind = kNumDate;
    p.begin = i;
    p.end = k;
    p.text = std::string(s_.substr(i, k - i));
    return emit(std::move(p));
  }

  // 021-12345678, 0571-87654321(-801).
  size_t phone(size_t i) {
    if (s_[i] != '0') return i;
    size_t j = i;
    while (digitAt(s_, j)) ++j;
    if (j - i < 3 || j - i > 4 || j >= s_.size() || s_[j] != '-') return i;
    size_t k = j + 1;
    while (digitAt(s_, k)) ++k;
    if (k - j - 1 < 7 || k - j - 1 > 8) return i;
    if (k + 1 < s_.size() && s_[k] == '-' && isDigit(s_[k + 1])) {
      ++k;
      while (digitAt(s_, k)) ++k;
    }
    return emitCode(i, k, 0, "");
  }

  // "1.54:1", "1.3比1": one number, left/right. "9:30" is a time of day.
  size_t ratio(const Numeral& n) {
    size_t k = n.end;
    bool colon = k < s_.size() && s_[k] == ':';
    if (!colon && !startsWith(s_, k, "比")) return 0;
    std::optional<Numeral> b = arabicAt(s_, k + (colon ? 1 : kCjk));
    if (!b) return 0;
    if (b->end < s_.size() && (s_[b->end] == ':' || isAlpha(s_[b->end]))) return 0;
    ProseNumber p;
    p.begin = n.begin;
    p.end = b->end;
    p.text = std::string(s_.substr(p.begin, p.end - p.begin));
    if (colon && !n.decimal && !b->decimal && b->int_digits == 2 && n.value <= 24 && b->value < 60) {
      p.value = n.value + b->value / 60;
      p.kind = kNumDate;
    } else {
      if (b->value == 0) return 0;
      p.value = n.value / b->value;
      p.kind = kNumRatio;
    }
    p.integer = isWhole(p.value);
    return emit(std::move(p));
  }

  // Range, approximation, multiplier and unit after a numeral.
  ProseNumber build(const Numeral& n, size_t begin, bool is_ordinal) {
    size_t k = n.end;
    std::optional<Numeral> to = rangeAfter(n, k);
    if (to) k = to->end;
    bool approx = !is_ordinal && approxBefore(begin);
    double scale = 1;
    auto take_approx = [&] {
      if (startsWith(s_, k, "余")) {
        approx = true;
        k += kCjk;
      } else if (startsWith(s_, k, "多") &&
                 (unitAt(s_, k + kCjk) || multiplierAt(s_, k + kCjk) || fractionAt(k + kCjk))) {
        approx = true;
        k += kCjk;
      }
    };
    if (!is_ordinal) take_approx();
    if (!n.chinese && !is_ordinal) {
      const UnitInfo* m = multiplierAt(s_, k);
      const UnitInfo* u = unitAt(s_, k);
      if (m && !(u && u->text.size() >= m->text.size())) {
        scale = m->factor;
        k += m->text.size();
        if (!approx) take_approx();
      }
    }
    const UnitInfo* u = fractionAt(k) ? nullptr : unitAt(s_, k);
    if (u) k += u->text.size();
    // "2021年至2025年", "3%-5%": a range with the unit on both sides.
    if (u && !to) {
      if (size_t c = connectorAt(k); c != 0) {
        std::optional<Numeral> b = n.chinese ? cnAt(s_, k + c) : arabicAt(s_, k + c);
        if (b && b->value > n.value && unitAt(s_, b->end) == u) {
          to = b;
          k = b->end + u->text.size();
        }
      }
    }
    if (u && !is_ordinal && startsWith(s_, k, "左右")) {
      approx = true;
      k += 2 * kCjk;
    }
    // 9月1号: a day after a month.
    if (!u && !n.chinese && prevIsMonth(begin) && startsWith(s_, k, "号")) {
      static const UnitInfo kHao{"号", UnitClass::kDay};
      u = &kHao;
      k += kCjk;
    }

    ProseNumber p = make(n, begin, k);
    p.value = scaled(n, scale);
    if (to) p.range_to = scaled(*to, scale);
    p.integer = isWhole(p.value) && (!p.range_to || isWhole(*p.range_to));
    p.scale = scale;
    p.approximate = approx;
    if (u) p.unit = std::string(u->text);
    p.kind = is_ordinal ? kNumOrdinal : u ? kindOf(*u, n, begin, k) : kNumPlain;
    if (!u && to && isYearLike(n) && isYearLike(*to)) p.kind = kNumYear;  // (2019-2021)
    return p;
  }

  std::string_view kindOf(const UnitInfo& u, const Numeral& n, size_t begin, size_t end) const {
    switch (u.cls) {
      case UnitClass::kCount:
        return kNumCount;
      case UnitClass::kPercent:
        return kNumPercent;
      case UnitClass::kMoney:
        return kNumMoney;
      case UnitClass::kDuration:
        return kNumDuration;
      case UnitClass::kMeasure:
        return kNumMeasure;
      case UnitClass::kYear:
        return isYearLike(n) ? kNumYear : kNumDuration;
      case UnitClass::kMonth:
        return !n.decimal && n.value >= 1 && n.value <= 12 ? kNumDate : kNumPlain;
      case UnitClass::kDay:
        if (prevIsMonth(begin)) return kNumDate;
        // "15日内": a span of days, not a date.
        if (startsWith(s_, end, "内") || startsWith(s_, end, "以内") || startsWith(s_, end, "之内")) {
          return kNumDuration;
        }
        return !n.decimal && n.value >= 1 && n.value <= 31 ? kNumDate : kNumDuration;
      case UnitClass::kMultiplier:
        break;
    }
    return kNumPlain;
  }

  ProseNumber make(const Numeral& n, size_t begin, size_t end) const {
    ProseNumber p;
    p.value = n.value;
    p.integer = isWhole(n.value);
    p.begin = begin;
    p.end = end;
    p.text = std::string(s_.substr(begin, end - begin));
    p.chinese = n.chinese;
    p.kind = kNumPlain;
    return p;
  }

  // "3-5", "3至5", "三到五": the upper bound, bigger than the lower.
  std::optional<Numeral> rangeAfter(const Numeral& n, size_t k) const {
    size_t c = connectorAt(k);
    if (c == 0) return std::nullopt;
    std::optional<Numeral> b = n.chinese ? cnAt(s_, k + c) : arabicAt(s_, k + c);
    if (!b || b->value <= n.value) return std::nullopt;
    // "2022-01-30-…" or "3-5A": not a range of quantities.
    if (b->end < s_.size() && (isAlpha(s_[b->end]) || (s_[b->end] == '-' && digitAt(s_, b->end + 1)))) {
      return std::nullopt;
    }
    return b;
  }

  size_t connectorAt(size_t k) const {
    if (k >= s_.size()) return 0;
    if (s_[k] == '-' || s_[k] == '~') return 1;
    if (startsWith(s_, k, "至") || startsWith(s_, k, "到")) return kCjk;
    return 0;
  }

  // 三分之一, 3分之1: a fraction, not a score in 分.
  bool fractionAt(size_t k) const { return startsWith(s_, k, "分之"); }

  // 约100件, 近10万家, 逾千人 (but 最近3年, 附近).
  bool approxBefore(size_t begin) const {
    char32_t c = codePointBefore(s_, begin);
    if (c == U'约' || c == U'逾') return true;
    if (c != U'近') return false;
    char32_t c2 = codePointBefore(s_, prevCodePointStart(s_, begin));
    return c2 != U'最' && c2 != U'附';
  }

  bool prevIsMonth(size_t begin) const {
    if (out_.empty()) return false;
    const ProseNumber& p = out_.back();
    return p.end == begin && p.kind == kNumDate && p.unit.starts_with("月");
  }

  // After an opening quote, 《 or 【: the start of a name ("五个一次性补贴").
  bool afterOpeningMark(size_t i) const {
    char32_t c = codePointBefore(s_, i);
    if (c == U'《' || c == U'「' || c == U'『' || c == U'【') return true;
    if (c != '"') return false;
    // Quotes are folded to one form: an odd count since the sentence began means
    // this one opens.
    int quotes = 0;
    size_t lo = i > 2000 ? i - 2000 : 0;
    for (size_t k = i; k > lo; --k) {
      char b = s_[k - 1];
      if (b == '"') ++quotes;
      if (b == ';' || b == '!' || b == '?' || b == '\n') break;
      if (k >= 3 && s_.compare(k - 3, 3, "。") == 0) break;
    }
    return quotes % 2 == 1;
  }

  // 电话:021…, 拨打12333, 索引号|…
  bool codeCueBefore(size_t i) const {
    std::string_view head = s_.substr(0, i);
    for (std::string_view sep : {":", "|", "为", "是"}) {
      if (head.ends_with(sep)) {
        head.remove_suffix(sep.size());
        break;
      }
    }
    for (std::string_view cue : codeCueWords()) {
      if (head.ends_with(cue)) return true;
    }
    return false;
  }

  // 12345市民服务热线: a hotline named right after its number.
  bool hotlineAfter(size_t e) const {
    size_t k = e;
    for (int n = 0; n < 6 && k < s_.size(); ++n) {
      if (startsWith(s_, k, "热线")) return true;
      size_t next = k;
      if (!isCjk(decodeUtf8(s_, next))) return false;
      k = next;
    }
    return false;
  }

  size_t emitCode(size_t b, size_t e, double value, std::string_view unit) {
    ProseNumber p;
    p.value = value;
    p.integer = isWhole(value);
    p.begin = b;
    p.end = e;
    p.text = std::string(s_.substr(b, e - b));
    p.unit = std::string(unit);
    p.kind = kNumCode;
    return emit(std::move(p));
  }

  size_t emit(ProseNumber p) {
    size_t e = p.end;
    out_.push_back(std::move(p));
    return e;
  }

  std::string_view s_;
  std::vector<ProseNumber> out_;
};

bool isTerminator(char32_t c) {
  return c == U'。' || c == '!' || c == '?' || c == ';' || c == U'！' || c == U'？' || c == U'；';
}

bool isCloser(char32_t c) {
  return c == ')' || c == U'）' || c == U'》' || c == U'」' || c == U'』' || c == U'】' || c == U'”' ||
         c == U'’';
}

bool isClauseBound(std::string_view s, size_t at, char32_t c) {
  if (c == ',' || c == ':') {
    // 1,234 and 1.54:1 stay whole.
    return !(at > 0 && isDigit(s[at - 1]) && digitAt(s, at + 1));
  }
  return c == ';' || c == '!' || c == '?' || c == '|' || c == '\n' || c == U'。' || c == U'，' ||
         c == U'；' || c == U'：' || c == U'！' || c == U'？';
}

}  // namespace

std::optional<double> parseChineseNumber(std::string_view s) {
  std::u32string cs;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    if (!isCnNumeral(c)) return std::nullopt;
    cs += c;
  }
  if (cs.empty()) return std::nullopt;
  bool positional = false;
  for (char32_t c : cs) positional = positional || cnMultiplier(c) > 0;
  if (!positional) {
    if (cs.size() == 1) return cnDigitValue(cs[0]);
    double v = 0;  // 二〇二二
    for (char32_t c : cs) {
      if (c == U'两') return std::nullopt;
      v = v * 10 + cnDigitValue(c);
    }
    return v;
  }
  double yi = 0, wan = 0, section = 0;
  int digit = -1;
  double small = 1e5;     // last 十/百/千 of this section: they must descend
  double mul_before = 0;  // multiplier right before the pending digit (三百五)
  double prev_mul = 0;    // multiplier of the previous character
  bool after_zero = false;
  bool saw_wan = false, saw_yi = false;
  for (size_t k = 0; k < cs.size(); ++k) {
    char32_t c = cs[k];
    int d = cnDigitValue(c);
    if (d == 0) {
      if (digit >= 0 || k == 0) return std::nullopt;
      after_zero = true;
      prev_mul = 0;
      continue;
    }
    if (d > 0) {
      if (digit >= 0) return std::nullopt;
      digit = d;
      mul_before = after_zero ? 0 : prev_mul;
      prev_mul = 0;
      continue;
    }
    double m = cnMultiplier(c);
    if (m < 1e4) {
      if (digit < 0) {
        // 十二, 一百一十, 一千零十: a bare 十 means 一十.
        bool bare_ok = m == 10 && (k == 0 || after_zero || prev_mul >= 1e4);
        if (!bare_ok) return std::nullopt;
        digit = 1;
      }
      if (m >= small) return std::nullopt;
      section += digit * m;
      small = m;
    } else {
      double v = (m == 1e4 ? 0 : wan) + section + std::max(digit, 0);
      if (v == 0) return std::nullopt;
      if (m == 1e4) {
        if (saw_wan) return std::nullopt;
        wan = v * 1e4;
        saw_wan = true;
      } else {
        if (saw_yi) return std::nullopt;
        yi = v * 1e8;
        wan = 0;
        saw_yi = true;
        saw_wan = false;
      }
      section = 0;
      small = 1e5;
    }
    digit = -1;
    after_zero = false;
    prev_mul = m;
  }
  double last = std::max(digit, 0);
  // 三百五 = 350, 一万二 = 12000: a final digit right after 百/千/万/亿.
  if (digit > 0 && mul_before >= 100) last = digit * mul_before / 10;
  return yi + wan + section + last;
}

std::vector<ProseNumber> findNumbers(std::string_view norm) { return Finder(norm).run(); }

std::vector<TextRange> sentences(std::string_view s) {
  std::vector<TextRange> out;
  size_t start = 0;
  int quotes = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    if (c == '"') ++quotes;
    if (!isTerminator(c)) continue;
    // Further terminators, closing brackets and a closing quote stay with it.
    size_t j = i;
    while (j < s.size()) {
      size_t k = j;
      char32_t d = decodeUtf8(s, k);
      if (d == '"' ? quotes % 2 == 0 : !isTerminator(d) && !isCloser(d)) break;
      if (d == '"') ++quotes;
      j = k;
    }
    if (j > start) out.push_back({start, j});
    start = j;
    quotes = 0;
    i = j;
  }
  if (start < s.size()) out.push_back({start, s.size()});
  return out;
}

TextRange clauseAround(std::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  size_t b = pos;
  while (b > 0) {
    size_t k = prevCodePointStart(s, b);
    if (isClauseBound(s, k, charAt(s, k))) break;
    b = k;
  }
  size_t e = pos;
  while (e < s.size()) {
    size_t k = e;
    char32_t c = decodeUtf8(s, k);
    if (isClauseBound(s, e, c)) break;
    e = k;
  }
  return {b, e};
}

}  // namespace nianbao::detail
