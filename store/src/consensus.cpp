// Accepting the consensus where every rater agrees, so that a team's meeting spends its
// time on the items where they differ.
#include "store/consensus.h"

#include <algorithm>
#include <optional>
#include <set>

namespace fidelis {
namespace {

bool same_inputs(const ItemRating& a, const ItemRating& b) {
    return a.value == b.value && a.checked == b.checked && a.specialists == b.specialists && a.inputs == b.inputs;
}

}  // namespace

std::map<std::string, ItemRating> unanimous_ratings(const Scale& scale, const Round& round,
                                                    const std::vector<Rating>& ratings) {
    std::map<std::string, ItemRating> out;
    if (round.raters.size() < 2) return out;
    std::map<std::string, std::map<Id, const Rating*>> by_item;
    for (const Rating& r : ratings)
        if (r.rater_id != consensus_rater) by_item[r.item_id][r.rater_id] = &r;
    for (const Item& item : scale.items) {
        const auto& given = by_item[item.id];
        std::vector<const ItemRating*> inputs;
        for (const Rater& rater : round.raters) {
            const auto it = given.find(rater.id);
            if (it == given.end() || !(it->second->input.rated() || it->second->input.cannot_rate)) break;
            inputs.push_back(&it->second->input);
        }
        if (inputs.size() != round.raters.size()) continue;  // someone has not rated it yet
        const ItemRating& first = *inputs.front();
        const bool alike = std::all_of(inputs.begin(), inputs.end(), [&](const ItemRating* r) {
            return r->cannot_rate == first.cannot_rate && (first.cannot_rate || r->level == first.level);
        });
        if (!alike) continue;
        ItemRating agreed;
        if (first.cannot_rate) {
            agreed.cannot_rate = true;
            // Each rater's reason once, in the raters' order.
            std::set<std::string> seen;
            for (const ItemRating* r : inputs)
                if (!r->cannot_rate_reason.empty() && seen.insert(r->cannot_rate_reason).second)
                    agreed.cannot_rate_reason +=
                        (agreed.cannot_rate_reason.empty() ? "" : "; ") + r->cannot_rate_reason;
        } else {
            agreed.level = first.level;
            // The inputs explain the level; they are taken over only when everyone entered the same.
            if (std::all_of(inputs.begin(), inputs.end(),
                            [&](const ItemRating* r) { return same_inputs(*r, first); })) {
                agreed.value = first.value;
                agreed.checked = first.checked;
                agreed.specialists = first.specialists;
                agreed.inputs = first.inputs;
            }
        }
        out[item.id] = agreed;
    }
    return out;
}

std::vector<std::string> accept_unanimous(Store& store, Id round_id, const Translator& translator) {
    const Round round = store.round(round_id);
    const ScalePtr scale = store.scale_of(round);
    const std::vector<Rating> ratings = store.ratings(round_id);
    const auto agreed = unanimous_ratings(*scale, round, ratings);
    std::vector<std::string> accepted;
    Transaction tx = store.begin();
    for (const Item& item : scale->items) {
        const auto it = agreed.find(item.id);
        if (it == agreed.end()) continue;
        Rating consensus;
        consensus.item_id = item.id;
        consensus.rater_id = consensus_rater;
        if (const auto saved = store.rating(round_id, item.id, consensus_rater)) {
            if (saved->input.rated() || saved->input.cannot_rate) continue;  // agreed already: never overwritten
            consensus = *saved;  // keeps what was written there (evidence, a note)
        }
        consensus.input = it->second;
        if (consensus.rationale.empty())
            consensus.rationale =
                translator.tr(it->second.cannot_rate ? N_("All raters found that this item cannot be rated.")
                                                     : N_("All raters gave this level."));
        store.save_rating(round_id, consensus);
        accepted.push_back(item.id);
    }
    tx.commit();
    return accepted;
}

}  // namespace fidelis
