// The outline: numbered parts of the body, nested by numbering style.
//
// Styles rank 第一章/第一部分 > 一、 > （一） > 1. > （1）, whatever the report's
// indentation; a heading closes every open section of equal or lower rank.
// Markdown headings without a number sit below the numbered ones, unless the
// report has no numbered parts at all; then they, or plain short lines that
// stand alone before a paragraph, are the parts. "一是/二是" never opens a part.
// A numbered paragraph such as "1.夯实法治建设基础。继续发挥…" is a heading whose
// title ends at the first 。.
#include <re2/re2.h>

#include <set>

#include "nianbao/text.h"
#include "recognize/recognize.h"

namespace nianbao::detail {
namespace {

int rankOf(MarkerStyle s) {
  switch (s) {
    case MarkerStyle::kChapter:
      return 0;
    case MarkerStyle::kCnComma:
      return 1;
    case MarkerStyle::kCnParen:
      return 2;
    case MarkerStyle::kDigit:
      return 3;
    case MarkerStyle::kDigitParen:
      return 4;
    case MarkerStyle::kNone:
      return 5;
  }
  return 5;
}

struct Candidate {
  size_t block;
  int rank;
  Marker marker;
};

// Title of a heading block: after the marker, up to the first 。 when running
// text follows it.
size_t titleEnd(std::string_view t, size_t from) {
  size_t stop = t.find("。", from);
  if (stop != std::string_view::npos && stop + 3 < t.size()) return stop;
  if (stop != std::string_view::npos && stop + 3 == t.size()) return stop;  // drop a final 。
  return t.size();
}

bool plainHeading(const Document& doc, size_t i) {
  const Block& b = doc.blocks[i];
  std::string_view t = normOf(b);
  if (b.kind != BlockKind::kParagraph || t.empty()) return false;
  if (codePointCount(t) > 30 || hasSentencePunct(t) || endsSentence(t)) return false;
  if (i + 1 >= doc.body_end) return false;
  const Block& next = doc.blocks[i + 1];
  if (next.kind != BlockKind::kParagraph) return false;
  // A heading introduces running text that is longer than itself.
  return codePointCount(normOf(next)) > 2 * codePointCount(t) && hasSentencePunct(normOf(next));
}

}  // namespace

// A line of a plain-text table: a label followed by three or more numbers
// ("一、本年新收政府信息公开申请数量 360 19 0 0 2 15 396").
bool tableRowText(std::string_view t) {
  int numbers = 0;
  while (!t.empty()) {
    size_t sp = t.rfind(' ');
    std::string_view word = sp == std::string_view::npos ? t : t.substr(sp + 1);
    bool numeric = !word.empty() && word.find_first_not_of("0123456789.") == std::string_view::npos;
    if (!numeric) {
      // The label's last word may carry the first number: "数量360".
      size_t k = word.find_last_not_of("0123456789");
      if (k != std::string_view::npos && k + 1 < word.size()) ++numbers;
      break;
    }
    ++numbers;
    if (sp == std::string_view::npos) break;
    t = t.substr(0, sp);
  }
  return numbers >= 3;
}

void recognizeOutline(Document& doc) {
  std::vector<Candidate> cands;
  bool numbered = false;
  int l1 = 0;          // last 一、 number: a restart or repeat mid-report is not a part
  std::set<int> seen;  // 一、 numbers taken as parts so far
  for (size_t i = doc.body_begin; i < doc.body_end; ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::kTableRow) continue;
    auto m = parseMarker(normOf(b));
    if (m && tableRowText(normOf(b))) m.reset();
    if (m && m->style == MarkerStyle::kChapter) l1 = 0;
    if (m && m->style == MarkerStyle::kChapter) seen.clear();
    if (m && m->style == MarkerStyle::kCnComma) {
      if (l1 == 0 || m->number == l1 + 1 || m->number == l1 + 2) {
        l1 = m->number;
        seen.insert(m->number);
      } else if (m->number < l1 && !seen.count(m->number) && b.kind == BlockKind::kHeading) {
        seen.insert(m->number);  // a part out of order (五、 after 六、): section_order's finding
      } else {
        m.reset();  // e.g. a flattened table's 一、本年新收… after 三、
      }
    }
    if (m) {
      cands.push_back({i, rankOf(m->style), *m});
      if (rankOf(m->style) <= 2) numbered = true;
    } else if (b.kind == BlockKind::kHeading) {
      cands.push_back({i, 5 + b.md_level, Marker{}});
    }
  }
  if (!numbered) {
    // No 一、 or （一）: markdown heading levels, or plain headings, make the parts.
    bool md = false;
    for (Candidate& c : cands) {
      if (c.marker.style == MarkerStyle::kNone) {
        c.rank = doc.blocks[c.block].md_level;
        md = true;
      }
    }
    if (!md) {
      std::vector<Candidate> plain;
      for (size_t i = doc.body_begin; i < doc.body_end; ++i) {
        if (plainHeading(doc, i)) plain.push_back({i, 1, Marker{}});
      }
      if (plain.size() >= 2) {
        // The other candidates go one level down. A block that is both ("2.加强领导"
        // before its paragraph) stays one part and keeps its marker: two sections
        // on one block would close the first before it begins. Both lists are in
        // block order, so one merge pass.
        std::vector<Candidate> merged;
        size_t p = 0;
        for (const Candidate& c : cands) {
          while (p < plain.size() && plain[p].block < c.block) merged.push_back(plain[p++]);
          if (p < plain.size() && plain[p].block == c.block)
            merged.push_back({c.block, plain[p++].rank, c.marker});
          else
            merged.push_back({c.block, c.rank + 1, c.marker});
        }
        merged.insert(merged.end(), plain.begin() + static_cast<std::ptrdiff_t>(p), plain.end());
        cands = std::move(merged);
      }
    }
  }

  // Build the tree with a stack of open sections (pointers into `doc.parts`).
  std::vector<std::pair<int, Section*>> stack;
  auto close = [&](size_t end_block) {
    stack.back().second->body_end = end_block;
    stack.pop_back();
  };
  for (const Candidate& c : cands) {
    while (!stack.empty() && stack.back().first >= c.rank) close(c.block);
    const Block& b = doc.blocks[c.block];
    std::string_view t = normOf(b);
    Section s;
    s.style = c.marker.style;
    s.number = c.marker.number;
    s.marker = std::string(t.substr(0, c.marker.length));
    size_t end = titleEnd(t, c.marker.length);
    s.title = std::string(t.substr(c.marker.length, end - c.marker.length));
    s.heading = b.norm.toSource(0, end);
    if (s.heading.empty()) s.heading = b.span;
    s.line = b.first_line;
    s.block = c.block;
    s.body_begin = c.block + 1;
    s.body_end = doc.body_end;
    s.level = static_cast<int>(stack.size()) + 1;
    std::vector<Section>& siblings = stack.empty() ? doc.parts : stack.back().second->children;
    siblings.push_back(std::move(s));
    stack.emplace_back(c.rank, &siblings.back());
  }
  while (!stack.empty()) close(doc.body_end);

  // Report year, when the title did not give it: the opening sentence
  // ("2022年，…"), else the first part that names a year (the 成效 part comes
  // first and is about the report year; a later 安排 part names the next one).
  if (!doc.meta.count("report_year")) {
    static const RE2 kYear(R"((\d{4})年)");
    static const RE2 kLeadYear(R"(^(\d{4})年)");
    std::string year;
    if (doc.body_begin < doc.body_end) {
      const Block& b = doc.blocks[doc.body_begin];
      if (RE2::PartialMatch(normOf(b), kLeadYear, &year)) {
        doc.meta["report_year"] = MetaField{year, b.norm.toSource(0, 4), "first-sentence"};
      }
    }
    for (const Section& p : doc.parts) {
      if (!year.empty()) break;
      if (RE2::PartialMatch(p.title, kYear, &year))
        doc.meta["report_year"] = MetaField{year, p.heading, "outline"};
    }
  }
}

}  // namespace nianbao::detail
