#pragma once
// The reports' colours, shared by the PDF, the HTML and the window: ink and accents, the
// colour of each level and band, and which text colour reads on a fill. Neutral: no PDF,
// HTML or wx here, so the window can use the same colours without drawing internals.
// Contrast follows WCAG 2.1: relative luminance in linear light, ratios (L1 + 0.05) / (L2 + 0.05).
#include <string>

namespace fidelis {
struct Band;
class Scale;
}  // namespace fidelis

namespace fidelis::reports {

struct Rgb {
    double r = 0, g = 0, b = 0;
    static Rgb hex(const std::string& hex_colour);  // "#rrggbb"; anything else is grey
    Rgb mix(const Rgb& other, double t) const;     // t = 0: this, 1: other
    // WCAG relative luminance: each channel decoded from sRGB to linear light first.
    double luminance() const;
    std::string css() const;  // "#rrggbb"
    bool operator==(const Rgb& o) const { return css() == o.css(); }
};

// WCAG contrast ratio, from 1 (none) to 21 (black on white).
double contrast(const Rgb& a, const Rgb& b);
// What WCAG 2.1 AA asks of normal-size text.
inline constexpr double min_text_contrast = 4.5;

inline const Rgb black{0, 0, 0};
inline const Rgb white{1, 1, 1};
inline const Rgb grey{0.42, 0.42, 0.42};        // muted text: 5.2:1 on white
inline const Rgb light_grey{0.85, 0.85, 0.85};  // rules and empty cells, never text
inline const Rgb ink{0.12, 0.16, 0.22};
inline const Rgb accent{0.09, 0.32, 0.55};
inline const Rgb warning_ink{0.64, 0.2, 0.17};  // #a3322b: drafts and incomplete totals

// The colour of a level: red at the bottom of the scale to green at the top.
Rgb level_colour(const Scale& scale, int level);
// The band's own colour from the scale file, else one by its place among the bands.
Rgb band_colour(const Scale& scale, const Band& band);
// Text that reads on `fill` at 4.5:1 or better: white, else ink, else black.
Rgb text_on(const Rgb& fill);

}  // namespace fidelis::reports
