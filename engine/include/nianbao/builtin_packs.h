// builtin_packs.h — the rule packs of rules/packs/, compiled into the binary.
#pragma once

#include <span>
#include <string_view>

namespace nianbao {

struct EmbeddedFile {
  std::string_view name;  // path relative to the source tree, e.g. rules/packs/fz.yaml
  std::string_view content;
};

std::span<const EmbeddedFile> builtinPacks();

}  // namespace nianbao
