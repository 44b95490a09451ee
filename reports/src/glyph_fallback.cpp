// One mark per grapheme cluster the report fonts cannot draw (see glyph_fallback.h).
// The character properties come from small range tables here, plus FriBidi's bidi class
// for combining marks: class NSM is exactly the nonspacing and enclosing marks (Mn, Me),
// which is most of what extends a cluster, and FriBidi is linked in already for bidi.h.
#include "glyph_fallback.h"

#include <fribidi.h>

namespace fidelis::pdf {
namespace {

bool in(char32_t c, char32_t from, char32_t to) { return c >= from && c <= to; }

bool zwj(char32_t c) { return c == 0x200D; }

// Joins the character before it into one cluster (UAX #29 Extend, less ZWJ, handled apart).
bool extends(char32_t c) {
    return c == 0x200C ||                      // ZWNJ
           in(c, 0x1F3FB, 0x1F3FF) ||          // emoji skin-tone modifiers
           in(c, 0xE0020, 0xE007F) ||          // emoji tag sequences (subdivision flags)
           in(c, 0xFE00, 0xFE0F) || in(c, 0xE0100, 0xE01EF) ||  // variation selectors
           fribidi_get_bidi_type(FriBidiChar(c)) == FRIBIDI_TYPE_NSM;
}

// Extended_Pictographic, broadly: what a ZWJ joins into one emoji.
bool pictographic(char32_t c) {
    return in(c, 0x1F000, 0x1FAFF) || in(c, 0x2300, 0x23FF) || in(c, 0x2600, 0x27BF) || in(c, 0x2B00, 0x2BFF) ||
           c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139 ||
           in(c, 0x2194, 0x21AA) || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299;
}

bool regional_indicator(char32_t c) { return in(c, 0x1F1E6, 0x1F1FF); }

// Conjoining Hangul: leading consonants, vowels, trailing consonants, precomposed syllables.
enum class Hangul { None, L, V, T, LV, LVT };
Hangul hangul(char32_t c) {
    if (in(c, 0x1100, 0x115F) || in(c, 0xA960, 0xA97C)) return Hangul::L;
    if (in(c, 0x1160, 0x11A7) || in(c, 0xD7B0, 0xD7C6)) return Hangul::V;
    if (in(c, 0x11A8, 0x11FF) || in(c, 0xD7CB, 0xD7FB)) return Hangul::T;
    if (in(c, 0xAC00, 0xD7A3)) return (c - 0xAC00) % 28 == 0 ? Hangul::LV : Hangul::LVT;
    return Hangul::None;
}

bool hangul_joins(Hangul before, Hangul after) {
    switch (before) {
    case Hangul::L:
        return after == Hangul::L || after == Hangul::V || after == Hangul::LV || after == Hangul::LVT;
    case Hangul::LV:
    case Hangul::V:
        return after == Hangul::V || after == Hangul::T;
    case Hangul::LVT:
    case Hangul::T:
        return after == Hangul::T;
    default:
        return false;
    }
}

}  // namespace

std::size_t cluster_end(std::u32string_view s, std::size_t start) {
    if (start >= s.size()) return s.size();
    std::size_t i = start + 1;
    if (regional_indicator(s[start]) && i < s.size() && regional_indicator(s[i])) ++i;  // a flag is a pair
    for (Hangul h = hangul(s[start]); h != Hangul::None && i < s.size() && hangul_joins(h, hangul(s[i]));)
        h = hangul(s[i++]);
    while (i < s.size()) {
        if (extends(s[i])) {
            ++i;
        } else if (zwj(s[i])) {
            ++i;  // a ZWJ always stays with what precedes it, and joins a pictograph after it
            if (i < s.size() && pictographic(s[i]) && pictographic(s[start])) ++i;
        } else {
            break;
        }
    }
    return i;
}

std::u32string mark_missing(std::u32string_view s, const std::function<bool(char32_t)>& has_glyph,
                            std::vector<Replacement>* replaced) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t start = 0; start < s.size();) {
        const std::size_t end = cluster_end(s, start);
        bool missing = false;
        for (std::size_t i = start; i < end && !missing; ++i) missing = !default_ignorable(s[i]) && !has_glyph(s[i]);
        if (missing) {
            if (replaced) replaced->push_back({out.size(), std::u32string(s.substr(start, end - start))});
            out += missing_mark;
        } else {
            out.append(s.substr(start, end - start));
        }
        start = end;
    }
    return out;
}

bool default_ignorable(char32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x061C || in(c, 0x115F, 0x1160) || in(c, 0x17B4, 0x17B5) ||
           in(c, 0x180B, 0x180F) || in(c, 0x200B, 0x200F) || in(c, 0x202A, 0x202E) || in(c, 0x2060, 0x206F) ||
           c == 0x3164 || in(c, 0xFE00, 0xFE0F) || c == 0xFEFF || c == 0xFFA0 || in(c, 0xFFF0, 0xFFF8) ||
           in(c, 0x1BCA0, 0x1BCA3) || in(c, 0x1D173, 0x1D17A) || in(c, 0xE0000, 0xE0FFF);
}

}  // namespace fidelis::pdf
