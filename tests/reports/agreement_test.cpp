// Inter-rater agreement against known answers: each expected value below was computed
// independently of this code, by hand with exact fractions (the joint table, the marginals
// and the weights (i − j)² / (k − 1)² written out), and checked a second way through the
// identity kappa_w = 2·cov(a, b) / (var a + var b + (mean a − mean b)²), population moments.
// The ICC is Shrout & Fleiss's (1979) worked example. Then rounds built from the shipped
// IPS-25 scale and the demo county.
#include "reports/agreement.h"
#include "scales/scale_loader.h"
#include "store/demo.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::TempDir;

namespace {

ScalePtr ips25() {
    static const ScalePtr s =
        load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    return s;
}

std::vector<LevelPair> pairs_of(const std::vector<int>& a, const std::vector<int>& b) {
    std::vector<LevelPair> out;
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back({"i" + std::to_string(i), a[i], b[i]});
    return out;
}

Rating level_rating(const std::string& item, Id rater, int level) {
    Rating r;
    r.item_id = item;
    r.rater_id = rater;
    r.input.level = level;
    return r;
}

Round two_raters() {
    Round r;
    r.raters = {Rater{1, 1, "Karin", ""}, Rater{2, 2, "Mikael", ""}};
    return r;
}

}  // namespace

TEST_CASE("Known answer: ten items on a 1-5 scale give exact 50 %, within one 90 %, weighted kappa 7/9, MAD 0.6") {
    // a: 1 2 3 4 5 3 4 2 5 3     b: 1 3 3 4 4 2 5 2 5 1
    // Σ d² = 0+1+0+0+1+1+1+0+0+4 = 8. Marginals a: 1×1, 2×2, 3×3, 4×2, 5×2; b: 1×2, 2×2, 3×2,
    // 4×2, 5×2. Σ (i − j)²·a_i·b_j = 360, so kappa = 1 − 8·10/360 = 7/9 = 0.7778.
    // Second way: mean a = 3.2, mean b = 3.0, var a = 1.56, var b = 2.0, cov = 1.4:
    // 2.8 / (1.56 + 2.0 + 0.04) = 7/9.
    const Agreement g = agreement_of(pairs_of({1, 2, 3, 4, 5, 3, 4, 2, 5, 3}, {1, 3, 3, 4, 4, 2, 5, 2, 5, 1}), 1, 5);
    CHECK(g.n == 10);
    CHECK(g.exact == 5);
    CHECK(g.within_one == 9);
    CHECK(*g.exact_share() == Approx(0.5));
    CHECK(*g.within_one_share() == Approx(0.9));
    REQUIRE(g.kappa);
    CHECK(g.gap == KappaGap::None);
    CHECK(*g.kappa == Approx(7.0 / 9.0));
    CHECK(*g.mean_abs_difference == Approx(0.6));
    CHECK(*g.mean_difference == Approx(0.2));
}

TEST_CASE("Known answer: the weights follow the scale's level values, so levels 2 and 5 are three apart even when nobody used 3 or 4") {
    // a: 1 2 5 5 2   b: 2 1 5 5 2. On the scale's values kappa = 13/14 = 0.9286; a program
    // that numbers only the levels used (1, 2, 5 as 1, 2, 3, as R irr's kappa2 does) gets 9/14.
    const Agreement g = agreement_of(pairs_of({1, 2, 5, 5, 2}, {2, 1, 5, 5, 2}), 1, 5);
    REQUIRE(g.kappa);
    CHECK(*g.kappa == Approx(13.0 / 14.0));
    // The scale's range does not change kappa: (k − 1)² cancels out of the ratio.
    CHECK(*agreement_of(pairs_of({1, 2, 5, 5, 2}, {2, 1, 5, 5, 2}), 1, 7).kappa == Approx(13.0 / 14.0));
}

TEST_CASE("Known answer: opposite ends of the scale give weighted kappa -1, perfect agreement gives 1") {
    CHECK(*agreement_of(pairs_of({1, 5}, {5, 1}), 1, 5).kappa == Approx(-1.0));
    const Agreement same = agreement_of(pairs_of({1, 3, 5}, {1, 3, 5}), 1, 5);
    CHECK(*same.kappa == Approx(1.0));
    CHECK(*same.mean_abs_difference == 0.0);
}

TEST_CASE("Kappa is left empty with its reason, never NaN, when both raters put every item on one level") {
    const Agreement g = agreement_of(pairs_of({4, 4, 4}, {4, 4, 4}), 1, 5);
    CHECK(g.n == 3);
    CHECK(g.exact == 3);
    CHECK_FALSE(g.kappa);
    CHECK(g.gap == KappaGap::NoExpectedDisagreement);
    // One rater varying is enough for expected disagreement: kappa 0 (agreement no better than chance).
    const Agreement h = agreement_of(pairs_of({4, 4, 4}, {3, 4, 5}), 1, 5);
    REQUIRE(h.kappa);
    CHECK(*h.kappa == Approx(0.0).margin(1e-12));
}

TEST_CASE("With no common items n is 0 and every statistic is empty") {
    const Agreement g = agreement_of({}, 1, 5);
    CHECK(g.n == 0);
    CHECK_FALSE(g.exact_share());
    CHECK_FALSE(g.within_one_share());
    CHECK_FALSE(g.kappa);
    CHECK(g.gap == KappaGap::NoItems);
    CHECK_FALSE(g.mean_abs_difference);
}

TEST_CASE("Known answer: ICC(A,1) of Shrout and Fleiss's six targets and four judges is 0.29") {
    // Shrout & Fleiss (1979), Table 2: BMS 11.24, JMS 32.49, EMS 1.02, ICC(2,1) = .29.
    // Exactly: (1349/120 − 367/360) / (1349/120 + 3·367/360 + 4·(2339/72 − 367/360)/6) = 184/635.
    const Icc icc = icc_a1({{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}});
    CHECK(icc.n == 6);
    REQUIRE(icc.value);
    CHECK(*icc.value == Approx(184.0 / 635.0));
    // Two reviewers' totals of five rounds: MSR 7793/20, MSC 10, MSE 39/4, ICC = 3799/3995.
    const Icc totals = icc_a1({{80, 85}, {95, 96}, {70, 78}, {110, 108}, {101, 99}});
    REQUIRE(totals.value);
    CHECK(*totals.value == Approx(3799.0 / 3995.0));
}

TEST_CASE("ICC is left empty with one target or when every total is the same") {
    CHECK_FALSE(icc_a1({{80, 85}}).value);
    CHECK(icc_a1({{80, 85}}).n == 1);
    CHECK_FALSE(icc_a1({{90, 90}, {90, 90}}).value);
    CHECK_FALSE(icc_a1({}).value);
}

TEST_CASE("A cannot-rate or a missing rating on one side leaves the item out of n and counts it as excluded") {
    const Scale& scale = *ips25();
    std::vector<Rating> ratings;
    for (const Item& item : scale.items) {
        ratings.push_back(level_rating(item.id, 1, 4));
        ratings.push_back(level_rating(item.id, 2, item.id == "S2" ? 3 : 4));
        ratings.push_back(level_rating(item.id, consensus_rater, 1));  // the consensus is no rater
    }
    for (Rating& r : ratings)
        if (r.item_id == "S1" && r.rater_id == 2) {
            r.input.cannot_rate = true;
            r.input.cannot_rate_reason = "no data";
        }
    ratings.erase(std::remove_if(ratings.begin(), ratings.end(),
                                 [](const Rating& r) { return r.item_id == "S3" && r.rater_id == 1; }),
                  ratings.end());
    const std::vector<RaterPair> pairs = round_agreement(scale, two_raters(), ratings);
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0].a.name == "Karin");
    CHECK(pairs[0].stats.n == 23);
    CHECK(pairs[0].excluded == 2);
    CHECK(pairs[0].stats.exact == 22);
    CHECK(pairs[0].total_a == 92);  // 23 items at 4
    CHECK(pairs[0].total_b == 91);
    CHECK_FALSE(every_rater_done(scale, two_raters(), ratings));
}

TEST_CASE("Three raters give three pairs in the raters' order, and a round is done once every rater rated every item") {
    const Scale& scale = *ips25();
    Round round = two_raters();
    round.raters.push_back(Rater{3, 3, "Ann", ""});
    std::vector<Rating> ratings;
    for (const Item& item : scale.items)
        for (Id rater : {1, 2, 3}) ratings.push_back(level_rating(item.id, rater, 3));
    CHECK(every_rater_done(scale, round, ratings));
    const std::vector<RaterPair> pairs = round_agreement(scale, round, ratings);
    REQUIRE(pairs.size() == 3);
    CHECK((pairs[0].a.name + "/" + pairs[0].b.name) == "Karin/Mikael");
    CHECK((pairs[1].a.name + "/" + pairs[1].b.name) == "Karin/Ann");
    CHECK((pairs[2].a.name + "/" + pairs[2].b.name) == "Mikael/Ann");
    CHECK(pairs[0].stats.gap == KappaGap::NoExpectedDisagreement);  // every item at 3
}

TEST_CASE("The demo county: its external reviewers agree often but not always, and self-assessments meet their nearest external review") {
    TempDir dir;
    Store demo = create_demo((dir / "demo.fidelis").string());
    const CountyAgreement a = analyse_agreement(demo, AgreementQuery{});
    REQUIRE(a.scale);
    const auto external = std::find_if(a.reviewers.begin(), a.reviewers.end(), [](const ReviewerPair& p) {
        return p.a == "Karin Lindqvist" && p.b == "Mikael Sjöberg";
    });
    REQUIRE(external != a.reviewers.end());
    CHECK(external->rounds >= 2);
    CHECK(external->pooled.n >= 25 * external->rounds - 10);
    REQUIRE(external->pooled.kappa);
    CHECK(*external->pooled.kappa > 0.5);
    CHECK(*external->pooled.kappa < 1.0);
    CHECK(*external->pooled.exact_share() < 1.0);
    CHECK(external->icc.n == external->rounds);
    REQUIRE(external->icc.value);
    // Every round pair's figures are those of the round on its own.
    for (const RoundPairAgreement& rp : a.rounds) {
        CHECK(rp.round.status == RoundStatus::Completed);
        CHECK(rp.round.scale_id == "ips-25");
        const auto again = round_agreement(demo, rp.round.id);
        const auto same = std::find_if(again.begin(), again.end(), [&](const RaterPair& p) {
            return p.a.position == rp.pair.a.position && p.b.position == rp.pair.b.position;
        });
        REQUIRE(same != again.end());
        CHECK(same->stats.exact == rp.pair.stats.exact);
    }
    REQUIRE_FALSE(a.items.empty());
    REQUIRE_FALSE(a.self_external.empty());  // the IPS teams' guided self-assessments
    for (std::size_t i = 1; i < a.items.size(); ++i)
        CHECK(a.items[i - 1].mean_abs_difference >= a.items[i].mean_abs_difference);
    for (const SelfExternal& s : a.self_external) {
        CHECK(s.self.review_type != ReviewType::External);
        CHECK(s.external.review_type == ReviewType::External);
        CHECK(s.self.team_id == s.external.team_id);
        for (const Round& r : demo.rounds_of_team(s.self.team_id))
            if (r.review_type == ReviewType::External && r.status == RoundStatus::Completed && r.scale_id == "ips-25")
                CHECK(std::labs(r.assessed_on.days() - s.self.assessed_on.days()) >= s.days_apart);
    }
}
