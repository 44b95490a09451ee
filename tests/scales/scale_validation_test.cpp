// Every class of broken definition gives file:line:column and a message an author can act on.
#include "scales/scale_loader.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace fidelis;

namespace {

std::string fixture(const std::string& name) { return std::string(FIDELIS_FIXTURES) + "/scales/" + name; }

// The problems of a fixture, each as "line:column: message".
std::vector<std::string> problems_of(const std::string& name) {
    const auto r = load_scale_file(fixture(name));
    CHECK_FALSE(r.ok());
    std::vector<std::string> out;
    for (const auto& p : r.problems) {
        CHECK(p.file == fixture(name));
        out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message);
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& text) {
    for (const auto& s : list)
        if (s == text) return true;
    return false;
}

}  // namespace

TEST_CASE("The valid fixture loads") {
    const auto r = load_scale_file(fixture("mini.xml"));
    INFO(to_string(r.problems));
    CHECK(r.ok());
}

TEST_CASE("Malformed XML is reported at the offending tag") {
    const auto p = problems_of("malformed.xml");
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "27:45: malformed XML: end tag does not match its start tag");
}

TEST_CASE("Diagnostics read as file:line:column: message") {
    const auto r = load_scale_file(fixture("duplicate-id.xml"));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() == fixture("duplicate-id.xml") + ":50:5: item id \"A1\" is used twice");
}

TEST_CASE("Semantic errors point at the element") {
    CHECK(problems_of("missing-anchor.xml") ==
          std::vector<std::string>{"23:5: item A1: level 3 has no anchor"});
    CHECK(problems_of("missing-language.xml") ==
          std::vector<std::string>{"32:5: <item id=\"A2\"> has no <name> in language \"en\""});
    CHECK(problems_of("unknown-shape.xml") ==
          std::vector<std::string>{"66:5: unknown item shape \"averaged\"; use descriptive, numeric, checklist, "
                                   "per-specialist or rule"});
    CHECK(problems_of("unknown-element.xml") ==
          std::vector<std::string>{"54:7: unknown element <descripton> in <item>"});
    CHECK(problems_of("two-roots.xml") ==
          std::vector<std::string>{"82:1: more than one root element: <scale> follows <scale>"});
}

TEST_CASE("Bands that overlap, leave a gap or fall outside the total are refused") {
    CHECK(problems_of("bands-overlap.xml") == std::vector<std::string>{"78:5: band \"mid\" overlaps band \"low\""});
    CHECK(problems_of("bands-gap.xml") ==
          std::vector<std::string>{"79:5: there is a gap between band \"mid\" (up to 10) and band \"high\" (from 12)"});
    CHECK(problems_of("bands-outside.xml") ==
          std::vector<std::string>{"79:5: band \"high\" (11–14) falls outside the possible total 4–12"});
}

TEST_CASE("Numeric ranges and checklist counts must tile their values") {
    CHECK(problems_of("numeric-gap.xml") ==
          std::vector<std::string>{
              "39:9: there is a gap between the range for level 1 (up to 49) and the range for level 2 (from 51)"});
    const auto p = problems_of("checklist-count.xml");
    CHECK(contains(p, "60:9: counts must lie between 0 and the 2 components"));
}

TEST_CASE("Several problems in one file are all reported") {
    std::string text = load_scale_file(fixture("mini.xml")).scale->xml;
    text.replace(text.find("<item id=\"B1\""), 13, "<item id=\"A1\"");
    text.replace(text.find("min=\"11\" max=\"12\""), 17, "min=\"11\" max=\"13\"");
    const auto r = parse_scale(text, "two.xml");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].message == "item id \"A1\" is used twice");
    CHECK(r.problems[1].message == "band \"high\" (11–13) falls outside the possible total 4–12");
}

TEST_CASE("Hostile files are refused quickly and without a crash") {
    using clock = std::chrono::steady_clock;
    struct Case {
        std::string name;
        std::string text;
        std::string line_col_message;
    };
    std::string deep = "<?xml version=\"1.0\"?>\n<scale>";
    for (int i = 0; i < 200000; ++i) deep += "<a>";
    for (int i = 0; i < 200000; ++i) deep += "</a>";
    deep += "</scale>";
    std::string garbage(3 * 1024 * 1024, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919 + 13) % 251 + 1);
    const std::string bad_utf8 = "<?xml version=\"1.0\"?>\n<scale>\n  <title lang=\"sv\">Bra \xC3\x28 dåligt</title>\n</scale>";

    const std::vector<Case> cases = {
        {"empty", "", "1:1: the file is empty"},
        {"blank", "  \n\n ", "1:1: the file is empty"},
        {"invalid UTF-8", bad_utf8, "3:24: invalid UTF-8 (byte 0xC3); save the file as UTF-8"},
        {"deep nesting", deep, "2:8: unknown element <a> in <scale>"},
        {"garbage", garbage, ""},
        {"too large", std::string(5 * 1024 * 1024, ' '), "1:1: the file is larger than 4 MB; a scale definition is far smaller"},
        {"wrong root", "<html><body/></html>", "1:1: the root element is <html>; expected <scale>"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto start = clock::now();
        const auto r = parse_scale(c.text, "hostile.xml");
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
        CHECK_FALSE(r.ok());
        REQUIRE_FALSE(r.problems.empty());
        if (!c.line_col_message.empty()) {
            const auto& p = r.problems.front();
            CHECK(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message == c.line_col_message);
        }
        // Generous: a refusal is instant; a second means something is expanding or recursing.
        CHECK(elapsed.count() < 1000);
    }
}

TEST_CASE("Entity expansion and external entities are never processed") {
    for (const char* name : {"billion-laughs.xml", "external-entity.xml"}) {
        INFO(name);
        const auto p = problems_of(name);
        REQUIRE(p.size() == 1);
        CHECK(p[0] == "2:1: DOCTYPE declarations are not allowed (entities and DTDs are never read)");
    }
}

TEST_CASE("A missing file is a clear problem, not an exception") {
    const auto r = load_scale_file(fixture("does-not-exist.xml"));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.rfind("cannot read the file", 0) == 0);
}
