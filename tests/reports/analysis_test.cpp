// What the reports say, checked without any PDF.
#include "reports/analysis.h"
#include "run.h"
#include "scales/scale_loader.h"
#include "store/demo.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <set>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::TempDir;

namespace {

ScalePtr ips25() {
    static const ScalePtr s =
        load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    return s;
}

Id add_round(Store& store, Id team, const char* date, const std::map<std::string, int>& levels, int rest,
             RoundStatus status = RoundStatus::Completed) {
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse(date);
    nr.review_type = ReviewType::External;
    const Id id = store.create_round(nr);
    for (const Item& item : ips25()->items) {
        Rating r;
        r.item_id = item.id;
        r.rater_id = consensus_rater;
        const auto it = levels.find(item.id);
        r.input.level = it == levels.end() ? rest : it->second;
        store.save_rating(id, r);
    }
    if (status != RoundStatus::Draft) store.set_status(id, status);
    return id;
}

}  // namespace

TEST_CASE("Strengths and priorities: highest and lowest items, ties go to the items most tied to outcomes") {
    const Scale& s = *ips25();
    std::map<std::string, int> levels;
    for (const Item& item : s.items) levels[item.id] = 3;
    levels["S3"] = 2;  // weight 1
    levels["V6"] = 2;  // weight 3
    levels["O5"] = 2;  // weight 1
    levels["V1"] = 1;
    levels["V14"] = 5;  // weight 1
    levels["O6"] = 5;   // weight 2
    levels["V4"] = 5;   // weight 3
    levels["S2"] = 5;   // weight 2
    CHECK(priorities_of(s, levels) == std::vector<std::string>{"V1", "V6", "S3"});
    CHECK(strengths_of(s, levels) == std::vector<std::string>{"V4", "S2", "O6"});
    // An item at the top level is never a priority; at the bottom never a strength.
    std::map<std::string, int> all_top;
    for (const Item& item : s.items) all_top[item.id] = 5;
    CHECK(priorities_of(s, all_top).empty());
}

TEST_CASE("A round report knows its previous round, the change per item and items stuck at 3 or below") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const Id team = store.add_team("0680", "IPS-teamet", Method::IPS);
    add_round(store, team, "2023-10-01", {{"V1", 2}, {"O3", 3}, {"S1", 2}}, 4);
    add_round(store, team, "2024-10-01", {{"V1", 3}, {"O3", 2}, {"S1", 4}}, 4);
    const Id latest = add_round(store, team, "2025-10-01", {{"V1", 2}, {"O3", 4}, {"S1", 5}}, 4);
    const RoundAnalysis a = analyse_round(store, latest);
    REQUIRE(a.previous);
    CHECK(a.previous->assessed_on.iso() == "2024-10-01");
    CHECK(a.score.total == 2 + 4 + 5 + 22 * 4);
    CHECK(a.change() == Approx(2 + 4 + 5 - (3 + 2 + 4)));
    const auto item = [&](const char* id) {
        return *std::find_if(a.items.begin(), a.items.end(), [&](const ItemResult& x) { return x.item_id == id; });
    };
    CHECK(item("S1").change() == 1);
    CHECK(item("O3").change() == 2);
    CHECK(item("V1").stuck_rounds == 3);
    CHECK(item("O3").stuck_rounds == 0);
    CHECK(a.stuck == std::vector<std::string>{"V1"});
    CHECK(a.priorities.front() == "V1");
}

TEST_CASE("The trend follows completed rounds and links plan actions to how their items moved") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const Id team = store.add_team("0680", "IPS-teamet", Method::IPS);
    const Id first = add_round(store, team, "2023-10-01", {{"V1", 2}}, 3, RoundStatus::Consensus);
    PlanAction a;
    a.item_id = "V1";
    a.what = "Utbilda i ekonomisk vägledning";
    a.status = ActionStatus::Done;
    store.add_action(first, a);
    store.set_status(first, RoundStatus::Completed);
    add_round(store, team, "2024-10-01", {{"V1", 3}}, 3);
    add_round(store, team, "2025-03-01", {{"V1", 1}}, 1, RoundStatus::Draft);  // an unfinished draft in between is left out
    add_round(store, team, "2025-10-01", {{"V1", 4}}, 3);
    const TrendAnalysis t = analyse_trend(store, team);
    REQUIRE(t.points.size() == 3);
    CHECK(t.points[0].score.total == 2 + 24 * 3);
    REQUIRE(t.actions.size() == 1);
    CHECK(t.actions[0].level_then == 2);
    CHECK(t.actions[0].level_next == 3);
    CHECK(t.actions[0].level_latest == 4);
    CHECK(t.stuck_rounds.at("S1") == 3);
    CHECK(t.stuck_rounds.at("V1") == 0);
}

TEST_CASE("County statistics per item: mean, median, range and shares at the top, middle and bottom") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const int s1[] = {5, 4, 3, 2};
    const char* municipalities[] = {"0604", "0662", "0680", "0687"};
    for (int i = 0; i < 4; ++i) {
        const Id team = store.add_team(municipalities[i], "Team " + std::to_string(i), Method::SE);
        add_round(store, team, "2025-06-01", {{"S1", s1[i]}}, 4);
    }
    CountyQuery q;
    q.from = Date::try_parse("2025-01-01");
    q.to = Date::try_parse("2025-12-31");
    const CountyAnalysis c = analyse_county(store, q);
    REQUIRE(c.teams.size() == 4);
    const ItemStats& st = c.items.front();
    CHECK(st.item_id == "S1");
    CHECK(st.n == 4);
    CHECK(st.mean == Approx(3.5));
    CHECK(st.median == Approx(3.5));
    CHECK(st.min == 2);
    CHECK(st.max == 5);
    CHECK(st.share_high == Approx(0.5));
    CHECK(st.share_mid == Approx(0.25));
    CHECK(st.share_low == Approx(0.25));
    // Totals 101, 100, 99, 98: two at good fidelity or better.
    CHECK(c.median_total == Approx(99.5));
    CHECK(c.good_or_better == 2);
    CHECK(c.share_good_or_better == Approx(0.5));
    REQUIRE(c.per_band.size() == 4);
    CHECK(c.per_band[0].band->id == "exemplary");
    CHECK(c.per_band[1].teams == 2);
    CHECK(c.per_band[2].teams == 2);
    CHECK(c.development_areas.front() == "S1");
    // County parts: Aneby in Höglandet, Gislaved in GGVV, Jönköping in Södra Vätterbygden, Tranås in Höglandet.
    CHECK(c.teams[0].group == "GGVV");
    CHECK(c.teams[0].team.municipality_name == "Gislaved");
}

TEST_CASE("Paired change compares teams measured in both periods, when asked for the period before") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const Id a = store.add_team("0604", "Aneby SE", Method::SE);
    const Id b = store.add_team("0680", "Jönköping SE", Method::SE);
    const Id c = store.add_team("0687", "Tranås SE", Method::SE);
    add_round(store, a, "2023-05-01", {}, 3);  // 75
    add_round(store, a, "2025-05-01", {}, 4);  // 100
    add_round(store, b, "2023-05-01", {}, 4);  // 100
    add_round(store, b, "2025-05-01", {{"S1", 2}}, 4);  // 98
    add_round(store, c, "2025-05-01", {}, 5);  // 125, only measured now
    CountyQuery q;
    q.from = Date::try_parse("2024-01-01");
    q.to = Date::try_parse("2025-12-31");
    q.comparison = Comparison::PreviousPeriod;
    const CountyAnalysis r = analyse_county(store, q);
    CHECK(r.comparison == Comparison::PreviousPeriod);
    CHECK(r.previous_from->iso() == "2022-01-01");
    CHECK(r.previous_to->iso() == "2023-12-31");
    REQUIRE(r.paired.size() == 2);
    CHECK(r.mean_paired_change == Approx((25 - 2) / 2.0));
    REQUIRE(r.teams.size() == 3);
}

TEST_CASE("Small helpers: median and codes") {
    CHECK(median({}) == 0);
    CHECK(median({3, 1, 2}) == 2);
    CHECK(median({4, 1, 2, 3}) == Approx(2.5));
    CHECK(code_label(0) == "A");
    CHECK(code_label(25) == "Z");
    CHECK(code_label(26) == "AA");
    CHECK(code_label(27) == "AB");
}

TEST_CASE("The demo county's comparison covers all 13 municipalities with their latest completed rounds") {
    TempDir dir;
    Store demo = create_demo((dir / "demo.fidelis").string());
    CountyQuery q;
    const CountyAnalysis c = analyse_county(demo, q);
    std::set<std::string> municipalities;
    for (const TeamLine& t : c.teams) {
        municipalities.insert(t.team.municipality_code);
        CHECK(t.round.status == RoundStatus::Completed);
    }
    CHECK(municipalities.size() == 13);
    CHECK(c.teams.size() == 15);
    CHECK(c.groups == std::vector<std::string>{"GGVV", "Södra Vätterbygden", "Höglandet"});
    CHECK(c.participants.women.value_or(0) > 0);

    q.only_grouping = "Höglandet";
    const CountyAnalysis h = analyse_county(demo, q);
    REQUIRE(h.teams.size() == 6);
    for (const TeamLine& t : h.teams) CHECK(t.group == "Höglandet");
}
