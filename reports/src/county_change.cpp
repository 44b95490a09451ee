// The county report's change: each team's latest round against an earlier one (by
// default its own previous completed round of the scale; or its latest round in the period
// just before, or in a chosen period), per team and per item, and the county's mean change.
#include "county_internal.h"

#include "base/i18n.h"

#include <set>
#include <utility>

namespace fidelis::reports::detail {
namespace {

// 2024-01-01–2025-12-31 is preceded by 2022-01-01–2023-12-31, leap days or not; other
// periods by the same number of days.
std::pair<Date, Date> period_before(const Date& from, const Date& to) {
    const Date end = from.add_days(-1);
    const bool whole_months = from.day == 1 && to.add_days(1).day == 1;
    if (whole_months) {
        const int months = (to.year * 12 + to.month) - (from.year * 12 + from.month) + 1;
        return {from.add_months(-months), end};
    }
    return {from.add_days(-(to.days() - from.days() + 1)), end};
}

}  // namespace

void compare_teams(Store& store, const ResultQuery& current, CountyAnalysis& c) {
    const CountyQuery& q = c.query;
    Comparison mode = q.compare_previous ? q.comparison : Comparison::None;
    if (mode == Comparison::PreviousPeriod && !(q.from && q.to)) mode = Comparison::None;
    c.comparison = mode;
    if (mode == Comparison::None) return;

    std::vector<TeamResult> earlier;
    if (mode == Comparison::PreviousRound) {
        earlier = store.previous_results(current);
    } else {
        if (mode == Comparison::PreviousPeriod) {
            const auto [from, to] = period_before(*q.from, *q.to);
            c.previous_from = from;
            c.previous_to = to;
        } else {
            c.previous_from = q.compare_from;
            c.previous_to = q.compare_to;
        }
        ResultQuery before = current;
        before.from = c.previous_from;
        before.to = c.previous_to;
        earlier = store.latest_results(before);
    }
    std::map<Id, TeamResult*> by_team;
    for (TeamResult& r : earlier) by_team[r.team.id] = &r;

    // Totals compared as they are shown, so that before, now and change in a table agree.
    const int d = c.scale->scoring.decimals;
    std::vector<std::pair<Round, Round>> crossings;  // earlier, latest: where the definition changed
    for (TeamLine& t : c.teams) {
        const auto e = by_team.find(t.team.id);
        // A chosen period that overlaps the report's may hold the same round: nothing to compare.
        if (e == by_team.end() || e->second->round.id == t.round.id) continue;
        const TeamResult& then = *e->second;
        TeamComparison tc;
        tc.round_id = then.round.id;
        tc.date = then.round.assessed_on;
        tc.score = score(*store.scale_of(then.round), then.result);
        tc.levels = levels_of(then.result);
        if (t.score.complete() && tc.score.complete())
            tc.change = round_half_up(t.score.total, d) - round_half_up(tc.score.total, d);
        for (const auto& [item, level] : t.levels)
            if (const auto l = tc.levels.find(item); l != tc.levels.end()) tc.item_changes[item] = level - l->second;
        tc.definition_changed = then.round.scale_hash != t.round.scale_hash;
        if (tc.definition_changed) crossings.emplace_back(then.round, t.round);
        t.compared = std::move(tc);
    }
    // Once per pair of definitions, dated by the first team to cross it.
    std::stable_sort(crossings.begin(), crossings.end(),
                     [](const auto& a, const auto& b) { return a.second.assessed_on < b.second.assessed_on; });
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& [then, now] : crossings) {
        if (!seen.emplace(then.scale_hash, now.scale_hash).second) continue;
        for (DefinitionChange& dc : definition_changes(store, {then, now}))
            c.compared_definition_changes.push_back(std::move(dc));
    }
}

void summarise_change(CountyAnalysis& c) {
    ChangeSummary& s = c.change;
    double sum = 0;
    for (const TeamLine& t : c.teams) {
        if (!t.compared) {
            ++s.not_compared;
            continue;
        }
        if (!t.compared->change) continue;
        const double x = *t.compared->change;
        ++s.teams;
        sum += x;
        (x > 0 ? s.up : x < 0 ? s.down : s.same) += 1;
        c.paired.push_back(PairedChange{t.label, t.compared->score.total, t.score.total, *t.compared->date,
                                        t.round.assessed_on});
    }
    if (s.teams) s.mean = round_half_up(sum / s.teams, change_decimals);
    c.mean_paired_change = s.mean;
    for (const Item& item : c.scale->items) {
        ItemChange ic;
        ic.item_id = item.id;
        double total = 0;
        for (const TeamLine& t : c.teams) {
            if (!t.compared) continue;
            const auto x = t.compared->item_changes.find(item.id);
            if (x == t.compared->item_changes.end()) continue;
            ++ic.n;
            total += x->second;
            (x->second > 0 ? ic.up : x->second < 0 ? ic.down : ic.same) += 1;
        }
        if (!ic.n) continue;
        ic.mean = round_half_up(total / ic.n, change_decimals);
        s.items.push_back(ic);
    }
}

}  // namespace fidelis::reports::detail
