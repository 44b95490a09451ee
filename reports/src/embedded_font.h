#pragma once
// One of a report's fonts: libharu's font object, which lays out the text, and what goes
// into the PDF for it, which Fidelis writes itself when the document is saved: a subset of
// the glyphs the document drew plus every Latin letter a Nordic name can need, its width
// array, its CIDToGIDMap and its ToUnicode map. Why, and how, in embedded_font.cpp.
#include "truetype.h"

#include <hpdf.h>

#include <bitset>
#include <string>
#include <string_view>

namespace fidelis::pdf {

class EmbeddedFont {
public:
    // Loads the TrueType font at `ttf_path` into `pdf` for UTF-8 text. libharu records any
    // error through the document's handler; the caller checks.
    EmbeddedFont(HPDF_Doc pdf, const std::string& ttf_path);

    HPDF_Font handle() const { return font_; }
    const TrueTypeFont& face() const { return face_; }

    // Records the characters of text about to be drawn (valid UTF-8, all covered).
    void note(std::string_view utf8);
    // Writes the subset font and its tables into the document. Call before saving; again
    // after more text was drawn, it rewrites them.
    void finish(HPDF_Doc pdf);

private:
    const TrueTypeFont& face_;
    HPDF_Font font_ = nullptr;
    HPDF_Dict font_file_ = nullptr;
    std::bitset<0x10000> used_;
};

}  // namespace fidelis::pdf
