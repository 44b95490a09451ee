// The reports' colours read at WCAG 2.1 AA: contrast is computed in linear light, and
// every fill a report or the window puts text on passes 4.5:1 with the text it gets.
#include "reports/palette.h"
#include "scales/scale_loader.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace fidelis;
using namespace fidelis::reports;

namespace {

std::vector<ScalePtr> shipped_scales() {
    std::vector<ScalePtr> out;
    for (const auto& e : std::filesystem::directory_iterator(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions"))
        if (e.path().extension() == ".xml") out.push_back(load_scale_file(e.path().string()).scale);
    return out;
}

}  // namespace

TEST_CASE("Contrast follows WCAG's known answers") {
    CHECK(contrast(black, white) == Approx(21.0));
    CHECK(contrast(white, white) == Approx(1.0));
    // #767676 on white is the classic lightest grey that passes AA: 4.54:1.
    CHECK(contrast(Rgb::hex("#767676"), white) == Approx(4.54).margin(0.01));
    // The old level-5 green with dark ink: 3.7:1, which gamma-encoded luminance called fine.
    CHECK(contrast(Rgb::hex("#3f8f5a"), ink) == Approx(3.69).margin(0.02));
    CHECK(contrast(Rgb::hex("#3f8f5a"), ink) < min_text_contrast);
}

TEST_CASE("Text on every level and band colour of every shipped scale reads at 4.5:1") {
    const auto scales = shipped_scales();
    REQUIRE(scales.size() >= 2);
    for (const ScalePtr& s : scales) {
        for (int level = s->min_level(); level <= s->max_level(); ++level) {
            const Rgb fill = level_colour(*s, level);
            INFO(s->id << " level " << level << " " << fill.css());
            CHECK(contrast(fill, text_on(fill)) >= min_text_contrast);
            // The trend report's lightened cells.
            const Rgb light = fill.mix(white, 0.55);
            CHECK(contrast(light, text_on(light)) >= min_text_contrast);
        }
        for (const Band& b : s->scoring.bands) {
            for (double lighten : {0.0, 0.35, 0.55, 0.72}) {
                const Rgb fill = band_colour(*s, b).mix(white, lighten);
                INFO(s->id << " band " << b.id << " lightened " << lighten << " " << fill.css());
                CHECK(contrast(fill, text_on(fill)) >= min_text_contrast);
            }
            // Band zones carry ink labels in the trend chart.
            CHECK(contrast(band_colour(*s, b).mix(white, 0.72), ink) >= min_text_contrast);
        }
    }
}

TEST_CASE("The text colours pass on white and on the table header grey") {
    for (const Rgb& text : {ink, grey, accent, warning_ink}) {
        INFO(text.css());
        CHECK(contrast(text, white) >= min_text_contrast);
        CHECK(contrast(text, light_grey) >= min_text_contrast - 1.5);  // large bold header text: 3:1
    }
    CHECK(contrast(ink, light_grey) >= min_text_contrast);
}

TEST_CASE("text_on picks a colour that passes for any fill") {
    for (int r = 0; r <= 255; r += 17)
        for (int g = 0; g <= 255; g += 17)
            for (int b = 0; b <= 255; b += 17) {
                const Rgb fill{r / 255.0, g / 255.0, b / 255.0};
                INFO(fill.css());
                REQUIRE(contrast(fill, text_on(fill)) >= min_text_contrast);
            }
}

TEST_CASE("Colours print as CSS hex") {
    CHECK(Rgb::hex("#2f7a4a").css() == "#2f7a4a");
    CHECK(Rgb::hex("nonsense").css() == grey.css());
}
