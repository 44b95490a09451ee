#pragma once
// The managers' overview: every team's improvement plan at a glance, with the actions that
// are past their due date or due soon. One analysis serves the window's overview page,
// `fidelis-cli plans` and the printable overview, so the three never disagree.
#include "base/progress.h"
#include "store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace fidelis::reports {

// Where an unfinished action stands against today.
enum class ActionState {
    Overdue,   // due date passed, not done
    Upcoming,  // due within the query's window (today included)
    Later,     // due after the window
    NoDate,    // no due date set
};
const char* code_of(ActionState s);  // "overdue", "upcoming", "later", "no-date"
std::string label_of(ActionState s, const Translator& t = translator());

struct OpenAction {
    PlanAction action;
    Round round;  // the round whose plan holds it
    ActionState state = ActionState::NoDate;
};

struct TeamPlanStatus {
    Team team;
    std::optional<Round> latest_completed;  // the team's newest completed round, any scale
    std::optional<Round> plan_round;        // the round of its newest plan with goals or actions
    int goals = 0;                           // in that plan
    int actions = 0;                         // in that plan
    int done = 0;                            // of those, done
    std::string manager;
    std::optional<Date> next_follow_up;
    // Unfinished actions of every plan of the team that no later plan continues, by due date
    // (undated last): an action left in an older plan still needs doing.
    std::vector<OpenAction> open;

    int count(ActionState s) const;
    // The newest completed round has no plan of its own yet.
    bool plan_missing() const;
};

struct PlansQuery {
    Date today = Date::today();
    int upcoming_days = 30;        // "due soon": within this many days from today
    std::optional<Id> team;        // one team only
    bool include_inactive = false;  // inactive teams are left out unless asked for
};

// Teams in the store's order (municipality, then name).
std::vector<TeamPlanStatus> plans_overview(Store& store, const PlansQuery& query, const Progress& progress = {});

}  // namespace fidelis::reports
