#include "scale_rules.h"

#include "base/i18n.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <optional>

namespace fidelis {
namespace {

// One interval to be tiled: [lo, hi] with nullopt meaning unbounded.
struct Span {
    std::optional<double> lo;
    std::optional<double> hi;
    pugi::xml_node node;
    std::string name;  // for messages: "level 3" or "band 'good'"
};

// Checks that the spans tile [first, last] at `step` with no overlap and no gap.
void check_tiling(XmlReader& r, std::vector<Span> spans, double step, std::optional<double> first,
                  std::optional<double> last, pugi::xml_node owner, bool check_ends) {
    if (spans.empty()) return;
    std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        const double x = a.lo ? *a.lo : -HUGE_VAL;
        const double y = b.lo ? *b.lo : -HUGE_VAL;
        return x < y;
    });
    const double eps = step * 1e-6;
    for (std::size_t i = 1; i < spans.size(); ++i) {
        const Span& a = spans[i - 1];
        const Span& b = spans[i];
        if (!a.hi || !b.lo) {
            r.error(b.node, format(tr(N_("{1} overlaps {2}")), {b.name, a.name}));
            continue;
        }
        const double diff = *b.lo - *a.hi;
        if (diff < step - eps) {
            r.error(b.node, format(tr(N_("{1} overlaps {2}")), {b.name, a.name}));
        } else if (diff > step + eps) {
            r.error(b.node, format(tr(N_("there is a gap between {1} (up to {2}) and {3} (from {4})")),
                                   {a.name, shortest_number(*a.hi), b.name, shortest_number(*b.lo)}));
        }
    }
    if (!check_ends) return;
    const Span& low = spans.front();
    const Span& high = spans.back();
    if (first && low.lo && *low.lo > *first + eps)
        r.error(owner, format(tr(N_("values from {1} to {2} fall in no range")), {shortest_number(*first), shortest_number(*low.lo - step)}));
    if (last && high.hi && *high.hi < *last - eps)
        r.error(owner, format(tr(N_("values from {1} to {2} fall in no range")), {shortest_number(*high.hi + step), shortest_number(*last)}));
}

bool fits_precision(double v, double step) {
    const double units = v / step;
    return std::fabs(units - std::round(units)) < 1e-6;
}

}  // namespace

void check_numeric_ranges(XmlReader& r, const NumericRule& rule, const std::vector<pugi::xml_node>& nodes) {
    const double step = std::pow(10.0, -rule.decimals);
    std::vector<Span> spans;
    for (std::size_t i = 0; i < rule.ranges.size(); ++i) {
        const NumericRange& range = rule.ranges[i];
        for (const auto& bound : {range.min, range.max}) {
            if (bound && !fits_precision(*bound, step))
                r.error(nodes[i], format(tr(N_("{1} has more decimals than decimals=\"{2}\" allows")),
                                         {shortest_number(*bound), std::to_string(rule.decimals)}));
        }
        spans.push_back(Span{range.min, range.max, nodes[i],
                             format(tr(N_("the range for level {1}")), {std::to_string(range.level)})});
    }
    check_tiling(r, spans, step, std::nullopt, std::nullopt, {}, false);
}

void check_count_ranges(XmlReader& r, const ChecklistRule& rule, const std::vector<pugi::xml_node>& nodes,
                        pugi::xml_node checklist) {
    if (rule.counts.empty()) {
        r.error(checklist, tr(N_("<checklist> needs <count> elements that map each count of components to a level")));
        return;
    }
    const int n = static_cast<int>(rule.components.size());
    std::vector<Span> spans;
    for (std::size_t i = 0; i < rule.counts.size(); ++i) {
        const CountRange& c = rule.counts[i];
        if (c.min > c.max) r.error(nodes[i], tr(N_("the count's min is greater than its max")));
        if (c.min < 0 || c.max > n)
            r.error(nodes[i], format(tr(N_("counts must lie between 0 and the {1} components")), {std::to_string(n)}));
        spans.push_back(Span{double(c.min), double(c.max), nodes[i],
                             format(tr(N_("the count for level {1}")), {std::to_string(c.level)})});
    }
    check_tiling(r, spans, 1.0, 0.0, double(n), checklist, true);
}

void check_bands(XmlReader& r, const Scale& scale, std::size_t item_count, const std::vector<pugi::xml_node>& nodes,
                 pugi::xml_node scoring) {
    const double step = std::pow(10.0, -scale.scoring.decimals);
    const bool sum = scale.scoring.mode == TotalMode::Sum;
    const double lo = sum ? double(scale.min_level()) * double(item_count) : scale.min_level();
    const double hi = sum ? double(scale.max_level()) * double(item_count) : scale.max_level();
    std::vector<Span> spans;
    for (std::size_t i = 0; i < scale.scoring.bands.size(); ++i) {
        const Band& b = scale.scoring.bands[i];
        const std::string name = format(tr(N_("band \"{1}\"")), {b.id});
        if (b.min > b.max) r.error(nodes[i], format(tr(N_("{1} has min greater than max")), {name}));
        if (b.min < lo - 1e-9 || b.max > hi + 1e-9)
            r.error(nodes[i], format(tr(N_("{1} ({2}–{3}) falls outside the possible total {4}–{5}")),
                                     {name, shortest_number(b.min), shortest_number(b.max), shortest_number(lo), shortest_number(hi)}));
        for (std::size_t j = 0; j < i; ++j)
            if (scale.scoring.bands[j].id == b.id)
                r.error(nodes[i], format(tr(N_("band id \"{1}\" is used twice")), {b.id}));
        spans.push_back(Span{b.min, b.max, nodes[i], name});
    }
    check_tiling(r, spans, step, lo, hi, scoring, true);
}

}  // namespace fidelis
