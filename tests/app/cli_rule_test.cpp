// IPS-25's rule items through the command line, as a reviewer types them: every
// official boundary of O1 and V6 with rate --input and round show, refusals that say
// why and change nothing, and scales show and scales diff describing the rules.
#include "run.h"
#include "base/sha256.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

using fidelis::test::cli;
using fidelis::test::read_file;
using fidelis::test::TempDir;

namespace {

std::string trim(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

struct Round {
    TempDir dir;
    std::string db = (dir / "county.fidelis").string();
    std::string id;
    Round() {
        REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
        const auto team = cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "IPS Jönköping",
                               "--method", "ips"});
        id = trim(cli({"round", "new", "--db", db, "--team", trim(team.out), "--scale", "ips-25", "--date",
                       "2026-12-01", "--type", "external"})
                      .out);
        REQUIRE(!id.empty());
    }
    // Rates the item for rater Anna and returns the level round show prints, or "refused: …".
    std::string rate(const std::string& item, const std::vector<std::string>& inputs) {
        std::vector<std::string> args = {"rate", "--db", db, "--round", id, "--item", item, "--rater", "Anna"};
        // Each case starts from nothing: the earlier inputs are taken away first.
        cli({"rate", "--db", db, "--round", id, "--item", item, "--rater", "Anna", "--cannot-rate", "reset"});
        for (const auto& i : inputs) {
            args.push_back("--input");
            args.push_back(i);
        }
        const auto r = cli(args);
        if (r.exit_code != 0) return "refused: " + r.err;
        const auto show = cli({"round", "show", "--db", db, "--round", id});
        const std::string key = "rating\t" + item + "\tAnna\t";
        const auto at = show.out.find(key);
        if (at == std::string::npos) return "not shown";
        return show.out.substr(at + key.size(), show.out.find('\t', at + key.size()) - at - key.size());
    }
};

}  // namespace

TEST_CASE("O1 through the command line gives the official level at every boundary") {
    Round r;
    CHECK(r.rate("O1", {"attachment=separate"}) == "1");
    CHECK(r.rate("O1", {"attachment=teams3plus"}) == "2");
    CHECK(r.rate("O1", {"attachment=none"}) == "2");
    CHECK(r.rate("O1", {"attachment=teams1or2", "share=49"}) == "3");
    CHECK(r.rate("O1", {"attachment=teams1or2", "share=50"}) == "4");
    CHECK(r.rate("O1", {"attachment=teams1or2", "share=89"}) == "4");
    CHECK(r.rate("O1", {"attachment=teams1or2", "share=90"}) == "5");
    CHECK(r.rate("O1", {"attachment=teams3plus", "colocated-days=1"}) == "2");
    CHECK(r.rate("O1", {"attachment=teams3plus", "colocated-days=2"}) == "3");
    CHECK(r.rate("O1", {"attachment=none", "colocated-days=3"}) == "3");
    CHECK(r.rate("O1", {"attachment=none", "colocated-days=4"}) == "4");
    CHECK(r.rate("O1", {"attachment=teams1or2", "share=20", "colocated-days=5"}) == "4");
}

TEST_CASE("V6 through the command line applies the tracking cap and the job-seeker rule") {
    Round r;
    CHECK(r.rate("V6", {"contacts=1", "tracking=weekly"}) == "1");
    CHECK(r.rate("V6", {"contacts=2", "tracking=weekly"}) == "2");
    CHECK(r.rate("V6", {"contacts=4", "tracking=weekly"}) == "3");
    CHECK(r.rate("V6", {"contacts=5", "tracking=weekly"}) == "4");
    CHECK(r.rate("V6", {"contacts=6", "tracking=weekly"}) == "5");
    CHECK(r.rate("V6", {"contacts=6", "tracking=none"}) == "2");
    CHECK(r.rate("V6", {"contacts=6", "tracking=monthly"}) == "3");
    CHECK(r.rate("V6", {"contacts=4", "seekers=2", "tracking=weekly"}) == "5");
    CHECK(r.rate("V6", {"contacts=4", "seekers=10", "tracking=weekly"}) == "3");
    CHECK(r.rate("V6", {"contacts=6;5;2", "tracking=weekly"}) == "4");  // 5, 4, 2: 3.67
    CHECK(r.rate("V6", {"contacts=6;5", "tracking=weekly"}) == "5");    // 4.5 rounds up
    // --specialists fills the contacts a week, as it always did for V6.
    const auto s = cli({"rate", "--db", r.db, "--round", r.id, "--item", "V6", "--consensus", "--specialists", "6;4,5",
                        "--input", "seekers=3;2", "--input", "tracking=weekly"});
    CHECK(s.exit_code == 0);
    const auto show = cli({"round", "show", "--db", r.db, "--round", r.id});
    CHECK(show.out.find("rating\tV6\tconsensus\t5\t") != std::string::npos);
    CHECK(show.out.find("inputs\tV6\tconsensus\tcontacts=6;4.5 seekers=3;2 tracking=weekly\n") != std::string::npos);
    CHECK(show.out.find("derived\tV6\tconsensus\t5\t") != std::string::npos);
}

TEST_CASE("A level that contradicts the inputs, or inputs that give none, are refused with the reason") {
    Round r;
    const std::string before = fidelis::sha256_hex(read_file(r.db));
    const auto contradicts = cli({"rate", "--db", r.db, "--round", r.id, "--item", "V6", "--rater", "Anna", "--level",
                                  "5", "--input", "contacts=6", "--input", "tracking=none"});
    CHECK(contradicts.exit_code != 0);
    CHECK(contradicts.err.find("level 5 does not match what was entered, which gives level 2") != std::string::npos);
    const auto missing = cli({"rate", "--db", r.db, "--round", r.id, "--item", "O1", "--rater", "Anna", "--input",
                              "attachment=teams1or2"});
    CHECK(missing.exit_code != 0);
    CHECK(missing.err.find("share") != std::string::npos);
    const auto unknown = cli({"rate", "--db", r.db, "--round", r.id, "--item", "O1", "--rater", "Anna", "--input",
                              "attachment=two-teams"});
    CHECK(unknown.exit_code != 0);
    CHECK(unknown.err.find("teams1or2") != std::string::npos);
    const auto elsewhere = cli({"rate", "--db", r.db, "--round", r.id, "--item", "S1", "--rater", "Anna", "--input",
                                "share=50"});
    CHECK(elsewhere.exit_code != 0);
    CHECK(elsewhere.err.find("takes no named inputs") != std::string::npos);
    const auto syntax = cli({"rate", "--db", r.db, "--round", r.id, "--item", "O1", "--rater", "Anna", "--input",
                             "attachment"});
    CHECK(syntax.exit_code == 2);
    CHECK(fidelis::sha256_hex(read_file(r.db)) == before);  // no rater, no rating, no history
}

TEST_CASE("scales show lists each rule item's inputs, values and rule in words") {
    const auto show = cli({"scales", "show", "ips-25", "--lang", "en"});
    REQUIRE(show.exit_code == 0);
    CHECK(show.out.find("--input attachment=…") != std::string::npos);
    CHECK(show.out.find("separate | none | teams3plus | teams1or2") != std::string::npos);
    CHECK(show.out.find("--input contacts=v1;v2;…") != std::string::npos);
    CHECK(show.out.find("at most 2 when Tracking form for the contacts is no tracking form") != std::string::npos);
}

TEST_CASE("scales diff names the items a revision changed and how") {
    const std::string old_file = std::string(FIDELIS_FIXTURES) + "/scales/ips-25-before-2026-12.xml";
    const auto diff = cli({"scales", "diff", old_file, "ips-25", "--lang", "en"});
    REQUIRE(diff.exit_code == 0);
    for (const char* id : {"\nO1  ", "\nO4  ", "\nO5  ", "\nO6  ", "\nO7  ", "\nO8  ", "\nV6  ", "\nV7  ", "\nV11  ",
                           "\nV12  "}) {
        INFO(id);
        CHECK(diff.out.find(id) != std::string::npos);
    }
    CHECK(diff.out.find("\nS1  ") == std::string::npos);  // unchanged items are not listed
    CHECK(diff.out.find("shape: per-specialist → rule") != std::string::npos);
    CHECK(diff.out.find("revision 2026-12") != std::string::npos);
    const auto same = cli({"scales", "diff", "ips-25", "ips-25"});
    CHECK(same.out.find("identical") != std::string::npos);
}
