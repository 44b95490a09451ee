// From inputs to levels, and from levels to subtotals, totals and bands.
#include "scales/scale_loader.h"
#include "scales/scoring.h"

#include <catch2/catch.hpp>

using namespace fidelis;

namespace {

ScalePtr ips25() {
    static const ScalePtr s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    REQUIRE(s);
    return s;
}

// Levels for every item that add up to `total`, filling items in order.
std::map<std::string, int> levels_for_total(const Scale& s, int total) {
    std::map<std::string, int> levels;
    int remaining = total - static_cast<int>(s.items.size()) * s.min_level();
    for (const Item& item : s.items) {
        const int extra = std::min(remaining, s.max_level() - s.min_level());
        levels[item.id] = s.min_level() + extra;
        remaining -= extra;
    }
    return levels;
}

}  // namespace

TEST_CASE("Totals at every band edge land in the right band") {
    const ScalePtr s = ips25();
    const std::vector<std::pair<int, std::string>> edges = {
        {25, "not-ips"}, {73, "not-ips"}, {74, "fair"}, {99, "fair"},          {100, "good"},
        {114, "good"},   {115, "exemplary"}, {125, "exemplary"},
    };
    for (const auto& [total, band] : edges) {
        INFO(total);
        const Score sc = score_levels(*s, levels_for_total(*s, total));
        CHECK(sc.complete());
        CHECK(sc.total == total);
        REQUIRE(sc.band);
        CHECK(sc.band->id == band);
    }
}

TEST_CASE("Section subtotals add up to the total") {
    const ScalePtr s = ips25();
    const Score sc = score_levels(*s, levels_for_total(*s, 87));
    REQUIRE(sc.sections.size() == 3);
    CHECK(sc.sections[0].items == 3);
    CHECK(sc.sections[1].items == 8);
    CHECK(sc.sections[2].items == 14);
    CHECK(sc.sections[0].value + sc.sections[1].value + sc.sections[2].value == 87);
    CHECK(sc.sections[0].max_possible == 15);
    CHECK(sc.sections[2].max_possible == 70);
}

TEST_CASE("Cannot rate makes the total explicitly incomplete, never silently low") {
    const ScalePtr s = ips25();
    std::map<std::string, ItemRating> ratings;
    for (const Item& item : s->items) ratings[item.id].level = 5;
    ratings["V1"].cannot_rate = true;
    ratings["V1"].cannot_rate_reason = "Ingen uppgift";
    const Score sc = score(*s, ratings);
    CHECK_FALSE(sc.complete());
    CHECK(sc.rated == 24);
    CHECK(sc.total == 120);
    CHECK(sc.band == nullptr);  // 120 would read "exemplary"; an incomplete round gets no band
    CHECK(sc.cannot_rate == std::vector<std::string>{"V1"});
    CHECK(sc.unrated.empty());

    ratings.erase("V2");
    const Score sc2 = score(*s, ratings);
    CHECK(sc2.unrated == std::vector<std::string>{"V2"});
    CHECK(sc2.band == nullptr);
}

TEST_CASE("Numeric items map the entered number to a level") {
    const ScalePtr s = ips25();
    const NumericRule& s1 = *s->item("S1")->numeric;
    CHECK(level_for_value(s1, 0) == 5);
    CHECK(level_for_value(s1, 20) == 5);
    CHECK(level_for_value(s1, 20.4) == 5);  // rounded to whole people before the lookup
    CHECK(level_for_value(s1, 20.5) == 4);
    CHECK(level_for_value(s1, 25) == 4);
    CHECK(level_for_value(s1, 26) == 3);
    CHECK(level_for_value(s1, 40) == 2);
    CHECK(level_for_value(s1, 41) == 1);
    CHECK(level_for_value(s1, 500) == 1);
    CHECK_FALSE(level_for_value(s1, -1));

    const NumericRule& s2 = *s->item("S2")->numeric;
    CHECK(level_for_value(s2, 59) == 1);
    CHECK(level_for_value(s2, 60) == 2);
    CHECK(level_for_value(s2, 95) == 4);
    CHECK(level_for_value(s2, 96) == 5);
    CHECK(level_for_value(s2, 100) == 5);
    CHECK_FALSE(level_for_value(s2, 101));

    const NumericRule& v4 = *s->item("V4")->numeric;
    CHECK(level_for_value(v4, 30) == 5);
    CHECK(level_for_value(v4, 31) == 4);
    CHECK(level_for_value(v4, 270) == 2);
    CHECK(level_for_value(v4, 271) == 1);

    ItemRating r;
    r.value = 88;
    CHECK(level_from_inputs(*s->item("V10"), r) == 4);
}

TEST_CASE("Checklist items count the components present") {
    const ScalePtr s = ips25();
    const Item& o2 = *s->item("O2");
    ItemRating r;
    CHECK_FALSE(level_from_inputs(o2, r));  // not used: the rater picks the level
    CHECK(level_for_count(*o2.checklist, 0) == 1);
    r.checked = {"a"};
    CHECK(level_from_inputs(o2, r) == 1);
    r.checked = {"a", "b"};
    CHECK(level_from_inputs(o2, r) == 2);
    r.checked = {"a", "b", "c", "d", "e"};
    CHECK(level_from_inputs(o2, r) == 5);

    const Item& v14 = *s->item("V14");
    r.checked = {"a", "b"};
    CHECK(level_from_inputs(v14, r) == 1);
    r.checked = {"a", "b", "c"};
    CHECK(level_from_inputs(v14, r) == 2);
    r.checked = {"a", "b", "c", "d", "e", "f"};
    CHECK(level_from_inputs(v14, r) == 5);

    const Item& v2 = *s->item("V2");
    CHECK(level_for_count(*v2.checklist, 0) == 1);
    r.checked = {"a"};
    CHECK(level_from_inputs(v2, r) == 2);
}

TEST_CASE("Per-specialist ratings are averaged and rounded half up") {
    const ScalePtr s = ips25();
    const Item& v7 = *s->item("V7");
    double mean = 0;
    CHECK(level_for_specialists(v7, {3, 4}, &mean) == 4);  // 3.5 rounds up
    CHECK(mean == Approx(3.5));
    CHECK(level_for_specialists(v7, {2, 3, 3}) == 3);     // 2.67
    CHECK(level_for_specialists(v7, {2, 2, 3}) == 2);     // 2.33
    CHECK(level_for_specialists(v7, {5}) == 5);
    CHECK_FALSE(level_for_specialists(v7, {}));

    // Numeric per specialist: each specialist's number becomes a level first.
    const Item& v13 = *s->item("V13");
    CHECK(level_for_specialists(v13, {70, 45, 35}, &mean) == 3);  // levels 5, 3, 2
    CHECK(mean == Approx(10.0 / 3));
    CHECK(level_for_specialists(v13, {65, 50}) == 5);    // levels 5, 4: 4.5 rounds up
    CHECK(level_for_specialists(v13, {29, 30}) == 2);    // levels 1, 2: 1.5 rounds up
    CHECK(level_for_specialists(v13, {39.4}) == 2);      // 39 after rounding to whole percent

    CHECK(level_for_specialists(v13, {70, 45, 30}) == 3);  // levels 5, 3, 2
}

TEST_CASE("A mean-scored scale without bands gives a mean and no band") {
    const ScalePtr s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/seqf-se.xml").scale;
    REQUIRE(s);
    std::map<std::string, int> levels;
    int i = 0;
    for (const Item& item : s->items) levels[item.id] = 1 + (i++ % 4);
    const Score sc = score_levels(*s, levels);
    CHECK(sc.complete());
    CHECK(sc.total == Approx(2.5));
    CHECK(sc.band == nullptr);
    CHECK(sc.sections[0].value == Approx(2.5));
}
