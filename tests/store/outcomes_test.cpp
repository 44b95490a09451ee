// Quarterly outcomes in the store: the quarter, the rules, upsert and removal with their
// history, and outcomes travelling in exchange files (format 2, format 1 still read).
#include "store_fixture.h"
#include "store_impl.h"  // store/src: StoreAccess, the database behind a store

#include "exchange_format.h"  // store/src: the digest of an element as written
#include "store/csv_outcomes.h"
#include "store/demo.h"
#include "store/exchange.h"

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

TeamOutcome outcome(Id team, const char* quarter, GenderCount served, GenderCount working) {
    TeamOutcome o;
    o.team_id = team;
    o.quarter = *Quarter::try_parse(quarter);
    o.served = served;
    o.working = working;
    return o;
}

std::string refusal(Store& store, const TeamOutcome& o) {
    try {
        store.set_outcome(o);
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Invalid);
        return e.what();
    }
    return {};
}

// Every <outcome> digest recomputed, as a hostile tester re-signs what they changed.
std::string resigned(const std::string& text) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(text.c_str()));
    for (pugi::xml_node n : doc.document_element().children("outcome"))
        n.attribute("digest").set_value(exchange::digest_of(n).c_str());
    std::ostringstream out;
    doc.save(out, "  ");
    return out.str();
}

}  // namespace

TEST_CASE("A quarter reads as 2025Q3 and nothing else") {
    const auto q = Quarter::try_parse("2025Q3");
    REQUIRE(q);
    CHECK(q->year == 2025);
    CHECK(q->number == 3);
    CHECK(q->text() == "2025Q3");
    CHECK(q->first_day() == Date{2025, 7, 1});
    CHECK(q->last_day() == Date{2025, 9, 30});
    CHECK(q->next() == Quarter{2025, 4});
    CHECK(Quarter{2025, 4}.next() == Quarter{2026, 1});
    CHECK(Quarter::of(Date{2024, 12, 31}) == Quarter{2024, 4});
    CHECK(Quarter::try_parse("2025-q1"));
    for (const char* bad : {"2025Q5", "2025Q0", "2025", "25Q3", "2025Q33", "Q3 2025", "", "2025 Q3", "0999Q1"})
        CHECK_FALSE(Quarter::try_parse(bad));
}

TEST_CASE("Outcomes are set, replaced, listed and removed, each change in the history") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const Id a = store.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    const Id b = store.add_team("0604", "Aneby Arbete", Method::SE);
    store.set_outcome(outcome(a, "2025Q3", {12, 9, 1}, {5, 4, 0}));
    store.set_outcome(outcome(a, "2025Q2", {10, 8, 0}, {3, 3, 0}));
    store.set_outcome(outcome(b, "2025Q3", {20, 20, 0}, {10, 6, 0}));
    const auto list = store.outcomes(a);
    REQUIRE(list.size() == 2);
    CHECK(list[0].quarter.text() == "2025Q2");  // oldest first
    CHECK(*list[1].employment_rate() == Approx(100.0 * 9 / 22));
    CHECK(store.all_outcomes().size() == 3);
    CHECK(store.all_outcomes().front().team_id == b);  // Aneby before Jönköping, as teams()

    TeamOutcome changed = outcome(a, "2025Q3", {12, 9, 1}, {6, 4, 0});
    changed.studying = {1, 1, 0};
    changed.job_starts = 2;
    store.set_outcome(changed);  // the same quarter: replaced, not added
    CHECK(store.outcomes(a).size() == 2);
    CHECK(store.outcome(a, Quarter{2025, 3})->working.women == 6);
    CHECK(store.outcome(a, Quarter{2025, 3})->job_starts == 2);

    store.remove_outcome(a, Quarter{2025, 2});
    CHECK(store.outcomes(a).size() == 1);
    CHECK_THROWS_AS(store.remove_outcome(a, Quarter{2025, 2}), StoreError);

    Statement st(StoreAccess::database(store), "SELECT field, old_value, new_value FROM history WHERE entity = 'outcome' ORDER BY id");
    std::vector<std::string> fields;
    while (st.step()) fields.push_back(st.text(0));
    CHECK(fields == std::vector<std::string>{"added", "added", "added", "outcome", "removed"});
}

TEST_CASE("Impossible outcomes are refused with the reason and change nothing") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const Id a = store.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    store.set_outcome(outcome(a, "2025Q3", {12, 9, 1}, {5, 4, 0}));
    const std::string before = store.outcome(a, Quarter{2025, 3})->summary();

    CHECK_THAT(refusal(store, outcome(a, "2025Q3", {12, -1, 1}, {5, 0, 0})), Catch::Contains("negative"));
    CHECK_THAT(refusal(store, outcome(a, "2025Q3", {3, 9, 1}, {5, 4, 0})),
               Catch::Contains("5 women are counted in work, but only 3 were served"));
    CHECK_THAT(refusal(store, outcome(a, "2025Q3", {12, 9, 1}, {5, 4, 2})), Catch::Contains("only 1 were served"));
    TeamOutcome studying = outcome(a, "2025Q3", {12, 9, 1}, {5, 4, 0});
    studying.studying = {0, 10, 0};
    CHECK_THAT(refusal(store, studying), Catch::Contains("in studies"));
    TeamOutcome bad_quarter = outcome(a, "2025Q3", {12, 9, 1}, {5, 4, 0});
    bad_quarter.quarter.number = 5;
    CHECK_THAT(refusal(store, bad_quarter), Catch::Contains("2025Q5 is not a quarter"));
    CHECK_THAT(refusal(store, outcome(a, "2025Q3", {12, 9, std::nullopt}, {5, 4, 0})), Catch::Contains("other/unknown"));
    TeamOutcome starts = outcome(a, "2025Q3", {12, 9, 1}, {5, 4, 0});
    starts.job_starts = -1;
    CHECK_THAT(refusal(store, starts), Catch::Contains("negative"));

    CHECK(store.outcome(a, Quarter{2025, 3})->summary() == before);
    CHECK(store.outcomes(a).size() == 1);
}

TEST_CASE("Outcomes travel in format 2 exchange files and import as added, then identical") {
    TempDir dir;
    Store source = create_demo(db_path(dir, "demo.fidelis"));
    const Team team = source.teams().front();
    std::vector<Id> ids;
    for (const Round& r : source.rounds_of_team(team.id)) ids.push_back(r.id);
    const std::string file = export_rounds(source, ids);
    CHECK(file.find("format=\"2\"") != std::string::npos);
    const std::size_t quarters = source.outcomes(team.id).size();
    REQUIRE(quarters > 10);

    Store target = Store::create(db_path(dir, "target.fidelis"), "06");
    const ImportReport first = import_exchange(target, file, "team.xml", {});
    CHECK(first.count_outcomes(ImportedRound::Outcome::Added) == int(quarters));
    const Id here = target.team_by_uuid(team.uuid)->id;
    CHECK(target.outcomes(here).size() == quarters);
    CHECK(target.outcomes(here).back().summary() == source.outcomes(team.id).back().summary());
    const ImportReport again = import_exchange(target, file, "team.xml", {});
    CHECK(again.count_outcomes(ImportedRound::Outcome::Identical) == int(quarters));

    // A changed quarter here is a conflict unless replacing was asked for.
    TeamOutcome mine = target.outcomes(here).back();
    mine.referrals = 99;
    target.set_outcome(mine);
    CHECK(import_exchange(target, file, "team.xml", {}).count_outcomes(ImportedRound::Outcome::Conflict) == 1);
    CHECK(target.outcomes(here).back().referrals == 99);
    ImportOptions replace;
    replace.replace_conflicts = true;
    CHECK(import_exchange(target, file, "team.xml", replace).count_outcomes(ImportedRound::Outcome::Replaced) == 1);
    CHECK(target.outcomes(here).back().referrals == source.outcomes(team.id).back().referrals);
}

TEST_CASE("A format 1 exchange file without outcomes still imports") {
    TempDir dir;
    Store source = Store::create(db_path(dir, "old.fidelis"), "06");
    const Id team = source.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = ips25();
    nr.assessed_on = Date{2019, 10, 1};
    nr.raters = {{"Karin Lindqvist", ""}};
    source.create_round(nr);
    std::string file = export_rounds(source, all_ids(source));
    // The file as a Fidelis before outcomes wrote it: the root's format is not in any digest.
    const std::size_t at = file.find("format=\"2\"");
    REQUIRE(at != std::string::npos);
    file.replace(at, 10, "format=\"1\"");
    Store target = Store::create(db_path(dir, "new.fidelis"), "06");
    const ImportReport r = import_exchange(target, file, "old.xml", {});
    CHECK(r.count(ImportedRound::Outcome::Added) == 1);
    CHECK(r.outcomes.empty());
}

TEST_CASE("Bad outcome rows in an exchange file are refused with file and line, and nothing is imported") {
    TempDir dir;
    Store source = Store::create(db_path(dir, "a.fidelis"), "06");
    const Id team = source.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    source.set_outcome(outcome(team, "2025Q3", {12, 9, 1}, {5, 4, 0}));
    const std::string file = export_rounds(source, {}, {team});
    REQUIRE(file.find("<outcome ") != std::string::npos);

    int n = 0;
    auto refused = [&](const std::string& text) {
        Store target = Store::create(db_path(dir, "b" + std::to_string(++n) + ".fidelis"), "06");
        std::string message;
        try {
            import_exchange(target, text, "county.xml", {});
        } catch (const Error& e) {
            message = e.what();
        }
        CHECK(target.teams().empty());
        CHECK(target.all_outcomes().empty());
        return message;
    };
    auto changed = [&](const std::string& from, const std::string& to) {
        std::string text = file;
        const std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        return resigned(text.replace(at, from.size(), to));
    };
    CHECK_THAT(refused(changed("working women=\"5\"", "working women=\"15\"")),
               Catch::Contains("county.xml:") && Catch::Contains("15 women are counted in work"));
    CHECK_THAT(refused(changed("quarter=\"2025Q3\"", "quarter=\"2025Q5\"")),
               Catch::Contains("county.xml:") && Catch::Contains("\"2025Q5\" is not a quarter"));
    CHECK_THAT(refused(changed("served women=\"12\"", "served women=\"-2\"")), Catch::Contains("negative"));
    // Unsigned, an edit is caught by the digest.
    std::string edited = file;
    edited.replace(edited.find("men=\"4\""), 7, "men=\"3\"");
    CHECK_THAT(refused(edited), Catch::Contains("changed after they were exported"));
    // Outcomes in a file that says format 1 are not what that format holds.
    std::string old = file;
    old.replace(old.find("format=\"2\""), 10, "format=\"1\"");
    CHECK_THAT(refused(old), Catch::Contains("needs exchange format 2"));
}

TEST_CASE("The demo county has realistic outcomes for every quarter its rounds span") {
    TempDir dir;
    Store store = create_demo(db_path(dir, "demo.fidelis"));
    int in_range = 0, all = 0, apart = 0;
    for (const Team& t : store.teams()) {
        const auto rounds = store.rounds_of_team(t.id);
        const auto list = store.outcomes(t.id);
        REQUIRE(!list.empty());
        CHECK(list.front().quarter == Quarter::of(rounds.front().assessed_on));
        CHECK(list.back().quarter == Quarter::of(rounds.back().assessed_on));
        CHECK(int(list.size()) == list.back().quarter.index() - list.front().quarter.index() + 1);
        for (const TeamOutcome& o : list) {
            ++all;
            const double rate = *o.employment_rate();
            if (rate >= 25 && rate <= 55) ++in_range;
            if (TeamOutcome::rate_of(o.working.women, o.served.women) != TeamOutcome::rate_of(o.working.men, o.served.men))
                ++apart;
        }
    }
    CHECK(in_range > all * 8 / 10);
    CHECK(apart > all / 2);
    // Deterministic from the seed.
    Store again = create_demo(db_path(dir, "again.fidelis"));
    CHECK(again.all_outcomes().back().summary() == store.all_outcomes().back().summary());

    std::ostringstream csv;
    CHECK(write_outcomes_csv(store, csv, {}) == std::size_t(all));
    CHECK(csv.str().find("team_id;team_uuid;municipality_code;municipality;team;quarter;served_women") != std::string::npos);
}
