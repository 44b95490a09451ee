#include "glyph_coverage.h"

#include "base/error.h"
#include "base/i18n.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

namespace fidelis::pdf {
namespace {

struct Bytes {
    std::vector<unsigned char> data;
    std::uint32_t u16(std::size_t at) const {
        if (at + 2 > data.size()) throw std::out_of_range("ttf");
        return std::uint32_t(data[at]) << 8 | data[at + 1];
    }
    std::uint32_t u32(std::size_t at) const { return u16(at) << 16 | u16(at + 2); }
};

}  // namespace

GlyphCoverage::GlyphCoverage(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    Bytes f{std::vector<unsigned char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
    try {
        const std::uint32_t tables = f.u16(4);
        std::size_t cmap = 0;
        for (std::uint32_t i = 0; i < tables; ++i) {
            const std::size_t rec = 12 + 16 * i;
            if (f.data[rec] == 'c' && f.data[rec + 1] == 'm' && f.data[rec + 2] == 'a' && f.data[rec + 3] == 'p')
                cmap = f.u32(rec + 8);
        }
        if (!cmap) throw std::out_of_range("no cmap");
        // The Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
        std::size_t sub = 0;
        for (std::uint32_t i = 0, n = f.u16(cmap + 2); i < n; ++i) {
            const std::size_t rec = cmap + 4 + 8 * i;
            if (f.u16(rec) == 3 && f.u16(rec + 2) == 1) sub = cmap + f.u32(rec + 4);
        }
        if (!sub || f.u16(sub) != 4) throw std::out_of_range("no format 4 cmap");
        const std::uint32_t segs = f.u16(sub + 6) / 2;
        const std::size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                          offsets = deltas + 2 * segs;
        for (std::uint32_t s = 0; s < segs; ++s) {
            const std::uint32_t end = f.u16(ends + 2 * s), start = f.u16(starts + 2 * s);
            const std::uint32_t delta = f.u16(deltas + 2 * s), range = f.u16(offsets + 2 * s);
            for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
                std::uint32_t glyph;
                if (range == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    const std::uint32_t g = f.u16(offsets + 2 * s + range + 2 * (c - start));
                    glyph = g == 0 ? 0 : (g + delta) & 0xFFFF;
                }
                if (glyph) bmp_.set(c);
            }
        }
    } catch (const std::out_of_range&) {
        throw Error(format(tr(N_("The report font {1} is missing or damaged; reinstall Fidelis.")), {path}));
    }
}

}  // namespace fidelis::pdf
