// The PDF layer's text and navigation, checked on its own and the way a reader's tools see
// the file: right-to-left lines shaped and ordered (the codes drawn, read from the content
// stream), one mark per character cluster the fonts lack, the original text kept for
// copying (pdftotext), bookmarks, page labels and the viewer preferences (qpdf --json),
// and the tagged structure (qpdf --check, pdfinfo -struct-text).
#include "bidi.h"
#include "glyph_fallback.h"
#include "reports/pdf.h"
#include "run.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>
#include <sstream>
#include <string>

using namespace fidelis;
using fidelis::test::run;
using fidelis::test::TempDir;

namespace {

std::string utf8_of(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// The codes as hexadecimal, the way the content stream shows the CIDs drawn.
std::string hex(std::u32string_view s) {
    std::string out;
    char buf[8];
    for (char32_t c : s) {
        std::snprintf(buf, sizeof buf, "%04X", unsigned(c));
        out += buf;
    }
    return out;
}

// Every page's content streams, uncompressed, as one text.
std::string content_streams(const std::string& pdf) {
    const std::string qdf = pdf + ".qdf";
    REQUIRE(run("/usr/bin/qpdf", {"--qdf", "--object-streams=disable", pdf, qdf}).exit_code == 0);
    return test::read_file(qdf);
}

std::string json_of(const std::string& pdf, const std::string& key) {
    const auto r = run("/usr/bin/qpdf", {"--json=2", "--json-key=" + key, pdf});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

void require_valid(const std::string& pdf) {
    const auto check = run("/usr/bin/qpdf", {"--check", pdf});
    INFO(check.out << check.err);
    REQUIRE(check.exit_code == 0);
    REQUIRE(check.err.empty());
}

bool has_glyph_except(char32_t c, char32_t missing) { return c != missing; }

bool has_presentation_form(const std::string& utf8) {
    // U+FB50 to U+FEFF are EF AD 90 to EF BB BF in UTF-8.
    for (std::size_t i = 0; i + 2 < utf8.size(); ++i) {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(utf8[i + k]); };
        if (b(0) == 0xEF && ((b(1) == 0xAD && b(2) >= 0x90) || (b(1) > 0xAD && b(1) <= 0xBB))) return true;
    }
    return false;
}

// The outline as qpdf --json=2 prints it, one "depth page title" line per bookmark. qpdf
// indents each level four spaces deeper and writes a bookmark's title after its children.
std::string outline_of(const std::string& json) {
    std::string out, page;
    const std::regex entry(R"re(^( *)"(destpageposfrom1|title)": "?(.*?)"?,?$)re");
    std::istringstream lines(json);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (!std::regex_match(line, m, entry)) continue;
        if (m[2] == "destpageposfrom1")
            page = m[3];
        else
            out += std::to_string((m[1].length() - 6) / 4) + " " + page + " " + std::string(m[3]) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("Arabic letters join into their presentation forms and read right to left", "[pdf][bidi]") {
    // مرحبا: meem initial, reh final, hah initial, beh medial, alef final; drawn from the left.
    CHECK(hex(pdf::bidi::visual(U"\u0645\u0631\u062D\u0628\u0627")) == hex(U"\uFE8E\uFE92\uFEA3\uFEAE\uFEE3"));
}

TEST_CASE("Lam and alef become one ligature", "[pdf][bidi]") {
    CHECK(hex(pdf::bidi::visual(U"\u0644\u0627")) == hex(U"\uFEFB"));
    // الأمل: alef, then lam with hamza-alef as one glyph, then meem initial and lam final.
    CHECK(hex(pdf::bidi::visual(U"\u0627\u0644\u0623\u0645\u0644")) == hex(U"\uFEDE\uFEE3\uFEF7\uFE8D"));
}

TEST_CASE("A left-to-right line keeps its order around an Arabic name", "[pdf][bidi]") {
    CHECK(hex(pdf::bidi::visual(U"Team \u0627\u0644\u0623\u0645\u0644 IPS")) ==
          hex(U"Team \uFEDE\uFEE3\uFEF7\uFE8D IPS"));
    // A number right after Arabic text belongs to it (UAX #9, W2 and N1), so it is drawn to
    // the Arabic's left, as every browser and word processor shows "Team الأمل 3".
    CHECK(hex(pdf::bidi::visual(U"Team \u0627\u0644\u0623\u0645\u0644 3")) ==
          hex(U"Team 3 \uFEDE\uFEE3\uFEF7\uFE8D"));
}

TEST_CASE("A Hebrew line reads right to left with its digits left to right and brackets mirrored", "[pdf][bidi]") {
    // שלום reversed; a line starting in Hebrew is right to left, so the number goes to the left.
    CHECK(hex(pdf::bidi::visual(U"\u05E9\u05DC\u05D5\u05DD")) == hex(U"\u05DD\u05D5\u05DC\u05E9"));
    CHECK(hex(pdf::bidi::visual(U"\u05E2\u05DE\u05D5\u05D3 12")) == hex(U"12 \u05D3\u05D5\u05DE\u05E2"));
    // "(שלום)" drawn from the left: an opening bracket on the left, as a reader sees it.
    CHECK(hex(pdf::bidi::visual(U"(\u05E9\u05DC\u05D5\u05DD)")) == hex(U"(\u05DD\u05D5\u05DC\u05E9)"));
}

TEST_CASE("A line without right-to-left text is drawn exactly as typed", "[pdf][bidi]") {
    CHECK(pdf::bidi::visual(std::string("Åsa Öberg (IPS) 3,5 – ändrad")) == "Åsa Öberg (IPS) 3,5 – ändrad");
    CHECK_FALSE(pdf::bidi::needs_reordering(U"Åsa Öberg"));
}

TEST_CASE("A presentation form the font lacks falls back to its base letter", "[pdf][bidi]") {
    // Without the initial meem (U+FEE3), meem is drawn as U+0645; the others keep their forms.
    const auto visual = pdf::bidi::visual(U"\u0645\u0631\u062D\u0628\u0627",
                                          [](char32_t c) { return has_glyph_except(c, 0xFEE3); });
    CHECK(hex(visual) == hex(U"\uFE8E\uFE92\uFEA3\uFEAE\u0645"));
    // Without the lam-alef ligature, both letters come back.
    CHECK(hex(pdf::bidi::visual(U"\u0644\u0627", [](char32_t c) { return has_glyph_except(c, 0xFEFB); })) ==
          hex(U"\u0627\u0644"));
}

TEST_CASE("An emoji with modifiers, selectors or joiners is one grapheme cluster", "[pdf][fallback]") {
    const std::u32string thumbs = U"\U0001F44D\U0001F3FD";                               // 👍🏽
    const std::u32string family = U"\U0001F468\u200D\U0001F469\u200D\U0001F467";        // 👨‍👩‍👧
    const std::u32string heart = U"\u2764\uFE0F";                                         // ❤️
    const std::u32string flag = U"\U0001F1F8\U0001F1EA";                                  // 🇸🇪
    const std::u32string keycap = U"1\uFE0F\u20E3";                                       // 1️⃣
    for (const auto& s : {thumbs, family, heart, flag, keycap}) CHECK(pdf::cluster_end(s, 0) == s.size());
    CHECK(pdf::cluster_end(U"\U0001F1F8\U0001F1EA\U0001F1F3\U0001F1F4", 0) == 2);  // two flags
    CHECK(pdf::cluster_end(U"e\u0301x", 0) == 2);
    CHECK(pdf::cluster_end(U"\u0644\u200D\u0627", 0) == 2);  // a ZWJ between letters joins no letters
}

TEST_CASE("Each cluster the fonts cannot draw becomes one white square", "[pdf][fallback]") {
    TempDir dir;
    pdf::Document doc("en");
    CHECK(doc.printable("ok \U0001F44D\U0001F3FD!") == "ok □!");
    CHECK(doc.printable("\U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1F8\U0001F1EA 1\uFE0F\u20E3") == "□ □ □");
    CHECK(doc.printable("日本語") == "□□□");
    CHECK(doc.printable("Jönköping e\u0301") == "Jönköping e\u0301");  // drawn as they are
    // A heart DejaVu has stays a heart: only the emoji-style selector is not drawn.
    CHECK(doc.drawn("\u2764\uFE0F") == "\u2764");
    CHECK(doc.printable("tab\there") == "tab here");
    // Widths measure what is drawn: the emoji line as wide as the line with its marks.
    CHECK(doc.text_width("a \U0001F468\u200D\U0001F469\u200D\U0001F467 b", 10) == Approx(doc.text_width("a □ b", 10)));
    CHECK(doc.text_width("a \U0001F600 b", 10) > doc.text_width("a  b", 10));
}

TEST_CASE("Widths measure right-to-left text as drawn", "[pdf][bidi]") {
    pdf::Document doc("en");
    const std::string logical = "Team \u0627\u0644\u0623\u0645\u0644 3";
    CHECK(doc.drawn(logical) == utf8_of(U"Team 3 \uFEDE\uFEE3\uFEF7\uFE8D"));
    // Four glyphs drawn for the five letters typed (lam and hamza-alef are one).
    CHECK(doc.text_width(logical, 12) ==
          Approx(doc.text_width("Team ", 12) + doc.text_width(utf8_of(U"\uFEDE\uFEE3\uFEF7\uFE8D"), 12) +
                 doc.text_width("3 ", 12)));
}

TEST_CASE("A page draws Arabic joined and right to left, and copies as letters in reading order", "[pdf][bidi]") {
    TempDir dir;
    const std::string path = (dir / "rtl.pdf").string();
    {
        pdf::Document doc("sv");
        auto& page = doc.add_page();
        page.text(50, 100, "\u0645\u0631\u062D\u0628\u0627", 14);                      // مرحبا
        page.text(50, 130, "\u0627\u0644\u0623\u0645\u0644", 14, pdf::Weight::Bold);  // الأمل
        page.text(300, 160, "\u05E9\u05DC\u05D5\u05DD", 14, pdf::Weight::Regular, pdf::ink, pdf::Align::Right);
        page.rotated_text(300, 400, 30, "\u0644\u0627", 14, pdf::Weight::Regular, pdf::ink, 0.5);
        doc.save(path);
    }
    require_valid(path);
    // The codes drawn are the presentation forms, left to right.
    const std::string streams = content_streams(path);
    CHECK(streams.find("<fe8efe92fea3feaefee3> Tj") != std::string::npos);
    CHECK(streams.find("<fedefee3fef7fe8d> Tj") != std::string::npos);
    CHECK(streams.find("<05dd05d505dc05e9> Tj") != std::string::npos);
    CHECK(streams.find("<fefb> Tj") != std::string::npos);
    // Copied out of the PDF, the words are letters again, in the order they were typed.
    const auto text = run("/usr/bin/pdftotext", {"-raw", path, "-"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("\u0645\u0631\u062D\u0628\u0627") != std::string::npos);
    CHECK(text.out.find("\u0627\u0644\u0623\u0645\u0644") != std::string::npos);
    CHECK(text.out.find("\u05E9\u05DC\u05D5\u05DD") != std::string::npos);
    CHECK_FALSE(has_presentation_form(text.out));  // letters copied, not their shapes
}

TEST_CASE("A page draws each missing emoji as one square that copies as the emoji", "[pdf][fallback]") {
    TempDir dir;
    const std::string path = (dir / "emoji.pdf").string();
    {
        pdf::Document doc("sv");
        auto& page = doc.add_page();
        page.text(50, 100, "Bra jobbat \U0001F44D\U0001F3FD, Åsa!", 14);
        page.text(50, 130, "Familj \U0001F468\u200D\U0001F469\u200D\U0001F467 i Tokyo \u6771\u4EAC", 14, pdf::Weight::Bold);
        doc.save(path);
    }
    require_valid(path);
    const std::string streams = content_streams(path);
    // One square for the thumb and its skin tone, one for the family, one per ideograph.
    CHECK(streams.find("<feffd83ddc4dd83cdffd>>> BDC\n<25a1> Tj\nEMC") != std::string::npos);
    const auto squares = [&] {
        std::size_t n = 0;
        for (std::size_t at = 0; (at = streams.find("<25a1> Tj", at)) != std::string::npos; ++at) ++n;
        return n;
    };
    CHECK(squares() == 4);
    const auto text = run("/usr/bin/pdftotext", {"-raw", path, "-"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Bra jobbat \U0001F44D\U0001F3FD, Åsa!") != std::string::npos);
    CHECK(text.out.find("Familj \U0001F468\u200D\U0001F469\u200D\U0001F467 i Tokyo \u6771\u4EAC") != std::string::npos);
}

TEST_CASE("Bookmarks nest by level, point at their page and keep Swedish letters", "[pdf][navigation]") {
    TempDir dir;
    const std::string path = (dir / "outline.pdf").string();
    {
        pdf::Document doc("sv");
        doc.set_info("Åtgärdsplan för Jönköping", "Fidelis", "Test");
        auto& first = doc.add_page();
        auto& second = doc.add_page();
        doc.add_bookmark("Översikt", first, 60);
        doc.add_bookmark("Områden", second, 60);
        doc.add_bookmark("Arbetsförmedlingens roll", second, 200, 1);
        doc.add_bookmark("Jobbsökande \U0001F44D", second, 400, 1);
        doc.add_bookmark("Bilaga", second, 700, 5);  // deeper than possible: one level down
        CHECK(doc.bookmark_count() == 5);
        doc.save(path);
    }
    require_valid(path);
    const std::string outlines = json_of(path, "outlines");
    INFO(outlines);
    // Children before their parent: two at the top; the items under the second, on page 2,
    // and the bookmark asked for five levels down one level under the last of them.
    CHECK(outline_of(outlines) == "0 1 Översikt\n"
                                  "1 2 Arbetsförmedlingens roll\n"
                                  "2 2 Bilaga\n"
                                  "1 2 Jobbsökande \U0001F44D\n"
                                  "0 2 Områden\n");
    // The bookmark points at its height on the page: [page /XYZ 0 top 0], top from the bottom.
    CHECK(std::regex_search(outlines, std::regex(R"re("/XYZ",\s*0,\s*641.89\d*,\s*0\s*\])re")));
    // The top level opens with its children shown.
    CHECK(std::regex_search(outlines, std::regex(R"re("open": true,\s*"title": "Områden")re")));
    const std::string catalog = json_of(path, "qpdf");
    CHECK(catalog.find("\"/PageMode\": \"/UseOutlines\"") != std::string::npos);
    CHECK(std::regex_search(catalog, std::regex(R"re("/ViewerPreferences": \{\s*"/DisplayDocTitle": true)re")));
    CHECK(catalog.find("\"/Lang\": \"u:sv-SE\"") != std::string::npos);
}

TEST_CASE("A document without bookmarks opens without the outline panel", "[pdf][navigation]") {
    TempDir dir;
    const std::string path = (dir / "plain.pdf").string();
    {
        pdf::Document doc("en");
        doc.add_page().text(50, 50, "Plain", 12);
        doc.save(path);
    }
    require_valid(path);
    CHECK(json_of(path, "qpdf").find("/UseOutlines") == std::string::npos);
}

TEST_CASE("Pages are labelled 1, 2, 3 unless the caller chooses other labels", "[pdf][navigation]") {
    TempDir dir;
    const std::string plain = (dir / "plain.pdf").string(), chosen = (dir / "chosen.pdf").string();
    for (const auto& path : {plain, chosen}) {
        pdf::Document doc("sv");
        for (int i = 0; i < 4; ++i) doc.add_page();
        if (path == chosen) {
            doc.set_page_labels(0, pdf::PageNumbering::LowerRoman);
            doc.set_page_labels(2, pdf::PageNumbering::Decimal, 1, "Bilaga Å-");
        }
        doc.save(path);
        doc.save(path);  // saving again writes the labels once, not twice
    }
    require_valid(plain);
    require_valid(chosen);
    const std::string p = json_of(plain, "pagelabels"), c = json_of(chosen, "pagelabels");
    INFO(p << c);
    CHECK(std::regex_search(p, std::regex(R"re("index": 0,\s*"label": \{\s*"/S": "/D")re")));
    CHECK(p.find("\"index\": 2") == std::string::npos);
    CHECK(std::regex_search(c, std::regex(R"re("index": 0,\s*"label": \{\s*"/S": "/r")re")));
    CHECK(std::regex_search(c, std::regex(R"re("index": 2,\s*"label": \{\s*"/P": "u:Bilaga Å-",\s*"/S": "/D")re")));
}

TEST_CASE("A tagged document has a well-formed structure tree over marked text", "[pdf][tagged]") {
    TempDir dir;
    const std::string path = (dir / "tagged.pdf").string();
    {
        pdf::Document doc("sv");
        doc.set_info("Rapport", "Fidelis", "Test");
        doc.set_tagged(true);
        CHECK(doc.tagged());
        auto& page = doc.add_page();
        page.text(50, 30, "Sidhuvud", 8);  // no element open: an artifact
        doc.begin_tag("H1");
        page.text(50, 60, "Åtgärdsplan", 18, pdf::Weight::Bold);
        doc.end_tag();
        doc.begin_tag("P");
        page.text(50, 90, "Första stycket,", 10);
        page.text(50, 102, "som fortsätter.", 10);
        doc.end_tag();
        doc.begin_tag("Table");
        doc.begin_tag("TR");
        doc.begin_tag("TH");
        page.text(50, 130, "Punkt", 10, pdf::Weight::Bold);
        doc.end_tag();
        doc.begin_tag("TD");
        page.rect(100, 120, 20, 10, &pdf::accent);  // table graphics: an artifact
        page.text(100, 130, "\u0645\u0631\u062D\u0628\u0627", 10);
        doc.end_tag();
        doc.end_tag();
        doc.end_tag();
        doc.begin_tag("Figure", "Stapeldiagram över poängen");
        page.rect(50, 200, 100, 50, &pdf::accent);
        doc.end_tag();
        auto& second = doc.add_page();
        doc.begin_tag("P");
        second.text(50, 60, "Sida två", 10);
        doc.end_tag();
        CHECK_THROWS_AS(doc.end_tag(), std::logic_error);
        CHECK_THROWS_AS(doc.begin_tag("Paragraph"), std::invalid_argument);
        doc.save(path);
    }
    require_valid(path);
    const std::string objects = json_of(path, "qpdf");
    CHECK(std::regex_search(objects, std::regex(R"re("/MarkInfo": \{\s*"/Marked": true)re")));
    CHECK(objects.find("\"/StructTreeRoot\"") != std::string::npos);
    CHECK(objects.find("\"/StructParents\": 1") != std::string::npos);
    const std::string streams = content_streams(path);
    CHECK(streams.find("/Artifact BMC") != std::string::npos);
    CHECK(streams.find("/H1 <</MCID 0>> BDC") != std::string::npos);
    CHECK(streams.find("/P <</MCID 2>> BDC") != std::string::npos);
    // poppler walks the tree from the root to the marked text, page by page.
    const auto tree = run("/usr/bin/pdfinfo", {"-struct-text", path});
    INFO(tree.out << tree.err);
    REQUIRE(tree.exit_code == 0);
    const std::regex order(R"re(Document[\s\S]*H1[\s\S]*"Åtgärdsplan"[\s\S]*P[\s\S]*"Första stycket,)re"
                           R"re([\s\S]*Table[\s\S]*TR[\s\S]*TH[\s\S]*"Punkt"[\s\S]*TD[\s\S]*Figure[\s\S]*P[\s\S]*"Sida två")re");
    CHECK(std::regex_search(tree.out, order));
    CHECK(tree.out.find("Sidhuvud") == std::string::npos);
    // The right-to-left cell is a Span whose ActualText is the word as typed.
    CHECK(std::regex_search(objects, std::regex("\"/ActualText\": \"u:\u0645\u0631\u062D\u0628\u0627\"," R"re(\s*"/K": \[\s*4\s*\],)re"
                                                R"re(\s*"/P": "\d+ 0 R",\s*"/Pg": "\d+ 0 R",\s*"/S": "/Span")re")));
    CHECK(tree.err.empty());
}

TEST_CASE("An untagged document ignores tags and marks only what it must", "[pdf][tagged]") {
    TempDir dir;
    const std::string path = (dir / "untagged.pdf").string();
    {
        pdf::Document doc("en");
        auto& page = doc.add_page();
        doc.begin_tag("P");
        page.text(50, 60, "Plain text", 10);
        doc.end_tag();
        doc.end_tag();  // not tagged: nothing to balance
        doc.save(path);
    }
    require_valid(path);
    CHECK(json_of(path, "qpdf").find("StructTreeRoot") == std::string::npos);
    CHECK(content_streams(path).find("BDC") == std::string::npos);
}
