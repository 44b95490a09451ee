// PostgreSQL over a Unix socket (issue 13, point 6): the national database of bench_store
// (national_store.h) copied onto a private server with `db copy` (copy_whole_database)
// and back, then the same measures on the server as on the file, printed side by side, at
// 1× and 2× the national size (900 and 1800 teams; building 2× takes about half a minute,
// copying it to the server about five: the whole run takes about ten).
//
// On the server each measure runs as the database's owner, whom row-level security does
// not filter, and again as the logins that do the work in a county: a leader's comparisons
// and a team's commits, each through the policies of server_schema.cpp.
//
// Fails when the server misses a target at 1×, as the owner or as a login: county
// comparison < 50 ms, national comparison < 500 ms, committing one rating < 10 ms
// (medians). The file's figures and the 2× ones are there to compare with; bench_store
// holds the file to its own targets.
//
// CTest starts the server (tests/support/pg_server.sh, durable: fsync on, so a commit
// waits for the disk as on a county's server) and stops it after, whatever the outcome;
// the socket's folder comes in FIDELIS_BENCH_PG_SOCKET.
#include "national_store.h"

#include "store/server.h"

#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace fidelis;
using bench::Timing;

std::string socket_dir;

// One statement on the private server as the owner, who makes and drops the databases.
void owner_sql(const std::string& db, const std::string& statement) {
    const std::string conninfo = "host=" + socket_dir + " dbname=" + db + " user=fidelis_owner";
    PGconn* c = PQconnectdb(conninfo.c_str());
    const bool connected = PQstatus(c) == CONNECTION_OK;
    PGresult* r = connected ? PQexec(c, statement.c_str()) : nullptr;
    const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    const std::string said = PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error(statement + ": " + said);
}

int server_version() {
    const std::string conninfo = "host=" + socket_dir + " dbname=postgres user=fidelis_owner";
    PGconn* c = PQconnectdb(conninfo.c_str());
    const int v = PQserverVersion(c);
    PQfinish(c);
    return v;
}

std::string address(const std::string& db, const std::string& user = "fidelis_owner", const std::string& password = {}) {
    return "postgresql:///" + db + "?host=" + socket_dir + "&user=" + user +
           (password.empty() ? "" : "&password=" + password);
}

template <class Work>
double seconds(Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The three measures on one database, and how many teams each comparison listed (the
// same on both backends, or the copy lost something).
struct Figures {
    Timing county, national, commit;
    std::size_t county_teams = 0, national_teams = 0;
};

Figures measure_all(Store& store, Id commit_team) {
    Figures f;
    f.county = bench::time_county_comparison(store, f.county_teams);
    f.national = bench::time_national_comparison(store, f.national_teams);
    f.commit = bench::time_commit(store, commit_team);
    return f;
}

struct SizeRun {
    int factor = 1;
    std::size_t teams = 0, rounds = 0;
    double build_s = 0, file_mb = 0, to_server_s = 0, back_s = 0;
    Figures file, owner;
    Figures logins;  // county and national as a leader, commit as a team
};

SizeRun run_size(const fs::path& dir, int factor) {
    SizeRun run;
    run.factor = factor;
    const std::string x = std::to_string(factor) + "x";
    const std::string file = (dir / ("nation-" + x + ".fidelis")).string();
    const std::string back = (dir / ("back-" + x + ".fidelis")).string();
    const std::string db = "bench_" + x;

    run.build_s = bench::build_national(file, bench::national_teams * factor);
    run.file_mb = double(fs::file_size(file)) / 1e6;
    owner_sql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    owner_sql("postgres", "CREATE DATABASE " + db);
    run.to_server_s = seconds([&] { copy_whole_database(file, address(db)); });
    run.back_s = seconds([&] { copy_whole_database(address(db), back); });
    std::printf("%s: built in %.1f s (%.0f MB); db copy file → server %.1f s, server → file %.1f s\n", x.c_str(),
                run.build_s, run.file_mb, run.to_server_s, run.back_s);
    std::fflush(stdout);

    // A round trip that lost rounds would make every later figure meaningless.
    std::size_t back_rounds = 0;
    {
        Store copied = Store::open(back);
        back_rounds = copied.all_rounds().size();
    }
    fs::remove(back);

    Id first_team = 0, second_team = 0;
    {
        Store store = Store::open(file);
        const std::vector<Team> teams = store.teams();
        run.teams = teams.size();
        run.rounds = store.all_rounds().size();
        first_team = teams.at(0).id;
        second_team = teams.at(1).id;
        run.file = measure_all(store, first_team);
    }
    {
        Store store = Store::open(address(db));
        if (store.all_rounds().size() != run.rounds || back_rounds != run.rounds)
            throw std::runtime_error("db copy lost rounds");
        run.owner = measure_all(store, first_team);
        add_server_login(store, {"bench-leader", LoginRole::Leader, {}}, "bench-leader-password");
        add_server_login(store, {"bench-team", LoginRole::Team, {second_team}}, "bench-team-password");
    }
    {
        Store leader = Store::open(address(db, "bench-leader", "bench-leader-password"));
        run.logins.county = bench::time_county_comparison(leader, run.logins.county_teams);
        run.logins.national = bench::time_national_comparison(leader, run.logins.national_teams);
    }
    {
        Store team = Store::open(address(db, "bench-team", "bench-team-password"));
        run.logins.commit = bench::time_commit(team, second_team);
    }
    // The database stays until CTest stops the server: the logins' backends may still be
    // exiting, and only a superuser may end another login's.
    fs::remove(file);
    return run;
}

std::string ms(const Timing& t) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f (%.2f)", t.median_ms, t.best_ms);
    return buf;
}

// A column's heading, padded by hand: printf counts bytes, and "×" takes two.
std::string heading(const char* backend, int factor) {
    std::string h = std::string(backend) + " " + std::to_string(factor) + "×";
    return h + std::string(h.size() < 18 ? 18 - h.size() : 0, ' ');
}

}  // namespace

int main() {
    const char* socket = std::getenv("FIDELIS_BENCH_PG_SOCKET");
    if (!socket || !*socket) {
        std::fprintf(stderr, "FIDELIS_BENCH_PG_SOCKET is not set: run it through CTest (ctest -L bench -R bench_server), "
                             "which starts the server\n");
        return 1;
    }
    socket_dir = socket;
    const fs::path dir = fs::temp_directory_path() / "fidelis-bench-server";
    fs::remove_all(dir);
    fs::create_directories(dir);

    std::vector<SizeRun> runs;
    try {
        for (int factor : {1, 2}) runs.push_back(run_size(dir, factor));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_server: %s\n", e.what());
        fs::remove_all(dir);
        return 1;
    }
    fs::remove_all(dir);

    std::printf("\nmedian (best) in ms; file: SQLite, WAL, synchronous=FULL; server: PostgreSQL %d over a Unix socket, "
                "fsync on\n", server_version() / 10000);
    std::printf("%-34s", "");
    for (const SizeRun& r : runs)
        std::printf(" | %s | %s", heading("file", r.factor).c_str(), heading("server", r.factor).c_str());
    std::printf(" | target (server 1×)\n");

    bool ok = true;
    // One row: the file beside the owner's figure, or "-" where the file has no such login.
    auto row = [&](const char* name, Timing Figures::*which, bool as_login, double target) {
        std::printf("%-34s", name);
        for (const SizeRun& r : runs)
            std::printf(" | %-17s | %-17s", as_login ? "-" : ms(r.file.*which).c_str(),
                        ms((as_login ? r.logins : r.owner).*which).c_str());
        const bool met = ((as_login ? runs[0].logins : runs[0].owner).*which).median_ms < target;
        ok = ok && met;
        std::printf(" | < %.0f ms %s\n", target, met ? "OK" : "MISSED");
    };
    row("county comparison (owner)", &Figures::county, false, bench::county_target_ms);
    row("county comparison (leader login)", &Figures::county, true, bench::county_target_ms);
    row("national comparison (owner)", &Figures::national, false, bench::national_target_ms);
    row("national comparison (leader login)", &Figures::national, true, bench::national_target_ms);
    row("commit one rating (owner)", &Figures::commit, false, bench::server_commit_target_ms);
    row("commit one rating (team login)", &Figures::commit, true, bench::server_commit_target_ms);

    for (const SizeRun& r : runs) {
        std::printf("%d×: %zu teams, %zu rounds, %.0f MB file; db copy file → server %.1f s, server → file %.1f s\n",
                    r.factor, r.teams, r.rounds, r.file_mb, r.to_server_s, r.back_s);
        // Both backends must list the same teams, or one of them compares something else.
        const bool same = r.file.county_teams == r.owner.county_teams && r.file.county_teams == r.logins.county_teams &&
                          r.file.national_teams == r.owner.national_teams &&
                          r.file.national_teams == r.logins.national_teams;
        std::printf("    teams listed: county %zu/%zu/%zu, national %zu/%zu/%zu (file/owner/leader)%s\n",
                    r.file.county_teams, r.owner.county_teams, r.logins.county_teams, r.file.national_teams,
                    r.owner.national_teams, r.logins.national_teams, same ? "" : " DIFFER");
        ok = ok && same;
    }
    std::printf("%s\n", ok ? "OK" : "OVER A TARGET");
    return ok ? 0 : 1;
}
