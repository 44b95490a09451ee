#pragma once
// A whole round as one value: its team, the scale snapshot, raters, ratings, feedback,
// figures and plan. This is what travels in exchange files, and what the demo and the
// benchmarks insert in bulk.
#include "scales/scale.h"
#include "store/model.h"

#include <optional>
#include <string>
#include <vector>

namespace fidelis {

struct RoundRecord {
    Team team;                    // uuid, name, municipality code, method, active
    Round round;                  // uuid, dates, review type, status, raters (by position), summary
    // The definition snapshot (its content_hash is round.scale_hash), shared by every
    // record of the same definition: one copy in memory however many rounds a file holds.
    ScalePtr scale;
    std::vector<Rating> ratings;  // rater_id holds the rater's position; 0 is the consensus
    std::vector<ItemFeedback> feedback;
    std::optional<TeamFigures> figures;
    std::optional<ImprovementPlan> plan;
};

}  // namespace fidelis
