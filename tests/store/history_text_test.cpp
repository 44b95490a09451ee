// The history in words: what changed named by item and rater, codes as words, times as
// local time, oldest first; the one source of the window's viewer and the CLI.
#include "store_fixture.h"

#include "store/history_text.h"

#include <cstdlib>
#include <ctime>

using namespace fidelis;
using namespace fidelis::test;

namespace {

// Runs with the process in a time zone, and restores it.
struct TimeZone {
    std::string before;
    bool had = false;
    explicit TimeZone(const char* tz) {
        if (const char* b = std::getenv("TZ")) before = b, had = true;
        set_env("TZ", tz);
        tzset();
    }
    ~TimeZone() {
        if (had) set_env("TZ", before);
        else unset_env("TZ");
        tzset();
    }
};

}  // namespace

TEST_CASE("Stored UTC times read as local time, and anything else as it is") {
    TimeZone tz("Europe/Stockholm");
    CHECK(local_time_text("2026-01-15T09:30:00Z") == "2026-01-15 10:30:00");
    CHECK(local_time_text("2026-07-01T22:15:05Z") == "2026-07-02 00:15:05");  // summer time
    CHECK(local_time_text("not a time") == "not a time");
}

TEST_CASE("A round's history in words, oldest first, with item and rater, statuses and levels named") {
    TimeZone tz("UTC");
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    reopen(store, as_actor("Karin Lindqvist"));
    std::string now = "2026-01-15T09:30:00Z";
    store.set_clock([&] { return now; });
    Rating r = rating("S3", s.anna, 2);
    r.evidence = "Ärendelista";
    store.save_rating(s.round, r);
    now = "2026-01-15T09:40:00Z";
    Rating c = rating("S3", consensus_rater, 3);
    c.rationale = "Enades";
    store.save_rating(s.round, c);
    Rating cannot;
    cannot.item_id = "V1";
    cannot.rater_id = s.omar;
    cannot.input.cannot_rate = true;
    cannot.input.cannot_rate_reason = "Ingen uppgift";
    store.save_rating(s.round, cannot);
    store.set_status(s.round, RoundStatus::Consensus);
    PlanAction a;
    a.what = "Utbildning i ekonomisk vägledning";
    a.item_id = "V1";
    store.add_action(s.round, a);
    a = store.plan(s.round).actions.at(0);
    a.responsible = "Maria Lund";
    store.update_action(s.round, a);

    const std::vector<HistoryLine> lines = history_lines(store, s.round, SourceLanguage());
    auto find = [&](const std::string& what) {
        const auto it = std::find_if(lines.begin(), lines.end(), [&](const HistoryLine& h) { return h.what == what; });
        REQUIRE(it != lines.end());
        return *it;
    };
    CHECK(find("Round: created").new_value == "ips-25 2019");
    const HistoryLine level = find("Item S3, Anna Berg: rating");
    if (!on_server) {  // a server stamps its own time, whatever the store's clock says
        CHECK(level.when == "2026-01-15 09:30:00");
        CHECK(level.stored_at == "2026-01-15T09:30:00Z");
    }
    CHECK(level.who == expected_actor("Karin Lindqvist"));
    CHECK(level.old_value.empty());
    CHECK(level.new_value == "level 2");
    CHECK(find("Item S3, Anna Berg: evidence").new_value == "Ärendelista");
    CHECK(find("Item S3, consensus: rating").new_value == "level 3");
    CHECK(find("Item S3, consensus: rationale").new_value == "Enades");
    CHECK(find("Item V1, Omar Haddad: rating").new_value == "cannot rate: Ingen uppgift");
    const HistoryLine status = find("Round: status");
    CHECK(status.old_value == "Draft");
    CHECK(status.new_value == "Consensus");
    // An action is named by its text, also where the history keeps its id.
    CHECK(find("Action \u201CUtbildning i ekonomisk vägledning\u201D: added").old_value.empty());
    CHECK(find("Action \u201CUtbildning i ekonomisk vägledning\u201D: changed").new_value.find("Maria Lund") != std::string::npos);
    CHECK(lines.back().what == "Action \u201CUtbildning i ekonomisk vägledning\u201D: changed");  // oldest first
}
