// JSON Lines for scripts: one object per report, one line each, in input order.
// The schema is docs/schema/json-output.schema.json (described in the user
// guide); fields are only ever added, never renamed. Keys are written in a
// fixed order and nothing depends on time: same run, same bytes.
#include <nlohmann/json.hpp>

#include <ostream>

#include "reporter_kinds.h"

namespace nianbao::detail {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

Json position(const Position& p) {
  Json j = Json::object();
  j["line"] = p.line;
  j["column"] = p.column;
  if (p.page) j["page"] = p.page;
  if (p.paragraph) j["paragraph"] = p.paragraph;
  if (p.orig_line) j["sourceLine"] = p.orig_line;
  return j;
}

Json findingJson(const Finding& f, const std::map<std::string, RuleInfo>& rules) {
  Json j = Json::object();
  j["rule"] = f.rule_id;
  if (auto it = rules.find(f.rule_id); it != rules.end()) {
    j["title"] = it->second.title;
    j["group"] = it->second.group;
  }
  j["severity"] = severityName(f.severity);
  j["message"] = f.message;
  j["start"] = position(f.begin);
  j["end"] = position(f.end);
  if (!f.begin.place().empty()) j["place"] = f.begin.place();
  if (!f.logical.empty()) j["cell"] = f.logical;
  j["snippet"] = f.snippet;
  j["fingerprint"] = f.fingerprint;
  if (!f.properties.empty()) {
    Json p = Json::object();
    for (const auto& [k, v] : f.properties) p[k] = v;
    j["properties"] = p;
  }
  if (!f.related.empty()) {
    Json rel = Json::array();
    for (const RelatedPlace& r : f.related) {
      Json o = Json::object();
      o["label"] = r.label;
      o["start"] = position(r.begin);
      rel.push_back(o);
    }
    j["related"] = rel;
  }
  return j;
}

class JsonReporter : public Reporter {
 public:
  void begin(const RunResult& run, std::ostream&) override {
    for (const RuleInfo& r : run.rules) rules_[r.id] = r;
  }

  // One line per report, written as the report comes.
  void document(const DocumentResult& d, const Document*, std::ostream& out) override {
    Json j = Json::object();
    j["nianbao"] = kSchemaVersion;
    j["file"] = d.path;
    if (d.error) {
      j["error"] = *d.error;
      out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      return;
    }
    j["format"] = d.format;
    j["encoding"] = d.encoding;
    j["type"] = d.type.empty() ? Json(nullptr) : Json(d.type);
    j["typeName"] = d.type_name;
    Json meta = Json::object();
    for (const auto& [k, v] : d.meta) meta[k] = v.value;
    j["metadata"] = meta;
    int counts[3] = {0, 0, 0}, baselined = 0;
    Json findings = Json::array();
    for (const Finding& f : d.findings) {
      if (f.baselined) {
        ++baselined;
        continue;
      }
      ++counts[static_cast<int>(f.severity)];
      findings.push_back(findingJson(f, rules_));
    }
    j["counts"] = {{"error", counts[2]}, {"warning", counts[1]}, {"note", counts[0]}};
    if (baselined) j["baselined"] = baselined;
    j["findings"] = findings;
    out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }

  void end(const RunResult&, std::ostream&) override {}

 private:
  std::map<std::string, RuleInfo> rules_;
};

}  // namespace

std::unique_ptr<Reporter> makeJsonReporter(const ReporterOptions&) {
  return std::make_unique<JsonReporter>();
}

}  // namespace nianbao::detail
