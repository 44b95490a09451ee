// Inter-rater agreement (agreement.h): the statistics, the pairs of one round, and a
// county's reviewer pairs, calibration items and self-assessments against external reviews.
#include "reports/agreement.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace fidelis::reports {

Agreement agreement_of(const std::vector<LevelPair>& pairs, int lo, int hi) {
    Agreement g;
    g.n = int(pairs.size());
    if (pairs.empty()) return g;
    for (const LevelPair& p : pairs) {
        lo = std::min({lo, p.a, p.b});
        hi = std::max({hi, p.a, p.b});
    }
    long long abs_sum = 0, diff_sum = 0;
    // The joint table and the marginals as counts, so kappa comes from whole numbers: the
    // weights' (k − 1)² and the n's of the proportions cancel out of the ratio exactly.
    const int k = hi - lo + 1;
    std::vector<long long> rows(std::size_t(k), 0), cols(std::size_t(k), 0);
    long long observed = 0;  // Σ (i − j)² · count(i, j)
    for (const LevelPair& p : pairs) {
        const int d = p.a - p.b;
        if (d == 0) ++g.exact;
        if (std::abs(d) <= 1) ++g.within_one;
        abs_sum += std::abs(d);
        diff_sum += d;
        observed += (long long)d * d;
        ++rows[std::size_t(p.a - lo)];
        ++cols[std::size_t(p.b - lo)];
    }
    g.mean_abs_difference = double(abs_sum) / g.n;
    g.mean_difference = double(diff_sum) / g.n;
    if (k < 2) {
        g.gap = KappaGap::SingleLevel;
        return g;
    }
    long long expected = 0;  // Σ (i − j)² · rows(i) · cols(j), which is n² · Σ w·expected
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) expected += (long long)(i - j) * (i - j) * rows[std::size_t(i)] * cols[std::size_t(j)];
    if (expected == 0) {
        g.gap = KappaGap::NoExpectedDisagreement;
        return g;
    }
    g.kappa = 1.0 - double(observed) * double(g.n) / double(expected);
    g.gap = KappaGap::None;
    return g;
}

Icc icc_a1(const std::vector<std::vector<double>>& targets) {
    Icc out;
    out.n = int(targets.size());
    if (targets.size() < 2 || targets.front().size() < 2) return out;
    const std::size_t n = targets.size(), k = targets.front().size();
    double grand = 0;
    std::vector<double> col(k, 0.0);
    for (const auto& row : targets) {
        if (row.size() != k) return out;
        for (std::size_t j = 0; j < k; ++j) {
            grand += row[j];
            col[j] += row[j];
        }
    }
    grand /= double(n * k);
    double ss_rows = 0, ss_cols = 0, ss_total = 0;
    for (const auto& row : targets) {
        double mean = 0;
        for (double x : row) {
            mean += x;
            ss_total += (x - grand) * (x - grand);
        }
        mean /= double(k);
        ss_rows += double(k) * (mean - grand) * (mean - grand);
    }
    for (double c : col) ss_cols += double(n) * (c / double(n) - grand) * (c / double(n) - grand);
    const double ss_error = ss_total - ss_rows - ss_cols;
    const double ms_rows = ss_rows / double(n - 1);
    const double ms_cols = ss_cols / double(k - 1);
    const double ms_error = ss_error / double((n - 1) * (k - 1));
    const double denominator = ms_rows + double(k - 1) * ms_error + double(k) * (ms_cols - ms_error) / double(n);
    if (std::abs(denominator) < 1e-12) return out;
    out.value = (ms_rows - ms_error) / denominator;
    return out;
}

std::string kappa_text(const Agreement& g, const Translator& t) {
    switch (g.gap) {
        case KappaGap::None: return format_decimal(*g.kappa, 2, t.language());
        case KappaGap::NoItems: return "–";
        case KappaGap::SingleLevel: return t.tr("cannot be computed (the scale has one level)");
        case KappaGap::NoExpectedDisagreement:
            return t.tr("cannot be computed (every rating on the same level)");
    }
    return "–";
}

std::string share_text(std::optional<double> share, const Translator& t) {
    return share ? format_percent(*share, t.language()) : std::string("–");
}

std::string agreement_sentence(const std::string& a, const std::string& b, const Agreement& g, const Translator& t) {
    if (g.n == 0)
        return format(t.tr("{1} and {2}: no item that both rated with a level, so there is nothing to compare."), {a, b});
    const std::string lang = t.language();
    return format(t.trn("{1} and {2}: {3} item both rated. Same level on {4} ({5}), within one level on {6} ({7}); "
                        "weighted kappa {8}; mean absolute difference {9} levels.",
                        "{1} and {2}: {3} items both rated. Same level on {4} ({5}), within one level on {6} ({7}); "
                        "weighted kappa {8}; mean absolute difference {9} levels.",
                        static_cast<unsigned long>(g.n)),
                  {a, b, std::to_string(g.n), std::to_string(g.exact), share_text(g.exact_share(), t),
                   std::to_string(g.within_one), share_text(g.within_one_share(), t), kappa_text(g, t),
                   format_decimal(*g.mean_abs_difference, 2, lang)});
}

namespace {

const Rating* find_rating(const std::vector<Rating>& ratings, const std::string& item, Id rater) {
    for (const Rating& r : ratings)
        if (r.item_id == item && r.rater_id == rater) return &r;
    return nullptr;
}

std::vector<Rater> raters_in_order(const Round& round) {
    std::vector<Rater> raters = round.raters;
    std::stable_sort(raters.begin(), raters.end(), [](const Rater& x, const Rater& y) { return x.position < y.position; });
    return raters;
}

}  // namespace

std::vector<RaterPair> round_agreement(const Scale& scale, const Round& round, const std::vector<Rating>& ratings) {
    const std::vector<Rater> raters = raters_in_order(round);
    std::vector<RaterPair> pairs;
    for (std::size_t i = 0; i < raters.size(); ++i)
        for (std::size_t j = i + 1; j < raters.size(); ++j) {
            RaterPair p;
            p.a = raters[i];
            p.b = raters[j];
            std::map<std::string, int> levels_a, levels_b;
            for (const Item& item : scale.items) {
                const Rating* x = find_rating(ratings, item.id, p.a.id);
                const Rating* y = find_rating(ratings, item.id, p.b.id);
                if (x && y && x->input.rated() && y->input.rated()) {
                    p.items.push_back({item.id, *x->input.level, *y->input.level});
                    levels_a[item.id] = *x->input.level;
                    levels_b[item.id] = *y->input.level;
                } else {
                    ++p.excluded;
                }
            }
            p.stats = agreement_of(p.items, scale.min_level(), scale.max_level());
            p.total_a = score_levels(scale, levels_a).total;
            p.total_b = score_levels(scale, levels_b).total;
            pairs.push_back(std::move(p));
        }
    return pairs;
}

std::vector<RaterPair> round_agreement(Store& store, Id round_id) {
    const Round round = store.round(round_id);
    return round_agreement(*store.scale_of(round), round, store.ratings(round_id));
}

bool every_rater_done(const Scale& scale, const Round& round, const std::vector<Rating>& ratings) {
    for (const Rater& rater : round.raters)
        for (const Item& item : scale.items) {
            const Rating* r = find_rating(ratings, item.id, rater.id);
            if (!r || !(r->input.rated() || r->input.cannot_rate)) return false;
        }
    return true;
}

namespace {

// The self-assessment's agreed levels against the external review's, item by item.
SelfExternal compare(Store& store, const Scale& scale, const Team& team, const Round& self, const Round& external) {
    SelfExternal s;
    s.team = team;
    s.self = self;
    s.external = external;
    s.days_apart = int(std::labs(self.assessed_on.days() - external.assessed_on.days()));
    const auto mine = store.result_ratings(self.id);
    const auto theirs = store.result_ratings(external.id);
    std::vector<LevelPair> both;
    for (const Item& item : scale.items) {
        SelfExternalItem x{item.id, std::nullopt, std::nullopt};
        if (auto it = mine.find(item.id); it != mine.end() && it->second.rated()) x.self = it->second.level;
        if (auto it = theirs.find(item.id); it != theirs.end() && it->second.rated()) x.external = it->second.level;
        if (x.self && x.external) both.push_back({item.id, *x.self, *x.external});
        s.items.push_back(x);
    }
    s.stats = agreement_of(both, scale.min_level(), scale.max_level());
    return s;
}

}  // namespace

CountyAgreement analyse_agreement(Store& store, const AgreementQuery& query) {
    CountyAgreement out;
    const std::string county = query.county_code.empty() ? store.home_county().code : query.county_code;
    std::vector<Team> in_county;  // in Swedish order, for the self-assessment table
    std::map<Id, Team> teams;
    for (const Team& t : store.teams())
        if (t.municipality_code.rfind(county, 0) == 0) {
            in_county.push_back(t);
            teams[t.id] = t;
        }

    // Completed rounds only: a draft's ratings can still change, as in every comparison.
    std::vector<Round> rounds;
    for (const Round& r : store.all_rounds())
        if (r.scale_id == query.scale_id && r.status == RoundStatus::Completed && teams.count(r.team_id)) rounds.push_back(r);
    std::sort(rounds.begin(), rounds.end(), [&](const Round& x, const Round& y) {
        if (x.assessed_on != y.assessed_on) return x.assessed_on < y.assessed_on;
        return x.id < y.id;
    });
    const auto in_period = [&](const Round& r) {
        return (!query.from || r.assessed_on >= *query.from) && (!query.to || r.assessed_on <= *query.to);
    };
    for (const Round& r : rounds)
        if (in_period(r)) out.scale = store.scale_of(r);
    if (!out.scale) return out;
    const Scale& scale = *out.scale;

    for (const Round& r : rounds) {
        if (!in_period(r) || r.raters.size() < 2) continue;
        for (RaterPair& p : round_agreement(store, r.id)) out.rounds.push_back({teams[r.team_id], r, std::move(p)});
    }

    // Reviewer pairs by name, each oriented so that `a` sorts first whatever the round's order.
    struct Pooling {
        std::vector<LevelPair> items;
        std::vector<std::vector<double>> totals;
        std::set<Id> rounds;
    };
    std::map<std::pair<std::string, std::string>, Pooling> by_names;
    std::vector<LevelPair> all;
    std::vector<std::vector<double>> first_totals;
    std::map<std::string, ItemDisagreement> by_item;
    for (const RoundPairAgreement& rp : out.rounds) {
        const RaterPair& p = rp.pair;
        const bool swap = p.b.name < p.a.name;
        Pooling& pool = by_names[swap ? std::make_pair(p.b.name, p.a.name) : std::make_pair(p.a.name, p.b.name)];
        pool.rounds.insert(rp.round.id);
        for (const LevelPair& x : p.items) {
            pool.items.push_back(swap ? LevelPair{x.item_id, x.b, x.a} : x);
            ItemDisagreement& d = by_item[x.item_id];
            d.item_id = x.item_id;
            ++d.n;
            if (x.a == x.b) ++d.exact;
            d.mean_abs_difference += std::abs(x.a - x.b);  // a sum until divided below
        }
        all.insert(all.end(), p.items.begin(), p.items.end());
        if (p.stats.n == 0) continue;
        pool.totals.push_back(swap ? std::vector<double>{p.total_b, p.total_a} : std::vector<double>{p.total_a, p.total_b});
        const std::vector<Rater> order = raters_in_order(rp.round);
        if (p.a.position == order[0].position && p.b.position == order[1].position)
            first_totals.push_back({p.total_a, p.total_b});
    }
    for (const auto& [names, pool] : by_names) {
        ReviewerPair rp;
        rp.a = names.first;
        rp.b = names.second;
        rp.rounds = int(pool.rounds.size());
        rp.pooled = agreement_of(pool.items, scale.min_level(), scale.max_level());
        rp.icc = icc_a1(pool.totals);
        out.reviewers.push_back(std::move(rp));
    }
    std::stable_sort(out.reviewers.begin(), out.reviewers.end(),
                     [](const ReviewerPair& x, const ReviewerPair& y) { return x.rounds > y.rounds; });
    out.all = agreement_of(all, scale.min_level(), scale.max_level());
    out.icc_all = icc_a1(first_totals);

    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < scale.items.size(); ++i) order[scale.items[i].id] = i;
    for (auto& [id, d] : by_item) {
        d.mean_abs_difference /= d.n;
        out.items.push_back(d);
    }
    std::sort(out.items.begin(), out.items.end(), [&](const ItemDisagreement& x, const ItemDisagreement& y) {
        if (x.mean_abs_difference != y.mean_abs_difference) return x.mean_abs_difference > y.mean_abs_difference;
        return order[x.item_id] < order[y.item_id];
    });

    // Each self-assessment in the period, own or guided (the team rates itself, a guide
    // helps), against the team's external review nearest in date (any date; on a tie the
    // earlier one, which the team could already have read).
    for (const Team& team : in_county) {
        const Id id = team.id;
        std::vector<const Round*> external;
        for (const Round& r : rounds)
            if (r.team_id == id && r.review_type == ReviewType::External) external.push_back(&r);
        if (external.empty()) continue;
        for (const Round& self : rounds) {
            if (self.team_id != id || self.review_type == ReviewType::External || !in_period(self)) continue;
            const Round* nearest = nullptr;
            long best = 0;
            for (const Round* e : external) {
                const long gap = std::labs(e->assessed_on.days() - self.assessed_on.days());
                if (!nearest || gap < best) {
                    nearest = e;
                    best = gap;
                }
            }
            out.self_external.push_back(compare(store, *store.scale_of(self), team, self, *nearest));
        }
    }
    return out;
}

}  // namespace fidelis::reports
