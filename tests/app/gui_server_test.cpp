// The window on a county's database on a server (the private PostgreSQL CTest starts):
// Connect to server names the database and login in the title and remembers the address
// without its password; what another login saves appears once the user pauses; an edit
// made on a rating someone else changed meanwhile is refused, named, and reloaded.
#include "gui_support.h"
#include "pg_test.h"
#include "test_window.h"

#include "assessment_panel.h"
#include "main_frame.h"
#include "round_page.h"
#include "store_fixture.h"
#include "ui.h"

#include <catch2/catch.hpp>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

// store_fixture.h's round (Anna Berg, the window's first rater, and Omar Haddad), on the server.
struct ServerRound : RoundSetup {
    std::size_t s1 = 0;  // S1's place in the item list
};

ServerRound make_server_round(const std::string& uri) {
    Store s = Store::create(uri, "06");
    ServerRound out;
    static_cast<RoundSetup&>(out) = make_round(s);
    const auto& items = s.scale_of(s.round(out.round))->items;
    while (items[out.s1].id != "S1") ++out.s1;
    return out;
}

}  // namespace

TEST_CASE("The window on a server: its title names it, others' changes appear, a stale edit is refused and reloaded",
          "[gui][server]") {
    if (delegated_to_xvfb()) return;
    const std::string uri = new_database("gui_window");
    const ServerRound setup = make_server_round(uri);
    TestWindow w("unused.fidelis", [](const std::string&) {}, "en");
    REQUIRE(w.frame->open_database(uri + "&password=never-kept"));
    pump(200);
    CHECK(utf8(w.frame->GetTitle()) == "Fidelis \u2013 gui_window on this computer (fidelis_owner)");
    REQUIRE_FALSE(w.settings->recent_servers().empty());
    CHECK(w.settings->recent_servers().front().find("never-kept") == std::string::npos);
    CHECK(w.settings->last_database().find("never-kept") == std::string::npos);

    RoundPage* page = w.frame->show_round(setup.round);
    REQUIRE(page);
    CHECK_FALSE(page->assessment()->saved_rating("S1").input.level);

    // Someone else rates S1; the window shows it after its next look.
    { Store other = Store::open(uri); other.save_rating(setup.round, rating("S1", setup.anna, 4)); }
    for (int i = 0; i < 50 && w.frame->round_page()->assessment()->saved_rating("S1").input.level != 4; ++i) {
        pump(100);
        w.frame->show_others_changes();
    }
    page = w.frame->round_page();
    REQUIRE(page);
    CHECK(page->assessment()->saved_rating("S1").input.level == 4);

    // Someone changes it again before this window has looked; rating here is then refused,
    // and the window shows theirs.
    { Store other = Store::open(uri); other.save_rating(setup.round, rating("S1", setup.anna, 2)); }
    page->assessment()->go_to(setup.s1);
    page->assessment()->rate(1);
    pump(300);
    CHECK(w.session.store->rating(setup.round, "S1", setup.anna)->input.level == 2);
    page = w.frame->round_page();
    REQUIRE(page);
    CHECK(page->assessment()->saved_rating("S1").input.level == 2);
    // From what it shows now, the edit goes through.
    page->assessment()->go_to(setup.s1);
    page->assessment()->rate(1);
    pump(100);
    CHECK(w.session.store->rating(setup.round, "S1", setup.anna)->input.level == 1);
    w.close();
}
