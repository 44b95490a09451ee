// The employment charts (charts.h): a team's employment rate by quarter under its trend
// chart, and the county's teams by fidelity total and latest employment rate. Both draw
// the IPS Learning Community's benchmark lines and print their numbers in a table.
#include "reports/charts.h"

#include "base/i18n.h"
#include "time_axis.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace fidelis::reports::charts {
namespace {

std::string number(double v, int decimals, const Translator& t) { return format_decimal(v, decimals, t.language()); }
std::string percent_text(const std::optional<double>& v, const Translator& t) {
    return v ? number(round_half_up(*v, 1), 1, t) + " %" : "–";
}

// The top of the rate axis: at least 60 %, so the benchmark lines always show, else the
// next ten above the highest rate.
double rate_top(double highest) { return std::min(100.0, std::max(60.0, std::ceil(highest / 10) * 10)); }

struct Benchmark {
    double value;
    const char* name;
};
const Benchmark benchmarks[] = {{employment_benchmark_minimum, N_("minimum")},
                                {employment_benchmark_average, N_("average")},
                                {employment_benchmark_excellent, N_("excellent")}};

// The rate axis on the left with light rules every ten percent, and the benchmark lines
// across the plot, named in the room to its right.
void rate_axis(Canvas& c, double x0, double w, double top, double h, double ymax, const Translator& t) {
    auto y_of = [&](double v) { return top + h - std::clamp(v, 0.0, ymax) / ymax * h; };
    for (double v = 0; v <= ymax + 0.5; v += 10) {
        c.line(x0, y_of(v), x0 + w, y_of(v), light_grey, 0.4);
        if (int(v) % 20 == 0) c.text(x0 - 4, y_of(v) + 3, number(v, 0, t) + " %", 7, Weight::Regular, grey, Align::Right);
    }
    for (const Benchmark& b : benchmarks) {
        c.line(x0, y_of(b.value), x0 + w, y_of(b.value), grey, 0.8, true);
        c.text(x0 + w + 6, y_of(b.value) + 3, number(b.value, 0, t) + " % " + t.tr(b.name), 7, Weight::Regular, ink);
    }
}

// All: a thick solid line with filled circles; women: a thin line with hollow triangles;
// men: a dashed line with filled squares. Shape and line tell them apart without colour.
enum class Series { All, Women, Men };
const Rgb women_colour{0.09, 0.32, 0.55};
const Rgb men_colour{0.45, 0.27, 0.05};

const Rgb& colour_of(Series s) { return s == Series::All ? ink : s == Series::Women ? women_colour : men_colour; }

void series_marker(Canvas& c, Series s, double x, double y) {
    const Rgb& colour = colour_of(s);
    switch (s) {
    case Series::All: c.circle(x, y, 2.6, &colour, &colour, 1); break;
    case Series::Women: c.polygon({{x, y - 3.4}, {x + 3.2, y + 2.4}, {x - 3.2, y + 2.4}}, &white, &colour); break;
    case Series::Men: c.rect(x - 2.4, y - 2.4, 4.8, 4.8, &colour, &colour, 0.8); break;
    }
}

class EmploymentTrend : public Chart {
public:
    EmploymentTrend(const Scale& scale, std::vector<EmploymentPoint> q, std::pair<Date, Date> span, const Translator& t)
        : scale_(scale), quarters_(std::move(q)), span_(std::move(span)), t_(t) {}

    static constexpr double plot_height = 130;
    double min_height() const override { return 10 + plot_height + 30 + 18; }

    double highest() const {
        double m = 0;
        for (const EmploymentPoint& p : quarters_)
            for (const auto& v : {p.all, p.women, p.men})
                if (v) m = std::max(m, *v);
        return m;
    }

    Drawn draw(Canvas& c, double x, double y, double width, std::size_t, double) const override {
        const TimeAxis axis = TimeAxis::across(x, width, span_.first, span_.second);
        const double top = y + 10, h = plot_height, ymax = rate_top(highest());
        auto y_of = [&](double v) { return top + h - std::clamp(v, 0.0, ymax) / ymax * h; };
        rate_axis(c, axis.x0, axis.w, top, h, ymax, t_);
        const std::string axis_name = t_.tr("In work, %");
        c.rotated_text(x + 6, top + h / 2 + c.text_width(axis_name, 7) / 2, 90, axis_name, 7, Weight::Regular, grey);
        const double base = top + h;
        c.line(axis.x0, base, axis.x0 + axis.w, base, grey, 0.6);
        for (int year = span_.first.year; year <= span_.second.year; ++year) {
            const Date jan{year, 1, 1}, jul{year, 7, 1};
            if (span_.first < jan) c.line(axis.x(jan), base, axis.x(jan), base + 4, grey, 0.6);
            if (!(jul < span_.first) && !(span_.second < jul))
                c.text(axis.x(jul), base + 13, std::to_string(year), 7, Weight::Regular, grey, Align::Centre);
        }
        // A quarter is drawn at its middle; a line joins consecutive quarters only.
        auto x_of = [&](const Quarter& q) { return axis.x(q.first_day().add_days(45)); };
        for (Series s : {Series::Men, Series::Women, Series::All}) {
            const EmploymentPoint* prev = nullptr;
            for (const EmploymentPoint& p : quarters_) {
                const auto v = value(p, s);
                if (!v) {
                    prev = nullptr;
                    continue;
                }
                if (prev && prev->quarter.next() == p.quarter)
                    c.line(x_of(prev->quarter), y_of(*value(*prev, s)), x_of(p.quarter), y_of(*v), colour_of(s),
                           s == Series::All ? 1.6 : 0.9, s == Series::Men);
                prev = &p;
            }
            for (const EmploymentPoint& p : quarters_)
                if (const auto v = value(p, s)) series_marker(c, s, x_of(p.quarter), y_of(*v));
        }
        double lx = axis.x0;
        const double ly = base + 30;
        for (Series s : {Series::All, Series::Women, Series::Men}) {
            series_marker(c, s, lx + 4, ly - 3);
            const std::string name = series_name(s);
            c.text(lx + 12, ly, name, 7);
            lx += 12 + c.text_width(name, 7) + 16;
        }
        c.text(lx, ly, t_.tr("dashed lines: benchmarks"), 7, Weight::Regular, grey);
        return {min_height(), 1, true};
    }

    std::string title() const override { return t_.tr("Employment rate by quarter"); }
    std::string description() const override {
        if (quarters_.empty()) return t_.tr("No quarterly outcomes have been recorded.");
        const EmploymentPoint& latest = quarters_.back();
        return format(t_.tr("{1} quarters from {2} to {3}: the share of the people served who were in competitive "
                            "work, for all, women and men, against the benchmarks 31 %, 41 % and 50 %. In {3} it was "
                            "{4} (women {5}, men {6})."),
                      {std::to_string(quarters_.size()), quarters_.front().quarter.text(), latest.quarter.text(),
                       percent_text(latest.all, t_), percent_text(latest.women, t_), percent_text(latest.men, t_)});
    }
    block::Table numbers() const override {
        block::Table tb;
        tb.caption = t_.tr("Employment rate by quarter");
        tb.row_headers = true;
        tb.columns = {{t_.tr("Quarter"), 56},
                      {t_.tr("Served"), 50, Align::Right},
                      {t_.tr("In work"), 50, Align::Right},
                      {t_.tr("Employment rate"), 70, Align::Right},
                      {t_.tr("Women"), 56, Align::Right},
                      {t_.tr("Men"), 56, Align::Right},
                      {t_.tr("Fidelity total"), 0, Align::Right}};
        for (const EmploymentPoint& p : quarters_)
            tb.rows.push_back({Cell(p.quarter.text()), Cell(std::to_string(p.served)), Cell(std::to_string(p.working)),
                               Cell(percent_text(p.all, t_)), Cell(percent_text(p.women, t_)),
                               Cell(percent_text(p.men, t_)),
                               Cell(p.fidelity ? number(*p.fidelity, scale_.scoring.decimals, t_) +
                                                     (p.fidelity_complete ? "" : " *")
                                               : "–")});
        return tb;
    }

private:
    static std::optional<double> value(const EmploymentPoint& p, Series s) {
        return s == Series::All ? p.all : s == Series::Women ? p.women : p.men;
    }
    std::string series_name(Series s) const {
        return s == Series::All ? t_.tr("All") : s == Series::Women ? t_.tr("Women") : t_.tr("Men");
    }

    const Scale& scale_;
    std::vector<EmploymentPoint> quarters_;
    std::pair<Date, Date> span_;
    const Translator& t_;
};

class FidelityAndEmployment : public Chart {
public:
    FidelityAndEmployment(const Scale& scale, std::vector<TeamEmployment> teams, const Translator& t)
        : scale_(scale), teams_(std::move(teams)), t_(t) {}

    static constexpr double plot_height = 220;
    double min_height() const override { return 10 + plot_height + 34; }

    Drawn draw(Canvas& c, double x, double y, double width, std::size_t, double) const override {
        const double x0 = x + 34, w = width - 34 - 100, top = y + 10, h = plot_height;
        double highest = 0;
        for (const TeamEmployment& tm : teams_) highest = std::max(highest, tm.rate);
        const double ymax = rate_top(highest);
        const double lo = scale_.min_total(), hi = scale_.max_total();
        const int d = scale_.scoring.decimals;
        auto x_of = [&](double v) { return x0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * w; };
        auto y_of = [&](double v) { return top + h - std::clamp(v, 0.0, ymax) / ymax * h; };
        // The fidelity bands as zones across, named along the bottom.
        for (const Band& b : scale_.scoring.bands) {
            const Rgb fill = band_colour(scale_, b).mix(white, 0.8);
            const double x1 = x_of(b.min), x2 = x_of(b.max + std::pow(10.0, -d));
            c.rect(x1, top, x2 - x1, h, &fill);
            c.text(x1, top + h + 10, number(b.min, d, t_), 7, Weight::Regular, grey, Align::Centre);
        }
        c.text(x0 + w, top + h + 10, number(hi, d, t_), 7, Weight::Regular, grey, Align::Centre);
        if (scale_.scoring.bands.empty()) c.text(x0, top + h + 10, number(lo, d, t_), 7, Weight::Regular, grey, Align::Centre);
        rate_axis(c, x0, w, top, h, ymax, t_);
        c.rect(x0, top, w, h, nullptr, &grey, 0.5);
        const std::string y_name = t_.tr("In work, %");
        c.rotated_text(x + 6, top + h / 2 + c.text_width(y_name, 7) / 2, 90, y_name, 7, Weight::Regular, grey);
        c.text(x0 + w / 2, top + h + 24, t_.tr("Fidelity total (latest round)"), 7, Weight::Regular, grey, Align::Centre);
        for (const TeamEmployment& tm : teams_)
            c.circle(x_of(tm.total), y_of(tm.rate), 3, tm.complete ? &ink : &white, &ink, 1);
        // Each label beside its point, to the right or the left, moved up or down (with a
        // thin line back to the point) where another label already stands: teams of
        // similar fidelity and rate must stay readable.
        struct Box {
            double x1, y1, x2, y2;
            bool meets(const Box& o) const { return x1 < o.x2 + 1 && o.x1 < x2 + 1 && y1 < o.y2 + 1 && o.y1 < y2 + 1; }
        };
        std::vector<Box> placed;
        for (const TeamEmployment& tm : teams_) {
            const double px = x_of(tm.total), py = y_of(tm.rate);
            const double lw = c.text_width(tm.label, 6.5), size = 6.5;
            std::optional<Box> chosen;
            bool left = false;
            for (int step = 0; step <= 12 && !chosen; ++step) {
                const double dy = (step % 2 ? -1 : 1) * 8.0 * ((step + 1) / 2);
                for (bool l : {false, true}) {
                    const double bx = l ? px - 5 - lw : px + 5;
                    const Box b{bx, py + dy - size * 0.75, bx + lw, py + dy + size * 0.3};
                    if (b.x1 < x0 || b.x2 > x0 + w || b.y1 < top || b.y2 > top + h) continue;
                    if (std::any_of(placed.begin(), placed.end(), [&](const Box& o) { return o.meets(b); })) continue;
                    chosen = b;
                    left = l;
                    break;
                }
            }
            if (!chosen) {  // nowhere free: beside the point, as close as it gets
                left = px + 5 + lw > x0 + w;
                const double bx = left ? px - 5 - lw : px + 5;
                chosen = Box{bx, py - size * 0.75, bx + lw, py + size * 0.3};
            }
            placed.push_back(*chosen);
            const double baseline = chosen->y2 - size * 0.3 + 2.5 - 2.5;
            if (std::fabs(baseline - py) > 1) c.line(px, py, left ? chosen->x2 + 1 : chosen->x1 - 1, baseline - 2, grey, 0.4);
            c.text(chosen->x1, baseline + 2.2, tm.label, size, Weight::Regular, ink, Align::Left);
        }
        return {min_height(), 1, true};
    }

    std::string title() const override { return t_.tr("Fidelity and employment"); }
    std::string description() const override {
        return format(t_.trn("{1} team, each at its latest fidelity total and its latest quarter's employment rate, "
                             "against the benchmarks 31 %, 41 % and 50 %.",
                             "{1} teams, each at its latest fidelity total and its latest quarter's employment rate, "
                             "against the benchmarks 31 %, 41 % and 50 %.",
                             static_cast<unsigned long>(teams_.size())),
                      {std::to_string(teams_.size())});
    }
    block::Table numbers() const override {
        const bool quarters = std::any_of(teams_.begin(), teams_.end(), [](const TeamEmployment& tm) { return !tm.quarter.empty(); });
        block::Table tb;
        tb.caption = t_.tr("Fidelity and employment");
        tb.row_headers = true;
        tb.columns = {{t_.tr("Team"), 0}, {t_.tr("Fidelity total"), 70, Align::Right},
                      {t_.tr("Employment rate"), 80, Align::Right}};
        if (quarters) tb.columns.push_back({t_.tr("Quarter"), 56});
        for (const TeamEmployment& tm : teams_) {
            Row r{Cell(tm.name), Cell(number(tm.total, scale_.scoring.decimals, t_) + (tm.complete ? "" : " *")),
                  Cell(percent_text(tm.rate, t_))};
            if (quarters) r.push_back(Cell(tm.quarter));
            tb.rows.push_back(r);
        }
        return tb;
    }

private:
    const Scale& scale_;
    std::vector<TeamEmployment> teams_;
    const Translator& t_;
};

}  // namespace

ChartPtr employment_trend(const Scale& scale, const std::vector<EmploymentPoint>& quarters, std::pair<Date, Date> span,
                          const Translator& t) {
    return std::make_shared<EmploymentTrend>(scale, quarters, std::move(span), t);
}

ChartPtr fidelity_and_employment(const Scale& scale, const std::vector<TeamEmployment>& teams, const Translator& t) {
    return std::make_shared<FidelityAndEmployment>(scale, teams, t);
}

}  // namespace fidelis::reports::charts
