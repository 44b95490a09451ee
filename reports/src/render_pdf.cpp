// A report document (document.h) drawn as a PDF: the blocks flow onto A4 pages through
// layout.h, charts draw on the page canvas in as many parts as they need, and every page
// gets the footer with "page X of Y" and, for a draft, the stamp.
#include "reports/chart.h"
#include "reports/layout.h"
#include "reports/render.h"

#include <cmath>
#include <type_traits>

namespace fidelis::reports {
namespace {

using pdf::Flow;

void title_block(Flow& flow, const block::Title& b) {
    pdf::Page& p = flow.page();
    flow.doc().begin_tag("P");
    p.text(flow.left(), flow.y() + 9, b.kicker, 8.5, Weight::Bold, accent);
    flow.doc().end_tag();
    flow.advance(14);
    flow.doc().begin_tag("H1");
    for (const auto& line : flow.wrap(b.heading, flow.width(), 20, Weight::Bold)) {
        flow.advance(23);
        flow.page().text(flow.left(), flow.y() - 4, line, 20, Weight::Bold, ink);
    }
    flow.doc().end_tag();
    flow.advance(4);
    flow.paragraph(b.subtitle, Style::lead());
    flow.page().line(flow.left(), flow.y() + 2, flow.right(), flow.y() + 2, accent, 1.2);
    flow.advance(10);
}

void headline(Flow& flow, const block::Headline& h) {
    flow.keep(h.size + 16);
    pdf::Page& p = flow.page();
    flow.doc().begin_tag("P");
    flow.advance(h.size);
    double x = flow.left();
    p.text(x, flow.y(), h.value, h.size, Weight::Bold, ink);
    x += flow.doc().text_width(h.value, h.size, Weight::Bold) + 6;
    if (!h.of.empty()) {
        p.text(x, flow.y(), h.of, h.size * 0.4, Weight::Regular, grey);
        x += flow.doc().text_width(h.of, h.size * 0.4) + 14;
    }
    if (h.swatch) {
        p.rect(x, flow.y() - h.size * 0.43, 12, 12, &*h.swatch);
        x += 18;
    }
    const double size = h.size * 0.46;
    p.text(x, flow.y() - 2, flow.canvas().fit(h.label, flow.right() - x, size, Weight::Bold), size, Weight::Bold, ink);
    flow.doc().end_tag();
    flow.advance(10);
}

void signatures(Flow& flow, const block::Signatures& s) {
    const double n = double(std::max<std::size_t>(1, s.labels.size()));
    const double gap = 40, w = (flow.width() - gap * (n - 1)) / n;
    flow.keep(48);
    flow.doc().begin_tag("P");
    for (std::size_t i = 0; i < s.labels.size(); ++i) {
        const double x = flow.left() + double(i) * (w + gap);
        flow.page().line(x, flow.y() + 24, x + w, flow.y() + 24, ink, 0.7);
        flow.page().text(x, flow.y() + 35, flow.canvas().fit(s.labels[i], w, 8), 8, Weight::Regular, grey);
    }
    flow.doc().end_tag();
    flow.advance(44);
}

void figure(Flow& flow, const Chart& chart) {
    flow.keep(chart.min_height());
    // One Figure in the structure tree, its alternative text the chart's own; the numbers
    // it draws are read from the figure's text.
    flow.doc().begin_tag("Figure", chart.title() + ". " + chart.description());
    std::size_t part = 0;
    for (;;) {
        const Chart::Drawn d =
            chart.draw(flow.canvas(), flow.left(), flow.y(), flow.width(), part, flow.bottom() - flow.y());
        flow.advance(d.height);
        if (d.done) break;
        part = d.next;
        flow.new_page();
    }
    flow.doc().end_tag();
}

// A translucent word across every page, and in every footer, where screen readers and
// text extraction find it.
void stamp(pdf::Document& doc, const std::string& word) {
    for (std::size_t i = 0; i < doc.page_count(); ++i) {
        pdf::Page& p = doc.page(i);
        const double size = 96;
        const double w = doc.text_width(word, size, Weight::Bold);
        const double cx = p.width() / 2, cy = p.height() / 2, a = 0.78;  // along the diagonal
        p.rotated_text(cx - std::cos(a) * w / 2, cy + std::sin(a) * w / 2, 45, word, size, Weight::Bold,
                       Rgb::hex("#c8473f"), 0.13);
    }
}

}  // namespace

void render_pdf(const Document& d, const std::string& path) {
    pdf::Document doc(d.lang);
    doc.set_tagged(d.tagged);  // before the first page: every page's content is marked
    Flow flow(doc, d.landscape);
    for (std::size_t i = 0; i < d.blocks.size(); ++i) {
        const Block& b = d.blocks[i];
        // A heading stays with the start of what it introduces: a chart's first part, or a
        // table's header and first rows.
        if (std::holds_alternative<block::Heading>(b) && i + 1 < d.blocks.size()) {
            const Block& next = d.blocks[i + 1];
            double need = 0;
            if (const auto* f = std::get_if<block::Figure>(&next)) need = f->chart->min_height();
            else if (std::holds_alternative<block::Table>(next)) need = 60;
            if (need > 0) flow.keep(need + 40);
        }
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, block::Title>) title_block(flow, x);
                else if constexpr (std::is_same_v<T, block::Heading>) flow.heading(x.text, x.level);
                else if constexpr (std::is_same_v<T, block::Paragraph>) flow.paragraph(x.text, x.style, x.indent);
                else if constexpr (std::is_same_v<T, block::Bullets>) flow.bullets(x.items, x.style);
                else if constexpr (std::is_same_v<T, block::Field>) flow.label_value(x.label, x.value, x.label_width);
                else if constexpr (std::is_same_v<T, block::Table>) flow.table(x.columns, x.rows, x.style);
                else if constexpr (std::is_same_v<T, block::Figure>) figure(flow, *x.chart);
                else if constexpr (std::is_same_v<T, block::Headline>) headline(flow, x);
                else if constexpr (std::is_same_v<T, block::Signatures>) signatures(flow, x);
                else if constexpr (std::is_same_v<T, block::PageBreak>) {
                    if (x.landscape) flow.set_landscape(*x.landscape);
                    flow.new_page();
                }
                else if constexpr (std::is_same_v<T, block::Space>) flow.space(x.points);
            },
            b);
    }
    const bool draft = !d.draft_word.empty();
    if (draft) stamp(doc, d.draft_word);
    flow.finish(draft ? d.draft_word + " · " + d.footer : d.footer, d.page_pattern);
    doc.set_info(d.title, d.author, d.subject);
    doc.save(path);
}

void render(const Document& doc, const std::string& path) {
    if (format_of(path) == Format::Html) render_html(doc, path);
    else render_pdf(doc, path);
}

}  // namespace fidelis::reports
