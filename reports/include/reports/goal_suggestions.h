#pragma once
// Goals suggested for a round's improvement plan: the weakest items and any item that fell
// since the previous round, each aimed one level higher within a year, and described by what
// the target level means for that item (its anchor text). Wx-free, so that the window and
// the command line suggest the same goals.
#include "reports/analysis.h"
#include "store/model.h"

#include <string>
#include <vector>

namespace fidelis::reports {

// What a goal aims at, in `lang`: "Level 4: Each specialist carries five of the six phases."
// Empty when the item or the level is unknown to the scale.
std::string goal_description(const Scale& scale, const std::string& item_id, int target_level, const std::string& lang);

// Up to `n` new goals for `analysis`'s round; items `plan` already has a goal for are left out.
std::vector<PlanGoal> suggested_goals(const RoundAnalysis& analysis, const ImprovementPlan& plan, const std::string& lang,
                                      std::size_t n = 4);

}  // namespace fidelis::reports
