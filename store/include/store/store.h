#pragma once
// The Fidelis database: one SQLite file per county (or network), or a county's shared
// database on a PostgreSQL server (store/server.h), holding its municipalities, groupings,
// teams, rounds, ratings, team figures and improvement plans. The same rules, the same
// SQL and the same history on both; nothing outside store/ sees SQL.
//
// Every edit is its own committed transaction (autosave): once a call returns, the edit
// survives a crash, a kill or a power cut. A completed round refuses edits to its ratings,
// consensus, figures and summary until it is reopened, which is logged; its improvement
// plan stays open, because a plan is followed up long after the round. Every change to ratings, rounds and plans is written to the
// history with who, when, and old -> new.
#include "scales/scale.h"
#include "store/model.h"
#include "store/outcomes.h"
#include "store/round_record.h"
#include "store/error.h"
#include "store/transaction.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fidelis {

// A team's result for comparisons: its latest round in a period and what was agreed.
struct TeamResult {
    Team team;
    Round round;
    std::map<std::string, ItemRating> result;  // as result_ratings()
    std::optional<TeamFigures> figures;
};

struct ResultQuery {
    std::string scale_id;             // e.g. "ips-25"
    std::string edition;              // empty: any edition
    std::optional<Date> from;         // rounds assessed on or after
    std::optional<Date> to;           // rounds assessed on or before
    std::string county_code;          // empty: the whole country
    bool completed_only = true;       // drafts are not results
};

// A team that has rounds of a scale, for a comparison's coverage.
struct ScaleUse {
    Id team_id = 0;
    std::optional<Date> last_completed;  // its newest completed round of the scale up to the query's `to`
};

class Store {
public:
    struct OpenOptions {
        bool read_only = false;
        int busy_ms = 5000;  // how long to wait for another program that has the file open
        // Who the history names for every change made through this store: the person at
        // the keyboard (the window's Preferences name). Empty: the OS user's full name.
        std::string actor;
        // How the lock names this program to others ("Fidelis", "fidelis-cli"); empty:
        // the executable's name.
        std::string program;
    };
    struct CreateOptions {
        std::string actor;  // as in OpenOptions, for what `fill` writes
        // Fills the new database before it appears under its name (the demo county).
        std::function<void(Store&)> fill;
        std::string program;
    };

    // `path` is a file name, or a server address (store/server.h: postgresql://…,
    // service=…); on a server, create is `server init` and open connects as a login.
    //
    // A new database for a county (e.g. "06"): all counties and municipalities from the
    // reference data, and the county's parts as groupings. It is built in memory and
    // renamed into place only when complete, so a kill at any moment leaves either no
    // file or a whole database, and a file made meanwhile by someone else is never
    // replaced or removed. Fails if the file exists.
    static Store create(const std::string& path, const std::string& county_code, const CreateOptions& options);
    static Store create(const std::string& path, const std::string& county_code) {
        return create(path, county_code, CreateOptions{});
    }
    // Opens, migrates an older schema and refuses a newer one. The check at open costs
    // nothing whatever the size (header, schema, a first read); after an unclean shutdown
    // (a -wal left behind) it is SQLite's quick_check of the whole file.
    //
    // One process at a time has a database open (base/file_lock.h): another one waits up
    // to busy_ms and is then told who has it. The holder keeps SQLite's lock in exclusive
    // mode too, so there is no -shm file to map (a nearly full disk cannot SIGBUS it).
    // A database whose file or folder cannot be written (a read-only medium) opens
    // read-only for reading and reports.
    static Store open(const std::string& path, OpenOptions options);
    static Store open(const std::string& path) { return open(path, OpenOptions{}); }

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    const std::string& path() const;
    bool read_only() const;
    // A consistent copy through SQLite's backup API, safe while the database is in use,
    // written beside the target and renamed into place. A damaged database is refused.
    void save_copy(const std::string& target) const;
    // SQLite's full integrity check; each problem as SQLite describes it (for the
    // administrator's `db check --details`). Empty when the file is sound.
    std::vector<std::string> check();
    // A private in-memory copy, for trying out a change (a dry-run import) on a database
    // that cannot be written.
    Store scratch_copy() const;
    // One unit of work: every change made through this store until commit() is kept or
    // dropped together (a rating and the rater it adds, a whole import).
    Transaction begin();

    // What other people have committed since the last call, on a shared database: the
    // rounds touched (with their raters, ratings, feedback, figures and plans) and whether
    // the county's lists (teams, groupings, outcomes) changed. Never waits; always empty for
    // a file, which no one else can have open. A window asks every few seconds.
    struct OthersChanges {
        std::set<Id> rounds;
        bool county = false;
        bool any() const { return county || !rounds.empty(); }
    };
    OthersChanges others_changes();
    // True on a server address (a libpq URI or service string), false for a file.
    bool on_server() const;

    // Who the history names (OpenOptions::actor), fixed for the store's lifetime.
    const std::string& actor() const;
    // Deterministic ids and timestamps, for the demo and for tests.
    void set_uuid_source(std::function<std::string()> source);
    void set_clock(std::function<std::string()> now_iso);

    // ---- County, municipalities and groupings
    County home_county();
    std::vector<County> counties();
    std::vector<Municipality> municipalities(const std::string& county_code);  // "" for all; Swedish order
    std::optional<Municipality> municipality(const std::string& code);
    // County parts first, then the groupings users made, oldest first; members by name.
    std::vector<Grouping> groupings();
    std::optional<Grouping> grouping_named(const std::string& name);
    // Each write refuses, with the reason, an empty or taken name (compared without regard
    // to ASCII case), a name the county report reads as a kind ("custom", "none"…), an
    // unknown kind, no members, an unknown municipality code or one listed twice, and is
    // in the history (entity "grouping", keyed by its id). Municipalities may belong to
    // any number of groupings. County parts come from the reference data: only
    // add_grouping makes them, and the other writes refuse them.
    Id add_grouping(const std::string& name, const std::string& kind, const std::vector<std::string>& members);
    void update_grouping(const Grouping& grouping);  // name, kind (association or custom) and members
    void set_grouping_members(Id grouping, const std::vector<std::string>& members);
    void remove_grouping(Id grouping);

    // ---- Teams
    std::vector<Team> teams();  // by municipality, then name, in Swedish order
    Team team(Id id);
    std::optional<Team> team_by_uuid(const std::string& uuid);
    Id add_team(const std::string& municipality_code, const std::string& name, Method method,
                const std::string& uuid = {});
    void update_team(const Team& team);  // name, method, active

    // ---- Rounds
    struct NewRound {
        Id team_id = 0;
        ScalePtr scale;
        Date assessed_on;
        std::optional<Date> period_from;
        std::optional<Date> period_to;
        ReviewType review_type = ReviewType::Self;
        std::vector<std::pair<std::string, std::string>> raters;  // name, role
        std::string uuid;  // empty: a new one
    };
    Id create_round(const NewRound& round);
    Round round(Id id);
    std::optional<Id> round_by_uuid(const std::string& uuid);
    std::vector<Round> rounds_of_team(Id team);  // oldest first
    std::vector<Round> all_rounds();
    // The definition the round was rated against, from its stored snapshot.
    ScalePtr scale_of(const Round& round);
    ScalePtr scale_by_hash(const std::string& hash);
    // The round of the same team and scale before this one, if any.
    std::optional<Round> previous_round(const Round& round);

    Id add_rater(Id round, const std::string& name, const std::string& role);
    void update_round_details(Id round, const Date& assessed_on, const std::optional<Date>& period_from,
                              const std::optional<Date>& period_to, ReviewType review_type);
    void set_round_summary(Id round, const std::string& strengths, const std::string& recommendations);
    // draft <-> consensus -> completed. Completing needs a consensus level or "cannot rate"
    // for every item, and locks the round.
    void set_status(Id round, RoundStatus status);
    // Completed -> consensus, explicitly, with the reason in the history.
    void reopen(Id round, const std::string& reason);
    void delete_round(Id round);

    // ---- Ratings (rater_id == consensus_rater for the consensus)
    // Inputs decide the level where the item's shape has inputs (a number, ticks,
    // per-specialist values); a level that contradicts them is refused.
    void save_rating(Id round, const Rating& rating);
    void clear_rating(Id round, const std::string& item_id, Id rater_id);
    std::vector<Rating> ratings(Id round);
    std::optional<Rating> rating(Id round, const std::string& item_id, Id rater_id);
    // The round's result: consensus ratings, or with a single rater, that rater's ratings.
    std::map<std::string, ItemRating> result_ratings(Id round);

    void set_item_feedback(Id round, const ItemFeedback& feedback);
    std::vector<ItemFeedback> item_feedback(Id round);

    void set_team_figures(Id round, const TeamFigures& figures);
    std::optional<TeamFigures> team_figures(Id round);

    // ---- Improvement plans (one per round, created on first edit)
    ImprovementPlan plan(Id round);
    void update_plan_header(Id round, const std::optional<Date>& period_from, const std::optional<Date>& period_to,
                            const std::string& manager, const std::optional<Date>& next_follow_up);
    Id add_goal(Id round, const PlanGoal& goal);
    void update_goal(Id round, const PlanGoal& goal);
    void remove_goal(Id round, Id goal);
    Id add_action(Id round, const PlanAction& action);
    void update_action(Id round, const PlanAction& action);
    void remove_action(Id round, Id action);
    // Planned or ongoing actions in the team's earlier plans that no later plan continues.
    std::vector<PlanAction> unfinished_actions_before(Id round);
    // Copies those actions into this round's plan, each remembering where it came from.
    void carry_over(Id round, const std::vector<std::string>& action_uuids);

    std::vector<HistoryEntry> history(Id round);

    // ---- Quarterly outcomes (store/outcomes.h), one row per team and quarter
    // Adds or replaces the team's outcomes for the quarter, after rules::check_outcome.
    void set_outcome(const TeamOutcome& outcome);
    // NotFound when the team has no outcomes for that quarter.
    void remove_outcome(Id team, const Quarter& quarter);
    std::optional<TeamOutcome> outcome(Id team, const Quarter& quarter);
    std::vector<TeamOutcome> outcomes(Id team);  // oldest quarter first
    std::vector<TeamOutcome> all_outcomes();     // teams in the order of teams(), each oldest quarter first

    // ---- Comparisons: the latest round per team matching the query, teams in Swedish
    // order by municipality. Two queries whatever the number of teams.
    std::vector<TeamResult> latest_results(const ResultQuery& query);
    // For each team whose latest_results round lies in the query's period: the matching round
    // just before that one, at any earlier date (the period's start does not bound it), for
    // "the change since each team's previous round". Teams with no earlier round are left out;
    // figures are not read (empty).
    std::vector<TeamResult> previous_results(const ResultQuery& query);
    // Every team with a round of the query's scale (any status, any date) in its county, or
    // the country's when county_code is empty; `from`, `edition` and `completed_only` are
    // not used. One pass, for which teams a comparison expects.
    std::vector<ScaleUse> scale_use(const ResultQuery& query);
    // The ids of the scales the rounds use, by their first round: one pass over the rounds'
    // rows, for the county view's scale choice at every start.
    std::vector<std::string> scale_ids_in_use();

    // ---- Whole rounds, for exchange files, the demo and bulk loading
    RoundRecord record(Id round);
    // Inserts a complete round as it is, status included, with one history entry. The team
    // is created when its uuid is new. With `replace`, a round with the same uuid is
    // removed first, even when completed. The record must pass rules::check_record, the
    // same rules as every other write, so nothing inconsistent gets in.
    Id insert_record(const RoundRecord& record, bool replace = false);

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::vector<TeamResult> comparison_results(const ResultQuery& query, bool previous);
    std::unique_ptr<Impl> impl_;
    friend struct StoreAccess;
};

}  // namespace fidelis
