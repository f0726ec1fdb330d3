// HTML: one self-contained page per report (inline CSS and JS, no network, works
// from file:// and on paper), and for a batch an index page of reports × rule
// groups. A page shows the header (file, type, year, issuer, counts), the outline
// with per-part status, the text line by line with every finding's span
// highlighted and linked to its explanation, and the list of findings with
// severity and rule filters.
//
// Overlapping spans are cut at every span boundary and at line ends, so each
// highlighted piece is one flat <a> listing the findings that cover it
// (data-f="3 5"): the markup is well-formed whatever the spans. All report and
// rule text is HTML-escaped and lives in text or data-* attributes; the scripts
// are constant. Headless checks: the page applies a filter from the URL hash
// (#sev=error, #rule=fz.x, #sev=error,warning&rule=fz.x), sets
// body[data-ready="1"] once its script has run and body[data-js-error] on any
// script error. No timestamps: same run, same bytes.
//
// Memory: document() renders the page at once; in directory mode it writes it
// and keeps only the index row, so a batch holds one Document at a time.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <stdexcept>

#include "reporter_kinds.h"

namespace nianbao::detail {

std::string escapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string htmlPageName(size_t index, std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  std::string stem;
  for (char c : base) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '_' || c == '.';
    if (keep) {
      stem += c;
    } else if (stem.empty() || stem.back() != '_') {
      stem += '_';
    }
  }
  while (!stem.empty() && (stem.front() == '_' || stem.front() == '.')) stem.erase(0, 1);
  while (!stem.empty() && (stem.back() == '_' || stem.back() == '.')) stem.pop_back();
  if (stem.size() > 60) stem.resize(60);
  if (stem.empty()) stem = "report";
  std::string number = std::to_string(index);
  if (number.size() < 3) number.insert(0, 3 - number.size(), '0');
  return number + "-" + stem + ".html";
}

namespace {

const char* sevId(Severity s) { return severityName(s); }

std::string baseName(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string metaValue(const DocumentResult& d, const char* field) {
  auto it = d.meta.find(field);
  return it == d.meta.end() ? std::string() : it->second.value;
}

// What a page needs of a Document: the text, its lines, the outline.
struct PartInfo {
  int level = 1;
  std::string marker, title;
  uint32_t line = 0;
  uint32_t begin = 0, end = 0;  // byte range the part covers
};

struct PageText {
  std::string text;
  std::vector<uint32_t> starts;   // byte offset of each line
  std::vector<uint32_t> lengths;  // bytes, without the line break
  std::vector<PartInfo> parts;    // depth-first

  explicit PageText(const Document& doc) : text(doc.source.text()) {
    uint32_t n = doc.source.lineCount();
    for (uint32_t i = 1; i <= n; ++i) {
      starts.push_back(doc.source.lineStart(i));
      lengths.push_back(static_cast<uint32_t>(doc.source.line(i).size()));
    }
    if (starts.empty()) {
      starts.push_back(0);
      lengths.push_back(static_cast<uint32_t>(text.size()));
    }
    forEachSection(doc.parts, [&](const Section& s) {
      PartInfo p;
      p.level = s.level;
      p.marker = s.marker;
      p.title = s.title;
      p.line = s.line;
      p.begin = s.heading.begin;
      p.end = s.heading.end;
      if (s.body_end > 0 && s.body_end - 1 < doc.blocks.size()) {
        p.end = std::max(p.end, doc.blocks[s.body_end - 1].span.end);
      }
      parts.push_back(std::move(p));
    });
  }

  // Clamps to the text and backs up to the start of a code point.
  uint32_t snap(uint32_t off) const {
    off = std::min<uint32_t>(off, static_cast<uint32_t>(text.size()));
    while (off > 0 && off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) --off;
    return off;
  }
  // 0-based line holding byte `off` (an offset in a line break belongs to its line).
  size_t lineOf(uint32_t off) const {
    auto it = std::upper_bound(starts.begin(), starts.end(), off);
    return it == starts.begin() ? 0 : static_cast<size_t>(it - starts.begin() - 1);
  }
};

struct IndexRow {
  size_t index = 0;
  std::string path, page, type_name, year, issuer;
  std::optional<std::string> error;
  std::array<int, 3> total{0, 0, 0};
  std::map<std::string, std::array<int, 3>> groups;
};

// ---------------------------------------------------------------- styles, scripts

constexpr const char* kCss = R"CSS(
:root{--err:#b71c1c;--err-bg:#ffcdd2;--warn:#e65100;--warn-bg:#ffe0b2;--note:#0d47a1;--note-bg:#bbdefb;--ok:#2e7d32;--line:#ddd}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#222;background:#fafafa}
header.top{padding:12px 20px;background:#fff;border-bottom:1px solid var(--line)}
header.top h1{margin:0;font-size:20px;word-break:break-all}
.path{margin:0;color:#666;font-size:12px;word-break:break-all}
dl.meta{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0}
dl.meta div{display:flex;gap:6px}dl.meta dt{color:#666}dl.meta dd{margin:0}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:13px;white-space:nowrap}
.badge.sev-error{background:var(--err-bg);color:var(--err)}.badge.sev-warning{background:var(--warn-bg);color:var(--warn)}
.badge.sev-note{background:var(--note-bg);color:var(--note)}
.counts .badge{font-size:14px;margin-right:6px}
.layout{display:grid;grid-template-columns:230px minmax(0,1fr) 400px;gap:0;align-items:start}
.layout>*{padding:10px 14px}
h2{font-size:16px;margin:4px 0 8px}
nav.outline,aside.findings{position:sticky;top:0;max-height:100vh;overflow:auto}
nav.outline{border-right:1px solid var(--line);font-size:13px}
nav.outline ul{list-style:none;margin:0;padding:0}
nav.outline li{display:flex;justify-content:space-between;gap:6px;padding:2px 4px;border-left:4px solid var(--ok);margin-bottom:2px;background:#fff}
nav.outline li.st-note{border-left-color:var(--note)}nav.outline li.st-warning{border-left-color:var(--warn)}
nav.outline li.st-error{border-left-color:var(--err);background:#fff5f5}
nav.outline li a{color:inherit;text-decoration:none}
nav.outline .cnt{color:#666;white-space:nowrap}nav.outline li.st-ok .cnt{color:var(--ok)}
nav.outline .outside{color:#666;margin-top:6px}
.lv2{margin-left:10px}.lv3{margin-left:20px}.lv4,.lv5,.lv6{margin-left:30px}
.src{background:#fff;border:1px solid var(--line);font-size:15px}
.l{display:grid;grid-template-columns:3.5em minmax(0,1fr)}
.l:target{background:#fffde7}
.n{color:#999;text-align:right;padding-right:8px;border-right:1px solid var(--line);user-select:none;text-decoration:none;font-size:12px;padding-top:2px}
.t{white-space:pre-wrap;word-break:break-all;padding-left:8px;min-height:1.6em}
a.hl{color:inherit;text-decoration:none;border-bottom:2px solid transparent}
a.hl[data-sev=error]{background:var(--err-bg);border-bottom-color:var(--err)}
a.hl[data-sev=warning]{background:var(--warn-bg);border-bottom-color:var(--warn)}
a.hl[data-sev=note]{background:var(--note-bg);border-bottom-color:var(--note)}
a.hl.off{background:none;border-bottom-color:transparent}
a.zm{text-decoration:none;font-size:11px;vertical-align:super;padding:0 1px;border-radius:3px;color:#fff}
a.zm[data-sev=error]{background:var(--err)}a.zm[data-sev=warning]{background:var(--warn)}a.zm[data-sev=note]{background:var(--note)}
a.zm.off{display:none}
.flash{outline:3px solid #fbc02d}
.filters{background:#fff;border:1px solid var(--line);padding:6px 8px;margin-bottom:8px;font-size:13px}
.filters label{margin-right:10px;white-space:nowrap}.filters label.rf{display:flex;gap:4px;margin:4px 0 0}.filters select{flex:1;min-width:0}
ol.flist{list-style:none;margin:0;padding:0}
li.finding{background:#fff;border:1px solid var(--line);border-left:5px solid var(--note);padding:6px 9px;margin-bottom:8px;font-size:13px}
li.finding.sev-error{border-left-color:var(--err)}li.finding.sev-warning{border-left-color:var(--warn)}
li.finding:target{outline:3px solid #fbc02d}
li.finding p{margin:3px 0}
.msg{font-size:14px;font-weight:bold}
.fhead a.loc{margin-left:6px}.place{color:#666;margin-left:4px}
.rule code{background:#f0f0f0;padding:0 4px;border-radius:3px}
.basis,.help,.logical{color:#444}
.input-error{margin:20px;padding:12px 16px;border:1px solid var(--err);background:#fff5f5}
.input-error h2{color:var(--err)}
.empty{color:var(--ok)}
footer{padding:10px 20px;color:#888;font-size:12px}
table.reports{border-collapse:collapse;margin:12px 20px;background:#fff;font-size:14px}
table.reports th,table.reports td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.reports th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}
table.reports th[aria-sort=ascending]::after{content:" ▲"}table.reports th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right}td.pass{color:var(--ok);text-align:center}td.grp{text-align:center;white-space:nowrap}
td.grp span{display:inline-block;min-width:1.6em;padding:0 4px;border-radius:8px;margin:0 1px}
.c-error{background:var(--err-bg);color:var(--err)}.c-warning{background:var(--warn-bg);color:var(--warn)}.c-note{background:var(--note-bg);color:var(--note)}
tr.row-error td{background:#fff5f5}td.errmsg{color:var(--err)}
.legend{margin:4px 20px;color:#555;font-size:13px}
@media print{
body{background:#fff;font-size:11pt}
.filters,footer,.back,a.zm.off{display:none}
.layout{display:block}
nav.outline,aside.findings{position:static;max-height:none;overflow:visible;border:0}
a{color:inherit;text-decoration:none}
li.finding,.l{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table.reports th{cursor:auto}
}
)CSS";

// First script of the body: reports script errors for headless checks.
constexpr const char* kOnError =
    "window.onerror=function(m){document.body.dataset.jsError=String(m||'error');};";

constexpr const char* kPageJs = R"JS(
(function () {
  'use strict';
  var rank = {note: 0, warning: 1, error: 2};
  var list = function (q) { return Array.prototype.slice.call(document.querySelectorAll(q)); };
  var boxes = list('input.sev-filter');
  var sel = document.getElementById('rule-filter');
  var items = list('li.finding');
  var marks = list('[data-f]');
  var shown = document.getElementById('shown-count');
  var visible = {};
  function apply() {
    var sev = {};
    boxes.forEach(function (b) { sev[b.value] = b.checked; });
    var rule = sel ? sel.value : '';
    var n = 0;
    visible = {};
    items.forEach(function (li) {
      var v = !!sev[li.dataset.sev] && (!rule || li.dataset.rule === rule);
      li.hidden = !v;
      if (v) { visible[li.dataset.id] = li.dataset.sev; n++; }
    });
    marks.forEach(function (m) {
      var best = '';
      m.dataset.f.split(' ').forEach(function (id) {
        var s = visible[id];
        if (s && (!best || rank[s] > rank[best])) best = s;
      });
      m.classList.toggle('off', !best);
      m.dataset.sev = best || 'none';
    });
    if (shown) shown.textContent = String(n);
  }
  function fromHash() {
    var h = location.hash.slice(1);
    try { h = decodeURIComponent(h); } catch (e) { return false; }
    if (h.indexOf('=') < 0) return false;
    h.split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      if (i < 0) return;
      var k = kv.slice(0, i), v = kv.slice(i + 1);
      if (k === 'sev') {
        var want = v.split(',');
        boxes.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });
      } else if (k === 'rule' && sel) {
        var known = Array.prototype.some.call(sel.options, function (o) { return o.value === v; });
        if (!known) {
          var o = document.createElement('option');
          o.value = v;
          o.textContent = v;
          sel.appendChild(o);
        }
        sel.value = v;
      }
    });
    return true;
  }
  function flash(id) {
    list('[data-f]').forEach(function (m) {
      if (m.dataset.f.split(' ').indexOf(id) >= 0) {
        m.classList.add('flash');
        setTimeout(function () { m.classList.remove('flash'); }, 1500);
      }
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  if (sel) sel.addEventListener('change', apply);
  marks.forEach(function (m) {
    m.addEventListener('click', function (e) {
      var ids = m.dataset.f.split(' ').filter(function (id) { return visible[id]; });
      if (ids.length && ('#f' + ids[0]) !== m.getAttribute('href')) {
        e.preventDefault();
        location.hash = '#f' + ids[0];
      }
    });
  });
  window.addEventListener('hashchange', function () {
    if (fromHash()) { apply(); return; }
    var m = /^#h(\d+)$/.exec(location.hash);
    if (m) flash(m[1]);
  });
  fromHash();
  apply();
  document.body.dataset.ready = '1';
})();
)JS";

constexpr const char* kIndexJs = R"JS(
(function () {
  'use strict';
  var table = document.getElementById('reports');
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var num = th.dataset.type === 'num';
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.getAttribute('data-s' + col) || '', y = b.getAttribute('data-s' + col) || '';
        var c = num ? (Number(x) - Number(y)) : x.localeCompare(y, 'zh-CN');
        if (!asc) c = -c;
        return c || (Number(a.dataset.i) - Number(b.dataset.i));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  document.body.dataset.ready = '1';
})();
)JS";

// ---------------------------------------------------------------- page pieces

void writeHead(std::string& out, const std::string& title) {
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"nianbao\">\n";
  out += "<title>" + escapeHtml(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  out += std::string("<script>") + kOnError + "</script>\n";
}

std::string severityBadge(Severity s, const std::string& text) {
  return std::string("<span class=\"badge sev-") + sevId(s) + "\">" + escapeHtml(text) + "</span>";
}

class HtmlReporter : public Reporter {
 public:
  explicit HtmlReporter(const ReporterOptions& o) : dir_(o.output_dir) {
    for (const RuleInfo& r : o.rules) rules_.emplace(r.id, r);
  }

  bool streamsBatch() const override { return false; }

  void document(const DocumentResult& d, const Document* doc, std::ostream&) override {
    std::optional<PageText> text;
    if (doc) text.emplace(*doc);
    // Findings known from a baseline are not shown to people.
    if (std::none_of(d.findings.begin(), d.findings.end(), [](const Finding& f) { return f.baselined; })) {
      add(d, text ? &*text : nullptr);
      return;
    }
    DocumentResult shown = d;
    std::erase_if(shown.findings, [](const Finding& f) { return f.baselined; });
    add(shown, text ? &*text : nullptr);
  }

  void end(const RunResult& run, std::ostream& out) override {
    if (dir_.empty()) {
      if (!single_.empty()) out << single_;
      return;
    }
    if (!write_error_.empty()) throw std::runtime_error(write_error_);
    std::string path = dir_ + (dir_.back() == '/' ? "" : "/") + "index.html";
    std::ofstream f(path, std::ios::binary);
    f << indexPage(run);
    if (!f.flush()) throw std::runtime_error("无法写入 " + path);
  }

 private:
  void add(const DocumentResult& d, const PageText* text) {
    IndexRow row;
    row.index = rows_.size() + 1;
    row.path = d.path;
    row.page = htmlPageName(row.index, d.path);
    row.type_name = d.type_name;
    row.year = metaValue(d, "report_year");
    row.issuer = metaValue(d, "issuer");
    row.error = d.error;
    for (const Finding& f : d.findings) {
      int s = static_cast<int>(f.severity);
      ++row.total[s];
      ++row.groups[groupOf(f.rule_id)][s];
    }
    std::string page = reportPage(d, text);
    if (dir_.empty()) {
      if (single_.empty()) single_ = std::move(page);  // one report per stream
    } else {
      std::string path = dir_ + (dir_.back() == '/' ? "" : "/") + row.page;
      std::ofstream f(path, std::ios::binary);
      f << page;
      if (!f.flush() && write_error_.empty()) write_error_ = "无法写入 " + path;
    }
    rows_.push_back(std::move(row));
  }

  std::string groupOf(const std::string& rule_id) const {
    auto it = rules_.find(rule_id);
    return it == rules_.end() ? std::string() : it->second.group;
  }
  const RuleInfo* rule(const std::string& id) const {
    auto it = rules_.find(id);
    return it == rules_.end() ? nullptr : &it->second;
  }

  // ---- one report

  std::string reportPage(const DocumentResult& d, const PageText* text) const {
    std::string out;
    std::string name = baseName(d.path);
    writeHead(out, name + " - nianbao 检查结果");
    out += "<header class=\"top\">\n";
    if (!dir_.empty()) out += "<p class=\"back\"><a href=\"index.html\">← 全部报告</a></p>\n";
    out += "<h1>" + escapeHtml(name) + "</h1>\n<p class=\"path\">" + escapeHtml(d.path) + "</p>\n";
    if (d.error) {
      out += "</header>\n<section class=\"input-error\"><h2>输入错误</h2><p>" + escapeHtml(*d.error) +
             "</p></section>\n";
      out += std::string("<footer>由 nianbao 生成</footer>\n<script>") + kPageJs +
             "</script>\n</body>\n</html>\n";
      return out;
    }
    std::array<int, 3> counts{0, 0, 0};
    for (const Finding& f : d.findings) ++counts[static_cast<int>(f.severity)];
    auto item = [&](const char* label, const std::string& value) {
      out += std::string("<div><dt>") + label + "</dt><dd>" + (value.empty() ? "—" : escapeHtml(value)) +
             "</dd></div>";
    };
    out += "<dl class=\"meta\">";
    item("报告类型", d.type_name.empty() ? std::string("未识别") : d.type_name);
    item("年度", metaValue(d, "report_year"));
    item("发文机关", metaValue(d, "issuer"));
    item("标题", metaValue(d, "title"));
    out += "</dl>\n<p class=\"counts\">";
    for (Severity s : {Severity::kError, Severity::kWarning, Severity::kNote}) {
      out += severityBadge(
                 s, std::string(severityNameZh(s)) + " " + std::to_string(counts[static_cast<int>(s)])) +
             " ";
    }
    out += "</p>\n</header>\n<div class=\"layout\">\n";
    writeOutline(out, d, text);
    out += "<main class=\"text\"><h2>原文</h2>\n";
    if (text) {
      writeText(out, d, *text);
    } else {
      out += "<p>（原文未保存）</p>\n";
    }
    out += "</main>\n";
    writeFindings(out, d, counts);
    out += "</div>\n<footer>由 nianbao 生成</footer>\n";
    out += std::string("<script>") + kPageJs + "</script>\n</body>\n</html>\n";
    return out;
  }

  void writeOutline(std::string& out, const DocumentResult& d, const PageText* text) const {
    out += "<nav class=\"outline\"><h2>大纲</h2>\n";
    if (!text || text->parts.empty()) {
      out += "<p>未识别出编号的部分</p>\n</nav>\n";
      return;
    }
    out += "<ul>\n";
    std::vector<bool> inside(d.findings.size(), false);
    for (const PartInfo& p : text->parts) {
      std::array<int, 3> c{0, 0, 0};
      for (size_t i = 0; i < d.findings.size(); ++i) {
        uint32_t off = d.findings[i].span.begin;
        if (off >= p.begin && (off < p.end || (p.end == p.begin && off == p.begin))) {
          ++c[static_cast<int>(d.findings[i].severity)];
          inside[i] = true;
        }
      }
      const char* st = c[2] ? "error" : c[1] ? "warning" : c[0] ? "note" : "ok";
      int n = c[0] + c[1] + c[2];
      std::string tip = n ? "错误 " + std::to_string(c[2]) + "，警告 " + std::to_string(c[1]) + "，提示 " +
                                std::to_string(c[0])
                          : std::string("无问题");
      out += "<li class=\"part lv" + std::to_string(std::min(p.level, 6)) + " st-" + st + "\"><a href=\"#L" +
             std::to_string(p.line) + "\">" + escapeHtml(p.marker + p.title) +
             "</a><span class=\"cnt\" title=\"" + tip + "\">" + (n ? std::to_string(n) : std::string("✓")) +
             "</span></li>\n";
    }
    out += "</ul>\n";
    size_t outside = static_cast<size_t>(std::count(inside.begin(), inside.end(), false));
    if (outside) out += "<p class=\"outside\">不在任何部分内的问题：" + std::to_string(outside) + "</p>\n";
    out += "</nav>\n";
  }

  // The text line by line; findings are cut into flat pieces at every boundary.
  void writeText(std::string& out, const DocumentResult& d, const PageText& t) const {
    const std::vector<Finding>& fs = d.findings;
    size_t nlines = t.starts.size();
    std::vector<std::vector<size_t>> covering(nlines);  // findings with a span on the line
    std::vector<std::vector<size_t>> anchored(nlines);  // findings whose start is on the line
    std::vector<uint32_t> fb(fs.size()), fe(fs.size());
    for (size_t i = 0; i < fs.size(); ++i) {
      fb[i] = t.snap(fs[i].span.begin);
      fe[i] = std::max(fb[i], t.snap(fs[i].span.end));
      size_t first = t.lineOf(fb[i]);
      anchored[first].push_back(i);
      if (fe[i] > fb[i]) {
        size_t last = t.lineOf(fe[i] - 1);
        for (size_t l = first; l <= last; ++l) covering[l].push_back(i);
      }
    }
    out += "<div class=\"src\">\n";
    for (size_t l = 0; l < nlines; ++l) {
      uint32_t ls = t.starts[l], le = ls + t.lengths[l];
      std::string no = std::to_string(l + 1);
      out += "<div class=\"l\" id=\"L" + no + "\"><a class=\"n\" href=\"#L" + no + "\">" + no +
             "</a><span class=\"t\">";
      std::vector<uint32_t> cuts{ls, le};
      for (size_t i : covering[l]) {
        cuts.push_back(std::clamp(fb[i], ls, le));
        cuts.push_back(std::clamp(fe[i], ls, le));
      }
      for (size_t i : anchored[l]) cuts.push_back(std::clamp(fb[i], ls, le));
      std::sort(cuts.begin(), cuts.end());
      cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
      for (size_t c = 0; c < cuts.size(); ++c) {
        uint32_t p = cuts[c];
        for (size_t i : anchored[l]) {
          if (std::clamp(fb[i], ls, le) != p) continue;
          std::string id = std::to_string(i + 1);
          if (fe[i] > fb[i] && fb[i] < le) {
            out += "<span class=\"anchor\" id=\"h" + id + "\"></span>";
          } else {  // nothing to highlight: a marker at the position
            out += "<a class=\"zm\" id=\"h" + id + "\" href=\"#f" + id + "\" data-f=\"" + id +
                   "\" data-sev=\"" + sevId(fs[i].severity) + "\" title=\"" + escapeHtml(fs[i].message) +
                   "\">▲</a>";
          }
        }
        if (c + 1 == cuts.size()) break;
        uint32_t q = cuts[c + 1];
        std::string piece = escapeHtml(std::string_view(t.text).substr(p, q - p));
        std::string ids;
        Severity top = Severity::kNote;
        size_t first = 0;
        for (size_t i : covering[l]) {
          if (fb[i] <= p && fe[i] >= q) {
            if (ids.empty()) first = i;
            ids += (ids.empty() ? "" : " ") + std::to_string(i + 1);
            top = std::max(top, fs[i].severity);
          }
        }
        if (ids.empty()) {
          out += piece;
        } else {
          out += "<a class=\"hl\" href=\"#f" + std::to_string(first + 1) + "\" data-f=\"" + ids +
                 "\" data-sev=\"" + sevId(top) + "\">" + piece + "</a>";
        }
      }
      out += "</span></div>\n";
    }
    out += "</div>\n";
  }

  void writeFindings(std::string& out, const DocumentResult& d, const std::array<int, 3>& counts) const {
    out += "<aside class=\"findings\"><h2>问题（<span id=\"shown-count\">" +
           std::to_string(d.findings.size()) + "</span>/" + std::to_string(d.findings.size()) + "）</h2>\n";
    if (d.findings.empty()) {
      out += "<p class=\"empty\">✓ 未发现问题</p>\n</aside>\n";
      return;
    }
    out += "<div class=\"filters\">级别：";
    for (Severity s : {Severity::kError, Severity::kWarning, Severity::kNote}) {
      out += std::string("<label><input type=\"checkbox\" class=\"sev-filter\" value=\"") + sevId(s) +
             "\" checked> " + severityNameZh(s) + "（" + std::to_string(counts[static_cast<int>(s)]) +
             "）</label>";
    }
    std::map<std::string, int> per_rule;
    for (const Finding& f : d.findings) ++per_rule[f.rule_id];
    out += "<label class=\"rf\">规则：<select id=\"rule-filter\"><option value=\"\">全部规则</option>";
    for (const auto& [id, n] : per_rule) {
      const RuleInfo* r = rule(id);
      out += "<option value=\"" + escapeHtml(id) + "\">" + escapeHtml(id) +
             (r ? " " + escapeHtml(r->title) : std::string()) + "（" + std::to_string(n) + "）</option>";
    }
    out += "</select></label></div>\n<ol class=\"flist\">\n";
    for (size_t i = 0; i < d.findings.size(); ++i) {
      const Finding& f = d.findings[i];
      const RuleInfo* r = rule(f.rule_id);
      std::string id = std::to_string(i + 1);
      out += std::string("<li class=\"finding sev-") + sevId(f.severity) + "\" id=\"f" + id +
             "\" data-id=\"" + id + "\" data-sev=\"" + sevId(f.severity) + "\" data-rule=\"" +
             escapeHtml(f.rule_id) + "\">\n";
      std::string lc = std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column);
      out += "<p class=\"fhead\">" + severityBadge(f.severity, severityNameZh(f.severity)) +
             "<a class=\"loc\" href=\"#h" + id + "\" title=\"在原文中查看\">第" +
             std::to_string(f.begin.line) + "行第" + std::to_string(f.begin.column) + "列（" + lc + "）</a>";
      if (std::string place = f.begin.place(); !place.empty()) {
        out += "<span class=\"place\">" + escapeHtml(place) + "</span>";
      }
      out += "</p>\n<p class=\"msg\">" + escapeHtml(f.message) + "</p>\n";
      out += "<p class=\"rule\"><code>" + escapeHtml(f.rule_id) + "</code>";
      if (r) out += " " + escapeHtml(r->title);
      out += "</p>\n";
      if (r && !r->basis.document.empty()) {
        out += "<p class=\"basis\">依据：" + escapeHtml(r->basis.document) +
               (r->basis.article.empty() ? std::string() : " " + escapeHtml(r->basis.article)) + "</p>\n";
      }
      if (r && !r->help.empty()) out += "<p class=\"help\">说明：" + escapeHtml(r->help) + "</p>\n";
      if (!f.logical.empty()) out += "<p class=\"logical\">表格位置：" + escapeHtml(f.logical) + "</p>\n";
      out += "</li>\n";
    }
    out += "</ol>\n</aside>\n";
  }

  // ---- the index

  std::string indexPage(const RunResult& run) const {
    std::vector<std::pair<std::string, std::string>> groups;  // id, name
    for (const RuleGroup& g : ruleGroups()) groups.emplace_back(g.id, g.name);
    std::set<std::string> known;
    for (const auto& g : groups) known.insert(g.first);
    bool other = false;
    for (const IndexRow& r : rows_) {
      for (const auto& [g, c] : r.groups) other = other || !known.count(g);
    }
    if (other) groups.emplace_back("", "其他");

    std::array<int, 3> total{0, 0, 0};
    int input_errors = 0;
    for (const IndexRow& r : rows_) {
      for (int s = 0; s < 3; ++s) total[s] += r.total[s];
      input_errors += r.error ? 1 : 0;
    }
    std::string out;
    writeHead(out, "nianbao 检查结果（" + std::to_string(rows_.size()) + " 份报告）");
    out += "<header class=\"top\"><h1>nianbao 检查结果</h1>\n<p class=\"counts\">共 " +
           std::to_string(rows_.size()) + " 份报告： ";
    for (Severity s : {Severity::kError, Severity::kWarning, Severity::kNote}) {
      out += severityBadge(
                 s, std::string(severityNameZh(s)) + " " + std::to_string(total[static_cast<int>(s)])) +
             " ";
    }
    if (input_errors) out += "，" + std::to_string(input_errors) + " 个文件无法读取";
    out += "</p>\n</header>\n";
    out +=
        "<p class=\"legend\">各规则组一栏：✓ 表示无问题；数字依次为错误（红）、警告（橙）、提示（蓝）的个数。"
        "点击表头排序。</p>\n";
    out += "<table class=\"reports\" id=\"reports\">\n<thead><tr>";
    int col = 0;
    auto th = [&](const std::string& label, bool num) {
      out += std::string("<th") + (num ? " data-type=\"num\"" : "") + ">" + escapeHtml(label) + "</th>";
      ++col;
    };
    th("序号", true);
    th("报告文件", false);
    th("报告类型", false);
    th("年度", true);
    th("发文机关", false);
    th("错误", true);
    th("警告", true);
    th("提示", true);
    for (const auto& g : groups) th(g.second, true);
    out += "</tr></thead>\n<tbody>\n";
    for (const IndexRow& r : rows_) {
      auto key = [](const std::array<int, 3>& c) {
        return std::to_string(c[2] * 1000000 + c[1] * 1000 + c[0]);
      };
      std::vector<std::string> keys = {std::to_string(r.index), baseName(r.path), r.type_name, r.year,
                                       r.issuer};
      for (int s : {2, 1, 0}) keys.push_back(r.error ? "-1" : std::to_string(r.total[s]));
      for (const auto& g : groups) {
        auto it = r.groups.find(g.first);
        keys.push_back(r.error ? "-1" : it == r.groups.end() ? "0" : key(it->second));
      }
      if (keys[3].empty()) keys[3] = "0";
      out += "<tr data-i=\"" + std::to_string(r.index) + "\"";
      if (r.error) out += " class=\"row-error\"";
      for (size_t k = 0; k < keys.size(); ++k) {
        out += " data-s" + std::to_string(k) + "=\"" + escapeHtml(keys[k]) + "\"";
      }
      out += ">";
      out += "<td class=\"num\">" + std::to_string(r.index) + "</td>";
      out += "<td><a href=\"" + escapeHtml(r.page) + "\">" + escapeHtml(baseName(r.path)) + "</a></td>";
      if (r.error) {
        out += "<td class=\"errmsg\" colspan=\"" + std::to_string(col - 2) + "\">输入错误：" +
               escapeHtml(*r.error) + "</td></tr>\n";
        continue;
      }
      out += "<td>" + escapeHtml(r.type_name.empty() ? std::string("未识别") : r.type_name) + "</td>";
      out += "<td>" + escapeHtml(r.year) + "</td><td>" + escapeHtml(r.issuer) + "</td>";
      for (int s : {2, 1, 0}) {
        out += "<td class=\"num\">" + std::to_string(r.total[s]) + "</td>";
      }
      for (const auto& g : groups) {
        auto it = r.groups.find(g.first);
        if (it == r.groups.end() || it->second == std::array<int, 3>{0, 0, 0}) {
          out += "<td class=\"pass\" title=\"通过\">✓</td>";
          continue;
        }
        out += "<td class=\"grp\">";
        for (int s : {2, 1, 0}) {
          if (!it->second[s]) continue;
          Severity sev = static_cast<Severity>(s);
          out += std::string("<span class=\"c-") + sevId(sev) + "\" title=\"" + severityNameZh(sev) + "\">" +
                 std::to_string(it->second[s]) + "</span>";
        }
        out += "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    out += "<footer>由 nianbao " + escapeHtml(run.tool_version) + " 生成</footer>\n";
    out += std::string("<script>") + kIndexJs + "</script>\n</body>\n</html>\n";
    return out;
  }

  std::string dir_;
  std::map<std::string, RuleInfo> rules_;
  std::vector<IndexRow> rows_;
  std::string single_;
  std::string write_error_;
};

}  // namespace

std::unique_ptr<Reporter> makeHtmlReporter(const ReporterOptions& options) {
  return std::make_unique<HtmlReporter>(options);
}

}  // namespace nianbao::detail
