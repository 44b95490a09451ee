#pragma once
// Flowing content onto pages: wrapped paragraphs that continue on the next page without
// losing a word, tables whose header repeats on every page, and footers with page X of Y.
#include "reports/pdf.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fidelis::pdf {

struct Style {
    double size = 9.5;
    Weight weight = Weight::Regular;
    Rgb colour = ink;
    double leading = 1.32;  // line height as a multiple of the size
};

struct Column {
    std::string title;
    double width = 0;  // points; the last column with 0 takes what is left
    Align align = Align::Left;
};

struct Cell {
    std::string text;
    std::optional<Rgb> fill;
    Weight weight = Weight::Regular;
    Rgb colour = ink;
    Cell() = default;
    Cell(std::string t) : text(std::move(t)) {}
    Cell(const char* t) : text(t) {}
};
using Row = std::vector<Cell>;

class Flow {
public:
    static constexpr double margin = 48;
    static constexpr double footer_height = 30;

    Flow(Document& doc, bool landscape);

    Document& doc() { return doc_; }
    Page& page() { return *page_; }
    double left() const { return margin; }
    double right() const { return page_->width() - margin; }
    double width() const { return right() - left(); }
    double bottom() const { return page_->height() - margin - footer_height; }
    double y() const { return y_; }
    void advance(double dy) { y_ += dy; }
    bool landscape() const { return landscape_; }

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
    double y_ = 0;
};

}  // namespace fidelis::pdf
