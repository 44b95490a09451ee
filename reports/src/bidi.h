#pragma once
// Right-to-left text for the PDF: one logical line (the order it is typed and stored) in,
// the characters to draw from left to right out. libharu draws exactly the codes it is
// given, one glyph each, left to right, and DejaVu Sans has no shaping tables libharu could
// use, so Arabic would come out mirrored and in isolated letters. GNU FriBidi resolves the
// Unicode bidirectional algorithm (UAX #9), joins Arabic letters into their presentation
// forms (initial, medial, final, and the lam-alef ligatures) and mirrors brackets in
// right-to-left runs; the result is reordered into visual order.
//
// Lines only: wrapping happens on logical text before this, so every line is shaped and
// ordered on its own, as a reader of the language expects.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis::pdf::bidi {

// Whether the font has a glyph for a character. A presentation form or ligature the font
// lacks is drawn as its base letter(s) instead; an empty function takes every form as present.
using HasGlyph = std::function<bool(char32_t)>;

// True when `logical` holds anything the bidi algorithm or Arabic shaping can change:
// right-to-left letters, Arabic letters, or explicit direction marks. Lines without any
// (most of a Swedish report) are drawn as they are, without calling FriBidi.
bool needs_reordering(std::u32string_view logical);

// The visual order of one logical line, shaped. The paragraph direction comes from the
// line's first strong character (left to right when there is none), so "Team الأمل 3" reads
// "Team", the Arabic name right to left, then "3". Direction marks stay in the result (they
// are drawn as nothing); the filler FriBidi leaves where a ligature swallowed a letter does not.
// With `from`, from[v] is set to the position in `logical` of what is drawn at position v.
std::u32string visual(std::u32string_view logical, const HasGlyph& has_glyph = {},
                      std::vector<std::size_t>* from = nullptr);
std::string visual(std::string_view logical_utf8, const HasGlyph& has_glyph = {});

// The letters an Arabic presentation form stands for (its compatibility decomposition:
// U+FEE3 MEEM INITIAL FORM is U+0645, the ligature U+FEFB is lam and alef), or nothing
// for any other character. The PDF's ToUnicode map gives these for the forms drawn, so
// that copying text or reading it aloud yields the letters and not their shapes.
std::u32string letters_of(char32_t form);

}  // namespace fidelis::pdf::bidi
