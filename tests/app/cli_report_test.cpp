// fidelis-cli report …, as a user or a script runs it.
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using fidelis::test::cli;
using fidelis::test::run;
using fidelis::test::TempDir;

namespace {

std::string pdf_text(const std::string& path) { return run("/usr/bin/pdftotext", {path, "-"}).out; }

struct Demo {
    TempDir dir;
    std::string db = (dir / "demo.fidelis").string();
    Demo() { REQUIRE(cli({"demo", "--db", db}).exit_code == 0); }
};

}  // namespace

TEST_CASE("Every report command writes a valid PDF and prints its path") {
    Demo demo;
    const std::string d = demo.db;
    const auto rounds = cli({"rounds", "--db", d, "--team", "8"});
    REQUIRE(rounds.exit_code == 0);
    CHECK(rounds.out.rfind("1\t", 0) != 0);  // the team's rounds only
    const std::vector<std::vector<std::string>> commands = {
        {"report", "round", "--db", d, "--round", "3"},
        {"report", "trend", "--db", d, "--team", "11"},
        {"report", "county", "--db", d, "--scale", "ips-25", "--from", "2024-01-01", "--to", "2025-12-31"},
        {"report", "county", "--db", d, "--scale", "ips-25", "--grouping", "none", "--coded"},
        {"report", "plan", "--db", d, "--round", "3"},
        {"report", "scorecard", "--db", d, "--team", "2"},
    };
    int i = 0;
    for (auto args : commands) {
        const std::string out = (demo.dir / ("r" + std::to_string(i++) + ".pdf")).string();
        args.insert(args.end(), {"--out", out, "--lang", "en", "--today", "2026-11-22"});
        const auto r = cli(args);
        INFO(args[1] << ": " << r.err);
        CHECK(r.exit_code == 0);
        // A coded report also prints the seed of its codes, to make the same codes again.
        const bool coded = std::find(args.begin(), args.end(), "--coded") != args.end();
        if (coded) CHECK(r.out.rfind(out + "\nseed\t", 0) == 0);
        else CHECK(r.out == out + "\n");
        CHECK(run("/usr/bin/qpdf", {"--check", out}).exit_code == 0);
    }
}

TEST_CASE("The county report in Swedish names all 13 municipalities, with --coded none of them") {
    Demo demo;
    const std::string named = (demo.dir / "named.pdf").string();
    const std::string coded = (demo.dir / "coded.pdf").string();
    REQUIRE(cli({"report", "county", "--db", demo.db, "--scale", "ips-25", "--out", named, "--lang", "sv"}).exit_code == 0);
    REQUIRE(cli({"report", "county", "--db", demo.db, "--scale", "ips-25", "--coded", "--out", coded, "--lang", "sv"})
                .exit_code == 0);
    const std::string a = pdf_text(named), b = pdf_text(coded);
    for (const char* m : {"Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö", "Sävsjö",
                          "Tranås", "Vaggeryd", "Vetlanda", "Värnamo"}) {
        INFO(m);
        CHECK(a.find(m) != std::string::npos);
        CHECK(b.find(m) == std::string::npos);
    }
    CHECK(a.find("LÄNSJÄMFÖRELSE") != std::string::npos);
}

TEST_CASE("report county: --method, --compare, and a coded report with --seed, --key and --min-teams") {
    Demo demo;
    const std::string out = (demo.dir / "c.pdf").string();
    const std::string key = (demo.dir / "key.csv").string();
    auto county = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"report", "county", "--db", demo.db, "--scale", "ips-25", "--out", out};
        args.insert(args.end(), extra.begin(), extra.end());
        return cli(args);
    };
    CHECK(county({"--method", "ips"}).exit_code == 0);
    CHECK(county({"--from", "2024-01-01", "--to", "2025-12-31", "--compare", "previous-period"}).exit_code == 0);
    CHECK(county({"--compare-from", "2022-01-01", "--compare-to", "2023-12-31"}).exit_code == 0);
    CHECK(county({"--compare", "none"}).exit_code == 0);

    const auto coded = county({"--coded", "--seed", "42", "--key", key});
    REQUIRE(coded.exit_code == 0);
    CHECK(coded.out == out + "\n" + key + "\nseed\t42\n");
    const std::string csv = fidelis::test::read_file(key);
    CHECK(csv.find("Code;Municipality;Team;Date;Review type") != std::string::npos);
    CHECK(csv.find("Seed;42") != std::string::npos);
    for (const char* m : {"Aneby", "Eksjö", "Jönköping", "Värnamo"}) CHECK(csv.find(m) != std::string::npos);
    // The same seed, the same key.
    const std::string again = (demo.dir / "again.csv").string();
    REQUIRE(county({"--coded", "--seed", "42", "--key", again}).exit_code == 0);
    CHECK(fidelis::test::read_file(again) == csv);

    // Fewer than five teams (the IPS teams are three) are not published coded, and nothing is written.
    const std::string small = (demo.dir / "small.pdf").string();
    const auto refused = cli({"report", "county", "--db", demo.db, "--scale", "ips-25", "--method", "ips", "--coded",
                              "--out", small, "--lang", "sv"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("En kodad rapport") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(small));
    CHECK(cli({"report", "county", "--db", demo.db, "--scale", "ips-25", "--method", "ips", "--coded", "--min-teams",
               "3", "--out", small})
              .exit_code == 0);

    // Usage errors.
    CHECK(county({"--method", "supported"}).exit_code == 2);
    CHECK(county({"--compare", "previous-period"}).exit_code == 2);  // needs --from and --to
    CHECK(county({"--compare", "sometimes"}).exit_code == 2);
    CHECK(county({"--compare-from", "2022-01-01"}).exit_code == 2);
    CHECK(county({"--seed", "1"}).exit_code == 2);  // only with --coded
    CHECK(county({"--coded", "--min-teams", "0"}).exit_code == 2);
    CHECK(county({"--coded", "--seed", "-1"}).exit_code == 2);
}

TEST_CASE("Report errors exit non-zero and write nothing") {
    Demo demo;
    const std::string out = (demo.dir / "x.pdf").string();
    const auto missing = cli({"report", "round", "--db", demo.db, "--round", "9999", "--out", out});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("There is no round with id 9999") != std::string::npos);
    const auto none = cli({"report", "county", "--db", demo.db, "--scale", "no-such-scale", "--out", out});
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("No completed no-such-scale rounds") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK(cli({"report", "round", "--db", demo.db, "--out", out}).exit_code == 2);
}
