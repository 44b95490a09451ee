#pragma once
// Real shapes for store tests: the shipped scales, a fresh Jönköping database, a round.
#include "base/sha256.h"
#include "run.h"
#ifdef FIDELIS_TEST_ON_SERVER
#include "pg_test.h"
#endif
#include "scales/scale_loader.h"
#include "store/store.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

namespace fidelis::test {

inline ScalePtr shipped_scale(const std::string& file) {
    static std::map<std::string, ScalePtr> cache;
    ScalePtr& s = cache[file];
    if (!s) s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/" + file).scale;
    REQUIRE(s);
    return s;
}
inline ScalePtr ips25() { return shipped_scale("ips-25.xml"); }
inline ScalePtr seqf() { return shipped_scale("seqf-se.xml"); }

// Every round in the database, for exporting all of them.
inline std::vector<Id> all_ids(Store& store) {
    std::vector<Id> ids;
    for (const Round& r : store.all_rounds()) ids.push_back(r.id);
    return ids;
}

#ifdef FIDELIS_TEST_ON_SERVER
constexpr bool on_server = true;
#else
constexpr bool on_server = false;
#endif

// Who the history names for a store opened as `person`: that person in a file; on a
// server, the login (the tests' owner), which the server writes whatever the client says.
inline std::string expected_actor(const std::string& person) { return on_server ? "fidelis_owner" : person; }

#ifndef FIDELIS_TEST_ON_SERVER
inline std::string db_path(const TempDir& dir, const std::string& name = "county.fidelis") {
    return (dir / name).string();
}
#else
// test_store_server: the same suite with every database on the private PostgreSQL. A path
// in `dir` stands for one fresh empty database, made on first use and dropped at exit.
inline std::string db_path(const TempDir& dir, const std::string& name = "county.fidelis") {
    struct Made {
        std::map<std::string, std::string> address;
        std::vector<std::string> names;
        ~Made() {
            for (const std::string& n : names) {
                const std::string conninfo = "host=" + pg_socket_dir() + " dbname=postgres user=fidelis_owner";
                PGconn* c = PQconnectdb(conninfo.c_str());
                PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
                PQclear(PQexec(c, ("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)").c_str()));
                PQfinish(c);
            }
        }
    };
    static Made made;
    const std::string key = (dir / name).string();
    auto it = made.address.find(key);
    if (it != made.address.end()) return it->second;
    const std::string db = "suite_" + std::to_string(test::process_id()) + "_" + std::to_string(made.names.size());
    made.names.push_back(db);
    return made.address[key] = new_database(db);
}
#endif

// Closes the store and opens its file again: one process holds a database at a time, so
// the old handle must be gone before the new one opens (the clock and uuid hooks go too).
inline void reopen(Store& store, Store::OpenOptions options = {}) {
    const std::string path = store.path();
    { Store closing = std::move(store); }
    store = Store::open(path, options);
}

// What a refused or cancelled change must leave as it was: the file byte for byte, or on
// a server every row of every table. Sequence positions are left out there: PostgreSQL
// never rolls them back, so a refused insert moves them without changing any data. So is
// pg_dump's \restrict line, whose key is new on every run.
inline std::string database_bytes(const std::string& db) {
    if (!on_server) return sha256_hex(read_file(db));
    const RunResult r = run("/usr/bin/pg_dump", {"--data-only", "--no-owner", "-d", db});
    REQUIRE(r.exit_code == 0);
    std::string rows;
    std::size_t start = 0;
    while (start < r.out.size()) {
        std::size_t end = r.out.find('\n', start);
        if (end == std::string::npos) end = r.out.size();
        const std::string line = r.out.substr(start, end - start);
        if (line.find("pg_catalog.setval") == std::string::npos && line.rfind("\\restrict", 0) != 0 &&
            line.rfind("\\unrestrict", 0) != 0)
            rows += line + "\n";
        start = end + 1;
    }
    return sha256_hex(rows);
}

inline Store::OpenOptions read_only_options() {
    Store::OpenOptions o;
    o.read_only = true;
    o.busy_ms = 100;
    return o;
}

inline Store::OpenOptions as_actor(const std::string& actor) {
    Store::OpenOptions o;
    o.actor = actor;
    return o;
}

// A team in Jönköping and an external IPS-25 round with two raters.
struct RoundSetup {
    Id team = 0;
    Id round = 0;
    Id anna = 0;
    Id omar = 0;
};

inline RoundSetup make_round(Store& store, const std::string& date = "2026-01-15", ScalePtr scale = ips25()) {
    RoundSetup s;
    s.team = store.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    Store::NewRound nr;
    nr.team_id = s.team;
    nr.scale = scale;
    nr.assessed_on = *Date::try_parse(date);
    nr.review_type = ReviewType::External;
    nr.raters = {{"Anna Berg", "Granskare"}, {"Omar Haddad", "Granskare"}};
    s.round = store.create_round(nr);
    const Round r = store.round(s.round);
    s.anna = r.raters.at(0).id;
    s.omar = r.raters.at(1).id;
    return s;
}

inline Rating rating(const std::string& item, Id rater, int level) {
    Rating r;
    r.item_id = item;
    r.rater_id = rater;
    r.input.level = level;
    return r;
}

// Consensus for every item at `level`, so the round can be completed.
inline void agree_all(Store& store, Id round, int level) {
    for (const Item& item : store.scale_of(store.round(round))->items) {
        Rating r = rating(item.id, consensus_rater, level);
        if (item.shape == ItemShape::Numeric || item.shape == ItemShape::Checklist ||
            item.shape == ItemShape::PerSpecialist) {
            // A level alone is accepted for every shape; inputs are optional.
        }
        store.save_rating(round, r);
    }
}

}  // namespace fidelis::test
