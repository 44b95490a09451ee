#pragma once
// What a report draws for characters its fonts have no glyph for (emoji, CJK, most
// scripts beyond Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic): one
// visible mark per user-perceived character, a grapheme cluster, so that "👍🏽", "❤️" without
// a heart glyph, or a family emoji of seven code points joined by ZWJ each show as one "□"
// and not as a row of them, and nothing is ever dropped without a trace. The PDF keeps
// the original text for copying and screen readers (ActualText, pdf.cpp).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis::pdf {

// U+25A1 WHITE SQUARE: in DejaVu Sans and Bold, neutral in direction, and unlike U+FFFD
// it does not claim that the text was damaged, only that the font cannot draw it.
inline constexpr char32_t missing_mark = 0x25A1;

// The end of the grapheme cluster starting at `start`: a base character and whatever
// attaches to it (combining marks, variation selectors, skin-tone modifiers, emoji tags,
// a ZWJ and the pictograph it joins, the second regional indicator of a flag, conjoining
// Hangul vowels and finals). UAX #29's extended clusters, simplified to what matters for
// choosing marks: Indic spacing vowel signs are not joined to their consonant.
std::size_t cluster_end(std::u32string_view text, std::size_t start);

// `text` with every cluster the font cannot draw replaced by missing_mark. A cluster is
// missing when its base or any visible part of it has no glyph; an invisible part it lacks
// (a variation selector asking for emoji style, a ZWJ) does not make it missing.
// With `replaced`, each mark put in is recorded with its position in the result and the
// cluster it stands for, which the PDF then gives as the mark's ActualText.
struct Replacement {
    std::size_t at;
    std::u32string cluster;
};
std::u32string mark_missing(std::u32string_view text, const std::function<bool(char32_t)>& has_glyph,
                            std::vector<Replacement>* replaced = nullptr);

// Unicode's Default_Ignorable_Code_Point: characters drawn as nothing (joiners, direction
// marks, variation selectors, the soft hyphen, tags). They steer joining and direction, so
// they stay until shaping is done, and are then left out of what is drawn.
bool default_ignorable(char32_t c);

}  // namespace fidelis::pdf
