#pragma once
// From ratings to levels, subtotals, the total and the band. A round with an item
// that is unrated or marked "cannot rate" has an explicitly incomplete total and no
// band, so a missing item never reads as a low score.
#include "scales/scale.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fidelis {

// What a rater recorded for one item: the inputs its shape takes and the level.
struct ItemRating {
    std::optional<int> level;
    std::optional<double> value;            // numeric items
    std::vector<std::string> checked;       // checklist items: ids of components present
    std::vector<double> specialists;        // per-specialist items: one value per specialist
    InputValues inputs;                     // rule items: named inputs (item_rule.h)
    bool cannot_rate = false;
    std::string cannot_rate_reason;

    bool rated() const { return level.has_value() && !cannot_rate; }
};

// The level a number gives, after rounding to the rule's decimals; nullopt when the
// number lies outside every range.
std::optional<int> level_for_value(const NumericRule& rule, double value);
std::optional<int> level_for_count(const ChecklistRule& rule, int count);
// The mean of the specialists' levels (numbers are first mapped to levels), rounded
// half up: 3.5 becomes 4. `mean` receives the unrounded mean.
std::optional<int> level_for_specialists(const Item& item, const std::vector<double>& values, double* mean = nullptr);
// The level an item's inputs give, or nullopt when its shape has no inputs (descriptive)
// or the inputs are empty (no number, nothing ticked, no specialist) or out of range.
std::optional<int> level_from_inputs(const Item& item, const ItemRating& rating);

struct SectionScore {
    std::string section_id;
    double value = 0;  // sum or mean of the rated items, per the scale's scoring
    int rated = 0;
    int items = 0;
    bool complete() const { return rated == items; }
    double max_possible = 0;
};

struct Score {
    std::vector<SectionScore> sections;
    double total = 0;  // over rated items only
    int rated = 0;
    int items = 0;
    std::vector<std::string> unrated;      // item ids with no level
    std::vector<std::string> cannot_rate;  // item ids marked cannot rate
    const Band* band = nullptr;            // only for a complete round
    bool complete() const { return rated == items; }
};

Score score(const Scale& scale, const std::map<std::string, ItemRating>& ratings);
// Levels only, for analysis code that already has consensus levels.
Score score_levels(const Scale& scale, const std::map<std::string, int>& levels);

}  // namespace fidelis
