// The reports' charts (charts.h) as Chart objects: each keeps the data it draws, lays
// itself out on any canvas, and gives its numbers and a text alternative.
#include "reports/charts.h"

#include "base/i18n.h"

#include <algorithm>
#include <cmath>

namespace fidelis::reports::charts {
namespace {

std::string number(double v, int decimals, const Translator& t) { return format_decimal(v, decimals, t.language()); }

// The first x at which a chart's values start: the scale's minimum, never zero.
struct Axis {
    double lo, hi, x0, w;
    double x(double v) const { return x0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * w; }
};

// Tick values for a totals axis: the scale's minimum and maximum and each band's lower edge.
std::vector<double> total_ticks(const Scale& scale) {
    const double lo = scale.min_total(), hi = scale.max_total();
    std::vector<double> ticks{lo};
    for (const Band& b : scale.scoring.bands)
        if (b.min > lo && b.min < hi) ticks.push_back(b.min);
    if (scale.scoring.bands.empty()) {
        // No bands to mark: whole levels on a mean scale, quarters of the range on a sum.
        const double step = hi - lo <= 10 ? 1.0 : (hi - lo) / 4;
        for (double v = lo + step; v < hi - step / 2; v += step) ticks.push_back(v);
    }
    ticks.push_back(hi);
    return ticks;
}

std::string axis_caption(const Scale& scale, const Translator& t) {
    const int d = scale.scoring.decimals;
    return format(t.tr("Total, on the scale's range {1}–{2}"), {number(scale.min_total(), d, t), number(scale.max_total(), d, t)});
}

// ---------------------------------------------------------------------------------------

class BandGauge : public Chart {
public:
    BandGauge(const Scale& s, const Score& sc, std::optional<double> prev, const Translator& t)
        : scale_(s), score_(sc), previous_(prev), t_(t) {}

    double min_height() const override { return 112; }

    Drawn draw(Canvas& c, double x0, double y, double w, std::size_t, double) const override {
        const double top = y + 30, bar = 22;
        const Axis ax{scale_.min_total(), scale_.max_total(), x0, w};
        const int d = scale_.scoring.decimals;
        if (scale_.scoring.bands.empty()) c.rect(x0, top, w, bar, &light_grey);
        for (const Band& b : scale_.scoring.bands) {
            const Rgb fill = band_colour(scale_, b).mix(white, 0.35);
            const double bx = ax.x(b.min), bw = ax.x(b.max + std::pow(10.0, -d)) - bx;
            c.rect(bx, top, bw, bar, &fill, &white, 1);
            // The zone's name and range under it, so the colour is never the only cue.
            c.text(bx + bw / 2, top + bar + 10, number(b.min, d, t_) + "–" + number(b.max, d, t_), 7, Weight::Bold, ink,
                   Align::Centre);
            // A narrow zone sets its name a little smaller rather than cutting a word in two.
            const std::string label = b.label.get(t_.language());
            const double widest = c.widest_word(label, 6.5);
            const double size = widest > bw - 4 ? std::max(5.0, 6.5 * 0.97 * (bw - 4) / widest) : 6.5;
            auto lines = c.wrap(label, bw - 4, size);
            for (std::size_t i = 0; i < lines.size() && i < 2; ++i) {
                const std::string line = i == 1 && lines.size() > 2 ? c.fit(lines[1] + " " + lines[2], bw - 4, size) : lines[i];
                c.text(bx + bw / 2, top + bar + 19 + 8 * double(i), line, size, Weight::Regular, grey, Align::Centre);
            }
        }
        // The ends of the scale, so the bar never seems to start at zero.
        c.text(x0, top + bar + 38, number(scale_.min_total(), d, t_), 6.5, Weight::Regular, grey, Align::Left);
        c.text(x0 + w, top + bar + 38, number(scale_.max_total(), d, t_), 6.5, Weight::Regular, grey, Align::Right);
        c.text(x0 + w / 2, top + bar + 38, axis_caption(scale_, t_), 6.5, Weight::Regular, grey, Align::Centre);
        if (previous_) {
            const double px = ax.x(*previous_);
            c.line(px, top - 4, px, top + bar + 2, grey, 1.2, true);
            c.circle(px, top - 8, 3.2, &white, &grey, 1.2);
            const std::string label = format(t_.tr("previous {1}"), {number(*previous_, d, t_)});
            // Beside its ring, on the side away from this round's marker, so the two never collide.
            const double cx = score_.complete() ? ax.x(score_.total) : px + 1000;
            if (std::abs(px - cx) < 80) {
                const bool left = px <= cx;
                c.text(left ? px - 7 : px + 7, top - 5, label, 7, Weight::Regular, grey, left ? Align::Right : Align::Left);
            } else {
                c.text(px, top - 14, label, 7, Weight::Regular, grey, Align::Centre);
            }
        }
        if (score_.complete()) {
            const double cx = ax.x(score_.total);
            c.line(cx, top - 2, cx, top + bar + 2, ink, 2);
            c.polygon({{cx - 6, top - 12}, {cx + 6, top - 12}, {cx, top - 3}}, &ink, nullptr);
            c.text(cx, top - 15, number(score_.total, d, t_), 9, Weight::Bold, ink, Align::Centre);
        } else if (score_.rated > 0) {
            // An incomplete total is a sum over fewer items: placed on the bar it would sit in
            // a zone it does not belong to.
            c.text(x0 + w / 2, top - 8, incomplete_text(), 8, Weight::Bold, warning_ink, Align::Centre);
        }
        return {112, 1, true};
    }

    std::string title() const override { return t_.tr("The total against the bands"); }
    std::string description() const override {
        const int d = scale_.scoring.decimals;
        std::string s = score_.complete()
                            ? format(t_.tr("The total {1} on the scale from {2} to {3}."),
                                     {number(score_.total, d, t_), number(scale_.min_total(), d, t_),
                                      number(scale_.max_total(), d, t_)})
                            : incomplete_text();
        if (score_.band) s += " " + score_.band->label.get(t_.language()) + ".";
        if (previous_) s += " " + format(t_.tr("previous {1}"), {number(*previous_, d, t_)}) + ".";
        return s;
    }
    block::Table numbers() const override {
        const int d = scale_.scoring.decimals;
        block::Table tb;
        tb.caption = t_.tr("Bands of the total");
        tb.row_headers = true;
        tb.columns = {{t_.tr("Band"), 0}, {t_.tr("Totals"), 90, Align::Right}, {t_.tr("This round"), 80, Align::Right}};
        for (auto b = scale_.scoring.bands.rbegin(); b != scale_.scoring.bands.rend(); ++b)
            tb.rows.push_back({Cell(b->label.get(t_.language())), Cell(number(b->min, d, t_) + "–" + number(b->max, d, t_)),
                               Cell(score_.band == &*b ? number(score_.total, d, t_) : "")});
        return tb;
    }

private:
    std::string incomplete_text() const {
        return format(t_.tr("Incomplete total {1}: {2} of {3} items rated, so it is not placed among the bands"),
                      {number(score_.total, scale_.scoring.decimals, t_), std::to_string(score_.rated),
                       std::to_string(score_.items)});
    }
    const Scale& scale_;
    Score score_;
    std::optional<double> previous_;
    const Translator& t_;
};

// ---------------------------------------------------------------------------------------

class TotalBars : public Chart {
public:
    TotalBars(const Scale& s, std::vector<Bar> bars, const Translator& t) : scale_(s), bars_(std::move(bars)), t_(t) {}
    static constexpr double row = 15, value_w = 130, axis_h = 22;

    double min_height() const override { return axis_h + row * 4; }

    Drawn draw(Canvas& c, double x0, double y, double width, std::size_t first, double max_height) const override {
        const double label_w = std::min(200.0, width * 0.34);
        const Axis ax{scale_.min_total(), scale_.max_total(), x0 + label_w, width - label_w - value_w};
        const int d = scale_.scoring.decimals;
        const double start = y;
        // The axis first: the scale's minimum at the left, the band edges, the maximum.
        for (double v : total_ticks(scale_))
            c.text(ax.x(v), y + 9, number(v, d, t_), 6.5, Weight::Regular, grey, Align::Centre);
        y += axis_h - 8;
        const double plot_top = y;
        std::size_t i = first;
        std::string group = i > 0 ? bars_[i - 1].group : "\x01";
        const bool grouped = std::any_of(bars_.begin(), bars_.end(), [](const Bar& b) { return !b.group.empty(); });
        while (i < bars_.size()) {
            const Bar& b = bars_[i];
            const bool new_group = b.group != group;
            const double need = row + (new_group && !b.group.empty() ? row : 0);
            if (i > first && y + need - start > max_height) break;
            if (new_group) {
                group = b.group;
                if (!group.empty() || grouped) {
                    // Teams outside every group get a heading too, so they never read as the last group's.
                    const std::string name = group.empty() ? t_.tr("Not in a group") : group;
                    y += row;
                    const double gw = c.text_width(name, 9, Weight::Bold);
                    c.rect(x0 - 1, y - 12, gw + 4, 12, &white);  // over the axis lines, not through them
                    c.text(x0, y - 3, name, 9, Weight::Bold, accent);
                }
            }
            c.text(x0, y + row - 4, c.fit(b.label, label_w - 6, 8), 8);
            std::string value = number(b.value, d, t_);
            if (!b.complete) {
                // No bar: an incomplete total would reach into a band it does not belong to.
                c.text(ax.x0 + 2, y + row - 4, t_.tr("incomplete total, not drawn"), 7, Weight::Regular, grey);
                value += " " + t_.tr("(incomplete)");
            } else {
                const double bw = std::max(1.0, ax.x(b.value) - ax.x0);
                const Rgb fill = b.band ? band_colour(scale_, *b.band) : light_grey;
                c.rect(ax.x0, y + 2, bw, row - 4, &fill);
                if (b.band) value += " · " + b.band->label.get(t_.language());
            }
            c.text(ax.x0 + ax.w + 4, y + row - 4, c.fit(value, value_w - 6, 7.5), 7.5, Weight::Regular, ink);
            y += row;
            ++i;
        }
        for (double v : total_ticks(scale_)) c.line(ax.x(v), plot_top, ax.x(v), y, grey, 0.5, v != scale_.min_total());
        c.text(ax.x0, y + 9, axis_caption(scale_, t_), 6.5, Weight::Regular, grey);
        y += 14;
        return {y - start, i, i >= bars_.size()};
    }

    std::string title() const override { return t_.tr("Totals per team"); }
    std::string description() const override {
        return format(t_.tr("A bar per team from the scale's minimum {1} to its total; dashed lines mark where each band "
                            "begins. {2} teams."),
                      {number(scale_.min_total(), scale_.scoring.decimals, t_), std::to_string(bars_.size())});
    }
    block::Table numbers() const override {
        const int d = scale_.scoring.decimals;
        block::Table tb;
        tb.caption = t_.tr("Totals per team");
        tb.row_headers = true;
        const bool grouped = std::any_of(bars_.begin(), bars_.end(), [](const Bar& b) { return !b.group.empty(); });
        tb.columns = {{t_.tr("Team"), 0}};
        if (grouped) tb.columns.push_back({t_.tr("Group"), 110});
        tb.columns.push_back({t_.tr("Total"), 60, Align::Right});
        tb.columns.push_back({t_.tr("Band"), 120});
        for (const Bar& b : bars_) {
            Row r{Cell(b.label)};
            if (grouped) r.push_back(Cell(b.group));
            r.push_back(Cell(number(b.value, d, t_) + (b.complete ? "" : " " + t_.tr("(incomplete)"))));
            r.push_back(Cell(b.complete && b.band ? b.band->label.get(t_.language()) : "–"));
            tb.rows.push_back(r);
        }
        return tb;
    }

private:
    const Scale& scale_;
    std::vector<Bar> bars_;
    const Translator& t_;
};

// ---------------------------------------------------------------------------------------

std::string not_rated_mark(const Translator& t) { return t.tr("n/r"); }

class DotProfile : public Chart {
public:
    DotProfile(const Scale& s, std::vector<ItemResult> items, const Translator& t) : scale_(s), items_(std::move(items)), t_(t) {}
    static constexpr double row = 14;

    double min_height() const override { return 26 + row * 4; }

    Drawn draw(Canvas& c, double x, double y, double width, std::size_t first, double max_height) const override {
        const double label_w = std::min(230.0, width * 0.45), value_w = 60;
        const int lo = scale_.min_level(), hi = scale_.max_level();
        const double x0 = x + label_w, w = width - label_w - value_w;
        const double start = y;
        if (first == 0) {
            // Legend: what the filled dot and the ring mean, each label after its symbol.
            double lx = x;
            c.circle(lx + 4, y + 6, 3.5, &accent, nullptr);
            c.text(lx + 12, y + 9, t_.tr("this round"), 7.5);
            lx += 12 + c.text_width(t_.tr("this round"), 7.5) + 14;
            c.circle(lx + 4, y + 6, 4.5, nullptr, &grey, 1.2);
            c.text(lx + 12, y + 9, t_.tr("previous round"), 7.5);
            lx += 12 + c.text_width(t_.tr("previous round"), 7.5) + 14;
            c.text(lx, y + 9, format(t_.tr("{1}: could not be rated; –: not rated"), {not_rated_mark(t_)}), 7.5,
                   Weight::Regular, grey);
            y += 12;
        }
        y += 14;
        for (int l = lo; l <= hi; ++l)
            c.text(x0 + (l - lo + 0.5) * w / (hi - lo + 1), y - 3, std::to_string(l), 8, Weight::Bold, ink, Align::Centre);
        c.text(x + width, y - 3, t_.tr("now (before)"), 7, Weight::Regular, grey, Align::Right);
        std::size_t i = first;
        for (; i < items_.size(); ++i) {
            if (i > first && y + row - start > max_height) break;
            const ItemResult& ir = items_[i];
            const Item* item = scale_.item(ir.item_id);
            c.text(x, y + row - 4, c.fit(ir.item_id + "  " + (item ? item->name.get(t_.language()) : ""), label_w - 8, 7.5), 7.5);
            c.line(x0, y + row / 2, x0 + w, y + row / 2, light_grey, 0.5);
            auto cx = [&](int level) { return x0 + (level - lo + 0.5) * w / (hi - lo + 1); };
            if (ir.previous) c.circle(cx(*ir.previous), y + row / 2, 4.6, nullptr, &grey, 1.2);
            if (ir.level) c.circle(cx(*ir.level), y + row / 2, 3.6, &accent, nullptr);
            c.text(x + width, y + row - 4, value_text(ir), 7.5, Weight::Regular, ink, Align::Right);
            y += row;
        }
        return {y - start + 6, i, i >= items_.size()};
    }

    std::string title() const override { return t_.tr("Item profile"); }
    std::string description() const override {
        return t_.tr("Each item's agreed level in this round as a filled dot, and in the previous round as a ring.");
    }
    block::Table numbers() const override {
        block::Table tb;
        tb.caption = t_.tr("Item profile");
        tb.row_headers = true;
        tb.columns = {{t_.tr("Item"), 0}, {t_.tr("Level"), 60, Align::Right}, {t_.tr("Previous"), 60, Align::Right}};
        for (const ItemResult& ir : items_) {
            const Item* item = scale_.item(ir.item_id);
            tb.rows.push_back({Cell(ir.item_id + " " + (item ? item->name.get(t_.language()) : "")),
                               Cell(ir.level ? std::to_string(*ir.level) : ir.cannot_rate ? not_rated_mark(t_) : "–"),
                               Cell(ir.previous ? std::to_string(*ir.previous) : "–")});
        }
        return tb;
    }

private:
    std::string value_text(const ItemResult& ir) const {
        std::string v = ir.level ? std::to_string(*ir.level) : (ir.cannot_rate ? not_rated_mark(t_) : "–");
        return v + " (" + (ir.previous ? std::to_string(*ir.previous) : std::string("–")) + ")";
    }
    const Scale& scale_;
    std::vector<ItemResult> items_;
    const Translator& t_;
};

}  // namespace

ChartPtr band_gauge(const Scale& scale, const Score& score, std::optional<double> previous, const Translator& t) {
    return std::make_shared<BandGauge>(scale, score, previous, t);
}
ChartPtr total_bars(const Scale& scale, const std::vector<Bar>& bars, const Translator& t) {
    return std::make_shared<TotalBars>(scale, bars, t);
}
ChartPtr dot_profile(const Scale& scale, const std::vector<ItemResult>& items, const Translator& t) {
    return std::make_shared<DotProfile>(scale, items, t);
}

}  // namespace fidelis::reports::charts
