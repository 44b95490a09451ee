#pragma once
// Which characters a TrueType font can draw, read from its cmap table. libharu draws
// nothing for a missing glyph, so text is checked against this before it is drawn.
#include <bitset>
#include <string>

namespace fidelis::pdf {

class GlyphCoverage {
public:
    // Reads the font file; throws Error when it is not a usable TrueType font.
    explicit GlyphCoverage(const std::string& ttf_path);
    bool covers(char32_t cp) const { return cp < 0x10000 && bmp_[cp]; }

private:
    std::bitset<0x10000> bmp_;
};

}  // namespace fidelis::pdf
