// Charts as inline SVG for the HTML report (see svg_canvas.h). Coordinates are points from
// the top-left, as on a PDF page, so one user unit is one point and the viewBox is the
// chart's size in points; CSS scales the drawing to the width of the page.
#include "svg_canvas.h"

#include "base/paths.h"
#include "base/utf8.h"
#include "truetype.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fidelis::reports {

std::string svg_number(double value) {
    if (!std::isfinite(value)) return "0";
    // std::to_chars never looks at a locale, unlike iostreams and printf.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 2);
    if (res.ec != std::errc()) return "0";
    std::string s(buf, res.ptr);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string escape_text(std::string_view raw) {
    const std::string clean = utf8::sanitize(raw);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (const char c : clean) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

namespace {

const pdf::TrueTypeFont& face(const char* file) {
    return pdf::TrueTypeFont::shared((paths::fonts_dir() / file).string());
}

// One line of text: tabs and line breaks read as spaces, as the PDF prints them.
std::string one_line(std::string_view raw) {
    std::string s = utf8::sanitize(raw);
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return s;
}

std::string paint(const Rgb* colour) { return colour ? colour->css() : std::string("none"); }

}  // namespace

SvgCanvas::SvgCanvas() : regular_(face("DejaVuSans.ttf")), bold_(face("DejaVuSans-Bold.ttf")) {}

double SvgCanvas::text_width(std::string_view text, double size, Weight weight) {
    const pdf::TrueTypeFont& font = weight == Weight::Bold ? bold_ : regular_;
    // A character the font lacks is measured as the PDF draws it: U+FFFD, else a box. The
    // browser may find it in another font, a little wider or narrower; labels are short.
    const char32_t stand_in = font.covers(utf8::replacement) ? utf8::replacement : char32_t(0x25A1);
    long units = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = utf8::decode(text, pos);
        if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
        units += font.width(font.covers(cp) ? cp : stand_in);
    }
    return double(units) * size / 1000.0;
}

void SvgCanvas::text_element(double x, double y, std::string_view raw, double size, Weight weight, const Rgb& colour,
                             const char* anchor, const std::string& extra) {
    const std::string s = one_line(raw);
    if (s.empty()) return;
    out_ += "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" font-size=\"" + svg_number(size) + "\"";
    if (weight == Weight::Bold) out_ += " font-weight=\"bold\"";
    out_ += " fill=\"" + colour.css() + "\"";
    if (anchor) out_ += std::string(" text-anchor=\"") + anchor + "\"";
    out_ += extra + ">" + escape_text(s) + "</text>\n";
}

void SvgCanvas::text(double x, double y, std::string_view s, double size, Weight weight, const Rgb& colour,
                     Align align) {
    // Anchored in the browser rather than moved by a measured width, so a fallback font
    // with other widths still centres or right-aligns the text where the chart meant.
    const char* anchor = align == Align::Centre ? "middle" : align == Align::Right ? "end" : nullptr;
    text_element(x, y, s, size, weight, colour, anchor, {});
}

void SvgCanvas::rotated_text(double x, double y, double degrees, std::string_view s, double size, Weight weight,
                             const Rgb& colour, double opacity) {
    // Counter-clockwise on the page is a negative angle in SVG, whose y axis points down.
    std::string extra =
        " transform=\"rotate(" + svg_number(-degrees) + " " + svg_number(x) + " " + svg_number(y) + ")\"";
    if (opacity < 1.0) extra += " fill-opacity=\"" + svg_number(std::max(0.0, opacity)) + "\"";
    text_element(x, y, s, size, weight, colour, nullptr, extra);
}

void SvgCanvas::rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke, double line_width) {
    if (!fill && !stroke) return;
    // SVG refuses a negative width or height; the PDF draws the box the other way round.
    if (w < 0) x += w, w = -w;
    if (h < 0) y += h, h = -h;
    out_ += "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(w) + "\" height=\"" +
            svg_number(h) + "\" fill=\"" + paint(fill) + "\"";
    if (stroke) out_ += " stroke=\"" + stroke->css() + "\" stroke-width=\"" + svg_number(line_width) + "\"";
    out_ += "/>\n";
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, const Rgb& colour, double width, bool dashed) {
    out_ += "<line x1=\"" + svg_number(x1) + "\" y1=\"" + svg_number(y1) + "\" x2=\"" + svg_number(x2) + "\" y2=\"" +
            svg_number(y2) + "\" stroke=\"" + colour.css() + "\" stroke-width=\"" + svg_number(width) + "\"";
    if (dashed) out_ += " stroke-dasharray=\"3 2\"";  // the PDF's dash
    out_ += "/>\n";
}

void SvgCanvas::circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double line_width) {
    // Neither colour: the PDF still strokes the ring, in ink.
    const Rgb* ring = stroke ? stroke : fill ? nullptr : &ink;
    out_ += "<circle cx=\"" + svg_number(cx) + "\" cy=\"" + svg_number(cy) + "\" r=\"" + svg_number(std::fabs(r)) +
            "\" fill=\"" + paint(fill) + "\"";
    if (ring) out_ += " stroke=\"" + ring->css() + "\" stroke-width=\"" + svg_number(line_width) + "\"";
    out_ += "/>\n";
}

void SvgCanvas::polygon(const std::vector<std::pair<double, double>>& points, const Rgb* fill, const Rgb* stroke) {
    if (points.size() < 2) return;
    std::string list;
    for (const auto& [x, y] : points) list += (list.empty() ? "" : " ") + svg_number(x) + "," + svg_number(y);
    // Without a fill the PDF strokes an open path (a trend line): a polyline, not closed.
    const Rgb* outline = stroke ? stroke : fill ? nullptr : &ink;
    out_ += std::string(fill ? "<polygon" : "<polyline") + " points=\"" + list + "\" fill=\"" + paint(fill) + "\"";
    if (outline) out_ += " stroke=\"" + outline->css() + "\" stroke-width=\"1.2\" stroke-linejoin=\"round\"";
    out_ += "/>\n";
}

}  // namespace fidelis::reports
