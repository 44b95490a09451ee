#include "base/utf8.h"

namespace fidelis::utf8 {
namespace {

// Length of the valid sequence starting at text[pos], or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t pos, char32_t* out) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        if (out) *out = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (pos + len > text.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    if (out) *out = cp;
    return len;
}

}  // namespace

std::size_t find_invalid(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t len = sequence_length(text, pos, nullptr);
        if (len == 0) return pos;
        pos += len;
    }
    return npos;
}

char32_t decode(std::string_view text, std::size_t& pos) {
    char32_t cp = replacement;
    const std::size_t len = sequence_length(text, pos, &cp);
    if (len == 0) {
        ++pos;
        return replacement;
    }
    pos += len;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n) decode(text, pos);
    return n;
}

std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = decode(text, pos);
        const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
        if (control && cp != '\n' && cp != '\t') continue;
        append(out, cp);
    }
    return out;
}

Position position_of(std::string_view text, std::size_t offset) {
    Position p;
    std::size_t pos = 0;
    const std::size_t end = offset < text.size() ? offset : text.size();
    while (pos < end) {
        if (text[pos] == '\n') {
            ++p.line;
            p.column = 1;
            ++pos;
            continue;
        }
        decode(text, pos);
        ++p.column;
    }
    return p;
}

}  // namespace fidelis::utf8
