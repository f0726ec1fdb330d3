// SARIF 2.1.0 (OASIS errata01 schema). One run; rules carry their legal basis in
// properties; results point to a region whose columns are Unicode code points
// (declared with run.columnKind); partialFingerprints come from rule, report
// identity and content, never line numbers. No timestamps: byte-stable output.
#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

#include "reporter_kinds.h"

namespace nianbao::detail {
namespace {

using Json = nlohmann::ordered_json;

// A relative path stays a relative URI reference; an absolute one becomes file://.
// Bytes outside the unreserved set are percent-encoded (UTF-8 Chinese names too).
std::string toUri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

const char* level(Severity s) { return severityName(s); }

const char* mimeType(const std::string& format) {
  if (format == "md") return "text/markdown";
  if (format == "html") return "text/html";
  if (format == "pdf") return "application/pdf";
  if (format == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return "text/plain";
}

std::string lastPart(const std::string& id) {
  size_t dot = id.rfind('.');
  return dot == std::string::npos ? id : id.substr(dot + 1);
}

Json ruleJson(const RuleInfo& r) {
  std::string help = r.help.empty() ? r.title : r.help;
  std::string basis = r.basis.document + (r.basis.article.empty() ? "" : " " + r.basis.article);
  Json props = Json::object();
  props["kind"] = r.kind;
  props["pack"] = r.pack;
  Json b = Json::object();
  b["document"] = r.basis.document;
  if (!r.basis.article.empty()) b["article"] = r.basis.article;
  if (!r.basis.ref.empty()) b["ref"] = r.basis.ref;
  if (!r.basis.note.empty()) b["note"] = r.basis.note;
  props["basis"] = b;
  if (!r.types.empty()) props["reportTypes"] = r.types;
  if (r.year_from) props["yearFrom"] = *r.year_from;
  if (r.year_to) props["yearTo"] = *r.year_to;
  props["tags"] = Json::array({r.pack, r.kind});
  Json j = Json::object();
  j["id"] = r.id;
  j["name"] = lastPart(r.id);
  j["shortDescription"] = {{"text", r.title}};
  j["fullDescription"] = {{"text", r.title + "（依据：" + basis + "）"}};
  j["help"] = {{"text", help + "\n依据：" + basis}};
  j["defaultConfiguration"] = {{"level", level(r.severity)}};
  j["properties"] = props;
  return j;
}

class SarifReporter : public Reporter {
 public:
  explicit SarifReporter(const ReporterOptions& o) : baseline_(o.baseline) {}

  // The log is written as reports come: the head (tool and rules) first, each
  // result as its report arrives, and artifacts and the invocation (small)
  // at the end. The indentation matches a whole-document dump(2).
  void begin(const RunResult& run, std::ostream& out) override {
    for (size_t k = 0; k < run.rules.size(); ++k) rule_index_[run.rules[k].id] = k;
    Json driver = Json::object();
    driver["name"] = "nianbao";
    driver["version"] = run.tool_version;
    driver["semanticVersion"] = run.tool_version;
    driver["language"] = "zh-CN";
    Json rules = Json::array();
    for (const RuleInfo& r : run.rules) rules.push_back(ruleJson(r));
    driver["rules"] = rules;
    out << "{\n  \"$schema\": "
        << Json("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
               .dump()
        << ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": "
        << indented(Json{{"driver", driver}}, 6)
        << ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [";
  }

  void document(const DocumentResult& d, const Document*, std::ostream& out) override {
    size_t i = artifacts_.size();
    Json art = Json::object();
    art["location"] = {{"uri", toUri(d.path)}};
    if (d.error) {
      artifacts_.push_back(art);
      Json n = Json::object();
      n["level"] = "error";
      n["message"] = {{"text", *d.error}};
      n["locations"] = Json::array(
          {{{"physicalLocation", {{"artifactLocation", {{"uri", toUri(d.path)}, {"index", i}}}}}}});
      notifications_.push_back(n);
      return;
    }
    if (!d.encoding.empty()) art["encoding"] = d.encoding;
    art["mimeType"] = mimeType(d.format);
    Json props = Json::object();
    if (!d.type.empty()) props["reportType"] = d.type;
    for (const auto& [k, v] : d.meta) props[k] = v.value;
    if (!props.empty()) art["properties"] = props;
    artifacts_.push_back(art);
    for (const Finding& f : d.findings) {
      Json res = resultJson(d, i, f);
      // With a baseline every result says whether it is new; known ones are
      // suppressed, so viewers hide them by default.
      if (baseline_) res["baselineState"] = f.baselined ? "unchanged" : "new";
      if (f.baselined)
        res["suppressions"] = Json::array({{{"kind", "external"}, {"justification", "已记录在基线文件中"}}});
      out << (results_ ? ",\n        " : "\n        ") << indented(res, 8);
      ++results_;
    }
  }

  void end(const RunResult& run, std::ostream& out) override {
    Json invocation = Json::object();
    invocation["executionSuccessful"] = run.exit_code != 2;
    invocation["exitCode"] = run.exit_code;
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
    out << (results_ ? "\n      ],\n" : "],\n") << "      \"artifacts\": " << indented(artifacts_, 6)
        << ",\n      \"invocations\": " << indented(Json::array({invocation}), 6) << "\n    }\n  ]\n}\n";
  }

 private:
  // A physical location in the original file. Plain text and markdown get
  // line/column regions; HTML gets the source line only (columns are in the
  // extracted text); PDF and DOCX are binary, so no text region: the page or
  // paragraph goes into properties, with the line/column that `nianbao parse`
  // shows for the extracted text.
  bool baseline_ = false;
  std::map<std::string, size_t> rule_index_;
  Json artifacts_ = Json::array();
  Json notifications_ = Json::array();
  size_t results_ = 0;

  // A value dumped with 2-space indentation, its lines shifted right by `by`
  // (the first line continues the current one).
  static std::string indented(const Json& j, int by) {
    std::string s = j.dump(2, ' ', false, Json::error_handler_t::replace);
    std::string pad(static_cast<size_t>(by), ' ');
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
      out += c;
      if (c == '\n') out += pad;
    }
    return out;
  }

  static Json physical(const DocumentResult& d, size_t artifact, const Position& b, const Position& e,
                       const std::string& snippet) {
    Json phys = Json::object();
    phys["artifactLocation"] = {{"uri", toUri(d.path)}, {"index", artifact}};
    Json region = Json::object();
    bool binary = b.page || b.paragraph;
    if (b.orig_line) {
      region["startLine"] = b.orig_line;
      if (e.orig_line > b.orig_line) region["endLine"] = e.orig_line;
    } else if (!binary) {
      region["startLine"] = b.line;
      region["startColumn"] = b.column;
      if (e.offset > b.offset) {
        region["endLine"] = e.line;
        region["endColumn"] = e.column;
      }
    }
    if (!region.empty()) {
      if (!snippet.empty()) region["snippet"] = {{"text", snippet}};
      phys["region"] = region;
    }
    if (!b.place().empty()) {
      Json p = Json::object();
      if (b.page) p["page"] = b.page;
      if (b.paragraph) p["paragraph"] = b.paragraph;
      p["where"] = b.place();
      p["extractedLine"] = b.line;
      p["extractedColumn"] = b.column;
      if (binary && !snippet.empty()) p["snippet"] = snippet;
      phys["properties"] = p;
    }
    return phys;
  }

  Json resultJson(const DocumentResult& d, size_t artifact, const Finding& f) const {
    Json phys = physical(d, artifact, f.begin, f.end, f.snippet);
    Json res = Json::object();
    res["ruleId"] = f.rule_id;
    if (auto it = rule_index_.find(f.rule_id); it != rule_index_.end()) res["ruleIndex"] = it->second;
    res["level"] = level(f.severity);
    res["message"] = {{"text", f.message}};
    Json loc = Json::object();
    loc["physicalLocation"] = phys;
    if (!f.logical.empty()) {
      loc["logicalLocations"] = Json::array({{{"fullyQualifiedName", f.logical}, {"kind", "element"}}});
    }
    res["locations"] = Json::array({loc});
    if (!f.related.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const RelatedPlace& r : f.related) {
        Json p = physical(d, artifact, r.begin, r.end, "");
        related.push_back({{"id", id++}, {"physicalLocation", p}, {"message", {{"text", r.label}}}});
      }
      res["relatedLocations"] = related;
    }
    res["partialFingerprints"] = {{"nianbao/v1", f.fingerprint}};
    if (!f.properties.empty()) {
      Json p = Json::object();
      for (const auto& [k, v] : f.properties) p[k] = v;
      res["properties"] = p;
    }
    return res;
  }
};

}  // namespace

std::unique_ptr<Reporter> makeSarifReporter(const ReporterOptions& options) {
  return std::make_unique<SarifReporter>(options);
}

}  // namespace nianbao::detail
