// The county comparison: one scale, each team's latest completed round in the period, the
// change since each team's previous round, and the county's figures. With --county all it
// is the national view: one row per county first, then each county's teams. A coded
// edition for publication prints codes in place of names, and no date or review type.
#include "county_report.h"

#include "base/i18n.h"

#include <algorithm>
#include <map>

namespace fidelis::reports {

CountyReport::CountyReport(Store& s, CountyAnalysis analysis, const ReportOptions& o)
    : ReportWriter(s, o, false), a(std::move(analysis)) {}

bool CountyReport::national() const { return a.scope == Scope::Country; }

std::string CountyReport::period() const {
    if (!a.query.from && !a.query.to) return t.tr("each team's latest round");
    return period_text(a.query.from, a.query.to);
}

// What the report covers, as its title says it: the county, the part of it chosen with
// --only, or the country. A coded edition names no place that could name a municipality.
std::string CountyReport::place() const {
    if (national()) return t.tr("Sweden");
    if (a.query.coded) return a.scope == Scope::Grouping ? t.tr("A part of the county") : t.tr("The county");
    if (a.scope == Scope::Grouping) return a.scope_name + " (" + a.county.name + ")";
    return a.county.name;
}

std::string CountyReport::author() const {
    if (!options.organisation.empty()) return options.organisation;
    return a.query.coded || national() ? std::string("Fidelis") : a.county.name;
}

std::string CountyReport::change_heading() const {
    switch (a.comparison) {
    case Comparison::PreviousRound: return t.tr("Change since the team's previous round");
    case Comparison::PreviousPeriod:
    case Comparison::ChosenPeriod:
        return format(t.tr("Change since {1}"), {period_text(a.previous_from, a.previous_to)});
    case Comparison::None: break;
    }
    return {};
}

std::string CountyReport::team_change(const TeamLine& tl) const {
    if (!tl.compared || !tl.compared->change) return "–";
    return change(*tl.compared->change, a.scale->scoring.decimals);
}

void CountyReport::write(const std::string& path) {
    if (!a.scale || a.teams.empty())
        throw Error(format(t.tr("No completed {1} rounds in {2}."), {a.query.scale_id, period()}));
    const Scale& scale = *a.scale;
    const bool coded = a.query.coded;
    const std::string kind = national() ? t.tr("National comparison") : t.tr("County comparison");
    // The coded edition gives the period as a whole, never a team's own dates.
    // Without a chosen period, by month: the first and last review days would each point at a team.
    auto month = [](const std::optional<Date>& d) { return d ? d->iso_month() : std::string(); };
    const std::string whole = a.query.from || a.query.to ? period_text(a.period_from, a.period_to)
                                                         : month(a.period_from) + " – " + month(a.period_to);
    title(national() ? t.tr("NATIONAL COMPARISON") : t.tr("COUNTY COMPARISON"), place() + " · " + scale.display_name(lang),
          scale.title.get(lang) + " · " + format(t.tr("Period: {1}"), {coded ? whole : period()}) +
              (a.query.method ? " · " + label_of(*a.query.method, t) : "") + (coded ? " · " + t.tr("coded for publication") : ""));
    summary();
    progress(0.2);
    if (national()) {
        county_rows();
        item_summary();
        change_summary();
        common();
        figures();
        reading_guide();
        progress(0.5);
        county_details();
    } else {
        flow.heading(t.tr("Totals per team"), 2);
        bars();
        team_table(a.teams);
        progress(0.4);
        heatmap();
        progress(0.6);
        item_summary();
        change_summary();
        common();
        progress(0.8);
        figures();
        employment();
        unmeasured();
        reading_guide();
    }
    const std::string footer = scale.display_name(lang) + " " + t.tr("edition") + " " + scale.edition + " · " + kind +
                               " · " + place() + " · " + format(t.tr("Period: {1}"), {coded ? whole : period()}) + " · " +
                               format(t.tr("Generated {1}"), {date(options.today)});
    const std::string doc_title = format(t.tr("{1}: {2}, {3}, {4}"), {kind, place(), scale.display_name(lang),
                                                                       coded ? whole : period()});
    finish(footer, doc_title, coded ? t.tr("Coded for publication") : place(), path);
}

void CountyReport::summary() {
    const Scale& scale = *a.scale;
    const int d = scale.scoring.decimals;
    flow.heading(t.tr("Summary"), 1);
    definition_notes(a.definition_changes);
    flow.label_value(t.tr("Teams"),
                     format(t.trn("{1} team with a completed round ({2} with a complete total)",
                                  "{1} teams with a completed round ({2} with a complete total)",
                                  static_cast<unsigned long>(a.teams.size())),
                            {std::to_string(a.teams.size()), std::to_string(a.complete_teams)}));
    // Coverage, so that a team without a round never vanishes silently.
    if (a.expected_teams > 0)
        flow.label_value(t.tr("Coverage"),
                         a.unmeasured_teams == 0
                             ? format(t.tr("every team of the selection ({1}) has a completed round"),
                                      {std::to_string(a.expected_teams)})
                             : format(t.trn("{1} of {2} teams has no completed round in the period",
                                            "{1} of {2} teams have no completed round in the period",
                                            static_cast<unsigned long>(a.unmeasured_teams)),
                                      {std::to_string(a.unmeasured_teams), std::to_string(a.expected_teams)}));
    if (a.complete_teams)
        flow.label_value(t.tr("Median total"), format(t.tr("{1} (range {2}–{3})"),
                                                      {num(a.median_total, d), num(a.min_total, d), num(a.max_total, d)}));
    if (a.comparison != Comparison::None && a.change.teams > 0)
        flow.label_value(change_heading(),
                         format(t.trn("{1} on average for the {2} team measured both times",
                                      "{1} on average for the {2} teams measured both times",
                                      static_cast<unsigned long>(a.change.teams)),
                                {change(a.change.mean, change_decimals), std::to_string(a.change.teams)}));
    if (a.good_band) {
        flow.label_value(format(t.tr("{1} or better"), {a.good_band->label.get(lang)}),
                         percent(a.share_good_or_better) + " (" +
                             format(t.trn("{1} of {2} team", "{1} of {2} teams", static_cast<unsigned long>(a.complete_teams)),
                                    {std::to_string(a.good_or_better), std::to_string(a.complete_teams)}) +
                             ")");
        std::vector<Row> rows;
        for (const BandCount& bc : a.per_band) {
            Cell band(bc.band->label.get(lang), band_colour(scale, *bc.band).mix(white, 0.55));
            rows.push_back({band, Cell(num(bc.band->min, d) + "–" + num(bc.band->max, d)), Cell(std::to_string(bc.teams)),
                            Cell(a.complete_teams ? percent(double(bc.teams) / a.complete_teams) : "–")});
        }
        // TRANSLATORS: "Band" is a fidelity band such as "Good fidelity" (God programtrohet).
        flow.table({{t.tr("Band"), 0}, {t.tr("Total"), 80, Align::Right}, {t.tr("Teams"), 60, Align::Right},
                    {t.tr("Share"), 60, Align::Right}},
                   rows, {}, t.tr("Teams per band"), true);
    } else {
        flow.paragraph(t.tr("This scale defines no fidelity bands, so teams are not placed in bands."));
    }
}

void CountyReport::bars() {
    std::vector<charts::Bar> bars;
    for (const TeamLine& tl : a.teams) bars.push_back({tl.label, tl.group, tl.score.total, tl.score.complete(), tl.score.band});
    flow.chart(charts::total_bars(*a.scale, bars, t));
}

void CountyReport::team_table(const std::vector<TeamLine>& teams, bool with_group) {
    const int d = a.scale->scoring.decimals;
    const bool coded = a.query.coded;
    const bool compare = a.comparison != Comparison::None;
    std::vector<Column> cols{{coded ? t.tr("Code") : t.tr("Team"), coded ? 50.0 : 0.0}};
    if (!coded && with_group) cols.push_back({t.tr("Group"), 70});
    if (!coded) cols.push_back({t.tr("Date"), 56});
    if (!coded) cols.push_back({t.tr("Review type"), 74});
    cols.push_back({t.tr("Total"), 40, Align::Right});
    cols.push_back({t.tr("Band"), coded ? 0.0 : 78.0});
    if (compare) cols.push_back({change_heading(), 66, Align::Right});
    std::vector<Row> rows;
    for (const TeamLine& tl : teams) {
        Row r{Cell(tl.label)};
        if (!coded && with_group) r.push_back(Cell(tl.group));
        if (!coded) r.push_back(Cell(tl.date ? date(*tl.date) : "–"));
        if (!coded) r.push_back(Cell(tl.review_type ? label_of(*tl.review_type, t) : "–"));
        r.push_back(Cell(num(tl.score.total, d) + (tl.score.complete() ? "" : " *")));
        r.push_back(Cell(band_text(tl.score)));
        if (compare) r.push_back(Cell(team_change(tl)));
        rows.push_back(r);
    }
    flow.table(cols, rows, Style::small(), t.tr("Totals per team"), true);
    if (std::any_of(teams.begin(), teams.end(), [](const TeamLine& tl) { return !tl.score.complete(); }))
        flow.paragraph("* " + t.tr("incomplete total: an item was not rated or could not be rated."), Style::note());
}

}  // namespace fidelis::reports
