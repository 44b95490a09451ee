// The coded edition of the county report, for publication. A code (A, B, C…) protects a
// team only if nothing else points at it: codes are handed out by a seeded shuffle (not
// by name or by total, where ties would fall in alphabetical order), a coded line carries
// no date or review type, and fewer than min_teams teams are never published. The key
// from code to team is for the network leader alone.
#include "county_internal.h"

#include "base/error.h"
#include "base/i18n.h"
#include "store/csv_export.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

namespace fidelis::reports {
namespace detail {
namespace {

// A uniform draw in [0, bound) straight from the engine, not std::uniform_int_distribution,
// whose algorithm differs between standard libraries: a seed must give the same codes on
// every machine that makes the report again.
std::uint64_t draw_below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - (max % bound + 1) % bound;  // the largest multiple of bound, minus 1
    std::uint64_t x = 0;
    do x = rng();
    while (x > limit);
    return x % bound;
}

// Fisher–Yates over 0…n−1: position k of the result is the team (in name order) that gets code k.
std::vector<std::size_t> shuffled(std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 rng(seed);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[draw_below(rng, i)]);
    return order;
}

}  // namespace

void refuse_too_few(const CountyQuery& q, std::size_t teams) {
    const int limit = std::max(1, q.min_teams);
    if (teams >= std::size_t(limit)) return;
    throw Error(format(tr(N_("A coded report needs at least {1} teams so that no team can be recognised; this "
                             "selection has {2}. Use --min-teams to lower the limit if you are sure.")),
                       {std::to_string(limit), std::to_string(teams)}));
}

void assign_codes(CountyAnalysis& c) {
    c.seed = c.query.seed ? *c.query.seed : new_seed();
    // The lines arrive in name order; the shuffle alone decides who gets which code.
    const std::vector<std::size_t> order = shuffled(c.teams.size(), c.seed);
    std::vector<TeamLine> coded;
    coded.reserve(c.teams.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        coded.push_back(std::move(c.teams[order[k]]));
        coded.back().label = code_label(k);
        coded.back().group.clear();
    }
    c.teams = std::move(coded);
}

void hide_identifying(CountyAnalysis& c) {
    for (TeamLine& t : c.teams) {
        t.date.reset();
        t.review_type.reset();
        if (t.figures) {
            t.figures->period_from.reset();
            t.figures->period_to.reset();
        }
        if (t.compared) t.compared->date.reset();
    }
    c.unmeasured.clear();  // the count stays
}

}  // namespace detail

std::uint64_t new_seed() {
    std::random_device device;
    return (std::uint64_t(device()) << 32) ^ std::uint64_t(device());
}

std::vector<CodeKeyRow> code_key(const CountyAnalysis& a) {
    std::vector<CodeKeyRow> rows;
    if (!a.query.coded) return rows;
    for (const TeamLine& t : a.teams)
        rows.push_back(CodeKeyRow{t.label, t.team.municipality_name, t.team.name, t.round.assessed_on,
                                  t.round.review_type, t.round.id});
    return rows;
}

void write_code_key_csv(const CountyAnalysis& a, std::ostream& out, char s, const Translator& t) {
    const std::string sep(1, s);
    // TRANSLATORS: column headings of the key to a coded county report (code -> team).
    out << "\xEF\xBB\xBF" << csv_field(t.tr("Code"), s) << sep << csv_field(t.tr("Municipality"), s) << sep
        << csv_field(t.tr("Team"), s) << sep << csv_field(t.tr("Date"), s) << sep << csv_field(t.tr("Review type"), s)
        << "\r\n";
    for (const CodeKeyRow& r : code_key(a))
        out << csv_field(r.code, s) << sep << csv_field(r.municipality, s) << sep << csv_field(r.team, s) << sep
            << r.round_date.iso() << sep << csv_field(label_of(r.review_type, t), s) << "\r\n";
    // The seed makes the same codes again; with it and the list of teams anyone could, so it
    // belongs in the key and never in the published report.
    out << csv_field(t.tr("Seed"), s) << sep << a.seed << "\r\n";
}

}  // namespace fidelis::reports
