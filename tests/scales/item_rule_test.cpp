// IPS-25's rule items scored by the official rules at every boundary: O1's
// alternatives (the highest that holds), V6's bands, its tracking cap and its
// threshold relative to the people looking for work, and the mean of the specialists.
#include "base/error.h"
#include "scales/item_rule.h"
#include "scales/scale_loader.h"

#include <catch2/catch.hpp>

using namespace fidelis;

namespace {

const ItemRule& rule_of(const char* id) {
    static const ScalePtr s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    REQUIRE(s);
    const Item* item = s->item(id);
    REQUIRE(item);
    REQUIRE(item->rule);
    return *item->rule;
}

std::optional<int> level(const char* id, std::vector<std::string> assignments) {
    InputValues raw;
    for (const auto& a : assignments) raw.insert(*parse_input_assignment(a));
    const ItemRule& rule = rule_of(id);
    return evaluate_rule(rule, checked_inputs(rule, raw, "en"), "en").level;
}

}  // namespace

TEST_CASE("O1 takes the highest level any of its alternatives gives") {
    CHECK(level("O1", {"attachment=separate"}) == 1);
    CHECK(level("O1", {"attachment=none"}) == 2);
    CHECK(level("O1", {"attachment=teams3plus"}) == 2);
    CHECK(level("O1", {"attachment=teams1or2", "share=0"}) == 3);
    CHECK(level("O1", {"attachment=teams1or2", "share=49.9"}) == 3);
    CHECK(level("O1", {"attachment=teams1or2", "share=50"}) == 4);
    CHECK(level("O1", {"attachment=teams1or2", "share=89"}) == 4);
    CHECK(level("O1", {"attachment=teams1or2", "share=89.9"}) == 4);
    CHECK(level("O1", {"attachment=teams1or2", "share=90"}) == 5);
    CHECK(level("O1", {"attachment=teams1or2", "share=100"}) == 5);
    // Co-location is an alternative of its own, whatever the attachment.
    CHECK(level("O1", {"attachment=none", "colocated-days=1"}) == 2);
    CHECK(level("O1", {"attachment=none", "colocated-days=2"}) == 3);
    CHECK(level("O1", {"attachment=teams3plus", "colocated-days=3"}) == 3);
    CHECK(level("O1", {"attachment=teams3plus", "colocated-days=4"}) == 4);
    CHECK(level("O1", {"attachment=none", "colocated-days=5"}) == 4);
    CHECK(level("O1", {"attachment=teams1or2", "share=30", "colocated-days=4"}) == 4);
    CHECK(level("O1", {"attachment=teams1or2", "share=95", "colocated-days=1"}) == 5);
    CHECK(level("O1", {"attachment=separate", "colocated-days=0"}) == 2);
}

TEST_CASE("O1 without the share of one or two teams gives no level and says what is missing") {
    const ItemRule& rule = rule_of("O1");
    const auto out = evaluate_rule(rule, checked_inputs(rule, {{"attachment", {"teams1or2"}}}, "en"), "en");
    CHECK_FALSE(out.level);
    CHECK(out.problem.find("share") != std::string::npos);
}

TEST_CASE("O1 refuses values outside what the rule allows") {
    const ItemRule& rule = rule_of("O1");
    CHECK_THROWS_AS(checked_inputs(rule, {{"attachment", {"two"}}}, "en"), Error);
    CHECK_THROWS_AS(checked_inputs(rule, {{"attachment", {"teams1or2"}}, {"share", {"101"}}}, "en"), Error);
    CHECK_THROWS_AS(checked_inputs(rule, {{"attachment", {"teams1or2"}}, {"share", {"-1"}}}, "en"), Error);
    CHECK_THROWS_AS(checked_inputs(rule, {{"attachment", {"none"}}, {"colocated-days", {"8"}}}, "en"), Error);
    CHECK_THROWS_AS(checked_inputs(rule, {{"attachment", {"none"}}, {"teams", {"2"}}}, "en"), Error);
    CHECK_THROWS_AS(checked_inputs(rule, {{"attachment", {"none", "none"}}}, "en"), Error);
}

TEST_CASE("V6 bands contacts a week per specialist with a weekly reviewed tracking form") {
    CHECK(level("V6", {"contacts=0", "tracking=weekly"}) == 1);
    CHECK(level("V6", {"contacts=1.9", "tracking=weekly"}) == 1);
    CHECK(level("V6", {"contacts=2", "tracking=weekly"}) == 2);
    CHECK(level("V6", {"contacts=3.9", "tracking=weekly"}) == 2);
    CHECK(level("V6", {"contacts=4", "tracking=weekly"}) == 3);
    CHECK(level("V6", {"contacts=4.9", "tracking=weekly"}) == 3);
    CHECK(level("V6", {"contacts=5", "tracking=weekly"}) == 4);
    CHECK(level("V6", {"contacts=5.9", "tracking=weekly"}) == 4);
    CHECK(level("V6", {"contacts=6", "tracking=weekly"}) == 5);
    CHECK(level("V6", {"contacts=12", "tracking=weekly"}) == 5);
}

TEST_CASE("V6 without a tracking form stops at 2, with a monthly review at 3") {
    CHECK(level("V6", {"contacts=6", "tracking=none"}) == 2);
    CHECK(level("V6", {"contacts=4", "tracking=none"}) == 2);
    CHECK(level("V6", {"contacts=1", "tracking=none"}) == 1);
    CHECK(level("V6", {"contacts=6", "tracking=monthly"}) == 3);
    CHECK(level("V6", {"contacts=5", "tracking=monthly"}) == 3);
    CHECK(level("V6", {"contacts=4", "tracking=monthly"}) == 3);
    CHECK(level("V6", {"contacts=3", "tracking=monthly"}) == 2);
    CHECK(level("V6", {"contacts=5", "tracking=weekly"}) == 4);
}

TEST_CASE("V6 gives 5 for 2 contacts per job seeker when fewer than 10 are looking for work") {
    CHECK(level("V6", {"contacts=4", "seekers=2", "tracking=weekly"}) == 5);
    CHECK(level("V6", {"contacts=3.9", "seekers=2", "tracking=weekly"}) == 2);
    CHECK(level("V6", {"contacts=2", "seekers=1", "tracking=weekly"}) == 5);
    CHECK(level("V6", {"contacts=5", "seekers=3", "tracking=weekly"}) == 4);  // 6 needed
    CHECK(level("V6", {"contacts=5", "seekers=9", "tracking=weekly"}) == 4);
    CHECK(level("V6", {"contacts=5", "seekers=10", "tracking=weekly"}) == 4);  // not fewer than 10
    CHECK(level("V6", {"contacts=0", "seekers=0", "tracking=weekly"}) == 1);   // nobody looking: no shortcut
    CHECK(level("V6", {"contacts=4", "seekers=2", "tracking=monthly"}) == 3);  // the cap still holds
}

TEST_CASE("V6 averages the specialists' levels and rounds x.5 up") {
    CHECK(level("V6", {"contacts=6;5", "tracking=weekly"}) == 5);        // 4.5
    CHECK(level("V6", {"contacts=6;4", "tracking=weekly"}) == 4);        // 4
    CHECK(level("V6", {"contacts=6;4;4", "tracking=weekly"}) == 4);      // 3.67
    CHECK(level("V6", {"contacts=2;1;1", "tracking=weekly"}) == 1);      // 1.33
    CHECK(level("V6", {"contacts=6;6;1", "tracking=monthly"}) == 2);     // 3, 3, 1: 2.33
    CHECK(level("V6", {"contacts=4;6", "seekers=2;20", "tracking=weekly"}) == 5);
    const ItemRule& rule = rule_of("V6");
    CHECK_THROWS_AS(checked_inputs(rule, {{"contacts", {"6", "5"}}, {"seekers", {"2"}}, {"tracking", {"weekly"}}}, "en"),
                    Error);
    const auto no_tracking = evaluate_rule(rule, checked_inputs(rule, {{"contacts", {"6"}}}, "en"), "en");
    CHECK_FALSE(no_tracking.level);
    CHECK(no_tracking.problem == "missing: tracking");
    // Job seekers may be unknown for some specialists: they then count by contacts alone.
    CHECK(level("V6", {"contacts=4;4", "seekers=;2", "tracking=weekly"}) == 4);  // 3 and 5
}

TEST_CASE("A rule's explanation names the alternative and the cap that set the level") {
    const ItemRule& o1 = rule_of("O1");
    const auto a = evaluate_rule(o1, checked_inputs(o1, {{"attachment", {"none"}}, {"colocated-days", {"4"}}}, "en"), "en");
    REQUIRE(a.level == 4);
    CHECK(a.explanation.find("4 days a week") != std::string::npos);
    const ItemRule& v6 = rule_of("V6");
    const auto b = evaluate_rule(v6, checked_inputs(v6, {{"contacts", {"6"}}, {"tracking", {"none"}}}, "en"), "en");
    REQUIRE(b.level == 2);
    CHECK(b.explanation.find("no tracking form") != std::string::npos);
}

TEST_CASE("Inputs survive their text encoding, and damaged encodings are refused") {
    const InputValues v = {{"contacts", {"6", "4.5"}}, {"tracking", {"weekly"}}};
    CHECK(encode_inputs(v) == "contacts=6;4.5\ntracking=weekly");
    CHECK(decode_inputs(encode_inputs(v)) == v);
    CHECK(decode_inputs("")->empty());
    const InputValues gaps = {{"seekers", {"", "2", ""}}};
    CHECK(encode_inputs(gaps) == "seekers=;2;");
    CHECK(decode_inputs(encode_inputs(gaps)) == gaps);
    CHECK_FALSE(decode_inputs("contacts"));
    CHECK_FALSE(decode_inputs("a=1\na=2"));
    CHECK_FALSE(decode_inputs("a=<x>"));
}

TEST_CASE("Numbers are stored in one form: a decimal comma and trailing zeros give the same text") {
    const ItemRule& v6 = rule_of("V6");
    const auto a = checked_inputs(v6, {{"contacts", {"4,50"}}, {"tracking", {"weekly"}}}, "en");
    CHECK(a.at("contacts").front() == "4.5");
    const ItemRule& o1 = rule_of("O1");
    CHECK(checked_inputs(o1, {{"attachment", {"none"}}, {"colocated-days", {"3.6"}}}, "en").at("colocated-days").front() ==
          "4");
}
