// Suggested plan goals: the weakest and declining items, one level higher, described by what
// the target level means for the item, so that a suggested goal never arrives empty.
#include "reports/goal_suggestions.h"
#include "scales/scale_loader.h"
#include "store/demo.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::TempDir;

namespace {

ScalePtr ips25() {
    static const ScalePtr s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    return s;
}

}  // namespace

TEST_CASE("A goal description is the target level's anchor text of the item", "[reports][plan]") {
    const ScalePtr s = ips25();
    CHECK(goal_description(*s, "V14", 3, "en") == "Level 3: Four of the six strategies are in use.");
    CHECK(goal_description(*s, "V14", 5, "sv").find("Alla sex strategierna används.") != std::string::npos);
    CHECK(goal_description(*s, "V14", 9, "en").empty());
    CHECK(goal_description(*s, "X99", 3, "en").empty());
}

TEST_CASE("Suggested goals aim one level higher and are described by that level's anchor", "[reports][plan]") {
    TempDir dir;
    Store store = create_demo((dir / "demo.fidelis").string());
    int rounds_with_suggestions = 0;
    for (const Round& r : store.all_rounds()) {
        if (r.status != RoundStatus::Completed) continue;
        const RoundAnalysis a = analyse_round(store, r.id);
        const std::vector<PlanGoal> goals = suggested_goals(a, ImprovementPlan{}, "en");
        CHECK(goals.size() <= 4);
        for (const PlanGoal& g : goals) {
            INFO(g.item_id);
            REQUIRE(g.current_level);
            REQUIRE(g.target_level);
            CHECK(*g.target_level == std::min(a.scale->max_level(), *g.current_level + 1));
            const LocalText* anchor = a.scale->anchor_text(*a.scale->item(g.item_id), *g.target_level);
            REQUIRE(anchor);
            CHECK(g.description == "Level " + std::to_string(*g.target_level) + ": " + anchor->get("en"));
            REQUIRE(g.target_date);
            CHECK(*g.target_date == r.assessed_on.add_months(12));
        }
        if (!goals.empty()) ++rounds_with_suggestions;
        // An item that already has a goal is not suggested again.
        if (!goals.empty()) {
            ImprovementPlan plan;
            plan.goals.push_back(goals.front());
            for (const PlanGoal& g : suggested_goals(a, plan, "en")) CHECK(g.item_id != goals.front().item_id);
        }
    }
    CHECK(rounds_with_suggestions > 0);
}
