// fidelis-cli agreement and report agreement, as a script or a network leader runs them. The
// figures are recomputed here from `round show`'s rating lines, the way an outside check
// would, with the kappa written out over the raters' levels rather than through the library.
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

using fidelis::test::cli;
using fidelis::test::run;
using fidelis::test::TempDir;

namespace {

std::vector<std::vector<std::string>> tsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields;
        std::size_t at = 0;
        for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1)
            fields.push_back(line.substr(at, tab - at));
        fields.push_back(line.substr(at));
        rows.push_back(fields);
    }
    return rows;
}

struct Demo {
    TempDir dir;
    std::string db = (dir / "demo.fidelis").string();
    Demo() { REQUIRE(cli({"demo", "--db", db}).exit_code == 0); }
    // Round ids with their review type, as `rounds` lists them.
    std::vector<std::pair<std::string, std::string>> rounds() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& f : tsv(cli({"rounds", "--db", db}).out)) out.emplace_back(f[0], f[5]);
        return out;
    }
};

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// The pair lines `agreement` must print, from `round show`: raters in their order, items both
// rated with a level, kappa = 1 − n·Σ(a−b)² / Σ over all rating pairs (a_i − b_j)².
std::vector<std::vector<std::string>> expected_pairs(const std::string& shown) {
    std::vector<std::string> raters;
    std::map<std::string, std::map<std::string, int>> levels;  // rater -> item -> level
    std::vector<std::string> items;
    for (const auto& f : tsv(shown)) {
        if (f[0] == "rater") raters.push_back(f[2]);
        if (f[0] == "rating" && f[2] != "consensus" && !f[3].empty()) {
            levels[f[2]][f[1]] = std::stoi(f[3]);
            if (std::find(items.begin(), items.end(), f[1]) == items.end()) items.push_back(f[1]);
        }
    }
    std::vector<std::vector<std::string>> out;
    for (std::size_t i = 0; i < raters.size(); ++i)
        for (std::size_t j = i + 1; j < raters.size(); ++j) {
            std::vector<std::pair<int, int>> both;
            for (const auto& item : items)
                if (levels[raters[i]].count(item) && levels[raters[j]].count(item))
                    both.emplace_back(levels[raters[i]][item], levels[raters[j]][item]);
            const double n = double(both.size());
            int exact = 0, within = 0;
            long observed = 0, expected = 0;
            for (const auto& [a, b] : both) {
                exact += a == b;
                within += std::abs(a - b) <= 1;
                observed += (a - b) * (a - b);
                for (const auto& other : both) expected += (a - other.second) * (a - other.second);
            }
            out.push_back({"pair", raters[i], raters[j], std::to_string(both.size()), fixed(100.0 * exact / n, 1),
                           fixed(100.0 * within / n, 1),
                           expected ? fixed(1.0 - double(observed) * n / double(expected), 3) : "undefined"});
        }
    return out;
}

}  // namespace

TEST_CASE("agreement prints for every demo round the figures round show gives, one pair line and one mad line per pair") {
    Demo demo;
    int external = 0;
    for (const auto& [round, type] : demo.rounds()) {
        const auto shown = cli({"round", "show", "--db", demo.db, "--round", round});
        REQUIRE(shown.exit_code == 0);
        const auto r = cli({"agreement", "--db", demo.db, "--round", round});
        INFO("round " << round << "\n" << r.out << r.err);
        REQUIRE(r.exit_code == 0);
        std::vector<std::vector<std::string>> pairs, mads;
        for (const auto& f : tsv(r.out)) (f[0] == "pair" ? pairs : mads).push_back(f);
        CHECK(pairs == expected_pairs(shown.out));
        REQUIRE(mads.size() == pairs.size());
        for (std::size_t i = 0; i < mads.size(); ++i) {
            CHECK(mads[i][0] == "mad");
            CHECK(mads[i][1] == pairs[i][1]);
            CHECK(mads[i].size() == 4);
        }
        if (type == "external") {
            ++external;
            // Two reviewers with realistic ratings: they mostly agree, never perfectly everywhere.
            REQUIRE(pairs.size() == 1);
            CHECK(pairs[0][1] == "Karin Lindqvist");
            CHECK(pairs[0][2] == "Mikael Sjöberg");
        }
    }
    CHECK(external >= 20);
}

TEST_CASE("agreement writes numbers with a decimal point in Swedish too") {
    Demo demo;
    const std::string round = demo.rounds().front().first;
    const auto en = cli({"agreement", "--db", demo.db, "--round", round});
    const auto sv = cli({"--lang", "sv", "agreement", "--db", demo.db, "--round", round});
    REQUIRE(en.exit_code == 0);
    CHECK(sv.out == en.out);
    CHECK(en.out.find(',') == std::string::npos);
    const auto kappa = tsv(en.out)[0][6];
    CHECK(kappa.size() >= 5);
    CHECK(kappa[kappa.size() - 4] == '.');
}

TEST_CASE("agreement on a round with one rater says why and exits with 1, an unknown round too") {
    TempDir dir;
    const std::string db = (dir / "one.fidelis").string();
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    const auto team = cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "Jobbteamet", "--method", "ips"});
    REQUIRE(team.exit_code == 0);
    const std::string team_id = tsv(team.out)[0][0];
    const auto round = cli({"round", "new", "--db", db, "--team", team_id, "--scale", "ips-25", "--date", "2026-03-01",
                            "--type", "self"});
    REQUIRE(round.exit_code == 0);
    const std::string round_id = tsv(round.out)[0][0];
    REQUIRE(cli({"rate", "--db", db, "--round", round_id, "--item", "S3", "--level", "3", "--rater", "Anna"}).exit_code == 0);
    const auto r = cli({"agreement", "--db", db, "--round", round_id});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("has 1 rater") != std::string::npos);
    CHECK(r.err.find("two raters or more") != std::string::npos);
    CHECK(cli({"agreement", "--db", db, "--round", "999"}).exit_code == 1);
    CHECK(cli({"agreement", "--db", db, "--round", "x"}).exit_code == 2);
}

TEST_CASE("agreement counts a cannot-rate on one side out of n and prints undefined kappa when every level is the same") {
    TempDir dir;
    const std::string db = (dir / "two.fidelis").string();
    REQUIRE(cli({"db", "init", "--db", db, "--county", "06"}).exit_code == 0);
    const std::string team = tsv(cli({"team", "add", "--db", db, "--municipality", "0680", "--name", "Jobbteamet",
                                      "--method", "ips"}).out)[0][0];
    const std::string round = tsv(cli({"round", "new", "--db", db, "--team", team, "--scale", "ips-25", "--date",
                                       "2026-03-01", "--type", "external"}).out)[0][0];
    for (const char* item : {"S3", "O4", "V7"})
        for (const char* rater : {"Karin", "Mikael"})
            REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", item, "--level", "3", "--rater", rater}).exit_code == 0);
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "V11", "--level", "4", "--rater", "Karin"}).exit_code == 0);
    REQUIRE(cli({"rate", "--db", db, "--round", round, "--item", "V11", "--cannot-rate", "no records", "--rater",
                 "Mikael"}).exit_code == 0);
    const auto r = cli({"agreement", "--db", db, "--round", round});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "pair\tKarin\tMikael\t3\t100.0\t100.0\tundefined\nmad\tKarin\tMikael\t0.00\n");
}

TEST_CASE("report agreement writes a PDF and an HTML file in Swedish and English that explain the figures") {
    Demo demo;
    for (const char* lang : {"sv", "en"})
        for (const char* ext : {".pdf", ".html"}) {
            const std::string out = (demo.dir / (std::string("agreement-") + lang + ext)).string();
            const auto r = cli({"--lang", lang, "report", "agreement", "--db", demo.db, "--scale", "ips-25", "--out", out,
                                "--today", "2026-11-22"});
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(r.out == out + "\n");
            const std::string text = std::string(ext) == ".pdf" ? run("/usr/bin/pdftotext", {out, "-"}).out
                                                                : fidelis::test::read_file(out);
            CHECK(text.find("Karin Lindqvist") != std::string::npos);
            CHECK(text.find(std::string(lang) == "sv" ? "Viktad kappa" : "Weighted kappa") != std::string::npos);
        }
    const auto none = cli({"report", "agreement", "--db", demo.db, "--scale", "ips-25", "--from", "2030-01-01", "--out",
                           (demo.dir / "none.pdf").string()});
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("No completed ips-25 rounds") != std::string::npos);
}
