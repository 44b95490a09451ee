// Broken <rule>s are refused at the element that breaks them: unknown inputs and
// values, overlapping bands of one input, levels no inputs can reach, inputs that give
// no level, and the existing shapes keep loading beside rule items.
#include "scales/scale_loader.h"
#include "scales/scoring.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace fidelis;

namespace {

// mini.xml with its descriptive item A1 replaced by a rule item around `rule`.
std::string with_rule(const std::string& rule) {
    std::ifstream in(std::string(FIDELIS_FIXTURES) + "/scales/mini.xml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    const auto b = text.find("    <item id=\"A1\"");
    const auto e = text.find("</item>", b) + 8;
    const std::string item = R"(    <item id="A1" shape="rule">
      <name lang="sv">Regel</name>
      <name lang="en">Rule</name>
      <description lang="sv">Ange.</description>
      <description lang="en">Enter.</description>
      <rule>
)" + rule + R"(      </rule>
      <anchor level="1"><text lang="sv">Ett</text><text lang="en">One</text></anchor>
      <anchor level="2"><text lang="sv">Två</text><text lang="en">Two</text></anchor>
      <anchor level="3"><text lang="sv">Tre</text><text lang="en">Three</text></anchor>
    </item>
)";
    return text.substr(0, b) + item + text.substr(e);
}

const std::string inputs = R"(        <input name="days" kind="number" min="0" max="7">
          <label lang="sv">Dagar</label><label lang="en">Days</label>
        </input>
        <input name="form" kind="choice">
          <label lang="sv">Formulär</label><label lang="en">Form</label>
          <option value="no"><label lang="sv">Nej</label><label lang="en">No</label></option>
          <option value="yes"><label lang="sv">Ja</label><label lang="en">Yes</label></option>
        </input>
)";

int line_of(const std::string& text, const std::string& marker) {
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// The problems as "line: message".
std::vector<std::string> problems(const std::string& text) {
    const auto r = parse_scale(text, "rule.xml");
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(std::to_string(p.line) + ": " + p.message);
    return out;
}

bool has(const std::vector<std::string>& list, int line, const std::string& part) {
    for (const auto& s : list)
        if (s.rfind(std::to_string(line) + ": ", 0) == 0 && s.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("A sound rule loads beside the other shapes and scores its inputs") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="days" min="2" below="4"/></when></level>
        <level value="3"><when><range input="days" min="4"/></when></level>
        <cap input="form" value="no" level="2"/>
)");
    const auto r = parse_scale(text, "rule.xml");
    INFO(to_string(r.problems));
    REQUIRE(r.ok());
    const Item* a1 = r.scale->item("A1");
    REQUIRE(a1->shape == ItemShape::Rule);
    ItemRating rating;
    rating.inputs = {{"days", {"5"}}, {"form", {"yes"}}};
    CHECK(level_from_inputs(*a1, rating) == 3);
    rating.inputs = {{"days", {"5"}}, {"form", {"no"}}};
    CHECK(level_from_inputs(*a1, rating) == 2);
    CHECK(r.scale->item("A2")->shape == ItemShape::Numeric);
}

TEST_CASE("A condition on an input the rule does not define is refused at its line") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="dayz" min="2" below="4"/></when></level>
        <level value="3"><when><range input="days" min="4"/></when></level>
)");
    const auto p = problems(text);
    CHECK(has(p, line_of(text, "dayz"), "no input is named \"dayz\""));
}

TEST_CASE("A value that is not one of the choice's options is refused") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="days" min="2" below="4"/></when></level>
        <level value="3"><when><range input="days" min="4"/><is input="form" value="maybe"/></when></level>
)");
    CHECK(has(problems(text), line_of(text, "maybe"), "\"maybe\" is not one of form's values"));
}

TEST_CASE("Two levels whose bands of one input overlap are refused at the second") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="days" min="2" max="4"/></when></level>
        <level value="3"><when><range input="days" min="4"/></when></level>
)");
    CHECK(has(problems(text), line_of(text, "min=\"4\"/></when></level>"), "levels 2 and 3 overlap on days"));
}

TEST_CASE("A level that a higher level always overrides is refused as unreachable") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="days" min="5" max="6"/><is input="form" value="yes"/></when></level>
        <level value="3"><when><range input="days" min="2"/></when></level>
)");
    CHECK(has(problems(text), line_of(text, "<level value=\"2\"><when><range input=\"days\" min=\"5\""), "level 2 can never be given"));
}

TEST_CASE("A level the rule never defines, or a cap that always wins, is refused") {
    const std::string missing = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="3"><when><range input="days" min="2"/></when></level>
)");
    CHECK(has(problems(missing), line_of(missing, "<rule>"), "level 2 is unreachable"));
    const std::string capped = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="days" min="2" below="4"/></when></level>
        <level value="3"><when><range input="days" min="4"/></when></level>
        <cap input="form" value="no yes" level="2"/>
)");
    CHECK(has(problems(capped), line_of(capped, "<level value=\"3\"><when>"), "level 3 can never be given"));
}

TEST_CASE("Inputs for which no level holds are refused with an example") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><range input="days" below="2"/></when></level>
        <level value="2"><when><range input="days" min="3" below="4"/></when></level>
        <level value="3"><when><range input="days" min="4"/></when></level>
)");
    CHECK(has(problems(text), line_of(text, "<rule>"), "no level holds when days=2"));
}

TEST_CASE("Rule elements of the wrong kind are refused") {
    const std::string text = with_rule(inputs + R"(        <level value="1"><when><is input="days" value="2"/></when></level>
        <level value="2"><when><range input="form" min="2"/></when></level>
        <level value="3"><when><range input="days" min="4"/></when></level>
        <level value="7"><when><range input="days" min="4"/></when></level>
)");
    const auto p = problems(text);
    CHECK(has(p, line_of(text, "<is input=\"days\""), "<is> tests choice and yes-no inputs"));
    CHECK(has(p, line_of(text, "<range input=\"form\""), "<range> tests number and count inputs"));
    CHECK(has(p, line_of(text, "<level value=\"7\"><when>"), "level 7 is not on the rating scale"));
}
