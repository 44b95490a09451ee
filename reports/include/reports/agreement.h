#pragma once
// How well raters agree: per round and rater pair, per reviewer pair over a county's rounds
// (with ICC(A,1) of their totals), and a team's self-assessment against its nearest external
// review. Plain numbers, no drawing; the CLI, the round and agreement reports and the
// window's Consensus tab all show these same figures.
//
// Definitions (each statistic over the n items both sides rated with a level; "cannot rate"
// and unrated items are left out and counted as excluded):
// - exact agreement: the share of the n items with the same level;
// - within one level: the share whose levels differ by at most 1;
// - quadratic-weighted Cohen's kappa over the scale's levels lo..hi (k = hi − lo + 1):
//   kappa = 1 − Σ w·observed / Σ w·expected with w(i, j) = (i − j)² / (k − 1)², observed
//   the joint proportions and expected the product of the two raters' marginals. Levels are
//   weighted by their values on the scale, so a 2 against a 4 weighs 4 even when nobody
//   used a 3. It is undefined, and left empty with the reason, when n = 0, when the scale
//   has one level, or when there is no expected disagreement (both raters put every item
//   on one and the same level): then chance and the raters cannot be told apart;
// - mean absolute difference: Σ |a − b| / n, in levels.
#include "base/i18n.h"
#include "store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace fidelis::reports {

// Two raters' levels for one item both rated.
struct LevelPair {
    std::string item_id;
    int a = 0;
    int b = 0;
};

enum class KappaGap {
    None,                    // kappa has a value
    NoItems,                 // n = 0: no item both rated
    SingleLevel,             // the scale has one level
    NoExpectedDisagreement,  // every rating of both raters on one level
};

struct Agreement {
    int n = 0;
    int exact = 0;       // items with the same level
    int within_one = 0;  // items at most one level apart
    std::optional<double> kappa;  // quadratic-weighted; empty when undefined, see gap
    KappaGap gap = KappaGap::NoItems;
    std::optional<double> mean_abs_difference;
    std::optional<double> mean_difference;  // Σ (a − b) / n: positive when A rates higher

    std::optional<double> exact_share() const { return n ? std::optional<double>(double(exact) / n) : std::nullopt; }
    std::optional<double> within_one_share() const {
        return n ? std::optional<double>(double(within_one) / n) : std::nullopt;
    }
};

// The statistics over `pairs` on a scale of levels lo..hi (widened to any level outside it).
Agreement agreement_of(const std::vector<LevelPair>& pairs, int lo, int hi);

// ICC(A,1) (McGraw & Wong 1996; ICC(2,1) in Shrout & Fleiss 1979): two-way, absolute
// agreement, single rater, over `targets` rows of one value per rater (all rows equally
// long). Undefined (empty) with fewer than 2 targets or 2 raters, or when the denominator
// is 0 (every value the same).
struct Icc {
    int n = 0;  // targets
    std::optional<double> value;
};
Icc icc_a1(const std::vector<std::vector<double>>& targets);

// Kappa in the translator's language ("0,85"), or in words why it cannot be computed.
std::string kappa_text(const Agreement& g, const Translator& t);
// A percentage of n ("80 %"), "–" when n is 0.
std::string share_text(std::optional<double> share, const Translator& t);
// One pair in plain words, for the window and the round report: "Karin and Mikael: 25 items
// both rated. Same level on 20 (80 %), within one level on 25 (100 %); weighted kappa 0,85;
// mean absolute difference 0,20 levels."
std::string agreement_sentence(const std::string& a, const std::string& b, const Agreement& g, const Translator& t);

// ---- One round

struct RaterPair {
    Rater a, b;                    // a before b in the round's order
    std::vector<LevelPair> items;  // in the scale's order, both rated
    int excluded = 0;              // the scale's items left out: unrated or "cannot rate" on either side
    Agreement stats;
    double total_a = 0, total_b = 0;  // each rater's total over the common items, per the scale's scoring
};

// Every pair of the round's raters (the consensus is no rater), in their order.
std::vector<RaterPair> round_agreement(const Scale& scale, const Round& round, const std::vector<Rating>& ratings);
std::vector<RaterPair> round_agreement(Store& store, Id round);

// True when every rater has rated (a level or "cannot rate") every item of the scale:
// the agreement is then final, and the Consensus tab shows it.
bool every_rater_done(const Scale& scale, const Round& round, const std::vector<Rating>& ratings);

// ---- A county

struct AgreementQuery {
    std::string scale_id = "ips-25";
    std::optional<Date> from;  // rounds assessed on or after
    std::optional<Date> to;    // on or before
    std::string county_code;   // empty: the database's own county
};

struct RoundPairAgreement {
    Team team;
    Round round;
    RaterPair pair;
};

// Two reviewers by name, over every round they rated together.
struct ReviewerPair {
    std::string a, b;  // a sorts before b
    int rounds = 0;
    Agreement pooled;  // over all their common items
    Icc icc;           // of their round totals over the common items
};

// One item over every rater pair: the calibration topics for a debrief.
struct ItemDisagreement {
    std::string item_id;
    int n = 0;  // rater pairs that both rated it
    int exact = 0;
    double mean_abs_difference = 0;
};

struct SelfExternalItem {
    std::string item_id;
    std::optional<int> self, external;  // the agreed levels; empty when unrated or "cannot rate"
    std::optional<int> difference() const {
        return self && external ? std::optional<int>(*self - *external) : std::nullopt;
    }
};

// A self-assessment (own or guided) and the external review of the same team and scale
// nearest in date; both completed.
struct SelfExternal {
    Team team;
    Round self, external;
    int days_apart = 0;
    std::vector<SelfExternalItem> items;  // in the scale's order
    Agreement stats;                      // a = self, b = external
};

struct CountyAgreement {
    ScalePtr scale;  // the newest round's definition
    std::vector<RoundPairAgreement> rounds;  // by date, then team
    std::vector<ReviewerPair> reviewers;     // most rounds first
    Agreement all;                           // every pair of every round pooled
    Icc icc_all;  // totals of every round's first pair (first and second rater), all rounds
    std::vector<ItemDisagreement> items;     // largest mean absolute difference first
    std::vector<SelfExternal> self_external;  // by team, then date
};

// Rounds of the scale with two raters or more whose team lies in the county.
CountyAgreement analyse_agreement(Store& store, const AgreementQuery& query);

}  // namespace fidelis::reports
