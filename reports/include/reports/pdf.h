#pragma once
// A thin, safe layer over libharu. libharu reports errors through a C callback; ours only
// records them, and every call is followed by a check that throws a C++ exception, so
// nothing ever unwinds through C. Coordinates are in points from the top-left corner.
#include "base/error.h"
#include "reports/canvas.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis::pdf {

// The colours, alignment and weights are the neutral ones every renderer shares.
using Rgb = reports::Rgb;
using reports::accent;
using reports::black;
using reports::grey;
using reports::ink;
using reports::light_grey;
using reports::white;
using Align = reports::Align;
using Weight = reports::Weight;

class Document;

class Page {
public:
    double width() const { return width_; }
    double height() const { return height_; }

    // `y` is the baseline, measured from the top of the page.
    void text(double x, double y, std::string_view utf8, double size, Weight weight = Weight::Regular,
              const Rgb& colour = ink, Align align = Align::Left);
    // Text turned by `degrees` counter-clockwise around (x, y).
    void rotated_text(double x, double y, double degrees, std::string_view utf8, double size, Weight weight,
                      const Rgb& colour, double opacity = 1.0);
    void rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke = nullptr,
              double line_width = 0.5);
    void line(double x1, double y1, double x2, double y2, const Rgb& colour, double width = 0.5, bool dashed = false);
    void circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double line_width = 0.8);
    void polygon(const std::vector<std::pair<double, double>>& points, const Rgb* fill, const Rgb* stroke);

private:
    friend class Document;
    Page(Document& doc, void* handle, double w, double h) : doc_(&doc), handle_(handle), width_(w), height_(h) {}
    Document* doc_;
    void* handle_;
    double width_;
    double height_;
};

class Document {
public:
    // `language` is "sv" or "en": it is written into the PDF for screen readers.
    explicit Document(const std::string& language);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    Page& add_page(bool landscape = false);
    std::size_t page_count() const { return pages_.size(); }
    Page& page(std::size_t i) { return *pages_.at(i); }

    void set_info(const std::string& title, const std::string& author, const std::string& subject);
    // Writes through a temporary file and a rename: a failed report leaves no half file.
    void save(const std::string& path);

    // Width of a line of text in points.
    double text_width(std::string_view utf8, double size, Weight weight = Weight::Regular);
    // Valid UTF-8 made of characters the font can draw; anything else becomes U+FFFD.
    std::string printable(std::string_view utf8) const;

    // Throws Error when libharu recorded an error since the last check.
    void check(const char* what);

    // Opaque outside pdf.cpp; public only so libharu's C error callback can reach it.
    struct Impl;

private:
    friend class Page;
    std::unique_ptr<Impl> impl_;
    std::vector<std::unique_ptr<Page>> pages_;
};

}  // namespace fidelis::pdf
