#pragma once
// The reports' charts, as Chart objects (chart.h) built from analysis results. Every chart
// prints its numbers; colours follow the scale's fixed levels and band thresholds, never a
// ranking, and always come with text. Axes start at the scale's minimum and say so.
#include "reports/analysis.h"
#include "reports/chart.h"
#include "store/outcomes.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fidelis::reports::charts {

using ChartPtr = std::shared_ptr<const Chart>;

// The possible total as a bar of band zones, with this round's total and the previous
// one. An incomplete total is marked as such and never drawn inside a band zone.
ChartPtr band_gauge(const Scale& scale, const Score& score, std::optional<double> previous, const Translator& t);

struct Bar {
    std::string label;
    std::string group;
    double value = 0;
    bool complete = true;
    const Band* band = nullptr;
};
// Horizontal bars of totals on a labelled axis from the scale's minimum, dashed lines at
// the band edges, grouped under headings. Incomplete totals are outlined, not banded.
ChartPtr total_bars(const Scale& scale, const std::vector<Bar>& bars, const Translator& t);

// One row per item: a filled dot at this round's level, a ring at the previous one.
ChartPtr dot_profile(const Scale& scale, const std::vector<ItemResult>& items, const Translator& t);

// Totals over time against the shaded band zones, on a time-proportional axis, one marker
// shape per review type (with a legend), drafts and incomplete totals drawn hollow and
// labelled; a line joins only rounds of the same review type. `span` widens the time axis
// (to the quarters of an employment chart drawn under it).
ChartPtr trend_chart(const Scale& scale, const std::vector<TrendPoint>& points, const Translator& t,
                     double height = 190, std::optional<std::pair<Date, Date>> span = std::nullopt);

// One quarter of a team's outcomes: the employment rate (working among served, %) for
// all, women and men, and the fidelity total of the team's latest round by the quarter's end.
struct EmploymentPoint {
    Quarter quarter;
    int served = 0;
    int working = 0;
    std::optional<double> all, women, men;
    std::optional<double> fidelity;
    bool fidelity_complete = true;
};
// The employment rate by quarter, all and women and men apart (each its own line style
// and marker), against the benchmark lines 31 % (minimum), 41 % (average) and 50 %
// (excellent), on the time axis `span` that the trend chart above it uses.
ChartPtr employment_trend(const Scale& scale, const std::vector<EmploymentPoint>& quarters,
                          std::pair<Date, Date> span, const Translator& t);

struct TeamEmployment {
    std::string label;  // short: a code, or a team's short name
    std::string name;   // in full, for the table
    double total = 0;   // the latest fidelity total
    bool complete = true;
    double rate = 0;    // the latest quarter's employment rate, %
    std::string quarter;  // which quarter; empty in the coded edition
};
// One point per team: fidelity total across, the latest employment rate up, with the
// benchmark lines, each point labelled.
ChartPtr fidelity_and_employment(const Scale& scale, const std::vector<TeamEmployment>& teams, const Translator& t);

struct HeatColumn {
    std::string label;  // short and distinct: a code, or a team's short name
    std::string name;   // in full, for the key and the text alternative
    std::string group;  // columns of one group stand together, with a separator between groups
    std::map<std::string, int> levels;
};
// Items down, teams across, the level printed in each cell. Columns are labelled with
// their distinct short labels, and a key below gives each in full. Wide grids continue in
// further blocks with the item column repeated.
ChartPtr heatmap(const Scale& scale, const std::vector<HeatColumn>& columns, const Translator& t);

// The level colours with their numbers and labels, wrapping onto more lines as needed.
ChartPtr level_legend(const Scale& scale, const Translator& t);

}  // namespace fidelis::reports::charts
