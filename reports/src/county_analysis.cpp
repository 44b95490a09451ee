// County comparison: one round per team, statistics per item, paired change.
#include "reports/analysis.h"

#include "base/collation.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace fidelis::reports {
namespace {

// The group each municipality belongs to, per the query's grouping.
std::map<std::string, std::string> groups_for(Store& store, const std::string& wanted, bool national,
                                              std::vector<std::string>& order) {
    std::map<std::string, std::string> by_municipality;
    if (wanted == "county" || (wanted.empty() && national)) {
        std::map<std::string, std::string> county_names;
        for (const County& c : store.counties()) {
            county_names[c.code] = c.name;
            order.push_back(c.name);
        }
        for (const Municipality& m : store.municipalities("")) by_municipality[m.code] = county_names[m.county_code];
        return by_municipality;
    }
    const std::vector<Grouping> all = store.groupings();
    std::string kind = wanted;
    if (kind.empty()) {
        kind = std::any_of(all.begin(), all.end(), [](const Grouping& g) { return g.kind == "county-part"; })
                   ? "county-part"
                   : "none";
    }
    if (kind == "none") return by_municipality;
    for (const Grouping& g : all) {
        if (g.kind != kind && g.name != kind) continue;
        order.push_back(g.name);
        for (const auto& code : g.members) by_municipality.emplace(code, g.name);
    }
    return by_municipality;
}

ItemStats stats_for(const std::string& item, const std::vector<int>& levels, const Scale& scale) {
    ItemStats s;
    s.item_id = item;
    s.n = static_cast<int>(levels.size());
    if (levels.empty()) return s;
    std::vector<double> v(levels.begin(), levels.end());
    s.mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    s.median = median(v);
    s.min = *std::min_element(levels.begin(), levels.end());
    s.max = *std::max_element(levels.begin(), levels.end());
    const int top = scale.max_level();
    for (int l : levels) {
        if (l >= top - 1) s.share_high += 1;
        else if (l == top - 2) s.share_mid += 1;
        else s.share_low += 1;
    }
    s.share_high /= s.n;
    s.share_mid /= s.n;
    s.share_low /= s.n;
    return s;
}

}  // namespace

CountyAnalysis analyse_county(Store& store, const CountyQuery& q) {
    CountyAnalysis c;
    c.query = q;
    c.county = store.home_county();
    const bool national = q.county_code == "all";
    const std::string county_code = national ? "" : q.county_code.empty() ? c.county.code : q.county_code;
    if (national) c.county = County{"all", ""};
    else if (!q.county_code.empty())
        for (const County& k : store.counties())
            if (k.code == q.county_code) c.county = k;

    ResultQuery rq;
    rq.scale_id = q.scale_id;
    rq.from = q.from;
    rq.to = q.to;
    rq.county_code = county_code;
    std::vector<TeamResult> results = store.latest_results(rq);
    if (!q.only_grouping.empty()) {
        std::vector<std::string> members;
        for (const Grouping& g : store.groupings())
            if (g.name == q.only_grouping) members = g.members;
        results.erase(std::remove_if(results.begin(), results.end(),
                                     [&](const TeamResult& r) {
                                         return std::find(members.begin(), members.end(), r.team.municipality_code) ==
                                                members.end();
                                     }),
                      results.end());
    }
    if (results.empty()) return c;
    c.scale = store.scale_of(results.back().round);

    const auto groups =
        q.coded ? std::map<std::string, std::string>{} : groups_for(store, q.grouping, national, c.groups);
    for (TeamResult& r : results) {
        TeamLine line;
        line.team = r.team;
        line.round = r.round;
        line.score = score(*store.scale_of(r.round), r.result);
        line.levels = levels_of(r.result);
        line.figures = r.figures;
        line.label = r.team.municipality_name + " – " + r.team.name;
        if (const auto g = groups.find(r.team.municipality_code); g != groups.end()) line.group = g->second;
        c.teams.push_back(std::move(line));
    }
    c.groups.erase(std::remove_if(c.groups.begin(), c.groups.end(),
                                  [&](const std::string& g) {
                                      return std::none_of(c.teams.begin(), c.teams.end(),
                                                          [&](const TeamLine& t) { return t.group == g; });
                                  }),
                   c.groups.end());
    if (!groups.empty() &&
        std::any_of(c.teams.begin(), c.teams.end(), [](const TeamLine& t) { return t.group.empty(); }))
        c.groups.push_back({});  // teams outside every group come last
    {
        // Teams compared on different definitions of the scale: one line per definition,
        // in the order the county first used them.
        std::vector<Round> rounds;
        for (const TeamLine& l : c.teams) rounds.push_back(l.round);
        std::stable_sort(rounds.begin(), rounds.end(),
                         [](const Round& a, const Round& b) { return a.assessed_on < b.assessed_on; });
        std::vector<Round> firsts;
        std::set<std::string> hashes;
        for (const Round& r : rounds)
            if (hashes.insert(r.scale_hash).second) firsts.push_back(r);
        c.definition_changes = definition_changes(store, firsts);
    }
    if (q.coded) {
        // Codes follow the results, so the order of codes says nothing a reader could
        // trace back to a municipality.
        std::stable_sort(c.teams.begin(), c.teams.end(),
                         [](const TeamLine& a, const TeamLine& b) { return a.score.total > b.score.total; });
        for (std::size_t i = 0; i < c.teams.size(); ++i) c.teams[i].label = code_label(i);
    } else if (!c.groups.empty()) {
        std::stable_sort(c.teams.begin(), c.teams.end(), [&](const TeamLine& a, const TeamLine& b) {
            const auto ga = std::find(c.groups.begin(), c.groups.end(), a.group) - c.groups.begin();
            const auto gb = std::find(c.groups.begin(), c.groups.end(), b.group) - c.groups.begin();
            return ga < gb;
        });
    }

    // Summary over complete totals: an incomplete round has no band and no comparable total.
    std::vector<double> totals;
    for (const TeamLine& t : c.teams)
        if (t.score.complete()) totals.push_back(t.score.total);
    c.complete_teams = static_cast<int>(totals.size());
    if (!totals.empty()) {
        c.median_total = median(totals);
        c.min_total = *std::min_element(totals.begin(), totals.end());
        c.max_total = *std::max_element(totals.begin(), totals.end());
    }
    const auto& bands = c.scale->scoring.bands;
    if (!bands.empty()) {
        // "Good or better": the two highest bands when there are three or more.
        c.good_band = &bands[bands.size() >= 3 ? bands.size() - 2 : bands.size() - 1];
        int good = 0;
        for (auto it = bands.rbegin(); it != bands.rend(); ++it) {
            BandCount bc{&*it, 0};
            for (const TeamLine& t : c.teams)
                if (t.score.band && t.score.band->id == it->id) ++bc.teams;
            if (it->min >= c.good_band->min) good += bc.teams;
            c.per_band.push_back(bc);
        }
        c.good_or_better = good;
        c.share_good_or_better = c.complete_teams ? double(good) / c.complete_teams : 0;
    }

    std::map<std::string, int> means_for_ranking;
    std::map<std::string, int> rounded;
    for (const Item& item : c.scale->items) {
        std::vector<int> levels;
        for (const TeamLine& t : c.teams)
            if (const auto l = t.levels.find(item.id); l != t.levels.end()) levels.push_back(l->second);
        ItemStats s = stats_for(item.id, levels, *c.scale);
        if (s.n) rounded[item.id] = int(std::lround(s.mean * 100));  // ranked by mean, two decimals
        c.items.push_back(s);
    }
    // Common strengths and development areas: ranked by mean over the teams, ties broken by
    // the items most tied to outcomes. The mean is compared in hundredths.
    std::vector<std::string> ids;
    for (const auto& [id, m] : rounded) ids.push_back(id);
    auto by_mean = [&](bool highest) {
        std::vector<std::string> v = ids;
        std::stable_sort(v.begin(), v.end(), [&](const std::string& a, const std::string& b) {
            if (rounded[a] != rounded[b]) return highest ? rounded[a] > rounded[b] : rounded[a] < rounded[b];
            return c.scale->item(a)->weight > c.scale->item(b)->weight;
        });
        if (v.size() > 3) v.resize(3);
        return v;
    };
    c.common_strengths = by_mean(true);
    c.development_areas = by_mean(false);

    for (const TeamLine& t : c.teams) {
        if (!t.figures) continue;
        ++c.teams_with_figures;
        auto add = [](GenderCount& sum, const GenderCount& x) {
            if (x.women) sum.women = sum.women.value_or(0) + *x.women;
            if (x.men) sum.men = sum.men.value_or(0) + *x.men;
            if (x.other) sum.other = sum.other.value_or(0) + *x.other;
        };
        add(c.participants, t.figures->participants);
        add(c.competitive_work, t.figures->competitive_work);
        add(c.studies, t.figures->studies);
    }

    // Paired change against the period just before, for teams measured in both.
    if (q.compare_previous && q.from && q.to) {
        c.previous_to = q.from->add_days(-1);
        const bool whole_months = q.from->day == 1 && q.to->add_days(1).day == 1;
        if (whole_months) {
            // 2024-01-01–2025-12-31 is preceded by 2022-01-01–2023-12-31, leap days or not.
            const int months = (q.to->year * 12 + q.to->month) - (q.from->year * 12 + q.from->month) + 1;
            c.previous_from = q.from->add_months(-months);
        } else {
            c.previous_from = q.from->add_days(-(q.to->days() - q.from->days() + 1));
        }
        ResultQuery before = rq;
        before.from = c.previous_from;
        before.to = c.previous_to;
        std::map<Id, TeamResult> earlier;
        for (TeamResult& r : store.latest_results(before)) earlier.emplace(r.team.id, std::move(r));
        double sum = 0;
        for (const TeamLine& t : c.teams) {
            const auto e = earlier.find(t.team.id);
            if (e == earlier.end() || !t.score.complete()) continue;
            const Score then = score(*store.scale_of(e->second.round), e->second.result);
            if (!then.complete()) continue;
            c.paired.push_back(PairedChange{t.label, then.total, t.score.total, e->second.round.assessed_on,
                                            t.round.assessed_on});
            sum += t.score.total - then.total;
        }
        if (!c.paired.empty()) c.mean_paired_change = sum / double(c.paired.size());
    }
    return c;
}

}  // namespace fidelis::reports
