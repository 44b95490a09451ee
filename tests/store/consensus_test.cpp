// Accepting the consensus where all raters agree: which items count as agreed, that it
// never overwrites an agreed level, and that it is in the history.
#include "store/consensus.h"
#include "store_fixture.h"

using namespace fidelis;
using namespace fidelis::test;

namespace {

Rating cannot(const std::string& item, Id rater, const std::string& reason) {
    Rating r;
    r.item_id = item;
    r.rater_id = rater;
    r.input.cannot_rate = true;
    r.input.cannot_rate_reason = reason;
    return r;
}

}  // namespace

TEST_CASE("Only items every rater gave the same level, or all found unratable, are unanimous") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    store.save_rating(s.round, rating("S3", s.anna, 4));
    store.save_rating(s.round, rating("S3", s.omar, 4));
    store.save_rating(s.round, rating("O3", s.anna, 4));
    store.save_rating(s.round, rating("O3", s.omar, 3));  // differ
    store.save_rating(s.round, rating("O4", s.anna, 5));  // only one rater so far
    store.save_rating(s.round, cannot("O6", s.anna, "Ingen dokumentation"));
    store.save_rating(s.round, cannot("O6", s.omar, "Saknas"));
    store.save_rating(s.round, cannot("V1", s.anna, "Ny i teamet"));
    store.save_rating(s.round, rating("V1", s.omar, 3));  // cannot rate against a level
    Rating v4a = rating("V4", s.anna, 0), v4o = rating("V4", s.omar, 0);
    v4a.input.level.reset();
    v4o.input.level.reset();
    v4a.input.value = 22.5;
    v4o.input.value = 22.5;
    store.save_rating(s.round, v4a);
    store.save_rating(s.round, v4o);

    const auto agreed = unanimous_ratings(*ips25(), store.round(s.round), store.ratings(s.round));
    REQUIRE(agreed.size() == 3);
    CHECK(agreed.at("S3").level == 4);
    CHECK_FALSE(agreed.at("S3").cannot_rate);
    CHECK(agreed.at("O6").cannot_rate);
    CHECK(agreed.at("O6").cannot_rate_reason == "Ingen dokumentation; Saknas");
    // The same number entered by both: the number comes along and gives the level.
    CHECK(agreed.at("V4").value == 22.5);
    CHECK(agreed.at("V4").level == level_from_inputs(*ips25()->item("V4"), agreed.at("V4")));
    CHECK_FALSE(agreed.count("O3"));
    CHECK_FALSE(agreed.count("O4"));
    CHECK_FALSE(agreed.count("V1"));
}

TEST_CASE(
    "Accepting the unanimous items saves them as the consensus with a rationale, in the history, and keeps agreed "
    "levels") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    for (const char* item : {"S3", "O3", "O4"}) {
        store.save_rating(s.round, rating(item, s.anna, 4));
        store.save_rating(s.round, rating(item, s.omar, 4));
    }
    store.save_rating(s.round, rating("O4", consensus_rater, 2));  // the team already agreed otherwise
    Rating note_only;
    note_only.item_id = "O3";
    note_only.rater_id = consensus_rater;
    note_only.note = "Diskutera på APT";
    store.save_rating(s.round, note_only);
    const std::size_t history_before = store.history(s.round).size();

    const auto accepted = accept_unanimous(store, s.round, SourceLanguage());
    CHECK(accepted == std::vector<std::string>{"S3", "O3"});
    const auto result = store.result_ratings(s.round);
    CHECK(result.at("S3").level == 4);
    CHECK(result.at("O3").level == 4);
    CHECK(result.at("O4").level == 2);
    const Rating o3 = *store.rating(s.round, "O3", consensus_rater);
    CHECK(o3.note == "Diskutera på APT");
    CHECK(o3.rationale == "All raters gave this level.");
    bool logged = false;
    for (const HistoryEntry& h : store.history(s.round))
        if (h.entity == "consensus" && h.key.rfind("S3", 0) == 0) logged = true;
    CHECK(logged);
    CHECK(store.history(s.round).size() > history_before);

    // Nothing left to accept: a second run changes nothing.
    CHECK(accept_unanimous(store, s.round, SourceLanguage()).empty());
}

TEST_CASE("A round with one rater has nothing to accept: its ratings are the result") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const Id team = store.add_team("0643", "Habo Jobbcenter", Method::IPS);
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse("2026-02-01");
    nr.raters = {{"Lena Ek", "Teamledare"}};
    const Id round = store.create_round(nr);
    store.save_rating(round, rating("S3", store.round(round).raters[0].id, 4));
    CHECK(unanimous_ratings(*ips25(), store.round(round), store.ratings(round)).empty());
    CHECK(accept_unanimous(store, round, SourceLanguage()).empty());
    CHECK_FALSE(store.rating(round, "S3", consensus_rater));
}
