// The review cycle rule (review_cycle.h): due dates from each team's latest completed round.
#include "reports/review_cycle.h"

#include "base/i18n.h"
#include "scales/scoring.h"

#include <algorithm>
#include <set>

namespace fidelis::reports {

int review_interval_months(const Scale& scale, double total) {
    for (const Band& b : scale.scoring.bands)
        if (b.id == "good") return total < b.min ? review_months_below_good : review_months_good;
    return review_months_good;
}

Date next_review_due(const Scale& scale, double total, const Date& completed_on) {
    return completed_on.add_months(review_interval_months(scale, total));
}

Date plan_due(const Date& completed_on) { return completed_on.add_days(plan_due_days); }

ReviewState review_state(const Date& due, const Date& today) {
    if (due < today) return ReviewState::Overdue;
    if (due == today) return ReviewState::Due;
    return ReviewState::Upcoming;
}

const char* code_of(ReviewState state) {
    switch (state) {
    case ReviewState::Overdue: return "overdue";
    case ReviewState::Due: return "due";
    case ReviewState::Upcoming: return "upcoming";
    }
    return "upcoming";
}

std::string label_of(ReviewState state, const Translator& t) {
    switch (state) {
    case ReviewState::Overdue: return t.tr(N_("Overdue"));
    case ReviewState::Due: return t.tr(N_("Due today"));
    case ReviewState::Upcoming: return t.tr(N_("Upcoming"));
    }
    return {};
}

std::optional<Round> latest_completed(const std::vector<Round>& rounds, const std::string& scale_id) {
    const Round* best = nullptr;
    for (const Round& r : rounds) {
        if (r.status != RoundStatus::Completed || r.scale_id != scale_id) continue;
        if (!best || best->assessed_on < r.assessed_on || (best->assessed_on == r.assessed_on && best->id < r.id))
            best = &r;
    }
    if (!best) return std::nullopt;
    return *best;
}

std::vector<ReviewCycleEntry> review_cycle(Store& store, const ReviewCycleQuery& query) {
    std::vector<ReviewCycleEntry> out;
    std::optional<Date> last_due;
    if (query.within_days) last_due = query.today.add_days(*query.within_days);
    for (const Team& team : store.teams()) {  // Swedish order, which the stable sort below keeps
        if (!team.active) continue;
        const std::vector<Round> rounds = store.rounds_of_team(team.id);
        std::set<std::string> scale_ids;
        for (const Round& r : rounds)
            if (query.scale_id.empty() || r.scale_id == query.scale_id) scale_ids.insert(r.scale_id);
        for (const std::string& scale_id : scale_ids) {
            const std::optional<Round> latest = latest_completed(rounds, scale_id);
            if (!latest) continue;
            const ScalePtr scale = store.scale_of(*latest);
            const Score s = score(*scale, store.result_ratings(latest->id));
            ReviewCycleEntry e;
            e.team = team;
            e.scale_id = scale_id;
            e.round = *latest;
            e.total = s.total;
            e.total_complete = s.complete();
            e.total_decimals = scale->scoring.decimals;
            e.interval_months = review_interval_months(*scale, s.total);
            e.review_due = latest->assessed_on.add_months(e.interval_months);
            if (last_due && *last_due < e.review_due) continue;
            e.state = review_state(e.review_due, query.today);
            e.plan_due = plan_due(latest->assessed_on);
            const ImprovementPlan plan = store.plan(latest->id);
            e.plan_made = !plan.goals.empty() || !plan.actions.empty();
            out.push_back(std::move(e));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ReviewCycleEntry& a, const ReviewCycleEntry& b) {
        return a.review_due < b.review_due;
    });
    return out;
}

}  // namespace fidelis::reports
