// Shared helpers for the unit tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "nianbao/ingest.h"

namespace nianbao::test {

inline std::string sourceDir() { return NIANBAO_SOURCE_DIR; }
inline std::string sharedDir() { return NIANBAO_SHARED_DIR; }
inline std::string seed(const std::string& name) { return sharedDir() + "/seeds/" + name; }

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A document from text in memory, as if read from `name`.
inline Document docFromText(const std::string& text, const std::string& name = "test.txt") {
  return parseDocument(name, text, ReadOptions{});
}

}  // namespace nianbao::test
