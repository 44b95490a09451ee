// Round and trend analysis.
#include "reports/analysis.h"
#include "base/i18n.h"

#include "scales/scale_diff.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace fidelis::reports {

int stuck_threshold(const Scale& scale) { return scale.max_level() - 2; }

std::map<std::string, int> levels_of(const std::map<std::string, ItemRating>& result) {
    std::map<std::string, int> out;
    for (const auto& [id, r] : result)
        if (r.rated()) out[id] = *r.level;
    return out;
}

namespace {

std::size_t position_of(const Scale& scale, const std::string& id) {
    for (std::size_t i = 0; i < scale.items.size(); ++i)
        if (scale.items[i].id == id) return i;
    return scale.items.size();
}

std::vector<std::string> ranked(const Scale& scale, const std::map<std::string, int>& levels, std::size_t n,
                                bool highest) {
    std::vector<std::string> ids;
    for (const Item& item : scale.items) {
        const auto it = levels.find(item.id);
        if (it == levels.end()) continue;
        // A top-level item needs no improvement; a bottom-level one is no strength.
        if (!highest && it->second >= scale.max_level()) continue;
        if (highest && it->second <= scale.min_level()) continue;
        ids.push_back(item.id);
    }
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        const int la = levels.at(a), lb = levels.at(b);
        if (la != lb) return highest ? la > lb : la < lb;
        const int wa = scale.item(a)->weight, wb = scale.item(b)->weight;
        if (wa != wb) return wa > wb;
        return position_of(scale, a) < position_of(scale, b);
    });
    if (ids.size() > n) ids.resize(n);
    return ids;
}

}  // namespace

std::vector<std::string> strengths_of(const Scale& scale, const std::map<std::string, int>& levels, std::size_t n) {
    return ranked(scale, levels, n, true);
}

std::vector<std::string> priorities_of(const Scale& scale, const std::map<std::string, int>& levels, std::size_t n) {
    return ranked(scale, levels, n, false);
}

std::optional<double> RoundAnalysis::change() const {
    if (!previous_score || !score.complete() || !previous_score->complete()) return std::nullopt;
    // From the totals as shown (the scale's decimals), so "2.8 → 2.8" never reads "+0.1".
    const int d = scale ? scale->scoring.decimals : 0;
    return round_half_up(score.total, d) - round_half_up(previous_score->total, d);
}

RoundAnalysis analyse_round(Store& store, Id round_id) {
    RoundAnalysis a;
    a.round = store.round(round_id);
    a.team = store.team(a.round.team_id);
    a.scale = store.scale_of(a.round);
    const auto result = store.result_ratings(round_id);
    a.score = score(*a.scale, result);
    const auto levels = levels_of(result);

    // Earlier rounds of the same scale, newest first, for the previous round and streaks.
    std::vector<std::map<std::string, int>> history;
    for (const Round& r : store.rounds_of_team(a.round.team_id)) {
        if (r.scale_id != a.round.scale_id || r.id == round_id) continue;
        if (r.assessed_on > a.round.assessed_on || (r.assessed_on == a.round.assessed_on && r.id > round_id)) continue;
        history.insert(history.begin(), levels_of(store.result_ratings(r.id)));
        if (!a.previous || r.assessed_on >= a.previous->assessed_on) a.previous = r;
    }
    if (a.previous) a.previous_score = score(*store.scale_of(*a.previous), store.result_ratings(a.previous->id));

    const int threshold = stuck_threshold(*a.scale);
    for (const Item& item : a.scale->items) {
        ItemResult ir;
        ir.item_id = item.id;
        if (const auto it = result.find(item.id); it != result.end()) {
            ir.cannot_rate = it->second.cannot_rate;
            if (it->second.rated()) ir.level = it->second.level;
        }
        if (!history.empty())
            if (const auto p = history.front().find(item.id); p != history.front().end()) ir.previous = p->second;
        if (ir.level && *ir.level <= threshold) {
            ir.stuck_rounds = 1;
            for (const auto& h : history) {
                const auto p = h.find(item.id);
                if (p == h.end() || p->second > threshold) break;
                ++ir.stuck_rounds;
            }
        }
        if (ir.stuck_rounds >= 2) a.stuck.push_back(item.id);
        a.items.push_back(ir);
    }
    a.strengths = strengths_of(*a.scale, levels);
    a.priorities = priorities_of(*a.scale, levels);
    // With few items rated the two lists would overlap; an item is a strength or a priority, never both.
    a.priorities.erase(std::remove_if(a.priorities.begin(), a.priorities.end(),
                                      [&](const std::string& id) {
                                          return std::find(a.strengths.begin(), a.strengths.end(), id) != a.strengths.end();
                                      }),
                       a.priorities.end());
    return a;
}

std::vector<DefinitionChange> definition_changes(Store& store, const std::vector<Round>& rounds) {
    std::vector<DefinitionChange> out;
    std::set<std::string> seen;
    for (std::size_t i = 1; i < rounds.size(); ++i) {
        const Round& a = rounds[i - 1];
        const Round& b = rounds[i];
        if (a.scale_hash == b.scale_hash || !seen.insert(a.scale_hash + b.scale_hash).second) continue;
        DefinitionChange c;
        c.first_round = b.assessed_on;
        c.older = store.scale_of(a);
        c.newer = store.scale_of(b);
        c.items = diff_scales(*c.older, *c.newer, "en").affected_items();
        c.revision = revision_since(*c.older, *c.newer);
        if (!c.revision) c.revision = revision_since(*c.newer, *c.older);  // back to an older definition
        out.push_back(std::move(c));
    }
    return out;
}

TrendAnalysis analyse_trend(Store& store, Id team_id, const std::string& scale_id) {
    TrendAnalysis t;
    t.team = store.team(team_id);
    std::vector<Round> rounds = store.rounds_of_team(team_id);
    std::string id = scale_id;
    if (id.empty() && !rounds.empty()) id = rounds.back().scale_id;
    rounds.erase(std::remove_if(rounds.begin(), rounds.end(), [&](const Round& r) { return r.scale_id != id; }),
                 rounds.end());
    if (rounds.empty()) return t;
    t.scale = store.scale_of(rounds.back());
    for (std::size_t i = 0; i < rounds.size(); ++i) {
        // Drafts are not results, except the latest round, which is marked as such.
        if (rounds[i].status != RoundStatus::Completed && i + 1 != rounds.size()) continue;
        const auto result = store.result_ratings(rounds[i].id);
        t.points.push_back(TrendPoint{rounds[i], score(*store.scale_of(rounds[i]), result), levels_of(result)});
    }
    {
        std::vector<Round> shown;
        for (const TrendPoint& p : t.points) shown.push_back(p.round);
        t.definition_changes = definition_changes(store, shown);
    }
    const int threshold = stuck_threshold(*t.scale);
    for (const Item& item : t.scale->items) {
        int streak = 0;
        for (auto it = t.points.rbegin(); it != t.points.rend(); ++it) {
            const auto l = it->levels.find(item.id);
            if (l == it->levels.end() || l->second > threshold) break;
            ++streak;
        }
        t.stuck_rounds[item.id] = streak;
        if (streak >= 2) t.stuck.push_back(item.id);
    }
    // Earlier plans' actions and how their items moved afterwards.
    for (std::size_t i = 0; i < t.points.size(); ++i) {
        const ImprovementPlan plan = store.plan(t.points[i].round.id);
        for (const PlanAction& a : plan.actions) {
            if (!a.carried_from.empty()) continue;  // shown once, where it started
            ActionOutcome o;
            o.action = a;
            o.plan_round = t.points[i].round;
            auto level_in = [&](const TrendPoint& p) -> std::optional<int> {
                const auto l = p.levels.find(a.item_id);
                return l == p.levels.end() ? std::nullopt : std::optional<int>(l->second);
            };
            o.level_then = level_in(t.points[i]);
            if (i + 1 < t.points.size()) o.level_next = level_in(t.points[i + 1]);
            o.level_latest = level_in(t.points.back());
            t.actions.push_back(o);
        }
    }
    return t;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::string code_label(std::size_t index) {
    std::string out;
    ++index;
    while (index > 0) {
        --index;
        out.insert(out.begin(), char('A' + index % 26));
        index /= 26;
    }
    return out;
}

}  // namespace fidelis::reports
