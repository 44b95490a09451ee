// The county comparison: one scale, a period, each team's latest completed round, and
// (with a period) the change against the period before.
#include "report_common.h"

#include "base/i18n.h"

#include <algorithm>
#include <map>

namespace fidelis::reports {
namespace {


class CountyReport : public ReportWriter {
public:
    CountyReport(Store& s, const CountyQuery& q, const ReportOptions& o)
        : ReportWriter(s, o, false), a(analyse_county(s, q)) {}

    void write(const std::string& path) {
        if (!a.scale || a.teams.empty())
            throw Error(format(t.tr("No completed {1} rounds in {2}."), {a.query.scale_id, period()}));
        const Scale& scale = *a.scale;
        const bool coded = a.query.coded;
        // A coded report names no municipality anywhere, and the county's name contains one.
        const std::string place = coded ? t.tr("The county") : a.county.code == "all" ? t.tr("Sweden") : a.county.name;
        title(t.tr("COUNTY COMPARISON"), place + " · " + scale.display_name(lang),
              scale.title.get(lang) + " · " + format(t.tr("Period: {1}"), {period()}) +
                  (coded ? " · " + t.tr("coded for publication") : ""));
        summary();
        progress(0.2);
        flow.heading(t.tr("Totals per team"), 2);
        bars();
        team_table();
        progress(0.4);
        flow.new_page();
        flow.heading(t.tr("Item by team"), 2);
        flow.paragraph(t.tr("The agreed level of each item, for each team's latest round. The number is written in "
                            "every cell; the colour repeats it."),
                       Style{8, Weight::Regular, pdf::grey});
        std::vector<charts::HeatColumn> columns = heat_columns();
        flow.chart(charts::heatmap(scale, columns, t));
        flow.chart(charts::level_legend(scale, t));
        progress(0.6);
        item_summary();
        paired();
        common();
        progress(0.8);
        figures();
        reading_guide();
        const std::string footer = scale.display_name(lang) + " " + t.tr("edition") + " " + scale.edition + " · " +
                                   t.tr("County comparison") + " · " + format(t.tr("Period: {1}"), {period()}) + " · " +
                                   format(t.tr("Generated {1}"), {date(options.today)});
        const std::string doc_title = format(t.tr("County comparison: {1}, {2}"), {scale.display_name(lang), period()});
        finish(footer, doc_title, coded ? t.tr("Coded county comparison") : place, path);
    }

private:
    std::string period() const {
        if (!a.query.from && !a.query.to) return t.tr("each team's latest round");
        return period_text(a.query.from, a.query.to);
    }

    std::string author() const override {
        if (!options.organisation.empty()) return options.organisation;
        return a.query.coded || a.county.code == "all" ? std::string("Fidelis") : a.county.name;
    }

    // Short, distinct labels for the heatmap's columns (the municipality, with the method
    // and then a number where one municipality has several teams), each with the team in full.
    std::vector<charts::HeatColumn> heat_columns() const {
        std::vector<charts::HeatColumn> out;
        std::map<std::string, int> uses;
        for (const TeamLine& tl : a.teams) {
            charts::HeatColumn c{tl.label, tl.label, a.query.coded ? "" : tl.group, tl.levels};
            if (!a.query.coded) {
                c.label = tl.team.municipality_name + " " + code_of(tl.team.method);
                c.name = tl.team.municipality_name + " – " + tl.team.name;
            }
            out.push_back(c);
            ++uses[out.back().label];
        }
        std::map<std::string, int> seen;
        for (auto& c : out)
            if (uses[c.label] > 1) c.label += " " + std::to_string(++seen[c.label]);
        return out;
    }

    void summary() {
        const Scale& scale = *a.scale;
        const int d = scale.scoring.decimals;
        flow.heading(t.tr("Summary"), 2);
        definition_notes(a.definition_changes);
        flow.label_value(t.tr("Teams"), format(t.tr("{1} teams with a completed round ({2} with a complete total)"),
                                               {std::to_string(a.teams.size()), std::to_string(a.complete_teams)}));
        if (a.complete_teams) {
            flow.label_value(t.tr("Median total"), format(t.tr("{1} (range {2}–{3})"),
                                                          {num(a.median_total, d), num(a.min_total, d), num(a.max_total, d)}));
        }
        if (a.good_band) {
            flow.label_value(format(t.tr("{1} or better"), {a.good_band->label.get(lang)}),
                             percent(a.share_good_or_better) + " (" +
                                 format(t.tr("{1} of {2} teams"), {std::to_string(a.good_or_better), std::to_string(a.complete_teams)}) + ")");
            std::vector<Row> rows;
            for (const BandCount& bc : a.per_band) {
                Cell band(bc.band->label.get(lang));
                band.fill = band_colour(scale, *bc.band).mix(white, 0.55);
                band.colour = text_on(*band.fill);
                rows.push_back({band, Cell(num(bc.band->min, d) + "–" + num(bc.band->max, d)), Cell(std::to_string(bc.teams)),
                                Cell(a.complete_teams ? percent(double(bc.teams) / a.complete_teams) : "–")});
            }
            // TRANSLATORS: "Band" is a fidelity band such as "Good fidelity" (God programtrohet).
            flow.table({{t.tr("Band"), 0}, {t.tr("Total"), 80, pdf::Align::Right}, {t.tr("Teams"), 60, pdf::Align::Right},
                        {t.tr("Share"), 60, pdf::Align::Right}},
                       rows);
        } else {
            flow.paragraph(t.tr("This scale defines no fidelity bands, so teams are not placed in bands."));
        }
        if (a.previous_from && !a.paired.empty())
            flow.label_value(t.tr("Change"), format(t.tr("{1} on average for the {2} teams measured in both periods"),
                                                    {change(a.mean_paired_change, d), std::to_string(a.paired.size())}));
    }

    void bars() {
        std::vector<charts::Bar> bars;
        for (const TeamLine& tl : a.teams)
            bars.push_back({tl.label, tl.group, tl.score.total, tl.score.complete(), tl.score.band});
        flow.chart(charts::total_bars(*a.scale, bars, t));
    }

    void team_table() {
        const int d = a.scale->scoring.decimals;
        std::vector<Row> rows;
        for (const TeamLine& tl : a.teams) {
            rows.push_back({Cell(tl.label), Cell(a.query.coded ? "" : tl.group), Cell(date(tl.round.assessed_on)),
                            Cell(label_of(tl.round.review_type, t)),
                            Cell(num(tl.score.total, d) + (tl.score.complete() ? "" : " *")), Cell(band_text(tl.score))});
        }
        std::vector<Column> cols{{t.tr("Team"), 0}, {t.tr("Group"), 80}, {t.tr("Date"), 58},
                                 {t.tr("Review type"), 88}, {t.tr("Total"), 40, pdf::Align::Right}, {t.tr("Band"), 92}};
        if (a.query.coded) cols[0].width = 50;
        flow.table(cols, rows, Style{8});
    }

    void item_summary() {
        flow.heading(t.tr("Per item across the teams"), 2);
        const int top = a.scale->max_level();
        std::vector<Row> rows;
        for (const ItemStats& s : a.items) {
            rows.push_back({Cell(item_label(*a.scale, s.item_id)), Cell(std::to_string(s.n)), Cell(num(s.mean, 1)),
                            Cell(num(s.median, 1)), Cell(std::to_string(s.min) + "–" + std::to_string(s.max)),
                            Cell(percent(s.share_high)), Cell(percent(s.share_mid)), Cell(percent(s.share_low))});
        }
        flow.table({{t.tr("Item"), 0},
                    {"n", 24, pdf::Align::Right},
                    {t.tr("Mean"), 38, pdf::Align::Right},
                    {t.tr("Median"), 42, pdf::Align::Right},
                    {t.tr("Min–max"), 44, pdf::Align::Centre},
                    {"≥ " + std::to_string(top - 1), 38, pdf::Align::Right},
                    {std::to_string(top - 2), 38, pdf::Align::Right},
                    {"≤ " + std::to_string(top - 3), 38, pdf::Align::Right}},
                   rows, Style{7.5});
    }

    void paired() {
        if (!a.previous_from) return;
        flow.heading(t.tr("Change for teams measured in both periods"), 2);
        flow.paragraph(format(t.tr("Previous period: {1}."), {period_text(a.previous_from, a.previous_to)}),
                       Style{8, Weight::Regular, pdf::grey});
        if (a.paired.empty()) {
            flow.paragraph(t.tr("No team has a completed round with a complete total in both periods."));
            return;
        }
        const int d = a.scale->scoring.decimals;
        std::vector<Row> rows;
        for (const PairedChange& p : a.paired)
            rows.push_back({Cell(p.label), Cell(num(p.before, d) + " (" + date(p.before_date) + ")"),
                            Cell(num(p.now, d) + " (" + date(p.now_date) + ")"), Cell(change(p.now - p.before, d))});
        rows.push_back({Cell(t.tr("Mean change")), Cell(""), Cell(""), Cell(change(a.mean_paired_change, 1))});
        rows.back()[0].weight = Weight::Bold;
        flow.table({{t.tr("Team"), 0}, {t.tr("Before"), 110, pdf::Align::Right}, {t.tr("Now"), 110, pdf::Align::Right},
                    {t.tr("Change"), 60, pdf::Align::Right}},
                   rows, Style{8});
    }

    void common() {
        flow.heading(t.tr("Common strengths and development areas"), 2);
        auto line = [&](const std::string& id) {
            const auto s = std::find_if(a.items.begin(), a.items.end(), [&](const ItemStats& x) { return x.item_id == id; });
            return item_label(*a.scale, id) + " — " + format(t.tr("mean {1}"), {num(s->mean, 1)});
        };
        std::vector<std::string> strengths, areas;
        for (const auto& id : a.common_strengths) strengths.push_back(line(id));
        for (const auto& id : a.development_areas) areas.push_back(line(id));
        flow.paragraph(t.tr("Common strengths: the highest means across the teams"), Style{9.5, Weight::Bold});
        flow.bullets(strengths);
        flow.paragraph(t.tr("Development areas: the lowest means, candidates for joint training"), Style{9.5, Weight::Bold});
        flow.bullets(areas);
    }

    void figures() {
        flow.heading(t.tr("Team figures by gender, summed for the county"), 2);
        if (!a.teams_with_figures) {
            flow.paragraph(t.tr("No team has recorded figures for these rounds."));
            return;
        }
        auto row = [&](const std::string& label, const GenderCount& g) {
            auto v = [](const std::optional<int>& x) { return x ? std::to_string(*x) : std::string("–"); };
            return Row{Cell(label), Cell(v(g.women)), Cell(v(g.men)), Cell(v(g.other)), Cell(std::to_string(g.total()))};
        };
        flow.table({{"", 0}, {t.tr("Women"), 70, pdf::Align::Right}, {t.tr("Men"), 70, pdf::Align::Right},
                    {t.tr("Other or unknown"), 90, pdf::Align::Right}, {t.tr("Total"), 60, pdf::Align::Right}},
                   {row(t.tr("Participants"), a.participants), row(t.tr("In competitive work"), a.competitive_work),
                    row(t.tr("Started studies"), a.studies)});
        flow.paragraph(format(t.tr("From {1} of {2} teams, each for the period its own figures cover."),
                              {std::to_string(a.teams_with_figures), std::to_string(a.teams.size())}),
                       Style{8, Weight::Regular, pdf::grey});
    }

    void reading_guide() {
        flow.heading(t.tr("How to read this report"), 2);
        std::vector<std::string> notes = {
            t.tr("Colours mark the model's fixed thresholds and levels; they are not a ranking of municipalities."),
            t.tr("Each team is counted with its latest completed round in the period."),
            t.tr("A self-assessment is not an external review: self-assessed totals tend to be higher. The review "
                 "type is given for every team."),
            t.tr("Small numbers: with few teams, one team moves the median and the shares a lot. Compare a team "
                 "with itself over time rather than with others."),
            t.tr("A total marked * is incomplete: an item was not rated or could not be rated. It has no band and "
                 "is left out of the median and the shares."),
        };
        if (a.query.coded)
            notes.push_back(t.tr("Municipalities and teams are shown by code. Codes follow the totals, highest first, "
                                 "and are not grouped, so they cannot be traced back to names."));
        flow.bullets(notes);
    }

    CountyAnalysis a;
};

}  // namespace

void write_county_report(Store& store, const CountyQuery& query, const std::string& path,
                         const ReportOptions& options) {
    CountyReport(store, query, options).write(path);
}

}  // namespace fidelis::reports
