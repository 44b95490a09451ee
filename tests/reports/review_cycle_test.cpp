// The review cycle rule: when the next review and the plan are due, on calendar dates,
// the good band and its edges, and which teams are in the cycle at all (a completed round,
// active teams only, drafts never resetting the clock).
#include "reports/review_cycle.h"
#include "scales/scale_loader.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::TempDir;

namespace {

ScalePtr shipped(const char* file) {
    return load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/" + file).scale;
}
ScalePtr ips25() {
    static const ScalePtr s = shipped("ips-25.xml");
    return s;
}
ScalePtr seqf() {
    static const ScalePtr s = shipped("seqf-se.xml");
    return s;
}

Date d(const char* iso) { return *Date::try_parse(iso); }

// A round rated by consensus: every item at `level`, except `low_items` one level lower.
Id add_round(Store& store, Id team, const char* date, int level, RoundStatus status, int low_items = 0,
             ScalePtr scale = ips25()) {
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = scale;
    nr.assessed_on = d(date);
    nr.review_type = ReviewType::External;
    const Id id = store.create_round(nr);
    int low = 0;
    for (const Item& item : scale->items) {
        Rating r;
        r.item_id = item.id;
        r.input.level = low++ < low_items ? level - 1 : level;
        store.save_rating(id, r);
    }
    if (status != RoundStatus::Draft) store.set_status(id, status);
    return id;
}

std::vector<std::string> names(const std::vector<ReviewCycleEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.team.name);
    return out;
}

}  // namespace

TEST_CASE("A round below the good band is reviewed again after six months, a good one after twelve") {
    const Scale& s = *ips25();
    CHECK(review_interval_months(s, 99) == 6);
    CHECK(review_interval_months(s, 25) == 6);
    CHECK(review_interval_months(s, 100) == 12);  // the good band's lower edge counts as good
    CHECK(review_interval_months(s, 125) == 12);  // exemplary is above good, still yearly
    CHECK(next_review_due(s, 99, d("2025-03-10")) == d("2025-09-10"));
    CHECK(next_review_due(s, 100, d("2025-03-10")) == d("2026-03-10"));
}

TEST_CASE("Calendar months take the last day of a shorter month") {
    const Scale& s = *ips25();
    CHECK(next_review_due(s, 80, d("2025-08-31")) == d("2026-02-28"));
    CHECK(next_review_due(s, 80, d("2023-08-31")) == d("2024-02-29"));  // a leap year
    CHECK(next_review_due(s, 80, d("2025-07-15")) == d("2026-01-15"));  // across the year
    CHECK(next_review_due(s, 110, d("2024-02-29")) == d("2025-02-28"));
}

TEST_CASE("A scale without a good band is reviewed yearly, whatever the total") {
    const Scale& plain = *seqf();
    REQUIRE_FALSE(plain.has_bands());
    CHECK(review_interval_months(plain, 1.0) == 12);
    Scale renamed = *ips25();  // bands, but none with the id "good"
    for (Band& b : renamed.scoring.bands)
        if (b.id == "good") b.id = "bra";
    CHECK(review_interval_months(renamed, 30) == 12);
}

TEST_CASE("The plan is due six weeks after the round") {
    CHECK(plan_due(d("2025-12-20")) == d("2026-01-31"));
    CHECK(plan_due(d("2026-02-01")) == d("2026-03-15"));
}

TEST_CASE("A review is overdue after its day, due on it and upcoming before it") {
    CHECK(review_state(d("2026-03-09"), d("2026-03-10")) == ReviewState::Overdue);
    CHECK(review_state(d("2026-03-10"), d("2026-03-10")) == ReviewState::Due);
    CHECK(review_state(d("2026-03-11"), d("2026-03-10")) == ReviewState::Upcoming);
    CHECK(std::string(code_of(ReviewState::Overdue)) == "overdue");
    CHECK(std::string(code_of(ReviewState::Due)) == "due");
    CHECK(std::string(code_of(ReviewState::Upcoming)) == "upcoming");
}

TEST_CASE("Only active teams with a completed round are in the cycle, and drafts after it change nothing") {
    TempDir dir;
    Store store = Store::create((dir / "county.fidelis").string(), "06");
    const Id low = store.add_team("0680", "Låg", Method::IPS);
    add_round(store, low, "2025-01-15", 3, RoundStatus::Completed);  // 75
    add_round(store, low, "2025-09-01", 5, RoundStatus::Draft);      // a draft after it: no reset
    add_round(store, low, "2025-10-01", 5, RoundStatus::Consensus);  // nor a round under consensus
    const Id good = store.add_team("0643", "Bra", Method::IPS);
    add_round(store, good, "2025-03-01", 4, RoundStatus::Completed);  // exactly 100
    const Id edge = store.add_team("0642", "Nästan", Method::IPS);
    add_round(store, edge, "2025-06-30", 4, RoundStatus::Completed, 1);  // 99
    const Id fresh = store.add_team("0665", "Bara utkast", Method::IPS);
    add_round(store, fresh, "2025-02-01", 3, RoundStatus::Draft);
    const Id gone = store.add_team("0683", "Nedlagt", Method::IPS);
    add_round(store, gone, "2024-01-01", 3, RoundStatus::Completed);
    Team t = store.team(gone);
    t.active = false;
    store.update_team(t);

    ReviewCycleQuery q;
    q.today = d("2025-12-31");
    const auto all = review_cycle(store, q);
    REQUIRE(names(all) == std::vector<std::string>{"Låg", "Nästan", "Bra"});  // by due date
    CHECK(all[0].round.assessed_on == d("2025-01-15"));
    CHECK(all[0].total == 75);
    CHECK(all[0].review_due == d("2025-07-15"));
    CHECK(all[0].state == ReviewState::Overdue);
    CHECK(all[0].plan_due == d("2025-02-26"));
    CHECK(all[1].total == 99);
    CHECK(all[1].review_due == d("2025-12-30"));
    CHECK(all[2].review_due == d("2026-03-01"));
    CHECK(all[2].state == ReviewState::Upcoming);

    q.within_days = 0;  // due or overdue
    CHECK(names(review_cycle(store, q)) == std::vector<std::string>{"Låg", "Nästan"});
    q.today = d("2025-12-30");
    const auto on_the_day = review_cycle(store, q);
    REQUIRE(on_the_day.size() == 2);
    CHECK(on_the_day[1].state == ReviewState::Due);
    q.within_days = 61;  // 2025-12-30 + 61 days = 2026-03-01
    CHECK(names(review_cycle(store, q)).size() == 3);
    q.within_days = 60;
    CHECK(names(review_cycle(store, q)).size() == 2);
}

TEST_CASE("The latest completed round by date starts the clock, and a new one resets it") {
    TempDir dir;
    Store store = Store::create((dir / "county.fidelis").string(), "06");
    const Id team = store.add_team("0680", "IPS Jönköping", Method::IPS);
    add_round(store, team, "2025-05-01", 4, RoundStatus::Completed);  // good: yearly
    add_round(store, team, "2024-11-01", 2, RoundStatus::Completed);  // entered later, but older
    ReviewCycleQuery q;
    q.today = d("2025-06-01");
    auto e = review_cycle(store, q);
    REQUIRE(e.size() == 1);
    CHECK(e[0].review_due == d("2026-05-01"));
    add_round(store, team, "2025-11-20", 3, RoundStatus::Completed);  // a new, lower round: six months
    e = review_cycle(store, q);
    REQUIRE(e.size() == 1);
    CHECK(e[0].round.assessed_on == d("2025-11-20"));
    CHECK(e[0].review_due == d("2026-05-20"));
}

TEST_CASE("Each scale has its own clock, and the plan counts as made with one goal or action") {
    TempDir dir;
    Store store = Store::create((dir / "county.fidelis").string(), "06");
    const Id team = store.add_team("0680", "SE Jönköping", Method::SE);
    const Id ips = add_round(store, team, "2025-01-10", 3, RoundStatus::Completed);
    add_round(store, team, "2025-02-10", 3, RoundStatus::Completed, 0, seqf());
    ReviewCycleQuery q;
    q.today = d("2025-03-01");
    auto e = review_cycle(store, q);
    REQUIRE(e.size() == 2);
    CHECK(e[0].scale_id == "ips-25");
    CHECK(e[0].review_due == d("2025-07-10"));
    CHECK(e[1].scale_id == "seqf-se");
    CHECK(e[1].review_due == d("2026-02-10"));  // no bands: yearly
    CHECK_FALSE(e[0].plan_made);
    q.scale_id = "seqf-se";
    CHECK(review_cycle(store, q).size() == 1);

    PlanAction a;
    a.what = "Ta fram en rutin för arbetsgivarkontakter";
    store.add_action(ips, a);
    q.scale_id = "ips-25";
    e = review_cycle(store, q);
    REQUIRE(e.size() == 1);
    CHECK(e[0].plan_made);
    CHECK(e[0].plan_due == d("2025-02-21"));
}
