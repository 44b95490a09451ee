// How a report's fonts get into the PDF.
//
// libharu embeds a TrueType font for UTF-8 text as a CIDFontType2 whose CIDs are the
// characters' UCS-2 codes. Left to itself it costs about 90 % of a county report's bytes
// and a large part of a small report's time: a W array with the width of every character
// the font has (24 KB, uncompressed: it sits in a dictionary), a CIDToGIDMap for all
// 65,536 codes, a font file with 60 KB of glyph names, the whole hmtx and cmap, and,
// to build the first two, a lookup of each of the 65,536 code points in the cmap by a
// linear search, per font and per document.
//
// The mechanism: libharu still lays out and draws the text, and Fidelis writes the font's
// PDF objects itself just before the document is saved, through libharu's object API
// (the hpdf_objects.h, hpdf_font.h and hpdf_fontdef.h headers Debian's libhpdf-dev
// installs for libharu 2.3.0):
//   - the FontFile2 is a subset written by TrueTypeFont::subset() from the characters the
//     document drew (recorded by note()) plus every letter of name_letter(). Handing
//     libharu a ready FontDescriptor makes it skip its own embedding, which would re-read
//     the font file glyph by glyph;
//   - W lists only those characters, as ranges where widths repeat, with the commonest
//     width as the default (DW), so it is about 2 KB instead of 24 KB;
//   - CIDToGIDMap ends at the last character kept, and ToUnicode lists only the kept
//     characters (its identity mapping, without the CID ranges libharu's own map has and
//     poppler rejects; Arabic presentation forms map to their letters);
//   - the font's name carries a tag derived from the subset's bytes, so two reports with
//     different subsets never present the same name for different fonts when merged.
// And at load time the 65,536-code walk is skipped (get_font_without_walk()).
//
// Why not a two-pass alternative that writes a subset font file per document and has
// libharu load it: the text is only known once the pages are laid out, and laying out
// needs the font, so it would mean laying out every report twice or recording and
// replaying it, plus a temporary file per report; libharu would still walk the 65,536
// codes when loading it and would still write its own W array and maps.
#include "embedded_font.h"

#include "bidi.h"
#include "base/utf8.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <map>

namespace fidelis::pdf {
namespace {

// The letters kept in every font whatever the document draws, as issue 16 asks: every
// Latin letter a name in the Nordic countries can need, so that every report's fonts hold
// the same Latin letters whichever names it happens to contain (a PDF editor that reuses
// the embedded font to correct a name finds them all). About 330 characters, which cost some
// 14 KB a font compressed: the demo county report is 83 KB with them, 54 KB without.
bool name_letter(char32_t c) {
    return (c >= 0x20 && c <= 0x7E) ||   // Basic Latin, with the hyphen of double names
           (c >= 0xA0 && c <= 0x17F) ||  // Latin-1 and Latin Extended-A: å ä ö æ ø é ü ß ł ş č ő ŋ đ ŧ ž
           c == 0x18F || c == 0x259 ||   // Ə ə (Azerbaijani)
           c == 0x1B7 || c == 0x292 ||   // Ʒ ʒ (Skolt Sámi)
           (c >= 0x1E4 && c <= 0x1EF) ||  // Ǥ ǥ Ǧ ǧ Ǩ ǩ Ǫ ǫ Ǭ ǭ Ǯ ǯ (Skolt and Inari Sámi)
           (c >= 0x218 && c <= 0x21B) ||  // Ș ș Ț ț (Romanian)
           c == 0x2019;                   // ’ as in O’Neill
}

// libharu makes a CIDFontType2's W array and CIDToGIDMap when the font object is created
// (HPDF_GetFont), looking up each of the 65,536 code points in the font's cmap. finish()
// replaces both, so for that one call the font definition gets a cmap of a single empty
// segment: every code maps to glyph 0 at once, every width equals the default, and
// libharu's arrays come out empty. The real cmap is put back straight after; libharu
// still uses it for the widths it tracks while drawing.
HPDF_Font get_font_without_walk(HPDF_Doc pdf, const char* name) {
    HPDF_FontDef def = name ? HPDF_GetFontDef(pdf, name) : nullptr;
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return HPDF_GetFont(pdf, name, "UTF-8");
    auto* tt = static_cast<HPDF_TTFontDefAttr>(def->attr);
    const HPDF_TTF_CmapRange real = tt->cmap;
    HPDF_UINT16 end = 0xFFFF, start = 0xFFFF, range_offset = 0;
    HPDF_INT16 delta = 1;
    tt->cmap.format = 4;
    tt->cmap.seg_count_x2 = 2;
    tt->cmap.end_count = &end;
    tt->cmap.start_count = &start;
    tt->cmap.id_delta = &delta;
    tt->cmap.id_range_offset = &range_offset;
    tt->cmap.glyph_id_array_count = 0;
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    tt->cmap = real;
    return font;
}

// Six capital letters from the subset's bytes (FNV-1a), the subset tag PDF asks for.
std::string subset_tag(const std::string& bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += char('A' + h % 26);
    return tag;
}

// The map from code to character for `chars` (ascending): the identity, except that an
// Arabic presentation form maps to the letters it shows (bidi.h), so that text copied from
// a shaped line is made of letters. The two letters of a ligature are given right to left,
// in the order they are drawn: text extractors (poppler, pdf.js) take the characters of a
// line in drawing order and reverse each right-to-left run code by code, which then puts
// lam before alef again. A bfrange may only vary in its last byte, and a block holds at
// most 100 entries.
std::string to_unicode(const std::vector<char32_t>& chars) {
    std::vector<std::pair<char32_t, char32_t>> ranges;
    std::vector<std::pair<char32_t, std::u32string>> forms;
    for (char32_t c : chars) {
        if (std::u32string letters = bidi::letters_of(c); !letters.empty())
            forms.emplace_back(c, std::u32string(letters.rbegin(), letters.rend()));
        else if (!ranges.empty() && ranges.back().second + 1 == c && (c & 0xFF00) == (ranges.back().first & 0xFF00))
            ranges.back().second = c;
        else
            ranges.emplace_back(c, c);
    }
    std::string text =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    char line[40];
    for (std::size_t i = 0; i < ranges.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
        text += std::to_string(n) + " beginbfrange\n";
        for (std::size_t j = i; j < i + n; ++j) {
            const unsigned from = unsigned(ranges[j].first), to = unsigned(ranges[j].second);
            std::snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", from, to, from);
            text += line;
        }
        text += "endbfrange\n";
    }
    for (std::size_t i = 0; i < forms.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, forms.size() - i);
        text += std::to_string(n) + " beginbfchar\n";
        for (std::size_t j = i; j < i + n; ++j) {
            std::snprintf(line, sizeof line, "<%04X> <", unsigned(forms[j].first));
            text += line;
            for (char32_t letter : forms[j].second) {
                std::snprintf(line, sizeof line, "%04X", unsigned(letter));
                text += line;
            }
            text += ">\n";
        }
        text += "endbfchar\n";
    }
    return text + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

void replace_stream_data(HPDF_Dict stream, const std::string& data) {
    HPDF_MemStream_FreeData(stream->stream);
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()), HPDF_UINT(data.size()));
}

// The W array: a CID and the widths of the consecutive CIDs from it, or a first and last
// CID sharing one width, for every character whose width is not the default.
void write_widths(HPDF_MMgr mmgr, HPDF_Array w, const std::vector<char32_t>& chars, const std::vector<int>& width,
                  int dw) {
    std::size_t i = 0;
    while (i < chars.size()) {
        if (width[i] == dw) {
            ++i;
            continue;
        }
        std::size_t last = i;  // the run of consecutive characters that need an entry
        while (last + 1 < chars.size() && chars[last + 1] == chars[last] + 1 && width[last + 1] != dw) ++last;
        HPDF_Array list = nullptr;
        for (std::size_t k = i; k <= last;) {
            std::size_t same = k;
            while (same + 1 <= last && width[same + 1] == width[k]) ++same;
            if (same - k >= 3) {
                list = nullptr;
                HPDF_Array_AddNumber(w, HPDF_INT32(chars[k]));
                HPDF_Array_AddNumber(w, HPDF_INT32(chars[same]));
                HPDF_Array_AddNumber(w, width[k]);
            } else {
                if (!list) {
                    HPDF_Array_AddNumber(w, HPDF_INT32(chars[k]));
                    list = HPDF_Array_New(mmgr);
                    if (!list) return;
                    HPDF_Array_Add(w, list);
                }
                for (std::size_t m = k; m <= same; ++m) HPDF_Array_AddNumber(list, width[m]);
            }
            k = same + 1;
        }
        i = last + 1;
    }
}

}  // namespace

EmbeddedFont::EmbeddedFont(HPDF_Doc pdf, const std::string& ttf_path) : face_(TrueTypeFont::shared(ttf_path)) {
    const char* name = HPDF_LoadTTFontFromFile(pdf, ttf_path.c_str(), HPDF_TRUE);
    if (name) font_ = get_font_without_walk(pdf, name);
}

void EmbeddedFont::note(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos);
        if (c < 0x10000) used_.set(c);
    }
}

void EmbeddedFont::finish(HPDF_Doc pdf) {
    if (!font_) return;
    auto* attr = static_cast<HPDF_FontAttr>(font_->attr);
    HPDF_FontDef def = attr->fontdef;
    auto* tt = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_Dict cid_font = attr->descendant_font;
    HPDF_MMgr mmgr = pdf->mmgr;

    // What the font keeps: a scan of two bit sets, not of the font.
    std::vector<char32_t> chars;
    std::vector<bool> wanted(face_.glyph_count(), false);
    for (char32_t c = 0x20; c < 0x10000; ++c)
        if ((used_[c] || name_letter(c)) && face_.covers(c)) {
            chars.push_back(c);
            wanted[face_.glyph(c)] = true;
        }
    const std::string file = face_.subset(face_.closure(wanted), chars);
    const std::string name = subset_tag(file) + "+" + face_.postscript_name();
    std::snprintf(tt->base_font, sizeof tt->base_font, "%s", name.c_str());  // libharu writes it as BaseFont

    if (!font_file_) {
        font_file_ = HPDF_DictStream_New(mmgr, pdf->xref);
        if (!font_file_) return;
        font_file_->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    }
    replace_stream_data(font_file_, file);
    HPDF_Dict_AddNumber(font_file_, "Length1", HPDF_INT32(file.size()));
    if (!def->descriptor) {
        HPDF_Dict d = HPDF_Dict_New(mmgr);
        if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) return;
        HPDF_Dict_AddName(d, "Type", "FontDescriptor");
        HPDF_Dict_AddNumber(d, "Flags", HPDF_INT32(def->flags));
        HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
        HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
        HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
        HPDF_Dict_AddNumber(d, "Descent", def->descent);
        HPDF_Dict_AddNumber(d, "CapHeight", def->cap_height);  // required by PDF; libharu left it out
        HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
        HPDF_Dict_AddNumber(d, "StemV", def->stemv);
        HPDF_Dict_Add(d, "FontFile2", font_file_);
        def->descriptor = d;  // libharu's writer now uses this one and embeds nothing itself
    }
    HPDF_Dict_AddName(def->descriptor, "FontName", name.c_str());

    std::vector<int> width(chars.size());
    std::map<int, int> widths_seen;
    for (std::size_t i = 0; i < chars.size(); ++i) ++widths_seen[width[i] = face_.width(chars[i])];
    int dw = def->missing_width, most = 0;
    for (const auto& [w, n] : widths_seen)
        if (n > most) {
            dw = w;
            most = n;
        }
    HPDF_Dict_AddNumber(cid_font, "DW", dw);
    auto w = static_cast<HPDF_Array>(HPDF_Dict_GetItem(cid_font, "W", HPDF_OCLASS_ARRAY));
    if (w) {
        HPDF_Array_Clear(w);
    } else if ((w = HPDF_Array_New(mmgr))) {
        HPDF_Dict_Add(cid_font, "W", w);
    }
    if (w) write_widths(mmgr, w, chars, width, dw);

    // CID (the character's code) to the font's own glyph id, up to the last character kept.
    if (attr->map_stream) {
        std::string map(2 * (chars.empty() ? 1 : chars.back() + 1), '\0');
        for (char32_t c : chars) {
            map[2 * c] = char(face_.glyph(c) >> 8);
            map[2 * c + 1] = char(face_.glyph(c) & 0xFF);
        }
        replace_stream_data(attr->map_stream, map);
    }
    // libharu's ToUnicode stream, which the Type0 font already refers to, with the right map.
    if (attr->cmap_stream) {
        for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
            HPDF_Dict_RemoveElement(attr->cmap_stream, key);
        replace_stream_data(attr->cmap_stream, to_unicode(chars));
    }
    // Identity-H names a CMap; the CIDFont's character collection is Adobe-Identity.
    if (auto sys = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(cid_font, "CIDSystemInfo", HPDF_OCLASS_DICT)))
        HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
}

}  // namespace fidelis::pdf
