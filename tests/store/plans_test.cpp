// Improvement plans: goals, actions, overdue, and carrying unfinished actions over.
#include "store_fixture.h"

using namespace fidelis;
using namespace fidelis::test;

namespace {

PlanAction action(const std::string& what, ActionStatus status, const char* due) {
    PlanAction a;
    a.item_id = "V1";
    a.what = what;
    a.responsible = "Maria Lund";
    a.resources = "2 timmar per vecka";
    a.due = Date::try_parse(due);
    a.start = a.due->add_months(-4);
    a.follow_up = "Teamträff var sjätte vecka";
    a.status = status;
    return a;
}

}  // namespace

TEST_CASE("A plan has a header, goals tied to items and actions with one responsible person") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    CHECK(store.plan(s.round).id == 0);
    store.update_plan_header(s.round, Date::try_parse("2026-02-01"), Date::try_parse("2027-01-31"), "Eva Holm",
                             Date::try_parse("2026-08-01"));
    PlanGoal g;
    g.item_id = "V1";
    g.current_level = 2;
    g.target_level = 4;
    g.target_date = Date::try_parse("2026-12-31");
    store.add_goal(s.round, g);
    const Id a = store.add_action(s.round, action("Utbilda två arbetsspecialister i ekonomisk vägledning",
                                                  ActionStatus::Ongoing, "2026-06-30"));
    store.add_action(s.round, action("Skriv rutin", ActionStatus::Planned, "2026-09-30"));
    ImprovementPlan p = store.plan(s.round);
    CHECK(p.manager == "Eva Holm");
    CHECK(p.next_follow_up->iso() == "2026-08-01");
    REQUIRE(p.goals.size() == 1);
    CHECK(p.goals[0].target_level == 4);
    REQUIRE(p.actions.size() == 2);
    CHECK(p.actions[0].id == a);
    CHECK(p.actions[0].responsible == "Maria Lund");
    CHECK(p.actions[0].overdue(*Date::try_parse("2026-07-01")));
    CHECK_FALSE(p.actions[1].overdue(*Date::try_parse("2026-07-01")));

    PlanAction done = p.actions[0];
    done.status = ActionStatus::Done;
    store.update_action(s.round, done);
    CHECK_FALSE(store.plan(s.round).actions[0].overdue(*Date::try_parse("2026-07-01")));
    store.remove_action(s.round, p.actions[1].id);
    CHECK(store.plan(s.round).actions.size() == 1);

    PlanGoal unknown;
    unknown.item_id = "Q7";
    CHECK_THROWS_WITH(store.add_goal(s.round, unknown), Catch::Contains("no item \"Q7\""));
    CHECK_THROWS_WITH(store.add_action(s.round, action("", ActionStatus::Planned, "2026-06-30")),
                      Catch::Contains("needs a description"));
    PlanAction backwards = action("X", ActionStatus::Planned, "2026-01-01");
    backwards.start = Date::try_parse("2026-02-01");
    CHECK_THROWS_WITH(store.add_action(s.round, backwards), Catch::Contains("due before it starts"));
}

TEST_CASE("Unfinished actions are offered for the next round's plan, once") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup first = make_round(store, "2025-03-01");
    store.add_action(first.round, action("Klar åtgärd", ActionStatus::Done, "2025-06-30"));
    store.add_action(first.round, action("Pågående åtgärd", ActionStatus::Ongoing, "2025-09-30"));
    store.add_action(first.round, action("Planerad åtgärd", ActionStatus::Planned, "2025-12-31"));
    store.add_action(first.round, action("Struken åtgärd", ActionStatus::Cancelled, "2025-12-31"));

    Store::NewRound nr;
    nr.team_id = first.team;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse("2026-03-01");
    const Id second = store.create_round(nr);
    const auto offered = store.unfinished_actions_before(second);
    REQUIRE(offered.size() == 2);
    CHECK(offered[0].what == "Pågående åtgärd");
    CHECK(offered[1].what == "Planerad åtgärd");

    store.carry_over(second, {offered[0].uuid});
    const ImprovementPlan p = store.plan(second);
    REQUIRE(p.actions.size() == 1);
    CHECK(p.actions[0].what == "Pågående åtgärd");
    CHECK(p.actions[0].carried_from == offered[0].uuid);
    CHECK(p.actions[0].uuid != offered[0].uuid);

    const auto still = store.unfinished_actions_before(second);
    REQUIRE(still.size() == 1);
    CHECK(still[0].what == "Planerad åtgärd");
}
