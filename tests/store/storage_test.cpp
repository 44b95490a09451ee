// The storage rules: migrations, refusals, integrity, busy files, copies, and no lost
// acknowledged edit when the writer is killed.
#include "store_fixture.h"

#include "base/sha256.h"
#include "schema.h"  // store/src
#include "store_impl.h"

#ifndef _WIN32
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <chrono>
#include <fstream>
#include <thread>

using namespace fidelis;
using namespace fidelis::test;

namespace {

std::string schema_dump(const std::string& path) {
    Database db(path, Database::Mode::ReadOnly);
    Statement st(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
    std::string out;
    while (st.step()) out += st.text(0) + " " + st.text(1) + ": " + st.text(2) + "\n";
    return out;
}

StoreError::Kind open_error(const std::string& path, Store::OpenOptions options = {}) {
    try {
        Store::open(path, options);
    } catch (const StoreError& e) {
        return e.kind();
    }
    FAIL("the database opened");
    return StoreError::Kind::Sql;
}

}  // namespace

TEST_CASE("Every earlier schema version migrates to the current one with its data") {
    for (int version = 1; version < schema::current_version; ++version) {
        INFO("from version " << version);
        TempDir dir;
        const std::string path = db_path(dir);
        {
            Database db(path, Database::Mode::Create);
            schema::migrate(db, version);
            REQUIRE(schema::version_of(db) == version);
            // Data as an old Fidelis wrote it (version 1 columns only).
            db.exec("INSERT INTO meta VALUES ('home_county', '06');"
                    "INSERT INTO counties VALUES ('06', 'Jönköpings län');"
                    "INSERT INTO municipalities VALUES ('0680', 'Jönköping', '06');"
                    "INSERT INTO teams (uuid, name, municipality_code, method) VALUES "
                    "('11111111-1111-4111-8111-111111111111', 'IPS-teamet', '0680', 'IPS');");
            const ScalePtr s = ips25();
            Statement(db, "INSERT INTO scale_snapshots VALUES (?1, 'ips-25', '2019', ?2)").with(s->content_hash, s->xml).run();
            Statement(db, "INSERT INTO rounds (uuid, team_id, scale_hash, assessed_on, review_type, status) VALUES "
                          "('22222222-2222-4222-8222-222222222222', 1, ?1, '2020-10-01', 'external', 'completed')")
                .with(s->content_hash)
                .run();
            db.exec("INSERT INTO raters (round_id, position, name) VALUES (1, 1, 'Åsa Öberg');"
                    "INSERT INTO ratings (round_id, item_id, rater_id, level, note) VALUES (1, 'S1', 1, 4, 'Gammal anteckning');"
                    "INSERT INTO ratings (round_id, item_id, level) VALUES (1, 'S1', 4);"
                    "INSERT INTO plans (uuid, round_id) VALUES ('33333333-3333-4333-8333-333333333333', 1);"
                    "INSERT INTO plan_actions (uuid, plan_id, position, what, status) VALUES "
                    "('44444444-4444-4444-8444-444444444444', 1, 1, 'Utbildning', 'ongoing');");
        }
        {
            // Even a reader (a report) upgrades an old file it may write, then only reads.
            Store store = Store::open(path, read_only_options());
            CHECK(store.read_only());
            CHECK(schema::version_of(StoreAccess::database(store)) == schema::current_version);
            const Round r = store.round(1);
            CHECK(r.raters.at(0).name == "Åsa Öberg");
            CHECK(store.rating(1, "S1", r.raters[0].id)->note == "Gammal anteckning");
            CHECK(store.result_ratings(1).at("S1").level == 4);
            const ImprovementPlan p = store.plan(1);
            CHECK(p.manager.empty());  // added in version 2
            CHECK(p.actions.at(0).what == "Utbildning");
        }

        // The migrated schema is exactly the schema of a new database.
        TempDir fresh;
        Store::create(db_path(fresh), "06");
        CHECK(schema_dump(path) == schema_dump(db_path(fresh)));
    }
}

TEST_CASE("A database from a newer Fidelis is refused with a clear message") {
    TempDir dir;
    const std::string path = db_path(dir);
    { Store::create(path, "06"); }
    { Database db(path, Database::Mode::ReadWrite); db.exec("PRAGMA user_version = 99"); }
    try {
        Store::open(path);
        FAIL("opened");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::NewerVersion);
        CHECK(std::string(e.what()).find("newer version of Fidelis (database version 99)") != std::string::npos);
    }
}

TEST_CASE("Files that are not Fidelis databases are refused") {
    TempDir dir;
    write_file((dir / "text.fidelis").string(), "this is a text file, not a database at all...........");
    CHECK(open_error((dir / "text.fidelis").string()) == StoreError::Kind::NotFidelis);
    { Database other((dir / "other.db").string(), Database::Mode::Create); other.exec("CREATE TABLE t (x)"); }
    CHECK(open_error((dir / "other.db").string()) == StoreError::Kind::NotFidelis);
    CHECK(open_error((dir / "missing.fidelis").string()) == StoreError::Kind::NotFound);
}

TEST_CASE("A damaged database is found by db check and by reading it, never read as if sound") {
    TempDir dir;
    const std::string path = db_path(dir);
    {
        Store store = Store::create(path, "06");
        for (int i = 0; i < 40; ++i) store.add_team("0680", "Team " + std::to_string(i), Method::SE);
    }
    {
        // Scribble over the b-tree page headers of the pages after the schema page.
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(24, '\x5A');
        for (long page = 1; page < 12; ++page) {
            f.seekp(page * 4096);
            f.write(junk.data(), long(junk.size()));
        }
    }
    // The open itself checks only what costs nothing; the full check is on demand.
    const RunResult check = cli({"db", "check", "--db", path});
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.err, Catch::Contains("is damaged") && !Catch::Contains("btree") && !Catch::Contains("Page"));
    const RunResult details = cli({"db", "check", "--db", path, "--details"});
    // SQLite's own lines only where asked for, and only when the file could be opened.
    CHECK((details.out.find("problem\t") != std::string::npos || details.err.find("is damaged") != std::string::npos));
    try {
        Store store = Store::open(path);
        CHECK_FALSE(store.check().empty());
        CHECK_THROWS_WITH(store.save_copy(path + ".copy"), Catch::Contains("is damaged"));
        try {
            store.teams();
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreError::Kind::Corrupt);
        }
    } catch (const StoreError& e) {
        CHECK((e.kind() == StoreError::Kind::Corrupt || e.kind() == StoreError::Kind::NotFidelis));
    }
}

TEST_CASE("A sound database passes db check") {
    TempDir dir;
    const std::string path = db_path(dir);
    { Store s = Store::create(path, "06"); make_round(s); }
    const RunResult check = cli({"db", "check", "--db", path});
    CHECK(check.exit_code == 0);
    CHECK(check.out == "ok\t" + path + "\n");
}

TEST_CASE("A second opener waits, then is told who has the file open, nothing is corrupted") {
    TempDir dir;
    const std::string path = db_path(dir);
    Store first = Store::create(path, "06");
    first.add_team("0680", "Skrivs nu", Method::SE);
    const auto start = std::chrono::steady_clock::now();
    try {
        Store::OpenOptions wait;
        wait.busy_ms = 200;
        Store second = Store::open(path, wait);
        FAIL("opened a database another owner holds");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Busy);
        CHECK_THAT(e.what(), Catch::Contains("is open in test_store on this computer since"));
    }
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
    first.add_team("0680", "Nu går det", Method::SE);  // the owner goes on undisturbed
    { Store closing = std::move(first); }
    Store second = Store::open(path);  // free once the owner has closed it
    CHECK(second.teams().size() == 2);
}

TEST_CASE("A database opened read-only can be read but not edited") {
    TempDir dir;
    const std::string path = db_path(dir);
    { Store s = Store::create(path, "06"); make_round(s); }
    Store store = Store::open(path, read_only_options());
    CHECK(store.read_only());
    CHECK(store.teams().size() == 1);
    CHECK_THROWS_AS(store.save_rating(1, rating("S1", consensus_rater, 3)), StoreError);
}

TEST_CASE("Reading a database leaves nothing beside it once closed") {
    TempDir dir;
    const std::string path = db_path(dir);
    { Store s = Store::create(path, "06"); make_round(s); }
    {
        Store reader = Store::open(path, read_only_options());
        CHECK(reader.teams().size() == 1);
    }
    // A report or a dry-run import must not leave -wal and -shm files in the user's folder.
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    CHECK_FALSE(std::filesystem::exists(path + "-shm"));
}

TEST_CASE("Save a copy makes a consistent, self-contained database while the original is open") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    store.save_rating(s.round, rating("S1", s.anna, 4));
    store.save_copy((dir / "copy.fidelis").string());
    store.save_rating(s.round, rating("S2", s.anna, 3));  // after the copy
    CHECK_FALSE(std::filesystem::exists(dir / "copy.fidelis-wal"));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().extension() != ".part");  // no temporary file left behind
    Store copy = Store::open((dir / "copy.fidelis").string());
    CHECK(copy.rating(s.round, "S1", s.anna)->input.level == 4);
    CHECK_FALSE(copy.rating(s.round, "S2", s.anna));
}

TEST_CASE("Killing a writer mid-write never loses an acknowledged edit") {
#ifdef _WIN32
    WARN("forks the process that holds the database, which Windows cannot; kill_windows_test.cpp kills a writer with TerminateProcess instead");
#else
    TempDir dir;
    const std::string path = db_path(dir);
    RoundSetup s;
    { Store store = Store::create(path, "06"); s = make_round(store); }
    const ScalePtr scale = ips25();
    // Write k sets item k % 25 to level 1 + (k / 25 + k) % 5: every write changes something.
    auto item_of = [&](long k) { return scale->items[std::size_t(k % 25)].id; };
    auto level_of = [](long k) { return int(1 + (k / 25 + k) % 5); };
    long next_write = 0;
    std::map<std::string, int> expected;  // state after every acknowledged write

    for (int run = 0; run < 12; ++run) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            try {
                Store store = Store::open(path);
                for (long k = next_write;; ++k) {
                    Rating r = rating(item_of(k), s.anna, level_of(k));
                    r.note = "skrivning " + std::to_string(k);
                    store.save_rating(s.round, r);
                    const std::string ack = std::to_string(k) + "\n";
                    if (::write(fds[1], ack.data(), ack.size()) < 0) ::_exit(3);
                }
            } catch (...) {
                ::_exit(2);
            }
        }
        ::close(fds[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(30 + 13 * run));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFSIGNALED(status));
        std::string acks;
        char buf[4096];
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) acks.append(buf, std::size_t(n));
        ::close(fds[0]);
        long last_ack = next_write - 1;
        std::istringstream in(acks);
        for (long k; in >> k;) last_ack = k;
        INFO("run " << run << ": " << last_ack - next_write + 1 << " acknowledged writes");
        for (long k = next_write; k <= last_ack; ++k) expected[item_of(k)] = level_of(k);

        Store store = Store::open(path);  // runs the integrity check
        {
            Statement check(StoreAccess::database(store), "PRAGMA integrity_check");
            REQUIRE(check.step());
            CHECK(check.text(0) == "ok");
        }
        // Each item holds its last acknowledged level, or the one write that was in flight.
        const long in_flight = last_ack + 1;
        for (const auto& [item, level] : expected) {
            const auto stored = store.rating(s.round, item, s.anna);
            REQUIRE(stored);
            const bool acked = stored->input.level == level;
            const bool flight = item == item_of(in_flight) && stored->input.level == level_of(in_flight);
            CHECK((acked || flight));
        }
        if (const auto f = store.rating(s.round, item_of(in_flight), s.anna);
            f && f->note == "skrivning " + std::to_string(in_flight))
            expected[item_of(in_flight)] = level_of(in_flight), last_ack = in_flight;
        next_write = last_ack + 1;
    }
    CHECK(next_write > 12);
#endif
}
