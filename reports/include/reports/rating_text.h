#pragma once
// One rater's rating of one item as short text, the same in the window's Consensus tab
// and the round report's item pages, so the raters' work reads alike in both.
#include "base/i18n.h"
#include "scales/scale.h"
#include "scales/scoring.h"

#include <string>

namespace fidelis::reports {

// The level ("4"), or "cannot rate" (with the reason unless left out), or "–" when not rated yet.
std::string level_text(const ItemRating& rating, const Translator& t, bool with_reason = true);
// What was entered for the item's shape, on one line: "22,5 %", "4 of 6 in place", the
// rule's inputs, each specialist's value with the mean level. Empty when nothing was.
std::string entered_text(const Item& item, const ItemRating& rating, const Translator& t);

}  // namespace fidelis::reports
