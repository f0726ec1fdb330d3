// DOCX reader: word/document.xml (with styles.xml and numbering.xml) to the
// line conventions of reader.h.
//
// A .docx is a zip of XML parts. The archive comes from strangers, so every
// entry is inflated through a bounded buffer (the sizes in the zip headers are
// the attacker's word) and the walk over the XML refuses absurd nesting rather
// than exhausting the stack.
//
// Word hides what a reader of the printed report sees in two places nianbao
// needs: automatic numbering ("一、" is not in the text, numbering.xml makes it)
// and heading levels (a style, possibly inherited). Both are rebuilt here.
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <pugixml.hpp>

#include "ingest/reader.h"
#include "nianbao/ingest.h"
#include "nianbao/text.h"

namespace nianbao::detail {
namespace {

constexpr uint64_t kMiB = 1024 * 1024;
constexpr uint64_t kMaxEntryBytes = 64 * kMiB;   // one inflated part
constexpr uint64_t kMaxTotalBytes = 128 * kMiB;  // all parts read
constexpr uint64_t kMaxRatio = 200;              // inflated / compressed
constexpr uint64_t kRatioFloor = kMiB;           // small parts may compress well
constexpr int kMaxDepth = 128;                   // XML nesting the walk follows
constexpr int kLevels = 9;                       // Word's list levels 0..8

[[noreturn]] void corrupt(const std::string& path, const std::string& why) {
  throw InputError(path, "DOCX 文件损坏：" + why);
}

std::string zipMessage(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "不是 ZIP 压缩包（文件不完整，或并非 .docx）";
    case ZIP_ER_INCONS:
      return "压缩包结构不一致（文件可能被截断）";
    case ZIP_ER_CRC:
      return "压缩数据校验失败";
    case ZIP_ER_COMPNOTSUPP:
      return "不支持的压缩方式";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return "文件已加密，请先去除密码";
    case ZIP_ER_MEMORY:
      return "内存不足";
    default: {
      zip_error_t e;
      zip_error_init_with_code(&e, code);
      std::string s = std::string("无法读取压缩包（") + zip_error_strerror(&e) + "）";
      zip_error_fini(&e);
      return s;
    }
  }
}

// ---------------------------------------------------------------------------
// The archive, read from memory with every entry bounded.

class Archive {
 public:
  Archive(const std::string& path, const std::string& bytes) : path_(path), file_size_(bytes.size()) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr) {
      zip_error_fini(&err);
      corrupt(path, zipMessage(ZIP_ER_MEMORY));
    }
    // No ZIP_CHECKCONS: some producers write local headers that disagree with the
    // central directory in harmless ways; each entry's CRC is still checked on reading.
    za_ = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (za_ == nullptr) {
      int code = zip_error_code_zip(&err);
      zip_error_fini(&err);
      zip_source_free(src);
      corrupt(path, zipMessage(code));
    }
    zip_error_fini(&err);
  }
  ~Archive() { zip_discard(za_); }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // The inflated entry, or nullopt when the archive has no such name.
  std::optional<std::string> read(const std::string& name) {
    zip_int64_t index = zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
      corrupt(path_, name + " 无法读取");
    // The headers are checked first to refuse cheaply, the bytes themselves below.
    uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? std::min<uint64_t>(st.comp_size, file_size_) : 0;
    if (st.valid & ZIP_STAT_SIZE) checkSize(name, st.size, packed);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(za_, static_cast<zip_uint64_t>(index), 0), zip_fclose);
    if (!file) corrupt(path_, name + "：" + zipMessage(zip_error_code_zip(zip_get_error(za_))));
    std::string out;
    char buf[64 * 1024];
    while (true) {
      zip_int64_t n = zip_fread(file.get(), buf, sizeof buf);
      if (n < 0) corrupt(path_, name + "：" + zipMessage(zip_error_code_zip(zip_file_get_error(file.get()))));
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      checkSize(name, out.size(), packed);
    }
    total_ += out.size();
    return out;
  }

 private:
  void checkSize(const std::string& name, uint64_t size, uint64_t packed) const {
    bool bomb = size > kMaxEntryBytes || total_ + size > kMaxTotalBytes ||
                (size > kRatioFloor && size / std::max<uint64_t>(packed, 1) > kMaxRatio);
    if (bomb) throw InputError(path_, "DOCX 解压后过大（疑似压缩炸弹）：" + name);
  }

  std::string path_;
  uint64_t file_size_;
  uint64_t total_ = 0;
  zip_t* za_ = nullptr;
};

// ---------------------------------------------------------------------------
// XML helpers. Parts name WordprocessingML with whatever prefix they declare
// (always "w" in practice, but nothing requires it).

pugi::xml_document parseXml(const std::string& path, const std::string& name, const std::string& bytes) {
  pugi::xml_document doc;
  // Keep whitespace-only <w:t> </w:t>: it is a real space between runs.
  pugi::xml_parse_result r =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r) corrupt(path, name + " 不是有效的 XML（第 " + std::to_string(r.offset) + " 字节）");
  if (!doc.document_element()) corrupt(path, name + " 内容为空");
  return doc;
}

class Names {
 public:
  explicit Names(pugi::xml_node root) {
    static constexpr std::string_view kMain[] = {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main"};
    prefix_ = "w";
    for (pugi::xml_attribute a : root.attributes()) {
      std::string_view n = a.name();
      if (std::find(std::begin(kMain), std::end(kMain), std::string_view(a.value())) == std::end(kMain))
        continue;
      if (n == "xmlns") prefix_.clear();
      if (n.starts_with("xmlns:")) prefix_ = std::string(n.substr(6));
      break;
    }
  }
  bool is(const char* name, std::string_view local) const {
    std::string_view n(name);
    if (prefix_.empty()) return n == local;
    return n.size() == prefix_.size() + 1 + local.size() && n.starts_with(prefix_) &&
           n[prefix_.size()] == ':' && n.ends_with(local);
  }
  bool is(pugi::xml_node n, std::string_view local) const { return is(n.name(), local); }
  pugi::xml_node child(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_node c : n.children())
      if (is(c, local)) return c;
    return {};
  }
  const char* attr(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_attribute a : n.attributes())
      if (is(a.name(), local)) return a.value();
    return nullptr;
  }
  // <w:x w:val="…"/> of a child, or nullptr.
  const char* val(pugi::xml_node n, std::string_view local) const {
    pugi::xml_node c = child(n, local);
    return c ? attr(c, "val") : nullptr;
  }

 private:
  std::string prefix_;
};

std::optional<int> toInt(const char* s) {
  if (s == nullptr) return std::nullopt;
  char* end = nullptr;
  long v = std::strtol(s, &end, 10);
  if (end == s || v < -1000000 || v > 1000000) return std::nullopt;
  return static_cast<int>(v);
}

// A toggle property (<w:vanish/>, <w:vanish w:val="false"/>).
bool on(const Names& w, pugi::xml_node props, std::string_view local) {
  pugi::xml_node c = w.child(props, local);
  if (!c) return false;
  const char* v = w.attr(c, "val");
  return v == nullptr ||
         !(std::strcmp(v, "0") == 0 || std::strcmp(v, "false") == 0 || std::strcmp(v, "off") == 0);
}

// ---------------------------------------------------------------------------
// Package relationships: where the main document and its styles live. Nearly
// every file says word/document.xml, but the package is allowed to differ.

std::string resolveTarget(const std::string& dir, std::string target) {
  if (target.starts_with('/')) return target.substr(1);
  std::string full = dir + target;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= full.size()) {
    size_t j = full.find('/', i);
    if (j == std::string::npos) j = full.size();
    std::string seg = full.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// Target of the first relationship whose type ends with `type`, or "".
std::string relationship(const std::string& path, Archive& zip, const std::string& rels_name,
                         const std::string& dir, std::string_view type) {
  std::optional<std::string> rels = zip.read(rels_name);
  if (!rels) return {};
  pugi::xml_document doc = parseXml(path, rels_name, *rels);
  for (pugi::xml_node r : doc.document_element().children()) {
    if (std::string_view(r.name()).find("Relationship") == std::string_view::npos) continue;
    std::string_view t = r.attribute("Type").value();
    if (!t.ends_with(type) || std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    std::string target = r.attribute("Target").value();
    if (!target.empty()) return resolveTarget(dir, target);
  }
  return {};
}

// ---------------------------------------------------------------------------
// Styles: heading level and numbering inherited through basedOn.

struct Style {
  std::string name;
  std::string based_on;
  std::optional<int> outline;  // w:outlineLvl, 9 = body text
  std::optional<int> num_id;
  std::optional<int> ilvl;
};

struct NumRef {
  int num_id = 0;
  int ilvl = 0;
  // When the numbering came from a style without ilvl, the level is the one
  // linked (lvl/pStyle) to the paragraph's style or to the style defining numPr.
  std::vector<std::string> styles;
};

// "heading 1" (Word), "Heading 1" (LibreOffice), "标题 1" (WPS, Chinese Word).
std::optional<int> headingNameLevel(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view p : {"heading", "标题"}) {
    if (!name.starts_with(p)) continue;
    std::string_view rest = std::string_view(name).substr(p.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '1';
  }
  return std::nullopt;
}

class Styles {
 public:
  void load(const pugi::xml_document& doc) {
    pugi::xml_node root = doc.document_element();
    Names w(root);
    for (pugi::xml_node s : root.children()) {
      if (!w.is(s, "style")) continue;
      const char* id = w.attr(s, "styleId");
      if (id == nullptr) continue;
      Style st;
      if (const char* v = w.val(s, "name")) st.name = v;
      if (const char* v = w.val(s, "basedOn")) st.based_on = v;
      pugi::xml_node ppr = w.child(s, "pPr");
      st.outline = toInt(w.val(ppr, "outlineLvl"));
      pugi::xml_node num = w.child(ppr, "numPr");
      st.num_id = toInt(w.val(num, "numId"));
      st.ilvl = toInt(w.val(num, "ilvl"));
      const char* type = w.attr(s, "type");
      const char* dflt = w.attr(s, "default");
      bool is_default = dflt != nullptr && (std::strcmp(dflt, "1") == 0 || std::strcmp(dflt, "true") == 0 ||
                                            std::strcmp(dflt, "on") == 0);
      if (type != nullptr && std::strcmp(type, "paragraph") == 0 && is_default) default_paragraph_ = id;
      styles_.emplace(id, std::move(st));
    }
  }

  const std::string& defaultParagraph() const { return default_paragraph_; }
  const Style* find(const std::string& id) const {
    auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : &it->second;
  }

  // 0-based outline level of the style, nullopt for body text.
  std::optional<int> headingLevel(const std::string& id) const {
    int hops = 0;
    for (const Style* s = find(id); s != nullptr && hops < 32; s = find(s->based_on), ++hops) {
      if (s->outline) return *s->outline >= 0 && *s->outline < kLevels ? s->outline : std::nullopt;
      if (auto l = headingNameLevel(s->name)) return l;
    }
    return std::nullopt;
  }

  std::optional<NumRef> numbering(const std::string& id) const {
    std::string cur = id;
    for (int hops = 0; hops < 32; ++hops) {
      const Style* s = find(cur);
      if (s == nullptr) break;
      if (s->num_id) {
        NumRef r;
        r.num_id = *s->num_id;
        if (s->ilvl)
          r.ilvl = *s->ilvl;
        else
          r.styles = {id, cur};
        return r;
      }
      cur = s->based_on;
    }
    return std::nullopt;
  }

 private:
  std::unordered_map<std::string, Style> styles_;
  std::string default_paragraph_;
};

// ---------------------------------------------------------------------------
// Numbering: numbering.xml's lists, their counters, and the visible labels.

struct Level {
  int start = 1;
  std::string format = "decimal";
  std::string text;  // lvlText, "%1、"
  int restart = -1;  // w:lvlRestart; -1 = after any higher level
  bool legal = false;
  std::string style;  // w:pStyle linking a paragraph style to the level
};

struct AbstractNum {
  std::array<Level, kLevels> levels;
  std::string num_style_link;
};

struct Num {
  std::string abstract_id;
  std::array<std::optional<int>, kLevels> start_override;
  std::array<std::optional<Level>, kLevels> level_override;
  bool overridden = false;
};

Level readLevel(const Names& w, pugi::xml_node lvl) {
  Level l;
  if (auto v = toInt(w.val(lvl, "start"))) l.start = *v;
  if (const char* v = w.val(lvl, "numFmt")) l.format = v;
  if (const char* v = w.val(lvl, "lvlText")) l.text = v;
  if (auto v = toInt(w.val(lvl, "lvlRestart"))) l.restart = *v;
  if (const char* v = w.val(lvl, "pStyle")) l.style = v;
  l.legal = on(w, lvl, "isLgl");
  return l;
}

std::string romanNumeral(int n, bool upper) {
  static const std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string s;
  for (auto [v, r] : kTable)
    for (; n >= v; n -= v) s += r;
  if (upper)
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// 1 → A, 26 → Z, 27 → AA, 28 → BB: Word repeats the letter.
std::string letters(int n, bool upper) {
  std::string s(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
  return s;
}

// Chinese counting with 十百千 (十一, 二十, 一百零五); `digits` gives 〇…九 or 零壹…玖.
std::string chineseCounting(int n, const char* const* digits, const char* const* units) {
  if (n == 0) return digits[0];
  static const char* const kZero = "零";  // a gap inside a number, whatever digits[0] is
  if (n >= 10000) return std::to_string(n);
  std::string s;
  bool zero = false;
  for (int unit = 3, p = 1000; unit >= 0; --unit, p /= 10) {
    int d = n / p % 10;
    if (d == 0) {
      zero = !s.empty();
      continue;
    }
    if (zero) s += kZero;
    zero = false;
    // 十一, not 一十一, when the number starts at the tens.
    if (!(unit == 1 && d == 1 && s.empty())) s += digits[d];
    if (unit > 0) s += units[unit];
  }
  return s;
}

std::string formatNumber(int n, const std::string& fmt) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kUnits[] = {"", "十", "百", "千"};
  static const char* const kLegalDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const kLegalUnits[] = {"", "拾", "佰", "仟"};
  static const char* const kLegalTradDigits[] = {"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"};
  static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  static const char* const kBranches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                          "午", "未", "申", "酉", "戌", "亥"};
  auto cp = [](char32_t c) {
    std::string s;
    appendUtf8(s, c);
    return s;
  };
  if (fmt == "none") return {};
  if (n < 0) return std::to_string(n);
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "japaneseCounting" ||
      fmt == "taiwaneseCounting" || fmt == "taiwaneseCountingThousand" || fmt == "japaneseLegal")
    return chineseCounting(n, kDigits, kUnits);
  if (fmt == "chineseLegalSimplified") return chineseCounting(n, kLegalDigits, kLegalUnits);
  if (fmt == "ideographLegalTraditional") return chineseCounting(n, kLegalTradDigits, kLegalUnits);
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital" || fmt == "japaneseDigitalTenThousand") {
    std::string s;
    for (char c : std::to_string(n)) s += kDigits[c - '0'];
    return s;
  }
  if (fmt == "ideographTraditional" && n >= 1 && n <= 10) return kStems[n - 1];
  if (fmt == "ideographZodiac" && n >= 1 && n <= 12) return kBranches[n - 1];
  if (fmt == "ideographEnclosedCircle" && n >= 1 && n <= 10) return cp(0x3280 + n - 1);  // ㊀
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) return cp(0x2460 + n - 1);  // ①
    if (n >= 21 && n <= 35) return cp(0x3251 + n - 21);
    if (n >= 36 && n <= 50) return cp(0x32B1 + n - 36);
  }
  if (fmt == "decimalEnclosedParen")
    return n >= 1 && n <= 20 ? cp(0x2474 + n - 1) : "(" + std::to_string(n) + ")";
  if (fmt == "decimalEnclosedFullstop")
    return n >= 1 && n <= 20 ? cp(0x2488 + n - 1) : std::to_string(n) + ".";
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string s;
    for (char c : std::to_string(n)) appendUtf8(s, 0xFF10 + (c - '0'));
    return s;
  }
  if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if ((fmt == "upperRoman" || fmt == "lowerRoman") && n >= 1 && n < 4000)
    return romanNumeral(n, fmt[0] == 'u');
  if ((fmt == "upperLetter" || fmt == "lowerLetter") && n >= 1 && n <= 780) return letters(n, fmt[0] == 'u');
  return std::to_string(n);
}

class Numbering {
 public:
  void load(const pugi::xml_document& doc) {
    pugi::xml_node root = doc.document_element();
    Names w(root);
    for (pugi::xml_node n : root.children()) {
      if (w.is(n, "abstractNum")) {
        const char* id = w.attr(n, "abstractNumId");
        if (id == nullptr) continue;
        AbstractNum a;
        if (const char* v = w.val(n, "numStyleLink")) a.num_style_link = v;
        for (pugi::xml_node l : n.children()) {
          auto ilvl = toInt(w.attr(l, "ilvl"));
          if (w.is(l, "lvl") && ilvl && *ilvl >= 0 && *ilvl < kLevels) a.levels[*ilvl] = readLevel(w, l);
        }
        abstracts_[id] = std::move(a);
      } else if (w.is(n, "num")) {
        auto id = toInt(w.attr(n, "numId"));
        const char* abs = w.val(n, "abstractNumId");
        if (!id || abs == nullptr) continue;
        Num num;
        num.abstract_id = abs;
        for (pugi::xml_node o : n.children()) {
          auto ilvl = toInt(w.attr(o, "ilvl"));
          if (!w.is(o, "lvlOverride") || !ilvl || *ilvl < 0 || *ilvl >= kLevels) continue;
          num.start_override[*ilvl] = toInt(w.val(o, "startOverride"));
          if (pugi::xml_node l = w.child(o, "lvl")) num.level_override[*ilvl] = readLevel(w, l);
          num.overridden = true;
        }
        nums_[*id] = std::move(num);
      }
    }
  }

  // Advances the list `ref` belongs to and returns the paragraph's label ("一、"),
  // "" for bullets and unknown lists.
  std::string next(NumRef ref, const Styles& styles) {
    auto it = nums_.find(ref.num_id);
    if (it == nums_.end()) return {};
    const Num& num = it->second;
    const AbstractNum* abs = abstractOf(num, styles);
    if (abs == nullptr) return {};
    for (auto s = ref.styles.rbegin(); s != ref.styles.rend(); ++s) {
      for (int l = 0; l < kLevels; ++l)
        if (abs->levels[l].style == *s) ref.ilvl = l;
    }
    if (ref.ilvl < 0 || ref.ilvl >= kLevels) return {};
    const int ilvl = ref.ilvl;
    auto level = [&](int l) -> const Level& {
      return num.level_override[l] ? *num.level_override[l] : abs->levels[l];
    };
    auto start = [&](int l) { return num.start_override[l].value_or(level(l).start); };
    // Lists sharing an abstract definition continue one another, as in Word,
    // unless a num restarts them with an override.
    std::string key = num.overridden ? "n" + std::to_string(ref.num_id) : "a" + num.abstract_id;
    Counters& c = counters_[key];
    c.value[ilvl] = c.seen[ilvl] ? c.value[ilvl] + 1 : start(ilvl);
    c.seen[ilvl] = true;
    for (int m = ilvl + 1; m < kLevels; ++m) {
      int restart = level(m).restart < 0 ? m : level(m).restart;
      if (restart != 0 && ilvl < restart) c.seen[m] = false;
    }
    const Level& cur = level(ilvl);
    if (cur.format == "bullet") return {};
    std::string label;
    const std::string& t = cur.text;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
        int l = t[++i] - '1';
        int v = c.seen[l] ? c.value[l] : start(l);
        label += formatNumber(v, cur.legal && level(l).format != "none" ? "decimal" : level(l).format);
      } else {
        label += t[i];
      }
    }
    return label;
  }

 private:
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> seen{};
  };

  const AbstractNum* abstractOf(const Num& num, const Styles& styles) const {
    auto it = abstracts_.find(num.abstract_id);
    // numStyleLink: the definition lives with the numbering style's own list.
    for (int hops = 0; it != abstracts_.end() && !it->second.num_style_link.empty() && hops < 8; ++hops) {
      const Style* s = styles.find(it->second.num_style_link);
      if (s == nullptr || !s->num_id) break;
      auto n = nums_.find(*s->num_id);
      if (n == nums_.end()) break;
      it = abstracts_.find(n->second.abstract_id);
    }
    return it == abstracts_.end() ? nullptr : &it->second;
  }

  std::unordered_map<std::string, AbstractNum> abstracts_;
  std::unordered_map<int, Num> nums_;
  std::unordered_map<std::string, Counters> counters_;
};

// ---------------------------------------------------------------------------
// Text hygiene: the lines must be valid UTF-8 without line breaks or controls.

void appendClean(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = decodeUtf8(s, i);
    size_t len = i - at;
    // decodeUtf8 lets overlong forms, surrogates and > U+10FFFF through.
    bool bad = c == 0xFFFD || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF || (len == 2 && c < 0x80) ||
               (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
    if (bad) {
      appendUtf8(out, 0xFFFD);
    } else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 || c == 0x85) {
      if (c != 0) out += ' ';
    } else {
      out.append(s.substr(at, len));
    }
  }
}

// The blanks the text reader trims around a line.
bool isSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == 0xFEFF || c == 0x200B;
}

std::string_view trimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t k = i;
    if (!isSpaceChar(decodeUtf8(s, k))) break;
    i = k;
  }
  return s.substr(i);
}

std::string_view trimRight(std::string_view s) {
  while (!s.empty()) {
    size_t b = s.size() - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    size_t k = b;
    if (!isSpaceChar(decodeUtf8(s, k))) break;
    s = s.substr(0, b);
  }
  return s;
}

// ---------------------------------------------------------------------------
// The walk over document.xml.

class DocxWalker {
 public:
  DocxWalker(const std::string& path, pugi::xml_node root, const Styles& styles, Numbering& numbering)
      : path_(path), w_(root), styles_(styles), numbering_(numbering) {}

  Extracted run(pugi::xml_node root) {
    pugi::xml_node body = w_.child(root, "body");
    if (!body) corrupt(path_, "word/document.xml 没有正文（w:body）");
    blocks(body, 0);
    return std::move(out_);
  }

 private:
  void enter(int depth) const {
    if (depth > kMaxDepth) corrupt(path_, "文档结构嵌套过深");
  }

  void emit(std::string_view line, uint32_t paragraph, std::string where) {
    if (!out_.origins.empty()) out_.text += '\n';
    out_.text.append(line);
    LineOrigin o;
    o.paragraph = paragraph;
    o.where = std::move(where);
    out_.origins.push_back(std::move(o));
  }

  // Block-level content of the body: paragraphs and tables, possibly wrapped
  // in content controls or custom XML.
  void blocks(pugi::xml_node parent, int depth) {
    enter(depth);
    for (pugi::xml_node n : parent.children()) {
      if (w_.is(n, "p")) {
        bool heading = false;
        int level = 0;
        std::string text = paragraph(n, depth + 1, &heading, &level);
        uint32_t number = paragraphs_;
        if (heading && !text.empty()) {
          text = std::string(static_cast<size_t>(std::min(level + 1, 6)), '#') + " " + text;
        } else {
          protectParagraph(text);
        }
        emit(text, number, "第" + std::to_string(number) + "段");
      } else if (w_.is(n, "tbl")) {
        table(n, depth + 1);
      } else if (w_.is(n, "sdt")) {
        if (pugi::xml_node c = w_.child(n, "sdtContent")) blocks(c, depth + 1);
      } else if (w_.is(n, "customXml") || w_.is(n, "ins") || w_.is(n, "moveTo")) {
        blocks(n, depth + 1);
      }
    }
  }

  // One paragraph's visible text, its automatic number in front. Counts the
  // paragraph. `heading`/`level` report its outline level when asked.
  std::string paragraph(pugi::xml_node p, int depth, bool* heading, int* level) {
    enter(depth);
    ++paragraphs_;
    pugi::xml_node ppr = w_.child(p, "pPr");
    std::string style = styles_.defaultParagraph();
    if (const char* s = w_.val(ppr, "pStyle")) style = s;

    std::optional<int> outline = toInt(w_.val(ppr, "outlineLvl"));
    if (!outline) outline = styles_.headingLevel(style);
    if (heading != nullptr && outline && *outline >= 0 && *outline < kLevels) {
      *heading = true;
      *level = *outline;
    }

    std::optional<NumRef> ref;
    if (pugi::xml_node num = w_.child(ppr, "numPr")) {
      auto id = toInt(w_.val(num, "numId"));
      auto ilvl = toInt(w_.val(num, "ilvl"));
      if (id) {
        ref = NumRef{*id, ilvl.value_or(0), {}};
        if (!ilvl) {
          if (auto from_style = styles_.numbering(style); from_style && from_style->num_id == *id)
            ref = from_style;
        }
      } else if (ilvl) {
        // Only the level is overridden; the list comes from the style.
        if ((ref = styles_.numbering(style))) *ref = NumRef{ref->num_id, *ilvl, {}};
      }
    } else {
      ref = styles_.numbering(style);
    }
    std::string label;
    if (ref && ref->num_id > 0) label = numbering_.next(*ref, styles_);

    std::string text;
    inlines(p, depth + 1, text);
    std::string_view body = trimRight(text);
    if (!label.empty()) body = trimLeft(body);
    if (body.empty()) return {};
    std::string line;
    appendClean(line, label);
    if (!line.empty()) {
      // "1. Scope" keeps Word's gap; CJK labels and text join without one.
      if (static_cast<unsigned char>(line.back()) < 0x80 && static_cast<unsigned char>(body[0]) < 0x80)
        line += ' ';
    }
    appendClean(line, body);
    return line;
  }

  // Runs and the wrappers around them, in document order.
  void inlines(pugi::xml_node parent, int depth, std::string& text) {
    enter(depth);
    for (pugi::xml_node n : parent.children()) {
      if (w_.is(n, "r")) {
        runContent(n, depth + 1, text);
      } else if (w_.is(n, "ins") || w_.is(n, "moveTo") || w_.is(n, "hyperlink") || w_.is(n, "smartTag") ||
                 w_.is(n, "customXml") || w_.is(n, "fldSimple") || w_.is(n, "dir") || w_.is(n, "bdo")) {
        inlines(n, depth + 1, text);
      } else if (w_.is(n, "sdt")) {
        if (pugi::xml_node c = w_.child(n, "sdtContent")) inlines(c, depth + 1, text);
      }
      // w:del / w:moveFrom (deleted text), comments, bookmarks, proofing marks: not shown.
    }
  }

  void runContent(pugi::xml_node r, int depth, std::string& text) {
    enter(depth);
    pugi::xml_node rpr = w_.child(r, "rPr");
    bool hidden = on(w_, rpr, "vanish") || on(w_, rpr, "specVanish");
    for (pugi::xml_node n : r.children()) {
      // Complex fields: the code (between begin and separate) is not shown, the result is.
      if (w_.is(n, "fldChar")) {
        const char* t = w_.attr(n, "fldCharType");
        std::string_view type = t == nullptr ? "" : t;
        if (type == "begin") {
          fields_.push_back(false);
          ++field_codes_;
        } else if (type == "separate" && !fields_.empty() && !fields_.back()) {
          fields_.back() = true;
          --field_codes_;
        } else if (type == "end" && !fields_.empty()) {
          if (!fields_.back()) --field_codes_;
          fields_.pop_back();
        }
        continue;
      }
      if (hidden || field_codes_ > 0) continue;
      if (w_.is(n, "t")) {
        text += n.text().get();
      } else if (w_.is(n, "tab") || w_.is(n, "ptab") || w_.is(n, "br") || w_.is(n, "cr")) {
        text += ' ';
      } else if (w_.is(n, "noBreakHyphen")) {
        text += '-';
      } else if (w_.is(n, "ruby")) {
        if (pugi::xml_node base = w_.child(n, "rubyBase")) inlines(base, depth + 1, text);
      }
      // delText, instrText, footnote/endnote/comment references, drawings, symbols: skipped.
    }
  }

  // Text of a table cell's blocks, paragraphs joined by spaces, nested tables flattened.
  void cellText(pugi::xml_node parent, int depth, std::string& text) {
    enter(depth);
    auto add = [&](std::string_view s) {
      if (s.empty()) return;
      if (!text.empty()) text += ' ';
      text.append(s);
    };
    for (pugi::xml_node n : parent.children()) {
      if (w_.is(n, "p")) {
        add(paragraph(n, depth + 1, nullptr, nullptr));
      } else if (w_.is(n, "tbl")) {
        for (pugi::xml_node tr : rows(n, depth + 1)) {
          if (skipDeleted(tr)) continue;
          for (pugi::xml_node tc : cells(tr, depth + 1)) {
            std::string inner;
            cellText(tc, depth + 2, inner);
            add(inner);
          }
        }
      } else if (w_.is(n, "sdt")) {
        if (pugi::xml_node c = w_.child(n, "sdtContent")) {
          std::string inner;
          cellText(c, depth + 1, inner);
          add(inner);
        }
      } else if (w_.is(n, "customXml") || w_.is(n, "ins") || w_.is(n, "moveTo")) {
        std::string inner;
        cellText(n, depth + 1, inner);
        add(inner);
      }
    }
  }

  // Children named `local` of `parent`, looking through content controls and custom XML.
  void collect(pugi::xml_node parent, std::string_view local, int depth, std::vector<pugi::xml_node>& out) {
    enter(depth);
    for (pugi::xml_node n : parent.children()) {
      if (w_.is(n, local)) {
        out.push_back(n);
      } else if (w_.is(n, "sdt")) {
        if (pugi::xml_node c = w_.child(n, "sdtContent")) collect(c, local, depth + 1, out);
      } else if (w_.is(n, "customXml")) {
        collect(n, local, depth + 1, out);
      }
    }
  }
  std::vector<pugi::xml_node> rows(pugi::xml_node tbl, int depth) {
    std::vector<pugi::xml_node> v;
    collect(tbl, "tr", depth, v);
    return v;
  }
  // A row deleted with change tracking on is gone from the report; its
  // paragraphs still count, so the numbers match Word's.
  bool skipDeleted(pugi::xml_node tr) {
    if (!w_.child(w_.child(tr, "trPr"), "del")) return false;
    for (pugi::xml_node n = tr.first_child(); n && n != tr;) {  // iterative: no recursion on hostile depth
      if (w_.is(n, "p")) ++paragraphs_;
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n != tr && !n.next_sibling()) n = n.parent();
      if (n != tr) n = n.next_sibling();
    }
    return true;
  }
  std::vector<pugi::xml_node> cells(pugi::xml_node tr, int depth) {
    std::vector<pugi::xml_node> v;
    collect(tr, "tc", depth, v);
    return v;
  }

  static void appendCell(std::string& row, std::string_view text) {
    row += ' ';
    for (char c : text) {
      if (c == '|') row += '\\';
      row += c;
    }
    if (!text.empty()) row += ' ';
    row += '|';
  }

  // A body table: markdown rows, merged cells expanded into blank cells.
  void table(pugi::xml_node tbl, int depth) {
    enter(depth);
    int number = ++tables_;
    int r = 0;
    for (pugi::xml_node tr : rows(tbl, depth + 1)) {
      if (skipDeleted(tr)) continue;
      uint32_t first_paragraph = paragraphs_ + 1;
      std::string line = "|";
      size_t columns = 0;
      auto blanks = [&](int n) {
        for (int i = 0; i < std::clamp(n, 0, 64); ++i, ++columns) appendCell(line, "");
      };
      pugi::xml_node trpr = w_.child(tr, "trPr");
      blanks(toInt(w_.val(trpr, "gridBefore")).value_or(0));
      for (pugi::xml_node tc : cells(tr, depth + 1)) {
        pugi::xml_node tcpr = w_.child(tc, "tcPr");
        std::string text;
        cellText(tc, depth + 2, text);
        // vMerge without val (or "continue") continues the cell above: blank here.
        pugi::xml_node vmerge = w_.child(tcpr, "vMerge");
        const char* vval = vmerge ? w_.attr(vmerge, "val") : nullptr;
        bool continued = (vmerge && (vval == nullptr || std::strcmp(vval, "restart") != 0));
        const char* hmerge = w_.val(tcpr, "hMerge");
        continued = continued || (hmerge != nullptr && std::strcmp(hmerge, "continue") == 0);
        std::string cell;
        if (!continued) appendClean(cell, trimRight(trimLeft(text)));
        appendCell(line, cell);
        ++columns;
        blanks(toInt(w_.val(tcpr, "gridSpan")).value_or(1) - 1);
      }
      blanks(toInt(w_.val(trpr, "gridAfter")).value_or(0));
      if (columns == 0) continue;
      ++r;
      std::string where = "表格" + std::to_string(number) + " 第" + std::to_string(r) + "行";
      emit(line, first_paragraph, where);
      if (r == 1) {
        std::string rule = "|";
        for (size_t i = 0; i < columns; ++i) rule += "---|";
        emit(rule, first_paragraph, where);
      }
    }
  }

  const std::string& path_;
  Names w_;
  const Styles& styles_;
  Numbering& numbering_;
  Extracted out_;
  uint32_t paragraphs_ = 0;
  int tables_ = 0;
  std::vector<bool> fields_;  // open complex fields: true once past "separate"
  int field_codes_ = 0;       // open fields still in their code part
};

}  // namespace

Extracted readDocx(const std::string& path, const std::string& bytes) {
  if (bytes.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
    throw InputError(path, "这是旧版 Word（.doc）或加密的文档，请在 Word 中另存为 .docx 后再检查");
  }
  try {
    Archive zip(path, bytes);
    std::string main = relationship(path, zip, "_rels/.rels", "", "/officeDocument");
    if (main.empty()) main = "word/document.xml";
    std::optional<std::string> xml = zip.read(main);
    if (!xml) corrupt(path, "缺少正文 " + main);
    size_t slash = main.rfind('/');
    std::string dir = slash == std::string::npos ? "" : main.substr(0, slash + 1);
    std::string rels = dir + "_rels/" + main.substr(dir.size()) + ".rels";

    Styles styles;
    std::string styles_name = relationship(path, zip, rels, dir, "/styles");
    if (styles_name.empty()) styles_name = dir + "styles.xml";
    if (std::optional<std::string> s = zip.read(styles_name)) styles.load(parseXml(path, styles_name, *s));

    Numbering numbering;
    std::string numbering_name = relationship(path, zip, rels, dir, "/numbering");
    if (numbering_name.empty()) numbering_name = dir + "numbering.xml";
    if (std::optional<std::string> s = zip.read(numbering_name))
      numbering.load(parseXml(path, numbering_name, *s));

    pugi::xml_document doc = parseXml(path, main, *xml);
    xml.reset();
    pugi::xml_node root = doc.document_element();
    DocxWalker walker(path, root, styles, numbering);
    return walker.run(root);
  } catch (const std::bad_alloc&) {
    throw InputError(path, "DOCX 文件过大，内存不足");
  }
}

}  // namespace nianbao::detail
