// Trying a rule's inputs at the values where its conditions change: each bound, one
// step either side, the input's own limits, and for a relative bound its product with
// the other input's values. Between two such values no condition changes, so these
// combinations see every level the rule can give and every gap it leaves.
#include "scales/item_rule.h"

#include "base/i18n.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace fidelis {
namespace {

std::set<double> plain_points(const ItemRule& rule, const RuleInput& in) {
    const double step = std::pow(10.0, -in.decimals);
    std::set<double> pts;
    auto add = [&](double b) {
        for (double v : {b - step, b, b + step}) pts.insert(round_half_up(v, in.decimals));
    };
    for (const auto& l : rule.levels)
        for (const auto& a : l.when)
            for (const auto& c : a.conditions)
                if (c.input == in.name && c.kind == Condition::Kind::Range && c.times.empty())
                    for (const auto& b : {c.min, c.max, c.below, c.above})
                        if (b) add(*b);
    if (in.min) pts.insert(*in.min);
    if (in.max) pts.insert(*in.max);
    if (pts.empty()) pts.insert(0);
    return pts;
}

std::vector<std::string> candidates(const ItemRule& rule, const RuleInput& in) {
    std::vector<std::string> out;
    switch (in.kind) {
    case InputKind::Choice:
        for (const auto& o : in.options) out.push_back(o.value);
        break;
    case InputKind::YesNo: out = {"yes", "no"}; break;
    case InputKind::Count:
        for (std::size_t i = 0; i <= in.components.size(); ++i) out.push_back(std::to_string(i));
        break;
    case InputKind::Number: {
        std::set<double> pts = plain_points(rule, in);
        const double step = std::pow(10.0, -in.decimals);
        // Relative bounds: this input against `times` × each of that input's values.
        for (const auto& l : rule.levels)
            for (const auto& a : l.when)
                for (const auto& c : a.conditions) {
                    if (c.input != in.name || c.times.empty()) continue;
                    const RuleInput* t = rule.input(c.times);
                    if (!t) continue;
                    for (double tv : plain_points(rule, *t))
                        for (const auto& b : {c.min, c.max, c.below, c.above})
                            if (b)
                                for (double v : {*b * tv - step, *b * tv, *b * tv + step})
                                    pts.insert(round_half_up(v, in.decimals));
                }
        for (double v : pts) {
            if ((in.min && v < *in.min - 1e-9) || (in.max && v > *in.max + 1e-9)) continue;
            out.push_back(shortest_number(v));
        }
        break;
    }
    }
    if (in.optional) out.push_back(std::string());  // not entered
    return out;
}

}  // namespace

bool try_rule_inputs(const ItemRule& rule, std::size_t limit,
                     const std::function<void(const InputValues&, std::optional<int> level)>& visit) {
    std::vector<std::vector<std::string>> values;
    std::size_t combinations = 1;
    for (const auto& in : rule.inputs) {
        values.push_back(candidates(rule, in));
        if (values.back().empty()) return false;
        combinations *= values.back().size();
        if (combinations > limit) return false;
    }
    std::vector<std::size_t> at(values.size(), 0);
    for (std::size_t n = 0; n < combinations; ++n) {
        InputValues iv;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (!values[i][at[i]].empty()) iv[rule.inputs[i].name] = {values[i][at[i]]};
        visit(iv, rule_level(rule, iv));
        for (std::size_t i = 0; i < at.size(); ++i) {
            if (++at[i] < values[i].size()) break;
            at[i] = 0;
        }
    }
    return true;
}

}  // namespace fidelis
