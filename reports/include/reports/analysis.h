#pragma once
// What the reports say, computed without drawing anything: totals, bands, changes,
// strengths and priorities, stuck items, trends and county statistics.
#include "scales/scoring.h"
#include "store/store.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fidelis::reports {

// The level below which an item counts as "stuck": 3 on IPS-25's 1–5 scale (two below
// the top), 2 on a 1–4 scale.
int stuck_threshold(const Scale& scale);

struct ItemResult {
    std::string item_id;
    std::optional<int> level;  // agreed level; empty when unrated or "cannot rate"
    bool cannot_rate = false;
    std::optional<int> previous;
    int stuck_rounds = 0;  // consecutive rounds up to this one at or below the threshold
    std::optional<int> change() const {
        if (level && previous) return *level - *previous;
        return std::nullopt;
    }
};

// Up to `n` items: the highest (or lowest) levels first; ties go to the items most tied to
// outcomes (the scale's weight), then to the scale's order.
std::vector<std::string> strengths_of(const Scale& scale, const std::map<std::string, int>& levels, std::size_t n = 3);
std::vector<std::string> priorities_of(const Scale& scale, const std::map<std::string, int>& levels, std::size_t n = 3);

// Agreed levels only (rated, not "cannot rate").
std::map<std::string, int> levels_of(const std::map<std::string, ItemRating>& result);

struct RoundAnalysis {
    ScalePtr scale;
    Team team;
    Round round;
    Score score;
    std::optional<Round> previous;
    std::optional<Score> previous_score;
    std::vector<ItemResult> items;  // in the scale's order
    std::vector<std::string> strengths;
    std::vector<std::string> priorities;
    std::vector<std::string> stuck;  // at or below the threshold for two rounds or more
    std::optional<double> change() const;
};

RoundAnalysis analyse_round(Store& store, Id round);

// Where rounds of one scale id cross from one definition to another (a revision such as
// IPS-25 2026-12): the reports say so, since levels on either side follow different text.
struct DefinitionChange {
    Date first_round;  // the first round on the newer definition
    ScalePtr older, newer;
    const Revision* revision = nullptr;  // the note the files give for it (in newer or older), if any
    std::vector<std::string> items;      // items whose text or rule changed
};

// The changes between consecutive definitions among `rounds` (in date order).
std::vector<DefinitionChange> definition_changes(Store& store, const std::vector<Round>& rounds);

struct TrendPoint {
    Round round;
    Score score;
    std::map<std::string, int> levels;
};

struct ActionOutcome {
    PlanAction action;
    Round plan_round;                 // the round whose plan held the action
    std::optional<int> level_then;    // the item's level in that round
    std::optional<int> level_next;    // in the round after it
    std::optional<int> level_latest;  // in the latest round
};

struct TrendAnalysis {
    Team team;
    ScalePtr scale;                  // the latest round's definition
    std::vector<TrendPoint> points;  // oldest first, completed rounds (and the latest, whatever its status)
    std::vector<std::string> stuck;  // stuck in the latest rounds
    std::map<std::string, int> stuck_rounds;
    std::vector<ActionOutcome> actions;
    std::vector<DefinitionChange> definition_changes;
};

// `scale_id` empty: the scale of the team's latest round.
TrendAnalysis analyse_trend(Store& store, Id team, const std::string& scale_id = {});

struct CountyQuery {
    std::string scale_id = "ips-25";
    std::optional<Date> from;
    std::optional<Date> to;
    bool compare_previous = true;  // with from and to: the same length just before
    // A grouping kind ("county-part", "association", "custom"), a grouping's name, "county"
    // (by county, for national comparisons) or "none". Empty: county parts when the
    // database has them, or counties for a national comparison.
    std::string grouping;
    std::string only_grouping;  // a grouping's name: only its municipalities; empty: all
    bool coded = false;       // A, B, C… instead of names, for publication
    std::string county_code;  // empty: the database's own county; "all": the whole country
};

struct TeamLine {
    std::string label;  // "Jönköping – IPS-teamet Jönköping", or "A" when coded
    std::string group;  // empty when not grouped
    Team team;
    Round round;
    Score score;
    std::map<std::string, int> levels;
    std::optional<TeamFigures> figures;
};

struct ItemStats {
    std::string item_id;
    int n = 0;
    double mean = 0;
    double median = 0;
    int min = 0;
    int max = 0;
    double share_high = 0;  // at the top two levels (≥ 4 on IPS-25)
    double share_mid = 0;   // at the level below (3)
    double share_low = 0;   // lower (≤ 2)
};

struct PairedChange {
    std::string label;
    double before = 0;
    double now = 0;
    Date before_date;
    Date now_date;
};

struct BandCount {
    const Band* band = nullptr;
    int teams = 0;
};

struct CountyAnalysis {
    ScalePtr scale;
    County county;
    CountyQuery query;
    std::optional<Date> previous_from;
    std::optional<Date> previous_to;
    std::vector<TeamLine> teams;  // grouped, then by name (or by code when coded)
    std::vector<std::string> groups;
    int complete_teams = 0;       // with a complete total
    double median_total = 0;
    double min_total = 0;
    double max_total = 0;
    const Band* good_band = nullptr;  // "good or better" starts here
    int good_or_better = 0;  // teams in the good band or above
    double share_good_or_better = 0;
    std::vector<BandCount> per_band;  // highest band first
    std::vector<ItemStats> items;
    std::vector<PairedChange> paired;
    double mean_paired_change = 0;
    std::vector<DefinitionChange> definition_changes;  // among the rounds compared
    std::vector<std::string> common_strengths;
    std::vector<std::string> development_areas;
    GenderCount participants;
    GenderCount competitive_work;
    GenderCount studies;
    int teams_with_figures = 0;
};

CountyAnalysis analyse_county(Store& store, const CountyQuery& query);

double median(std::vector<double> values);

// "A", "B", … "Z", "AA", "AB", …
std::string code_label(std::size_t index);

}  // namespace fidelis::reports
