// The county comparison's "Fidelity and employment" section: each team's latest fidelity
// total against its latest quarter's employment rate, one point per team, with the numbers
// in a table. The coded edition labels the points with codes and gives no team's quarter.
#include "county_report.h"

#include "base/i18n.h"

namespace fidelis::reports {

void CountyReport::employment() {
    // The latest quarter that began by the end of the period (or by today).
    const Date until = a.query.to.value_or(options.today);
    const std::vector<charts::HeatColumn> labels = heat_columns();  // the same short labels as the heatmap
    std::vector<charts::TeamEmployment> points;
    for (std::size_t i = 0; i < a.teams.size(); ++i) {
        const TeamLine& tl = a.teams[i];
        const TeamOutcome* latest = nullptr;
        const std::vector<TeamOutcome> list = store.outcomes(tl.team.id);
        for (const TeamOutcome& o : list)
            if (o.quarter.first_day() <= until && o.employment_rate()) latest = &o;
        if (!latest) continue;
        points.push_back({labels[i].label, labels[i].name, tl.score.total, tl.score.complete(), *latest->employment_rate(),
                          a.query.coded ? std::string() : latest->quarter.text()});
    }
    if (points.empty()) return;
    flow.heading(t.tr("Fidelity and employment"), 1);
    // xgettext:no-c-format (a percent sign, not a placeholder)
    flow.paragraph(format(t.tr("Each team at its fidelity total and the employment rate of its latest quarter with "
                               "outcomes by {1}: the share of the people served who were in competitive work. Dashed "
                               "lines: the IPS Learning Community's benchmarks, 31 % minimum, 41 % average and 50 % "
                               "excellent. {2} of {3} teams have recorded outcomes."),
                          {a.query.coded ? until.iso_month() : date(until), std::to_string(points.size()),
                           std::to_string(a.teams.size())}),
                   Style::note());
    const charts::ChartPtr chart = charts::fidelity_and_employment(*a.scale, points, t);
    flow.chart(chart);
    const block::Table numbers = chart->numbers();
    std::vector<Column> columns = numbers.columns;
    if (a.query.coded) columns.front().title = t.tr("Code");
    flow.table(columns, numbers.rows, Style::small(), numbers.caption, true);
}

}  // namespace fidelis::reports
