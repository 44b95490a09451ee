#pragma once
// What the parts of the county analysis share (county_analysis.cpp, county_change.cpp,
// national_analysis.cpp, coded_edition.cpp); not part of the library's interface.
#include "reports/analysis.h"

#include <vector>

namespace fidelis::reports::detail {

// Median, range and "good or better" over the complete totals of some teams: the same
// figures for the county as a whole and for each county of a national comparison.
struct Totals {
    int complete = 0;
    double median = 0;
    double min = 0;
    double max = 0;
    int good_or_better = 0;
    double share_good_or_better = 0;
};
Totals totals_of(const std::vector<const TeamLine*>& lines, const Band* good);

// Each team's line compared with an earlier round, per the query (county_change.cpp):
// fills comparison, previous_from/to, TeamLine::compared and compared_definition_changes.
void compare_teams(Store& store, const ResultQuery& current, CountyAnalysis& c);
// The change summary, the per-item changes and the present renderer's paired lines, from
// TeamLine::compared, after the labels are final.
void summarise_change(CountyAnalysis& c);

// National comparison: one row per county (national_analysis.cpp). `expected` is the
// selection's teams (coverage).
void county_rows(Store& store, const std::vector<Team>& expected, CountyAnalysis& c);

// Coded edition (coded_edition.cpp).
// Throws Error when fewer than query.min_teams teams would be published.
void refuse_too_few(const CountyQuery& query, std::size_t teams);
// Codes by a seeded shuffle (CountyAnalysis::seed), teams in code order.
void assign_codes(CountyAnalysis& c);
// Last: everything that dates or types a coded line, or names an unmeasured team, removed
// from what a coded report may print (TeamLine's comment in analysis.h).
void hide_identifying(CountyAnalysis& c);

}  // namespace fidelis::reports::detail
