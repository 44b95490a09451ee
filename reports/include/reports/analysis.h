#pragma once
// What the reports say, computed without drawing anything: totals, bands, changes,
// strengths and priorities, stuck items, trends and county statistics.
#include "scales/scoring.h"
#include "store/store.h"

#include <cstdint>
#include <map>
#include <ostream>
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

// ---- County and national comparisons

// What the county report compares each team's latest round with.
enum class Comparison {
    PreviousRound,   // its own previous completed round of the scale, at any earlier date (the default)
    PreviousPeriod,  // with from and to: its latest round in the period of the same length just before
    ChosenPeriod,    // its latest round in compare_from–compare_to
    None,
};

// Changes are shown with one decimal everywhere (tables, summary, text): a mean of
// whole-number changes such as +0.3 must never read "0" in one place and "+0.3" in another.
inline constexpr int change_decimals = 1;

struct CountyQuery {
    std::string scale_id = "ips-25";
    std::optional<Date> from;
    std::optional<Date> to;
    // false: no comparison at all, whatever `comparison` says (kept for older callers).
    bool compare_previous = true;
    Comparison comparison = Comparison::PreviousRound;
    std::optional<Date> compare_from;  // Comparison::ChosenPeriod; an empty end is open
    std::optional<Date> compare_to;
    std::optional<Method> method;  // only teams of this method (SE or IPS); empty: every method
    // A grouping kind ("county-part", "association", "custom"), a grouping's name, "county"
    // (by county, for national comparisons) or "none". Empty: county parts when the
    // database has them, or counties for a national comparison.
    std::string grouping;
    std::string only_grouping;  // a grouping's name: only its municipalities; empty: all. Unknown: Error
    bool coded = false;       // A, B, C… instead of names, for publication
    // Coded: the seed of the shuffle that hands out the codes; empty: a random one. The
    // seed used is in CountyAnalysis::seed, so the same codes can be made again.
    std::optional<std::uint64_t> seed;
    // Coded: analyse_county throws Error (a translated, complete message) when fewer teams
    // than this would be published, so that no team can be recognised.
    int min_teams = 5;
    std::string county_code;  // empty: the database's own county; "all": the whole country
};

// A share of participants, computed safely.
struct Rate {
    std::optional<double> share;  // part / whole; empty when either is unknown or the whole is 0
    int part = 0;                 // the counts it comes from (for a county: summed over the teams
    int whole = 0;                // that have both)
};

struct GenderRates {
    Rate women, men, other;  // other or unknown gender
    Rate all;                // every gender together
};

struct FigureRates {
    GenderRates competitive_work;  // in competitive work / participants
    GenderRates studies;           // started studies / participants
};

// part / whole; empty when either is missing or the whole is 0 (never a division by zero).
std::optional<double> rate_of(std::optional<int> part, std::optional<int> whole);
Rate rate(std::optional<int> part, std::optional<int> whole);
// A team's rates per gender and in all ("all": the sums over the genders given, when both
// counts have any).
FigureRates rates_of(const TeamFigures& figures);

// The round a team's line is compared with (CountyQuery::comparison), and the change.
struct TeamComparison {
    Id round_id = 0;
    std::optional<Date> date;  // the earlier round's date; empty in the coded edition
    Score score;
    std::map<std::string, int> levels;
    // now − then, both totals complete, from the totals as shown (the scale's decimals),
    // so that before, now and change in a table agree.
    std::optional<double> change;
    std::map<std::string, int> item_changes;  // items rated both times: level now − level then
    bool definition_changed = false;          // the two rounds follow different definitions
};

// Coded edition: `team` and `round` stay filled, for code_key(), but say who the team is
// and when and how it was reviewed; a coded report must print none of team.*, round.*,
// figures->period_* (cleared) or compared->round_id. What it may print: label (the code),
// score, levels, compared (its date is empty), figures' counts and rates. `date` and
// `review_type` are the round's, for the named edition, and empty when coded.
struct TeamLine {
    std::string label;  // "Jönköping – IPS-teamet Jönköping", or "A" when coded
    std::string group;  // empty when not grouped (always when coded)
    Team team;
    Round round;
    Score score;
    std::map<std::string, int> levels;
    std::optional<TeamFigures> figures;
    std::optional<Date> date;               // round.assessed_on; empty when coded
    std::optional<ReviewType> review_type;  // round.review_type; empty when coded
    std::optional<TeamComparison> compared;  // empty: nothing to compare with
    FigureRates rates;                       // from figures; every share empty without them
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

// Kept for the present renderer: one line per team with a complete total both times, in
// every comparison mode. TeamLine::compared holds the same with the items.
struct PairedChange {
    std::string label;
    double before = 0;
    double now = 0;
    Date before_date;  // named edition only (a coded report must not print these)
    Date now_date;
};

struct BandCount {
    const Band* band = nullptr;
    int teams = 0;
};

// One item's change over the teams that have it rated both times.
struct ItemChange {
    std::string item_id;
    int n = 0;                 // teams with the item rated in both rounds
    double mean = 0;           // mean change in levels, rounded to change_decimals
    int up = 0, same = 0, down = 0;
};

// The change for the teams measured both times; every mean is already rounded to
// change_decimals (half up), so that a summary and a table print the same figure.
struct ChangeSummary {
    int teams = 0;          // teams with a complete total both times
    double mean = 0;        // mean of TeamComparison::change over them, rounded to change_decimals
    int up = 0, same = 0, down = 0;
    int not_compared = 0;   // teams shown with nothing to compare with (first round, or none in the other period)
    std::vector<ItemChange> items;  // in the scale's order, items with n > 0
};

// A team of the selection with no completed round of the scale in the period.
struct UnmeasuredTeam {
    Team team;
    std::optional<Date> last_completed;  // its newest completed round of the scale up to the period's end
};

// One county of a national comparison (county_code "all").
struct CountyRow {
    County county;
    int expected = 0;  // teams of the selection in the county (see CountyAnalysis::expected_teams)
    int measured = 0;  // with a completed round in the period
    int complete = 0;  // of them with a complete total
    double median_total = 0;
    double min_total = 0;
    double max_total = 0;
    int good_or_better = 0;
    double share_good_or_better = 0;  // of the complete totals
    // Coded edition: fewer than min_teams measured, so the row's figures (all zero here)
    // must not be published; only `county`, `expected` and `measured` are filled.
    bool suppressed = false;
    std::vector<std::size_t> teams;  // indexes into CountyAnalysis::teams; empty when coded
};

enum class Scope { County, Grouping, Country };

struct CountyAnalysis {
    ScalePtr scale;
    County county;
    CountyQuery query;
    // What the title names: the county, the --only grouping, or the whole country (no name).
    Scope scope = Scope::County;
    std::string scope_name;
    // The period as a whole: the query's from and to where given, else the earliest and
    // latest of the rounds shown. The coded edition prints this instead of any round's date.
    std::optional<Date> period_from;
    std::optional<Date> period_to;
    // The comparison made (None when compare_previous is false, or PreviousPeriod has no
    // from and to), and for the two period modes its period.
    Comparison comparison = Comparison::None;
    std::optional<Date> previous_from;
    std::optional<Date> previous_to;
    std::vector<TeamLine> teams;  // grouped, then by name (by code when coded)
    std::vector<std::string> groups;
    int complete_teams = 0;       // with a complete total
    double median_total = 0;
    double min_total = 0;
    double max_total = 0;
    const Band* good_band = nullptr;  // "good or better" starts here (good_band_of)
    int good_or_better = 0;  // teams in the good band or above
    double share_good_or_better = 0;
    std::vector<BandCount> per_band;  // highest band first
    std::vector<ItemStats> items;
    ChangeSummary change;
    std::vector<PairedChange> paired;
    double mean_paired_change = 0;  // = change.mean
    std::vector<DefinitionChange> definition_changes;  // among the teams' latest rounds
    // Between a team's compared rounds (earlier → latest), once per pair of definitions.
    std::vector<DefinitionChange> compared_definition_changes;
    std::vector<std::string> common_strengths;
    std::vector<std::string> development_areas;
    // Coverage. The selection: the active teams of the scope (county, grouping or country)
    // of the query's method, or without one of every method whose teams use this scale,
    // plus any team measured in the period. "1 of 40 teams has no completed round".
    int expected_teams = 0;
    int unmeasured_teams = 0;
    std::vector<UnmeasuredTeam> unmeasured;  // by name; empty when coded (only the count is published)
    std::vector<CountyRow> counties;         // national comparison: the counties with teams of the selection
    // Coded edition: the seed that handed out the codes. As private as the key: with it and
    // the list of teams anyone can make the codes again, so a coded report never prints it.
    std::uint64_t seed = 0;
    GenderCount participants;
    GenderCount competitive_work;
    GenderCount studies;
    FigureRates rates;  // the county's rates, each over the teams that give both counts
    std::optional<Date> figures_from;  // the earliest start and latest end of the teams' figure periods
    std::optional<Date> figures_to;
    int teams_with_figures = 0;
};

CountyAnalysis analyse_county(Store& store, const CountyQuery& query);

// "Good or better" starts at the band with id "good", else the second highest of three
// or more bands, else the highest; none without bands.
const Band* good_band_of(const Scale& scale);

// The coded edition's key, for the network leader only: which team each code stands for.
struct CodeKeyRow {
    std::string code;
    std::string municipality;
    std::string team;
    Date round_date;
    ReviewType review_type = ReviewType::Self;
    Id round_id = 0;
};

// A random seed for the coded edition's shuffle (what analyse_county uses when the query
// has none), for a caller that must make the report and its key with the same codes.
std::uint64_t new_seed();

// In code order; empty unless the analysis is coded.
std::vector<CodeKeyRow> code_key(const CountyAnalysis& analysis);
// The key as CSV (UTF-8 with a BOM, `separator` between cells, headers and review types
// in the translator's language), with the seed on a last line to make the codes again.
void write_code_key_csv(const CountyAnalysis& analysis, std::ostream& out, char separator, const Translator& t);

double median(std::vector<double> values);

// "A", "B", … "Z", "AA", "AB", …
std::string code_label(std::size_t index);

}  // namespace fidelis::reports
