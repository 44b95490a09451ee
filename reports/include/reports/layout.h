#pragma once
// Flowing content onto pages: wrapped paragraphs that continue on the next page without
// losing a word, tables whose header repeats on every page, and footers with page X of Y.
#include "reports/document.h"
#include "reports/pdf.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fidelis::pdf {

using reports::Cell;
using reports::Column;
using reports::Row;
using reports::Style;

// A page of a PDF as a canvas for charts; text is measured and drawn with the document's fonts.
class PageCanvas : public reports::Canvas {
public:
    PageCanvas(Document& doc, Page* page) : doc_(doc), page_(page) {}
    void set_page(Page* page) { page_ = page; }

    double text_width(std::string_view utf8, double size, Weight weight = Weight::Regular) override {
        return doc_.text_width(utf8, size, weight);
    }
    void text(double x, double y, std::string_view utf8, double size, Weight weight, const Rgb& colour,
              Align align) override {
        page_->text(x, y, utf8, size, weight, colour, align);
    }
    void rotated_text(double x, double y, double degrees, std::string_view utf8, double size, Weight weight,
                      const Rgb& colour, double opacity) override {
        page_->rotated_text(x, y, degrees, utf8, size, weight, colour, opacity);
    }
    void rect(double x, double y, double w, double h, const Rgb* fill, const Rgb* stroke, double lw) override {
        page_->rect(x, y, w, h, fill, stroke, lw);
    }
    void line(double x1, double y1, double x2, double y2, const Rgb& colour, double width, bool dashed) override {
        page_->line(x1, y1, x2, y2, colour, width, dashed);
    }
    void circle(double cx, double cy, double r, const Rgb* fill, const Rgb* stroke, double lw) override {
        page_->circle(cx, cy, r, fill, stroke, lw);
    }
    void polygon(const std::vector<std::pair<double, double>>& points, const Rgb* fill, const Rgb* stroke) override {
        page_->polygon(points, fill, stroke);
    }

private:
    Document& doc_;
    Page* page_;
};

class Flow {
public:
    static constexpr double margin = 48;
    static constexpr double footer_height = 30;

    Flow(Document& doc, bool landscape);

    Document& doc() { return doc_; }
    Page& page() { return *page_; }
    // The current page as a canvas; it follows new pages.
    PageCanvas& canvas() { return canvas_; }
    double left() const { return margin; }
    double right() const { return page_->width() - margin; }
    double width() const { return right() - left(); }
    double bottom() const { return page_->height() - margin - footer_height; }
    double y() const { return y_; }
    void advance(double dy) { y_ += dy; }
    bool landscape() const { return landscape_; }
    // The orientation of the pages begun from now on.
    void set_landscape(bool landscape) { landscape_ = landscape; }

    Page& new_page();
    // Starts a new page unless `height` points still fit on this one.
    void keep(double height);

    // Splits text into lines of at most `width` points; a word too long for a line is
    // broken between characters rather than cut off.
    std::vector<std::string> wrap(const std::string& text, double width, double size, Weight weight);

    void heading(const std::string& text, int level = 1);
    void paragraph(const std::string& text, const Style& style = {}, double indent = 0);
    void bullets(const std::vector<std::string>& items, const Style& style = {});
    void label_value(const std::string& label, const std::string& value, double label_width = 150);
    // Rows wrap within their cells; the header is repeated on each new page.
    void table(const std::vector<Column>& columns, const std::vector<Row>& rows, const Style& style = {});
    void space(double points) { y_ += points; }

    // Draws on every page: `footer` on the left and "Page X of Y" on the right.
    void finish(const std::string& footer, const std::string& page_pattern);
    // Called for each new page after the first, e.g. to repeat a running header.
    std::function<void(Flow&)> on_new_page;

private:
    using CellLines = std::vector<std::vector<std::string>>;
    CellLines wrap_row(const std::vector<double>& widths, const Row& row, const Style& style, bool header);
    // Draws lines [first, first + count) of every cell; returns the height used.
    double draw_slice(const std::vector<Column>& columns, const std::vector<double>& widths, const Row& row,
                      const CellLines& lines, std::size_t first, std::size_t count, const Style& style, bool header);
    Document& doc_;
    bool landscape_;
    Page* page_ = nullptr;
    PageCanvas canvas_{doc_, nullptr};
    // The open headings: the level asked for and the level in the structure tree (H1 is the title).
    std::vector<std::pair<int, int>> headings_;
    double y_ = 0;
};

}  // namespace fidelis::pdf
