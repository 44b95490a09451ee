// fidelis-cli scales list/show/check, run as a user runs them.
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <sstream>

using fidelis::test::cli;
using fidelis::test::TempDir;

namespace {

std::string fixture(const std::string& name) { return std::string(FIDELIS_FIXTURES) + "/scales/" + name; }

int count_lines_starting(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    int n = 0;
    for (std::string line; std::getline(in, line);)
        if (line.rfind(prefix, 0) == 0) ++n;
    return n;
}

}  // namespace

TEST_CASE("scales list prints id, edition, languages, item count and path") {
    const auto r = cli({"scales", "list"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("ips-25\t2019\tsv,en\t25\t" + std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml\n") !=
          std::string::npos);
    CHECK(r.out.find("seqf-se\t2026.1\tsv,en\t32\t") != std::string::npos);
}

TEST_CASE("scales show ips-25 lists 25 items and four bands in English") {
    const auto r = cli({"scales", "show", "ips-25", "--lang", "en"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Staffing (3 items)") != std::string::npos);
    CHECK(r.out.find("Organisation (8 items)") != std::string::npos);
    CHECK(r.out.find("Services (14 items)") != std::string::npos);
    int items = 0;
    for (const char* prefix : {"  S", "  O", "  V"}) items += count_lines_starting(r.out, prefix);
    CHECK(items == 25);
    CHECK(r.out.find("115–125  Exemplary fidelity") != std::string::npos);
    CHECK(r.out.find("100–114  Good fidelity") != std::string::npos);
    CHECK(r.out.find("74–99  Fair fidelity") != std::string::npos);
    CHECK(r.out.find("25–73  Not supported employment") != std::string::npos);
}

TEST_CASE("scales show ips-25 --lang sv is Swedish throughout, å ä ö included") {
    const auto r = cli({"scales", "show", "ips-25", "--lang", "sv"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Personal (3 punkter)") != std::string::npos);
    CHECK(r.out.find("Organisation (8 punkter)") != std::string::npos);
    CHECK(r.out.find("Tjänster (14 punkter)") != std::string::npos);
    CHECK(r.out.find("S1  Klientgruppens storlek") != std::string::npos);
    CHECK(r.out.find("115–125  Utmärkt programtrohet") != std::string::npos);
    CHECK(r.out.find("100–114  God programtrohet") != std::string::npos);
    CHECK(r.out.find("74–99  Godtagbar programtrohet") != std::string::npos);
    CHECK(r.out.find("25–73  Ej IPS") != std::string::npos);
    CHECK(r.out.find("Utgåva: 2019") != std::string::npos);
    CHECK(r.out.find("Guidance") == std::string::npos);
}

TEST_CASE("scales show follows the environment's language without --lang") {
    const auto r = cli({"scales", "show", "seqf-se"}, {"LANG=sv_SE.UTF-8"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Överenskommelse med klient (4 punkter)") != std::string::npos);
    CHECK(r.out.find("Band: inga") != std::string::npos);
}

TEST_CASE("scales check passes every shipped definition") {
    const auto r = cli({"scales", "check", std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml",
                        std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/seqf-se.xml"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("ips-25.xml: ok (ips-25 2019, 25 items)") != std::string::npos);
}

TEST_CASE("scales check lists every problem as file:line:column and fails") {
    const auto r = cli({"scales", "check", fixture("mini.xml"), fixture("malformed.xml"), fixture("bands-gap.xml")});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("mini.xml: ok") != std::string::npos);
    CHECK(r.err ==
          fixture("malformed.xml") + ":27:45: malformed XML: end tag does not match its start tag\n" +
              fixture("bands-gap.xml") +
              ":79:5: there is a gap between band \"mid\" (up to 10) and band \"high\" (from 12)\n");
}

TEST_CASE("scales check reports in Swedish when asked") {
    const auto r = cli({"--lang", "sv", "scales", "check", fixture("empty.xml")});
    CHECK(r.exit_code == 1);
    CHECK(r.err == fixture("empty.xml") + ":1:1: filen är tom\n");
}

TEST_CASE("A user's own scale file appears in the list") {
    TempDir home;
    std::filesystem::create_directories(home / "fidelis" / "scales");
    std::filesystem::copy_file(fixture("mini.xml"), home / "fidelis" / "scales" / "mini.xml");
    const auto r = cli({"scales", "list"}, {"XDG_DATA_HOME=" + home.path().string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("test-mini\t1\tsv,en\t4\t" + (home / "fidelis" / "scales" / "mini.xml").string()) !=
          std::string::npos);
    const auto show = cli({"scales", "show", "test-mini", "--lang", "sv"}, {"XDG_DATA_HOME=" + home.path().string()});
    CHECK(show.out.find("Liten testskala för åäö") != std::string::npos);
}

TEST_CASE("Usage errors exit 2 and unknown ids exit 1, both with a message on stderr") {
    const auto unknown = cli({"scales", "show", "no-such-scale"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find("no scale with id \"no-such-scale\"") != std::string::npos);
    CHECK(cli({"scales", "show", "ips-25", "--bogus"}).exit_code == 2);
    CHECK(cli({"frobnicate"}).exit_code == 2);
    CHECK(cli({"scales", "show", "ips-25", "--lang", "de"}).exit_code == 2);
}
