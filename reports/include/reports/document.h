#pragma once
// A report as a neutral document, between what it says (analysis.h) and how it is drawn:
// a title block, headings, paragraphs, lists, label–value fields, tables with header cells,
// charts as data with a text alternative, and page breaks as hints. render.h draws it as a
// PDF or as one self-contained, accessible HTML file; both show the same words and numbers.
#include "reports/canvas.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace fidelis::reports {

class Chart;

struct Style {
    double size = 9.5;
    Weight weight = Weight::Regular;
    Rgb colour = ink;
    double leading = 1.32;  // line height as a multiple of the size

    static Style note() { return {7.5, Weight::Regular, grey}; }
    static Style small() { return {8.5, Weight::Regular, ink}; }
    static Style strong(double size = 9.5) { return {size, Weight::Bold, ink}; }
    static Style warning(double size = 9.5) { return {size, Weight::Bold, warning_ink}; }
    static Style lead() { return {9.5, Weight::Regular, grey}; }
};

struct Column {
    std::string title;
    double width = 0;  // points in the PDF; the columns with 0 share what is left
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
    Cell(std::string t, Rgb fill_colour) : text(std::move(t)), fill(fill_colour), colour(text_on(fill_colour)) {}
};
using Row = std::vector<Cell>;

namespace block {

struct Title {
    std::string kicker, heading, subtitle;
};
// Level 1 opens a part (bookmarked), 2 a section, 3 an item or a subsection.
struct Heading {
    std::string text;
    int level = 1;
};
struct Paragraph {
    std::string text;
    Style style;
    double indent = 0;
};
struct Bullets {
    std::vector<std::string> items;
    Style style;
};
// Consecutive fields form one list of terms and descriptions.
struct Field {
    std::string label, value;
    double label_width = 150;
};
struct Table {
    std::vector<Column> columns;
    std::vector<Row> rows;
    Style style;
    std::string caption;        // what the table holds, for screen readers; may be empty
    bool row_headers = false;   // the first cell of each row names the row
};
struct Figure {
    std::shared_ptr<const Chart> chart;
};
// A big number with what it means: "87 of 125 · Good fidelity".
struct Headline {
    std::string value, of, label;
    std::optional<Rgb> swatch;
    double size = 30;
};
// Lines to sign on, side by side: name and date under each.
struct Signatures {
    std::vector<std::string> labels;
};
// A new page; with `landscape` set, that page and those after it turn (a wide grid).
struct PageBreak {
    std::optional<bool> landscape;
};
struct Space {
    double points = 6;
};

}  // namespace block

using Block = std::variant<block::Title, block::Heading, block::Paragraph, block::Bullets, block::Field, block::Table,
                           block::Figure, block::Headline, block::Signatures, block::PageBreak, block::Space>;

struct Document {
    std::string lang = "sv";  // BCP 47 is derived from it: sv-SE, en-GB
    std::string title;        // the metadata title; the viewer and the browser tab show it
    std::string author;
    std::string subject;
    std::string footer;        // on every page, and at the end of the HTML
    std::string page_pattern;  // "Page {1} of {2}", translated
    std::string draft_word;    // non-empty: the document is a draft, stamped with this word
    bool landscape = false;
    bool tagged = false;  // the PDF gets a structure tree (see ReportOptions::tagged_pdf)
    std::vector<Block> blocks;

    // Builders, in the order the blocks read.
    void title_block(const std::string& kicker, const std::string& heading, const std::string& subtitle) {
        blocks.emplace_back(block::Title{kicker, heading, subtitle});
    }
    void heading(const std::string& text, int level = 1) { blocks.emplace_back(block::Heading{text, level}); }
    void paragraph(const std::string& text, const Style& style = {}, double indent = 0) {
        blocks.emplace_back(block::Paragraph{text, style, indent});
    }
    void bullets(const std::vector<std::string>& items, const Style& style = {}) {
        blocks.emplace_back(block::Bullets{items, style});
    }
    void label_value(const std::string& label, const std::string& value, double label_width = 150) {
        blocks.emplace_back(block::Field{label, value, label_width});
    }
    void table(const std::vector<Column>& columns, const std::vector<Row>& rows, const Style& style = {},
               const std::string& caption = {}, bool row_headers = false) {
        blocks.emplace_back(block::Table{columns, rows, style, caption, row_headers});
    }
    void chart(std::shared_ptr<const Chart> c) { blocks.emplace_back(block::Figure{std::move(c)}); }
    void headline(const block::Headline& h) { blocks.emplace_back(h); }
    void signatures(const std::vector<std::string>& labels) { blocks.emplace_back(block::Signatures{labels}); }
    void new_page(std::optional<bool> landscape = std::nullopt) { blocks.emplace_back(block::PageBreak{landscape}); }
    void space(double points) { blocks.emplace_back(block::Space{points}); }
};

}  // namespace fidelis::reports
