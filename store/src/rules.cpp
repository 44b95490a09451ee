// The write rules of rules.h. Messages name the item and the value, so a team can fix
// the entry and a network leader can tell a team what was wrong with its file.
#include "store/rules.h"

#include "base/i18n.h"
#include "base/utf8.h"
#include "scales/scoring.h"
#include "store/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace fidelis::rules {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw StoreError(StoreError::Kind::Invalid, message); }

std::string number(double v) {
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

// No count, percentage or number of days in a fidelity item comes near a million: a
// larger number is a typing or file error, even where the top range is open-ended.
inline constexpr double largest_plausible_value = 1e6;

void check_finite(const Item& item, double v) {
    if (!std::isfinite(v)) refuse(format(tr(N_("Item {1}: \"{2}\" is not a number.")), {item.id, number(v)}));
    if (std::fabs(v) > largest_plausible_value)
        refuse(format(tr(N_("Item {1}: {2} is too large to be a real figure.")), {item.id, number(v)}));
}

// Counts, percentages and days are never negative, unless the scale itself has a range
// below zero.
void check_not_negative(const Item& item, double v) {
    if (v >= 0) return;
    if (item.numeric && item.numeric->lowest() < 0 && std::isfinite(item.numeric->lowest())) return;
    refuse(format(tr(N_("Item {1}: {2} is negative, which the item does not take.")), {item.id, number(v)}));
}

void check_level_on_scale(const Scale& scale, const std::string& item_id, int level) {
    if (!scale.level(level))
        refuse(format(tr(N_("Item {1}: level {2} is not on the scale ({3}–{4}).")),
                      {item_id, std::to_string(level), std::to_string(scale.min_level()),
                       std::to_string(scale.max_level())}));
}

void check_optional_level(const Scale& scale, const std::string& item_id, const std::optional<int>& level) {
    if (level) check_level_on_scale(scale, item_id, *level);
}

}  // namespace

void check_text(std::string_view text, const char* what_msgid, std::string_view arg) {
    if (text.size() <= max_text_length) return;  // bytes >= characters: the common case is cheap
    const std::size_t n = utf8::length(text);
    if (n > max_text_length)
        refuse(format(tr(N_("{1} is {2} characters long; at most {3} are kept. Shorten it, or keep the long "
                            "text in a document of its own and refer to it.")),
                      {format(tr(what_msgid), {arg}), std::to_string(n), std::to_string(max_text_length)}));
}

Rating checked_rating(const Scale& scale, const Rating& rating) {
    const Item* item = scale.item(rating.item_id);
    if (!item) refuse(format(tr(N_("{1} has no item \"{2}\".")), {scale.display_name("en"), rating.item_id}));
    Rating clean = rating;
    ItemRating& in = clean.input;

    // Inputs the item's shape does not take are refused, not silently kept.
    if (in.value && item->shape != ItemShape::Numeric)
        refuse(format(tr(N_("Item {1} is not rated with a number.")), {item->id}));
    if (!in.checked.empty() && item->shape != ItemShape::Checklist)
        refuse(format(tr(N_("Item {1} has no components to tick.")), {item->id}));
    if (!in.specialists.empty() && item->shape != ItemShape::PerSpecialist)
        refuse(format(tr(N_("Item {1} is not rated per employment specialist.")), {item->id}));
    if (!in.inputs.empty() && !item->rule)
        refuse(format(tr(N_("Item {1} takes no named inputs.")), {item->id}));
    if (item->rule && !in.inputs.empty() && !in.cannot_rate) {
        try {
            in.inputs = checked_inputs(*item->rule, in.inputs, "en");
        } catch (const Error& e) {
            refuse(format(tr(N_("Item {1}: {2}.")), {item->id, e.what()}));
        }
        // Inputs that give no level yet (the window saves each as it is typed) are kept
        // without a level; beside a level they would contradict it.
        // The words of the problem are built only for the refusal: this runs per imported rating.
        if (in.level && !rule_level(*item->rule, in.inputs))
            refuse(format(tr(N_("Item {1}: level {2} was given, but the inputs give no level ({3}).")),
                          {item->id, std::to_string(*in.level), evaluate_rule(*item->rule, in.inputs, "en").problem}));
    }
    if (in.cannot_rate) in.inputs.clear();

    if (in.value) {
        check_finite(*item, *in.value);
        check_not_negative(*item, *in.value);
    }
    for (double v : in.specialists) {
        check_finite(*item, v);
        check_not_negative(*item, v);
        if (item->basis == SpecialistBasis::Descriptive) {
            if (v != std::floor(v)) refuse(format(tr(N_("Item {1}: a specialist's level must be a whole number, not {2}.")),
                                                  {item->id, number(v)}));
            check_level_on_scale(scale, item->id, static_cast<int>(v));
        } else if (!item->numeric || !level_for_value(*item->numeric, v)) {
            refuse(format(tr(N_("Item {1}: {2} lies outside every range of the item.")), {item->id, number(v)}));
        }
    }
    if (item->checklist) {
        std::set<std::string> seen;
        for (const auto& c : in.checked) {
            const bool known = std::any_of(item->checklist->components.begin(), item->checklist->components.end(),
                                           [&](const ChecklistComponent& k) { return k.id == c; });
            if (!known) refuse(format(tr(N_("Item {1} has no component \"{2}\".")), {item->id, c}));
            if (!seen.insert(c).second)
                refuse(format(tr(N_("Item {1}: component \"{2}\" is ticked twice.")), {item->id, c}));
        }
    }

    if (in.cannot_rate) {
        if (!item->cannot_rate_allowed)
            refuse(format(tr(N_("Item {1} cannot be marked \"cannot rate\" in this scale.")), {item->id}));
        // "Cannot rate" has no level: a level beside it would be counted in the total.
        in.level.reset();
    } else if (const auto derived = level_from_inputs(*item, in)) {
        if (in.level && *in.level != *derived)
            refuse(format(tr(N_("Item {1}: level {2} does not match what was entered, which gives level {3}.")),
                          {item->id, std::to_string(*in.level), std::to_string(*derived)}));
        in.level = derived;
    } else if (item->shape == ItemShape::Numeric && in.value) {
        refuse(format(tr(N_("Item {1}: {2} lies outside every range of the item.")), {item->id, number(*in.value)}));
    }
    check_optional_level(scale, item->id, in.level);

    check_text(in.cannot_rate_reason, N_("The reason for \"cannot rate\" on {1}"), item->id);
    check_text(clean.evidence, N_("The evidence for {1}"), item->id);
    check_text(clean.note, N_("The note on {1}"), item->id);
    check_text(clean.rationale, N_("The rationale for {1}"), item->id);
    return clean;
}

std::map<std::string, ItemRating> result_of(const std::vector<Rater>& raters, const std::vector<Rating>& ratings) {
    std::map<std::string, ItemRating> result;
    // With one rater there is nothing to reconcile: their ratings are the result unless a
    // consensus row says otherwise.
    if (raters.size() == 1)
        for (const auto& x : ratings)
            if (x.rater_id == raters.front().id) result[x.item_id] = x.input;
    for (const auto& x : ratings)
        if (x.rater_id == consensus_rater) result[x.item_id] = x.input;
    return result;
}

void check_completable(const Scale& scale, const std::map<std::string, ItemRating>& result) {
    int missing = 0;
    for (const Item& item : scale.items) {
        const auto it = result.find(item.id);
        if (it == result.end() || (!it->second.level && !it->second.cannot_rate)) ++missing;
    }
    if (missing)
        refuse(format(trn("{1} item has no agreed rating yet; rate it or mark it \"cannot rate\" before completing "
                          "the round.",
                          "{1} items have no agreed rating yet; rate them or mark them \"cannot rate\" before "
                          "completing the round.",
                          static_cast<unsigned long>(missing)),
                      {std::to_string(missing)}));
}

void check_period(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to && *to < *from) refuse(tr(N_("The period ends before it starts.")));
}

void check_figures(const TeamFigures& f) {
    check_period(f.period_from, f.period_to);
    if (f.specialists && (!std::isfinite(*f.specialists) || *f.specialists < 0 || *f.specialists > 10000))
        refuse(format(tr(N_("The number of employment specialists cannot be {1}.")), {number(*f.specialists)}));
    if (f.caseload && *f.caseload < 0) refuse(tr(N_("Counts cannot be negative.")));
    for (const GenderCount* c : {&f.participants, &f.competitive_work, &f.studies})
        for (const auto& v : {c->women, c->men, c->other})
            if (v && *v < 0) refuse(tr(N_("Counts cannot be negative.")));
    // People in work or studies are among the participants, per gender.
    auto at_most = [](const std::optional<int>& part, const std::optional<int>& whole) {
        return !part || !whole || *part <= *whole;
    };
    for (const GenderCount* c : {&f.competitive_work, &f.studies}) {
        if (!at_most(c->women, f.participants.women) || !at_most(c->men, f.participants.men) ||
            !at_most(c->other, f.participants.other))
            refuse(tr(N_("More people are counted in work or studies than there are participants.")));
    }
}

void check_goal(const Scale& scale, const PlanGoal& goal) {
    if (!scale.item(goal.item_id)) refuse(format(tr(N_("The scale has no item \"{1}\".")), {goal.item_id}));
    check_optional_level(scale, goal.item_id, goal.current_level);
    check_optional_level(scale, goal.item_id, goal.target_level);
    check_text(goal.description, N_("The goal for {1}"), goal.item_id);
}

void check_action(const Scale& scale, const PlanAction& a) {
    if (a.what.empty()) refuse(tr(N_("An action needs a description of what to do.")));
    if (!a.item_id.empty() && !scale.item(a.item_id))
        refuse(format(tr(N_("The scale has no item \"{1}\".")), {a.item_id}));
    if (a.start && a.due && *a.due < *a.start) refuse(tr(N_("The action is due before it starts.")));
    for (const std::string* t : {&a.what, &a.responsible, &a.resources, &a.follow_up, &a.comment})
        check_text(*t, N_("The action"));
}

void check_plan_header(const std::optional<Date>& period_from, const std::optional<Date>& period_to,
                       const std::string& manager) {
    check_period(period_from, period_to);
    check_text(manager, N_("The manager's name"));
}

void check_team(const Team& team) {
    if (team.name.empty()) refuse(tr(N_("A team needs a name.")));
    check_text(team.name, N_("The team's name"));
}

void check_outcome(const TeamOutcome& o) {
    if (!o.quarter.valid())
        refuse(format(tr(N_("{1}Q{2} is not a quarter: a quarter is a year and 1 to 4, as in 2025Q3.")),
                      {std::to_string(o.quarter.year), std::to_string(o.quarter.number)}));
    const std::string q = o.quarter.text();
    for (const GenderCount* c : {&o.served, &o.working})
        if (!c->women || !c->men || !c->other)
            refuse(format(tr(N_("{1}: the people served and those in work need a count for women, men and "
                                "other/unknown (0 where there are none).")),
                          {q}));
    // A count this large is a typing or file error, and sums of it must not overflow.
    auto plausible = [&](const std::optional<int>& v) {
        if (v && *v < 0) refuse(format(tr(N_("{1}: counts cannot be negative ({2}).")), {q, std::to_string(*v)}));
        if (v && *v > 1000000)
            refuse(format(tr(N_("{1}: {2} is too large to be a real count.")), {q, std::to_string(*v)}));
    };
    for (const GenderCount* c : {&o.served, &o.working, &o.studying})
        for (const auto& v : {c->women, c->men, c->other}) plausible(v);
    plausible(o.referrals);
    plausible(o.job_starts);
    // Those in work or studies are among the people served: per gender, and so in total.
    struct Part {
        const GenderCount* count;
        const char* msgid;
    };
    const Part parts[] = {
        {&o.working, N_("{1}: {2} {3} are counted in work, but only {4} were served.")},
        {&o.studying, N_("{1}: {2} {3} are counted in studies, but only {4} were served.")},
    };
    for (const Part& p : parts) {
        const std::pair<const char*, std::optional<int> GenderCount::*> genders[] = {
            {N_("women"), &GenderCount::women}, {N_("men"), &GenderCount::men},
            {N_("people of other or unknown gender"), &GenderCount::other}};
        for (const auto& [who, field] : genders) {
            const auto& part = p.count->*field;
            const auto& whole = o.served.*field;
            if (part && whole && *part > *whole)
                refuse(format(tr(p.msgid), {q, std::to_string(*part), tr(who), std::to_string(*whole)}));
        }
        if (!p.count->empty() && p.count->total() > o.served.total())
            refuse(format(tr(p.msgid), {q, std::to_string(p.count->total()), tr(N_("people")),
                                        std::to_string(o.served.total())}));
    }
}

void check_record(const RoundRecord& rec) {
    const Round& r = rec.round;
    try {
        if (!rec.scale) refuse(tr(N_("A round needs a scale.")));
        const Scale& scale = *rec.scale;
        check_team(rec.team);
        check_period(r.period_from, r.period_to);
        check_text(r.strengths, N_("The round's strengths"));
        check_text(r.recommendations, N_("The round's recommendations"));

        std::set<int> positions;
        std::set<std::string> names;
        for (const Rater& rater : r.raters) {
            if (rater.name.empty()) refuse(tr(N_("A rater needs a name.")));
            check_text(rater.name, N_("A rater's name"));
            if (rater.position < 1 || !positions.insert(rater.position).second)
                refuse(format(tr(N_("Rater position {1} is missing or used twice.")), {std::to_string(rater.position)}));
            if (!names.insert(rater.name).second)
                refuse(format(tr(N_("{1} is already a rater in this round.")), {rater.name}));
        }
        std::set<std::pair<std::string, Id>> rated;
        for (const Rating& x : rec.ratings) {
            if (x.rater_id != consensus_rater && !positions.count(static_cast<int>(x.rater_id)))
                refuse(format(tr(N_("Item {1}: the rater is not listed.")), {x.item_id}));
            if (!rated.insert({x.item_id, x.rater_id}).second)
                refuse(format(tr(N_("Item {1} is rated twice by the same rater.")), {x.item_id}));
            if (x.input.cannot_rate && x.input.level)
                refuse(format(tr(N_("Item {1} is marked \"cannot rate\" and has a level too.")), {x.item_id}));
            const Rating clean = checked_rating(scale, x);
            if (clean.input.level != x.input.level)
                refuse(format(tr(N_("Item {1}: the level does not match what was entered, which gives level {2}.")),
                              {x.item_id, clean.input.level ? std::to_string(*clean.input.level) : "–"}));
        }
        std::set<std::string> feedback_items;
        for (const ItemFeedback& f : rec.feedback) {
            if (!scale.item(f.item_id)) refuse(format(tr(N_("The scale has no item \"{1}\".")), {f.item_id}));
            if (!feedback_items.insert(f.item_id).second)
                refuse(format(tr(N_("Item {1} has feedback twice.")), {f.item_id}));
            check_text(f.strengths, N_("The feedback on {1}"), f.item_id);
            check_text(f.recommendation, N_("The feedback on {1}"), f.item_id);
        }
        if (rec.figures) check_figures(*rec.figures);
        if (rec.plan) {
            const ImprovementPlan& p = *rec.plan;
            check_plan_header(p.period_from, p.period_to, p.manager);
            std::set<std::string> uuids{p.uuid};
            for (const PlanGoal& g : p.goals) {
                check_goal(scale, g);
                if (g.uuid.empty() || !uuids.insert(g.uuid).second)
                    refuse(format(tr(N_("The id {1} is used twice in the plan.")), {g.uuid}));
            }
            for (const PlanAction& a : p.actions) {
                check_action(scale, a);
                if (a.uuid.empty() || !uuids.insert(a.uuid).second)
                    refuse(format(tr(N_("The id {1} is used twice in the plan.")), {a.uuid}));
            }
        }
        // Mapped to the raters' ids the result uses: positions stand for ids here.
        std::vector<Rater> raters = r.raters;
        for (Rater& rater : raters) rater.id = rater.position;
        if (r.status == RoundStatus::Completed) check_completable(scale, result_of(raters, rec.ratings));
    } catch (const StoreError& e) {
        throw StoreError(StoreError::Kind::Invalid, format(tr(N_("Round {1}: {2}")), {r.uuid, e.what()}));
    }
}

}  // namespace fidelis::rules
