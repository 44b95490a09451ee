#include "reports/charts.h"

#include "base/i18n.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace fidelis::reports::charts {

using pdf::Align;
using pdf::Rgb;
using pdf::Weight;

namespace {

const Rgb level_palette[] = {Rgb::hex("#c8473f"), Rgb::hex("#ee9a4d"), Rgb::hex("#f3d27a"), Rgb::hex("#9ccc72"),
                             Rgb::hex("#3f8f5a")};

std::string number(double v, int decimals, const Translator& t) { return format_decimal(v, decimals, t.language()); }

// Shortens a label to fit `width` points, ending it with an ellipsis.
std::string fit(pdf::Document& doc, const std::string& text, double width, double size, Weight w = Weight::Regular) {
    if (doc.text_width(text, size, w) <= width) return text;
    std::string s = doc.printable(text);
    while (!s.empty() && doc.text_width(s + "…", size, w) > width) {
        do s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80);
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();
    }
    return s + "…";
}

}  // namespace

Rgb text_on(const Rgb& fill) { return fill.luminance() < 0.45 ? pdf::white : pdf::ink; }

Rgb level_colour(const Scale& scale, int level) {
    const int lo = scale.min_level(), hi = scale.max_level();
    if (hi <= lo) return level_palette[2];
    const double t = double(level - lo) / double(hi - lo) * 4.0;
    const int i = std::clamp(int(std::floor(t)), 0, 3);
    return level_palette[i].mix(level_palette[i + 1], std::clamp(t - i, 0.0, 1.0));
}

Rgb band_colour(const Scale& scale, const Band& band) {
    if (!band.colour.empty()) return Rgb::hex(band.colour);
    const auto& bands = scale.scoring.bands;
    const auto i = std::size_t(&band - bands.data());
    const double t = bands.size() > 1 ? double(i) / double(bands.size() - 1) * 4.0 : 2.0;
    return level_palette[std::clamp(int(std::lround(t)), 0, 4)];
}

void band_gauge(pdf::Flow& flow, const Scale& scale, const Score& score, std::optional<double> previous,
                const Translator& t) {
    const double height = 100;
    flow.keep(height);
    pdf::Page& p = flow.page();
    const double x0 = flow.left(), w = flow.width(), top = flow.y() + 26, bar = 22;
    const double lo = scale.min_total(), hi = scale.max_total();
    auto x_of = [&](double v) { return x0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * w; };
    const int d = scale.scoring.decimals;
    if (scale.scoring.bands.empty()) {
        p.rect(x0, top, w, bar, &pdf::light_grey);
    }
    for (const Band& b : scale.scoring.bands) {
        const Rgb fill = band_colour(scale, b).mix(pdf::white, 0.35);
        const double bx = x_of(b.min), bw = x_of(b.max + std::pow(10.0, -d)) - bx;
        p.rect(bx, top, bw, bar, &fill, &pdf::white, 1);
        // The zone's name and range under it, so the colour is never the only cue.
        const std::string range = number(b.min, d, t) + "–" + number(b.max, d, t);
        p.text(bx + bw / 2, top + bar + 10, range, 7, Weight::Bold, pdf::ink, Align::Centre);
        // A narrow zone sets its name a little smaller rather than cutting a word in two.
        const std::string label = b.label.get(t.language());
        double widest = 0;
        std::istringstream words(label);
        for (std::string word; words >> word;) widest = std::max(widest, flow.doc().text_width(word, 6.5, Weight::Regular));
        const double size = widest > bw - 4 ? std::max(5.0, 6.5 * 0.97 * (bw - 4) / widest) : 6.5;
        auto lines = flow.wrap(label, bw - 4, size, Weight::Regular);
        for (std::size_t i = 0; i < lines.size() && i < 2; ++i) {
            const std::string line = i == 1 && lines.size() > 2 ? fit(flow.doc(), lines[1] + " " + lines[2], bw - 4, size)
                                                                : lines[i];
            p.text(bx + bw / 2, top + bar + 19 + 8 * double(i), line, size, Weight::Regular, pdf::grey, Align::Centre);
        }
    }
    if (previous) {
        const double px = x_of(*previous);
        p.line(px, top - 4, px, top + bar + 2, pdf::grey, 1.2, true);
        p.circle(px, top - 8, 3.2, &pdf::white, &pdf::grey, 1.2);
        const std::string label = format(t.tr("previous {1}"), {number(*previous, d, t)});
        // Beside its ring, on the side away from this round's marker, so the two never collide.
        const double cx = score.rated > 0 ? x_of(score.total) : px + 1000;
        if (std::abs(px - cx) < 80) {
            const bool left = px <= cx;
            p.text(left ? px - 7 : px + 7, top - 5, label, 7, Weight::Regular, pdf::grey, left ? Align::Right : Align::Left);
        } else {
            p.text(px, top - 14, label, 7, Weight::Regular, pdf::grey, Align::Centre);
        }
    }
    if (score.rated > 0) {
        const double cx = x_of(score.total);
        p.line(cx, top - 2, cx, top + bar + 2, pdf::ink, 2);
        p.polygon({{cx - 6, top - 12}, {cx + 6, top - 12}, {cx, top - 3}}, &pdf::ink, nullptr);
        const std::string label = score.complete() ? number(score.total, d, t)
                                                   : number(score.total, d, t) + " (" + t.tr("incomplete") + ")";
        p.text(cx, top - 15, label, 9, Weight::Bold, pdf::ink, Align::Centre);
    }
    flow.advance(height);
}

void total_bars(pdf::Flow& flow, const Scale& scale, const std::vector<Bar>& bars, const Translator& t) {
    const double row = 15, label_w = 190, value_w = 120;
    const double lo = scale.min_total(), hi = scale.max_total();
    const int d = scale.scoring.decimals;
    auto axis = [&](double top, double bottom) {
        pdf::Page& p = flow.page();
        const double x0 = flow.left() + label_w, w = flow.width() - label_w - value_w;
        for (const Band& b : scale.scoring.bands) {
            if (b.min <= lo) continue;
            const double x = x0 + (b.min - lo) / (hi - lo) * w;
            p.line(x, top, x, bottom, pdf::grey, 0.6, true);
            p.text(x, top - 2, number(b.min, d, t), 6.5, Weight::Regular, pdf::grey, Align::Centre);
        }
    };
    std::string group = "\x01";
    double section_top = flow.y() + 10;
    flow.advance(10);
    for (const Bar& b : bars) {
        if (b.group != group) {
            if (group != "\x01") axis(section_top, flow.y());
            group = b.group;
            flow.keep(row * 3);
            if (!group.empty()) {
                flow.advance(row);
                flow.page().text(flow.left(), flow.y() - 3, group, 9, Weight::Bold, pdf::accent);
            }
            section_top = flow.y() + 8;
            flow.advance(8);
        }
        if (flow.y() + row > flow.bottom()) {
            axis(section_top, flow.y());
            flow.new_page();
            section_top = flow.y() + 8;
            flow.advance(8);
        }
        pdf::Page& p = flow.page();
        const double x0 = flow.left() + label_w, w = flow.width() - label_w - value_w;
        const double y = flow.y();
        p.text(flow.left(), y + row - 4, fit(flow.doc(), b.label, label_w - 6, 8), 8);
        const double bw = std::max(1.0, (std::clamp(b.value, lo, hi) - lo) / (hi - lo) * w);
        const Rgb fill = b.band ? band_colour(scale, *b.band) : pdf::light_grey;
        if (b.complete) p.rect(x0, y + 2, bw, row - 4, &fill);
        else p.rect(x0, y + 2, bw, row - 4, nullptr, &pdf::grey, 0.8);
        std::string value = number(b.value, d, t);
        if (!b.complete) value += " " + t.tr("(incomplete)");
        else if (b.band) value += " · " + b.band->label.get(t.language());
        p.text(x0 + w + 4, y + row - 4, fit(flow.doc(), value, value_w - 6, 7.5), 7.5, Weight::Regular, pdf::ink);
        flow.advance(row);
    }
    axis(section_top, flow.y());
    flow.advance(8);
}

void dot_profile(pdf::Flow& flow, const Scale& scale, const std::vector<ItemResult>& items, const Translator& t) {
    const double row = 14, label_w = 230, value_w = 60;
    const int lo = scale.min_level(), hi = scale.max_level();
    auto header = [&] {
        pdf::Page& p = flow.page();
        const double x0 = flow.left() + label_w, w = flow.width() - label_w - value_w;
        flow.advance(14);
        for (int l = lo; l <= hi; ++l)
            p.text(x0 + (l - lo + 0.5) * w / (hi - lo + 1), flow.y() - 3, std::to_string(l), 8, Weight::Bold, pdf::ink,
                   Align::Centre);
        p.text(flow.left() + flow.width(), flow.y() - 3, t.tr("now (before)"), 7, Weight::Regular, pdf::grey,
               Align::Right);
    };
    flow.keep(row * 4);
    // Legend: what the filled dot and the ring mean.
    pdf::Page& lp = flow.page();
    lp.circle(flow.left() + 4, flow.y() + 6, 3.5, &pdf::accent, nullptr);
    lp.text(flow.left() + 12, flow.y() + 9, t.tr("this round"), 7.5);
    lp.circle(flow.left() + 84, flow.y() + 6, 4.5, nullptr, &pdf::grey, 1.2);
    lp.text(flow.left() + 92, flow.y() + 9, t.tr("previous round"), 7.5);
    flow.advance(12);
    header();
    for (const ItemResult& ir : items) {
        if (flow.y() + row > flow.bottom()) {
            flow.new_page();
            header();
        }
        pdf::Page& p = flow.page();
        const double x0 = flow.left() + label_w, w = flow.width() - label_w - value_w, y = flow.y();
        const Item* item = scale.item(ir.item_id);
        p.text(flow.left(), y + row - 4,
               fit(flow.doc(), ir.item_id + "  " + (item ? item->name.get(t.language()) : ""), label_w - 8, 7.5), 7.5);
        p.line(x0, y + row / 2, x0 + w, y + row / 2, pdf::light_grey, 0.5);
        auto cx = [&](int level) { return x0 + (level - lo + 0.5) * w / (hi - lo + 1); };
        if (ir.previous) p.circle(cx(*ir.previous), y + row / 2, 4.6, nullptr, &pdf::grey, 1.2);
        if (ir.level) p.circle(cx(*ir.level), y + row / 2, 3.6, &pdf::accent, nullptr);
        std::string v = ir.level ? std::to_string(*ir.level) : (ir.cannot_rate ? t.tr("n/r") : "–");
        v += " (" + (ir.previous ? std::to_string(*ir.previous) : std::string("–")) + ")";
        p.text(flow.left() + flow.width(), y + row - 4, v, 7.5, Weight::Regular, pdf::ink, Align::Right);
        flow.advance(row);
    }
    flow.advance(6);
}

void trend_chart(pdf::Flow& flow, const Scale& scale, const std::vector<TrendPoint>& points, const Translator& t,
                 double height) {
    if (points.empty()) return;
    flow.keep(height + 40);
    pdf::Page& p = flow.page();
    const double axis_w = 30, x0 = flow.left() + axis_w, w = flow.width() - axis_w - 100;
    const double top = flow.y() + 10, h = height;
    const double lo = scale.min_total(), hi = scale.max_total();
    const int d = scale.scoring.decimals;
    auto y_of = [&](double v) { return top + h - (std::clamp(v, lo, hi) - lo) / (hi - lo) * h; };
    for (const Band& b : scale.scoring.bands) {
        const Rgb fill = band_colour(scale, b).mix(pdf::white, 0.72);
        const double y1 = y_of(b.max + std::pow(10.0, -d)), y2 = y_of(b.min);
        p.rect(x0, y1, w, y2 - y1, &fill);
        p.text(x0 + w + 6, (y1 + y2) / 2 + 3, fit(flow.doc(), b.label.get(t.language()), 94, 7), 7, Weight::Regular,
               pdf::ink);
        p.text(x0 - 4, y2 + 3, number(b.min, d, t), 7, Weight::Regular, pdf::grey, Align::Right);
    }
    if (scale.scoring.bands.empty()) p.rect(x0, top, w, h, nullptr, &pdf::light_grey);
    p.text(x0 - 4, top + 3, number(hi, d, t), 7, Weight::Regular, pdf::grey, Align::Right);
    const std::size_t n = points.size();
    auto x_of = [&](std::size_t i) { return n == 1 ? x0 + w / 2 : x0 + 12 + double(i) * (w - 24) / double(n - 1); };
    for (std::size_t i = 1; i < n; ++i)
        p.line(x_of(i - 1), y_of(points[i - 1].score.total), x_of(i), y_of(points[i].score.total), pdf::ink, 1.4);
    for (std::size_t i = 0; i < n; ++i) {
        const Score& s = points[i].score;
        const double x = x_of(i), y = y_of(s.total);
        if (s.complete()) p.circle(x, y, 3, &pdf::ink, nullptr);
        else p.circle(x, y, 3.2, &pdf::white, &pdf::ink, 1.2);
        p.text(x, y - 6, number(s.total, d, t) + (s.complete() ? "" : "*"), 7.5, Weight::Bold, pdf::ink, Align::Centre);
        const Date& dt = points[i].round.assessed_on;
        const std::string label = std::to_string(dt.year) + "-" + (dt.month < 10 ? "0" : "") + std::to_string(dt.month);
        p.rotated_text(x + 3, top + h + 30, 45, label, 6.5, Weight::Regular, pdf::grey);
    }
    flow.advance(h + 40);
    if (std::any_of(points.begin(), points.end(), [](const TrendPoint& tp) { return !tp.score.complete(); }))
        flow.paragraph("* " + t.tr("incomplete total: an item was not rated or could not be rated."),
                       pdf::Style{7.5, Weight::Regular, pdf::grey});
}

void heatmap(pdf::Flow& flow, const Scale& scale, const std::vector<std::string>& columns,
             const std::vector<std::map<std::string, int>>& levels, const Translator& t) {
    const double label_w = 150, cell_w = 22, cell_h = 13, header_h = 92;
    const std::size_t per_page = std::max<std::size_t>(1, std::size_t((flow.width() - label_w) / cell_w));
    for (std::size_t first = 0; first < columns.size(); first += per_page) {
        const std::size_t last = std::min(columns.size(), first + per_page);
        flow.keep(header_h + cell_h * 6);
        auto header = [&] {
            pdf::Page& p = flow.page();
            for (std::size_t c = first; c < last; ++c) {
                const double x = flow.left() + label_w + double(c - first) * cell_w + cell_w / 2 + 3;
                p.rotated_text(x, flow.y() + header_h - 4, 90, fit(flow.doc(), columns[c], header_h - 8, 7), 7,
                               Weight::Regular, pdf::ink);
            }
            flow.advance(header_h);
        };
        header();
        for (const Item& item : scale.items) {
            if (flow.y() + cell_h > flow.bottom()) {
                flow.new_page();
                header();
            }
            pdf::Page& p = flow.page();
            const double y = flow.y();
            p.text(flow.left(), y + cell_h - 3.5,
                   fit(flow.doc(), item.id + "  " + item.name.get(t.language()), label_w - 6, 7), 7);
            for (std::size_t c = first; c < last; ++c) {
                const double x = flow.left() + label_w + double(c - first) * cell_w;
                const auto l = levels[c].find(item.id);
                if (l == levels[c].end()) {
                    p.rect(x, y, cell_w, cell_h, nullptr, &pdf::light_grey, 0.5);
                    p.text(x + cell_w / 2, y + cell_h - 3.5, "–", 7, Weight::Regular, pdf::grey, Align::Centre);
                    continue;
                }
                const Rgb fill = level_colour(scale, l->second);
                p.rect(x, y, cell_w, cell_h, &fill, &pdf::white, 0.8);
                p.text(x + cell_w / 2, y + cell_h - 3.5, std::to_string(l->second), 7.5, Weight::Bold, text_on(fill),
                       Align::Centre);
            }
            flow.advance(cell_h);
        }
        flow.advance(10);
    }
}

void level_legend(pdf::Flow& flow, const Scale& scale, const Translator& t) {
    flow.keep(18);
    pdf::Page& p = flow.page();
    double x = flow.left();
    const double y = flow.y() + 2;
    p.text(x, y + 9, t.tr("Level:"), 7.5, Weight::Bold);
    x += flow.doc().text_width(t.tr("Level:"), 7.5, Weight::Bold) + 6;
    for (const Level& l : scale.levels) {
        const Rgb fill = level_colour(scale, l.value);
        p.rect(x, y, 14, 12, &fill);
        p.text(x + 7, y + 9, std::to_string(l.value), 7.5, Weight::Bold, text_on(fill), Align::Centre);
        const std::string label = l.label.get(t.language());
        p.text(x + 17, y + 9, label, 7);
        x += 24 + flow.doc().text_width(label, 7);
        if (x > flow.right() - 60) break;
    }
    flow.advance(18);
}

}  // namespace fidelis::reports::charts
