// HTML reader: the article body of a government web page as lines of text.
//
// A report published on a government site arrives wrapped in site navigation,
// breadcrumbs, 字号 widgets, share bars, related links and a footer. The reader
//   1. parses with libxml2's forgiving HTML parser;
//   2. drops the furniture: script/style & co., nav/header/footer/aside/form
//      with little text, elements whose class/id names navigation, link lists,
//      and widgets recognized by their text ("【字号：大 中 小】", "打印本页");
//   3. picks the container holding the body text, walking down from <body>
//      while one child holds nearly all of the remaining text;
//   4. writes that container out in the text reader's conventions (reader.h),
//      preceded by the page's metadata lines (发布日期：… from the info strip or
//      the 信息公开 table) and the page title when the container lacks them.
// Every walk over the tree is iterative: malformed pages (unclosed <font> or
// <div> per paragraph) nest thousands of levels deep.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/reader.h"
#include "nianbao/ingest.h"
#include "nianbao/text.h"

namespace nianbao::detail {
namespace {

constexpr size_t kMaxOutput = 64u << 20;    // bytes of extracted text
constexpr int kMaxColSpan = 100;            // HTML allows 1000; no report table is that wide
constexpr size_t kMaxColumns = 256;         // cells past this column are dropped
constexpr size_t kMaxGridCells = 1u << 20;  // per table, merged cells expanded
constexpr size_t kMaxHeadingChars = 60;     // a longer h1..h6 is a paragraph in disguise
constexpr int32_t kBigContent = 300;        // CJK characters outside links: not furniture
constexpr uint32_t kTextCheckNodes = 64;    // furniture-by-text only for small elements
constexpr int32_t kTextCheckChars = 80;     //   with short text
constexpr size_t kMaxMetaLines = 20;        // metadata lines taken from before the body
constexpr uint32_t kLineNoCap = 65535;      // libxml2 2.9 stores element lines in 16 bits

// ---------------------------------------------------------------------------
// Tree helpers.

std::string_view tagOf(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || n->name == nullptr) return {};
  return reinterpret_cast<const char*>(n->name);
}

bool isTag(const xmlNode* n, std::initializer_list<std::string_view> names) {
  std::string_view t = tagOf(n);
  return !t.empty() && std::find(names.begin(), names.end(), t) != names.end();
}

int headingLevel(const xmlNode* n) {
  std::string_view t = tagOf(n);
  if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return t[1] - '0';
  return 0;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string_view contentOf(const xmlNode* n) {
  if (n->content == nullptr) return {};
  return reinterpret_cast<const char*>(n->content);
}

// Depth-first walk without recursion. enter(n) returns whether to visit n's
// children; leave(n) runs after them (also for nodes whose children were skipped).
template <typename Enter, typename Leave>
void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  xmlNode* n = root;
  while (n != nullptr) {
    // Only elements are descended into: an entity reference's children belong to its declaration.
    if (enter(n) && n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (true) {
      leave(n);
      if (n == root) return;
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

bool isAsciiSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool hasVisible(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (!isBlankChar(decodeUtf8(s, i))) return true;
  }
  return false;
}

// Whitespace runs -> one space, ends trimmed; NBSP and U+3000 are kept.
std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    if (isAsciiSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    appendUtf8(out, c);
  }
  return out;
}

// Bytes of blank characters (NBSP and U+3000 included) at the start.
size_t leadingBlank(std::string_view s) {
  size_t b = 0;
  for (size_t i = 0; i < s.size();) {
    if (!isBlankChar(decodeUtf8(s, i))) break;
    b = i;
  }
  return b;
}

// Blank characters off both ends.
std::string trimBlank(std::string_view s) {
  size_t b = leadingBlank(s), e = s.size();
  for (size_t i = b; i < s.size();) {
    if (!isBlankChar(decodeUtf8(s, i))) e = i;
  }
  return std::string(s.substr(b, e - b));
}

// Text without any blank characters, for comparing titles and widget text.
std::string compact(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = decodeUtf8(s, i);
    if (!isBlankChar(c)) appendUtf8(out, c);
  }
  return out;
}

// ---------------------------------------------------------------------------
// What the page's markup tells.

// Elements that never hold report text.
bool neverText(const xmlNode* n) {
  return isTag(
      n, {"head",   "script",   "style",    "noscript", "iframe", "frame", "frameset", "object", "embed",
          "applet", "template", "svg",      "math",     "canvas", "audio", "video",    "map",    "select",
          "option", "button",   "textarea", "input",    "label",  "link",  "meta",     "title"});
}

bool hidden(const xmlNode* n) {
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  std::string style = compact(lower(attribute(n, "style")));
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// How sure the reader is that an element is page furniture. Weak signals
// (a <header>, class="position-relative", "card-footer") also occur inside an
// article: such elements count for nothing when the article is looked for, but
// are written out when they turn up inside it.
enum class Drop : uint8_t { kKeep, kWeak, kStrong };

// Page furniture by tag, unless it holds much text (ASP.NET wraps whole pages in <form>).
Drop furnitureTag(const xmlNode* n) {
  if (isTag(n, {"nav", "aside", "menu"})) return Drop::kStrong;
  if (isTag(n, {"header", "footer", "form"})) return Drop::kWeak;
  return Drop::kKeep;
}

// Table parts and headings keep their class names' meaning to the page author
// ("table-header"), not to us.
bool classExempt(const xmlNode* n) {
  return headingLevel(n) > 0 || isTag(n, {"html", "body", "main", "article", "td", "th", "tr", "tbody",
                                          "thead", "tfoot", "caption", "col", "colgroup"});
}

std::vector<std::string> classTokens(const xmlNode* n) {
  std::vector<std::string> out;
  for (const char* a : {"class", "id"}) {
    std::string v = lower(attribute(n, a));
    size_t i = 0;
    while (i < v.size()) {
      size_t j = v.find_first_of(" \t\r\n", i);
      if (j == std::string::npos) j = v.size();
      if (j > i) out.push_back(v.substr(i, j - i));
      i = j + 1;
    }
  }
  return out;
}

bool hasWord(std::string_view token, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (token.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool tokenHas(const std::vector<std::string>& tokens, std::initializer_list<std::string_view> words) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) { return hasWord(t, words); });
}

Drop furnitureClass(const xmlNode* n) {
  Drop d = Drop::kKeep;
  for (const std::string& t : classTokens(n)) {
    // Names of the article itself ("article-header", "printContent") trump furniture words.
    if (hasWord(t, {"content", "article", "zoom", "trs_editor", "custom_unionstyle", "xxgk", "detail",
                    "zhengwen", "maintext", "main_text", "main-text", "wenzhang", "title"})) {
      continue;
    }
    if (hasWord(t, {"nav",       "menu",     "breadcrumb", "crumb",     "share",  "toolbar",
                    "tool-bar",  "fontsize", "font-size",  "font_size", "zihao",  "print",
                    "copyright", "bdshare",  "jiathis",    "dqwz",      "weizhi", "gotop",
                    "go-top",    "backtop",  "related",    "xglj",      "xgwz"})) {
      return Drop::kStrong;
    }
    if (hasWord(t, {"header", "footer", "sidebar", "side-bar", "side_bar", "position", "location", "banner",
                    "logo", "search", "login", "topbar", "top-bar"})) {
      d = Drop::kWeak;
    }
  }
  return d;
}

bool contentClass(const xmlNode* n) {
  return tokenHas(classTokens(n),
                  {"content", "article", "zoom", "trs_editor", "custom_unionstyle", "xxgk_content", "detail",
                   "zhengwen", "maintext", "main_text", "main-text"});
}

struct Cues {
  // Widgets written as text inside a line: 【字号：大 中 小】 【打印本页】 [关闭窗口].
  // Brackets left empty once a widget's link is dropped (【<a>打印</a>】) go too.
  RE2 widget{
      R"([【\[][\s\x{A0}\x{3000}]*(?:字号|字体)[\s\x{A0}\x{3000}]*[:：]?[\s\x{A0}\x{3000}大中小默认]*[】\]])"
      R"(|(?:字号|字体)[\s\x{A0}\x{3000}]*[:：][\s\x{A0}\x{3000}]*[大中小](?:[\s\x{A0}\x{3000}]*[大中小]){1,3})"
      R"(|[【\[][\s\x{A0}\x{3000}]*(?:打印本页|打印正文|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|返回顶部|)"
      R"(我要纠错|纠错|分享|保存)?[\s\x{A0}\x{3000}]*[】\]])"};
  // An element whose whole text (compacted, widgets removed) is made of these is furniture.
  RE2 furniture{
      R"([|｜/·]*(?:(?:打印本页|打印正文|打印|关闭窗口|关闭本页|关闭|收藏本页|加入收藏|收藏|返回顶部|返回首页|返回)"
      R"(|我要纠错|设为首页|扫一扫|分享|保存|视力保护色|无障碍|繁体|简体|大中小)"
      R"(|(?:分享到|当前位置|您的位置|您现在的位置|你的位置|所在位置|上一篇|下一篇)[:：].*)[|｜/·]*)+)"};
  // Metadata keys a page shows around the body; longer keys first (信息来源 before 来源).
  // Keys that end a metadata value without being metadata (浏览次数：1024).
  RE2 meta_key{
      R"((?:(索引号|发文字号|文件编号|文号|发布机构|发文机关|发文单位|公开类别|公开方式|公开属性|公开范围)"
      R"(|发布时间|发布日期|成文日期|生成日期|主题分类|体裁分类|信息来源|文章来源|来源|有效性))"
      R"(|(浏览次数|浏览量|访问量|点击数|点击量|阅读次数|阅读量|作者|责任编辑|编辑|字号|字体))\s*[:：])"};
  // Words of a site footer: two of them, one never found in a report's prose, make one.
  RE2 site_footer{R"((版权所有|版权归|(?i:copyright)|©|ICP备|ICP证|网站标识码|公网安备|网站地图))"};
  RE2 site_footer_also{R"((主办单位|承办单位|技术支持|联系我们|联系电话|地址))"};
  RE2 meta_cell{
      R"((索引号|发文字号|文件编号|文号|发布机构|发文机关|发文单位|公开类别|公开方式|公开属性|公开范围)"
      R"(|发布时间|发布日期|成文日期|生成日期|主题分类|体裁分类|信息来源|文章来源|来源|有效性)[:：]?)"};
};

const Cues& cues() {
  static const Cues c;
  return c;
}

std::string scrubWidgets(std::string line) {
  if (line.find("字") != std::string::npos || line.find("【") != std::string::npos ||
      line.find('[') != std::string::npos) {
    RE2::GlobalReplace(&line, cues().widget, "");
  }
  return line;
}

// ---------------------------------------------------------------------------
// Per-node facts, kept in a vector indexed through xmlNode::_private.

struct Info {
  uint32_t line = 0;   // source line where the node starts
  int64_t weight = 0;  // text weight: 3 per CJK character, 1 per other visible character
  int64_t link_weight = 0;
  int32_t cjk = 0;
  int32_t link_cjk = 0;
  int32_t chars = 0;      // visible characters
  uint32_t nodes = 1;     // nodes in the kept subtree
  uint32_t links = 0;     // <a> elements with text
  int32_t all_chars = 0;  // visible characters, furniture inside included
  uint32_t all_nodes = 1;
  Drop drop = Drop::kKeep;
  bool invisible = false;  // script, style, display:none…
};

class Page {
 public:
  explicit Page(xmlDoc* doc) : doc_(doc) {}

  Info& info(const xmlNode* n) { return infos_[reinterpret_cast<uintptr_t>(n->_private) - 1]; }
  const Info& info(const xmlNode* n) const { return infos_[reinterpret_cast<uintptr_t>(n->_private) - 1]; }
  bool known(const xmlNode* n) const { return n != nullptr && n->_private != nullptr; }
  // Furniture, weak or strong: left out when weighing where the article is.
  bool dropped(const xmlNode* n) const { return known(n) && info(n).drop != Drop::kKeep; }
  // Left out of the text written.
  bool cut(const xmlNode* n) const { return known(n) && info(n).drop == Drop::kStrong; }
  int64_t ownWeight(const xmlNode* n) const { return info(n).weight - info(n).link_weight; }

  // One pass: source lines, text weights, and which elements are furniture.
  void analyse() {
    uint32_t cursor = 1;
    for (xmlNode* top = doc_->children; top != nullptr; top = top->next) {
      walk(
          top,
          [&](xmlNode* n) {
            infos_.emplace_back();
            n->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(infos_.size()));
            Info& in = infos_.back();
            if (n->type == XML_ELEMENT_NODE) {
              // Exact below 65535; past it, the newlines counted in text nodes.
              long l = xmlGetLineNo(n);
              if (l > 0 && l < kLineNoCap) cursor = static_cast<uint32_t>(l);
              if (l >= kLineNoCap)
                cursor = std::max(cursor, static_cast<uint32_t>(std::min<long>(l, INT32_MAX)));
            }
            in.line = cursor;
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
                n->type == XML_COMMENT_NODE) {
              std::string_view s = contentOf(n);
              cursor += static_cast<uint32_t>(std::count(s.begin(), s.end(), '\n'));
              if (n->type != XML_COMMENT_NODE) {
                countText(in, s);
                in.all_chars = in.chars;
              }
            }
            return true;
          },
          [&](xmlNode* n) { leave(n); });
    }
  }

  // The text of a subtree, blocks and line breaks as spaces; without any
  // furniture when `strict`, else without the sure kind only.
  std::string flatText(xmlNode* root, bool strict = false) const {
    std::string raw;
    walk(
        root,
        [&](xmlNode* n) {
          if (n != root && (strict ? dropped(n) : cut(n))) return false;
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) raw += contentOf(n);
          if (n->type == XML_ELEMENT_NODE && n != root) raw += ' ';
          return n->type == XML_ELEMENT_NODE;
        },
        [&](xmlNode* n) {
          if (n->type == XML_ELEMENT_NODE && n != root) raw += ' ';
        });
    return collapse(raw);
  }

  // All visible text of a subtree, furniture inside included.
  std::string allText(xmlNode* root) const {
    std::string raw;
    walk(
        root,
        [&](xmlNode* n) {
          if (n != root && known(n) && info(n).invisible) return false;
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) raw += contentOf(n);
          return n->type == XML_ELEMENT_NODE;
        },
        [](xmlNode*) {});
    return raw;
  }

  // Text without the separators flatText puts at element edges ("<b>一</b>、" stays "一、").
  std::string innerText(xmlNode* root) const {
    std::string raw;
    walk(
        root,
        [&](xmlNode* n) {
          if (n != root && cut(n)) return false;
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) raw += contentOf(n);
          if (isTag(n, {"br", "p", "div", "li", "td", "th", "tr"}) && n != root) raw += ' ';
          return n->type == XML_ELEMENT_NODE;
        },
        [](xmlNode*) {});
    return collapse(raw);
  }

 private:
  static void countText(Info& in, std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      char32_t c = decodeUtf8(s, i);
      if (isBlankChar(c)) continue;
      ++in.chars;
      if (isCjk(c)) {
        ++in.cjk;
        in.weight += 3;
      } else {
        in.weight += 1;
      }
    }
  }

  void leave(xmlNode* n) {
    if (!known(n)) return;
    Info& in = info(n);
    if (n->type == XML_ELEMENT_NODE) {
      in.drop = furniture(n, in);
      if (tagOf(n) == "a" && in.chars > 0) {
        in.links += 1;
        in.link_weight = in.weight;
        in.link_cjk = in.cjk;
      }
    } else if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) {
      return;
    }
    if (n->parent == nullptr || n->parent->type != XML_ELEMENT_NODE || !known(n->parent)) return;
    Info& p = info(n->parent);
    if (!in.invisible) {
      p.all_chars += in.all_chars;
      p.all_nodes += in.all_nodes;
    }
    if (in.drop != Drop::kKeep) return;
    p.weight += in.weight;
    p.link_weight += in.link_weight;
    p.cjk += in.cjk;
    p.link_cjk += in.link_cjk;
    p.chars += in.chars;
    p.nodes += in.nodes;
    p.links += in.links;
  }

  Drop furniture(xmlNode* n, Info& in) const {
    if (neverText(n) || hidden(n)) {
      in.invisible = true;
      return Drop::kStrong;
    }
    if (isTag(n, {"html", "body"})) return Drop::kKeep;
    bool big = in.cjk - in.link_cjk >= kBigContent && in.link_cjk * 2 < in.cjk;
    if (big) return Drop::kKeep;
    // Link lists: related articles, site maps, 上一篇/下一篇.
    if (in.links >= 3 && in.link_weight * 10 >= in.weight * 8 &&
        isTag(n, {"ul", "ol", "dl", "div", "table", "p", "section", "span", "td"})) {
      return Drop::kStrong;
    }
    // Widgets by their words; not inline runs, which may be a word of a sentence.
    if (in.chars > 0 && in.chars <= kTextCheckChars && in.nodes <= kTextCheckNodes && headingLevel(n) == 0 &&
        !isTag(n, {"td", "th", "tr", "table", "tbody", "span", "font", "b", "strong", "em", "i", "u", "sup",
                   "sub", "small", "big"})) {
      std::string t = compact(scrubWidgets(flatText(n, true)));
      if (RE2::FullMatch(t, cues().furniture)) return Drop::kStrong;
    }
    // A site footer without class names: 版权所有 … 网站标识码 … ICP备 …
    if (in.all_chars <= 400 && in.all_nodes <= 256 &&
        isTag(n, {"div", "td", "p", "ul", "section", "center"})) {
      std::string t = compact(allText(n));
      std::vector<std::string> marks;
      re2::StringPiece rest(t);
      std::string mark;
      while (marks.size() < 2 && RE2::FindAndConsume(&rest, cues().site_footer, &mark)) {
        if (std::find(marks.begin(), marks.end(), mark) == marks.end()) marks.push_back(mark);
      }
      if (marks.size() >= 2 || (!marks.empty() && RE2::PartialMatch(t, cues().site_footer_also))) {
        return Drop::kStrong;
      }
    }
    Drop d = furnitureTag(n);
    if (d == Drop::kStrong || classExempt(n)) return d;
    return std::max(d, furnitureClass(n));
  }

  xmlDoc* doc_;
  std::vector<Info> infos_;
};

// ---------------------------------------------------------------------------
// Tables.

struct TableShape {
  std::vector<xmlNode*> rows;                // <tr>, nested tables excluded
  std::vector<std::vector<xmlNode*>> cells;  // <td>/<th> per row
};

TableShape shapeOf(xmlNode* table) {
  TableShape s;
  walk(
      table,
      [&](xmlNode* n) {
        if (n == table) return true;
        if (n->type != XML_ELEMENT_NODE || isTag(n, {"table"})) return false;
        if (tagOf(n) == "tr") {
          s.rows.push_back(n);
          s.cells.emplace_back();
          return true;
        }
        if (isTag(n, {"td", "th"})) {
          if (!s.cells.empty()) s.cells.back().push_back(n);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return s;
}

int spanAttr(const xmlNode* n, const char* name) {
  std::string v = attribute(n, name);
  size_t i = v.find_first_not_of(" \t");
  if (i == std::string::npos || v[i] < '0' || v[i] > '9') return 1;
  long x = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && x < 100000; ++i) x = x * 10 + (v[i] - '0');
  return static_cast<int>(x);
}

// The cell grid with merged cells expanded: a cell's text at its top-left
// position, blanks at the other positions it covers.
struct Grid {
  std::vector<std::vector<std::string>> rows;
  std::vector<uint32_t> lines;       // of each <tr>
  std::vector<uint32_t> text_lines;  // of each row's first filled cell
  size_t width = 0;
};

std::string escapeCell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

Grid gridOf(const Page& page, const TableShape& shape) {
  Grid g;
  std::vector<int> pending;  // per column: rows still covered by a rowspan from above
  const size_t nrows = shape.rows.size();
  size_t cells = 0;
  for (size_t r = 0; r < nrows; ++r) {
    std::vector<std::string> row(pending.size());
    std::vector<int> next = pending;
    for (int& p : next) p = std::max(0, p - 1);
    size_t col = 0;
    uint32_t text_line = 0;
    for (xmlNode* cell : shape.cells[r]) {
      while (col < pending.size() && pending[col] > 0) ++col;
      if (col >= kMaxColumns) break;
      int cs = std::clamp(spanAttr(cell, "colspan"), 1, kMaxColSpan);
      int rs = spanAttr(cell, "rowspan");
      int left = static_cast<int>(nrows - r);
      rs = rs <= 0 ? left : std::min(rs, left);  // rowspan=0: to the end of the table
      size_t end = std::min(col + static_cast<size_t>(cs), kMaxColumns);
      if (end > row.size()) row.resize(end);
      if (end > next.size()) next.resize(end, 0);
      if (end > pending.size()) pending.resize(end, 0);
      row[col] = escapeCell(page.flatText(cell));
      if (text_line == 0 && hasVisible(row[col])) text_line = page.info(cell).line;
      for (size_t k = col; k < end; ++k) next[k] = rs - 1;
      col = end;
    }
    g.width = std::max(g.width, row.size());
    cells += row.size();
    if (cells > kMaxGridCells || g.width * g.rows.size() > kMaxGridCells)
      throw std::length_error("html table");
    g.rows.push_back(std::move(row));
    g.lines.push_back(page.info(shape.rows[r]).line);
    g.text_lines.push_back(text_line != 0 ? text_line : g.lines.back());
    pending = std::move(next);
  }
  for (auto& row : g.rows) row.resize(g.width);
  return g;
}

// A table used for layout: one filled cell per row, or a few big cells holding
// paragraphs or other tables (a sidebar next to the article).
bool layoutTable(const Page& page, const TableShape& shape) {
  size_t max_filled = 0, max_cells = 0;
  bool holds_blocks = false;
  for (const auto& cells : shape.cells) {
    size_t filled = 0;
    for (xmlNode* c : cells) {
      if (page.known(c) && page.info(c).chars > 0) ++filled;
      if (page.known(c) && page.info(c).cjk >= 200) {
        for (xmlNode* k = c->children; k != nullptr; k = k->next) {
          if (isTag(k, {"table", "p", "div"})) holds_blocks = true;
        }
      }
    }
    max_filled = std::max(max_filled, filled);
    max_cells = std::max(max_cells, cells.size());
  }
  if (max_filled <= 1) return true;
  return holds_blocks && shape.rows.size() <= 5 && max_cells <= 3;
}

// ---------------------------------------------------------------------------
// Output.

struct Emitted {
  std::string line;
  uint32_t origin = 0;
};

// Splits "发布日期：2024-01-18 来源：区市场监管局" into one line per key.
std::vector<std::string> metaSegments(std::string_view line) {
  std::vector<size_t> starts;
  re2::StringPiece input(line.data(), line.size());
  std::vector<bool> noise;
  re2::StringPiece m[3];
  size_t pos = 0;
  while (pos < line.size() && cues().meta_key.Match(input, pos, line.size(), RE2::UNANCHORED, m, 3)) {
    size_t at = static_cast<size_t>(m[0].data() - line.data());
    starts.push_back(at);
    noise.push_back(m[1].empty());
    pos = at + m[0].size();
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < starts.size(); ++i) {
    if (noise[i]) continue;
    size_t end = i + 1 < starts.size() ? starts[i + 1] : line.size();
    std::string seg = trimBlank(collapse(line.substr(starts[i], end - starts[i])));
    size_t colon = seg.find("：");
    if (colon == std::string::npos) colon = seg.find(':');
    std::string value = colon == std::string::npos ? "" : compact(seg.substr(colon + 1));
    if (!value.empty() && value != "：" && value != ":") out.push_back(seg);
  }
  return out;
}

class Writer {
 public:
  // flat_tables: a table row as one line of text (for metadata); keep_weak:
  // write unsure furniture (inside an article found below <body>).
  Writer(const Page& page, bool flat_tables, bool keep_weak)
      : page_(page), flat_tables_(flat_tables), keep_weak_(keep_weak) {}

  std::vector<Emitted>& lines() { return lines_; }

  // Writes the kept subtree of root; stops for good at `stop`.
  void write(xmlNode* root, const xmlNode* stop = nullptr) {
    walk(
        root, [&](xmlNode* n) { return enter(n, stop); }, [&](xmlNode* n) { leave(n); });
    flush();
  }

 private:
  bool block(const xmlNode* n) const {
    return isTag(
        n,
        {"p",          "div",        "li",     "ul",       "ol",     "dl",     "dt",    "dd",      "section",
         "article",    "main",       "header", "footer",   "aside",  "nav",    "pre",   "address", "figure",
         "figcaption", "hr",         "form",   "fieldset", "legend", "center", "table", "caption", "tr",
         "td",         "th",         "tbody",  "thead",    "tfoot",  "body",   "html",  "details", "summary",
         "menu",       "blockquote", "h1",     "h2",       "h3",     "h4",     "h5",    "h6",      "title"});
  }

  bool enter(xmlNode* n, const xmlNode* stop) {
    if (stopped_) return false;
    if (n == stop) {
      stopped_ = true;
      return false;
    }
    if (keep_weak_ ? page_.cut(n) : page_.dropped(n)) return false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      text(contentOf(n), page_.known(n) ? page_.info(n).line : 0);
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    if (tagOf(n) == "br") {
      if (heading_ > 0) {
        space_ = !cur_.empty();
      } else {
        flush();
      }
      return false;
    }
    if (tagOf(n) == "table") {
      TableShape shape = shapeOf(n);
      if (!layoutTable(page_, shape)) {
        flush();
        table(n, shape);
        return false;
      }
    }
    if (block(n)) flush();
    if (int h = headingLevel(n); h > 0 && heading_ == 0) {
      heading_ = h;
      heading_node_ = n;
    }
    if (tagOf(n) == "pre") ++pre_;
    return true;
  }

  void leave(xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE || stopped_) return;
    if (block(n)) flush();
    if (n == heading_node_) {
      heading_ = 0;
      heading_node_ = nullptr;
    }
    if (tagOf(n) == "pre" && pre_ > 0) --pre_;
  }

  void text(std::string_view s, uint32_t line) {
    for (size_t i = 0; i < s.size();) {
      char32_t c = decodeUtf8(s, i);
      if (c == '\n' && pre_ > 0) {
        flush();
        ++line;
        continue;
      }
      if (isAsciiSpace(c)) {
        if (c == '\n') ++line;
        space_ = !cur_.empty();
        continue;
      }
      if (cur_.empty()) cur_line_ = line;
      if (space_) cur_ += ' ';
      space_ = false;
      appendUtf8(cur_, c);
    }
  }

  void flush() {
    std::string line = scrubWidgets(std::move(cur_));
    cur_.clear();
    space_ = false;
    line = collapse(line);
    if (!hasVisible(line)) return;
    if (heading_ > 0 && codePointCount(line) <= kMaxHeadingChars) {
      line = std::string(static_cast<size_t>(heading_), '#') + " " + line;
    } else {
      protectParagraph(line);
    }
    put(std::move(line), cur_line_);
  }

  void put(std::string line, uint32_t origin) {
    bytes_ += line.size() + 1;
    if (bytes_ > kMaxOutput) throw std::length_error("html output");
    lines_.push_back(Emitted{std::move(line), origin});
  }

  void table(xmlNode* t, const TableShape& shape) {
    if (shape.rows.empty()) return;
    for (xmlNode* k = t->children; k != nullptr; k = k->next) {
      if (tagOf(k) == "caption" && !page_.cut(k)) {
        std::string cap = page_.flatText(k);
        if (hasVisible(cap)) put(cap, page_.info(k).line);
      }
    }
    Grid g = gridOf(page_, shape);
    if (flat_tables_ || metaTable(g)) {
      // A key/value table (索引号 | … | 发布日期 | …): lines the matter recognizer reads.
      for (size_t r = 0; r < g.rows.size(); ++r) {
        std::string joined;
        for (const std::string& c : g.rows[r]) {
          if (c.empty()) continue;
          if (!joined.empty()) joined += ' ';
          joined += c;
          if (RE2::FullMatch(compact(c), cues().meta_cell) && c.find("：") == std::string::npos &&
              c.find(':') == std::string::npos) {
            joined += "：";
          }
        }
        if (flat_tables_) {
          if (hasVisible(joined)) put(joined, g.text_lines[r]);
          continue;
        }
        for (std::string& seg : metaSegments(joined)) put(std::move(seg), g.text_lines[r]);
      }
      return;
    }
    bool first = true;
    for (size_t r = 0; r < g.rows.size(); ++r) {
      const auto& row = g.rows[r];
      if (std::none_of(row.begin(), row.end(), [](const std::string& c) { return hasVisible(c); })) continue;
      std::string line = "|";
      for (const std::string& c : row) {
        line += ' ';
        line += hasVisible(c) ? c : std::string();
        line += hasVisible(c) ? " |" : "|";
      }
      put(std::move(line), g.lines[r]);
      if (first) {
        std::string rule = "|";
        for (size_t k = 0; k < g.width; ++k) rule += "---|";
        put(std::move(rule), g.lines[r]);
        first = false;
      }
    }
  }

  static bool metaTable(const Grid& g) {
    size_t keys = 0, filled = 0;
    for (const auto& row : g.rows) {
      for (const std::string& c : row) {
        if (!hasVisible(c)) continue;
        ++filled;
        if (RE2::FullMatch(compact(c), cues().meta_cell)) ++keys;
      }
    }
    return keys >= 2 && keys * 3 >= filled;
  }

  const Page& page_;
  bool flat_tables_;
  bool keep_weak_;
  std::vector<Emitted> lines_;
  std::string cur_;
  uint32_t cur_line_ = 0;
  bool space_ = false;
  int heading_ = 0;  // level of the open h1..h6
  const xmlNode* heading_node_ = nullptr;
  int pre_ = 0;
  bool stopped_ = false;
  size_t bytes_ = 0;
};

// ---------------------------------------------------------------------------
// Where the article is.

xmlNode* findElement(xmlNode* root, std::string_view tag) {
  xmlNode* found = nullptr;
  walk(
      root,
      [&](xmlNode* n) {
        if (found != nullptr) return false;
        if (tagOf(n) == tag) found = n;
        return found == nullptr && n->type == XML_ELEMENT_NODE;
      },
      [](xmlNode*) {});
  return found;
}

bool isAncestor(const xmlNode* a, const xmlNode* n) {
  for (const xmlNode* p = n; p != nullptr; p = p->parent) {
    if (p == a) return true;
  }
  return false;
}

// Walks down from <body> while one child container holds nearly all of the
// text left (most of it when its class names the article: zoom, TRS_Editor,
// content…) and no text sits beside it (a div left open per paragraph).
xmlNode* chooseContainer(const Page& page, xmlNode* body) {
  xmlNode* c = body;
  const int64_t total = page.ownWeight(body);
  if (total <= 0) return body;
  while (true) {
    xmlNode* best = nullptr;
    for (xmlNode* k = c->children; k != nullptr; k = k->next) {
      if (k->type != XML_ELEMENT_NODE || page.dropped(k)) continue;
      if (best == nullptr || page.ownWeight(k) > page.ownWeight(best)) best = k;
    }
    if (best == nullptr) break;
    double need = (contentClass(best) ? 0.6 : 0.85) * static_cast<double>(total);
    if (static_cast<double>(page.ownWeight(best)) < need) break;
    if (tagOf(best) == "table" && !layoutTable(page, shapeOf(best))) break;
    // Inline wrappers and paragraphs are content, not containers: a <font> left
    // open wraps all that follows it.
    if (!isTag(best, {"div", "section", "article", "main", "center", "table", "tbody", "thead", "tr", "td",
                      "th", "form", "body", "blockquote"})) {
      break;
    }
    int64_t loose = 0;
    for (xmlNode* k = c->children; k != nullptr; k = k->next) {
      if (k == best || page.dropped(k)) continue;
      if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE ||
          isTag(k, {"p", "h2", "h3", "h4", "h5", "h6", "span", "font", "b", "strong", "em", "i", "u", "a",
                    "blockquote", "pre"})) {
        loose += page.known(k) ? page.ownWeight(k) : 0;
      }
    }
    if (loose >= 15) break;  // five CJK characters of text beside it: content would be lost
    c = best;
  }
  return c;
}

struct Title {
  std::string text;
  uint32_t line = 0;
  xmlNode* node = nullptr;
};

// The report's title: an <h1>/<h2>/<h3> or a class="…title…" element, best if
// the <title> names it; else the longest part of <title> ("报告_某某政府网").
Title chooseTitle(const Page& page, xmlNode* root, xmlNode* body) {
  Title page_title;
  if (xmlNode* t = findElement(root, "title")) {
    std::string whole = page.innerText(t);
    page_title.line = page.info(t).line;
    std::string sep = whole;
    for (const char* s : {"_", "｜", "|", " - ", "－", "——", " — ", "—"}) {
      RE2::GlobalReplace(&sep, RE2::QuoteMeta(s), "\x1f");
    }
    size_t i = 0;
    while (i <= sep.size()) {
      size_t j = sep.find('\x1f', i);
      if (j == std::string::npos) j = sep.size();
      std::string part = collapse(sep.substr(i, j - i));
      if (codePointCount(part) > codePointCount(page_title.text)) page_title.text = part;
      i = j + 1;
    }
  }
  std::string want = compact(page_title.text);

  Title best;
  int best_score = INT_MIN;
  int cut_depth = 0, weak_depth = 0;  // open furniture elements, sure and unsure
  size_t seen = 0;
  walk(
      body,
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        cut_depth += page.cut(n);
        weak_depth += page.dropped(n) && !page.cut(n);
        if (neverText(n) || isTag(n, {"table"}) || ++seen > 5000) return false;
        int h = headingLevel(n);
        bool titled = h == 0 && tokenHas(classTokens(n), {"title", "biaoti"});
        if (((h < 1 || h > 3) && !titled) || cut_depth > 0) return true;
        const Info& in = page.info(n);
        if (in.nodes > kTextCheckNodes * 4 || in.chars < 5 || in.chars > 120) return true;
        std::string text = page.innerText(n);
        std::string c = compact(text);
        size_t cp = codePointCount(c);
        if (cp < 5 || cp > 100) return true;
        int score = 0;
        if (!want.empty() && (want.find(c) != std::string::npos || c.find(want) != std::string::npos))
          score += 4;
        if (c.find("报告") != std::string::npos) score += 2;
        if (h == 1) score += 1;
        if (weak_depth > 0) score -= 3;  // a site header's <h1>
        if (score > best_score || (score == best_score && cp > codePointCount(compact(best.text)))) {
          best_score = score;
          best = Title{text, in.line, n};
        }
        return false;
      },
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return;
        cut_depth -= page.cut(n);
        weak_depth -= page.dropped(n) && !page.cut(n);
      });
  if (best.node != nullptr && best_score >= 1) return best;
  // A <title> that is only the site's name is no report title.
  static const RE2 report_like(R"(报告|情况|总结|年报|要点|\d{4}\s*年)");
  if (!RE2::PartialMatch(page_title.text, report_like)) page_title.text.clear();
  return page_title;
}

}  // namespace

Extracted readHtml(const std::string& path, const std::string& utf8) {
  static const bool initialized = (xmlInitParser(), true);
  (void)initialized;
  if (utf8.size() > static_cast<size_t>(INT_MAX)) throw InputError(path, "网页文件过大，无法解析");
  // IGNORE_ENC: the bytes are already UTF-8 whatever <meta charset> says.
  // HUGE: lifts libxml2's depth limit of 256, past which it drops the rest of a
  // page (old pages leave a <font> or <div> open per paragraph).
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options), xmlFreeDoc);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) throw InputError(path, "无法解析网页（HTML）内容");

  Page page(doc.get());
  page.analyse();
  xmlNode* body = findElement(root, "body");
  if (body == nullptr) body = root;
  xmlNode* content = chooseContainer(page, body);
  Title title = chooseTitle(page, root, body);

  std::vector<Emitted> lines;
  try {
    // Metadata shown before the body (info strip, 信息公开 table), one key per line.
    if (content != body) {
      Writer before(page, true, true);
      before.write(body, content);
      std::vector<std::string> keys;
      for (const Emitted& e : before.lines()) {
        for (std::string& seg : metaSegments(e.line)) {
          std::string key = seg.substr(0, std::min(seg.find("："), seg.find(':')));
          if (std::find(keys.begin(), keys.end(), key) != keys.end() || lines.size() >= kMaxMetaLines)
            continue;
          keys.push_back(key);
          lines.push_back(Emitted{std::move(seg), e.origin});
        }
      }
    }
    Writer body_writer(page, false, content != body);
    body_writer.write(content);
    std::vector<Emitted>& main = body_writer.lines();
    if (main.empty()) throw InputError(path, "网页中没有正文文字");
    // The title, unless the body already opens with it.
    std::string want = compact(normalizeText(title.text));
    bool has_title = want.empty() || (title.node != nullptr && isAncestor(content, title.node));
    for (size_t i = 0; i < std::min<size_t>(main.size(), 5) && !has_title; ++i) {
      std::string got = compact(normalizeText(main[i].line));
      has_title = got.find(want) != std::string::npos;
    }
    if (!has_title) {
      std::string t = collapse(title.text);
      if (codePointCount(t) <= kMaxHeadingChars) t = "# " + t;
      lines.push_back(Emitted{t, title.line});
    }
    lines.insert(lines.end(), std::make_move_iterator(main.begin()), std::make_move_iterator(main.end()));
  } catch (const std::length_error&) {
    throw InputError(path, "网页内容过多（文字超过 " + std::to_string(kMaxOutput >> 20) + " MiB 或表格超过 " +
                               std::to_string(kMaxGridCells) + " 格），无法处理");
  }

  Extracted ex;
  for (const Emitted& e : lines) {
    if (!hasVisible(e.line)) continue;
    ex.text += e.line;
    ex.text += '\n';
    ex.origins.push_back(LineOrigin{e.origin, 0, 0, ""});
  }
  return ex;
}

}  // namespace nianbao::detail
