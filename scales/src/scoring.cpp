#include "scales/scoring.h"

#include "base/i18n.h"

#include <algorithm>
#include <cmath>

namespace fidelis {

std::optional<int> level_for_value(const NumericRule& rule, double value) {
    if (!std::isfinite(value)) return std::nullopt;
    const double v = round_half_up(value, rule.decimals);
    const double eps = 1e-9;
    for (const auto& r : rule.ranges) {
        if (r.min && v < *r.min - eps) continue;
        if (r.max && v > *r.max + eps) continue;
        return r.level;
    }
    return std::nullopt;
}

std::optional<int> level_for_count(const ChecklistRule& rule, int count) {
    for (const auto& c : rule.counts)
        if (count >= c.min && count <= c.max) return c.level;
    return std::nullopt;
}

std::optional<int> level_for_specialists(const Item& item, const std::vector<double>& values, double* mean) {
    if (values.empty()) return std::nullopt;
    double sum = 0;
    for (double v : values) {
        if (item.basis == SpecialistBasis::Numeric) {
            if (!item.numeric) return std::nullopt;
            const auto level = level_for_value(*item.numeric, v);
            if (!level) return std::nullopt;
            sum += *level;
        } else {
            sum += v;
        }
    }
    const double m = sum / double(values.size());
    if (mean) *mean = m;
    return nearest_level(m);
}

std::optional<int> level_from_inputs(const Item& item, const ItemRating& rating) {
    switch (item.shape) {
    case ItemShape::Numeric:
        if (rating.value && item.numeric) return level_for_value(*item.numeric, *rating.value);
        return std::nullopt;
    case ItemShape::Checklist:
        // Nothing ticked means the checklist was not used; a rater who found no component
        // present picks the lowest level, which the anchors describe.
        if (!item.checklist || rating.checked.empty()) return std::nullopt;
        return level_for_count(*item.checklist, static_cast<int>(rating.checked.size()));
    case ItemShape::PerSpecialist:
        return level_for_specialists(item, rating.specialists);
    case ItemShape::Rule:
        if (!item.rule || rating.inputs.empty()) return std::nullopt;
        return rule_level(*item.rule, rating.inputs);
    case ItemShape::Descriptive:
        break;
    }
    return std::nullopt;
}

Score score(const Scale& scale, const std::map<std::string, ItemRating>& ratings) {
    Score s;
    s.items = static_cast<int>(scale.items.size());
    double total_sum = 0;
    for (const Section& sec : scale.sections) {
        SectionScore ss;
        ss.section_id = sec.id;
        ss.items = static_cast<int>(sec.item_ids.size());
        double sum = 0;
        for (const auto& id : sec.item_ids) {
            const auto it = ratings.find(id);
            if (it == ratings.end() || !it->second.level) {
                if (it != ratings.end() && it->second.cannot_rate) s.cannot_rate.push_back(id);
                else s.unrated.push_back(id);
                continue;
            }
            if (it->second.cannot_rate) {
                s.cannot_rate.push_back(id);
                continue;
            }
            sum += *it->second.level;
            ++ss.rated;
        }
        total_sum += sum;
        s.rated += ss.rated;
        const bool mean = scale.scoring.mode == TotalMode::Mean;
        ss.value = mean ? (ss.rated ? sum / ss.rated : 0) : sum;
        ss.max_possible = mean ? scale.max_level() : double(scale.max_level()) * ss.items;
        s.sections.push_back(ss);
    }
    s.total = scale.scoring.mode == TotalMode::Mean ? (s.rated ? total_sum / s.rated : 0) : total_sum;
    if (s.complete()) s.band = scale.band_for(s.total);
    return s;
}

Score score_levels(const Scale& scale, const std::map<std::string, int>& levels) {
    std::map<std::string, ItemRating> ratings;
    for (const auto& [id, level] : levels) ratings[id].level = level;
    return score(scale, ratings);
}

}  // namespace fidelis
