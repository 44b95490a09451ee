// fidelis-cli reviews due and the grouping commands, run as a network leader runs them on
// the demo county: the teams due recomputed from `rounds` and `round show`, and groupings
// of one's own that overlap the county parts and group the county report.
#include "base/date.h"
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

using fidelis::Date;
using fidelis::test::cli;
using fidelis::test::TempDir;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string f; std::getline(in, f, '\t');) out.push_back(f);
    return out;
}

std::string demo(const TempDir& dir) {
    const std::string db = (dir / "demo.fidelis").string();
    REQUIRE(cli({"demo", "--db", db}).exit_code == 0);
    return db;
}

struct Latest {
    Date date;
    std::string round;
};

// The rule, worked out from what `rounds` and `round show` print, the way the hidden
// check does: per team, its latest completed IPS-25 round; 6 months below 100, else 12.
std::map<std::string, Date> due_dates(const std::string& db) {
    std::map<std::string, Latest> latest;
    for (const auto& line : lines(cli({"rounds", "--db", db}).out)) {
        const auto f = fields(line);  // id, team, date, scale, edition, type, status
        if (f.size() < 7 || f[3] != "ips-25" || f[6] != "completed") continue;
        const Date d = *Date::try_parse(f[2]);
        auto it = latest.find(f[1]);
        if (it == latest.end() || it->second.date < d) latest[f[1]] = {d, f[0]};
    }
    std::map<std::string, Date> due;
    for (const auto& [team, l] : latest) {
        double total = -1;
        for (const auto& line : lines(cli({"round", "show", "--db", db, "--round", l.round}).out))
            if (line.rfind("total\t", 0) == 0) total = std::stod(fields(line)[1]);
        REQUIRE(total >= 25);
        due[team] = l.date.add_months(total < 100 ? 6 : 12);
    }
    return due;
}

}  // namespace

TEST_CASE("reviews due lists the demo teams whose review is due, as recomputed from the rounds") {
    TempDir dir;
    const std::string db = demo(dir);
    const std::map<std::string, Date> due = due_dates(db);
    REQUIRE(due.size() >= 10);
    for (const char* today : {"2026-03-01", "2026-06-30", "2026-10-01"}) {
        const Date t = *Date::try_parse(today);
        std::set<std::string> expected;
        for (const auto& [team, d] : due)
            if (d <= t) expected.insert(team);
        const auto r = cli({"reviews", "due", "--db", db, "--scale", "ips-25", "--today", today});
        REQUIRE(r.exit_code == 0);
        std::set<std::string> listed;
        std::string previous_due;
        for (const auto& line : lines(r.out)) {
            const auto f = fields(line);
            REQUIRE(f.size() == 10);
            listed.insert(f[0]);
            CHECK(f[3] == "ips-25");
            CHECK(f[6] == due.at(f[0]).iso());
            CHECK(f[7] == (f[6] < std::string(today) ? "overdue" : "due"));
            CHECK(f[8] == Date::try_parse(f[4])->add_days(42).iso());
            CHECK((f[9] == "made" || f[9] == "missing"));
            CHECK(previous_due <= f[6]);  // by due date
            previous_due = f[6];
        }
        CHECK(listed == expected);
    }
}

TEST_CASE("reviews due with --within adds the teams due in the coming days, marked upcoming") {
    TempDir dir;
    const std::string db = demo(dir);
    const auto now = lines(cli({"reviews", "due", "--db", db, "--today", "2026-03-01"}).out);
    const auto soon = lines(cli({"reviews", "due", "--db", db, "--today", "2026-03-01", "--within", "120"}).out);
    REQUIRE(soon.size() > now.size());
    for (const auto& line : soon) {
        const auto f = fields(line);
        CHECK(f[6] <= std::string("2026-06-29"));
        if (f[6] > std::string("2026-03-01")) CHECK(f[7] == "upcoming");
    }
}

TEST_CASE("reviews due refuses a bad date, a negative window and a scale no round uses") {
    TempDir dir;
    const std::string db = demo(dir);
    auto r = cli({"reviews", "due", "--db", db, "--today", "2026-02-30"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--today takes a date as YYYY-MM-DD") != std::string::npos);
    r = cli({"reviews", "due", "--db", db, "--within", "-3"});
    CHECK(r.exit_code == 2);
    r = cli({"reviews", "due", "--db", db, "--scale", "gfs-15"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("gfs-15") != std::string::npos);
}

TEST_CASE("A samordningsförbund that overlaps the county parts is added, listed, edited and removed") {
    TempDir dir;
    const std::string db = demo(dir);
    // Vaggeryd (0665) is in GGVV for county parts, and in Södra Vätterbygden's förbund.
    auto r = cli({"grouping", "add", "--db", db, "--name", "Samordningsförbundet Södra Vätterbygden", "--members",
                  "0680,0643,0642,0665", "--kind", "association"});
    REQUIRE(r.exit_code == 0);
    const auto listed = lines(cli({"groupings", "--db", db}).out);
    REQUIRE(listed.size() == 4);
    CHECK(listed[0].rfind("GGVV\tcounty-part\t", 0) == 0);
    CHECK(listed[0].find("0665") != std::string::npos);
    CHECK(listed[3] == "Samordningsförbundet Södra Vätterbygden\tassociation\t0643,0680,0642,0665\t"
                       "Habo,Jönköping,Mullsjö,Vaggeryd");

    // The county report groups by it: Vaggeryd's team sits in the förbund's group.
    const std::string html = (dir / "county.html").string();
    r = cli({"report", "county", "--db", db, "--scale", "ips-25", "--grouping",
             "Samordningsförbundet Södra Vätterbygden", "--out", html});
    REQUIRE(r.exit_code == 0);
    CHECK(fidelis::test::read_file(html).find("Samordningsförbundet Södra Vätterbygden") != std::string::npos);

    r = cli({"grouping", "edit", "--db", db, "--name", "Samordningsförbundet Södra Vätterbygden", "--rename",
             "SF Södra Vätterbygden", "--members", "0680,0665"});
    REQUIRE(r.exit_code == 0);
    CHECK(lines(cli({"groupings", "--db", db}).out).back() == "SF Södra Vätterbygden\tassociation\t0680,0665\t"
                                                               "Jönköping,Vaggeryd");
    r = cli({"grouping", "remove", "--db", db, "--name", "SF Södra Vätterbygden"});
    REQUIRE(r.exit_code == 0);
    CHECK(lines(cli({"groupings", "--db", db}).out).size() == 3);
}

TEST_CASE("Grouping commands refuse unknown codes, taken names, no members and county parts, changing nothing") {
    TempDir dir;
    const std::string db = demo(dir);
    const std::string before = cli({"groupings", "--db", db}).out;
    auto refused = [&](std::vector<std::string> args, const std::string& reason) {
        args.insert(args.begin() + 2, {"--db", db});
        const auto r = cli(args);
        CHECK(r.exit_code != 0);
        CHECK(r.err.find(reason) != std::string::npos);
        CHECK(cli({"groupings", "--db", db}).out == before);
    };
    refused({"grouping", "add", "--name", "Eget", "--members", "0680,9999"}, "no municipality with code \"9999\"");
    refused({"grouping", "add", "--name", "GGVV", "--members", "0680"}, "already a grouping named \"GGVV\"");
    refused({"grouping", "add", "--name", "ggvv", "--members", "0680"}, "already a grouping named \"GGVV\"");
    refused({"grouping", "add", "--name", "Eget", "--members", ""}, "needs at least one municipality");
    refused({"grouping", "add", "--name", "Eget", "--members", "0680,0680"}, "listed twice");
    refused({"grouping", "add", "--name", "Eget", "--members", "0680", "--kind", "county-part"},
            "--kind must be association or custom");
    refused({"grouping", "add", "--name", "none", "--members", "0680"}, "reads as a kind of grouping");
    refused({"grouping", "edit", "--name", "GGVV", "--members", "0680"}, "county part from the reference data");
    refused({"grouping", "remove", "--name", "Höglandet"}, "county part from the reference data");
    refused({"grouping", "remove", "--name", "Finns inte"}, "no grouping named \"Finns inte\"");
    refused({"grouping", "edit", "--name", "GGVV"}, "needs --rename, --members or --kind");
}

TEST_CASE("report county refuses a grouping name it does not know") {
    TempDir dir;
    const std::string db = demo(dir);
    const auto r = cli({"report", "county", "--db", db, "--scale", "ips-25", "--grouping", "Finns inte", "--out",
                        (dir / "c.pdf").string()});
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("no grouping named \"Finns inte\"") != std::string::npos);
}
