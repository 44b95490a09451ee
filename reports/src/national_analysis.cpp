// The national comparison (county_code "all"): one row per county with its teams
// measured, median total, range and share at good or better, and the teams under their
// county. Built from the lines already analysed, in one pass, whatever the country's size.
#include "county_internal.h"

namespace fidelis::reports::detail {

void county_rows(Store& store, const std::vector<Team>& expected, CountyAnalysis& c) {
    std::map<std::string, std::string> county_of;  // municipality code -> county code
    for (const Municipality& m : store.municipalities("")) county_of[m.code] = m.county_code;
    std::map<std::string, std::size_t> row_of;
    std::vector<CountyRow> rows;
    for (const County& k : store.counties()) {
        row_of[k.code] = rows.size();
        rows.emplace_back();
        rows.back().county = k;
    }
    auto row = [&](const Team& t) -> CountyRow* {
        const auto county = county_of.find(t.municipality_code);
        if (county == county_of.end()) return nullptr;
        const auto r = row_of.find(county->second);
        return r == row_of.end() ? nullptr : &rows[r->second];
    };
    for (const Team& t : expected)
        if (CountyRow* r = row(t)) ++r->expected;
    std::vector<std::vector<const TeamLine*>> lines(rows.size());
    for (std::size_t i = 0; i < c.teams.size(); ++i) {
        CountyRow* r = row(c.teams[i].team);
        if (!r) continue;
        ++r->measured;
        lines[std::size_t(r - rows.data())].push_back(&c.teams[i]);
        // A coded report does not say which county a code belongs to: in a county with one
        // or two teams that would name them.
        if (!c.query.coded) r->teams.push_back(i);
    }
    for (std::size_t k = 0; k < rows.size(); ++k) {
        CountyRow& r = rows[k];
        if (c.query.coded && r.measured < c.query.min_teams) {
            r.suppressed = true;
            continue;
        }
        const Totals t = totals_of(lines[k], c.good_band);
        r.complete = t.complete;
        r.median_total = t.median;
        r.min_total = t.min;
        r.max_total = t.max;
        r.good_or_better = t.good_or_better;
        r.share_good_or_better = t.share_good_or_better;
    }
    for (CountyRow& r : rows)
        if (r.expected || r.measured) c.counties.push_back(std::move(r));
}

}  // namespace fidelis::reports::detail
