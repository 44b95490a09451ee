// Every report type through the real fidelis-cli, in Swedish and English, as PDF and as
// HTML, from the demo county and from the hostile county (tests/support/hostile_store.h),
// checked with the tools a reader's computer has: qpdf, pdftotext (also for words drawn
// over words), xmllint. The totals are the ones `fidelis-cli round show` prints, so a
// report cannot agree with itself and disagree with the database; and each HTML report
// must show every total its PDF twin shows.
//
// FIDELIS_KEEP_REPORTS=DIR keeps every file written, in DIR/demo and DIR/hostile.
#include "hostile_store.h"
#include "pdf_words.h"
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

// Fixed, so that "overdue" is the same on every run.
const std::string today = "2026-11-22";

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

struct RoundRow {
    Id id = 0;
    Id team = 0;
    std::string date, scale, status;
};

// A database as the CLI lists it: which team is where, which rounds each has.
struct Listing {
    std::map<Id, std::string> county_of_team;  // "06"
    std::map<Id, std::string> name_of_team;
    std::vector<RoundRow> rounds;               // as `rounds` lists them

    explicit Listing(const std::string& db) {
        const auto teams = cli({"teams", "--db", db});
        REQUIRE(teams.exit_code == 0);
        for (const auto& f : tsv(teams.out)) {
            REQUIRE(f.size() >= 5);
            county_of_team[std::stoll(f[0])] = f[1].substr(0, 2);
            name_of_team[std::stoll(f[0])] = f[3];
        }
        const auto rounds_out = cli({"rounds", "--db", db});
        REQUIRE(rounds_out.exit_code == 0);
        for (const auto& f : tsv(rounds_out.out)) {
            REQUIRE(f.size() >= 7);
            rounds.push_back({std::stoll(f[0]), std::stoll(f[1]), f[2], f[3], f[6]});
        }
    }
    Id team_named(const std::string& name) const {
        for (const auto& [id, n] : name_of_team)
            if (n == name) return id;
        FAIL("no team " << name);
        return 0;
    }
    // The team's completed rounds of `scale` (any scale when empty), oldest first.
    std::vector<Id> completed(Id team, const std::string& scale = "") const {
        std::vector<const RoundRow*> rows;
        for (const RoundRow& r : rounds)
            if (r.team == team && r.status == "completed" && (scale.empty() || r.scale == scale)) rows.push_back(&r);
        std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->date < b->date; });
        std::vector<Id> ids;
        for (auto* r : rows) ids.push_back(r->id);
        return ids;
    }
    std::optional<Id> latest(Id team, const std::string& scale = "") const {
        const auto ids = completed(team, scale);
        if (ids.empty()) return std::nullopt;
        return ids.back();
    }
    // The latest completed round of `scale` of every team in `county` ("" for all).
    std::vector<Id> latest_per_team(const std::string& scale, const std::string& county) const {
        std::vector<Id> ids;
        for (const auto& [team, c] : county_of_team)
            if (county.empty() || c == county)
                if (const auto id = latest(team, scale)) ids.push_back(*id);
        return ids;
    }
    Id round_where(Id team, const std::string& status, const std::string& date_prefix = "") const {
        for (const RoundRow& r : rounds)
            if (r.team == team && r.status == status && r.date.rfind(date_prefix, 0) == 0) return r.id;
        FAIL("team " << team << " has no " << status << " round " << date_prefix);
        return 0;
    }
};

// The total `round show` prints, written as the report's language writes numbers.
std::string total_of(const std::string& db, Id round, const std::string& lang) {
    const auto shown = cli({"round", "show", "--db", db, "--round", std::to_string(round)});
    REQUIRE(shown.exit_code == 0);
    for (const auto& f : tsv(shown.out))
        if (f.size() >= 2 && f[0] == "total") {
            std::string total = f[1];
            if (lang == "sv") std::replace(total.begin(), total.end(), '.', ',');
            return total;
        }
    FAIL("round show printed no total for round " << round);
    return "";
}

// `number` as a number of its own in `text`: not a part of 1234 or of 3,45.
bool has_number(const std::string& text, const std::string& number) {
    auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    for (std::size_t at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
        const std::size_t end = at + number.size();
        const bool before = at > 0 && (digit(at - 1) || (at > 1 && (text[at - 1] == ',' || text[at - 1] == '.') &&
                                                         digit(at - 2)));
        const bool after = digit(end) || ((end < text.size() && (text[end] == ',' || text[end] == '.')) && digit(end + 1));
        if (!before && !after) return true;
    }
    return false;
}

// What a reader of the HTML sees: the text without tags, styles and entities.
std::string html_text(const std::string& html) {
    std::string s = std::regex_replace(html, std::regex("<style[^>]*>[\\s\\S]*?</style>"), " ");
    s = std::regex_replace(s, std::regex("<[^>]*>"), " ");
    static const std::vector<std::pair<std::string, std::string>> entities = {
        {"&nbsp;", " "}, {"&#160;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
        {"&#x27;", "'"}, {"&minus;", "−"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
    return s;
}

// xmllint's HTML parser knows HTML 4: the HTML5 and SVG elements a report uses are
// "invalid" to it and nothing else is wrong with them. Any other message is a real error.
std::vector<std::string> unexplained_xmllint_errors(const std::string& err) {
    static const std::regex known(
        R"(HTML parser error : Tag (main|header|footer|section|article|nav|figure|figcaption|svg|g|path|rect|line|)"
        R"(polyline|polygon|circle|text|tspan|title|desc|defs|clipPath|use|symbol|mark|time|aside|details|summary) invalid)");
    std::vector<std::string> errors;
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);)
        if (line.find("error") != std::string::npos && !std::regex_search(line, known)) errors.push_back(line);
    return errors;
}

// One report with what it must show: the totals of these rounds.
struct Report {
    std::string name;               // the file's stem
    std::vector<std::string> args;  // after "report", before --db
    std::vector<Id> totals_of;
};

// Where the files go: FIDELIS_KEEP_REPORTS/<name> when set, for a person to look at.
class Folder {
public:
    explicit Folder(const std::string& name) {
        const char* keep = std::getenv("FIDELIS_KEEP_REPORTS");
        path_ = keep && *keep ? std::filesystem::path(keep) / name : temp_.path();
        std::filesystem::create_directories(path_);
    }
    std::string operator/(const std::string& file) const { return (path_ / file).string(); }

private:
    TempDir temp_;
    std::filesystem::path path_;
};

void check_pdf(const std::string& path, const std::vector<std::string>& totals, std::vector<std::string>& found) {
    const auto qpdf = run("/usr/bin/qpdf", {"--check", path});
    INFO(qpdf.out << qpdf.err);
    CHECK(qpdf.exit_code == 0);
    const auto text = run("/usr/bin/pdftotext", {"-layout", path, "-"});
    REQUIRE(text.exit_code == 0);
    const auto overlaps = overlapping_words(path);
    INFO(overlaps.size() << " overlapping words, first: " << (overlaps.empty() ? "" : overlaps.front()));
    CHECK(overlaps.empty());
    for (const std::string& total : totals) {
        INFO("total " << total);
        CHECK(has_number(text.out, total));
        if (has_number(text.out, total)) found.push_back(total);
    }
}

void check_html(const std::string& path, const std::vector<std::string>& pdf_totals) {
    const std::string html = read_file(path);
    const auto lint = run("/usr/bin/xmllint", {"--html", "--noout", path});
    const auto errors = unexplained_xmllint_errors(lint.err);
    INFO(lint.err.substr(0, 2000));
    CHECK(errors.empty());
    CHECK(html.find("<html lang=") != std::string::npos);
    CHECK(html.find("<title>") != std::string::npos);
    // Self-contained: nothing fetched from the network, not even a font in the CSS.
    static const std::regex outside(R"re((src|href)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//)re",
                                    std::regex::icase);
    std::smatch m;
    INFO("outside resource: " << (std::regex_search(html, m, outside) ? m.str() : ""));
    CHECK_FALSE(std::regex_search(html, outside));
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<SCRIPT>alert") == std::string::npos);
    const std::string text = html_text(html);
    for (const std::string& total : pdf_totals) {
        INFO("total in the PDF, not in the HTML: " << total);
        CHECK(has_number(text, total));
    }
}

std::string id(Id v) { return std::to_string(v); }

// The latest completed round of every team that has one: what the scorecards show.
std::vector<Id> latest_of_every_team(const Listing& l) {
    std::vector<Id> ids;
    for (const auto& [team, county] : l.county_of_team)
        if (const auto r = l.latest(team)) ids.push_back(*r);
    return ids;
}

// Makes the demo county at `db` with fidelis-cli; every report to write from it.
std::vector<Report> demo_reports(const std::string& db) {
    std::filesystem::remove(db);
    REQUIRE(cli({"demo", "--db", db}).exit_code == 0);
    const Listing l(db);
    const Id ips_team = l.team_named("IPS-teamet Jönköping");
    const Id complete = *l.latest(ips_team, "ips-25");
    const Id draft = l.round_where(l.team_named("Habo Jobbcenter"), "draft");
    const Id consensus = l.round_where(l.team_named("IPS Värnamo"), "consensus");
    const Id seqf = l.round_where(l.team_named("Tranås Jobbcenter"), "completed", "2024");
    const Id eksjo = l.team_named("Eksjö Arbetsstöd");
    return {
        {"round-complete", {"round", "--round", id(complete)}, {complete}},
        {"round-draft", {"round", "--round", id(draft)}, {draft}},
        {"round-consensus", {"round", "--round", id(consensus)}, {consensus}},
        {"round-seqf", {"round", "--round", id(seqf)}, {seqf}},
        {"trend", {"trend", "--team", id(ips_team), "--scale", "ips-25"}, l.completed(ips_team, "ips-25")},
        {"county", {"county", "--scale", "ips-25"}, l.latest_per_team("ips-25", "06")},
        {"county-coded", {"county", "--scale", "ips-25", "--coded"}, l.latest_per_team("ips-25", "06")},
        {"county-all", {"county", "--scale", "ips-25", "--county", "all"}, l.latest_per_team("ips-25", "")},
        {"plan", {"plan", "--round", id(complete)}, {}},
        {"plan-empty", {"plan", "--round", id(draft)}, {}},
        {"scorecard", {"scorecard", "--team", id(eksjo)}, {*l.latest(eksjo)}},
        {"scorecards", {"scorecards"}, latest_of_every_team(l)},
        {"agreement", {"agreement", "--scale", "ips-25"}, {}},
    };
}

// Makes the hostile county at `db`; every report to write from it.
std::vector<Report> hostile_reports(const std::string& db) {
    std::filesystem::remove(db);
    const HostileCounty h = create_hostile_database(db);
    const Listing l(db);
    REQUIRE(l.name_of_team.size() == 40);
    return {
        {"round-long-notes", {"round", "--round", id(h.long_notes_round)}, {h.long_notes_round}},
        {"round-draft", {"round", "--round", id(h.draft_round)}, {h.draft_round}},
        {"round-consensus", {"round", "--round", id(h.consensus_round)}, {h.consensus_round}},
        {"round-cannot-rate", {"round", "--round", id(h.cannot_rate_round)}, {h.cannot_rate_round}},
        {"round-seqf", {"round", "--round", id(h.seqf_round)}, {h.seqf_round}},
        {"trend", {"trend", "--team", id(h.trend_team)}, l.completed(h.trend_team, "ips-25")},
        {"county", {"county", "--scale", "ips-25"}, l.latest_per_team("ips-25", "06")},
        {"county-coded", {"county", "--scale", "ips-25", "--coded"}, l.latest_per_team("ips-25", "06")},
        {"county-all", {"county", "--scale", "ips-25", "--county", "all"}, l.latest_per_team("ips-25", "")},
        {"county-seqf", {"county", "--scale", "seqf-se"}, l.latest_per_team("seqf-se", "06")},
        // The custom grouping's name has markup, emoji and Arabic; its members span both counties.
        {"county-custom", {"county", "--scale", "ips-25", "--county", "all", "--grouping", "custom"},
         l.latest_per_team("ips-25", "")},
        {"plan", {"plan", "--round", id(h.long_notes_round)}, {}},
        {"plan-empty", {"plan", "--round", id(h.empty_plan_round)}, {}},
        {"scorecard", {"scorecard", "--team", id(h.arabic_team)}, {*l.latest(h.arabic_team)}},
        {"scorecard-script", {"scorecard", "--team", id(h.script_team)}, {*l.latest(h.script_team)}},
        {"scorecards", {"scorecards"}, latest_of_every_team(l)},
        {"agreement", {"agreement", "--scale", "ips-25"}, {}},
    };
}

std::vector<std::string> report_args(const Report& report, const std::string& lang, const std::string& db,
                                     const std::string& out) {
    std::vector<std::string> args = {"--lang", lang, "report"};
    args.insert(args.end(), report.args.begin(), report.args.end());
    args.insert(args.end(), {"--db", db, "--out", out, "--today", today});
    return args;
}

void render_all(const std::string& db, const std::vector<Report>& reports, const Folder& folder) {
    std::map<Id, std::map<std::string, std::string>> totals;  // round -> lang -> total
    for (const char* lang : {"sv", "en"})
        for (const Report& report : reports) {
            std::vector<std::string> expected;
            for (Id round : report.totals_of) {
                auto& t = totals[round][lang];
                if (t.empty()) t = total_of(db, round, lang);
                if (std::find(expected.begin(), expected.end(), t) == expected.end()) expected.push_back(t);
            }
            std::vector<std::string> in_pdf;
            for (const char* ext : {".pdf", ".html"}) {
                const std::string out = folder / (report.name + "-" + lang + ext);
                const auto r = cli(report_args(report, lang, db, out));
                INFO(report.name << " " << lang << ext << ": " << out << "\n" << r.err);
                CHECK(r.exit_code == 0);
                if (r.exit_code != 0) continue;
                if (std::string(ext) == ".pdf") check_pdf(out, expected, in_pdf);
                else check_html(out, in_pdf);
            }
        }
}

}  // namespace

TEST_CASE("Every report renders in Swedish and English as PDF and HTML from the demo county") {
    Folder folder("demo");
    const std::string db = folder / "demo.fidelis";
    render_all(db, demo_reports(db), folder);
}

TEST_CASE("Every report renders in Swedish and English as PDF and HTML from the hostile county") {
    Folder folder("hostile");
    const std::string db = folder / "hostile.fidelis";
    render_all(db, hostile_reports(db), folder);
}

// For the accessibility check (tests/CMakeLists.txt, "a11y: every report ..."): every
// report of both counties as HTML, in both languages, into one folder for axe-check.
TEST_CASE("Every report of the demo and the hostile county is written as HTML to $FIDELIS_A11Y_OUT", "[.a11y]") {
    const char* out = std::getenv("FIDELIS_A11Y_OUT");
    REQUIRE(out);
    TempDir dbs;
    for (const std::string county : {"demo", "hostile"}) {
        const std::string db = (dbs / (county + ".fidelis")).string();
        for (const Report& report : county == "demo" ? demo_reports(db) : hostile_reports(db))
            for (const char* lang : {"sv", "en"}) {
                const std::string file = std::string(out) + "/" + county + "-" + report.name + "-" + lang + ".html";
                const auto r = cli(report_args(report, lang, db, file));
                INFO(file << "\n" << r.err);
                CHECK(r.exit_code == 0);
            }
    }
}

TEST_CASE("The hostile county is written to $FIDELIS_HOSTILE_DB, for a person to render and look at", "[.hostile]") {
    const char* path = std::getenv("FIDELIS_HOSTILE_DB");
    REQUIRE(path);
    const HostileCounty h = create_hostile_database(path);
    std::cout << path << ": " << h.teams << " teams\n"
              << "trend team (12 rounds)\t" << h.trend_team << "\n"
              << "Arabic team\t" << h.arabic_team << "\n"
              << "round with 3,000-character notes\t" << h.long_notes_round << "\n"
              << "draft round\t" << h.draft_round << "\n"
              << "consensus round\t" << h.consensus_round << "\n"
              << "round with 15 cannot-rate\t" << h.cannot_rate_round << "\n"
              << "round with an empty plan\t" << h.empty_plan_round << "\n"
              << "round with zero participants\t" << h.zero_figures_round << "\n"
              << "SEQF-SE round with long texts\t" << h.seqf_round << "\n"
              << "team named with <script>\t" << h.script_team << "\n";
}

