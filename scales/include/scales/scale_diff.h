#pragma once
// What changed between two definitions of a scale, item by item: names, anchors,
// thresholds, components and rules. `scales diff` prints it; reports use the list of
// changed items where a team's rounds cross from one revision to the next.
#include "scales/scale.h"

#include <string>
#include <vector>

namespace fidelis {

struct ItemChange {
    std::string item_id;
    std::vector<std::string> changes;  // "anchor 3: «…» → «…»", "rule: …"
};

struct ScaleDiff {
    std::vector<std::string> scale_changes;  // identity, levels, bands, revisions
    std::vector<std::string> added_items;
    std::vector<std::string> removed_items;
    std::vector<ItemChange> changed_items;  // in the newer definition's order
    bool identical() const {
        return scale_changes.empty() && added_items.empty() && removed_items.empty() && changed_items.empty();
    }
    // Changed, added and removed item ids.
    std::vector<std::string> affected_items() const;
};

// Texts are compared and shown in `lang` (every language is compared).
ScaleDiff diff_scales(const Scale& older, const Scale& newer, const std::string& lang);

// The newest revision note of `newer` that `older` does not have; nullptr when none.
const Revision* revision_since(const Scale& older, const Scale& newer);

}  // namespace fidelis
