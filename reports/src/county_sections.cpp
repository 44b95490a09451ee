// The county comparison's sections after the summary (see county_report.h): the heatmap,
// items across teams, the change since each team's previous round, figures by gender,
// the teams without a round, the national view's county rows and details, the reading
// guide, and the code key.
#include "county_report.h"

#include "base/atomic_file.h"
#include "base/i18n.h"
#include "reports/render.h"

#include <algorithm>
#include <map>

namespace fidelis::reports {

// Short, distinct labels for the heatmap's columns (the municipality and the method, then
// a number where one municipality has several such teams), each with the team in full.
std::vector<charts::HeatColumn> CountyReport::heat_columns() const {
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

void CountyReport::heatmap() {
    // Many teams: the grid gets a landscape page, where 40 columns still fit in one block.
    const bool wide = a.teams.size() > 20;
    flow.new_page(wide ? std::optional<bool>(true) : std::nullopt);
    flow.heading(t.tr("Item by team"), 1);
    flow.paragraph(t.tr("The agreed level of each item, for each team's latest round. The number is written in every "
                        "cell; the colour repeats it."),
                   Style::note());
    flow.chart(charts::heatmap(*a.scale, heat_columns(), t));
    flow.chart(charts::level_legend(*a.scale, t));
    if (wide) flow.new_page(false);
}

void CountyReport::item_summary() {
    flow.heading(t.tr("Per item across the teams"), 1);
    const int top = a.scale->max_level();
    std::vector<Row> rows;
    for (const ItemStats& s : a.items)
        rows.push_back({Cell(item_label(*a.scale, s.item_id)), Cell(std::to_string(s.n)), Cell(num(s.mean, 1)),
                        Cell(num(s.median, 1)), Cell(std::to_string(s.min) + "–" + std::to_string(s.max)),
                        Cell(percent(s.share_high)), Cell(percent(s.share_mid)), Cell(percent(s.share_low))});
    flow.table({{t.tr("Item"), 0},
                {"n", 24, Align::Right},
                {t.tr("Mean"), 38, Align::Right},
                {t.tr("Median"), 42, Align::Right},
                {t.tr("Min–max"), 44, Align::Centre},
                {"≥ " + std::to_string(top - 1), 38, Align::Right},
                {std::to_string(top - 2), 38, Align::Right},
                {"≤ " + std::to_string(top - 3), 38, Align::Right}},
               rows, Style{7.5}, t.tr("Per item across the teams"), true);
    // Every abbreviation and symbol of the table, spelled out.
    flow.paragraph(format(t.tr("n: teams with the item rated. The last three columns: the share of those teams at "
                               "level {1} or higher, at level {2}, and at level {3} or lower."),
                          {std::to_string(top - 1), std::to_string(top - 2), std::to_string(top - 3)}),
                   Style::note());
}

void CountyReport::change_summary() {
    if (a.comparison == Comparison::None) return;
    const int d = a.scale->scoring.decimals;
    flow.heading(change_heading(), 1);
    if (a.comparison == Comparison::PreviousRound)
        flow.paragraph(t.tr("Each team's latest round is compared with its own previous completed round of the same "
                            "scale, whenever that was."),
                       Style::note());
    else
        flow.paragraph(format(t.tr("Compared with each team's latest round in {1}."), {period_text(a.previous_from, a.previous_to)}),
                       Style::note());
    definition_notes(a.compared_definition_changes);
    if (a.change.teams == 0) {
        flow.paragraph(t.tr("No team has a complete total both times, so no change can be given."));
        return;
    }
    std::vector<Row> rows;
    const bool coded = a.query.coded;
    for (const TeamLine& tl : a.teams) {
        if (!tl.compared || !tl.compared->change) continue;
        const TeamComparison& c = *tl.compared;
        std::string before = num(c.score.total, d);
        if (!coded && c.date) before += " (" + date(*c.date) + ")";
        std::string now = num(tl.score.total, d);
        if (!coded && tl.date) now += " (" + date(*tl.date) + ")";
        rows.push_back({Cell(tl.label), Cell(before), Cell(now), Cell(change(*c.change, d))});
    }
    Row mean{Cell(t.tr("Mean change")), Cell(""), Cell(""), Cell(change(a.change.mean, change_decimals))};
    mean[0].weight = mean[3].weight = Weight::Bold;
    rows.push_back(mean);
    flow.table({{coded ? t.tr("Code") : t.tr("Team"), 0}, {t.tr("Before"), 110, Align::Right},
                {t.tr("Now"), 110, Align::Right}, {t.tr("Change"), 60, Align::Right}},
               rows, Style::small(), change_heading(), true);
    flow.paragraph(format(t.tr("{1} up, {2} unchanged, {3} down; {4} without a round to compare with."),
                          {std::to_string(a.change.up), std::to_string(a.change.same), std::to_string(a.change.down),
                           std::to_string(a.change.not_compared)}),
                   Style::note());
    if (!a.change.items.empty()) {
        flow.heading(t.tr("Change per item, for the teams measured both times"), 2);
        std::vector<Row> items;
        for (const ItemChange& ic : a.change.items)
            items.push_back({Cell(item_label(*a.scale, ic.item_id)), Cell(std::to_string(ic.n)),
                             Cell(change(ic.mean, change_decimals)), Cell(std::to_string(ic.up)),
                             Cell(std::to_string(ic.same)), Cell(std::to_string(ic.down))});
        flow.table({{t.tr("Item"), 0}, {"n", 30, Align::Right}, {t.tr("Mean change"), 70, Align::Right},
                    {t.tr("Up"), 40, Align::Right}, {t.tr("Same"), 44, Align::Right}, {t.tr("Down"), 44, Align::Right}},
                   items, Style{7.5}, t.tr("Change per item, for the teams measured both times"), true);
        flow.paragraph(t.tr("n: teams with the item rated both times. Up, same and down count those teams."), Style::note());
    }
}

void CountyReport::common() {
    flow.heading(t.tr("Common strengths and development areas"), 1);
    auto line = [&](const std::string& id) {
        const auto s = std::find_if(a.items.begin(), a.items.end(), [&](const ItemStats& x) { return x.item_id == id; });
        return item_label(*a.scale, id) + " — " + format(t.tr("mean {1}"), {num(s->mean, 1)});
    };
    std::vector<std::string> strengths, areas;
    for (const auto& id : a.common_strengths) strengths.push_back(line(id));
    for (const auto& id : a.development_areas) areas.push_back(line(id));
    flow.heading(t.tr("Common strengths: the highest means across the teams"), 2);
    flow.bullets(strengths);
    flow.heading(t.tr("Development areas: the lowest means, candidates for joint training"), 2);
    flow.bullets(areas);
}

void CountyReport::figures() {
    flow.heading(t.tr("Team figures by gender"), 1);
    if (!a.teams_with_figures) {
        flow.paragraph(t.tr("No team has recorded figures for these rounds."));
        return;
    }
    auto share = [&](const Rate& r) {
        return r.share ? std::to_string(r.part) + " (" + percent(*r.share) + ")" : std::string("–");
    };
    auto count = [](const GenderCount& g) {
        auto v = [](const std::optional<int>& x) { return x ? std::to_string(*x) : std::string("–"); };
        return v(g.women) + " / " + v(g.men) + " / " + v(g.other);
    };
    std::vector<Row> rows;
    if (!national()) {
        for (const TeamLine& tl : a.teams) {
            if (!tl.figures) continue;
            Row r{Cell(tl.label), Cell(count(tl.figures->participants)), Cell(share(tl.rates.competitive_work.women)),
                  Cell(share(tl.rates.competitive_work.men)), Cell(share(tl.rates.competitive_work.all)),
                  Cell(share(tl.rates.studies.all))};
            if (!a.query.coded)
                r.push_back(Cell(tl.figures->period_from || tl.figures->period_to
                                     ? period_text(tl.figures->period_from, tl.figures->period_to)
                                     : "–"));
            rows.push_back(r);
        }
    }
    Row total{Cell(national() ? t.tr("All teams") : t.tr("The county")), Cell(count(a.participants)),
              Cell(share(a.rates.competitive_work.women)), Cell(share(a.rates.competitive_work.men)),
              Cell(share(a.rates.competitive_work.all)), Cell(share(a.rates.studies.all))};
    if (!a.query.coded) total.push_back(Cell(period_text(a.figures_from, a.figures_to)));
    for (Cell& c : total) c.weight = Weight::Bold;
    rows.push_back(total);
    std::vector<Column> cols{{a.query.coded ? t.tr("Code") : t.tr("Team"), 0},
                             {t.tr("Participants: women / men / other"), 84, Align::Right},
                             {t.tr("In work: women"), 66, Align::Right},
                             {t.tr("In work: men"), 66, Align::Right},
                             {t.tr("In work: all"), 66, Align::Right},
                             {t.tr("Studies: all"), 60, Align::Right}};
    if (!a.query.coded) cols.push_back({t.tr("Period"), 90});
    flow.table(cols, rows, Style{7.5}, t.tr("Team figures by gender"), true);
    flow.paragraph(format(t.tr("From {1} of {2} teams, each for the period its own figures cover. Shares are of the "
                               "participants of the same gender; the county's over the teams that give both counts."),
                          {std::to_string(a.teams_with_figures), std::to_string(a.teams.size())}),
                   Style::note());
}

void CountyReport::unmeasured() {
    if (a.unmeasured_teams == 0) return;
    flow.heading(t.tr("Teams without a completed round in the period"), 1);
    if (a.query.coded) {  // named, they would say who the others are
        flow.paragraph(format(t.trn("{1} team of the selection has no completed round in the period.",
                                    "{1} teams of the selection have no completed round in the period.",
                                    static_cast<unsigned long>(a.unmeasured_teams)),
                              {std::to_string(a.unmeasured_teams)}));
        return;
    }
    std::vector<Row> rows;
    for (const UnmeasuredTeam& u : a.unmeasured)
        rows.push_back({Cell(u.team.municipality_name + " – " + u.team.name), Cell(label_of(u.team.method, t)),
                        Cell(u.last_completed ? date(*u.last_completed) : t.tr("none"))});
    flow.table({{t.tr("Team"), 0}, {t.tr("Method"), 140}, {t.tr("Latest completed round"), 110}}, rows, Style::small(),
               t.tr("Teams without a completed round in the period"), true);
}

void CountyReport::county_rows() {
    const int d = a.scale->scoring.decimals;
    flow.heading(t.tr("Counties side by side"), 1);
    std::vector<Row> rows;
    for (const CountyRow& c : a.counties) {
        if (c.suppressed) {
            rows.push_back({Cell(c.county.name), Cell(std::to_string(c.measured) + " / " + std::to_string(c.expected)),
                            Cell(format(t.tr("fewer than {1} teams: not shown"), {std::to_string(a.query.min_teams)})),
                            Cell(""), Cell("")});
            continue;
        }
        rows.push_back({Cell(c.county.name), Cell(std::to_string(c.measured) + " / " + std::to_string(c.expected)),
                        Cell(c.complete ? num(c.median_total, d) : "–"),
                        Cell(c.complete ? num(c.min_total, d) + "–" + num(c.max_total, d) : "–"),
                        Cell(c.complete && a.good_band ? percent(c.share_good_or_better) : "–")});
    }
    flow.table({{t.tr("County"), 0}, {t.tr("Teams measured"), 70, Align::Right}, {t.tr("Median total"), 70, Align::Right},
                {t.tr("Range"), 70, Align::Centre},
                {a.good_band ? format(t.tr("{1} or better"), {a.good_band->label.get(lang)}) : t.tr("Good or better"), 90,
                 Align::Right}},
               rows, Style::small(), t.tr("Counties side by side"), true);
    flow.paragraph(t.tr("Teams measured: teams with a completed round in the period, of the teams of the selection in "
                        "the county. Median, range and share are of the complete totals."),
                   Style::note());
}

// Per county, its teams: summary pages first, the detail after, so the national view
// stays readable however many municipalities there are.
void CountyReport::county_details() {
    if (a.query.coded) {
        flow.new_page();
        flow.heading(t.tr("Teams by code"), 1);
        team_table(a.teams, false);
        return;
    }
    std::size_t done = 0;
    for (const CountyRow& c : a.counties) {
        progress(0.5 + 0.4 * double(++done) / double(std::max<std::size_t>(1, a.counties.size())));
        if (c.teams.empty()) continue;
        flow.new_page();
        flow.heading(c.county.name, 1);
        std::vector<TeamLine> teams;
        for (std::size_t i : c.teams) teams.push_back(a.teams[i]);
        flow.paragraph(format(t.tr("{1} of {2} teams measured · median {3}"),
                              {std::to_string(c.measured), std::to_string(c.expected),
                               c.complete ? num(c.median_total, a.scale->scoring.decimals) : "–"}),
                       Style::lead());
        team_table(teams, false);
    }
}

void CountyReport::reading_guide() {
    flow.heading(t.tr("How to read this report"), 1);
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
    if (a.query.coded) {
        notes[2] = t.tr("A self-assessment is not an external review: self-assessed totals tend to be higher. To keep "
                        "teams from being recognised, this edition gives neither dates nor review types per team.");
        notes.push_back(format(t.tr("Teams are shown by code. Codes are handed out at random, not by name or by "
                                    "total, and the report is published only when it covers at least {1} teams."),
                               {std::to_string(a.query.min_teams)}));
    }
    flow.bullets(notes);
}

void CountyReport::write_key(const std::string& path) {
    title(t.tr("CODE KEY · NOT FOR PUBLICATION"), place() + " · " + a.scale->display_name(lang),
          t.tr("Which team each code of the coded county comparison stands for. For the network leader only: keep it "
               "apart from the published report."));
    flow.paragraph(t.tr("Not for publication: this key names the teams behind the codes."), Style::warning(11));
    std::vector<Row> rows;
    for (const CodeKeyRow& k : code_key(a))
        rows.push_back({Cell(k.code), Cell(k.municipality), Cell(k.team), Cell(date(k.round_date)),
                        Cell(label_of(k.review_type, t))});
    flow.table({{t.tr("Code"), 40}, {t.tr("Municipality"), 100}, {t.tr("Team"), 0}, {t.tr("Round"), 62},
                {t.tr("Review type"), 90}},
               rows, Style::small(), t.tr("Code key"), true);
    flow.paragraph(format(t.tr("Seed {1}: with the same selection it hands out the same codes again."), {std::to_string(a.seed)}),
                   Style::note());
    finish(t.tr("NOT FOR PUBLICATION") + " · " + t.tr("Code key") + " · " + format(t.tr("Generated {1}"), {date(options.today)}),
           format(t.tr("Code key (not for publication): {1}"), {place()}), t.tr("Code key"), path);
}

void write_county_report(Store& store, const CountyQuery& query, const std::string& path, const ReportOptions& options,
                         const std::string& key_path) {
    // One analysis for the report and its key, so both hand out the same codes.
    CountyAnalysis a = analyse_county(store, query);
    if (!key_path.empty()) {
        if (try_format_of(key_path)) {
            CountyReport(store, a, options).write_key(key_path);
        } else {
            AtomicFile file(path_from_utf8(key_path));
            write_code_key_csv(a, file.stream(), ';', *load_translator(options.lang));
            file.commit();
        }
    }
    CountyReport(store, std::move(a), options).write(path);
}

}  // namespace fidelis::reports
