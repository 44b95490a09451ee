#pragma once
// A TrueType font file read once per process: which characters it draws (its cmap), how
// wide each is, and its glyph data, from which a report's subset font is written. Every
// document asks this table instead of walking the font again; libharu keeps only the role
// of laying out the page (see embedded_font.h).
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

namespace fidelis::pdf {

class TrueTypeFont {
public:
    // The font at `ttf_path`, parsed on first use and kept for the life of the process.
    // Throws Error when the file is missing or is not a usable TrueType font.
    static const TrueTypeFont& shared(const std::string& ttf_path);

    explicit TrueTypeFont(const std::string& ttf_path);

    bool covers(char32_t cp) const { return cp < 0x10000 && covered_[cp]; }
    std::uint16_t glyph(char32_t cp) const { return cp < 0x10000 ? glyph_of_[cp] : 0; }
    // Advance width in thousandths of an em, rounded down the way libharu does, so the
    // widths Fidelis lays text out with are the widths the PDF declares.
    int width(char32_t cp) const { return glyph_width(glyph(cp)); }
    int glyph_width(std::uint16_t gid) const;
    std::uint16_t glyph_count() const { return glyph_count_; }
    const std::string& postscript_name() const { return postscript_name_; }

    // `glyphs` plus every glyph a composite among them is built from, and glyph 0.
    std::vector<bool> closure(const std::vector<bool>& glyphs) const;
    // A complete TrueType font that keeps every glyph id but has outlines only for
    // `glyphs` (as returned by closure()); its cmap maps exactly `chars` (ascending).
    std::string subset(const std::vector<bool>& glyphs, const std::vector<char32_t>& chars) const;

private:
    struct Table {
        std::uint32_t offset = 0, length = 0;
    };
    Table table(const char* tag) const;
    std::uint32_t u16(std::size_t at) const;
    std::uint32_t u32(std::size_t at) const { return u16(at) << 16 | u16(at + 2); }
    std::uint32_t glyph_offset(std::uint16_t gid) const;  // into glyf; gid may be glyph_count_
    void add_components(std::uint16_t gid, std::vector<bool>& glyphs, int depth) const;
    std::string name_table() const;

    std::string path_;
    std::string data_;
    std::vector<std::pair<std::string, Table>> tables_;
    std::uint16_t glyph_count_ = 0;
    std::uint16_t units_per_em_ = 1000;
    std::uint16_t long_metrics_ = 0;  // hhea numberOfHMetrics
    bool long_loca_ = false;
    Table glyf_, loca_, hmtx_;
    std::vector<std::uint16_t> glyph_of_ = std::vector<std::uint16_t>(0x10000);
    std::bitset<0x10000> covered_;
    std::string postscript_name_;
};

}  // namespace fidelis::pdf
