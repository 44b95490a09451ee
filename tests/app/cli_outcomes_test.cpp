// fidelis-cli outcomes: quarterly outcomes set, listed and refused from the command line,
// and their CSV.
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using fidelis::test::cli;
using fidelis::test::read_file;
using fidelis::test::TempDir;

namespace {

struct County {
    TempDir dir;
    std::string db = (dir / "county.fidelis").string();
    County() {
        REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
        REQUIRE(cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "IPS-teamet Jönköping", "--method",
                     "ips"})
                    .out == "1\n");
    }
    fidelis::test::RunResult set(std::vector<std::string> extra, const std::string& lang = "en") {
        std::vector<std::string> args{"--lang", lang, "outcomes", "set", "--db", db, "--team", "1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return cli(args);
    }
    std::string list() { return cli({"outcomes", "--db", db}).out; }
};

}  // namespace

TEST_CASE("outcomes set records a quarter and outcomes lists it with totals and the employment rate") {
    County c;
    const auto set = c.set({"--quarter", "2025Q3", "--served", "12,9,1", "--working", "5,4,0", "--studying", "1,0,0",
                            "--referrals", "6", "--job-starts", "3"});
    REQUIRE(set.exit_code == 0);
    CHECK(set.out == "1\t2025Q3\t40.9\n");
    REQUIRE(c.set({"--quarter", "2025q2", "--served", "10,10,0", "--working", "3,2,0"}).exit_code == 0);
    CHECK(c.list() == "1\t2025Q2\t20\t5\t\t25.0\t10,10,0\t3,2,0\t\t\t\n"
                      "1\t2025Q3\t22\t9\t1\t40.9\t12,9,1\t5,4,0\t1,0,0\t6\t3\n");
    CHECK(cli({"outcomes", "--db", c.db, "--team", "1"}).out == c.list());
    // The same quarter again replaces it.
    REQUIRE(c.set({"--quarter", "2025Q2", "--served", "10,10,0", "--working", "4,2,0"}).exit_code == 0);
    CHECK(c.list().find("1\t2025Q2\t20\t6\t\t30.0\t") == 0);

    REQUIRE(cli({"outcomes", "remove", "--db", c.db, "--team", "1", "--quarter", "2025Q2"}).exit_code == 0);
    CHECK(c.list().find("2025Q2") == std::string::npos);

    const std::string csv = (c.dir / "outcomes.csv").string();
    const auto written = cli({"csv", "--outcomes", "--db", c.db, "--out", csv});
    REQUIRE(written.exit_code == 0);
    CHECK(written.out == "1\t" + csv + "\n");
    const std::string text = read_file(csv);
    CHECK(text.find("\r\n1;") != std::string::npos);
    CHECK(text.find(";IPS-teamet Jönköping;2025Q3;12;9;1;22;5;4;0;9;1;0;0;1;40.9;6;3\r\n") != std::string::npos);
}

TEST_CASE("outcomes set refuses an impossible quarter, negative counts and more working than served, changing nothing") {
    County c;
    REQUIRE(c.set({"--quarter", "2025Q3", "--served", "12,9,1", "--working", "5,4,0"}).exit_code == 0);
    const std::string before = c.list();
    struct Case {
        std::vector<std::string> args;
        const char* reason;
    };
    const Case cases[] = {
        {{"--quarter", "2025Q5", "--served", "12,9,1", "--working", "5,4,0"}, "2025Q3, not \"2025Q5\""},
        {{"--quarter", "2025Q3", "--served", "12,-9,1", "--working", "5,4,0"}, "counts cannot be negative (-9)"},
        {{"--quarter", "2025Q3", "--served", "12,9,1", "--working", "5,4,0", "--job-starts", "-1"}, "negative"},
        {{"--quarter", "2025Q3", "--served", "4,9,1", "--working", "5,4,0"},
         "5 women are counted in work, but only 4 were served"},
        {{"--quarter", "2025Q3", "--served", "12,9,1", "--working", "5,10,0"},
         "10 men are counted in work, but only 9 were served"},
        {{"--quarter", "2025Q3", "--served", "12,9,1", "--working", "5,4,0", "--studying", "0,0,2"}, "in studies"},
        {{"--quarter", "2025Q3", "--served", "12,9", "--working", "5,4,0"}, "three counts"},
        {{"--quarter", "2025Q3", "--served", "12,nine,1", "--working", "5,4,0"}, "--served takes a whole number"},
    };
    for (const Case& k : cases) {
        const auto r = c.set(k.args);
        INFO(r.err);
        CHECK(r.exit_code != 0);
        CHECK(r.err.find(k.reason) != std::string::npos);
        CHECK(r.out.empty());
        CHECK(c.list() == before);
    }
    CHECK(cli({"outcomes", "--db", c.db, "--team", "7"}).exit_code == 1);
}

TEST_CASE("outcomes refusals and usage are in Swedish with --lang sv") {
    County c;
    const auto quarter = c.set({"--quarter", "2025Q5", "--served", "1,1,0", "--working", "0,0,0"}, "sv");
    CHECK(quarter.exit_code == 2);
    CHECK(quarter.err.find("kvartal") != std::string::npos);
    const auto more = c.set({"--quarter", "2025Q3", "--served", "3,3,0", "--working", "4,0,0"}, "sv");
    CHECK(more.exit_code == 1);
    CHECK(more.err.find("4 kvinnor") != std::string::npos);
    CHECK(cli({"--lang", "sv", "help"}).out.find("kvartal") != std::string::npos);
}

TEST_CASE("The trend and county reports of the demo set the employment rate beside fidelity, coded without names") {
    TempDir dir;
    const std::string db = (dir / "demo.fidelis").string();
    REQUIRE(cli({"demo", "--db", db}).exit_code == 0);
    auto text = [](const std::string& pdf) { return fidelis::test::run("/usr/bin/pdftotext", {pdf, "-"}).out; };

    const std::string trend = (dir / "trend.pdf").string();
    REQUIRE(cli({"--lang", "sv", "report", "trend", "--db", db, "--team", "8", "--out", trend}).exit_code == 0);
    const std::string t = text(trend);
    CHECK(t.find("Andel i arbete per kvartal") != std::string::npos);
    CHECK(t.find("50 % utmärkt") != std::string::npos);
    CHECK(t.find("2017Q4") != std::string::npos);

    const std::string county = (dir / "county.pdf").string();
    REQUIRE(cli({"report", "county", "--db", db, "--scale", "ips-25", "--out", county}).exit_code == 0);
    const std::string c = text(county);
    const std::size_t section = c.find("Fidelity and employment");
    REQUIRE(section != std::string::npos);
    CHECK(c.find("IPS-teamet Jönköping", section) != std::string::npos);
    CHECK(c.find("31 % minimum", section) != std::string::npos);

    const std::string coded = (dir / "coded.pdf").string();
    REQUIRE(cli({"report", "county", "--db", db, "--scale", "ips-25", "--coded", "--out", coded}).exit_code == 0);
    const std::string k = text(coded);
    REQUIRE(k.find("Fidelity and employment") != std::string::npos);
    CHECK(k.find("Jönköping") == std::string::npos);
    CHECK(k.find("2025Q") == std::string::npos);  // no team's quarter either
}
