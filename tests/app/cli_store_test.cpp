// The database commands of fidelis-cli, run as scripts and users run them.
#include "run.h"
#include "base/sha256.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using fidelis::test::cli;
using fidelis::test::read_file;
using fidelis::test::TempDir;

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("A round from db init to round show, through the command line") {
    TempDir dir;
    const std::string db = (dir / "jkpg.fidelis").string();
    auto init = cli({"db", "init", "--db", db, "--county", "06"});
    REQUIRE(init.exit_code == 0);
    CHECK(init.out == "Jönköpings län\t" + db + "\n");

    const auto team = cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "IPS-teamet Jönköping",
                           "--method", "ips"});
    REQUIRE(team.exit_code == 0);
    const std::string team_id = trim(team.out);
    cli({"team", "add", "--db", db, "--municipality", "0683", "--name", "Värnamo SE", "--method", "se"});
    const auto teams = cli({"teams", "--db", db});
    CHECK(teams.out == team_id + "\t0680\tJönköping\tIPS-teamet Jönköping\tIPS\n2\t0683\tVärnamo\tVärnamo SE\tSE\n");

    const auto round = cli({"round", "new", "--db", db, "--team", team_id, "--scale", "ips-25", "--date",
                            "2026-01-15", "--type", "external"});
    REQUIRE(round.exit_code == 0);
    const std::string round_id = trim(round.out);
    CHECK(round_id == "1");  // the id alone, for scripts

    CHECK(cli({"rate", "--db", db, "--round", round_id, "--item", "S1", "--value", "23", "--rater", "Anna Berg",
               "--note", "Ärendelistan"}).exit_code == 0);
    CHECK(cli({"rate", "--db", db, "--round", round_id, "--item", "S1", "--level", "3", "--rater", "Omar Haddad"})
              .exit_code == 0);
    CHECK(cli({"rate", "--db", db, "--round", round_id, "--item", "O2", "--checked", "a,b,c", "--consensus"}).exit_code == 0);
    CHECK(cli({"rate", "--db", db, "--round", round_id, "--item", "V13", "--specialists", "70;45,5;30", "--consensus"})
              .exit_code == 0);
    CHECK(cli({"rate", "--db", db, "--round", round_id, "--item", "V1", "--cannot-rate", "Ingen uppgift",
               "--consensus"}).exit_code == 0);
    CHECK(cli({"rate", "--db", db, "--round", round_id, "--item", "S1", "--level", "4", "--consensus",
               "--rationale", "Enades"}).exit_code == 0);

    const auto show = cli({"round", "show", "--db", db, "--round", round_id, "--lang", "sv"});
    REQUIRE(show.exit_code == 0);
    const auto l = lines(show.out);
    CHECK(l.at(0) == "round\t1");
    CHECK(show.out.find("team\t1\tIPS-teamet Jönköping\n") != std::string::npos);
    CHECK(show.out.find("scale\tips-25\t2019\t") != std::string::npos);
    CHECK(show.out.find("review_type\texternal\tExtern granskning\n") != std::string::npos);
    CHECK(show.out.find("rater\t1\tAnna Berg\t\n") != std::string::npos);
    CHECK(show.out.find("rating\tS1\tAnna Berg\t4\t\tÄrendelistan\n") != std::string::npos);
    CHECK(show.out.find("rating\tS1\tOmar Haddad\t3\t\t\n") != std::string::npos);
    CHECK(show.out.find("rating\tO2\tconsensus\t3\t\t\n") != std::string::npos);
    CHECK(show.out.find("rating\tV13\tconsensus\t3\t\t\n") != std::string::npos);  // 70, 45.5, 30: levels 5, 3, 2 -> 3.33 -> 3
    CHECK(show.out.find("rating\tV1\tconsensus\t\tcannot-rate: Ingen uppgift\t\n") != std::string::npos);
    CHECK(show.out.find("total\t10\tincomplete\t3/25\n") != std::string::npos);
    CHECK(show.out.find("band\t") == std::string::npos);
}

TEST_CASE("Completed rounds refuse edits on the command line too, until reopened with a reason") {
    TempDir dir;
    const std::string db = (dir / "jkpg.fidelis").string();
    cli({"db", "init", "--db", db, "--county", "06"});
    cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "T", "--method", "se"});
    cli({"round", "new", "--db", db, "--team", "1", "--scale", "seqf-se", "--date", "2026-01-15", "--type", "self"});
    const auto early = cli({"round", "status", "--db", db, "--round", "1", "--set", "completed"});
    CHECK(early.exit_code == 1);
    CHECK(early.err.find("32 items have no agreed rating yet") != std::string::npos);
    for (const char* item : {"CE1", "CE2", "CE3", "CE4", "VP1", "VP2", "VP3", "VP4", "JF1", "JF2", "JF3", "JF4",
                             "EE1", "EE2", "EE3", "EE4", "JS1", "JS2", "JS3", "JS4", "LS1", "LS2", "LS3", "PE1",
                             "PE2", "PE3", "PR1", "PR2", "PR3", "RE1", "RE2", "RE3"})
        REQUIRE(cli({"rate", "--db", db, "--round", "1", "--item", item, "--level", "3", "--consensus"}).exit_code == 0);
    CHECK(cli({"round", "status", "--db", db, "--round", "1", "--set", "completed"}).exit_code == 0);
    const auto refused = cli({"rate", "--db", db, "--round", "1", "--item", "CE1", "--level", "4", "--consensus"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("completed and read-only") != std::string::npos);
    CHECK(cli({"round", "status", "--db", db, "--round", "1", "--set", "consensus"}).exit_code == 2);
    CHECK(cli({"round", "status", "--db", db, "--round", "1", "--set", "consensus", "--reason", "Rättelse"})
              .exit_code == 0);
    CHECK(cli({"rate", "--db", db, "--round", "1", "--item", "CE1", "--level", "4", "--consensus"}).exit_code == 0);
    CHECK(cli({"round", "show", "--db", db, "--round", "1"}).out.find("total\t3.0\tcomplete\t32/32") != std::string::npos);
}

TEST_CASE("export, import with --dry-run, and csv") {
    TempDir dir;
    const std::string demo = (dir / "demo.fidelis").string();
    REQUIRE(cli({"demo", "--db", demo}).exit_code == 0);
    const std::string file = (dir / "jkpg.xml").string();
    const auto ex = cli({"export", "--db", demo, "--team", "8", "--out", file});
    REQUIRE(ex.exit_code == 0);
    CHECK(ex.out == "9\t" + file + "\n");  // the Jönköping IPS team's nine IPS-25 rounds

    const std::string network = (dir / "network.fidelis").string();
    cli({"db", "init", "--db", network, "--county", "06"});
    const std::string before = fidelis::sha256_hex(read_file(network));
    const auto dry = cli({"import", "--db", network, "--dry-run", file});
    CHECK(dry.exit_code == 0);
    // Nine rounds, then the team's quarterly outcomes (format 2), each on a line of its own.
    const auto dry_lines = lines(dry.out);
    const auto quarters = std::count_if(dry_lines.begin(), dry_lines.end(), [](const std::string& l) {
        return l.find("\toutcomes\t") != std::string::npos;
    });
    CHECK(dry_lines.size() - std::size_t(quarters) == 9);
    CHECK(quarters == long(lines(cli({"outcomes", "--db", demo, "--team", "8"}).out).size()));
    CHECK(dry.err.find(std::to_string(quarters) + " added, 0 identical skipped") != std::string::npos);
    CHECK(dry.out.rfind("added\t", 0) == 0);
    CHECK(dry.err.find("Dry run, nothing changed: 9 added") != std::string::npos);
    CHECK(fidelis::sha256_hex(read_file(network)) == before);

    CHECK(cli({"import", "--db", network, file}).exit_code == 0);
    const auto again = cli({"import", "--db", network, file});
    CHECK(again.err.find("0 added, 9 identical skipped") != std::string::npos);
    CHECK(cli({"teams", "--db", network}).out == "1\t0680\tJönköping\tIPS-teamet Jönköping\tIPS\n");

    const std::string csv = (dir / "all.csv").string();
    const auto c = cli({"csv", "--db", network, "--out", csv});
    CHECK(c.exit_code == 0);
    CHECK(c.out == std::to_string(9 * 25 * 3) + "\t" + csv + "\n");
    const std::string text = read_file(csv);
    CHECK(text.rfind("\xEF\xBB\xBFround_id;municipality_code;municipality;team;scale;edition;date;review_type;item;"
                     "rater;level;cannot_rate;note;evidence;rationale\r\n", 0) == 0);
    CHECK(cli({"csv", "--db", network, "--out", csv, "--comma"}).exit_code == 0);
    CHECK(read_file(csv).find("round_id,municipality_code,") != std::string::npos);
}

TEST_CASE("A tampered file is refused on the command line with file:line:column") {
    TempDir dir;
    const std::string demo = (dir / "demo.fidelis").string();
    cli({"demo", "--db", demo});
    const std::string file = (dir / "x.xml").string();
    cli({"export", "--db", demo, "--round", "3", "--out", file});
    std::string text = read_file(file);
    text.replace(text.find("<note>") + 6, 1, "X");
    fidelis::test::write_file(file, text);
    const std::string network = (dir / "network.fidelis").string();
    cli({"db", "init", "--db", network, "--county", "06"});
    const auto r = cli({"import", "--db", network, file});
    CHECK(r.exit_code == 1);
    CHECK(r.err.rfind("fidelis-cli: " + file + ":", 0) == 0);
    CHECK(r.err.find("was changed after it was exported") != std::string::npos);
    CHECK(cli({"teams", "--db", network}).out.empty());
}

TEST_CASE("Database errors exit non-zero with a message on stderr") {
    TempDir dir;
    const auto missing = cli({"teams", "--db", (dir / "nope.fidelis").string()});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("There is no database at") != std::string::npos);
    const std::string db = (dir / "x.fidelis").string();
    cli({"db", "init", "--db", db, "--county", "06"});
    CHECK(cli({"db", "init", "--db", db, "--county", "06"}).err.find("already exists") != std::string::npos);
    const auto bad_team = cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "X", "--method", "abc"});
    CHECK(bad_team.exit_code == 2);
    const auto bad_muni = cli({"team", "add", "--db", db, "--municipality", "1234", "--name", "X", "--method", "se"});
    CHECK(bad_muni.exit_code == 1);
    CHECK(bad_muni.err == "fidelis-cli: There is no municipality with code \"1234\".\n");
    CHECK(cli({"round", "new", "--db", db, "--team", "1", "--scale", "ips-25", "--date", "2026-13-01", "--type", "self"})
              .exit_code == 2);
}

TEST_CASE("consensus accept agrees the items where every rater gave the same level, and only those") {
    TempDir dir;
    const std::string db = (dir / "jkpg.fidelis").string();
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    cli({"team", "add", "--db", db, "--municipality", "0643", "--name", "Habo IPS", "--method", "ips"});
    const std::string round = trim(cli({"round", "new", "--db", db, "--team", "1", "--scale", "ips-25", "--date", "2026-03-02", "--type", "self"}).out);
    auto rate = [&](const char* item, const char* level, const char* rater) {
        REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", item, "--level", level, "--rater", rater}).exit_code == 0);
    };
    rate("S3", "4", "Anna Berg");
    rate("S3", "4", "Omar Haddad");
    rate("O3", "2", "Anna Berg");
    rate("O3", "3", "Omar Haddad");
    rate("V1", "5", "Anna Berg");  // Omar has not rated it
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "O4", "--cannot-rate", "Ingen statistik", "--rater", "Anna Berg"}).exit_code == 0);
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "O4", "--cannot-rate", "Ingen statistik", "--rater", "Omar Haddad"}).exit_code == 0);

    const auto accepted = cli({"--lang", "sv", "consensus", "accept", "--db", db, "--round", round});
    INFO(accepted.err);
    REQUIRE(accepted.exit_code == 0);
    CHECK(accepted.out == "S3\nO4\n");
    const auto show = cli({"round", "show", "--db", db, "--round", round});
    CHECK(show.out.find("rating\tS3\tconsensus\t4\t") != std::string::npos);
    CHECK(show.out.find("rating\tO4\tconsensus\t\tcannot-rate: Ingen statistik\t") != std::string::npos);
    CHECK(show.out.find("rating\tO3\tconsensus") == std::string::npos);
    const auto history = cli({"history", "--db", db, "--round", round});
    CHECK(history.out.find("Alla bedömare gav den här nivån.") != std::string::npos);
    // Run again: nothing left to agree, nothing printed.
    CHECK(cli({"consensus", "accept", "--db", db, "--round", round}).out.empty());
    CHECK(cli({"consensus", "accept", "--db", db, "--round", "99"}).exit_code != 0);
}
