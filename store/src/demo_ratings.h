#pragma once
// How the demo invents believable ratings: levels that add up to a team's total, inputs
// that fit each item's shape, raters who mostly agree, and short Swedish notes.
#include "demo_rng.h"
#include "scales/scale.h"
#include "store/model.h"

#include <vector>

namespace fidelis::demo {

// Levels per item summing to `total`, following the team's strong and weak items.
std::vector<int> levels_for_total(const std::vector<double>& offsets, int total, int lo, int hi);

// The inputs an item's shape takes, consistent with `level`.
ItemRating inputs_for(Rng& rng, const Scale& scale, const Item& item, int level, int specialists);

// A rater's own level: usually the agreed one, sometimes one off, now and then two.
int rater_level(Rng& rng, int agreed, int lo, int hi);

// Evidence and notes in Swedish.
std::string evidence_for(Rng& rng, const Item& item);
std::string note_for(Rng& rng, int level, int max_level);
std::string rationale_for(Rng& rng);

}  // namespace fidelis::demo
