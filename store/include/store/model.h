#pragma once
// The things a county's fidelity work is made of, as the store hands them out:
// plain values, no database handles.
#include "base/date.h"
#include "base/i18n.h"
#include "scales/scoring.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fidelis {

using Id = std::int64_t;

enum class Method { SE, IPS };
enum class ReviewType { Self, Guided, External };
enum class RoundStatus { Draft, Consensus, Completed };
enum class ActionStatus { Planned, Ongoing, Done, Cancelled };

// Stable codes used in the database, exchange files, CSV and the command line.
const char* code_of(Method m);            // "SE", "IPS"
const char* code_of(ReviewType t);        // "self", "guided", "external"
const char* code_of(RoundStatus s);       // "draft", "consensus", "completed"
const char* code_of(ActionStatus s);      // "planned", "ongoing", "done", "cancelled"
std::optional<Method> method_from(std::string_view code);  // also accepts "se", "ips"
std::optional<ReviewType> review_type_from(std::string_view code);
std::optional<RoundStatus> round_status_from(std::string_view code);
std::optional<ActionStatus> action_status_from(std::string_view code);
// Names for people, in the translator's language.
std::string label_of(Method m, const Translator& t = translator());
std::string label_of(ReviewType type, const Translator& t = translator());
std::string label_of(RoundStatus s, const Translator& t = translator());
std::string label_of(ActionStatus s, const Translator& t = translator());

struct County {
    std::string code;  // "06"
    std::string name;  // "Jönköpings län"
};

struct Municipality {
    std::string code;  // "0680"
    std::string name;
    std::string county_code;
};

// A user-defined set of municipalities: a county part (GGVV), a samordningsförbund…
struct Grouping {
    Id id = 0;
    std::string name;
    std::string kind;  // "county-part", "association" or "custom"
    std::vector<std::string> members;  // municipality codes
};
bool is_grouping_kind(const std::string& kind);  // "county-part", "association" or "custom"

struct Team {
    Id id = 0;
    std::string uuid;
    std::string name;
    std::string municipality_code;
    std::string municipality_name;
    Method method = Method::SE;
    bool active = true;
};

struct Rater {
    Id id = 0;
    int position = 0;  // 1, 2, … in the order they were added
    std::string name;
    std::string role;
};

struct Round {
    Id id = 0;
    std::string uuid;
    Id team_id = 0;
    std::string scale_id;
    std::string edition;
    std::string scale_hash;
    Date assessed_on;
    std::optional<Date> period_from;
    std::optional<Date> period_to;
    ReviewType review_type = ReviewType::Self;
    RoundStatus status = RoundStatus::Draft;
    std::vector<Rater> raters;
    std::string strengths;        // for the round as a whole
    std::string recommendations;  // for the round as a whole

    const Rater* rater(Id rater_id) const;
    const Rater* rater_named(const std::string& name) const;
};

// Rater id 0 means the consensus rating.
inline constexpr Id consensus_rater = 0;

struct Rating {
    std::string item_id;
    Id rater_id = consensus_rater;
    ItemRating input;
    std::string evidence;
    std::string note;
    std::string rationale;  // consensus: why the team agreed on this level
    // Which stored version this rating was read from: 0 for "there was none", n for the
    // row's nth version. Saving with a revision refuses (StoreError::Kind::Stale) when the
    // row has changed since; without one (a new Rating, the command line) it is not asked.
    // Not part of what a rating says: exports and comparisons leave it out.
    std::optional<std::int64_t> revision;
};

struct ItemFeedback {
    std::string item_id;
    std::string strengths;
    std::string recommendation;
};

// Counted per gender, as the ESF horizontal principles ask.
struct GenderCount {
    std::optional<int> women;
    std::optional<int> men;
    std::optional<int> other;  // other or unknown
    bool empty() const { return !women && !men && !other; }
    int total() const { return women.value_or(0) + men.value_or(0) + other.value_or(0); }
};

struct TeamFigures {
    std::optional<Date> period_from;
    std::optional<Date> period_to;
    std::optional<double> specialists;  // full-time equivalents
    std::optional<int> caseload;
    GenderCount participants;
    GenderCount competitive_work;
    GenderCount studies;
};

struct PlanGoal {
    Id id = 0;
    std::string uuid;
    std::string item_id;
    std::optional<int> current_level;
    std::optional<int> target_level;
    std::optional<Date> target_date;
    std::string description;
};

struct PlanAction {
    Id id = 0;
    std::string uuid;
    std::string item_id;  // area/item the action serves
    std::string what;
    std::string responsible;  // one person
    std::string resources;
    std::optional<Date> start;
    std::optional<Date> due;
    std::string follow_up;  // how and when
    ActionStatus status = ActionStatus::Planned;
    std::string comment;
    std::string carried_from;  // uuid of the action it continues, from an earlier plan

    bool unfinished() const { return status == ActionStatus::Planned || status == ActionStatus::Ongoing; }
    bool overdue(const Date& today) const { return unfinished() && due && *due < today; }
};

struct ImprovementPlan {
    Id id = 0;
    std::string uuid;
    Id round_id = 0;
    std::optional<Date> period_from;
    std::optional<Date> period_to;
    std::string manager;  // responsible manager
    std::optional<Date> next_follow_up;
    std::vector<PlanGoal> goals;
    std::vector<PlanAction> actions;
};

struct HistoryEntry {
    std::string at;  // UTC, ISO 8601
    std::string actor;
    std::string round_uuid;
    std::string entity;  // "rating", "consensus", "round", "goal", "action", …
    std::string key;     // e.g. "S1/Anna Berg"
    std::string field;
    std::string old_value;
    std::string new_value;
};

}  // namespace fidelis
