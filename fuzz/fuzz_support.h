// Shared helpers for the libFuzzer targets (see docs/fuzzing.md).
//
// Expected outcomes of hostile input are InputError (readers) and LoadErrors
// (rule loader): the helpers swallow those. Anything else that escapes is a
// finding: libFuzzer reports the uncaught exception as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "ingest/reader.h"
#include "nianbao/document.h"
#include "nianbao/engine.h"
#include "nianbao/ingest.h"
#include "nianbao/rule_pack.h"

namespace nianbao::fuzz {

// The built-in packs, loaded once per process.
inline const RuleSet& builtinRules() {
  static const RuleSet* rules = [] {
    auto* r = new RuleSet;
    r->addBuiltin();
    return r;
  }();
  return *rules;
}

// A broken invariant of the document model is a finding too.
#define NIANBAO_FUZZ_CHECK(cond)                                                        \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

inline void checkSpan(const Document& doc, const Span& s) {
  NIANBAO_FUZZ_CHECK(s.begin <= s.end);
  NIANBAO_FUZZ_CHECK(s.end <= doc.source.text().size());
}

inline void checkSections(const Document& doc, const std::vector<Section>& sections, int parent_level) {
  for (const Section& s : sections) {
    NIANBAO_FUZZ_CHECK(s.level > parent_level);
    NIANBAO_FUZZ_CHECK(s.block < doc.blocks.size());
    NIANBAO_FUZZ_CHECK(s.body_begin <= s.body_end);
    NIANBAO_FUZZ_CHECK(s.body_end <= doc.blocks.size());
    checkSpan(doc, s.heading);
    checkSections(doc, s.children, s.level);
  }
}

// Spans inside the text, block ranges inside the blocks.
inline void checkModel(const Document& doc) {
  for (const Block& b : doc.blocks) {
    checkSpan(doc, b.span);
    NIANBAO_FUZZ_CHECK(b.first_line <= b.last_line);
  }
  NIANBAO_FUZZ_CHECK(doc.body_begin <= doc.body_end);
  NIANBAO_FUZZ_CHECK(doc.body_end <= doc.blocks.size());
  for (const auto* regions : {&doc.front, &doc.back}) {
    for (const Region& r : *regions) {
      NIANBAO_FUZZ_CHECK(r.begin <= r.end);
      NIANBAO_FUZZ_CHECK(r.end <= doc.blocks.size());
    }
  }
  for (const auto& [name, field] : doc.meta) checkSpan(doc, field.span);
  checkSections(doc, doc.parts, 0);
  for (const Table& t : doc.tables) {
    NIANBAO_FUZZ_CHECK(t.first_block <= t.last_block);
    NIANBAO_FUZZ_CHECK(t.last_block < doc.blocks.size());
    for (const TableRow& r : t.rows) {
      checkSpan(doc, r.span);
      for (const Cell& c : r.cells) checkSpan(doc, c.span);
    }
  }
}

// Runs the type detection, every applicable rule and the table grids on a
// parsed document, so that the recognizers' output is exercised downstream.
// With `fallback_type`, a document of no detected type is checked as that type.
inline void checkDocument(Document& doc, const RuleSet& rules, const char* fallback_type = nullptr) {
  detectReportType(doc, rules, CheckOptions{});
  if (doc.type.empty() && fallback_type) detectReportType(doc, rules, CheckOptions{fallback_type});
  std::vector<Finding> findings = evaluate(doc, rules);
  std::vector<TableGrid> grids = tableGrids(doc, rules);
  (void)findings;
  (void)grids;
}

// An example report from the source tree (NIANBAO_SOURCE_DIR/examples/...),
// parsed once; the rule and expression targets evaluate against it.
inline const Document& exampleDocument(const std::string& name) {
  static std::map<std::string, Document>* docs = new std::map<std::string, Document>;
  auto it = docs->find(name);
  if (it == docs->end()) {
    Document doc = readDocument(std::string(NIANBAO_SOURCE_DIR) + "/examples/" + name, ReadOptions{});
    detectReportType(doc, builtinRules(), CheckOptions{});
    it = docs->emplace(name, std::move(doc)).first;
  }
  return it->second;
}

// One reader target: bytes -> Document (format forced) -> rules.
// The recognizers' input: `data` as a valid UTF-8 document of `format`, with
// its structure recognized; nullopt for what a reader refuses before that
// point (NUL bytes, invalid UTF-8).
inline std::optional<Document> recognizedText(const uint8_t* data, size_t size, const char* path,
                                              const char* format) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.find('\0') != std::string::npos) return std::nullopt;
  detail::Decoded decoded;
  try {
    decoded = detail::decodeText(path, bytes, "UTF-8");
  } catch (const InputError&) {
    return std::nullopt;
  }
  Document doc;
  doc.source = SourceText(path, std::move(decoded.text), "UTF-8", format);
  detail::recognizeStructure(doc);
  return doc;
}

inline int runReader(const char* path, const char* format, const uint8_t* data, size_t size) {
  const RuleSet& rules = builtinRules();
  ReadOptions options;
  options.format = format;
  Document doc;
  try {
    doc = parseDocument(path, std::string(reinterpret_cast<const char*>(data), size), options);
  } catch (const InputError&) {
    return 0;
  }
  checkModel(doc);
  checkDocument(doc, rules);
  return 0;
}

}  // namespace nianbao::fuzz
