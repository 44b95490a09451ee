#pragma once
// UTF-8 helpers shared by every layer: the loader rejects bad files with a position,
// the store and reports sanitise user text so a broken byte never breaks output.
#include <cstddef>
#include <string>
#include <string_view>

namespace fidelis::utf8 {

inline constexpr std::size_t npos = std::string_view::npos;
inline constexpr char32_t replacement = 0xFFFD;

// Offset of the first byte that does not start a valid UTF-8 sequence, or npos.
std::size_t find_invalid(std::string_view text);
inline bool is_valid(std::string_view text) { return find_invalid(text) == npos; }

// Decodes the code point at `pos` and advances `pos`. An invalid sequence yields
// U+FFFD and advances one byte, so callers always make progress.
char32_t decode(std::string_view text, std::size_t& pos);
void append(std::string& out, char32_t cp);
std::size_t length(std::string_view text);

// Replaces invalid sequences with U+FFFD and drops control characters other than
// newline and tab. Carriage returns are dropped so CRLF text reads as LF text.
std::string sanitize(std::string_view text);

// 1-based line and column (in code points) of a byte offset, for diagnostics.
struct Position {
    int line = 1;
    int column = 1;
};
Position position_of(std::string_view text, std::size_t offset);

}  // namespace fidelis::utf8
