#pragma once
// One open round, as the round's tabs share it: the round, its scale snapshot, the team,
// the previous round for comparison, and who is rating right now.
#include "session.h"

#include <optional>

namespace fidelis::gui {

struct RoundContext {
    RoundContext(Session& s, Id round_id);
    void reload();  // after a status change or a new rater

    Session& session;
    Id id;
    Round round;
    Team team;
    ScalePtr scale;
    std::optional<Round> previous;
    Id active_rater = consensus_rater;

    Store& store() { return *session.store; }
    bool read_only() const;
    const Rater* rater() const { return round.rater(active_rater); }
    // The previous round's agreed rating for an item, with its note.
    std::optional<Rating> previous_rating(const std::string& item_id);

private:
    std::map<std::string, Rating> previous_result_;
};

}  // namespace fidelis::gui
