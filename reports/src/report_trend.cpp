// The trend report: one team over all its rounds of a scale.
#include "report_common.h"

#include "base/i18n.h"

#include <algorithm>

namespace fidelis::reports {
namespace {


class TrendReport : public ReportWriter {
public:
    TrendReport(Store& s, Id team, const std::string& scale, const ReportOptions& o)
        : ReportWriter(s, o, false), a(analyse_trend(s, team, scale)) {}

    void write(const std::string& path) {
        if (!a.scale || a.points.empty())
            throw Error(format(t.tr("{1} has no rounds to show a trend for."), {a.team.name}));
        const Scale& scale = *a.scale;
        const std::string span = std::to_string(a.points.front().round.assessed_on.year) + "–" +
                                 std::to_string(a.points.back().round.assessed_on.year);
        title(t.tr("TREND REPORT"), a.team.name,
              a.team.municipality_name + " · " + scale.title.get(lang) + " (" + scale.display_name(lang) + ") · " +
                  format(t.trn("{1} round, {2}", "{1} rounds, {2}", static_cast<unsigned long>(a.points.size())),
                         {std::to_string(a.points.size()), span}));
        flow.heading(t.tr("Total over time"), 1);
        const std::vector<charts::EmploymentPoint> quarters = employment_points();
        if (quarters.empty()) {
            flow.chart(charts::trend_chart(scale, a.points, t));
        } else {
            // One time axis for both charts, so a round stands above the quarters around it.
            const std::pair<Date, Date> span{std::min(a.points.front().round.assessed_on, quarters.front().quarter.first_day()),
                                             std::max(a.points.back().round.assessed_on, quarters.back().quarter.last_day())};
            flow.chart(charts::trend_chart(scale, a.points, t, 190, span));
            flow.chart(charts::employment_trend(scale, quarters, span, t));
        }
        rounds_table();
        employment_table(quarters);
        definition_notes(a.definition_changes);
        figures_over_time();
        progress(0.4);
        item_table();
        progress(0.7);
        stuck_list();
        actions_table();
        const std::string footer = scale.display_name(lang) + " " + t.tr("edition") + " " + scale.edition + " · " +
                                   a.team.name + " · " + format(t.tr("Rounds {1}"), {span}) + " · " +
                                   format(t.tr("Generated {1}"), {date(options.today)});
        finish(footer, format(t.tr("Trend report: {1}"), {a.team.name}), scale.title.get(lang), path);
    }

private:
    void rounds_table() {
        const int d = a.scale->scoring.decimals;
        std::vector<Row> rows;
        std::optional<double> before;
        for (const TrendPoint& p : a.points) {
            const bool complete = p.score.complete();
            Row r{Cell(date(p.round.assessed_on)), Cell(label_of(p.round.review_type, t)), Cell(label_of(p.round.status, t)),
                  Cell(num(p.score.total, d) + (complete ? "" : " *")), Cell(band_text(p.score)),
                  Cell(complete && before ? change(round_half_up(p.score.total, d) - *before, d) : "–")};
            rows.push_back(r);
            before = complete ? std::optional<double>(round_half_up(p.score.total, d)) : std::nullopt;
        }
        flow.table({{t.tr("Date"), 70}, {t.tr("Review type"), 120}, {t.tr("Status"), 70},
                    {t.tr("Total"), 50, pdf::Align::Right}, {t.tr("Band"), 0}, {t.tr("Change"), 55, pdf::Align::Right}},
                   rows);
    }

    // The team's quarters, each with the total of its latest round by the quarter's end.
    std::vector<charts::EmploymentPoint> employment_points() {
        std::vector<charts::EmploymentPoint> out;
        for (const TeamOutcome& o : store.outcomes(a.team.id)) {
            charts::EmploymentPoint p;
            p.quarter = o.quarter;
            p.served = o.served.total();
            p.working = o.working.total();
            p.all = o.employment_rate();
            p.women = TeamOutcome::rate_of(o.working.women, o.served.women);
            p.men = TeamOutcome::rate_of(o.working.men, o.served.men);
            for (const TrendPoint& r : a.points)
                if (r.round.assessed_on <= o.quarter.last_day() && r.round.status == RoundStatus::Completed) {
                    p.fidelity = r.score.total;
                    p.fidelity_complete = r.score.complete();
                }
            out.push_back(p);
        }
        return out;
    }

    void employment_table(const std::vector<charts::EmploymentPoint>& quarters) {
        if (quarters.empty()) return;
        flow.heading(t.tr("Employment rate by quarter"), 2);
        // xgettext:no-c-format (a percent sign, not a placeholder)
        flow.paragraph(t.tr("The share of the people served in the quarter who were in competitive work. Benchmarks of "
                            "the IPS Learning Community: 31 % minimum, 41 % average, 50 % excellent. The fidelity "
                            "total is that of the team's latest completed round by the end of the quarter."),
                       Style::note());
        const block::Table numbers = charts::employment_trend(*a.scale, quarters, {}, t)->numbers();
        flow.table(numbers.columns, numbers.rows, Style::small(), numbers.caption, true);
    }

    // Women's and men's rates of competitive work, round by round, where the team gave figures.
    void figures_over_time() {
        std::vector<Row> rows;
        for (const TrendPoint& p : a.points) {
            const auto f = store.team_figures(p.round.id);
            if (!f) continue;
            const GenderCount& n = f->participants;
            const GenderCount& w = f->competitive_work;
            rows.push_back({Cell(date(p.round.assessed_on)),
                            Cell(f->period_from || f->period_to ? period_text(f->period_from, f->period_to) : "–"),
                            Cell(count_rate(w.women, n.women)), Cell(count_rate(w.men, n.men)),
                            Cell(count_rate(known_total(w), known_total(n)))});
        }
        if (rows.empty()) return;
        flow.heading(t.tr("In competitive work over time"), 1);
        flow.table({{t.tr("Round"), 70}, {t.tr("Period"), 0}, {t.tr("Women"), 80, Align::Right},
                    {t.tr("Men"), 80, Align::Right}, {t.tr("All"), 80, Align::Right}},
                   rows, Style::small(), t.tr("In competitive work, as a share of the participants"), true);
    }

    void item_table() {
        flow.heading(t.tr("Item by round"), 1);
        const int threshold = stuck_threshold(*a.scale);
        flow.paragraph(format(t.tr("Each cell is the agreed level. A level marked * is part of a run of two rounds or "
                                   "more at level {1} or below that lasts to the latest round."),
                              {std::to_string(threshold)}),
                       Style{8, Weight::Regular, pdf::grey});
        // The newest rounds first: with more rounds than fit across, the latest are never on a later page.
        const std::size_t per_table = 9;
        for (std::size_t last = a.points.size(); last > 0; last = last > per_table ? last - per_table : 0) {
            const std::size_t first = last > per_table ? last - per_table : 0;
            std::vector<Column> cols{{t.tr("Item"), 0}};
            for (std::size_t i = first; i < last; ++i) {
                const Date& d = a.points[i].round.assessed_on;
                cols.push_back({d.iso_month(), 44,
                                pdf::Align::Centre});
            }
            std::vector<Row> rows;
            for (const Item& item : a.scale->items) {
                Row r{Cell(item.id + " " + item.name.get(lang))};
                const int streak = a.stuck_rounds.count(item.id) ? a.stuck_rounds.at(item.id) : 0;
                for (std::size_t i = first; i < last; ++i) {
                    const auto l = a.points[i].levels.find(item.id);
                    Cell c(l == a.points[i].levels.end() ? "–" : std::to_string(l->second));
                    if (l != a.points[i].levels.end()) {
                        c.fill = level_colour(*a.scale, l->second).mix(white, 0.55);
                        c.colour = text_on(*c.fill);
                        const bool in_streak = streak >= 2 && i + std::size_t(streak) >= a.points.size();
                        if (in_streak) {
                            c.text += "*";
                            c.weight = Weight::Bold;
                        }
                    }
                    r.push_back(c);
                }
                rows.push_back(r);
            }
            flow.table(cols, rows, Style{7.5});
        }
        flow.chart(charts::level_legend(*a.scale, t));
    }

    void stuck_list() {
        flow.heading(format(t.tr("Items at level {1} or below for two rounds or more"),
                            {std::to_string(stuck_threshold(*a.scale))}),
                     2);
        if (a.stuck.empty()) {
            flow.paragraph(t.tr("None: no item has stayed this low in the latest two rounds."));
            return;
        }
        std::vector<std::string> lines;
        for (const auto& id : a.stuck)
            lines.push_back(item_label(*a.scale, id) + " — " +
                            format(t.trn("{1} round in a row", "{1} rounds in a row", static_cast<unsigned long>(a.stuck_rounds.at(id))),
                                   {std::to_string(a.stuck_rounds.at(id))}));
        flow.bullets(lines);
    }

    void actions_table() {
        flow.heading(t.tr("Earlier plan actions and how the items moved afterwards"), 1);
        if (a.actions.empty()) {
            flow.paragraph(t.tr("No improvement plan has been recorded for these rounds."));
            return;
        }
        std::vector<Row> rows;
        for (const ActionOutcome& o : a.actions) {
            std::string moved = level(o.level_then) + " → " + level(o.level_next) + " → " + level(o.level_latest);
            rows.push_back({Cell(date(o.plan_round.assessed_on)), Cell(o.action.item_id), Cell(o.action.what),
                            Cell(label_of(o.action.status, t)), Cell(moved)});
        }
        flow.table({{t.tr("Plan of"), 62}, {t.tr("Item"), 34}, {t.tr("Action"), 0}, {t.tr("Status"), 60},
                    {t.tr("Level then → next → latest"), 100, pdf::Align::Centre}},
                   rows, Style{8});
    }

    TrendAnalysis a;
};

}  // namespace

void write_trend_report(Store& store, Id team, const std::string& scale_id, const std::string& path,
                        const ReportOptions& options) {
    TrendReport(store, team, scale_id, options).write(path);
}

}  // namespace fidelis::reports
