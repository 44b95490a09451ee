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
// How a viewer numbers pages (the PDF's page labels): 1 2 3, I II III, i ii iii, A B C, a b c.
enum class PageNumbering { Decimal, UpperRoman, LowerRoman, UpperLetters, LowerLetters };

class Document;

class Page {
public:
    double width() const { return width_; }
    double height() const { return height_; }

    // `y` is the baseline, measured from the top of the page. `utf8` is one line in logical
    // order: right-to-left runs (Arabic, Hebrew) are shaped and drawn in visual order, and
    // each character cluster the font lacks is drawn as one "□" (the PDF keeps the text as
    // typed for copying and screen readers).
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
    // Tagged PDF: what a drawing call is marked as (see Document::begin_tag).
    enum class Content { Text, Graphics };
    // Opens the marked-content sequence of one drawing call, if it needs one, and says so.
    // `logical`: the text as typed, for a line drawn in another order (right to left).
    bool begin_content(Content kind, const std::u32string* logical = nullptr);
    void end_content(bool opened);
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

    // The title is what the viewer's title bar shows (DisplayDocTitle), not the file name.
    void set_info(const std::string& title, const std::string& author, const std::string& subject);

    // Navigation. A bookmark in the viewer's outline, pointing at `y` (from the top) on
    // `page`. `level` 0 is the top; a bookmark of level n nests under the last one of level
    // n - 1 (a level deeper than that is taken as that). Top-level bookmarks show their
    // children when the file opens, and a file with bookmarks opens with the outline shown.
    void add_bookmark(std::string_view title_utf8, const Page& page, double y, int level = 0);
    std::size_t bookmark_count() const;
    // From page `first_page` (0-based) on, the viewer calls pages `prefix` followed by
    // numbers in `style` counting from `first_number`, until the next range. Without any,
    // pages are labelled 1, 2, 3 ...
    void set_page_labels(std::size_t first_page, PageNumbering style = PageNumbering::Decimal, int first_number = 1,
                         std::string_view prefix_utf8 = {});

    // Tagged PDF (PDF/UA's logical structure). Call set_tagged(true) before drawing the
    // first page: the file then has a structure tree whose root element is /Document, and
    // all content drawn is marked. begin_tag() opens a structure element ("H1", "P", "Table",
    // "TR", "TH", "TD", "L", "LI", "Figure", ... any standard structure type of PDF 1.7
    // section 14.8.4) as a child of the innermost open one; end_tag() closes it. Text drawn
    // while an element is open belongs to it; graphics belong to an open "Figure" (whose
    // `alt` text describes it) and are otherwise, like text drawn with no element open,
    // marked as artifacts (page furniture a screen reader skips). Untagged documents
    // ignore begin_tag and end_tag, so a report can tag itself unconditionally.
    void set_tagged(bool tagged);
    bool tagged() const;
    // Throws std::invalid_argument for a role that is not a standard structure type.
    void begin_tag(std::string_view role, std::string_view alt_utf8 = {});
    // Throws std::logic_error when no element is open.
    void end_tag();
    // Writes through a temporary file and a rename: a failed report leaves no half file.
    void save(const std::string& path);

    // Width of a line of text in points, as Page::text draws it (shaped, with "□" marks).
    double text_width(std::string_view utf8, double size, Weight weight = Weight::Regular);
    // Valid UTF-8 in logical order made of characters the font can draw: control characters
    // are dropped (tabs and line breaks become spaces) and each character cluster the font
    // cannot draw (an emoji with its modifiers and joiners, a CJK ideograph) becomes one "□".
    std::string printable(std::string_view utf8) const;
    // The line as Page::text draws it, from left to right: printable(), shaped and in visual
    // order, without the invisible joiners and marks.
    std::string drawn(std::string_view utf8, Weight weight = Weight::Regular) const;

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
