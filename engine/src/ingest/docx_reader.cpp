// docx reader: placeholder until the reader lands (see reader.h for the contract).
#include "ingest/reader.h"
#include "nianbao/ingest.h"

namespace nianbao::detail {

Extracted readDocx(const std::string& path, const std::string&) {
  throw InputError(path, "暂不支持的格式：docx");
}

}  // namespace nianbao::detail
