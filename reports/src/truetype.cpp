// Reading a TrueType font once, and writing the subset a report embeds. The subset keeps
// every glyph id, so the PDF's CIDToGIDMap can name the font's own glyph ids; glyphs a
// report does not need keep their slot in loca and hmtx but no outline, and compress to
// almost nothing. Tables kept, and why:
//   glyf, loca, head, hhea, hmtx, maxp: the outlines and the metrics a rasteriser needs;
//   cvt, fpgm, prep, and the instructions inside each glyph: the hinting, as libharu kept
//     it. It costs about 13 KB a font compressed (the demo county report would be 59 KB
//     instead of 83 KB without it). poppler draws the same pixels either way, because it
//     does not hint, but a viewer that runs TrueType hints at screen sizes would draw the
//     text differently from before, so it stays;
//   cmap: only the characters the report can show, so a font extracted from the PDF says
//     truthfully what it holds;
//   OS/2: metrics some rasterisers read for the line spacing;
//   name: the copyright, licence and names, which the Bitstream Vera licence requires in
//     every copy of the typeface, in the Windows Unicode records only (the Macintosh ones
//     repeat them);
//   post: version 3, without the 60 KB of glyph names that PDF readers never use.
// GPOS, GSUB, kern and the rest stay out, as with libharu: a PDF positions every glyph
// itself.
#include "truetype.h"

#include "base/error.h"
#include "base/i18n.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace fidelis::pdf {
namespace {

void put16(std::string& out, std::uint32_t v) {
    out += char((v >> 8) & 0xFF);
    out += char(v & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}
void set32(std::string& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[at + std::size_t(i)] = char((v >> (24 - 8 * i)) & 0xFF);
}
void pad4(std::string& out) {
    while (out.size() % 4) out += '\0';
}

std::uint32_t checksum(const std::string& data, std::size_t from, std::size_t length) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < length; i += 4) {
        std::uint32_t word = 0;
        for (std::size_t j = 0; j < 4; ++j)
            word = word << 8 | (i + j < length ? static_cast<unsigned char>(data[from + i + j]) : 0u);
        sum += word;
    }
    return sum;
}

// Largest power of two not above n, and its logarithm: the binary-search fields of the
// table directory and of a format 4 cmap.
std::pair<std::uint32_t, std::uint32_t> power_below(std::uint32_t n) {
    std::uint32_t power = 1, log = 0;
    while (power * 2 <= n) {
        power *= 2;
        ++log;
    }
    return {power, log};
}

// A format 4 cmap of `chars` (ascending, each below U+FFFF): one segment per run of
// consecutive characters, by a constant delta when the run's glyph ids are consecutive
// too, otherwise through the glyph id array.
std::string cmap_table(const std::vector<char32_t>& chars, const TrueTypeFont& font) {
    struct Segment {
        std::uint32_t start, end;
    };
    std::vector<Segment> segments;
    for (char32_t c : chars) {
        if (c >= 0xFFFF || !font.glyph(c)) continue;
        if (!segments.empty() && segments.back().end + 1 == c)
            segments.back().end = c;
        else
            segments.push_back({std::uint32_t(c), std::uint32_t(c)});
    }
    segments.push_back({0xFFFF, 0xFFFF});
    const std::uint32_t count = std::uint32_t(segments.size());
    std::vector<std::uint32_t> delta(count, 1), range_offset(count, 0);
    std::vector<std::uint16_t> glyph_ids;
    for (std::uint32_t i = 0; i + 1 < count; ++i) {
        const Segment& s = segments[i];
        bool constant = true;
        for (std::uint32_t c = s.start; c <= s.end && constant; ++c)
            constant = font.glyph(c) - c == font.glyph(s.start) - s.start;
        if (constant) {
            delta[i] = (font.glyph(s.start) - s.start) & 0xFFFF;
        } else {
            delta[i] = 0;
            range_offset[i] = 2 * (count - i) + 2 * std::uint32_t(glyph_ids.size());
            for (std::uint32_t c = s.start; c <= s.end; ++c) glyph_ids.push_back(font.glyph(c));
        }
    }
    std::string sub;
    const auto [power, log] = power_below(count);
    put16(sub, 4);
    put16(sub, 16 + 8 * count + 2 * std::uint32_t(glyph_ids.size()));
    put16(sub, 0);  // language
    put16(sub, 2 * count);
    put16(sub, 2 * power);
    put16(sub, log);
    put16(sub, 2 * count - 2 * power);
    for (const Segment& s : segments) put16(sub, s.end);
    put16(sub, 0);  // reservedPad
    for (const Segment& s : segments) put16(sub, s.start);
    for (std::uint32_t d : delta) put16(sub, d);
    for (std::uint32_t r : range_offset) put16(sub, r);
    for (std::uint16_t g : glyph_ids) put16(sub, g);
    std::string table;
    put16(table, 0);   // version
    put16(table, 1);   // one subtable:
    put16(table, 3);   // Windows
    put16(table, 1);   // Unicode BMP
    put32(table, 12);  // right after this header
    return table + sub;
}

}  // namespace

const TrueTypeFont& TrueTypeFont::shared(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<TrueTypeFont>> fonts;
    const std::lock_guard<std::mutex> lock(mutex);
    auto& font = fonts[path];
    if (!font) font = std::make_unique<TrueTypeFont>(path);
    return *font;
}

std::uint32_t TrueTypeFont::u16(std::size_t at) const {
    if (at + 2 > data_.size()) throw std::out_of_range("ttf");
    return std::uint32_t(static_cast<unsigned char>(data_[at])) << 8 | static_cast<unsigned char>(data_[at + 1]);
}

TrueTypeFont::Table TrueTypeFont::table(const char* tag) const {
    for (const auto& [name, t] : tables_)
        if (name == tag) return t;
    return {};
}

TrueTypeFont::TrueTypeFont(const std::string& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    data_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    try {
        const std::uint32_t count = u16(4);
        for (std::uint32_t i = 0; i < count; ++i) {
            const std::size_t rec = 12 + 16 * i;
            const Table t{u32(rec + 8), u32(rec + 12)};
            if (std::size_t(t.offset) + t.length > data_.size()) throw std::out_of_range("table");
            tables_.emplace_back(data_.substr(rec, 4), t);
        }
        const Table head = table("head"), maxp = table("maxp"), hhea = table("hhea"), cmap = table("cmap");
        glyf_ = table("glyf");
        loca_ = table("loca");
        hmtx_ = table("hmtx");
        if (head.length < 54 || maxp.length < 6 || hhea.length < 36 || !cmap.length || !glyf_.length)
            throw std::out_of_range("missing table");
        units_per_em_ = std::uint16_t(u16(head.offset + 18));
        long_loca_ = u16(head.offset + 50) == 1;
        glyph_count_ = std::uint16_t(u16(maxp.offset + 4));
        long_metrics_ = std::uint16_t(u16(hhea.offset + 34));
        if (!units_per_em_ || !glyph_count_ || !long_metrics_ || long_metrics_ > glyph_count_ ||
            loca_.length < (glyph_count_ + 1u) * (long_loca_ ? 4u : 2u) ||
            hmtx_.length < 4u * long_metrics_ + 2u * (glyph_count_ - long_metrics_))
            throw std::out_of_range("metrics");
        for (std::uint16_t g = 0; g < glyph_count_; ++g)
            if (glyph_offset(g) > glyph_offset(std::uint16_t(g + 1)) ||
                glyph_offset(std::uint16_t(g + 1)) > glyf_.length)
                throw std::out_of_range("loca");

        // The Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
        std::size_t sub = 0;
        for (std::uint32_t i = 0, n = u16(cmap.offset + 2); i < n; ++i) {
            const std::size_t rec = cmap.offset + 4 + 8 * i;
            if (u16(rec) == 3 && u16(rec + 2) == 1) sub = cmap.offset + u32(rec + 4);
        }
        if (!sub || u16(sub) != 4) throw std::out_of_range("no format 4 cmap");
        const std::uint32_t segs = u16(sub + 6) / 2;
        const std::size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                          offsets = deltas + 2 * segs;
        for (std::uint32_t s = 0; s < segs; ++s) {
            const std::uint32_t end = u16(ends + 2 * s), start = u16(starts + 2 * s);
            const std::uint32_t delta = u16(deltas + 2 * s), range = u16(offsets + 2 * s);
            for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
                std::uint32_t glyph;
                if (range == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    const std::uint32_t g = u16(offsets + 2 * s + range + 2 * (c - start));
                    glyph = g == 0 ? 0 : (g + delta) & 0xFFFF;
                }
                if (glyph && glyph < glyph_count_) {
                    glyph_of_[c] = std::uint16_t(glyph);
                    covered_.set(c);
                }
            }
        }

        // The PostScript name (name id 6), for the PDF's BaseFont.
        const Table name = table("name");
        for (std::uint32_t i = 0, n = name.length >= 6 ? u16(name.offset + 2) : 0; i < n && postscript_name_.empty();
             ++i) {
            const std::size_t rec = name.offset + 6 + 12 * i;
            if (u16(rec) != 3 || u16(rec + 6) != 6) continue;
            const std::size_t text = name.offset + u16(name.offset + 4) + u16(rec + 10);
            for (std::size_t at = text; at + 1 < text + u16(rec + 8); at += 2) {
                const std::uint32_t c = u16(at);
                if (c > 0x20 && c < 0x7F && c != '[' && c != ']' && c != '(' && c != ')' && c != '/' && c != '%')
                    postscript_name_ += char(c);
            }
        }
        if (postscript_name_.empty()) postscript_name_ = "Font";
    } catch (const std::out_of_range&) {
        throw Error(format(tr(N_("The report font {1} is missing or damaged; reinstall Fidelis.")), {path}));
    }
}

std::uint32_t TrueTypeFont::glyph_offset(std::uint16_t gid) const {
    return long_loca_ ? u32(loca_.offset + 4u * gid) : 2 * u16(loca_.offset + 2u * gid);
}

int TrueTypeFont::glyph_width(std::uint16_t gid) const {
    if (gid >= glyph_count_) gid = 0;  // libharu's "missing width"
    const std::uint32_t metric = std::min<std::uint32_t>(gid, long_metrics_ - 1u);
    return int(u16(hmtx_.offset + 4 * metric) * 1000 / units_per_em_);
}

void TrueTypeFont::add_components(std::uint16_t gid, std::vector<bool>& glyphs, int depth) const {
    const std::size_t at = glyf_.offset + glyph_offset(gid);
    const std::size_t end = glyf_.offset + glyph_offset(std::uint16_t(gid + 1));
    if (end < at + 10 || (u16(at) & 0x8000) == 0 || depth > 16) return;  // simple, empty, or a loop
    constexpr std::uint32_t words = 0x1, scale = 0x8, more = 0x20, xy_scale = 0x40, two_by_two = 0x80;
    std::size_t p = at + 10;
    std::uint32_t flags;
    do {
        if (p + 4 > end) return;
        flags = u16(p);
        const std::uint32_t component = u16(p + 2);
        p += 4 + ((flags & words) ? 4 : 2);
        p += (flags & scale) ? 2 : (flags & xy_scale) ? 4 : (flags & two_by_two) ? 8 : 0;
        if (component < glyph_count_ && !glyphs[component]) {
            glyphs[component] = true;
            add_components(std::uint16_t(component), glyphs, depth + 1);
        }
    } while (flags & more);
}

std::vector<bool> TrueTypeFont::closure(const std::vector<bool>& wanted) const {
    std::vector<bool> glyphs(glyph_count_, false);
    glyphs[0] = true;  // .notdef, which every TrueType font must have
    try {
        for (std::uint16_t g = 0; g < glyph_count_ && g < wanted.size(); ++g)
            if (wanted[g]) {
                glyphs[g] = true;
                add_components(g, glyphs, 0);
            }
    } catch (const std::out_of_range&) {
        throw Error(format(tr(N_("The report font {1} is missing or damaged; reinstall Fidelis.")), {path_}));
    }
    return glyphs;
}

std::string TrueTypeFont::name_table() const {
    const Table name = table("name");
    if (name.length < 6) return {};
    struct Record {
        std::uint32_t platform, encoding, language, id;
        std::string text;
    };
    std::vector<Record> kept;
    const std::size_t strings = name.offset + u16(name.offset + 4);
    for (std::uint32_t i = 0, n = u16(name.offset + 2); i < n; ++i) {
        const std::size_t rec = name.offset + 6 + 12 * i;
        const std::uint32_t id = u16(rec + 6);
        const bool wanted = id <= 6 || id == 13 || id == 14;  // names, copyright, licence and its address
        if (u16(rec) != 3 || u16(rec + 2) != 1 || u16(rec + 4) != 0x409 || !wanted) continue;
        const std::size_t text = strings + u16(rec + 10), length = u16(rec + 8);
        if (text + length > name.offset + name.length) continue;
        kept.push_back({3, 1, 0x409, id, data_.substr(text, length)});
    }
    if (kept.empty()) return data_.substr(name.offset, name.length);
    std::string out, storage;
    put16(out, 0);
    put16(out, std::uint32_t(kept.size()));
    put16(out, 6 + 12 * std::uint32_t(kept.size()));
    for (const Record& r : kept) {
        put16(out, r.platform);
        put16(out, r.encoding);
        put16(out, r.language);
        put16(out, r.id);
        put16(out, std::uint32_t(r.text.size()));
        put16(out, std::uint32_t(storage.size()));
        storage += r.text;
    }
    return out + storage;
}

std::string TrueTypeFont::subset(const std::vector<bool>& glyphs, const std::vector<char32_t>& chars) const {
    try {
        auto copy = [&](const char* tag) {
            const Table t = table(tag);
            return data_.substr(t.offset, t.length);
        };
        auto kept = [&](std::uint32_t g) { return g < glyphs.size() && glyphs[g]; };
        std::string glyf, loca, hmtx;
        for (std::uint32_t g = 0; g < glyph_count_; ++g) {
            put32(loca, std::uint32_t(glyf.size()));
            if (kept(g)) {
                const std::uint32_t from = glyph_offset(std::uint16_t(g));
                glyf.append(data_, glyf_.offset + from, glyph_offset(std::uint16_t(g + 1)) - from);
                pad4(glyf);
            }
            // Advance and left side bearing, or the side bearing alone past numberOfHMetrics.
            // The last full metric stays whatever it is: it gives every later glyph its advance.
            const std::size_t at =
                hmtx_.offset + (g < long_metrics_ ? 4 * g : 4u * long_metrics_ + 2 * (g - long_metrics_));
            const std::size_t size = g < long_metrics_ ? 4 : 2;
            if (kept(g) || g + 1 == long_metrics_)
                hmtx.append(data_, at, size);
            else
                hmtx.append(size, '\0');
        }
        put32(loca, std::uint32_t(glyf.size()));
        std::string head = copy("head");
        set32(head, 8, 0);  // checkSumAdjustment, set below
        head[50] = 0;       // indexToLocFormat: long offsets
        head[51] = 1;
        std::string post;
        if (table("post").length >= 32) {
            post = data_.substr(table("post").offset, 32);
            set32(post, 0, 0x00030000);  // version 3: no glyph names
            set32(post, 16, 0);          // the memory hints refer to the full font
            set32(post, 20, 0);
            set32(post, 24, 0);
            set32(post, 28, 0);
        }

        // In ascending tag order, as the table directory must be.
        std::vector<std::pair<const char*, std::string>> out = {
            {"OS/2", copy("OS/2")}, {"cmap", cmap_table(chars, *this)},
            {"cvt ", copy("cvt ")}, {"fpgm", copy("fpgm")},
            {"glyf", glyf},         {"head", head},
            {"hhea", copy("hhea")}, {"hmtx", hmtx},
            {"loca", loca},         {"maxp", copy("maxp")},
            {"name", name_table()}, {"post", post},
            {"prep", copy("prep")}};
        out.erase(std::remove_if(out.begin(), out.end(), [](const auto& t) { return t.second.empty(); }), out.end());

        const std::uint32_t count = std::uint32_t(out.size());
        const auto [power, log] = power_below(count);
        std::string font;
        put32(font, 0x00010000);
        put16(font, count);
        put16(font, 16 * power);
        put16(font, log);
        put16(font, 16 * count - 16 * power);
        std::size_t offset = 12 + 16 * std::size_t(count), head_at = 0;
        for (const auto& [tag, body] : out) {
            font += tag;
            put32(font, checksum(body, 0, body.size()));
            put32(font, std::uint32_t(offset));
            put32(font, std::uint32_t(body.size()));
            if (std::string(tag) == "head") head_at = offset;
            offset += (body.size() + 3) / 4 * 4;
        }
        for (const auto& t : out) {
            font += t.second;
            pad4(font);
        }
        set32(font, head_at + 8, 0xB1B0AFBAu - checksum(font, 0, font.size()));
        return font;
    } catch (const std::out_of_range&) {
        throw Error(format(tr(N_("The report font {1} is missing or damaged; reinstall Fidelis.")), {path_}));
    }
}

}  // namespace fidelis::pdf
