// libFuzzer target: the rule loader. The input is a rule pack (YAML) loaded on
// its own and on top of the built-in packs (so `extends`, table ids and
// duplicate ids are checked against them); a pack that loads is then run
// on the example reports. LoadErrors is the expected outcome of bad input.
#include <string_view>

#include "fuzz_support.h"

namespace {

void runPack(const nianbao::RuleSet& rules) {
  using namespace nianbao;
  for (const char* name : {"fz-2023-clean.txt", "xg-2023-clean.md"}) {
    Document doc = fuzz::exampleDocument(name);
    fuzz::checkDocument(doc, rules);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nianbao;
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  try {
    RuleSet alone;
    alone.addText("fuzz.yaml", yaml);
    runPack(alone);
  } catch (const LoadErrors&) {
  }
  // On top of the built-in packs: a copy shares them, so no reloading per input.
  try {
    RuleSet on_builtin = fuzz::builtinRules();
    on_builtin.addText("fuzz.yaml", yaml);
    runPack(on_builtin);
  } catch (const LoadErrors&) {
  }
  return 0;
}
