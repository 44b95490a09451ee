#include "scales/scale.h"

#include <algorithm>
#include <cmath>

namespace fidelis {

const std::string& LocalText::get(const std::string& lang) const {
    static const std::string empty;
    if (auto it = by_lang_.find(lang); it != by_lang_.end()) return it->second;
    if (auto it = by_lang_.find("en"); it != by_lang_.end()) return it->second;
    return by_lang_.empty() ? empty : by_lang_.begin()->second;
}

const char* to_string(ItemShape shape) {
    switch (shape) {
    case ItemShape::Descriptive: return "descriptive";
    case ItemShape::Numeric: return "numeric";
    case ItemShape::Checklist: return "checklist";
    case ItemShape::PerSpecialist: return "per-specialist";
    case ItemShape::Rule: return "rule";
    }
    return "descriptive";
}

double NumericRule::lowest() const {
    double v = HUGE_VAL;
    for (const auto& r : ranges) v = std::min(v, r.min ? *r.min : -HUGE_VAL);
    return v;
}

double NumericRule::highest() const {
    double v = -HUGE_VAL;
    for (const auto& r : ranges) v = std::max(v, r.max ? *r.max : HUGE_VAL);
    return v;
}

const Anchor* Item::anchor(int level) const {
    for (const auto& a : anchors)
        if (a.level == level) return &a;
    return nullptr;
}

const Item* Scale::item(const std::string& item_id) const {
    for (const auto& i : items)
        if (i.id == item_id) return &i;
    return nullptr;
}

const Section* Scale::section(const std::string& section_id) const {
    for (const auto& s : sections)
        if (s.id == section_id) return &s;
    return nullptr;
}

const DataSource* Scale::source(const std::string& code) const {
    for (const auto& s : sources)
        if (s.code == code) return &s;
    return nullptr;
}

const Level* Scale::level(int value) const {
    for (const auto& l : levels)
        if (l.value == value) return &l;
    return nullptr;
}

int Scale::min_level() const { return levels.empty() ? 0 : levels.front().value; }
int Scale::max_level() const { return levels.empty() ? 0 : levels.back().value; }

const LocalText* Scale::anchor_text(const Item& it, int level_value) const {
    if (const Anchor* a = it.anchor(level_value)) return &a->text;
    if (const Level* l = level(level_value); l && !l->description.empty()) return &l->description;
    return nullptr;
}

double Scale::min_total() const {
    return scoring.mode == TotalMode::Sum ? double(min_level()) * double(items.size()) : double(min_level());
}

double Scale::max_total() const {
    return scoring.mode == TotalMode::Sum ? double(max_level()) * double(items.size()) : double(max_level());
}

const Band* Scale::band_for(double total) const {
    // Compare at the scoring's precision so a mean of 3.95 shown as "4.0" lands where it reads.
    const double scale = std::pow(10.0, scoring.decimals);
    const double shown = std::round(total * scale) / scale;
    const double eps = 0.5 / scale;
    for (const auto& b : scoring.bands)
        if (shown >= b.min - eps * 1e-6 && shown <= b.max + eps * 1e-6) return &b;
    return nullptr;
}

std::string Scale::display_name(const std::string& lang) const {
    return abbreviation.empty() ? title.get(lang) : abbreviation;
}

}  // namespace fidelis
