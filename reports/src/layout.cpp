#include "reports/layout.h"

#include "base/i18n.h"
#include "base/utf8.h"

#include <algorithm>
#include <sstream>

namespace fidelis::pdf {
namespace {

// A paragraph's direction is that of its first strong letter, as in HTML's dir="auto".
// Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms.
bool rtl_letter(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool right_to_left(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = utf8::decode(text, i);
        if (rtl_letter(c)) return true;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x0590)) return false;
    }
    return false;
}

// Each wrapped line would otherwise take its direction from its own first letter: a line
// of a Swedish paragraph that starts with a Hebrew name would be drawn right to left. A
// mark (RLM or LRM, invisible) carries the paragraph's direction to every line.
bool has_rtl(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        if (rtl_letter(utf8::decode(text, i))) return true;
    }
    return false;
}
std::string directed(const std::string& line, bool rtl) {
    if (!rtl && !has_rtl(line)) return line;  // nothing to reorder: drawn as typed
    return (rtl ? "\u200F" : "\u200E") + line;
}

}  // namespace

Flow::Flow(Document& doc, bool landscape) : doc_(doc), landscape_(landscape) {
    page_ = &doc_.add_page(landscape_);
    canvas_.set_page(page_);
    y_ = margin;
}

Page& Flow::new_page() {
    page_ = &doc_.add_page(landscape_);
    canvas_.set_page(page_);
    y_ = margin;
    if (on_new_page) on_new_page(*this);
    return *page_;
}

void Flow::keep(double height) {
    if (y_ + height > bottom()) new_page();
}

std::vector<std::string> Flow::wrap(const std::string& raw, double width, double size, Weight weight) {
    return canvas_.wrap(raw, width, size, weight);
}

void Flow::heading(const std::string& text, int level) {
    const double size = level == 1 ? 16 : level == 2 ? 12.5 : 10.5;
    const double before = level == 1 ? 6 : 10;
    // A heading never sits alone at the foot of a page.
    keep(before + size * 1.4 + 40);
    y_ += before;
    // Every heading is a bookmark, nested by level, and a heading in the structure tree
    // (H2 and down: the title is the H1).
    // A level never deeper than one below the heading before it, as PDF/UA and the HTML's
    // outline require.
    // Each heading nests under the nearest earlier one of a lower requested level.
    while (!headings_.empty() && headings_.back().first >= level) headings_.pop_back();
    const int tag = std::min(6, headings_.empty() ? 2 : headings_.back().second + 1);
    headings_.emplace_back(level, tag);
    doc_.add_bookmark(text, *page_, y_, tag - 2);
    doc_.begin_tag("H" + std::to_string(tag));
    for (const auto& line : wrap(text, width(), size, Weight::Bold)) {
        y_ += size * 1.15;
        page_->text(left(), y_, line, size, Weight::Bold, level == 1 ? accent : ink);
    }
    doc_.end_tag();
    y_ += size * 0.45;
}

void Flow::paragraph(const std::string& text, const Style& style, double indent) {
    const double line_height = style.size * style.leading;
    doc_.begin_tag("P");
    const bool rtl = right_to_left(text);
    for (const auto& line : wrap(text, width() - indent, style.size, style.weight)) {
        keep(line_height);
        y_ += line_height;
        // A right-to-left paragraph is set against the right margin.
        page_->text(rtl ? right() : left() + indent, y_ - style.size * 0.28, directed(line, rtl), style.size, style.weight,
                    style.colour, rtl ? Align::Right : Align::Left);
    }
    doc_.end_tag();
    y_ += style.size * 0.35;
}

void Flow::bullets(const std::vector<std::string>& items, const Style& style) {
    doc_.begin_tag("L");
    for (const auto& item : items) {
        const double line_height = style.size * style.leading;
        keep(line_height);
        doc_.begin_tag("LI");
        page_->text(left() + 4, y_ + line_height - style.size * 0.28, "•", style.size, Weight::Bold, accent);
        paragraph(item, style, 14);
        doc_.end_tag();
        y_ -= style.size * 0.2;
    }
    doc_.end_tag();
    y_ += style.size * 0.3;
}

void Flow::label_value(const std::string& label, const std::string& value, double label_width) {
    const Style st;
    // A label longer than its column (Swedish often is) wraps in its column, beside the value;
    // a single word wider than the column widens it rather than being cut in two.
    double widest_word = 0;
    std::istringstream words(label);
    for (std::string w; words >> w;) widest_word = std::max(widest_word, doc_.text_width(w, st.size, Weight::Bold));
    label_width = std::min(std::max(label_width, widest_word + 8), width() / 2);
    const auto labels = wrap(label, label_width - 8, st.size, Weight::Bold);
    // Each paragraph of the value keeps its own direction: a Swedish note may quote an Arabic one.
    std::vector<std::string> lines;
    std::vector<bool> rtl;
    for (std::size_t start = 0; start <= value.size();) {
        std::size_t nl = value.find('\n', start);
        if (nl == std::string::npos) nl = value.size();
        const std::string para = value.substr(start, nl - start);
        auto part = wrap(para, width() - label_width, st.size, Weight::Regular);
        if (part.empty() && !lines.empty() && !lines.back().empty()) part.push_back("");  // one blank line between paragraphs
        for (auto& l : part) {
            lines.push_back(std::move(l));
            rtl.push_back(right_to_left(para));
        }
        start = nl + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    const std::size_t rows = std::max<std::size_t>(1, std::max(labels.size(), lines.size()));
    const double h = st.size * st.leading;
    keep(h * double(std::min<std::size_t>(3, rows)));
    doc_.begin_tag("P");
    struct Close {
        Document& d;
        ~Close() { d.end_tag(); }
    } close{doc_};
    for (std::size_t i = 0; i < rows; ++i) {
        keep(h);  // a long value continues on the next page, line by line
        y_ += h;
        if (i < labels.size()) page_->text(left(), y_ - st.size * 0.28, labels[i], st.size, Weight::Bold, ink);
        if (i < lines.size())
            page_->text(rtl[i] ? right() : left() + label_width, y_ - st.size * 0.28, directed(lines[i], rtl[i]), st.size,
                        Weight::Regular, ink, rtl[i] ? Align::Right : Align::Left);
    }
}

namespace {
constexpr double cell_pad = 3;
}

Flow::CellLines Flow::wrap_row(const std::vector<double>& widths, const Row& row, const Style& style, bool header) {
    CellLines cells(widths.size());
    for (std::size_t c = 0; c < widths.size(); ++c) {
        const Cell empty;
        const Cell& cell = c < row.size() ? row[c] : empty;
        cells[c] = wrap(cell.text, std::max(4.0, widths[c] - 2 * cell_pad), style.size, header ? Weight::Bold : cell.weight);
    }
    return cells;
}

double Flow::draw_slice(const std::vector<Column>& columns, const std::vector<double>& widths, const Row& row,
                        const CellLines& lines, std::size_t first, std::size_t count, const Style& style, bool header) {
    const double line_height = style.size * style.leading;
    const double height = double(std::max<std::size_t>(1, count)) * line_height + 2 * cell_pad;
    double x = left();
    doc_.begin_tag("TR");
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const Cell empty;
        const Cell& cell = c < row.size() ? row[c] : empty;
        doc_.begin_tag(header ? "TH" : "TD");
        if (header) page_->rect(x, y_, widths[c], height, &light_grey);
        else if (cell.fill) page_->rect(x, y_, widths[c], height, &*cell.fill);
        double ty = y_ + cell_pad;
        const bool rtl = right_to_left(cell.text);
        for (std::size_t i = first; i < first + count && i < lines[c].size(); ++i) {
            ty += line_height;
            const double tx = columns[c].align == Align::Left    ? x + cell_pad
                              : columns[c].align == Align::Right ? x + widths[c] - cell_pad
                                                                 : x + widths[c] / 2;
            page_->text(tx, ty - style.size * 0.3, directed(lines[c][i], rtl), style.size, header ? Weight::Bold : cell.weight,
                        header ? ink : cell.colour, columns[c].align);
        }
        doc_.end_tag();
        x += widths[c];
    }
    doc_.end_tag();
    page_->line(left(), y_ + height, left() + width(), y_ + height, light_grey, 0.5);
    y_ += height;
    return height;
}

void Flow::table(const std::vector<Column>& columns, const std::vector<Row>& rows, const Style& style) {
    std::vector<double> widths;
    double fixed = 0;
    int flexible = 0;
    for (const auto& c : columns) {
        fixed += c.width;
        if (c.width <= 0) ++flexible;
    }
    // A fixed column narrower than its header's longest word grows to fit it, taking the
    // room from the flexible columns, so "Förändring" never breaks as "Förändrin/g".
    std::vector<double> wanted;
    for (const auto& c : columns) {
        double word = canvas_.widest_word(c.title, style.size, Weight::Bold) + 2 * cell_pad + 1;
        // …and to the longest word of its cells, up to a third of the page.
        const std::size_t i = std::size_t(&c - columns.data());
        for (const Row& r : rows)
            if (i < r.size())
                word = std::max(word, std::min(width() / 3, canvas_.widest_word(r[i].text, style.size, r[i].weight) + 2 * cell_pad + 1));
        wanted.push_back(c.width > 0 ? std::max(c.width, word) : word);
    }
    fixed = 0;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].width > 0) fixed += wanted[i];
    for (std::size_t i = 0; i < columns.size(); ++i)
        widths.push_back(columns[i].width > 0 ? wanted[i]
                                              : std::max({30.0, wanted[i], (width() - fixed) / std::max(1, flexible)}));
    Row header;
    for (const auto& c : columns) header.push_back(Cell(c.title));
    const CellLines header_lines = wrap_row(widths, header, style, true);
    std::size_t header_count = 1;
    for (const auto& l : header_lines) header_count = std::max(header_count, l.size());
    const double line_height = style.size * style.leading;
    const double header_height = double(header_count) * line_height + 2 * cell_pad;
    auto put_header = [&] { draw_slice(columns, widths, header, header_lines, 0, header_count, style, true); };
    const double page_capacity = bottom() - margin - header_height;

    keep(header_height + line_height * 2 + 2 * cell_pad);
    doc_.begin_tag("Table");
    put_header();
    for (const Row& row : rows) {
        const CellLines lines = wrap_row(widths, row, style, false);
        std::size_t total = 1;
        for (const auto& l : lines) total = std::max(total, l.size());
        const double row_height = double(total) * line_height + 2 * cell_pad;
        // A row that fits on a fresh page moves there whole; a longer one is split so that
        // every line still lands on a page.
        if (y_ + row_height > bottom() && row_height <= page_capacity) {
            new_page();
            put_header();
        }
        std::size_t first = 0;
        while (first < total) {
            std::size_t room = std::size_t(std::max(0.0, (bottom() - y_ - 2 * cell_pad) / line_height));
            if (room == 0) {
                new_page();
                put_header();
                continue;
            }
            const std::size_t count = std::min(room, total - first);
            draw_slice(columns, widths, row, lines, first, count, style, false);
            first += count;
        }
    }
    doc_.end_tag();
    y_ += 6;
}

void Flow::finish(const std::string& footer, const std::string& page_pattern) {
    const std::size_t n = doc_.page_count();
    for (std::size_t i = 0; i < n; ++i) {
        Page& p = doc_.page(i);
        const double y = p.height() - margin + 14;
        p.line(margin, y - 11, p.width() - margin, y - 11, light_grey, 0.5);
        const std::string numbers = format(page_pattern, {std::to_string(i + 1), std::to_string(n)});
        const double numbers_width = doc_.text_width(numbers, 7.5) + 12;
        const auto lines = wrap(footer, p.width() - 2 * margin - numbers_width, 7.5, Weight::Regular);
        double ly = y;
        for (const auto& line : lines) {
            p.text(margin, ly, line, 7.5, Weight::Regular, grey);
            ly += 9;
        }
        p.text(p.width() - margin, y, numbers, 7.5, Weight::Regular, grey, Align::Right);
    }
}

}  // namespace fidelis::pdf
