#pragma once
// What a chart draws on: points from the top-left corner, text with a baseline, rectangles,
// lines, circles and polygons. The PDF draws it with libharu, the HTML as inline SVG; both
// measure text with the same font metrics, so a chart lays out the same in both.
#include "reports/palette.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fidelis::reports {

enum class Align { Left, Centre, Right };
enum class Weight { Regular, Bold };

class Canvas {
public:
    virtual ~Canvas() = default;

    // Width of a line of text in points, as it will be drawn.
    virtual double text_width(std::string_view utf8, double size, Weight weight = Weight::Regular) = 0;
    // `y` is the baseline.
    virtual void text(double x, double y, std::string_view utf8, double size, Weight weight = Weight::Regular,
                      const Rgb& colour = ink, Align align = Align::Left) = 0;
    // Text turned by `degrees` counter-clockwise around (x, y).
    virtual void rotated_text(double x, double y, double degrees, std::string_view utf8, double size, Weight weight,
                              const Rgb& colour, double opacity = 1.0) = 0;
    virtual void rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke = nullptr,
                      double line_width = 0.5) = 0;
    virtual void line(double x1, double y1, double x2, double y2, const Rgb& colour, double width = 0.5,
                      bool dashed = false) = 0;
    virtual void circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double line_width = 0.8) = 0;
    virtual void polygon(const std::vector<std::pair<double, double>>& points, const Rgb* fill, const Rgb* stroke) = 0;

    // Splits text into lines of at most `width` points at spaces; a word too long for a
    // line is broken between characters rather than cut off. "\n" starts a new line, and
    // blank lines between paragraphs collapse to one.
    std::vector<std::string> wrap(const std::string& text, double width, double size, Weight weight = Weight::Regular);
    // `text`, shortened with an ellipsis to fit `width` points.
    std::string fit(const std::string& text, double width, double size, Weight weight = Weight::Regular);
    // The widest single word of `text`.
    double widest_word(const std::string& text, double size, Weight weight = Weight::Regular);
};

}  // namespace fidelis::reports
