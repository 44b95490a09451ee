// Every report type, rendered and checked the way a reader's tools see it: qpdf says the
// file is valid, pdffonts says every font is embedded, pdftotext finds the content; the
// embedded fonts are subsets that still hold every letter a Nordic name can need.
#include "reports/layout.h"
#include "reports/reports.h"
#include "scales/scale_loader.h"
#include "pdf_words.h"
#include "run.h"
#include "store/demo.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <cstdint>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::overlapping_words;
using fidelis::test::run;
using fidelis::test::TempDir;

namespace {

// One demo county for all rendering tests.
Store& demo() {
    static TempDir dir;
    static Store store = create_demo((dir / "demo.fidelis").string());
    return store;
}

ReportOptions options(const std::string& lang) {
    ReportOptions o;
    o.lang = lang;
    o.today = *Date::try_parse("2026-11-22");
    return o;
}

Id round_of(const std::string& team_name, const std::string& date_prefix) {
    for (const Team& t : demo().teams())
        if (t.name == team_name)
            for (const Round& r : demo().rounds_of_team(t.id))
                if (r.assessed_on.iso().rfind(date_prefix, 0) == 0) return r.id;
    FAIL("no such round");
    return 0;
}

Id team_named(const std::string& name) {
    for (const Team& t : demo().teams())
        if (t.name == name) return t.id;
    FAIL("no such team");
    return 0;
}

// Checks the file the way the issue asks, and returns its text.
std::string verify(const std::string& path) {
    const auto check = run("/usr/bin/qpdf", {"--check", path});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    const auto fonts = run("/usr/bin/pdffonts", {path});
    REQUIRE(fonts.exit_code == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    int fonts_listed = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 2 || line.empty()) continue;  // header lines
        ++fonts_listed;
        INFO(line);
        CHECK(line.find(" yes ") != std::string::npos);  // emb
    }
    CHECK(fonts_listed >= 1);
    const auto text = run("/usr/bin/pdftotext", {"-layout", path, "-"});
    REQUIRE(text.exit_code == 0);
    // Poppler accepts the fonts' ToUnicode maps (libharu's own is rejected with a warning),
    // so copying text and screen readers get the characters from the map, not by guessing.
    INFO(text.err);
    CHECK(text.err.find("Warning") == std::string::npos);
    const auto overlaps = overlapping_words(path);
    INFO(overlaps.size() << " overlapping words, first: " << (overlaps.empty() ? "" : overlaps.front()));
    CHECK(overlaps.empty());
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    return text.out;
}

const std::vector<std::string> jonkoping_municipalities = {"Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo",
                                                           "Jönköping", "Mullsjö", "Nässjö", "Sävsjö", "Tranås",
                                                           "Vaggeryd", "Vetlanda", "Värnamo"};

}  // namespace

TEST_CASE("Round report in Swedish and English") {
    TempDir dir;
    const Id round = round_of("IPS-teamet Jönköping", "2025");
    write_round_report(demo(), round, (dir / "sv.pdf").string(), options("sv"));
    const std::string sv = verify((dir / "sv.pdf").string());
    CHECK(sv.find("RAPPORT OM PROGRAMTROHET") != std::string::npos);
    CHECK(sv.find("IPS-teamet Jönköping") != std::string::npos);
    CHECK(sv.find("Poäng per avsnitt") != std::string::npos);
    CHECK(sv.find("Styrkor och prioriteringar") != std::string::npos);
    CHECK(sv.find("Förändring sedan förra mätomgången") != std::string::npos);
    CHECK(sv.find("Punkt för punkt") != std::string::npos);
    CHECK(sv.find("Nästa nivå") != std::string::npos);
    CHECK(sv.find("Sida 1 av") != std::string::npos);
    CHECK(sv.find("UTKAST") == std::string::npos);

    write_round_report(demo(), round, (dir / "en.pdf").string(), options("en"));
    const std::string en = verify((dir / "en.pdf").string());
    CHECK(en.find("FIDELITY REPORT") != std::string::npos);
    CHECK(en.find("Section scores") != std::string::npos);
    CHECK(en.find("Page 1 of") != std::string::npos);
    CHECK(en.find("Exemplary fidelity") != std::string::npos);  // band labels from the scale file
}

TEST_CASE("A draft round carries the draft stamp and an explicitly incomplete total") {
    TempDir dir;
    write_round_report(demo(), round_of("Habo Jobbcenter", "2026"), (dir / "d.pdf").string(), options("sv"));
    const std::string text = verify((dir / "d.pdf").string());
    // On every page, in the footer, besides the diagonal stamp.
    const auto pages = run("/usr/bin/pdfinfo", {(dir / "d.pdf").string()}).out;
    const int n = std::stoi(pages.substr(pages.find("Pages:") + 6));
    int stamped = 0;
    for (std::size_t at = 0; (at = text.find("UTKAST · IPS-25", at)) != std::string::npos; ++at) ++stamped;
    CHECK(stamped == n);
    CHECK(text.find("Utkast: mätomgången är inte avslutad") != std::string::npos);
    CHECK(text.find("Totalen är ofullständig: 12 av 25") != std::string::npos);
    CHECK(text.find("inget band") != std::string::npos);
}

TEST_CASE("Trend report in both languages") {
    TempDir dir;
    write_trend_report(demo(), team_named("IPS Värnamo"), "ips-25", (dir / "t.pdf").string(), options("sv"));
    const std::string sv = verify((dir / "t.pdf").string());
    CHECK(sv.find("UTVECKLINGSRAPPORT") != std::string::npos);
    CHECK(sv.find("Totalpoäng över tid") != std::string::npos);
    CHECK(sv.find("Punkter på nivå 3 eller lägre") != std::string::npos);
    CHECK(sv.find("Tidigare planers åtgärder") != std::string::npos);
    CHECK(sv.find("2017-11") != std::string::npos);
    write_trend_report(demo(), team_named("IPS Värnamo"), "", (dir / "e.pdf").string(), options("en"));
    CHECK(verify((dir / "e.pdf").string()).find("Item by round") != std::string::npos);
}

TEST_CASE("County report names all 13 municipalities, the coded one names none") {
    TempDir dir;
    CountyQuery q;
    q.scale_id = "ips-25";
    write_county_report(demo(), q, (dir / "county.pdf").string(), options("sv"));
    const std::string text = verify((dir / "county.pdf").string());
    for (const auto& m : jonkoping_municipalities) {
        INFO(m);
        CHECK(text.find(m) != std::string::npos);
    }
    for (const char* part : {"GGVV", "Södra Vätterbygden", "Höglandet", "Så läser du rapporten",
                             "Teamens uppgifter per kön", "Gemensamma styrkor"})
        CHECK(text.find(part) != std::string::npos);

    q.coded = true;
    write_county_report(demo(), q, (dir / "coded.pdf").string(), options("sv"));
    const std::string coded = verify((dir / "coded.pdf").string());
    const std::string info = run("/usr/bin/pdfinfo", {(dir / "coded.pdf").string()}).out;
    for (const auto& m : jonkoping_municipalities) {
        INFO(m);
        CHECK(coded.find(m) == std::string::npos);
        CHECK(info.find(m) == std::string::npos);
    }
    for (const Team& t : demo().teams()) CHECK(coded.find(t.name) == std::string::npos);
    for (const char* part : {"GGVV", "Höglandet", "Södra Vätterbygden"}) CHECK(coded.find(part) == std::string::npos);
    CHECK(coded.find("kodad för publicering") != std::string::npos);
}

TEST_CASE("County report with a period and the previous period, in English") {
    TempDir dir;
    CountyQuery q;
    q.from = Date::try_parse("2024-01-01");
    q.to = Date::try_parse("2025-12-31");
    q.comparison = Comparison::PreviousPeriod;
    write_county_report(demo(), q, (dir / "c.pdf").string(), options("en"));
    const std::string text = verify((dir / "c.pdf").string());
    CHECK(text.find("COUNTY COMPARISON") != std::string::npos);
    CHECK(text.find("Compared with each team's latest round in 2022-01-01 – 2023-12-31.") != std::string::npos);
    CHECK(text.find("Change since 2022-01-01 – 2023-12-31") != std::string::npos);
    CHECK(text.find("Good fidelity or better") != std::string::npos);
    // The summary and the table's last row give the same mean change, with the same decimals.
    const std::string flat = std::regex_replace(text, std::regex("\\s+"), " ");
    std::smatch summary, table;
    REQUIRE(std::regex_search(flat, summary, std::regex("([+−-]?[0-9]+\\.[0-9]) on average for the [0-9]+ teams? measured")));
    REQUIRE(std::regex_search(flat, table, std::regex("Mean change ([+−-]?[0-9]+\\.[0-9])")));
    CHECK(summary[1] == table[1]);
}

TEST_CASE("The county report compares each team with its own previous round by default") {
    TempDir dir;
    write_county_report(demo(), CountyQuery{}, (dir / "c.html").string(), options("en"));
    std::ifstream in(dir / "c.html");
    const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The HTML table says in its header what the change is measured against.
    CHECK(html.find("<th scope=\"col\"") != std::string::npos);
    CHECK(std::regex_search(html, std::regex("<th scope=\"col\"[^>]*>Change since the team&#39;s previous round</th>|"
                                             "<th scope=\"col\"[^>]*>Change since the team's previous round</th>")));
    CHECK(html.find("Change per item, for the teams measured both times") != std::string::npos);
}

TEST_CASE("The improvement plan has every column, marks overdue rows in words and leaves room to sign") {
    TempDir dir;
    write_plan_report(demo(), round_of("IPS-teamet Jönköping", "2025"), (dir / "p.pdf").string(), options("sv"));
    const std::string text = verify((dir / "p.pdf").string());
    for (const char* column : {"Område/punkt", "Nuläge", "Mål", "Åtgärd", "Ansvarig", "Resurser", "Start",
                               "Slutdatum", "Uppföljning", "Status", "Kommentar"}) {
        INFO(column);
        CHECK(text.find(column) != std::string::npos);
    }
    CHECK(text.find("FÖRBÄTTRINGSPLAN") != std::string::npos);
    CHECK(text.find("Ansvarig chef") != std::string::npos);
    CHECK(text.find("Nästa uppföljning") != std::string::npos);
    CHECK(text.find("Försenad") != std::string::npos);
    CHECK(text.find("Uppföljning av förra planen") != std::string::npos);
    CHECK(text.find("Datum och underskrift, ansvarig chef") != std::string::npos);
    const auto size = run("/usr/bin/pdfinfo", {(dir / "p.pdf").string()}).out;
    CHECK(size.find("841.89 x 595.276") != std::string::npos);  // A4 landscape

    write_plan_report(demo(), round_of("IPS-teamet Jönköping", "2025"), (dir / "e.pdf").string(), options("en"));
    const std::string en = verify((dir / "e.pdf").string());
    for (const char* column : {"Area / item", "Current", "Goal", "Action", "Responsible", "Resources", "Start", "Due",
                               "Follow-up", "Status", "Comment", "Overdue"})
        CHECK(en.find(column) != std::string::npos);
}

TEST_CASE("The scorecard is one page") {
    TempDir dir;
    for (const char* lang : {"sv", "en"}) {
        const std::string path = (dir / (std::string(lang) + ".pdf")).string();
        write_scorecard(demo(), team_named("Eksjö Arbetsstöd"), path, options(lang));
        const std::string text = verify(path);
        CHECK(run("/usr/bin/pdfinfo", {path}).out.find("Pages:           1\n") != std::string::npos);
        CHECK(text.find("Eksjö Arbetsstöd") != std::string::npos);
    }
}

TEST_CASE("The scorecards booklet is a cover and one page per team, for IPS-25 and for SEQF") {
    TempDir dir;
    for (const char* scale : {"ips-25", "seqf-se"}) {
        INFO(scale);
        const std::string path = (dir / (std::string(scale) + ".pdf")).string();
        write_scorecards(demo(), scale, path, options("sv"));
        verify(path);
        int teams = 0;
        for (const Team& team : demo().teams()) {
            const auto rounds = demo().rounds_of_team(team.id);
            teams += std::any_of(rounds.begin(), rounds.end(), [&](const Round& r) {
                return r.scale_id == scale && r.status == RoundStatus::Completed;
            });
        }
        REQUIRE(teams > 5);
        CHECK(run("/usr/bin/pdfinfo", {path}).out.find("Pages:           " + std::to_string(teams + 1) + "\n") !=
              std::string::npos);
    }
}

TEST_CASE("An SEQF round gets the same reports, shaped by its own definition and without bands") {
    TempDir dir;
    const Id seqf = round_of("Tranås Jobbcenter", "2024");
    write_round_report(demo(), seqf, (dir / "r.pdf").string(), options("sv"));
    const std::string text = verify((dir / "r.pdf").string());
    CHECK(text.find("Överenskommelse med klient") != std::string::npos);
    CHECK(text.find("Jobbsökande") != std::string::npos);
    CHECK(text.find("Programtrohet") == std::string::npos);  // no IPS band label
    write_plan_report(demo(), seqf, (dir / "p.pdf").string(), options("en"));
    verify((dir / "p.pdf").string());
    CountyQuery q;
    q.scale_id = "seqf-se";
    write_county_report(demo(), q, (dir / "c.pdf").string(), options("en"));
    CHECK(verify((dir / "c.pdf").string()).find("defines no fidelity bands") != std::string::npos);
}

TEST_CASE("Hostile text never breaks a report, and a long note is kept word for word") {
    TempDir dir;
    pdf::Document doc("sv");
    pdf::Flow flow(doc, false);
    std::string long_note;
    for (int i = 0; i < 1500; ++i) long_note += "ord" + std::to_string(i) + " ";
    const std::string hostile = std::string("trasig \xC3\x28 byte, \xFF\xFE, emoji \xF0\x9F\x98\x80\xF0\x9F\x91\x8D, ") +
                                "höger-till-vänster \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85, "
                                "styrtecken \x01\x02\x1B[31m\x7F, " + std::string(3000, 'W') + " slut";
    flow.paragraph(long_note);
    flow.paragraph(hostile);
    flow.table({{"Kolumn", 60}, {"Text", 0}}, {{pdf::Cell("a"), pdf::Cell(hostile)}, {pdf::Cell("b"), pdf::Cell(long_note)}});
    flow.finish("sidfot \xFF", "Sida {1} av {2}");
    doc.set_info("titel \xC3\x28", "författare", "ämne");
    const std::string path = (dir / "hostile.pdf").string();
    doc.save(path);
    const std::string text = verify(path);
    // Every word of the long note arrives, across pages (twice: paragraph and table).
    for (int i = 0; i < 1500; i += 37) {
        const std::string word = "ord" + std::to_string(i) + " ";
        INFO(word);
        CHECK(text.find(word) != std::string::npos);
    }
    CHECK(text.find("ord1499") != std::string::npos);
    CHECK(text.find("slut") != std::string::npos);
    CHECK(doc.page_count() >= 3);
}

TEST_CASE("Hostile notes in the database still give a valid round report") {
    TempDir dir;
    Store store = Store::create((dir / "h.fidelis").string(), "06");
    const Id team = store.add_team("0680", "Team \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", Method::IPS);
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = demo().scale_by_hash(demo().round(round_of("IPS Värnamo", "2025")).scale_hash);
    nr.assessed_on = *Date::try_parse("2026-01-01");
    nr.raters = {{std::string(500, 'R') + " \x01", "\xFF"}};
    const Id round = store.create_round(nr);
    Rating r;
    r.item_id = "S1";
    r.rater_id = consensus_rater;
    r.input.level = 3;
    r.note = std::string(10000, 'x') + " \xC3\x28 \x1B emoji \xF0\x9F\x98\x80";
    r.evidence = std::string(200, '\n') + "efter tomma rader";
    store.save_rating(round, r);
    write_round_report(store, round, (dir / "r.pdf").string(), options("sv"));
    const std::string text = verify((dir / "r.pdf").string());
    CHECK(text.find("efter tomma rader") != std::string::npos);
}

TEST_CASE("The overlap check finds a word drawn over another, and not words side by side or line by line") {
    TempDir dir;
    pdf::Document doc("sv");
    pdf::Page& page = doc.add_page();
    page.text(60, 100, "Bredvid varandra", 11);
    page.text(60, 120, "Rad under", 11);
    page.text(300, 200, "Gislaved", 11);
    page.text(310, 201, "Vaggeryd", 11);
    doc.save((dir / "o.pdf").string());
    const auto found = overlapping_words((dir / "o.pdf").string());
    REQUIRE(found.size() == 1);
    CHECK(found.front() == "page 1: \"Gislaved\" over \"Vaggeryd\"");
}

TEST_CASE("A failed or cancelled report leaves no file behind") {
    TempDir dir;
    const std::string missing_dir = (dir / "no" / "such" / "dir" / "r.pdf").string();
    CHECK_THROWS_AS(write_round_report(demo(), 1, missing_dir, options("sv")), Error);
    CHECK_FALSE(std::filesystem::exists(missing_dir));
    CHECK_FALSE(std::filesystem::exists(missing_dir + ".part"));

    ReportOptions cancel = options("sv");
    cancel.progress = [](double fraction) { return fraction < 0.5; };
    const std::string path = (dir / "cancelled.pdf").string();
    CHECK_THROWS_AS(write_round_report(demo(), 1, path, cancel), Cancelled);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(std::filesystem::is_empty(dir.path()));
}

namespace {

// Just enough of a TrueType reader to check an embedded font against the shipped one,
// written apart from the reports' own, so that the two cannot share a mistake.
struct Ttf {
    std::string d;
    std::uint32_t u16(std::size_t at) const {
        REQUIRE(at + 2 <= d.size());
        return std::uint32_t(static_cast<unsigned char>(d[at])) << 8 | static_cast<unsigned char>(d[at + 1]);
    }
    std::uint32_t u32(std::size_t at) const { return u16(at) << 16 | u16(at + 2); }
    std::size_t table(const std::string& tag) const {
        for (std::uint32_t i = 0; i < u16(4); ++i)
            if (d.compare(12 + 16 * i, 4, tag) == 0) return u32(12 + 16 * i + 8);
        return 0;
    }
    std::uint32_t glyph_of(char32_t c) const {  // the Windows BMP cmap, format 4
        const std::size_t cmap = table("cmap");
        std::size_t sub = 0;
        for (std::uint32_t i = 0; i < u16(cmap + 2); ++i)
            if (u16(cmap + 4 + 8 * i) == 3 && u16(cmap + 6 + 8 * i) == 1) sub = cmap + u32(cmap + 8 + 8 * i);
        REQUIRE(sub);
        REQUIRE(u16(sub) == 4);
        const std::uint32_t segs = u16(sub + 6) / 2;
        const std::size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                          ranges = deltas + 2 * segs;
        for (std::uint32_t s = 0; s < segs; ++s) {
            if (c > u16(ends + 2 * s)) continue;
            if (c < u16(starts + 2 * s)) return 0;
            if (!u16(ranges + 2 * s)) return (c + u16(deltas + 2 * s)) & 0xFFFF;
            const std::uint32_t g = u16(ranges + 2 * s + u16(ranges + 2 * s) + 2 * (c - u16(starts + 2 * s)));
            return g ? (g + u16(deltas + 2 * s)) & 0xFFFF : 0;
        }
        return 0;
    }
    std::uint32_t glyph_count() const { return u16(table("maxp") + 4); }
    std::string outline(std::uint32_t g) const {
        const bool long_loca = u16(table("head") + 50) == 1;
        const std::size_t loca = table("loca");
        auto at = [&](std::uint32_t i) { return long_loca ? u32(loca + 4 * i) : 2 * u16(loca + 2 * i); };
        return d.substr(table("glyf") + at(g), at(g + 1) - at(g));
    }
};

struct PdfFont {
    std::string name;  // BaseFont
    Ttf file;
    std::string cid_to_gid;
};

std::string stream_of(const std::string& pdf_path, const std::string& id) {
    const auto r = run("/usr/bin/qpdf", {"--show-object=" + id, "--filtered-stream-data", pdf_path});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// Every CIDFontType2 of a PDF with its font file and CIDToGIDMap, found in the object
// dictionaries (which Fidelis writes uncompressed).
std::vector<PdfFont> embedded_fonts(const std::string& path) {
    const std::string pdf = fidelis::test::read_file(path);
    std::map<std::string, std::string> dicts;
    static const std::regex object(R"((\d+) 0 obj)");
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), object); it != std::sregex_iterator(); ++it) {
        const std::size_t from = std::size_t(it->position() + it->length());
        dicts[(*it)[1]] = pdf.substr(from, std::min(pdf.find("stream", from), pdf.find("endobj", from)) - from);
    }
    auto ref = [](const std::string& dict, const std::string& key) {
        std::smatch m;
        return std::regex_search(dict, m, std::regex("/" + key + R"( (\d+) 0 R)")) ? std::string(m[1]) : "";
    };
    std::vector<PdfFont> fonts;
    for (const auto& [id, dict] : dicts) {
        if (dict.find("/CIDFontType2") == std::string::npos) continue;
        const std::string& descriptor = dicts[ref(dict, "FontDescriptor")];
        std::smatch m;
        REQUIRE(std::regex_search(descriptor, m, std::regex(R"(/FontName /(\S+))")));
        fonts.push_back(
            {m[1], Ttf{stream_of(path, ref(descriptor, "FontFile2"))}, stream_of(path, ref(dict, "CIDToGIDMap"))});
    }
    return fonts;
}

// Letters a Nordic name can have, most of which the demo county report never draws.
const std::u32string nordic_letters = U"åäöÅÄÖæøÆØéèüÜßłŁşŞčČđĐŋŊŧŦžŽšŠńśźżąęőűÞþðǯǮǧȘșȚțƏə’";

// `c` is drawn by the font's own glyph for it: the PDF maps the code to the glyph id the
// shipped font has for it, and the subset holds that glyph's outline unchanged.
void check_glyph(const PdfFont& font, const Ttf& shipped, char32_t c) {
    INFO(font.name << " U+" << std::hex << unsigned(c));
    const std::uint32_t g = shipped.glyph_of(c);
    REQUIRE(g != 0);
    CHECK(font.file.glyph_of(c) == g);
    REQUIRE(font.cid_to_gid.size() >= 2 * c + 2);
    CHECK((std::uint32_t(static_cast<unsigned char>(font.cid_to_gid[2 * c])) << 8 |
           static_cast<unsigned char>(font.cid_to_gid[2 * c + 1])) == g);
    const std::string outline = font.file.outline(g);
    CHECK(!outline.empty());
    CHECK(outline.compare(0, shipped.outline(g).size(), shipped.outline(g)) == 0);
}

Ttf shipped_font(bool bold) {
    return Ttf{fidelis::test::read_file(std::string(FIDELIS_SOURCE_DIR) + "/reports/fonts/DejaVuSans" +
                                        (bold ? "-Bold" : "") + ".ttf")};
}

}  // namespace

TEST_CASE("Reports embed only the glyphs they use and every Nordic letter") {
    TempDir dir;
    CountyQuery q;
    q.scale_id = "ips-25";
    const std::string path = (dir / "county.pdf").string();
    write_county_report(demo(), q, path, options("sv"));
    const std::string text = verify(path);
    for (const char* word : {"Jönköping", "Värnamo", "Så läser du rapporten", "Höglandet"})
        CHECK(text.find(word) != std::string::npos);
    // The issue's goal: the demo county report was 205 KB, 90 % of it font.
    CHECK(std::filesystem::file_size(path) < 100 * 1024);

    // pdffonts: each font embedded as a subset (ABCDEF+ name) with a ToUnicode map.
    const auto fonts = run("/usr/bin/pdffonts", {path});
    CHECK(fonts.err.empty());
    static const std::regex line(R"(([A-Z]{6})\+(DejaVuSans(-Bold)?) +CID TrueType +Identity-H +yes yes yes )");
    CHECK(std::distance(std::sregex_iterator(fonts.out.begin(), fonts.out.end(), line), std::sregex_iterator()) == 2);

    const auto embedded = embedded_fonts(path);
    REQUIRE(embedded.size() == 2);
    for (const PdfFont& font : embedded) {
        const Ttf shipped = shipped_font(font.name.find("Bold") != std::string::npos);
        std::uint32_t outlines = 0;
        for (std::uint32_t g = 0; g < font.file.glyph_count(); ++g) outlines += !font.file.outline(g).empty();
        INFO(font.name << ": " << outlines << " of " << shipped.glyph_count() << " glyphs");
        CHECK(outlines < 600);  // of some 6,000: the Latin letters and what the report draws
        for (char32_t c : nordic_letters) check_glyph(font, shipped, c);  // used or not
        for (char32_t c : std::u32string(U"0123456789–")) check_glyph(font, shipped, c);
        CHECK(font.file.glyph_of(U'Ж') == 0);  // Cyrillic: the font has it, the report does not draw it
    }
}

TEST_CASE("A name with letters nothing else in the report has still renders and extracts") {
    TempDir dir;
    pdf::Document doc("sv");
    pdf::Page& page = doc.add_page();
    page.text(60, 100, "Łódź Øster Ærø", 14, pdf::Weight::Bold);
    page.text(60, 130, "Łódź Øster Ærø, Şahin Ğ Ǯ Ж", 11);
    doc.save((dir / "n.pdf").string());
    const std::string text = verify((dir / "n.pdf").string());
    CHECK(text.find("Łódź Øster Ærø") != std::string::npos);
    CHECK(text.find("Łódź Øster Ærø, Şahin Ğ Ǯ Ж") != std::string::npos);
    for (const PdfFont& font : embedded_fonts((dir / "n.pdf").string())) {
        const bool bold = font.name.find("Bold") != std::string::npos;
        const Ttf shipped = shipped_font(bold);
        for (char32_t c : std::u32string(U"ŁódźØsterÆrøŞahinĞǮ")) check_glyph(font, shipped, c);
        if (bold) CHECK(font.file.glyph_of(U'Ж') == 0);  // only the regular text has it
        else check_glyph(font, shipped, U'Ж');
    }
    // The page is not blank where the name is: its glyphs have outlines that poppler draws.
    const auto gray = run("/usr/bin/pdftoppm", {"-r", "36", "-gray", "-x", "20", "-y", "30", "-W", "200", "-H", "40",
                                                (dir / "n.pdf").string()});
    REQUIRE(gray.exit_code == 0);
    const std::size_t header = gray.out.find("255\n") + 4;
    CHECK(std::count_if(gray.out.begin() + std::ptrdiff_t(header), gray.out.end(),
                        [](char p) { return static_cast<unsigned char>(p) < 128; }) > 50);
}

TEST_CASE("A trend across a revised definition says where it changed, the round report shows a rule's inputs") {
    TempDir dir;
    const ScalePtr before =
        load_scale_file(std::string(FIDELIS_FIXTURES) + "/scales/ips-25-before-2026-12.xml").scale;
    const ScalePtr now = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    REQUIRE(before);
    REQUIRE(now);
    Store store = Store::create((dir / "r.fidelis").string(), "06");
    const Id team = store.add_team("0687", "IPS Tranås", Method::IPS);
    auto round_on = [&](const ScalePtr& scale, const char* date, bool with_inputs) {
        Store::NewRound nr;
        nr.team_id = team;
        nr.scale = scale;
        nr.assessed_on = *Date::try_parse(date);
        nr.raters = {{"Anna Berg", ""}};
        const Id id = store.create_round(nr);
        for (const Item& item : scale->items) {
            Rating r;
            r.item_id = item.id;
            r.rater_id = consensus_rater;
            r.input.level = 4;
            if (with_inputs && item.id == "O1") {
                r.input.level.reset();
                r.input.inputs = {{"attachment", {"teams1or2"}}, {"share", {"93"}}};
            }
            if (with_inputs && item.id == "V6") {
                r.input.level.reset();
                r.input.inputs = {{"contacts", {"6", "5"}}, {"tracking", {"monthly"}}};
            }
            store.save_rating(id, r);
        }
        store.set_status(id, RoundStatus::Consensus);
        store.set_status(id, RoundStatus::Completed);
        return id;
    };
    round_on(before, "2025-11-10", false);
    const Id fresh = round_on(now, "2026-12-01", true);

    write_trend_report(store, team, "ips-25", (dir / "t.pdf").string(), options("en"));
    const std::string trend = verify((dir / "t.pdf").string());
    CHECK(trend.find("IPS-25 revised 2026-12, from the round of 2026-12-01") != std::string::npos);
    CHECK(trend.find("O1, O4, O5, O6, O7, O8, V6, V7, V11, V12") != std::string::npos);

    write_round_report(store, fresh, (dir / "r.pdf").string(), options("en"));
    const std::string round = verify((dir / "r.pdf").string());
    if (const char* keep = std::getenv("FIDELIS_KEEP_REPORTS")) {
        std::filesystem::copy_file(dir / "t.pdf", std::string(keep) + "/trend.pdf", std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(dir / "r.pdf", std::string(keep) + "/round.pdf", std::filesystem::copy_options::overwrite_existing);
    }
    CHECK(round.find("attached to one or two teams") != std::string::npos);
    CHECK(round.find("O1 Integration through team assignment — level 5") != std::string::npos);
    CHECK(round.find("V6 Job development: frequent employer contact — level 3") != std::string::npos);
    CHECK(round.find("limited to 3") != std::string::npos);
    CHECK(round.find("IPS-25 revised 2026-12, from the round of 2026-12-01") != std::string::npos);
}

TEST_CASE("A PDF report opens on its title with a bookmark per section and item, and is tagged when asked") {
    TempDir dir;
    const Id round = round_of("Tranås Jobbcenter", "2024");
    const std::string plain = (dir / "plain.pdf").string(), tagged = (dir / "tagged.pdf").string();
    write_round_report(demo(), round, plain, options("sv"));
    ReportOptions o = options("sv");
    o.tagged_pdf = true;
    write_round_report(demo(), round, tagged, o);
    for (const std::string& path : {plain, tagged}) {
        verify(path);
        const std::string json = run("/usr/bin/qpdf", {"--json", path}).out;
        // Sections and items both: "Metod" and an item heading with its level.
        CHECK(json.find("\"title\": \"Metod\"") != std::string::npos);
        CHECK(std::regex_search(json, std::regex("\"title\": \"[A-Z]+[0-9]+ [^\"]+ — nivå [0-9]")));
        CHECK(run("/usr/bin/pdfinfo", {path}).out.find("Title:") != std::string::npos);
    }
    CHECK(run("/usr/bin/pdfinfo", {plain}).out.find("Tagged:          no") != std::string::npos);
    CHECK(run("/usr/bin/pdfinfo", {tagged}).out.find("Tagged:          yes") != std::string::npos);
    const std::string structure = run("/usr/bin/pdfinfo", {"-struct", tagged}).out;
    for (const char* role : {"H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "Figure"}) {
        INFO(role);
        CHECK(std::regex_search(structure, std::regex(std::string("(^|\n) *") + role + "( |\n)")));
    }
    // The tagged copy says the same words.
    CHECK(run("/usr/bin/pdftotext", {plain, "-"}).out == run("/usr/bin/pdftotext", {tagged, "-"}).out);
}
