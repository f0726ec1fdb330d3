// The RE2::Set prefilter may only skip a rule's regex where it cannot match:
// findings with and without it must be the same.
#include "rules/pattern_prefilter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "nianbao/engine.h"
#include "nianbao/rule_pack.h"
#include "tables/table_cache.h"
#include "test_support.h"

using namespace nianbao;

TEST_CASE("the set says which patterns match in a text") {
  RE2 a("法制宣传"), b(R"((?P<n>\d+)件)"), c("(?i)xyz"), outside("不在集合里");
  detail::PatternPrefilter f({&a, &b, &c, &a, nullptr});
  CHECK(f.size() == 3);  // duplicates and null are left out
  CHECK(f.index(&outside) == -1);
  std::vector<int> hits;
  REQUIRE(f.scan("全年开展法制宣传活动12件", hits));
  CHECK(hits == std::vector<int>{f.index(&a), f.index(&b)});
  REQUIRE(f.scan("没有命中", hits));
  CHECK(hits.empty());
}

TEST_CASE("a pattern compiled with other options is left out of the set") {
  RE2::Options latin;
  latin.set_encoding(RE2::Options::EncodingLatin1);
  RE2 plain("abc"), other("abc", latin);
  detail::PatternPrefilter f({&plain, &other});
  CHECK(f.index(&plain) >= 0);
  CHECK(f.index(&other) == -1);
}

TEST_CASE("findings are the same with and without the prefilter") {
  RuleSet rules;
  rules.addBuiltin();
  // Every text pattern of the built-in packs is in the set (none left to run always).
  std::vector<const RE2*> patterns;
  for (const Rule* r : rules.rules()) r->textPatterns(patterns);
  REQUIRE(patterns.size() > 40);
  for (const RE2* re : patterns) CHECK(rules.prefilter().index(re) >= 0);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(test::sharedDir() + "/seeds"))
    files.push_back(e.path());
  for (const auto& e : std::filesystem::directory_iterator(test::sharedDir() + "/corpus/real")) {
    if (e.path().extension() != ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  size_t total = 0;
  for (const std::string& f : files) {
    CAPTURE(f);
    Document doc = readDocument(f, {});
    detectReportType(doc, rules, {});
    detail::BlockPrefilter prefilter(doc, rules.prefilter());
    detail::TableCache tables(doc, rules);
    for (const auto& pack : rules.packs()) {
      for (const auto& rule : pack->rules) {
        CAPTURE(rule->info().id);
        Findings with, without;
        rule->evaluate(EvalContext{doc, *pack, &tables, &prefilter}, with);
        rule->evaluate(EvalContext{doc, *pack, &tables, nullptr}, without);
        REQUIRE(with.items().size() == without.items().size());
        for (size_t i = 0; i < with.items().size(); ++i) {
          CHECK(with.items()[i].message == without.items()[i].message);
          CHECK(with.items()[i].span.begin == without.items()[i].span.begin);
        }
        total += with.items().size();
      }
    }
  }
  CHECK(total > 0);
}
