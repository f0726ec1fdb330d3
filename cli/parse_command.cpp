// nianbao parse FILE : what the rules see — metadata, regions, outline.
#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "config.h"
#include "nianbao/engine.h"
#include "nianbao/ingest.h"
#include "nianbao/text.h"

namespace po = boost::program_options;
using Json = nlohmann::ordered_json;

namespace nianbao::cli {
namespace {

const char* regionLabel(const std::string& kind) {
  if (kind == "cover-letter") return "报送函";
  if (kind == "web-metadata") return "网页元数据";
  if (kind == "letterhead") return "版头";
  if (kind == "title") return "标题";
  if (kind == "footer") return "版记";
  if (kind == "signature") return "落款";
  return "";
}

std::string lines(const Document& d, size_t begin, size_t end) {
  if (begin >= end) return "（无）";
  return "第" + std::to_string(d.blocks[begin].first_line) + "–" +
         std::to_string(d.blocks[end - 1].last_line) + "行";
}

void printBlocks(const Document& d) {
  std::cout << "段落（合并断行后，规范化文本）:\n";
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const Block& b = d.blocks[i];
    const char* kind = b.kind == BlockKind::kTableRow  ? "表格行"
                       : b.kind == BlockKind::kHeading ? "标题行"
                                                       : "段落";
    std::cout << "  [" << i << "] 第" << b.first_line
              << (b.last_line != b.first_line ? "–" + std::to_string(b.last_line) : "") << "行 " << kind
              << ": " << b.norm.text << "\n";
  }
}

std::string pad(const std::string& s, int width) {
  int w = displayWidth(s);
  return s + std::string(static_cast<size_t>(std::max(0, width - w)), ' ');
}

// Each template as a grid: rows × columns as read, so a person sees at once
// what the rules will see. "空" is a blank cell, "-" nothing read, "" not applicable.
void printGrids(const std::vector<TableGrid>& grids) {
  if (grids.empty()) return;
  std::cout << "表格（对照模板）:\n";
  for (const TableGrid& g : grids) {
    std::cout << "  " << g.id << " " << g.name;
    if (!g.found) {
      std::cout << "：未找到\n";
      continue;
    }
    std::cout << "（第" << g.first_line << "–" << g.last_line << "行）\n";
    int label_w = 0;
    for (const std::string& r : g.rows) label_w = std::max(label_w, displayWidth(r));
    label_w = std::min(label_w, 40);
    std::vector<int> widths;
    for (size_t c = 0; c < g.columns.size(); ++c) {
      int w = displayWidth(g.columns[c]);
      for (const auto& row : g.cells) w = std::max(w, displayWidth(row[c]));
      widths.push_back(w);
    }
    std::cout << "    " << pad("", label_w);
    for (size_t c = 0; c < g.columns.size(); ++c) std::cout << " | " << pad(g.columns[c], widths[c]);
    std::cout << "\n";
    for (size_t r = 0; r < g.rows.size(); ++r) {
      std::string label = g.rows[r];
      if (displayWidth(label) > label_w) {
        size_t i = 0;
        int w = 0;
        while (i < label.size()) {
          size_t k = i;
          char32_t ch = decodeUtf8(label, k);
          int cw = displayWidth(label.substr(i, k - i));
          if (w + cw > label_w - 2) break;
          w += cw;
          i = k;
          (void)ch;
        }
        label = label.substr(0, i) + "…";
      }
      std::cout << "    " << pad(label, label_w);
      for (size_t c = 0; c < g.columns.size(); ++c) std::cout << " | " << pad(g.cells[r][c], widths[c]);
      std::cout << "\n";
    }
    for (const std::string& n : g.notes) std::cout << "    注：" << n << "\n";
  }
}

void printTables(const Document& d) {
  std::cout << "表格（原样读出，" << d.tables.size() << " 个）:\n";
  for (size_t t = 0; t < d.tables.size(); ++t) {
    const Table& tb = d.tables[t];
    std::cout << "  [" << t << "] " << tb.format << " 第" << d.blocks[tb.first_block].first_line << "–"
              << d.blocks[tb.last_block].last_line << "行\n";
    for (const TableRow& r : tb.rows) {
      std::cout << "    第" << r.line << "行" << (r.header ? "(表头)" : "") << ":";
      for (const Cell& c : r.cells) std::cout << " |" << (c.kind == CellKind::kBlank ? "·" : c.text);
      std::cout << " |\n";
    }
  }
}

void printText(const Document& d, const std::string& type_name, int depth) {
  std::cout << "文件: " << d.source.path() << "\n";
  std::cout << "编码: " << d.source.encoding() << "  格式: " << d.source.format()
            << "  行数: " << d.source.lineCount() << "  段落: " << d.blocks.size() << "\n";
  std::cout << "类型: " << (d.type.empty() ? "未识别" : d.type + "（" + type_name + "）")
            << (d.type_source.empty() ? "" : "  依据: " + d.type_source) << "\n";
  std::cout << "元数据:\n";
  for (const char* name : kMetadataFields) {
    const MetaField* f = d.field(name);
    if (!f) continue;
    Position p = d.source.position(f->span.begin);
    std::cout << "  " << metadataFieldLabel(name) << "(" << name << "): " << f->value << "  [" << p.line
              << ":" << p.column << " " << f->source << "]\n";
  }
  std::cout << "前置部分:\n";
  if (d.front.empty()) std::cout << "  （无）\n";
  for (const Region& r : d.front) {
    std::cout << "  " << regionLabel(r.kind) << "(" << r.kind << ") " << lines(d, r.begin, r.end)
              << (r.title.empty() ? "" : "  " + r.title) << "\n";
  }
  std::cout << "正文: " << lines(d, d.body_begin, d.body_end) << "\n";
  std::cout << "后置部分:\n";
  if (d.back.empty()) std::cout << "  （无）\n";
  for (const Region& r : d.back)
    std::cout << "  " << regionLabel(r.kind) << "(" << r.kind << ") " << lines(d, r.begin, r.end) << "\n";
  std::cout << "大纲（" << d.parts.size() << " 个部分）:\n";
  auto print = [&](auto& self, const std::vector<Section>& secs) -> void {
    for (const Section& s : secs) {
      if (depth > 0 && s.level > depth) continue;
      std::cout << "  " << std::string(static_cast<size_t>(2 * (s.level - 1)), ' ') << "第" << s.line
                << "行  " << s.marker << s.title << "\n";
      self(self, s.children);
    }
  };
  print(print, d.parts);
}

Json sectionJson(const Document& d, const Section& s, int depth) {
  Position p = d.source.position(s.heading.begin);
  Json j = Json::object();
  j["level"] = s.level;
  j["style"] = markerStyleName(s.style);
  j["marker"] = s.marker;
  j["number"] = s.number;
  j["title"] = s.title;
  j["line"] = p.line;
  j["column"] = p.column;
  j["body_lines"] = Json::array({s.body_begin < d.blocks.size() && s.body_begin < s.body_end
                                     ? d.blocks[s.body_begin].first_line
                                     : s.line,
                                 s.body_end > 0 ? d.blocks[s.body_end - 1].last_line : s.line});
  Json children = Json::array();
  for (const Section& c : s.children) {
    if (depth == 0 || c.level <= depth) children.push_back(sectionJson(d, c, depth));
  }
  j["children"] = children;
  return j;
}

Json regionJson(const Document& d, const Region& r) {
  Json j = Json::object();
  j["kind"] = r.kind;
  j["first_line"] = r.begin < r.end ? d.blocks[r.begin].first_line : 0;
  j["last_line"] = r.begin < r.end ? d.blocks[r.end - 1].last_line : 0;
  if (!r.title.empty()) j["title"] = r.title;
  return j;
}

void printJson(const Document& d, int depth, bool blocks, const std::vector<TableGrid>& grids) {
  Json j = Json::object();
  j["file"] = d.source.path();
  j["encoding"] = d.source.encoding();
  j["format"] = d.source.format();
  j["lines"] = d.source.lineCount();
  j["type"] = d.type;
  j["type_source"] = d.type_source;
  Json meta = Json::object();
  for (const char* name : kMetadataFields) {
    const MetaField* f = d.field(name);
    if (!f) continue;
    Position p = d.source.position(f->span.begin);
    meta[name] = {{"value", f->value}, {"line", p.line}, {"column", p.column}, {"source", f->source}};
  }
  j["metadata"] = meta;
  Json front = Json::array(), back = Json::array();
  for (const Region& r : d.front) front.push_back(regionJson(d, r));
  for (const Region& r : d.back) back.push_back(regionJson(d, r));
  j["front"] = front;
  j["body"] = regionJson(d, Region{"body", d.body_begin, d.body_end, ""});
  j["back"] = back;
  Json outline = Json::array();
  for (const Section& s : d.parts) outline.push_back(sectionJson(d, s, depth));
  j["outline"] = outline;
  Json tables = Json::array();
  for (const TableGrid& g : grids) {
    Json cells = Json::array();
    for (size_t r = 0; r < g.rows.size(); ++r) {
      Json row = Json::object();
      row["row"] = g.rows[r];
      Json values = Json::object();
      for (size_t c = 0; c < g.columns.size(); ++c) {
        if (!g.cells[r][c].empty())
          values[g.columns[c]] = {{"value", g.cells[r][c]}, {"line", g.lines[r][c]}};
      }
      row["cells"] = values;
      cells.push_back(row);
    }
    tables.push_back({{"id", g.id},
                      {"name", g.name},
                      {"found", g.found},
                      {"first_line", g.first_line},
                      {"last_line", g.last_line},
                      {"rows", cells},
                      {"notes", g.notes}});
  }
  j["tables"] = tables;
  if (blocks) {
    Json bs = Json::array();
    for (const Block& b : d.blocks) {
      const char* kind = b.kind == BlockKind::kTableRow  ? "table-row"
                         : b.kind == BlockKind::kHeading ? "heading"
                                                         : "paragraph";
      bs.push_back(
          {{"kind", kind}, {"first_line", b.first_line}, {"last_line", b.last_line}, {"text", b.norm.text}});
    }
    j["blocks"] = bs;
  }
  std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace

int parseCommand(const std::vector<std::string>& args) {
  std::string file, format, type, encoding;
  std::vector<std::string> rule_paths, disable, set;
  std::string config_path;
  bool no_builtin = false, blocks = false, raw_tables = false;
  int depth = 0;
  po::options_description opts("nianbao parse [选项] FILE", 400, 200);  // no wrapping: Boost cuts UTF-8
  // clang-format off
  opts.add_options()
      ("help,h", "显示帮助")
      ("format,f", po::value(&format)->default_value("text"), "输出格式：text 或 json")
      ("depth", po::value(&depth)->default_value(0), "大纲只显示到第几层（0 = 全部）")
      ("blocks", po::bool_switch(&blocks), "另列出每个段落（合并断行后）的行号与规范化文本")
      ("raw-tables", po::bool_switch(&raw_tables), "另列出原样读出的表格（未对照模板）")
      ("rules,r", po::value(&rule_paths)->composing(), "追加规则包（影响报告类型识别）")
      ("no-builtin", po::bool_switch(&no_builtin), "不载入内置规则包")
      ("config", po::value(&config_path), "配置文件（默认当前目录的 nianbao.yaml）")
      ("disable", po::value(&disable)->composing(), "不运行这条规则（可多次）")
      ("set", po::value(&set)->composing(), "改写规则字段：规则id.字段=值（可多次），如 fz.publish-deadline.deadline=03-01")
      ("type,t", po::value(&type), "指定报告类型")
      ("encoding", po::value(&encoding), "指定输入编码");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("file", po::value(&file));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "nianbao parse: 错误: " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return 0;
  }
  if (file.empty()) {
    std::cerr << "nianbao parse: 错误: 请给出一个报告文件\n";
    return 2;
  }
  if (format != "text" && format != "json") {
    std::cerr << "nianbao parse: 错误: --format 应为 text 或 json\n";
    return 2;
  }
  auto config = loadConfig(config_path);
  if (!config || !applyFlags(*config, disable, set)) return 2;
  if (no_builtin) config->builtin = false;
  if (type.empty()) type = config->type;
  RuleSet rules;
  if (!loadConfiguredRules(rules, *config, rule_paths) || !validType(rules, type)) return 2;
  ReadOptions ropt;
  ropt.encoding = encoding;
  try {
    Document doc = readDocument(file, ropt);
    detectReportType(doc, rules, CheckOptions{type});
    const ReportTypeDef* t = rules.reportType(doc.type);
    if (format == "json") {
      printJson(doc, depth, blocks, tableGrids(doc, rules));
    } else {
      printText(doc, t ? t->name : "", depth);
      printGrids(tableGrids(doc, rules));
    }
    if (raw_tables && format == "text") printTables(doc);
    if (blocks && format == "text") printBlocks(doc);  // json carries them itself
  } catch (const InputError& e) {
    std::cerr << "nianbao: 错误: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace nianbao::cli
