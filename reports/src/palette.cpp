// The reports' colours and WCAG contrast (see palette.h).
#include "reports/palette.h"

#include "scales/scale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fidelis::reports {
namespace {

// Red to green. The darkest ends are dark enough for white text at 4.5:1, the middle light
// enough for ink; text_on picks, and a test checks every level of every shipped scale.
const Rgb level_palette[] = {Rgb::hex("#b8403a"), Rgb::hex("#ee9a4d"), Rgb::hex("#f3d27a"), Rgb::hex("#9ccc72"),
                             Rgb::hex("#2f7a4a")};

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

}  // namespace

Rgb Rgb::hex(const std::string& h) {
    unsigned r = 0, g = 0, b = 0;
    if (h.size() == 7 && h[0] == '#' && std::sscanf(h.c_str() + 1, "%02x%02x%02x", &r, &g, &b) == 3)
        return {r / 255.0, g / 255.0, b / 255.0};
    return grey;
}

Rgb Rgb::mix(const Rgb& o, double t) const { return {r + (o.r - r) * t, g + (o.g - g) * t, b + (o.b - b) * t}; }

double Rgb::luminance() const { return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b); }

std::string Rgb::css() const {
    auto byte = [](double c) { return unsigned(std::lround(std::clamp(c, 0.0, 1.0) * 255)); };
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", byte(r), byte(g), byte(b));
    return out;
}

double contrast(const Rgb& a, const Rgb& b) {
    const double la = a.luminance(), lb = b.luminance();
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb text_on(const Rgb& fill) {
    if (contrast(fill, white) >= min_text_contrast) return white;
    if (contrast(fill, ink) >= min_text_contrast) return ink;
    return black;  // black or white always reaches 4.58:1
}

Rgb level_colour(const Scale& scale, int level) {
    const int lo = scale.min_level(), hi = scale.max_level();
    if (hi <= lo) return level_palette[2];
    const double t = double(level - lo) / double(hi - lo) * 4.0;
    const int i = std::clamp(int(std::floor(t)), 0, 3);
    return level_palette[i].mix(level_palette[i + 1], std::clamp(t - i, 0.0, 1.0));
}

Rgb band_colour(const Scale& scale, const Band& band) {
    if (!band.colour.empty()) return Rgb::hex(band.colour);
    const auto& bands = scale.scoring.bands;
    const auto i = std::size_t(&band - bands.data());
    const double t = bands.size() > 1 ? double(i) / double(bands.size() - 1) * 4.0 : 2.0;
    return level_palette[std::clamp(int(std::lround(t)), 0, 4)];
}

}  // namespace fidelis::reports
