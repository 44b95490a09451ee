#pragma once
// The rules every write obeys, in one place and independent of the database engine:
// ratings against their item (level versus inputs, ranges, finite numbers, components,
// cannot-rate), when a round may be completed, team figures, periods, improvement plans
// and the size of text. save_rating, set_status, the figures and plan writers and the
// exchange importer all call these, so no path lets in what another refuses.
// Each check throws StoreError(Kind::Invalid) with a sentence a user can act on.
#include "scales/scale.h"
#include "store/model.h"
#include "store/outcomes.h"
#include "store/round_record.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis::rules {

// Longest text a field takes, in characters: far beyond any real note, and it keeps one
// pasted document from bloating the database and every report.
inline constexpr std::size_t max_text_length = 100000;

// `what` (an N_() message id, "{1}" standing for `arg`) names the field for the message
// ("The note on {1}"). It is translated only when the text is refused: autosave calls this
// on every keystroke.
void check_text(std::string_view text, const char* what, std::string_view arg = {});

// The rating as every path stores it: checked against its item, with the level its
// inputs give filled in, and no level on a "cannot rate" item.
Rating checked_rating(const Scale& scale, const Rating& rating);

// The round's result: consensus ratings, or with a single rater, that rater's ratings.
// `ratings` use the same rater ids as `raters`.
std::map<std::string, ItemRating> result_of(const std::vector<Rater>& raters, const std::vector<Rating>& ratings);

// Completing needs an agreed level or "cannot rate" for every item.
void check_completable(const Scale& scale, const std::map<std::string, ItemRating>& result);

void check_period(const std::optional<Date>& from, const std::optional<Date>& to);
void check_figures(const TeamFigures& figures);
void check_goal(const Scale& scale, const PlanGoal& goal);
void check_action(const Scale& scale, const PlanAction& action);
void check_plan_header(const std::optional<Date>& period_from, const std::optional<Date>& period_to,
                       const std::string& manager);
void check_team(const Team& team);
// A quarter that exists, served and working counted for every gender, no negative count,
// and per gender and in total no more working, or studying, than served.
void check_outcome(const TeamOutcome& outcome);

// A whole round as it arrives from an exchange file: everything above, raters with
// distinct positions and names, each item rated at most once per rater, ids unique.
// Ratings must already be in stored form (checked_rating leaves them unchanged).
void check_record(const RoundRecord& record);

}  // namespace fidelis::rules
