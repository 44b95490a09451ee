// app/core, what the window and fidelis-cli share: suggested goals added all at once,
// exports that carry the teams' quarterly outcomes whichever of the two makes them, and
// one sentence for an import's outcome.
#include "exchange_files.h"
#include "plan_work.h"
#include "run.h"
#include "store/demo.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

// The demo's latest completed round, its plan's goals taken away (the demo plans every round).
Id round_without_goals(Store& store) {
    Id found = 0;
    for (const Round& r : store.all_rounds())
        if (r.status == RoundStatus::Completed) found = r.id;
    REQUIRE(found != 0);
    for (const PlanGoal& g : store.plan(found).goals) store.remove_goal(found, g.id);
    REQUIRE(store.plan(found).goals.empty());
    return found;
}

}  // namespace

TEST_CASE("plan suggest adds the window's suggested goals through the command line, once, and all together") {
    TempDir dir;
    const std::string db = (dir / "demo.fidelis").string();
    Id round = 0;
    {
        Store store = create_demo(db);
        round = round_without_goals(store);
    }
    const RunResult first = cli({"plan", "suggest", "--db", db, "--round", std::to_string(round), "--lang", "en"});
    REQUIRE(first.exit_code == 0);
    std::istringstream lines(first.out);
    std::set<std::string> items;
    for (std::string line; std::getline(lines, line);) items.insert(line.substr(0, line.find('\t')));
    CHECK_FALSE(items.empty());
    {
        Store store = Store::open(db);
        const ImprovementPlan plan = store.plan(round);
        CHECK(plan.goals.size() == items.size());
        for (const PlanGoal& g : plan.goals) CHECK(items.count(g.item_id) == 1);
        // The same function the window's button calls adds nothing more: each item has its goal.
        CHECK(core::add_suggested_goals(store, round, "en") == 0);
    }
    const RunResult again = cli({"plan", "suggest", "--db", db, "--round", std::to_string(round)});
    CHECK(again.exit_code == 0);
    CHECK(again.out.empty());
    // A round that does not exist is refused in words.
    const RunResult missing = cli({"plan", "suggest", "--db", db, "--round", "99999"});
    CHECK(missing.exit_code != 0);
    CHECK_THAT(missing.err, !Catch::Contains("SQLITE") && !Catch::Contains("constraint"));
}

TEST_CASE("A team's export carries its quarterly outcomes, from app/core as from fidelis-cli, byte for byte") {
    TempDir dir;
    const std::string db = (dir / "demo.fidelis").string();
    const std::string from_core = (dir / "core.xml").string();
    const std::string from_cli = (dir / "cli.xml").string();
    Id team = 0;
    {
        Store store = create_demo(db);
        REQUIRE_FALSE(store.all_outcomes().empty());
        team = store.all_outcomes().front().team_id;
        const core::ExportSelection selection = core::select_for_export(store, team);
        CHECK(selection.outcome_teams == std::vector<Id>{team});
        CHECK(selection.rounds.size() == store.rounds_of_team(team).size());
        core::export_to_file(store, selection, from_core);
        // One round alone carries no outcomes.
        CHECK(core::select_for_export(store, team, selection.rounds.front()).outcome_teams.empty());
    }
    CHECK(read_file(from_core).find("<outcome ") != std::string::npos);
    const RunResult exported = cli({"export", "--db", db, "--team", std::to_string(team), "--out", from_cli});
    REQUIRE(exported.exit_code == 0);
    CHECK(read_file(from_cli) == read_file(from_core));

    // Importing it into an empty database says the same in the window as on the command line.
    const std::string empty = (dir / "empty.fidelis").string();
    { Store::create(empty, "06"); }
    const RunResult dry = cli({"import", "--db", empty, "--dry-run", from_cli, "--lang", "en"});
    REQUIRE(dry.exit_code == 0);
    Store target = Store::open(empty);
    ImportOptions options;
    options.dry_run = true;
    const ImportReport report = core::import_from_file(target, from_cli, options);
    CHECK_THAT(dry.err, Catch::Contains(core::import_summary(report, true)));
    CHECK_THAT(dry.err, Catch::Contains(core::outcomes_summary(report)));
    CHECK_FALSE(core::outcomes_summary(report).empty());
}
