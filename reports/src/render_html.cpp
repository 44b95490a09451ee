// A report document (document.h) as one self-contained HTML file a county can publish
// under WCAG 2.1 AA: landmarks, one h1 and no skipped heading level, real tables with
// header cells, charts as inline SVG with a title and a description and their numbers in
// a table beside them, text colours that reach 4.5:1, and print CSS for A4. Nothing is
// fetched from anywhere: no scripts, fonts, images or links outside the file.
#include "reports/render.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/i18n.h"
#include "html_style.h"
#include "reports/chart.h"
#include "svg_canvas.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

namespace fidelis::reports {

namespace {
std::string file_name_of(const std::string& path) {
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

std::optional<Format> try_format_of(const std::string& path) {
    const std::string name = file_name_of(path);
    const std::size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot);
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf") return Format::Pdf;
    if (ext == ".html" || ext == ".htm") return Format::Html;
    return std::nullopt;
}

Format format_of(const std::string& path) {
    if (const auto f = try_format_of(path)) return *f;
    const std::string name = file_name_of(path);
    throw Error(format(tr(N_("Reports are written as PDF (.pdf) or HTML (.html); \"{1}\" ends in neither.")), {name}));
}

namespace {

// The PDF's A4 page less its margins (layout.h: 48 pt each side): charts are drawn as wide
// in the SVG as on paper, so their labels wrap and fit the same way.
constexpr double portrait_width = 595.28 - 2 * 48;
constexpr double landscape_width = 841.89 - 2 * 48;
// The PDF's body text (9.5 pt) is the web page's 1rem; other sizes keep their proportion.
constexpr double body_size = 9.5;

std::string rem(double points) { return svg_number(points / body_size) + "rem"; }

// BCP 47 for <html lang>, as the PDF's /Lang.
std::string lang_tag(const std::string& lang) {
    if (lang == "sv") return "sv-SE";
    if (lang == "en") return "en-GB";
    if (lang.empty()) return "en";
    std::string tag = lang;
    std::replace(tag.begin(), tag.end(), '_', '-');
    return tag;
}

// Escaped text whose line breaks stay line breaks; blank lines collapse to one, as in the PDF.
std::string multiline(const std::string& raw) {
    std::string s = escape_text(raw);
    const std::size_t first = s.find_first_not_of('\n');
    if (first == std::string::npos) return {};
    s = s.substr(first, s.find_last_not_of('\n') - first + 1);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '\n') {
            out += s[i++];
            continue;
        }
        std::size_t n = 0;
        while (i < s.size() && s[i] == '\n') ++i, ++n;
        out += n == 1 ? "<br>" : "<br><br>";
    }
    return out;
}

// Colours are compared as the browser draws them: rounded to whole bytes by css().
Rgb as_drawn(const Rgb& c) { return Rgb::hex(c.css()); }
bool reads_on(const Rgb& text, const Rgb& background) {
    return contrast(as_drawn(text), as_drawn(background)) >= min_text_contrast;
}
// `colour` itself when it reads on `background` at 4.5:1, else the same hue darkened (or
// lightened, on a dark background) just enough that it does.
Rgb readable(const Rgb& colour, const Rgb& background) {
    if (reads_on(colour, background)) return colour;
    const Rgb target = contrast(background, black) >= contrast(background, white) ? black : white;
    for (int i = 1; i < 40; ++i) {
        const Rgb c = as_drawn(colour.mix(target, i / 40.0));
        if (reads_on(c, background)) return c;
    }
    return target;
}
// The text colour of a filled cell: its own when it reads, else the palette's choice.
Rgb text_for_fill(const Rgb& colour, const Rgb& fill) {
    if (reads_on(colour, fill)) return colour;
    return readable(text_on(fill), fill);
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\n\r") == std::string::npos; }

std::string attr(const char* name, const std::string& value) { return std::string(" ") + name + "=\"" + value + "\""; }

class HtmlWriter {
public:
    explicit HtmlWriter(const Document& doc) : doc_(doc), t_(load_translator(doc.lang)) { outline(); }

    std::string write() {
        // The first title block is the page's header, wherever it stands.
        const auto title_at = std::find_if(doc_.blocks.begin(), doc_.blocks.end(),
                                           [](const Block& b) { return std::holds_alternative<block::Title>(b); });
        const std::size_t title_index = std::size_t(title_at - doc_.blocks.begin());
        const block::Title* title = title_at == doc_.blocks.end() ? nullptr : &std::get<block::Title>(*title_at);
        head(title);
        out_ += "<body class=\"" + std::string(doc_.landscape ? "landscape" : "portrait") + "\"";
        if (!doc_.draft_word.empty()) out_ += attr("data-draft", escape_text(doc_.draft_word));
        out_ += ">\n";
        header(title);
        contents();
        out_ += "<main>\n";
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const Block& b = doc_.blocks[i];
            if (!std::holds_alternative<block::Field>(b)) close_fields();
            if (i == title_index) continue;
            std::visit([&](const auto& x) { put(x, i); }, b);
        }
        close_fields();
        out_ += "</main>\n";
        footer();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    struct Outline {
        int level = 0;  // 2, 3 or 4: the <hN> a heading becomes; 0 for other blocks
        std::string id;
    };

    double width() const { return doc_.landscape ? landscape_width : portrait_width; }
    std::string tr(const char* msgid) const { return t_->tr(msgid); }

    // The title block is the one h1, so a level-1 heading is an h2. A heading never goes
    // more than one level below the one before it (a level 3 straight after a level 1
    // becomes an h3): screen-reader users move by the outline, and axe checks it.
    void outline() {
        outline_.resize(doc_.blocks.size());
        int previous = 1, n = 0;
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const auto* h = std::get_if<block::Heading>(&doc_.blocks[i]);
            if (!h || blank(h->text)) continue;  // an empty heading names nothing (axe: empty-heading)
            const int level = std::min(std::clamp(h->level, 1, 3) + 1, previous + 1);
            outline_[i] = {level, "h" + std::to_string(++n)};
            previous = level;
        }
    }

    // The browser tab's name: the metadata title, else the title block's, else the program's.
    std::string page_title(const block::Title* title) const {
        if (!blank(doc_.title)) return doc_.title;
        if (title && !blank(title->heading)) return title->heading;
        return "Fidelis";
    }

    void head(const block::Title* title) {
        out_ += "<!DOCTYPE html>\n<html" + attr("lang", escape_text(lang_tag(doc_.lang))) + ">\n<head>\n";
        out_ += "<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<title>" + escape_text(page_title(title)) + "</title>\n";
        if (!doc_.author.empty()) out_ += "<meta name=\"author\"" + attr("content", escape_text(doc_.author)) + ">\n";
        if (!doc_.subject.empty())
            out_ += "<meta name=\"description\"" + attr("content", escape_text(doc_.subject)) + ">\n";
        out_ += "<meta name=\"generator\" content=\"Fidelis\">\n";
        out_ += "<style>\n" + html_style(doc_.landscape) + "</style>\n</head>\n";
    }

    void header(const block::Title* title) {
        out_ += "<header>\n";
        // First thing on the page, in words: a reader must not take a draft for the report.
        if (!doc_.draft_word.empty())
            out_ += "<p class=\"draft\"><strong>" + escape_text(doc_.draft_word) + "</strong></p>\n";
        std::string heading = title ? title->heading : std::string();
        if (blank(heading)) heading = page_title(title);
        if (title && !title->kicker.empty())
            out_ += "<p class=\"kicker\" dir=\"auto\">" + escape_text(title->kicker) + "</p>\n";
        out_ += "<h1 dir=\"auto\">" + escape_text(heading) + "</h1>\n";
        if (title && !title->subtitle.empty())
            out_ += "<p class=\"subtitle\" dir=\"auto\">" + multiline(title->subtitle) + "</p>\n";
        out_ += "</header>\n";
    }

    // A list of the parts and sections, for a report long enough to need one.
    void contents() {
        std::vector<std::pair<const Outline*, const block::Heading*>> entries;
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const auto* h = std::get_if<block::Heading>(&doc_.blocks[i]);
            if (h && h->level <= 2 && outline_[i].level > 0) entries.emplace_back(&outline_[i], h);
        }
        if (entries.size() <= 3) return;
        const std::string label = escape_text(tr(N_("Contents")));
        out_ += "<nav class=\"toc\"" + attr("aria-label", label) + ">\n";
        out_ += "<p class=\"toc-title\" aria-hidden=\"true\">" + label + "</p>\n<ol>\n";
        bool nested = false;
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const auto& [o, h] = entries[k];
            if (o->level > 2 && !nested && k > 0) {
                out_ += "<ol>\n";
                nested = true;
            } else if (o->level == 2 && nested) {
                out_ += "</li>\n</ol></li>\n";
                nested = false;
            } else if (k > 0) {
                out_ += "</li>\n";
            }
            out_ += "<li><a href=\"#" + o->id + "\" dir=\"auto\">" + escape_text(h->text) + "</a>";
        }
        out_ += nested ? "</li>\n</ol></li>\n" : "</li>\n";
        out_ += "</ol>\n</nav>\n";
    }

    void footer() {
        if (doc_.footer.empty() && doc_.draft_word.empty()) return;
        out_ += "<footer>\n<p dir=\"auto\">";
        if (!doc_.draft_word.empty()) {
            out_ += "<strong class=\"draft-word\">" + escape_text(doc_.draft_word) + "</strong>";
            if (!doc_.footer.empty()) out_ += " · ";
        }
        out_ += multiline(doc_.footer) + "</p>\n</footer>\n";
    }

    void close_fields() {
        if (!in_fields_) return;
        out_ += "</dl>\n";
        in_fields_ = false;
    }

    // Size, weight and colour that differ from body text, as an inline style.
    static std::string style_of(const Style& s, const Rgb& background = white) {
        std::string css;
        if (std::abs(s.size - body_size) > 0.01) css += "font-size:" + rem(s.size) + ";";
        if (s.weight == Weight::Bold) css += "font-weight:bold;";
        if (!(s.colour == ink)) css += "color:" + readable(s.colour, background).css() + ";";
        return css;
    }

    void put(const block::Title& t, std::size_t) {
        // A second title block (the first is the header) opens a part of its own.
        if (!t.kicker.empty()) out_ += "<p class=\"kicker\" dir=\"auto\">" + escape_text(t.kicker) + "</p>\n";
        if (!t.heading.empty()) out_ += "<p class=\"part-title\" dir=\"auto\">" + escape_text(t.heading) + "</p>\n";
        if (!t.subtitle.empty()) out_ += "<p class=\"subtitle\" dir=\"auto\">" + multiline(t.subtitle) + "</p>\n";
    }

    void put(const block::Heading& h, std::size_t i) {
        if (outline_[i].level == 0) return;
        const std::string tag = "h" + std::to_string(outline_[i].level);
        out_ += "<" + tag + attr("id", outline_[i].id) + " dir=\"auto\">" + escape_text(h.text) + "</" + tag + ">\n";
    }

    void put(const block::Paragraph& p, std::size_t) {
        std::string css = style_of(p.style);
        if (p.indent > 0) css += "margin-inline-start:" + rem(p.indent) + ";";
        out_ +=
            "<p dir=\"auto\"" + (css.empty() ? std::string() : attr("style", css)) + ">" + multiline(p.text) + "</p>\n";
    }

    void put(const block::Bullets& b, std::size_t) {
        if (b.items.empty()) return;
        const std::string css = style_of(b.style);
        out_ += "<ul" + (css.empty() ? std::string() : attr("style", css)) + ">\n";
        for (const auto& item : b.items) out_ += "<li dir=\"auto\">" + multiline(item) + "</li>\n";
        out_ += "</ul>\n";
    }

    void put(const block::Field& f, std::size_t) {
        if (blank(f.label) && blank(f.value)) return;
        if (!in_fields_) {
            // The label column as wide as on paper at most, narrower when the labels are short.
            const double share = std::clamp(f.label_width / width() * 100, 15.0, 50.0);
            out_ += "<dl class=\"fields\"" +
                    attr("style",
                         "grid-template-columns:fit-content(" + svg_number(std::round(share)) + "%) minmax(0,1fr)") +
                    ">\n";
            in_fields_ = true;
        }
        out_ += "<dt dir=\"auto\">" + multiline(f.label) + "</dt><dd dir=\"auto\">" + multiline(f.value) + "</dd>\n";
    }

    void put(const block::Table& t, std::size_t) { table(t, {}); }

    void put(const block::Figure& f, std::size_t) {
        if (!f.chart) return;
        const Chart& chart = *f.chart;
        const std::string id = "f" + std::to_string(++figures_);
        std::string title = chart.title(), desc = chart.description();
        out_ += "<figure" + attr("id", id) + ">\n";
        if (chart.drawn_in_html()) {
            SvgCanvas svg;
            const double w = std::round(width());
            // All parts, one under the other: a web page has no foot to stop at.
            double y = 0;
            std::size_t part = 0;
            for (;;) {
                const Chart::Drawn d = chart.draw(svg, 0, y, w, part, std::numeric_limits<double>::infinity());
                y += d.height;
                if (d.done || d.next <= part) break;
                part = d.next;
            }
            const std::string h = svg_number(std::ceil(y));
            std::string labelled;
            if (!title.empty()) labelled = id + "-title";
            if (!desc.empty()) labelled += (labelled.empty() ? "" : " ") + id + "-desc";
            out_ += "<svg" + attr("viewBox", "0 0 " + svg_number(w) + " " + h) + attr("width", svg_number(w)) +
                    attr("height", h);
            // Named by its title and description; with neither, the numbers below say it all.
            out_ += labelled.empty() ? std::string(" aria-hidden=\"true\"")
                                     : " role=\"img\"" + attr("aria-labelledby", labelled);
            out_ += ">\n";
            if (!title.empty()) out_ += "<title" + attr("id", id + "-title") + ">" + escape_text(title) + "</title>\n";
            if (!desc.empty()) out_ += "<desc" + attr("id", id + "-desc") + ">" + escape_text(desc) + "</desc>\n";
            out_ += svg.elements() + "</svg>\n";
        }
        if (!title.empty()) out_ += "<figcaption dir=\"auto\">" + escape_text(title) + "</figcaption>\n";
        const block::Table numbers = chart.numbers();
        const std::string name = title.empty() ? desc : title;
        if (!numbers.columns.empty()) {
            const std::string label = name.empty() ? std::string() : format(tr(N_("The numbers in the chart: {1}")), {name});
            // Beside a drawing the numbers fold away, a click (or Enter) from view, so the page does not
            // say everything twice; without one they are the figure.
            if (chart.drawn_in_html()) out_ += "<details><summary dir=\"auto\">" + escape_text(label) + "</summary>\n";
            table(numbers, label);
            if (chart.drawn_in_html()) out_ += "</details>\n";
        }
        out_ += "</figure>\n";
    }

    void put(const block::Headline& h, std::size_t) {
        if (blank(h.value) && blank(h.of) && blank(h.label)) return;
        out_ += "<p class=\"headline\" dir=\"auto\">";
        if (!h.value.empty())
            out_ += "<span class=\"value\"" + attr("style", "font-size:" + rem(std::min(h.size, 34.0))) + ">" +
                    escape_text(h.value) + "</span> ";
        if (!h.of.empty()) out_ += "<span class=\"of\">" + escape_text(h.of) + "</span> ";
        // The colour repeats the label, which is always there in words.
        if (h.swatch)
            out_ += "<span class=\"swatch\"" + attr("style", "background:" + h.swatch->css()) +
                    " aria-hidden=\"true\"></span> ";
        if (!h.label.empty()) out_ += "<strong>" + escape_text(h.label) + "</strong>";
        out_ += "</p>\n";
    }

    void put(const block::Signatures& s, std::size_t) {
        if (s.labels.empty()) return;
        out_ += "<div class=\"signatures\">\n";
        for (const auto& label : s.labels)
            out_ += "<p class=\"signature\" dir=\"auto\">" + escape_text(label) + "</p>\n";
        out_ += "</div>\n";
    }

    void put(const block::PageBreak&, std::size_t) {
        out_ += "<div class=\"page-break\" aria-hidden=\"true\"></div>\n";
    }

    void put(const block::Space& s, std::size_t) {
        if (s.points > 0)
            out_ +=
                "<div class=\"space\"" + attr("style", "height:" + rem(s.points)) + " aria-hidden=\"true\"></div>\n";
    }

    std::string cell_attrs(const Cell& cell, Align align, const Rgb& default_colour) const {
        std::string a = " dir=\"auto\"";
        if (align == Align::Right)
            a += " class=\"ar\"";
        else if (align == Align::Centre)
            a += " class=\"ac\"";
        std::string css;
        if (cell.fill) {
            css += "background:" + cell.fill->css() + ";color:" + text_for_fill(cell.colour, *cell.fill).css() + ";";
        } else if (!(cell.colour == default_colour)) {
            css += "color:" + readable(cell.colour, white).css() + ";";
        }
        if (cell.weight == Weight::Bold) css += "font-weight:bold;";
        if (!css.empty()) a += attr("style", css);
        return a;
    }

    // A table in a wrapper that scrolls sideways on a narrow screen and can be reached and
    // scrolled with the keyboard (axe: scrollable-region-focusable).
    void table(const block::Table& t, const std::string& fallback_caption) {
        if (t.columns.empty()) return;
        const std::string id = "t" + std::to_string(++tables_);
        const std::string caption = t.caption.empty() ? fallback_caption : t.caption;
        // A short table is kept on one printed page, with its caption and header.
        out_ += std::string("<div class=\"table-wrap") + (t.rows.size() <= 20 ? " short" : "") +
                "\" tabindex=\"0\" role=\"region\"";
        // Named by its caption, or by its number when it has none or shares its caption with
        // an earlier table: two regions of one name cannot be told apart (axe: landmark-unique).
        const std::string number = format(tr(N_("Table {1}")), {std::to_string(tables_)});
        if (caption.empty())
            out_ += attr("aria-label", escape_text(number));
        else if (!region_names_.insert(caption).second)
            out_ += attr("aria-label", escape_text(caption + " (" + number + ")"));
        else
            out_ += attr("aria-labelledby", id + "-caption");
        out_ += ">\n<table" + attr("id", id);
        std::string css;
        double fixed = 0;
        bool flexible = false;
        for (const auto& c : t.columns) {
            fixed += std::max(0.0, c.width);
            flexible = flexible || c.width <= 0;
        }
        // As wide as on paper: the page's width when a column takes what is left, else the
        // columns' own. A narrow screen keeps each column as wide as its longest word.
        const double total = flexible ? width() : std::min(fixed, width());
        css += "width:" + svg_number(std::round(total / width() * 100)) + "%;";
        const std::string text_css = style_of(t.style);
        css += text_css;
        out_ += attr("style", css) + ">\n";
        if (!caption.empty())
            out_ += "<caption" + attr("id", id + "-caption") + " dir=\"auto\">" + escape_text(caption) + "</caption>\n";
        if (fixed > 0) {
            out_ += "<colgroup>";
            const double base = flexible ? width() : fixed;
            for (const auto& c : t.columns)
                out_ += c.width > 0 ? "<col" + attr("style", "width:" + svg_number(c.width / base * 100) + "%") + ">"
                                    : std::string("<col>");
            out_ += "</colgroup>\n";
        }
        out_ += "<thead>\n<tr>";
        for (const auto& c : t.columns) {
            const char* align = c.align == Align::Right    ? " class=\"ar\""
                                : c.align == Align::Centre ? " class=\"ac\""
                                                           : "";
            // An empty header cell would announce a nameless column; it stays a plain cell.
            if (blank(c.title))
                out_ += std::string("<td") + align + "></td>";
            else
                out_ += std::string("<th scope=\"col\" dir=\"auto\"") + align + ">" + multiline(c.title) + "</th>";
        }
        out_ += "</tr>\n</thead>\n<tbody>\n";
        const Rgb default_colour = t.style.colour;
        for (const Row& row : t.rows) {
            out_ += "<tr>";
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const Cell empty;
                const Cell& cell = c < row.size() ? row[c] : empty;
                const bool header = t.row_headers && c == 0;
                const std::string tag = header ? "th" : "td";
                out_ += "<" + tag + (header ? " scope=\"row\"" : "") +
                        cell_attrs(cell, t.columns[c].align, default_colour) + ">" + multiline(cell.text) + "</" + tag +
                        ">";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n</div>\n";
    }

    const Document& doc_;
    std::shared_ptr<const Translator> t_;
    std::vector<Outline> outline_;
    std::set<std::string> region_names_;
    std::string out_;
    int tables_ = 0, figures_ = 0;
    bool in_fields_ = false;
};

}  // namespace

std::string html_of(const Document& doc) { return HtmlWriter(doc).write(); }

void render_html(const Document& doc, const std::string& path) {
    // Built whole in memory first: a chart that throws leaves no file, and the one
    // atomic-write path notices a full disk.
    const std::string html = html_of(doc);
    write_file_atomically(path_from_utf8(path), html);
}

}  // namespace fidelis::reports
