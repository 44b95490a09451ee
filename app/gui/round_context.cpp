#include "round_context.h"

namespace fidelis::gui {

RoundContext::RoundContext(Session& s, Id round_id) : session(s), id(round_id) {
    reload();
    if (!round.raters.empty()) active_rater = round.raters.front().id;
}

void RoundContext::reload() {
    round = store().round(id);
    team = store().team(round.team_id);
    scale = store().scale_of(round);
    previous = store().previous_round(round);
    previous_result_.clear();
    if (previous) {
        const auto result = store().result_ratings(previous->id);
        for (const Rating& r : store().ratings(previous->id)) {
            const bool agreed = r.rater_id == consensus_rater ||
                                (previous->raters.size() == 1 && !previous_result_.count(r.item_id));
            if (agreed) previous_result_[r.item_id] = r;
        }
        for (const auto& [item, input] : result) previous_result_[item].input = input;
    }
    if (!round.rater(active_rater) && !round.raters.empty()) active_rater = round.raters.front().id;
}

bool RoundContext::read_only() const { return round.status == RoundStatus::Completed || session.store->read_only(); }

std::optional<Rating> RoundContext::previous_rating(const std::string& item_id) {
    const auto it = previous_result_.find(item_id);
    if (it == previous_result_.end()) return std::nullopt;
    return it->second;
}

}  // namespace fidelis::gui
