// A county's database on a real PostgreSQL: the private server tests/support/pg_server.sh
// starts for CTest (FIDELIS_TEST_PG_SOCKET). The demo county copied there reads as the
// file does; the rights hold against raw SQL as a team login; writers at once lose nothing.
#include "pg_test.h"
#include "store_fixture.h"

#include "store/demo.h"
#include "store/server.h"

#include <atomic>
#include <chrono>
#include <clocale>
#include <cstdlib>
#include <thread>

namespace fidelis::test {
namespace {

// The demo county as a file and, copied, on the server.
struct DemoOnServer {
    TempDir dir;
    std::string file;
    std::string server;
    explicit DemoOnServer(const std::string& name) : file(db_path(dir)), server(new_database(name)) {
        create_demo(file);
        copy_whole_database(file, server);
    }
};

std::string round_line(const Round& r) {
    return std::to_string(r.id) + "|" + r.uuid + "|" + std::to_string(r.team_id) + "|" + r.scale_id + "|" +
           r.assessed_on.iso() + "|" + std::string(code_of(r.status)) + "|" + std::to_string(r.raters.size());
}

}  // namespace

TEST_CASE("A demo county copied to a server reads as the file does: teams, rounds, results and history",
          "[server]") {
    DemoOnServer demo("copy_demo");
    Store file = Store::open(demo.file, read_only_options());
    Store server = Store::open(demo.server);
    CHECK(server.home_county().code == "06");
    REQUIRE(server.teams().size() == file.teams().size());
    for (std::size_t i = 0; i < file.teams().size(); ++i) {
        CHECK(server.teams()[i].name == file.teams()[i].name);  // Swedish order on both
        CHECK(server.teams()[i].municipality_name == file.teams()[i].municipality_name);
    }
    const auto rounds = file.all_rounds();
    REQUIRE(server.all_rounds().size() == rounds.size());
    for (const Round& r : rounds) {
        CHECK(round_line(server.round(r.id)) == round_line(r));
        const auto a = file.result_ratings(r.id), b = server.result_ratings(r.id);
        REQUIRE(a.size() == b.size());
        for (const auto& [item, rating] : a) CHECK(b.at(item).level == rating.level);
        CHECK(server.history(r.id).size() == file.history(r.id).size());
        CHECK(server.plan(r.id).actions.size() == file.plan(r.id).actions.size());
    }
    CHECK(server.groupings().size() == file.groupings().size());
    CHECK(server.municipalities("06").size() == 13);
    CHECK(server.municipalities("").front().name == file.municipalities("").front().name);
    CHECK(server.municipalities("").back().name == file.municipalities("").back().name);

    SECTION("and copied back to a file, the same again") {
        TempDir back;
        copy_whole_database(demo.server, db_path(back));
        Store again = Store::open(db_path(back), read_only_options());
        REQUIRE(again.all_rounds().size() == rounds.size());
        for (const Round& r : rounds) CHECK(round_line(again.round(r.id)) == round_line(r));
        CHECK(again.check().empty());
    }
}

TEST_CASE("fidelis-cli gives the same rounds, round show, county report and CSV from the server as from the file",
          "[server]") {
    DemoOnServer demo("cli_same");
    const auto both = [&](std::vector<std::string> args) {
        std::vector<std::string> on_file = args, on_server = args;
        on_file.insert(on_file.end(), {"--db", demo.file});
        on_server.insert(on_server.end(), {"--db", demo.server});
        const RunResult a = cli(on_file), b = cli(on_server);
        INFO(args.front() << ": " << b.err);
        REQUIRE(a.exit_code == 0);
        REQUIRE(b.exit_code == 0);
        return std::make_pair(a.out, b.out);
    };
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"teams"}, {"rounds"}, {"round", "show", "--round", "73"}, {"groupings"},
          {"outcomes"}, {"history", "--round", "103"}, {"reviews", "due", "--today", "2026-11-01"}}) {
        const auto [file, server] = both(args);
        CHECK(server == file);
    }
    for (const char* format : {"html", "csv"}) {
        const std::string a = (demo.dir / (std::string("file.") + format)).string();
        const std::string b = (demo.dir / (std::string("server.") + format)).string();
        const bool csv = std::string(format) == "csv";
        std::vector<std::string> args = csv ? std::vector<std::string>{"csv"}
                                            : std::vector<std::string>{"report", "county", "--scale", "ips-25"};
        both([&] { auto x = args; x.insert(x.end(), {"--out", a}); return x; }());
        cli([&] { auto x = args; x.insert(x.end(), {"--db", demo.server, "--out", b}); return x; }());
        CHECK(read_file(b) == read_file(a));
    }
}

TEST_CASE("An exchange file imports into a server as into a file, and a dry run leaves it as it was", "[server]") {
    TempDir dir;
    const std::string file = db_path(dir);
    create_demo(file);
    const std::string xml = (dir / "all.xml").string();
    REQUIRE(cli({"export", "--db", file, "--out", xml}).exit_code == 0);
    const std::string uri = new_database("import_into");
    REQUIRE(cli({"server", "init", "--db", uri, "--county", "06"}).exit_code == 0);
    const RunResult dry = cli({"import", "--db", uri, "--dry-run", xml});
    REQUIRE(dry.exit_code == 0);
    CHECK(sql("import_into", "SELECT count(*) FROM rounds") == "0");
    const RunResult real = cli({"import", "--db", uri, xml});
    REQUIRE(real.exit_code == 0);
    CHECK_THAT(real.err, Catch::Contains("139 added"));  // the summary, on stderr
    CHECK(sql("import_into", "SELECT count(*) FROM rounds") == "139");
    // Imported again, every round is already there.
    CHECK_THAT(cli({"import", "--db", uri, xml}).err, Catch::Contains("139 identical skipped"));
}

TEST_CASE("server init refuses a database that already holds Fidelis data, and a county that does not exist",
          "[server]") {
    const std::string uri = new_database("init_twice");
    CHECK_THROWS_WITH(Store::create(uri, "99"), Catch::Contains("no county with code"));
    { Store first = Store::create(uri, "06"); }
    CHECK_THROWS_WITH(Store::create(uri, "06"), Catch::Contains("already holds Fidelis data"));
}

TEST_CASE("A team login reads and writes only its own team's rows, even with raw SQL", "[server]") {
    DemoOnServer demo("team_rights");
    Store owner = Store::open(demo.server);
    const Team mine = owner.teams().at(0);
    const Team theirs = owner.teams().at(1);
    add_server_login(owner, ServerLogin{"anna", LoginRole::Team, {mine.id}}, "anna-secret-1");

    const std::string id = std::to_string(mine.id);
    CHECK(sql("team_rights", "SELECT count(DISTINCT team_id) FROM rounds", "anna", "anna-secret-1") == "1");
    CHECK(sql("team_rights", "SELECT count(*) FROM rounds WHERE team_id <> " + id, "anna", "anna-secret-1") == "0");
    CHECK(sql("team_rights", "SELECT count(*) FROM ratings r JOIN rounds o ON o.id = r.round_id WHERE o.team_id <> " + id,
              "anna", "anna-secret-1") == "0");
    CHECK(sql("team_rights", "SELECT count(*) FROM teams", "anna", "anna-secret-1") == "1");
    // Writes to another team's rows touch nothing; a new round for it is refused.
    CHECK(sql("team_rights", "UPDATE rounds SET strengths = 'x' WHERE team_id = " + std::to_string(theirs.id), "anna",
              "anna-secret-1") == "0");
    CHECK(sql("team_rights", "DELETE FROM ratings", "anna", "anna-secret-1") != "0");  // own team's only
    CHECK(sql("team_rights", "SELECT count(*) FROM ratings r JOIN rounds o ON o.id = r.round_id WHERE o.team_id <> " +
                                 id) != "0");
    CHECK(sql("team_rights", "SELECT count(*) FROM accounts WHERE login <> 'anna'", "anna", "anna-secret-1") == "0");
    CHECK(sql("team_rights", "SELECT fidelis.add_login('eve', 'x', 'admin', '{}')", "anna", "anna-secret-1") ==
          "error 42501");

    SECTION("and the history names the login, whatever the client writes") {
        sql("team_rights",
            "INSERT INTO history (at, actor, entity, entity_key, field) VALUES ('2000-01-01T00:00:00Z', 'boss', 'team', "
            "'" + mine.uuid + "', 'note')",
            "anna", "anna-secret-1");
        CHECK(sql("team_rights", "SELECT actor FROM history ORDER BY id DESC LIMIT 1") == "anna");
    }
    SECTION("and the window's store, opened as that login, sees one team") {
        Store anna = Store::open(as_login("team_rights", "anna", "anna-secret-1"));
        REQUIRE(anna.teams().size() == 1);
        CHECK(anna.teams().at(0).id == mine.id);
        CHECK(anna.actor() == "anna");
        CHECK_THROWS_AS(anna.add_team("0680", "Nytt team", Method::IPS), StoreError);
    }
    SECTION("and a wrong password is refused with a sentence of ours") {
        try {
            Store::open(as_login("team_rights", "anna", "wrong-password"));
            FAIL("a wrong password was accepted");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Denied);
            CHECK_THAT(e.what(), Catch::Contains("did not accept the login"));
        }
    }
}

TEST_CASE("A leader reads every team and reviews externally, but cannot change a team's own assessment",
          "[server]") {
    DemoOnServer demo("leader_rights");
    Store owner = Store::open(demo.server);
    add_server_login(owner, ServerLogin{"lena", LoginRole::Leader, {}}, "lena-secret-1");
    Store lena = Store::open(as_login("leader_rights", "lena", "lena-secret-1"));
    CHECK(lena.teams().size() == owner.teams().size());
    CHECK(lena.all_rounds().size() == owner.all_rounds().size());
    Store::NewRound external;
    external.team_id = owner.teams().at(0).id;
    external.scale = ips25();
    external.assessed_on = *Date::try_parse("2026-11-01");
    external.review_type = ReviewType::External;
    external.raters = {{"Lena Leder", "Granskare"}};
    const Id review = lena.create_round(external);
    lena.save_rating(review, rating("O1", lena.round(review).raters.at(0).id, 3));
    CHECK(lena.ratings(review).size() == 1);
    external.review_type = ReviewType::Self;
    try {
        lena.create_round(external);
        FAIL("a leader started a team's self-assessment");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Denied);
    }
}

TEST_CASE("Two logins of one team saving ratings at the same moment lose none of them", "[server]") {
    const std::string uri = new_database("two_writers");
    Id round = 0, anna = 0, omar = 0, team = 0;
    {
        Store owner = Store::create(uri, "06");
        const RoundSetup s = make_round(owner);
        round = s.round, anna = s.anna, omar = s.omar, team = s.team;
        add_server_login(owner, ServerLogin{"anna", LoginRole::Team, {team}}, "anna-secret-1");
        add_server_login(owner, ServerLogin{"omar", LoginRole::Team, {team}}, "omar-secret-1");
    }
    const ScalePtr scale = ips25();
    std::atomic<int> failures{0};
    auto writer = [&](const std::string& login, const std::string& password, Id rater) {
        try {
            Store s = Store::open(as_login("two_writers", login, password));
            for (const Item& item : scale->items) s.save_rating(round, rating(item.id, rater, 3));
        } catch (...) {
            ++failures;
        }
    };
    std::thread a(writer, "anna", "anna-secret-1", anna);
    std::thread b(writer, "omar", "omar-secret-1", omar);
    a.join();
    b.join();
    CHECK(failures == 0);
    Store owner = Store::open(uri);
    CHECK(owner.ratings(round).size() == 2 * scale->items.size());
    CHECK(sql("two_writers", "SELECT count(DISTINCT actor) FROM history WHERE actor IN ('anna', 'omar')") == "2");
}

TEST_CASE("Two logins saving one rating from the same reading: one is kept, the other refused naming who won",
          "[server]") {
    const std::string uri = new_database("stale_edits");
    Id round = 0, anna = 0, team = 0;
    {
        Store owner = Store::create(uri, "06");
        const RoundSetup s = make_round(owner);
        round = s.round, anna = s.anna, team = s.team;
        add_server_login(owner, ServerLogin{"anna", LoginRole::Team, {team}}, "anna-secret-1");
        add_server_login(owner, ServerLogin{"omar", LoginRole::Team, {team}}, "omar-secret-1");
        for (const Item& item : ips25()->items) owner.save_rating(round, rating(item.id, anna, 3));
    }
    // Both read every rating, then both save their own level for it at the same moment.
    const ScalePtr scale = ips25();
    std::atomic<int> arrived{0};
    auto meet = [&](int round_trip) {
        ++arrived;
        while (arrived.load() < 2 * round_trip) std::this_thread::yield();
    };
    struct Outcome {
        int saved = 0, refused = 0, other = 0;
        std::vector<std::string> messages;
    };
    auto writer = [&](const std::string& login, const std::string& password, int level, Outcome& out) {
        Store s = Store::open(as_login("stale_edits", login, password));
        int trip = 0;
        for (const Item& item : scale->items) {
            Rating r = *s.rating(round, item.id, anna);
            r.input.level = level;
            meet(++trip);
            try {
                s.save_rating(round, r);
                ++out.saved;
            } catch (const StoreError& e) {
                if (e.kind() == StoreError::Kind::Stale) ++out.refused, out.messages.push_back(e.what());
                else ++out.other;
            }
            meet(++trip);
        }
    };
    Outcome a, o;
    std::thread ta(writer, "anna", "anna-secret-1", 2, std::ref(a));
    std::thread to(writer, "omar", "omar-secret-1", 4, std::ref(o));
    ta.join();
    to.join();
    const int items = static_cast<int>(scale->items.size());
    CHECK(a.other + o.other == 0);
    CHECK(a.saved + o.saved == items);  // exactly one of each pair was kept
    CHECK(a.refused + o.refused == items);
    for (const std::string& m : a.messages) CHECK_THAT(m, Catch::StartsWith("omar changed this at "));
    for (const std::string& m : o.messages) CHECK_THAT(m, Catch::StartsWith("anna changed this at "));
    Store owner = Store::open(uri);
    int twos = 0, fours = 0, others = 0;
    for (const Rating& r : owner.ratings(round)) ++(r.input.level == 2 ? twos : r.input.level == 4 ? fours : others);
    CHECK(others == 0);
    CHECK(twos == a.saved);
    CHECK(fours == o.saved);
}

TEST_CASE("fidelis-cli sets up a server, adds a team login from standard input, and lists it", "[server]") {
    const std::string uri = new_database("cli_server");
    RunResult init = cli({"server", "init", "--db", uri, "--county", "06"});
    REQUIRE(init.exit_code == 0);
    CHECK_THAT(init.out, Catch::Contains("Jönköpings län"));
    REQUIRE(cli({"team", "add", "--db", uri, "--municipality", "0680", "--name", "IPS Jönköping", "--method", "ips"})
                .exit_code == 0);
    const std::string add = std::string("printf 'a-long-password\\n' | '") + FIDELIS_CLI + "' server user add --db '" +
                            uri + "' --login kim --role team --team 1 --password-stdin";
    RunResult added = run("/bin/sh", {"-c", add});
    REQUIRE(added.exit_code == 0);
    RunResult list = cli({"server", "user", "list", "--db", uri});
    CHECK(list.out == "kim\tteam\t1\n");
    RunResult teams = cli({"teams", "--db", as_login("cli_server", "kim", "a-long-password")});
    CHECK(teams.exit_code == 0);
    CHECK_THAT(teams.out, Catch::Contains("IPS Jönköping"));
    RunResult bad = cli({"server", "init", "--db", "county.fidelis", "--county", "06"});
    CHECK(bad.exit_code == 2);
    REQUIRE(cli({"server", "user", "remove", "--db", uri, "--login", "kim"}).exit_code == 0);
    CHECK(cli({"server", "user", "list", "--db", uri}).out.empty());
    CHECK(sql("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'kim'") == "0");
}

}  // namespace fidelis::test

namespace fidelis::test {

// Notifications arrive over the socket just after the commit: wait up to five seconds.
Store::OthersChanges heard(Store& store) {
    for (int i = 0; i < 50; ++i) {
        Store::OthersChanges c = store.others_changes();
        if (c.any()) return c;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return {};
}

TEST_CASE("A refused connection is told in our words also when the process runs in Swedish, as the window does",
          "[server]") {
    // The window sets the locale and LANGUAGE=sv; libpq has a Swedish catalog and would
    // then answer in Swedish, which the error mapping cannot read.
    const std::string uri = new_database("in_swedish");
    { Store::create(uri, "06"); }
    std::setlocale(LC_ALL, "C.UTF-8");
    setenv("LANGUAGE", "sv", 1);
    const std::string missing = server_address("no_such_database");
    try {
        Store::open(missing);
        FAIL("a database that does not exist was opened");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::NotFound);
    }
    try {
        Store::open(as_login("in_swedish", "nobody", "x"));
        FAIL("an unknown login was let in");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Denied);
    }
    unsetenv("LANGUAGE");
    std::setlocale(LC_ALL, "C");
}

TEST_CASE("A connection the server dropped is made again before the next change, and nothing is lost", "[server]") {
    const std::string uri = new_database("dropped");
    Store store = Store::create(uri, "06");
    const RoundSetup s = make_round(store);
    store.save_rating(s.round, rating("S1", s.anna, 3));
    // As a server restart or a network break would: the server ends this store's session.
    const std::string ended = sql("postgres",
                                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                  "WHERE datname = 'dropped' AND pid <> pg_backend_pid()",
                                  "postgres");
    REQUIRE(ended == "1");
    store.save_rating(s.round, rating("S2", s.anna, 4));  // reconnects, then saves
    CHECK(store.rating(s.round, "S1", s.anna)->input.level == 3);
    CHECK(store.rating(s.round, "S2", s.anna)->input.level == 4);
    CHECK(sql("dropped", "SELECT count(*) FROM ratings") == "2");
    // And it still hears others after reconnecting (LISTEN is set up again).
    store.others_changes();
    sql("dropped", "UPDATE ratings SET note = 'x' WHERE item_id = 'S1'");
    const Store::OthersChanges seen = heard(store);
    CHECK(seen.rounds.count(s.round) == 1);
}

TEST_CASE("A store hears what other logins commit, per round and for the county, and not its own changes",
          "[server]") {
    const std::string uri = new_database("hears_others");
    Store mine = Store::create(uri, "06");
    const RoundSetup s = make_round(mine);
    const RoundSetup own = make_round(mine, "2026-03-01");
    Store other = Store::open(uri);
    CHECK_FALSE(mine.others_changes().any());
    mine.save_rating(own.round, rating("S2", own.anna, 3));  // its own: not reported back
    other.save_rating(s.round, rating("S1", s.anna, 3));
    Store::OthersChanges seen = heard(mine);
    CHECK(seen.rounds == std::set<Id>{s.round});
    CHECK_FALSE(seen.county);
    other.add_team("0617", "Gnosjö IPS", Method::IPS);
    CHECK(heard(mine).county);
    // A change rolled back tells no one.
    {
        Transaction tx = other.begin();
        other.save_rating(s.round, rating("S3", s.anna, 2));
    }
    CHECK_FALSE(heard(mine).any());
    // A file has no others.
    TempDir dir;
    Store file = Store::create(db_path(dir), "06");
    CHECK_FALSE(file.on_server());
    CHECK(mine.on_server());
    CHECK_FALSE(file.others_changes().any());
}

}  // namespace fidelis::test

namespace fidelis::test {

TEST_CASE("A server database set up by a pre-release (schema 5) is refused in words, not at its first save",
          "[server]") {
    const std::string uri = new_database("pre_release");
    { Store::create(uri, "06"); }
    REQUIRE(sql("pre_release", "UPDATE fidelis.meta SET value = '5' WHERE key = 'schema_version'") == "1");
    try {
        Store::open(uri);
        FAIL("a schema-5 server database was opened");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Invalid);
        CHECK_THAT(e.what(), Catch::Contains("pre-release") && Catch::Contains("server init"));
    }
}

}  // namespace fidelis::test
