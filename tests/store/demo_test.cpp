// The demo county is realistic and deterministic.
#include "store_fixture.h"

#include "store/demo.h"
#include "store/exchange.h"

#include <set>

using namespace fidelis;
using namespace fidelis::test;

namespace {

std::string export_all(Store& s) {
    std::vector<Id> ids;
    for (const Round& r : s.all_rounds()) ids.push_back(r.id);
    return export_rounds(s, ids);
}

}  // namespace

TEST_CASE("The same seed gives the same demo county, another seed another") {
    TempDir dir;
    Store a = create_demo(db_path(dir, "a.fidelis"), 2017);
    Store b = create_demo(db_path(dir, "b.fidelis"), 2017);
    Store c = create_demo(db_path(dir, "c.fidelis"), 42);
    const std::string ea = export_all(a);
    CHECK(ea == export_all(b));
    CHECK(ea != export_all(c));
}

TEST_CASE("Every municipality in Jönköping county has a team, SE in most, IPS in a few") {
    TempDir dir;
    Store demo = create_demo(db_path(dir));
    std::set<std::string> with_team, with_se, with_ips;
    for (const Team& t : demo.teams()) {
        with_team.insert(t.municipality_code);
        (t.method == Method::SE ? with_se : with_ips).insert(t.municipality_code);
    }
    CHECK(with_team.size() == 13);
    CHECK(with_se.size() >= 10);
    CHECK(with_ips.size() >= 2);
    CHECK(with_ips.size() <= 4);
}

TEST_CASE("Completed IPS-25 rounds from 2017 to 2025 show teams that improve, stall and slip back") {
    TempDir dir;
    Store demo = create_demo(db_path(dir));
    bool improves = false, stalls = false, slips = false, seqf = false;
    int years_min = 9999, years_max = 0;
    for (const Team& t : demo.teams()) {
        std::vector<double> totals;
        for (const Round& r : demo.rounds_of_team(t.id)) {
            if (r.scale_id == "seqf-se") seqf = true;
            if (r.scale_id != "ips-25" || r.status != RoundStatus::Completed) continue;
            years_min = std::min(years_min, r.assessed_on.year);
            years_max = std::max(years_max, r.assessed_on.year);
            totals.push_back(score(*demo.scale_of(r), demo.result_ratings(r.id)).total);
        }
        REQUIRE(totals.size() >= 5);
        const double peak = *std::max_element(totals.begin(), totals.end());
        if (totals.back() - totals.front() >= 20) improves = true;
        if (std::abs(totals.back() - totals.front()) <= 6 && peak - totals.front() <= 8) stalls = true;
        if (peak - totals.back() >= 10 && peak > totals.front() + 10) slips = true;
    }
    CHECK(years_min == 2017);
    CHECK(years_max == 2025);
    CHECK(improves);
    CHECK(stalls);
    CHECK(slips);
    CHECK(seqf);
}

TEST_CASE("External reviews have two raters and consensus, notes in Swedish, figures by gender and plans") {
    TempDir dir;
    Store demo = create_demo(db_path(dir));
    int external = 0, flagged = 0, overdue = 0, done = 0, carried = 0, open_rounds = 0;
    bool swedish = false;
    const Date today = *Date::try_parse("2026-11-22");
    for (const Round& r : demo.all_rounds()) {
        if (r.status != RoundStatus::Completed) ++open_rounds;
        const ScalePtr scale = demo.scale_of(r);
        if (r.review_type == ReviewType::External) {
            ++external;
            CHECK(r.raters.size() == 2);
            const auto result = demo.result_ratings(r.id);
            CHECK(result.size() == scale->items.size());
            std::map<std::string, std::vector<int>> by_item;
            for (const Rating& x : demo.ratings(r.id)) {
                if (x.rater_id != consensus_rater && x.input.level) by_item[x.item_id].push_back(*x.input.level);
                if (x.note.find_first_of("åäö") != std::string::npos) swedish = true;
            }
            for (const auto& [item, levels] : by_item)
                if (levels.size() == 2 && std::abs(levels[0] - levels[1]) >= 2) ++flagged;
        }
        const auto f = demo.team_figures(r.id);
        REQUIRE(f);
        CHECK(f->participants.women.has_value());
        CHECK(f->participants.men.has_value());
        for (const PlanAction& a : demo.plan(r.id).actions) {
            if (a.overdue(today)) ++overdue;
            if (a.status == ActionStatus::Done) ++done;
            if (!a.carried_from.empty()) ++carried;
        }
    }
    CHECK(external >= 60);
    CHECK(flagged > 0);  // some disagreements of two levels or more, for the consensus view
    CHECK(swedish);
    CHECK(overdue > 0);
    CHECK(done > 0);
    CHECK(carried > 0);
    CHECK(open_rounds == 2);  // this autumn's rounds: one awaiting completion, one half rated
}
