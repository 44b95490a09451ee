// The managers' overview of every team's plan: which plan is current, what is done, and
// which unfinished actions are overdue or due soon.
#include "reports/plans_overview.h"

#include "base/i18n.h"

#include <algorithm>
#include <set>

namespace fidelis::reports {

const char* code_of(ActionState s) {
    switch (s) {
        case ActionState::Overdue: return "overdue";
        case ActionState::Upcoming: return "upcoming";
        case ActionState::Later: return "later";
        case ActionState::NoDate: return "no-date";
    }
    return "";
}

std::string label_of(ActionState s, const Translator& t) {
    switch (s) {
        case ActionState::Overdue: return t.tr(N_("Overdue"));
        case ActionState::Upcoming: return t.tr(N_("Due soon"));
        case ActionState::Later: return t.tr(N_("Later"));
        case ActionState::NoDate: return t.tr(N_("No due date"));
    }
    return {};
}

int TeamPlanStatus::count(ActionState s) const {
    return static_cast<int>(std::count_if(open.begin(), open.end(), [s](const OpenAction& a) { return a.state == s; }));
}

bool TeamPlanStatus::plan_missing() const {
    return latest_completed && (!plan_round || plan_round->id != latest_completed->id);
}

namespace {

ActionState state_of(const PlanAction& a, const PlansQuery& q) {
    if (!a.due) return ActionState::NoDate;
    if (*a.due < q.today) return ActionState::Overdue;
    if (*a.due <= q.today.add_days(q.upcoming_days)) return ActionState::Upcoming;
    return ActionState::Later;
}

TeamPlanStatus status_of(Store& store, const Team& team, const PlansQuery& q) {
    TeamPlanStatus s;
    s.team = team;
    std::vector<std::pair<Round, ImprovementPlan>> plans;
    for (const Round& r : store.rounds_of_team(team.id)) {  // oldest first
        if (r.status == RoundStatus::Completed) s.latest_completed = r;
        ImprovementPlan p = store.plan(r.id);
        if (p.goals.empty() && p.actions.empty()) continue;
        plans.emplace_back(r, std::move(p));
    }
    std::set<std::string> continued;
    for (const auto& [r, p] : plans)
        for (const PlanAction& a : p.actions)
            if (!a.carried_from.empty()) continued.insert(a.carried_from);
    for (const auto& [r, p] : plans)
        for (const PlanAction& a : p.actions)
            if (a.unfinished() && !continued.count(a.uuid)) s.open.push_back({a, r, state_of(a, q)});
    std::stable_sort(s.open.begin(), s.open.end(), [](const OpenAction& a, const OpenAction& b) {
        if (a.action.due.has_value() != b.action.due.has_value()) return a.action.due.has_value();
        return a.action.due && *a.action.due < *b.action.due;
    });
    if (!plans.empty()) {
        const auto& [r, p] = plans.back();
        s.plan_round = r;
        s.goals = static_cast<int>(p.goals.size());
        s.actions = static_cast<int>(p.actions.size());
        s.done = static_cast<int>(std::count_if(p.actions.begin(), p.actions.end(),
                                                [](const PlanAction& a) { return a.status == ActionStatus::Done; }));
        s.manager = p.manager;
        s.next_follow_up = p.next_follow_up;
    }
    return s;
}

}  // namespace

std::vector<TeamPlanStatus> plans_overview(Store& store, const PlansQuery& query, const Progress& progress) {
    std::vector<Team> teams;
    for (const Team& t : store.teams())
        if ((!query.team || t.id == *query.team) && (t.active || query.include_inactive || query.team)) teams.push_back(t);
    std::vector<TeamPlanStatus> out;
    out.reserve(teams.size());
    for (std::size_t i = 0; i < teams.size(); ++i) {
        report_progress(progress, double(i) / double(teams.size()));
        out.push_back(status_of(store, teams[i], query));
    }
    return out;
}

}  // namespace fidelis::reports
