// Data safety through the command line, as a script or a user meets it: refused input
// leaves nothing behind, a read-only medium can still be read and reported on, a full
// disk gives a message (never a signal) and corrupts nothing, and CSV is safe for Excel.
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#ifndef _WIN32
#include <unistd.h>
#endif

using fidelis::test::cli;
using fidelis::test::read_file;
using fidelis::test::run;
using fidelis::test::RunResult;
using fidelis::test::TempDir;

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

// A database with one team and one self-assessment round; returns the round id.
std::string small_county(const std::string& db) {
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    const RunResult team =
        cli({"team", "add", "--db", db, "--municipality", "0643", "--name", "Habo IPS", "--method", "ips"});
    REQUIRE(team.exit_code == 0);
    const RunResult round = cli({"round", "new", "--db", db, "--team", trim(team.out), "--scale", "ips-25", "--date",
                                 "2026-02-01", "--type", "self"});
    REQUIRE(round.exit_code == 0);
    return trim(round.out);
}

// A small filesystem of its own (tmpfs), so the tests can fill it or make it read-only.
// Needs root on Linux; elsewhere (Windows too) the test says so and stops.
class Medium {
public:
    explicit Medium(const TempDir& dir, const std::string& size) : path_((dir / "medium").string()) {
        std::filesystem::create_directories(path_);
#ifdef _WIN32
        (void)size;
#else
        ok_ = ::geteuid() == 0 && run("/bin/mount", {"-t", "tmpfs", "-o", "size=" + size, "tmpfs", path_}).exit_code == 0;
#endif
    }
    ~Medium() {
        if (ok_) run("/bin/umount", {"-l", path_});
    }
    bool ok() const { return ok_; }
    static const char* why_not() {
#ifdef _WIN32
        return "needs a tmpfs to fill or make read-only, which Windows does not have; not checked here";
#else
        return "needs root to mount a tmpfs; not checked here";
#endif
    }
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }
    bool remount_read_only() { return run("/bin/mount", {"-o", "remount,ro", path_}).exit_code == 0; }

private:
    std::string path_;
    bool ok_ = false;
};

// Fills the medium until the disk is full.
void fill(const std::string& file) {
    std::ofstream out(file, std::ios::binary);
    const std::string block(4096, 'x');
    while (out.write(block.data(), long(block.size()))) {
    }
}

}  // namespace

TEST_CASE("A refused rating on the command line adds no rater and changes nothing") {
    TempDir dir;
    const std::string db = (dir / "c.fidelis").string();
    const std::string round = small_county(db);
    const RunResult bad = cli({"rate", "--db", db, "--round", round, "--item", "S1", "--level", "9", "--rater", "Ny Person"});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains("level 9 is not on the scale"));
    CHECK_THAT(cli({"round", "show", "--db", db, "--round", round}).out, !Catch::Contains("Ny Person"));
}

TEST_CASE("Numbers on the command line are range-checked, never wrapped, nan and inf are refused") {
    TempDir dir;
    const std::string db = (dir / "c.fidelis").string();
    const std::string round = small_county(db);
    const RunResult wrapped = cli({"rate", "--db", db, "--round", round, "--item", "S2", "--level", "4294967298", "--consensus"});
    CHECK(wrapped.exit_code == 2);
    CHECK_THAT(wrapped.err, Catch::Contains("--level takes a whole number"));
    for (const std::string v : {"nan", "inf", "-inf", "1e999"}) {
        INFO(v);
        const RunResult r = cli({"rate", "--db", db, "--round", round, "--item", "S1", "--value", v, "--consensus"});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("--value takes a number"));
    }
    const RunResult negative = cli({"rate", "--db", db, "--round", round, "--item", "S1", "--value", "-5", "--consensus"});
    CHECK(negative.exit_code == 1);
    CHECK_THAT(negative.err, Catch::Contains("negative"));
    CHECK_THAT(cli({"round", "show", "--db", db, "--round", round}).out, !Catch::Contains("rating\tS"));
}

TEST_CASE("CSV cells a spreadsheet would run as formulas start with an apostrophe, numbers stay numbers") {
    TempDir dir;
    const std::string db = (dir / "c.fidelis").string();
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    const RunResult team = cli({"team", "add", "--db", db, "--municipality", "0680", "--name",
                                "=HYPERLINK(\"http://example.invalid\";\"Jönköping\")", "--method", "ips"});
    REQUIRE(team.exit_code == 0);
    const std::string round = trim(cli({"round", "new", "--db", db, "--team", trim(team.out), "--scale", "ips-25",
                                        "--date", "2026-02-01", "--type", "self"})
                                       .out);
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "S1", "--value", "22", "--rater", "@Anna",
                 "--note", "+SUM(A1:A9)"})
                .exit_code == 0);
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "S2", "--level", "3", "--rater", "@Anna", "--note",
                 "-2 sedan förra året"})
                .exit_code == 0);
    const std::string out = (dir / "c.csv").string();
    REQUIRE(cli({"csv", "--db", db, "--out", out}).exit_code == 0);
    const std::string csv = read_file(out);
    CHECK_THAT(csv, Catch::Contains(";\"'=HYPERLINK(\"\"http://example.invalid\"\";\"\"Jönköping\"\")\";"));
    CHECK_THAT(csv, Catch::Contains(";'@Anna;4;0;'+SUM(A1:A9);;\r\n"));
    CHECK_THAT(csv, Catch::Contains(";'@Anna;3;0;'-2 sedan förra året;;\r\n"));
    CHECK_THAT(csv, !Catch::Contains(";=") && !Catch::Contains(";+") && !Catch::Contains(";@"));
}

TEST_CASE("Outputs appear whole or not at all: a missing folder is named and nothing is left behind") {
    TempDir dir;
    const std::string db = (dir / "c.fidelis").string();
    small_county(db);
    const RunResult r = cli({"csv", "--db", db, "--out", (dir / "no-such-folder" / "c.csv").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("does not exist"));
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) CHECK(e.path().extension() != ".part");
}

TEST_CASE("A database on a read-only medium opens for reading, reports and exports, and refuses edits clearly") {
    TempDir dir;
    Medium medium(dir, "8m");
    if (!medium.ok()) {
        WARN(Medium::why_not());
        return;
    }
    const std::string db = medium / "demo.fidelis";
    REQUIRE(cli({"demo", "--db", db}).exit_code == 0);
    REQUIRE(medium.remount_read_only());
    const RunResult teams = cli({"teams", "--db", db});
    CHECK(teams.exit_code == 0);
    CHECK_FALSE(teams.out.empty());
    const std::string first_round = trim(cli({"rounds", "--db", db}).out.substr(0, cli({"rounds", "--db", db}).out.find('\t')));
    CHECK(cli({"round", "show", "--db", db, "--round", first_round}).exit_code == 0);
    CHECK(cli({"report", "county", "--db", db, "--scale", "ips-25", "--out", (dir / "county.pdf").string()}).exit_code == 0);
    CHECK(cli({"csv", "--db", db, "--out", (dir / "all.csv").string()}).exit_code == 0);
    CHECK(cli({"export", "--db", db, "--out", (dir / "all.xml").string()}).exit_code == 0);
    const RunResult dry = cli({"import", "--db", db, "--dry-run", (dir / "all.xml").string()});
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.err, Catch::Contains("Dry run, nothing changed"));
    const RunResult edit = cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "X", "--method", "se"});
    CHECK(edit.exit_code == 1);
    CHECK_THAT(edit.err, Catch::Contains("read-only"));
}

TEST_CASE("A full disk gives a clear message, never a signal, and leaves the database sound") {
    TempDir dir;
    Medium medium(dir, "1m");
    if (!medium.ok()) {
        WARN(Medium::why_not());
        return;
    }
    const std::string db = medium / "c.fidelis";
    const std::string round = small_county(db);
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "S1", "--level", "4", "--consensus"}).exit_code == 0);
    fill(medium / "filler");

    // Reading still works on a full disk, and no memory-mapped -shm can fault (SIGBUS).
    const RunResult show = cli({"round", "show", "--db", db, "--round", round});
    CHECK(show.exit_code == 0);
    CHECK_THAT(show.out, Catch::Contains("rating\tS1\tconsensus\t4"));

    const RunResult csv = cli({"csv", "--db", db, "--out", medium / "c.csv"});
    CHECK(csv.exit_code == 1);
    CHECK_THAT(csv.err, Catch::Contains("The disk is full"));
    CHECK_FALSE(std::filesystem::exists(medium / "c.csv"));

    std::string note(20000, 'n');
    const RunResult rate = cli({"rate", "--db", db, "--round", round, "--item", "S2", "--level", "3", "--consensus",
                                "--note", note});
    CHECK((rate.exit_code == 0 || rate.exit_code == 1));  // a tmpfs may still have a page for the WAL
    if (rate.exit_code == 1) CHECK_THAT(rate.err, Catch::Contains("The disk is full"));
    CHECK_THAT(rate.err, !Catch::Contains("SQLITE") && !Catch::Contains("disk I/O error"));

    std::filesystem::remove(medium / "filler");
    const RunResult after = cli({"round", "show", "--db", db, "--round", round});
    CHECK(after.exit_code == 0);  // the open runs the integrity check
    CHECK_THAT(after.out, Catch::Contains("rating\tS1\tconsensus\t4"));
    for (const auto& e : std::filesystem::directory_iterator(medium / ""))
        CHECK(e.path().extension() != ".part");
}

TEST_CASE("Running out of memory during an import says so, never that the file was tampered with") {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FIDELIS_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(FIDELIS_UNDER_ASAN)
    WARN("AddressSanitizer reserves more address space than the limits here allow; not checked");
    return;
#endif
#ifdef _WIN32
    WARN("limits the address space with prlimit, which Windows does not have; not checked here");
    return;
#endif
    TempDir dir;
    const std::string demo = (dir / "demo.fidelis").string();
    REQUIRE(cli({"demo", "--db", demo}).exit_code == 0);
    const std::string file = (dir / "all.xml").string();
    REQUIRE(cli({"export", "--db", demo, "--out", file}).exit_code == 0);
    const std::string db = (dir / "network.fidelis").string();
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    int refused = 0;
    // Below the address space the program and its libraries need to be loaded at all (libpq
    // brings OpenSSL, Kerberos and LDAP), the system's loader answers, not Fidelis. From
    // there, too little memory to import, to enough: every limit gets an honest answer.
    int start = 12;
    while (start < 96 && run("/usr/bin/prlimit", {"--as=" + std::to_string(start * 1024 * 1024), FIDELIS_CLI,
                                                  "--version"}).exit_code != 0)
        start += 2;
    for (int mb = start; mb <= start + 36; mb += 2) {
        INFO("address space limited to " << mb << " MB");
        const RunResult r = run("/usr/bin/prlimit", {"--as=" + std::to_string(mb * 1024 * 1024), FIDELIS_CLI, "import",
                                                      "--db", db, "--dry-run", file});
        CHECK((r.exit_code == 0 || r.exit_code == 1));
        CHECK_THAT(r.err, !Catch::Contains("changed after it was exported") && !Catch::Contains("not a valid definition") &&
                              !Catch::Contains("does not match its hash"));
        if (r.exit_code == 1) {
            ++refused;
            CHECK_THAT(r.err, Catch::Contains("memory") || Catch::Contains("too large"));
        }
    }
    CHECK(refused > 0);
    CHECK(cli({"import", "--db", db, "--dry-run", file}).exit_code == 0);
}
