// text.h — normalization for matching, with a map back to the source.
//
// Rules never match raw text. They match NormText: NFKC-folded (full-width digits,
// letters and punctuation become half-width), whitespace removed wherever it is
// not between two ASCII letters or digits (spaces inside CJK text, around quotes,
// and the line breaks of hard-wrapped PDF text all vanish), quotes and dashes
// folded to one form, format characters dropped. Each normalized byte remembers
// the source byte range of the code point it came from, so a match found in
// "习近平新时代中国特色社会主义思想" spread over two lines still points at the
// original line and column.
//
//   NormBuilder b;
//   b.append(src.text(), Span{0, 30});
//   NormText t = std::move(b).finish();
//   Span s = t.toSource(3, 9);   // source bytes of normalized bytes [3, 9)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/source.h"

namespace nianbao {

struct NormText {
  std::string text;

  // Source span covering normalized bytes [b, e); empty span when b >= e.
  Span toSource(size_t b, size_t e) const;
  // Source bytes of the code point normalized byte k came from.
  uint32_t sourceBegin(size_t k) const;
  uint32_t sourceEnd(size_t k) const;
  // Normalized bytes [b, e) (code point boundaries) with their source map.
  NormText slice(size_t b, size_t e) const;

  // The map back to the source, in runs (most of a report is copied unchanged,
  // so this costs about a byte per ten of text, not eight per byte). A run
  // starts at normalized byte `norm`; a copied run's bytes are the source's
  // from `src` on, one for one; any other run is the output of the one source
  // code point [src, src_end) (a folded character, an inserted space).
  struct Run {
    uint32_t norm;
    uint32_t src;
    uint32_t src_end;  // 0 for a copied run
  };
  std::vector<Run> runs;

 private:
  const Run& runAt(size_t k) const;
};

class NormBuilder {
 public:
  // `track_origin` false leaves NormText::runs empty: for text that is only
  // compared, never located (normalizeText).
  explicit NormBuilder(bool track_origin = true) : track_(track_origin) {}
  // Appends the source bytes `span` of `source` (valid UTF-8).
  void append(std::string_view source, Span span);
  // Appends a separator that behaves like whitespace (e.g. between lines).
  void breakWord();
  NormText finish() &&;

 private:
  // Appends one normalized code point `d` (UTF-8 `bytes`) that came from source
  // bytes [start, end); `copied` when `bytes` are those very source bytes.
  void put(char32_t d, std::string_view bytes, size_t start, size_t end, bool copied);

  NormText out_;
  bool track_;
  bool pending_space_ = false;
  uint32_t space_origin_ = 0;
  char32_t last_ = 0;
};

// The same normalization without a map: for phrases written in rule files.
std::string normalizeText(std::string_view s);
// Normalizes an RE2 pattern: literal full-width punctuation that NFKC would fold
// into a regex metacharacter (（ ） ［ ］ ＊ ＋ ？ ． ｜ …) becomes an escaped literal,
// so rule authors can write 第（一）项 and mean it.
std::string normalizePattern(std::string_view pattern);

// Terminal columns the text occupies (East Asian wide characters count 2).
int displayWidth(std::string_view s);
// Number of code points.
size_t codePointCount(std::string_view s);
// Decodes one code point at s[i], advances i; invalid bytes yield U+FFFD.
char32_t decodeUtf8(std::string_view s, size_t& i);
// Byte offset where the code point ending at s[i] starts (0 at the start).
size_t prevCodePointStart(std::string_view s, size_t i);
// The code point just before byte i, or 0 at the start.
char32_t codePointBefore(std::string_view s, size_t i);
void appendUtf8(std::string& out, char32_t c);
// Writes the UTF-8 of `c` to out[0..4), returns its length.
size_t encodeUtf8(char32_t c, char* out);
bool isCjk(char32_t c);
// White space as reports use it: ASCII blanks, no-break and ideographic spaces,
// zero-width space and a stray BOM.
bool isBlankChar(char32_t c);

}  // namespace nianbao
