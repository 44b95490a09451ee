// The trend chart (charts.h): a team's totals over time on a time-proportional axis, one
// marker per review type, drafts and incomplete totals told apart from final results.
#include "reports/charts.h"

#include "base/i18n.h"
#include "time_axis.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace fidelis::reports::charts {
namespace {

std::string number(double v, int decimals, const Translator& t) { return format_decimal(v, decimals, t.language()); }

// External reviews are the reference: a filled circle; guided a diamond, self a square.
void marker(Canvas& c, ReviewType type, double x, double y, bool filled) {
    const Rgb* fill = filled ? &ink : &white;
    switch (type) {
    case ReviewType::External: c.circle(x, y, 3.4, fill, &ink, 1.2); break;
    case ReviewType::Guided: c.polygon({{x, y - 4.4}, {x + 4.4, y}, {x, y + 4.4}, {x - 4.4, y}}, fill, &ink); break;
    case ReviewType::Self: c.rect(x - 3.2, y - 3.2, 6.4, 6.4, fill, &ink, 1.2); break;
    }
}

class TrendChart : public Chart {
public:
    TrendChart(const Scale& s, std::vector<TrendPoint> p, const Translator& t, double h,
               std::optional<std::pair<Date, Date>> span)
        : scale_(s), points_(std::move(p)), t_(t), h_(h), span_(std::move(span)) {}

    bool final(const TrendPoint& p) const { return p.round.status == RoundStatus::Completed; }
    bool any_incomplete() const {
        return std::any_of(points_.begin(), points_.end(), [](const TrendPoint& p) { return !p.score.complete(); });
    }
    double strip() const { return any_incomplete() ? 22 : 0; }
    double height() const { return 10 + h_ + strip() + 40 + 30; }
    double min_height() const override { return height(); }

    Drawn draw(Canvas& c, double x, double y, double width, std::size_t, double) const override {
        if (points_.empty()) return {0, 1, true};
        const Date first_day = span_ ? span_->first : points_.front().round.assessed_on;
        const Date last_day = span_ ? span_->second : points_.back().round.assessed_on;
        const TimeAxis axis = TimeAxis::across(x, width, first_day, last_day);
        const double x0 = axis.x0, w = axis.w;
        const double top = y + 10, h = h_;
        const double lo = scale_.min_total(), hi = scale_.max_total();
        const int d = scale_.scoring.decimals;
        auto y_of = [&](double v) { return top + h - (std::clamp(v, lo, hi) - lo) / (hi - lo) * h; };
        for (const Band& b : scale_.scoring.bands) {
            const Rgb fill = band_colour(scale_, b).mix(white, 0.72);
            const double y1 = y_of(b.max + std::pow(10.0, -d)), y2 = y_of(b.min);
            c.rect(x0, y1, w, y2 - y1, &fill);
            // The band's name beside its zone, on two lines where it needs them.
            auto lines = c.wrap(b.label.get(t_.language()), 94, 7);
            if (lines.size() > 2 || y2 - y1 < 18) lines = {c.fit(b.label.get(t_.language()), 94, 7)};
            const double ly = (y1 + y2) / 2 + 3 - 4.5 * double(lines.size() - 1);
            for (std::size_t i = 0; i < lines.size(); ++i) c.text(x0 + w + 6, ly + 9 * double(i), lines[i], 7, Weight::Regular, ink);
            c.text(x0 - 4, y2 + 3, number(b.min, d, t_), 7, Weight::Regular, grey, Align::Right);
        }
        if (scale_.scoring.bands.empty()) {
            c.rect(x0, top, w, h, nullptr, &light_grey);
            c.text(x0 - 4, top + h + 3, number(lo, d, t_), 7, Weight::Regular, grey, Align::Right);
        }
        c.text(x0 - 4, top + 3, number(hi, d, t_), 7, Weight::Regular, grey, Align::Right);
        c.rotated_text(x + 6, top + h / 2 + c.text_width(t_.tr("Total"), 7) / 2, 90, t_.tr("Total"), 7, Weight::Regular, grey);

        // Time-proportional: a two-year gap looks like one.
        auto x_of = [&](const Date& dt) { return axis.x(dt); };
        const double base = top + h;
        c.line(x0, base, x0 + w, base, grey, 0.6);
        for (int year = first_day.year + 1; year <= last_day.year; ++year) {
            const double tx = x_of(Date{year, 1, 1});
            c.line(tx, base, tx, base + 4, grey, 0.6);
        }
        // Lines join final, complete rounds of one review type: a self-assessment and an
        // external review measure differently, and a draft may still change.
        for (ReviewType type : {ReviewType::External, ReviewType::Guided, ReviewType::Self}) {
            const TrendPoint* prev = nullptr;
            for (const TrendPoint& p : points_) {
                if (p.round.review_type != type || !p.score.complete() || !final(p)) continue;
                if (prev) c.line(x_of(prev->round.assessed_on), y_of(prev->score.total), x_of(p.round.assessed_on),
                                 y_of(p.score.total), ink, type == ReviewType::External ? 1.4 : 0.9,
                                 type != ReviewType::External);
                prev = &p;
            }
        }
        const double strip_y = base + 40 + strip() / 2;
        if (any_incomplete())
            c.text(x0 - 4, strip_y + 3, t_.tr("incomplete"), 6.5, Weight::Regular, grey, Align::Right);
        for (const TrendPoint& p : points_) {
            const Score& s = p.score;
            const double px = x_of(p.round.assessed_on);
            const double py = s.complete() ? y_of(s.total) : strip_y;
            marker(c, p.round.review_type, px, py, s.complete() && final(p));
            std::string label = number(s.total, d, t_) + (s.complete() ? "" : "*");
            if (!final(p)) label += " " + t_.tr("draft");
            // Kept inside the plot, clear of the band names to its right.
            const double half = c.text_width(label, 7.5, Weight::Bold) / 2;
            const double lx = std::clamp(px, x0 + half, x0 + w - half);
            c.text(lx, py - 6, label, 7.5, Weight::Bold, ink, Align::Centre);
            c.rotated_text(px + 3, base + 30, 45, p.round.assessed_on.iso_month(), 6.5, Weight::Regular, grey);
        }
        // The legend: the review types shown, then what hollow and * mean.
        double lx = x0, ly = base + 40 + strip() + 14;
        std::set<ReviewType> types;
        for (const TrendPoint& p : points_) types.insert(p.round.review_type);
        for (ReviewType type : {ReviewType::External, ReviewType::Guided, ReviewType::Self}) {
            if (!types.count(type)) continue;
            marker(c, type, lx + 4, ly - 3, true);
            const std::string name = label_of(type, t_);
            c.text(lx + 12, ly, name, 7);
            lx += 12 + c.text_width(name, 7) + 14;
        }
        const std::string hollow = t_.tr("hollow: a draft, or an incomplete total (*)");
        c.text(lx, ly, hollow, 7, Weight::Regular, grey);
        return {height(), 1, true};
    }

    std::string title() const override { return t_.tr("Total over time"); }
    std::string description() const override {
        std::string s = format(t_.tr("{1} rounds from {2} to {3}, on a time axis, against the band zones."),
                               {std::to_string(points_.size()), points_.front().round.assessed_on.iso(),
                                points_.back().round.assessed_on.iso()});
        const TrendPoint& latest = points_.back();
        s += " " + format(t_.tr("The latest total is {1}."), {number(latest.score.total, scale_.scoring.decimals, t_)});
        return s;
    }
    block::Table numbers() const override {
        block::Table tb;
        tb.caption = t_.tr("Total over time");
        tb.row_headers = true;
        tb.columns = {{t_.tr("Date"), 70}, {t_.tr("Review type"), 110}, {t_.tr("Status"), 70},
                      {t_.tr("Total"), 60, Align::Right}, {t_.tr("Band"), 0}};
        for (const TrendPoint& p : points_)
            tb.rows.push_back({Cell(p.round.assessed_on.iso()), Cell(label_of(p.round.review_type, t_)),
                               Cell(label_of(p.round.status, t_)),
                               Cell(number(p.score.total, scale_.scoring.decimals, t_) + (p.score.complete() ? "" : " *")),
                               Cell(p.score.band ? p.score.band->label.get(t_.language()) : "–")});
        return tb;
    }

private:
    const Scale& scale_;
    std::vector<TrendPoint> points_;
    const Translator& t_;
    double h_;
    std::optional<std::pair<Date, Date>> span_;
};

}  // namespace

ChartPtr trend_chart(const Scale& scale, const std::vector<TrendPoint>& points, const Translator& t, double height,
                     std::optional<std::pair<Date, Date>> span) {
    return std::make_shared<TrendChart>(scale, points, t, height, std::move(span));
}

}  // namespace fidelis::reports::charts
