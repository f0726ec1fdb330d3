// Front matter, back matter, title and metadata.
//
// What surrounds a report in the wild, from the seeds and the corpus:
//   - a web page's metadata block (索引号 | … |, 发布时间: …) and page furniture;
//   - a letterhead: 发文机关 line, 文号 (浦人社〔2023〕9号), 签发人, 主动公开;
//   - a 报送 cover letter with its own title (关于报送《X》的报告), addressee,
//     附件 line, signature and 印发 line, after which report X itself begins;
//   - the report title, possibly wrapped over two lines — or no title at all;
//   - a footer: 主送, 抄送, "…办公室 2024年1月25日印发", "（共印5份）".
// The body is what remains; only the body has report parts.
#include <re2/re2.h>

#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

struct Cues {
  RE2 meta_line{
      R"(^(标题|索引号|文件编号|文号|发文字号|发布机构|发文机关|发文单位|公开类别|公开方式|公开属性|发布时间|发布日期|成文日期|生成日期|主题分类|体裁分类|栏目|原文链接|本地目录|来源|信息来源|有效性|浏览次数|所属主题|组配分类|主题词|关键词|文章来源)\|?:?\|?(.*?)\|?$)"};
  RE2 furniture{
      R"(^(正文|【?字号:?.*|打印本页|关闭窗口|分享到:?.*|=+[^=]*=+|页面链接与图片详见.*|当前位置:.{0,60})$)"};
  RE2 cover_title{R"(^关于(报送|呈报|上报|报备|提交|报)?(.{0,120})的(报告|函|请示)$)"};
  RE2 book_name{R"(《(.+)》)"};
  RE2 attachment{R"(^附件\d*(:|$))"};
  RE2 date_line{R"(^(\d{4})年(\d{1,2})月(\d{1,2})日$)"};
  RE2 issue_line{R"(^(.*?)(\d{4})年(\d{1,2})月(\d{1,2})日印发(?:\(共印\d+份\))?$)"};
  RE2 copies{R"(^\(共印\d+份\)$)"};
  RE2 footer_key{R"(^(主送|抄送|抄报|分送|发送|联系人|联系电话|附件)\d*:)"};
  RE2 org_line{
      R"(^[\p{Han}()]{2,40}(局|委员会|委|办公室|办|人民政府|政府|厅|院|中心|管委会|管理委员会|公司|研究所|部|处)$)"};
  RE2 attribute{R"(^(主动公开|依申请公开|不予公开|免予公开)$)"};
  RE2 doc_number{R"(([\p{Han}]{1,12})[〔\[]\s*(\d{4})\s*[〕\]]\s*(\d{1,4})\s*号)"};
  RE2 signer{R"(签发人:?(\p{Han}{2,4}))"};
  RE2 title_end{R"((报告|情况|总结|年报|工作要点)$)"};
  RE2 year{R"((\d{4})年)"};
  // The title names the body before its year ("宝山区人社局2023年…"), or right
  // after it ("2022年上海市人社局政府信息公开…").
  RE2 issuer_before_year{R"(^([^\d,。;:]{2,40}?)(?:关于)?\d{4}年)"};
  RE2 issuer_after_year{
      R"(^\d{4}年度?([^\d,。;:]{2,40}?(?:局|委员会|委|办公室|人民政府|政府|厅|院|中心|管委会|管理委员会|片区)(?:\([^)]{1,12}\))?))"};
  // The whole name up to the report's kind, so that 上海市人民政府办公厅 is
  // not cut at 人民政府; it must still end like a body's name.
  RE2 issuer_up_to_kind{
      R"(^\d{4}年度?([^\d,。;:]{2,40}?)(?:政府信息公开|法治政府|法治建设|依法行政|年度报告|工作报告))"};
  RE2 year_first{R"(^\d{4}年)"};
  RE2 org_end{
      R"((?:局|委员会|委|办公室|人民政府|政府|厅|院|中心|管委会|管理委员会|片区)(?:\([^)]{1,12}\))?$)"};
  RE2 issuer_from_text{
      R"(^\d{4}年度?,?([^\d,。;:我]{2,30}?(?:局|委员会|委|办公室|人民政府|政府|厅|中心|管委会)(?:\([^)]{1,12}\))?))"};
  RE2 any_date{R"((\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2}))"};
};

const Cues& cues() {
  static const Cues c;
  return c;
}

bool titleLike(std::string_view t) {
  return !t.empty() && codePointCount(t) <= 80 && !hasSentencePunct(t) && !endsSentence(t) &&
         !parseMarker(t) && !RE2::FullMatch(t, cues().date_line) && !RE2::PartialMatch(t, cues().footer_key);
}

std::string isoDate(const std::string& y, const std::string& m, const std::string& d) {
  auto pad = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
  return y + "-" + pad(m) + "-" + pad(d);
}

// How much a source is trusted when several give the same field: the
// letterhead and title are the report's own words; a web page's metadata is
// often abbreviated (人社局(医保局)); the opening sentence is a last resort.
int trust(const std::string& source) {
  static const std::pair<const char*, int> kTrust[] = {
      {"letterhead", 6}, {"title", 5},        {"cover-letter", 4},   {"footer", 4},
      {"signature", 3},  {"web-metadata", 2}, {"first-sentence", 1},
  };
  for (auto [s, t] : kTrust) {
    if (source == s) return t;
  }
  return 0;
}

void setField(Document& doc, const std::string& name, std::string value, Span span, const std::string& source,
              bool overwrite = false) {
  if (value.empty()) return;
  auto it = doc.meta.find(name);
  if (it != doc.meta.end() && !overwrite && trust(it->second.source) >= trust(source)) return;
  doc.meta[name] = MetaField{std::move(value), span, source};
}

Span spanOf(const Block& b, std::string_view norm, const re2::StringPiece& piece) {
  size_t b0 = static_cast<size_t>(piece.data() - norm.data());
  return b.norm.toSource(b0, b0 + piece.size());
}

// Reads the fields a line of front or back matter can carry.
void harvest(Document& doc, const Block& b, const std::string& source) {
  const Cues& c = cues();
  std::string_view t = normOf(b);
  re2::StringPiece org, y, num, name, m, d;
  if (RE2::PartialMatch(t, c.doc_number, &org, &y, &num)) {
    re2::StringPiece all(org.data(), 0);
    size_t b0 = static_cast<size_t>(org.data() - t.data());
    std::string value = std::string(org) + "〔" + std::string(y) + "〕" + std::string(num) + "号";
    size_t e0 = t.find("号", b0);
    setField(doc, "doc_number", value, b.norm.toSource(b0, e0 == std::string_view::npos ? t.size() : e0 + 3),
             source);
  }
  if (RE2::PartialMatch(t, c.signer, &name))
    setField(doc, "signer", std::string(name), spanOf(b, t, name), source);
  if (RE2::FullMatch(t, c.issue_line, &org, &y, &m, &d)) {
    setField(doc, "issue_date", isoDate(std::string(y), std::string(m), std::string(d)),
             b.norm.toSource(0, t.size()), source);
  } else if (RE2::FullMatch(t, c.date_line, &y, &m, &d)) {
    setField(doc, "sign_date", isoDate(std::string(y), std::string(m), std::string(d)),
             b.norm.toSource(0, t.size()), source);
  }
  if (RE2::FullMatch(t, c.attribute))
    setField(doc, "category", std::string(t), b.norm.toSource(0, t.size()), source);
}

void harvestWebMeta(Document& doc, const Block& b, std::string_view key, const re2::StringPiece& value) {
  std::string_view t = normOf(b);
  std::string v(value);
  if (v.empty()) return;
  Span span = spanOf(b, t, value);
  static const std::pair<const char*, const char*> kMap[] = {
      {"标题", "title"},          {"文件编号", "doc_number"}, {"文号", "doc_number"},
      {"发文字号", "doc_number"}, {"发布机构", "issuer"},     {"发文机关", "issuer"},
      {"发文单位", "issuer"},     {"索引号", "index_no"},     {"公开类别", "category"},
      {"公开方式", "category"},   {"公开属性", "category"},
  };
  for (auto [k, field] : kMap) {
    if (key == k) setField(doc, field, v, span, "web-metadata");
  }
  if (key == "发布时间" || key == "发布日期" || key == "成文日期" || key == "生成日期") {
    std::string y, m, d;
    if (RE2::PartialMatch(v, cues().any_date, &y, &m, &d)) {
      setField(doc, key == "成文日期" ? "sign_date" : "publish_date", isoDate(y, m, d), span, "web-metadata");
    }
  }
}

}  // namespace

void recognizeMatter(Document& doc) {
  const Cues& c = cues();
  auto& blocks = doc.blocks;
  const size_t n = blocks.size();
  doc.body_begin = 0;
  doc.body_end = n;
  auto text = [&](size_t i) { return normOf(blocks[i]); };
  auto para = [&](size_t i) { return blocks[i].kind != BlockKind::kTableRow; };

  // Where the report parts start at the latest: the first 一、 heading.
  size_t scan_end = std::min<size_t>(n, 60);
  for (size_t i = 0; i < scan_end; ++i) {
    auto m = parseMarker(text(i));
    if (m && m->style == MarkerStyle::kCnComma && m->number == 1) {
      scan_end = i;
      break;
    }
  }

  // 1. Web metadata and page furniture among the first blocks.
  std::vector<bool> web(n, false);
  for (size_t i = 0; i < scan_end; ++i) {
    if (!para(i)) continue;
    re2::StringPiece key, value;
    if (RE2::FullMatch(text(i), c.meta_line, &key, &value)) {
      web[i] = true;
      harvestWebMeta(doc, blocks[i], std::string_view(key.data(), key.size()), value);
    } else if (RE2::FullMatch(text(i), c.furniture)) {
      web[i] = true;
    }
  }
  for (size_t i = 0; i < scan_end;) {
    if (!web[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < scan_end && web[j]) ++j;
    doc.front.push_back(Region{"web-metadata", i, j, ""});
    i = j;
  }

  // 2. A cover letter: 关于报送《X》的报告 … 附件 … then report X.
  size_t start = 0;
  for (size_t i = 0; i < std::min<size_t>(scan_end, 15); ++i) {
    if (web[i] || !para(i)) continue;
    std::string middle;
    if (!RE2::FullMatch(text(i), c.cover_title, nullptr, &middle)) continue;
    std::string name;
    RE2::PartialMatch(middle, c.book_name, &name);
    size_t attach = n;
    for (size_t k = i + 1; k < std::min(n, i + 40); ++k) {
      if (RE2::PartialMatch(text(k), c.attachment)) {
        attach = k;
        break;
      }
    }
    if (attach == n) break;  // no 附件: a report titled 关于…的报告, not a cover letter
    size_t report = n;
    for (size_t k = attach; k < std::min(n, attach + 15) && report == n; ++k) {
      std::string_view t = text(k);
      if (!name.empty() && (t == name || (k + 1 < n && std::string(t) + std::string(text(k + 1)) == name))) {
        report = k;
      }
    }
    if (report == n) {  // the title names no 《X》: skip the signature after 附件
      report = attach + 1;
      while (report < n &&
             (RE2::FullMatch(text(report), c.org_line) || RE2::FullMatch(text(report), c.date_line) ||
              RE2::FullMatch(text(report), c.issue_line) || RE2::FullMatch(text(report), c.copies) ||
              RE2::PartialMatch(text(report), c.attachment))) {
        ++report;
      }
    }
    doc.front.push_back(Region{"cover-letter", 0, report, std::string(text(i))});
    for (size_t k = 0; k < report; ++k) {
      if (!web[k]) harvest(doc, blocks[k], "cover-letter");
    }
    start = report;
    break;
  }

  // 3. Letterhead and title.
  size_t s = start;
  while (s < n && web[s]) ++s;
  size_t head = s;
  // Letterhead lines are short; a 文号 inside running text is a citation.
  auto shortLine = [&](size_t i) { return codePointCount(text(i)) <= 40; };
  while (
      s < n && para(s) &&
      (web[s] || RE2::FullMatch(text(s), c.org_line) || RE2::FullMatch(text(s), c.attribute) ||
       (shortLine(s) && (RE2::PartialMatch(text(s), c.doc_number) || RE2::PartialMatch(text(s), c.signer) ||
                         RE2::PartialMatch(text(s), c.attachment))))) {
    if (!web[s]) {
      harvest(doc, blocks[s], "letterhead");
      if (RE2::FullMatch(text(s), c.org_line)) {
        setField(doc, "issuer", std::string(text(s)), blocks[s].norm.toSource(0, text(s).size()),
                 "letterhead");
      }
    }
    ++s;
  }
  if (s > head) doc.front.push_back(Region{"letterhead", head, s, ""});
  size_t title_end = s;
  std::string title;
  for (size_t k = s; k < std::min(n, s + 3) && para(k) && titleLike(text(k)); ++k) {
    title += std::string(text(k));
    if (RE2::PartialMatch(title, c.title_end)) {
      title_end = k + 1;
      break;
    }
  }
  // A title set over two lines, the body's name above "2024年政府信息公开工作
  // 年度报告" (common in PDFs), reads as a letterhead line; it is the title's start.
  if (title_end > s && s > head && !web[s - 1] && RE2::FullMatch(text(s - 1), c.org_line) &&
      RE2::PartialMatch(title, c.year_first)) {
    title = std::string(text(s - 1)) + title;
    --s;
    if (doc.front.back().kind == "letterhead" && --doc.front.back().end == doc.front.back().begin)
      doc.front.pop_back();
  }
  if (title_end > s) {
    Span span{blocks[s].span.begin, blocks[title_end - 1].span.end};
    setField(doc, "title", title, span, "title", true);
    doc.front.push_back(Region{"title", s, title_end, title});
  }
  doc.body_begin = title_end;

  // 4. Footer: 主送/抄送/印发/(共印N份), signature and date lines at the end.
  size_t k = n;
  bool footer = false, dated = false;
  while (k > doc.body_begin) {
    std::string_view t = text(k - 1);
    if (!para(k - 1)) break;
    if (RE2::PartialMatch(t, c.footer_key) || RE2::FullMatch(t, c.issue_line) ||
        RE2::FullMatch(t, c.copies)) {
      footer = true;
    } else if (RE2::FullMatch(t, c.date_line)) {
      dated = true;
    } else if (!RE2::FullMatch(t, c.org_line)) {
      break;
    }
    --k;
  }
  if (k < n && (footer || dated)) {
    doc.back.push_back(Region{footer ? "footer" : "signature", k, n, ""});
    for (size_t i = k; i < n; ++i) {
      harvest(doc, blocks[i], footer ? "footer" : "signature");
      if (RE2::FullMatch(text(i), c.org_line)) {
        setField(doc, "issuer", std::string(text(i)), blocks[i].norm.toSource(0, text(i).size()),
                 "signature");
      }
    }
    doc.body_end = k;
  }

  // 5. What the title tells: issuer and report year.
  if (auto it = doc.meta.find("title"); it != doc.meta.end()) {
    const std::string& t = it->second.value;
    std::string issuer;
    if (RE2::PartialMatch(t, c.issuer_before_year, &issuer) ||
        (RE2::PartialMatch(t, c.issuer_up_to_kind, &issuer) && RE2::PartialMatch(issuer, c.org_end)) ||
        RE2::PartialMatch(t, c.issuer_after_year, &issuer)) {
      setField(doc, "issuer", issuer, it->second.span, "title");
    }
    std::string year;
    if (RE2::PartialMatch(t, c.year, &year)) setField(doc, "report_year", year, it->second.span, "title");
  }
  // A report with no title (seed 004): its opening sentence names body and year.
  if (doc.body_begin < doc.body_end && para(doc.body_begin)) {
    const Block& b = blocks[doc.body_begin];
    std::string_view t = normOf(b);
    re2::StringPiece issuer;
    if (RE2::PartialMatch(t, c.issuer_from_text, &issuer)) {
      setField(doc, "issuer", std::string(issuer), spanOf(b, t, issuer), "first-sentence");
    }
  }
}

}  // namespace nianbao::detail
