#pragma once
// Consensus helpers shared by the window and the command line: which items every rater
// rated alike, and accepting those as the consensus in one step.
#include "base/i18n.h"
#include "store/store.h"

#include <map>
#include <string>
#include <vector>

namespace fidelis {

// What every rater of the round recorded alike for an item: the same level, or all
// "cannot rate". Only items every rater has rated count; with fewer than two raters
// there is nothing to agree. The map holds the rating to accept as the consensus: the
// shared level, and the raters' inputs when they entered the same ones.
std::map<std::string, ItemRating> unanimous_ratings(const Scale& scale, const Round& round,
                                                    const std::vector<Rating>& ratings);

// Saves the consensus for every unanimous item that has none yet, in one transaction
// (all or nothing), each with a rationale saying so ("All raters gave this level.") in the
// translator's language, so the history shows them as one action. Returns the item
// ids accepted, in scale order.
std::vector<std::string> accept_unanimous(Store& store, Id round, const Translator& translator);

}  // namespace fidelis
