// The managers' overview of every team's plan: which plan counts, which actions are open,
// overdue or due soon, which completed rounds still lack a plan, and the same figures
// through `fidelis-cli plans` and the printed overview.
#include "reports/plans_overview.h"
#include "reports/reports.h"
#include "run.h"
#include "scales/scale_loader.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::cli;
using fidelis::test::TempDir;

namespace {

ScalePtr ips25() {
    static const ScalePtr s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    return s;
}

Id add_round(Store& store, Id team, const char* date, bool complete) {
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse(date);
    nr.review_type = ReviewType::External;
    const Id id = store.create_round(nr);
    for (const Item& item : nr.scale->items) {
        Rating r;
        r.item_id = item.id;
        r.input.level = 3;
        store.save_rating(id, r);
    }
    if (complete) store.set_status(id, RoundStatus::Completed);
    return id;
}

PlanAction action(const char* what, std::optional<const char*> due, ActionStatus status = ActionStatus::Planned) {
    PlanAction a;
    a.item_id = "S1";
    a.what = what;
    a.responsible = "Eva Ek";
    if (due) a.due = Date::try_parse(*due);
    a.status = status;
    return a;
}

const TeamPlanStatus& of(const std::vector<TeamPlanStatus>& all, const std::string& name) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const TeamPlanStatus& s) { return s.team.name == name; });
    REQUIRE(it != all.end());
    return *it;
}

struct PlanCounty {
    TempDir dir;
    std::string path = (dir / "plans.fidelis").string();
    Id habo = 0, mullsjo = 0, gone = 0, r1 = 0, r2 = 0;
    PlanCounty() {
        Store s = Store::create(path, "06");
        habo = s.add_team("0643", "Habo IPS", Method::IPS);
        mullsjo = s.add_team("0642", "Mullsjö IPS", Method::IPS);
        gone = s.add_team("0665", "Vaggeryd IPS", Method::IPS);
        // Habo: an older plan with one action carried over and one left behind, a newer plan.
        r1 = add_round(s, habo, "2025-03-01", true);
        s.add_action(r1, action("Old, carried over", "2025-06-01"));
        s.add_action(r1, action("Old, forgotten", "2025-06-15", ActionStatus::Ongoing));
        s.add_action(r1, action("Old, done", "2025-05-01", ActionStatus::Done));
        r2 = add_round(s, habo, "2025-09-01", true);
        const std::string carried = s.plan(r1).actions[0].uuid;
        s.carry_over(r2, {carried});
        s.add_action(r2, action("Due in ten days", "2025-10-11"));
        s.add_action(r2, action("Due in sixty days", "2025-11-30"));
        s.add_action(r2, action("Undated", std::nullopt));
        s.add_action(r2, action("Finished", "2025-09-20", ActionStatus::Done));
        PlanGoal g;
        g.item_id = "S1";
        g.target_level = 4;
        s.add_goal(r2, g);
        s.update_plan_header(r2, std::nullopt, std::nullopt, "Karin Lind", Date::try_parse("2025-12-01"));
        // Mullsjö: a completed round and no plan at all.
        add_round(s, mullsjo, "2025-08-01", true);
        // Vaggeryd: inactive, with an overdue action.
        const Id r3 = add_round(s, gone, "2025-01-01", true);
        s.add_action(r3, action("Never done", "2025-02-01"));
        Team t = s.team(gone);
        t.active = false;
        s.update_team(t);
    }
};

}  // namespace

TEST_CASE("Open actions are every unfinished action no later plan continues, by due date") {
    PlanCounty c;
    Store s = Store::open(c.path);
    PlansQuery q;
    q.today = *Date::try_parse("2025-10-01");
    const auto all = plans_overview(s, q);
    const TeamPlanStatus& habo = of(all, "Habo IPS");
    std::vector<std::string> open;
    for (const OpenAction& a : habo.open) open.push_back(a.action.what);
    // The carried-over original is not counted twice; its copy in the newer plan is.
    CHECK(open == std::vector<std::string>{"Old, carried over", "Old, forgotten", "Due in ten days", "Due in sixty days",
                                           "Undated"});
    CHECK(habo.open[0].round.id == c.r2);  // the copy, in the newer plan
    CHECK(habo.open[1].round.id == c.r1);  // left behind in the older plan
    CHECK(habo.count(ActionState::Overdue) == 2);
    CHECK(habo.count(ActionState::Upcoming) == 1);
    CHECK(habo.count(ActionState::Later) == 1);
    CHECK(habo.count(ActionState::NoDate) == 1);
}

TEST_CASE("The current plan is the newest with goals or actions, with its header") {
    PlanCounty c;
    Store s = Store::open(c.path);
    PlansQuery q;
    q.today = *Date::try_parse("2025-10-01");
    const auto all = plans_overview(s, q);
    const TeamPlanStatus& habo = of(all, "Habo IPS");
    REQUIRE(habo.plan_round);
    CHECK(habo.plan_round->id == c.r2);
    CHECK(habo.goals == 1);
    CHECK(habo.actions == 5);
    CHECK(habo.done == 1);
    CHECK(habo.manager == "Karin Lind");
    CHECK(habo.next_follow_up == Date::try_parse("2025-12-01"));
    CHECK_FALSE(habo.plan_missing());
}

TEST_CASE("A completed round without a plan is marked and inactive teams are left out unless asked for") {
    PlanCounty c;
    Store s = Store::open(c.path);
    PlansQuery q;
    q.today = *Date::try_parse("2025-10-01");
    const auto all = plans_overview(s, q);
    CHECK(of(all, "Mullsjö IPS").plan_missing());
    CHECK_FALSE(of(all, "Mullsjö IPS").plan_round);
    CHECK(std::none_of(all.begin(), all.end(), [](const TeamPlanStatus& t) { return t.team.name == "Vaggeryd IPS"; }));
    q.include_inactive = true;
    const auto with_inactive = plans_overview(s, q);
    CHECK(of(with_inactive, "Vaggeryd IPS").count(ActionState::Overdue) == 1);
}

TEST_CASE("The due-soon window is measured from today and includes its last day") {
    PlanCounty c;
    Store s = Store::open(c.path);
    PlansQuery q;
    q.today = *Date::try_parse("2025-10-01");
    q.upcoming_days = 60;  // 2025-11-30 is the sixtieth day
    const auto sixty = plans_overview(s, q);
    CHECK(of(sixty, "Habo IPS").count(ActionState::Upcoming) == 2);
    q.upcoming_days = 59;
    const auto fifty_nine = plans_overview(s, q);
    CHECK(of(fifty_nine, "Habo IPS").count(ActionState::Upcoming) == 1);
}

TEST_CASE("fidelis-cli plans prints a line per team and per open action, and --overdue keeps only the overdue") {
    PlanCounty c;
    const auto r = cli({"plans", "--db", c.path, "--today", "2025-10-01"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("team\t" + std::to_string(c.habo) + "\tHabo IPS\tHabo\t2025-09-01\t1\t1/5\t2\t1\t2025-12-01\t\n") !=
          std::string::npos);
    CHECK(r.out.find("team\t" + std::to_string(c.mullsjo) + "\tMullsjö IPS\tMullsjö\t\t0\t0/0\t0\t0\t\tplan-missing\n") !=
          std::string::npos);
    CHECK(r.out.find("\tS1\t2025-06-15\tongoing\toverdue\tOverdue\tEva Ek\tOld, forgotten\n") != std::string::npos);
    CHECK(r.out.find("Vaggeryd") == std::string::npos);
    const auto late = cli({"plans", "--db", c.path, "--today", "2025-10-01", "--overdue"});
    REQUIRE(late.exit_code == 0);
    CHECK(late.out.find("Mullsjö") == std::string::npos);
    CHECK(late.out.find("Due in ten days") == std::string::npos);
    CHECK(late.out.find("Old, forgotten") != std::string::npos);
    const auto all = cli({"plans", "--db", c.path, "--today", "2025-10-01", "--all", "--overdue"});
    CHECK(all.out.find("Never done") != std::string::npos);
    CHECK(cli({"plans", "--db", c.path, "--within", "soon"}).exit_code == 2);
}

TEST_CASE("The printed plans overview names the overdue actions in words in Swedish and English") {
    PlanCounty c;
    for (const std::string lang : {"en", "sv"}) {
        const std::string out = (c.dir / ("plans-" + lang + ".pdf")).string();
        const auto r = cli({"report", "plans", "--db", c.path, "--today", "2025-10-01", "--lang", lang, "--out", out});
        REQUIRE(r.exit_code == 0);
        const std::string text = fidelis::test::run("/usr/bin/pdftotext", {"-layout", out, "-"}).out;
        if (lang == "en") {
            CHECK(text.find("Plans overview") != std::string::npos);
            CHECK(text.find("2 actions are overdue in 1 team.") != std::string::npos);
            CHECK(text.find("Completed rounds without a plan") != std::string::npos);
        } else {
            CHECK(text.find("Översikt över planerna") != std::string::npos);
            CHECK(text.find("Försenad") != std::string::npos);
        }
        CHECK(text.find("Old, forgotten") != std::string::npos);
        CHECK(text.find("Due in sixty days") == std::string::npos);  // later than 30 days: only counted
    }
}
