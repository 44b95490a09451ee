// Suggested plan goals and their descriptions; see goal_suggestions.h.
#include "reports/goal_suggestions.h"

#include "base/i18n.h"

#include <algorithm>

namespace fidelis::reports {

std::string goal_description(const Scale& scale, const std::string& item_id, int target_level, const std::string& lang) {
    const Item* item = scale.item(item_id);
    if (!item || !scale.level(target_level)) return {};
    const LocalText* anchor = scale.anchor_text(*item, target_level);
    if (!anchor) return {};
    // TRANSLATORS: a suggested plan goal: {1} the target level, {2} what that level means for the item.
    return format(tr(N_("Level {1}: {2}")), {std::to_string(target_level), anchor->get(lang)});
}

std::vector<PlanGoal> suggested_goals(const RoundAnalysis& a, const ImprovementPlan& plan, const std::string& lang,
                                      std::size_t n) {
    // The lowest items, then any item that fell since the previous round.
    std::vector<std::string> ids = a.priorities;
    for (const ItemResult& ir : a.items)
        if (ir.change() && *ir.change() < 0 && std::find(ids.begin(), ids.end(), ir.item_id) == ids.end())
            ids.push_back(ir.item_id);
    if (ids.size() > n) ids.resize(n);
    std::vector<PlanGoal> out;
    for (const std::string& id : ids) {
        if (std::any_of(plan.goals.begin(), plan.goals.end(), [&](const PlanGoal& g) { return g.item_id == id; })) continue;
        const auto ir = std::find_if(a.items.begin(), a.items.end(), [&](const ItemResult& x) { return x.item_id == id; });
        if (ir == a.items.end()) continue;
        PlanGoal g;
        g.item_id = id;
        g.current_level = ir->level;
        if (ir->level) g.target_level = std::min(a.scale->max_level(), *ir->level + 1);
        g.target_date = a.round.assessed_on.add_months(12);
        if (g.target_level) g.description = goal_description(*a.scale, id, *g.target_level, lang);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace fidelis::reports
