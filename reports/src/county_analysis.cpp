// County comparison: one round per team, statistics per item, coverage, team figures
// and their rates. The change, the national rows and the coded edition have files of
// their own (county_change.cpp, national_analysis.cpp, coded_edition.cpp).
#include "county_internal.h"

#include "base/error.h"
#include "base/i18n.h"

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
    bool matched = false;
    for (const Grouping& g : all) {
        if (g.kind != kind && g.name != kind) continue;
        matched = true;
        order.push_back(g.name);
        for (const auto& code : g.members) by_municipality.emplace(code, g.name);
    }
    // A kind may have no groupings yet; a name must be one, or a typo would silently
    // give a report with no groups.
    if (!matched && !is_grouping_kind(kind))
        throw Error(format(tr(N_("There is no grouping named \"{1}\".")), {kind}));
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

// The selection's teams and which of them have no completed round in the period: the
// active teams of the scope, of the query's method or, without one, of every method whose
// teams use this scale; a team measured in the period always belongs to it.
std::vector<Team> cover(Store& store, const CountyQuery& q, const ResultQuery& rq,
                        const std::set<std::string>* members, const std::vector<TeamResult>& results,
                        CountyAnalysis& c) {
    std::set<std::string> in_county;
    if (!rq.county_code.empty())
        for (const Municipality& m : store.municipalities(rq.county_code)) in_county.insert(m.code);
    const std::vector<Team> all = store.teams();
    std::map<Id, const Team*> by_id;
    for (const Team& t : all) by_id[t.id] = &t;
    std::map<Id, std::optional<Date>> last_completed;
    std::set<Method> methods;
    if (q.method) methods.insert(*q.method);
    for (const ScaleUse& u : store.scale_use(rq)) {
        last_completed[u.team_id] = u.last_completed;
        if (!q.method)
            if (const auto t = by_id.find(u.team_id); t != by_id.end()) methods.insert(t->second->method);
    }
    std::set<Id> measured;
    for (const TeamResult& r : results) measured.insert(r.team.id);
    std::vector<Team> expected;
    for (const Team& t : all) {
        const bool in_scope = (rq.county_code.empty() || in_county.count(t.municipality_code)) &&
                              (!members || members->count(t.municipality_code));
        if (!in_scope) continue;
        if (!measured.count(t.id) && !(t.active && methods.count(t.method))) continue;
        expected.push_back(t);
        if (measured.count(t.id)) continue;
        ++c.unmeasured_teams;
        const auto l = last_completed.find(t.id);
        c.unmeasured.push_back(UnmeasuredTeam{t, l == last_completed.end() ? std::nullopt : l->second});
    }
    c.expected_teams = static_cast<int>(expected.size());
    return expected;
}

void add_figures(CountyAnalysis& c) {
    // The county's rates per gender: summed over the teams that give both counts for that
    // gender, so a team without participants does not lower anyone's rate.
    struct Sum {
        int part = 0, whole = 0;
        bool any = false;
        void add(const Rate& r) {
            if (!r.share) return;
            part += r.part;
            whole += r.whole;
            any = true;
        }
        Rate rate() const { return any ? reports::rate(part, whole) : Rate{}; }
    };
    Sum work[4], study[4];
    for (TeamLine& t : c.teams) {
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
        const GenderRates* g[] = {&t.rates.competitive_work, &t.rates.studies};
        Sum* sums[] = {work, study};
        for (int k = 0; k < 2; ++k) {
            sums[k][0].add(g[k]->women);
            sums[k][1].add(g[k]->men);
            sums[k][2].add(g[k]->other);
            sums[k][3].add(g[k]->all);
        }
        if (t.figures->period_from && (!c.figures_from || *t.figures->period_from < *c.figures_from))
            c.figures_from = t.figures->period_from;
        if (t.figures->period_to && (!c.figures_to || *t.figures->period_to > *c.figures_to))
            c.figures_to = t.figures->period_to;
    }
    GenderRates* out[] = {&c.rates.competitive_work, &c.rates.studies};
    Sum* sums[] = {work, study};
    for (int k = 0; k < 2; ++k) {
        out[k]->women = sums[k][0].rate();
        out[k]->men = sums[k][1].rate();
        out[k]->other = sums[k][2].rate();
        out[k]->all = sums[k][3].rate();
    }
}

}  // namespace

std::optional<double> rate_of(std::optional<int> part, std::optional<int> whole) {
    if (!part || !whole || *whole <= 0) return std::nullopt;
    return double(*part) / double(*whole);
}

Rate rate(std::optional<int> part, std::optional<int> whole) {
    Rate r;
    r.share = rate_of(part, whole);
    if (r.share) {
        r.part = *part;
        r.whole = *whole;
    }
    return r;
}

FigureRates rates_of(const TeamFigures& f) {
    auto total = [](const GenderCount& g) { return g.empty() ? std::nullopt : std::optional<int>(g.total()); };
    auto rates = [&](const GenderCount& part) {
        const GenderCount& whole = f.participants;
        return GenderRates{rate(part.women, whole.women), rate(part.men, whole.men), rate(part.other, whole.other),
                           rate(total(part), total(whole))};
    };
    return FigureRates{rates(f.competitive_work), rates(f.studies)};
}

const Band* good_band_of(const Scale& scale) {
    const auto& bands = scale.scoring.bands;
    if (bands.empty()) return nullptr;
    for (const Band& b : bands)
        if (b.id == "good") return &b;
    // Bands run from the lowest: "good or better" is the two highest when there are three or more.
    return &bands[bands.size() >= 3 ? bands.size() - 2 : bands.size() - 1];
}

namespace detail {

Totals totals_of(const std::vector<const TeamLine*>& lines, const Band* good) {
    // Over complete totals: an incomplete round has no band and no comparable total.
    Totals out;
    std::vector<double> totals;
    for (const TeamLine* t : lines) {
        if (!t->score.complete()) continue;
        totals.push_back(t->score.total);
        if (good && t->score.band && t->score.band->min >= good->min) ++out.good_or_better;
    }
    out.complete = static_cast<int>(totals.size());
    if (totals.empty()) return out;
    out.median = median(totals);
    out.min = *std::min_element(totals.begin(), totals.end());
    out.max = *std::max_element(totals.begin(), totals.end());
    out.share_good_or_better = double(out.good_or_better) / out.complete;
    return out;
}

}  // namespace detail

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
    c.scope = national ? Scope::Country : Scope::County;
    c.scope_name = c.county.name;
    c.period_from = q.from;
    c.period_to = q.to;

    ResultQuery rq;
    rq.scale_id = q.scale_id;
    rq.from = q.from;
    rq.to = q.to;
    rq.county_code = county_code;
    std::vector<TeamResult> results = store.latest_results(rq);
    std::optional<std::set<std::string>> members;
    if (!q.only_grouping.empty()) {
        for (const Grouping& g : store.groupings())
            if (g.name == q.only_grouping) members.emplace(g.members.begin(), g.members.end());
        if (!members) throw Error(format(tr(N_("There is no grouping named \"{1}\".")), {q.only_grouping}));
        c.scope = Scope::Grouping;
        c.scope_name = q.only_grouping;
    }
    results.erase(std::remove_if(results.begin(), results.end(),
                                 [&](const TeamResult& r) {
                                     return (members && !members->count(r.team.municipality_code)) ||
                                            (q.method && r.team.method != *q.method);
                                 }),
                  results.end());
    const std::vector<Team> expected = cover(store, q, rq, members ? &*members : nullptr, results, c);
    if (q.coded) detail::refuse_too_few(q, results.size());
    if (results.empty()) {
        if (q.coded) detail::hide_identifying(c);
        return c;
    }
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
        if (line.figures) line.rates = rates_of(*line.figures);
        line.date = r.round.assessed_on;
        line.review_type = r.round.review_type;
        line.label = r.team.municipality_name + " – " + r.team.name;
        if (const auto g = groups.find(r.team.municipality_code); g != groups.end()) line.group = g->second;
        if (!q.from && (!c.period_from || r.round.assessed_on < *c.period_from)) c.period_from = r.round.assessed_on;
        if (!q.to && (!c.period_to || r.round.assessed_on > *c.period_to)) c.period_to = r.round.assessed_on;
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
    detail::compare_teams(store, rq, c);
    if (q.coded) {
        detail::assign_codes(c);
    } else if (!c.groups.empty()) {
        std::stable_sort(c.teams.begin(), c.teams.end(), [&](const TeamLine& a, const TeamLine& b) {
            const auto ga = std::find(c.groups.begin(), c.groups.end(), a.group) - c.groups.begin();
            const auto gb = std::find(c.groups.begin(), c.groups.end(), b.group) - c.groups.begin();
            return ga < gb;
        });
    }

    c.good_band = good_band_of(*c.scale);
    std::vector<const TeamLine*> lines;
    for (const TeamLine& t : c.teams) lines.push_back(&t);
    const detail::Totals totals = detail::totals_of(lines, c.good_band);
    c.complete_teams = totals.complete;
    c.median_total = totals.median;
    c.min_total = totals.min;
    c.max_total = totals.max;
    c.good_or_better = totals.good_or_better;
    c.share_good_or_better = totals.share_good_or_better;
    const auto& bands = c.scale->scoring.bands;
    for (auto it = bands.rbegin(); it != bands.rend(); ++it) {
        BandCount bc{&*it, 0};
        for (const TeamLine& t : c.teams)
            if (t.score.band && t.score.band->id == it->id) ++bc.teams;
        c.per_band.push_back(bc);
    }

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

    add_figures(c);
    detail::summarise_change(c);
    if (national) detail::county_rows(store, expected, c);
    if (q.coded) detail::hide_identifying(c);
    return c;
}

}  // namespace fidelis::reports
