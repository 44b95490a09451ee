// fidelis-cli history and the CSV export's layouts and filters, run as a script runs them.
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using fidelis::test::cli;
using fidelis::test::read_file;
using fidelis::test::TempDir;

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(text);
    while (std::getline(in, cell, sep)) out.push_back(cell);
    if (!text.empty() && text.back() == sep) out.emplace_back();
    return out;
}

// The lines of a text that ends with a line break (CRLF too), without an empty last one.
std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out = split(text, '\n');
    if (!out.empty() && out.back().empty()) out.pop_back();
    for (std::string& l : out)
        if (!l.empty() && l.back() == '\r') l.pop_back();
    return out;
}

}  // namespace

TEST_CASE("fidelis-cli history prints when, who, what, old and new value, one change a line, oldest first") {
    TempDir dir;
    const std::string db = (dir / "h.fidelis").string();
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    REQUIRE(cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "IPS-teamet Jönköping", "--method", "ips"})
                .exit_code == 0);
    REQUIRE(cli({"round", "new", "--db", db, "--team", "1", "--scale", "ips-25", "--date", "2026-01-15", "--type", "self"})
                .exit_code == 0);
    REQUIRE(cli({"rate", "--db", db, "--round", "1", "--item", "S1", "--level", "3", "--rater", "Anna Berg", "--note",
                 "Rad ett\nrad\ttvå"}).exit_code == 0);
    REQUIRE(cli({"round", "status", "--db", db, "--round", "1", "--set", "consensus"}).exit_code == 0);

    const auto h = cli({"history", "--db", db, "--round", "1"});
    REQUIRE(h.exit_code == 0);
    const auto rows = lines(h.out);
    REQUIRE(rows.size() >= 4);
    const std::regex when(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})");
    for (const std::string& row : rows) {
        const auto cells = split(row, '\t');
        REQUIRE(cells.size() == 5);  // a tab or line break in a note never adds a column or a line
        CHECK(std::regex_match(cells[0], when));
        CHECK_FALSE(cells[1].empty());
    }
    CHECK(split(rows.front(), '\t')[2] == "Round: created");
    CHECK(h.out.find("\tItem S1, Anna Berg: rating\t\tlevel 3\n") != std::string::npos);
    CHECK(h.out.find("\tItem S1, Anna Berg: note\t\tRad ett rad två\n") != std::string::npos);
    CHECK(split(rows.back(), '\t')[2] == "Round: status");
    CHECK(split(rows.back(), '\t')[3] == "Draft");
    CHECK(split(rows.back(), '\t')[4] == "Consensus");

    const auto sv = cli({"history", "--db", db, "--round", "1", "--lang", "sv"});
    CHECK(sv.out.find("\tPunkt S1, Anna Berg: anteckning\t") != std::string::npos);
    CHECK(sv.out.find("\tUtkast\tKonsensus\n") != std::string::npos);

    const auto missing = cli({"history", "--db", db, "--round", "99"});
    CHECK(missing.exit_code == 1);
    CHECK_FALSE(missing.err.empty());
    CHECK(cli({"history", "--db", db}).exit_code == 2);
}

TEST_CASE("fidelis-cli csv --wide with --team, --scale, --from and --to writes one row per chosen round") {
    TempDir dir;
    const std::string demo = (dir / "demo.fidelis").string();
    REQUIRE(cli({"demo", "--db", demo}).exit_code == 0);
    const std::string csv = (dir / "wide.csv").string();
    const auto all = cli({"csv", "--db", demo, "--out", csv, "--wide", "--comma", "--team", "8"});
    REQUIRE(all.exit_code == 0);
    CHECK(all.out == "9\t" + csv + "\n");  // the Jönköping IPS team's nine rounds
    const std::string text = read_file(csv);
    CHECK(text.rfind("\xEF\xBB\xBFround_id,municipality_code,municipality,team,date,scale,edition,review_type,status,S1,", 0) == 0);
    CHECK(text.find(",section_staffing,section_organisation,section_services,total,band,rated,items,cannot_rate_items\r\n") !=
          std::string::npos);

    const auto period = cli({"csv", "--db", demo, "--out", csv, "--wide", "--team", "8", "--scale", "ips-25", "--from",
                             "2020-01-01", "--to", "2021-12-31"});
    REQUIRE(period.exit_code == 0);
    const auto rows = lines(read_file(csv));
    CHECK(period.out == std::to_string(rows.size() - 1) + "\t" + csv + "\n");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto cells = split(rows[i], ';');
        CHECK(cells[4] >= "2020-01-01");
        CHECK(cells[4] <= "2021-12-31");
    }

    const auto long_rows = cli({"csv", "--db", demo, "--out", csv, "--team", "8", "--from", "2025-01-01"});
    REQUIRE(long_rows.exit_code == 0);
    CHECK(read_file(csv).find(";note;evidence;rationale\r\n") != std::string::npos);

    CHECK(cli({"csv", "--db", demo, "--out", csv, "--scale", "ips-26"}).err.find("no scale \"ips-26\"") != std::string::npos);
    CHECK(cli({"csv", "--db", demo, "--out", csv, "--from", "2025-13-01"}).exit_code == 2);
    const auto reversed = cli({"csv", "--db", demo, "--out", csv, "--from", "2025-01-01", "--to", "2024-01-01"});
    CHECK(reversed.exit_code == 1);
    CHECK(reversed.err.find("before it starts") != std::string::npos);
}
