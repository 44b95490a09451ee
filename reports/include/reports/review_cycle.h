#pragma once
// The review cycle: when each team's next fidelity review and its improvement plan are due,
// in one place for the command line (`reviews due`) and the window's county view.
//
// The rule, per team and scale: a team is in the cycle once it has a completed round of
// the scale, and only while the team is active. Its clock runs from its latest completed
// round (by assessment date; drafts and rounds under consensus never reset it):
//   - the next review is due 6 calendar months later when that round's total is below
//     the scale's "good" band (the band with id "good": 100 for IPS-25), 12 months
//     otherwise, and 12 months for a scale without such a band;
//   - the plan is due 6 weeks (42 days) after that round, and counts as made once it has
//     at least one goal or action.
// Calendar months keep the day of the month where it exists and otherwise take the
// month's last day: 2025-08-31 + 6 months = 2026-02-28.
#include "scales/scale.h"
#include "store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace fidelis::reports {

inline constexpr int review_months_below_good = 6;
inline constexpr int review_months_good = 12;
inline constexpr int plan_due_days = 42;

// The months until the next review after a completed round with this total.
int review_interval_months(const Scale& scale, double total);
Date next_review_due(const Scale& scale, double total, const Date& completed_on);
Date plan_due(const Date& completed_on);

// Where a team stands on its due date, seen from `today`.
enum class ReviewState {
    Overdue,   // due before today
    Due,       // due today
    Upcoming,  // due after today
};
ReviewState review_state(const Date& due, const Date& today);
// Stable codes for scripts: "overdue", "due", "upcoming".
const char* code_of(ReviewState state);
// Words for people: "Overdue", "Due today", "Upcoming" in the translator's language.
std::string label_of(ReviewState state, const Translator& t = translator());

// The round the clock runs from: the latest completed round of the scale (by assessment
// date, then by id when two share a date), or none.
std::optional<Round> latest_completed(const std::vector<Round>& rounds, const std::string& scale_id);

struct ReviewCycleEntry {
    Team team;
    std::string scale_id;
    Round round;       // the latest completed round
    double total = 0;  // its total, over its rated items
    bool total_complete = true;
    int total_decimals = 0;  // as the scale shows totals
    int interval_months = review_months_good;
    Date review_due;
    ReviewState state = ReviewState::Upcoming;
    Date plan_due;
    bool plan_made = false;
};

struct ReviewCycleQuery {
    std::string scale_id;  // empty: every scale in use
    Date today;
    // Empty: every team in the cycle, whenever its review is due. A number N: only the teams
    // due by today + N days (0: due or overdue).
    std::optional<int> within_days;
};

// The active teams in the cycle, by due date (then municipality and team in Swedish order,
// then scale id).
std::vector<ReviewCycleEntry> review_cycle(Store& store, const ReviewCycleQuery& query);

}  // namespace fidelis::reports
