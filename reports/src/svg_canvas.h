#pragma once
// The canvas the HTML report draws its charts on: each call appends one SVG element to
// a string, and text is measured with the same DejaVu Sans metrics the PDF embeds, so a
// chart wraps and fits its labels the same way in both (canvas.h).
#include "reports/canvas.h"

#include <string>
#include <string_view>

namespace fidelis::pdf {
class TrueTypeFont;
}

namespace fidelis::reports {

// A number as an SVG attribute takes it: "." before the decimals whatever the process or
// global C++ locale says, at most two decimals, no trailing zeros ("12.5", "-3", "0").
std::string svg_number(double value);
// Text for HTML and SVG, in content and in quoted attributes alike: invalid UTF-8 replaced
// and control characters dropped (utf8::sanitize), then &, <, >, " and ' escaped.
std::string escape_text(std::string_view utf8);

class SvgCanvas final : public Canvas {
public:
    // Reads the report fonts from paths::fonts_dir() (once per process). Throws Error when
    // they are missing, as the PDF does.
    SvgCanvas();

    double text_width(std::string_view utf8, double size, Weight weight = Weight::Regular) override;
    void text(double x, double y, std::string_view utf8, double size, Weight weight = Weight::Regular,
              const Rgb& colour = ink, Align align = Align::Left) override;
    void rotated_text(double x, double y, double degrees, std::string_view utf8, double size, Weight weight,
                      const Rgb& colour, double opacity = 1.0) override;
    void rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke = nullptr,
              double line_width = 0.5) override;
    void line(double x1, double y1, double x2, double y2, const Rgb& colour, double width = 0.5,
              bool dashed = false) override;
    void circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double line_width = 0.8) override;
    void polygon(const std::vector<std::pair<double, double>>& points, const Rgb* fill, const Rgb* stroke) override;

    // The elements drawn so far, one per line, to go inside an <svg>.
    const std::string& elements() const { return out_; }

private:
    void text_element(double x, double y, std::string_view utf8, double size, Weight weight, const Rgb& colour,
                      const char* anchor, const std::string& extra);

    const pdf::TrueTypeFont& regular_;
    const pdf::TrueTypeFont& bold_;
    std::string out_;
};

}  // namespace fidelis::reports
