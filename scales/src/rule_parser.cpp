// Reading and checking <rule>: see rule_parser.h. The checks run on the model, with
// the element kept beside each part so a complaint points at the line that causes it.
#include "rule_parser.h"

#include "definition_values.h"

#include "base/i18n.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <set>
#include <sstream>

namespace fidelis {
namespace {

// One end of an interval; `closed` when the end value itself belongs to it.
struct End {
    double value;
    bool closed;
};

struct Interval {
    End lo{-HUGE_VAL, false};
    End hi{HUGE_VAL, false};
};

Interval interval_of(const Condition& c) {
    Interval i;
    if (c.min) i.lo = {*c.min, true};
    if (c.above && (!c.min || *c.above >= *c.min)) i.lo = {*c.above, false};
    if (c.max) i.hi = {*c.max, true};
    if (c.below && (!c.max || *c.below <= *c.max)) i.hi = {*c.below, false};
    return i;
}

bool empty_interval(const Interval& i) {
    return i.lo.value > i.hi.value || (i.lo.value == i.hi.value && !(i.lo.closed && i.hi.closed));
}

bool intersect(const Interval& a, const Interval& b) {
    Interval x;
    x.lo = a.lo.value > b.lo.value ? a.lo : b.lo.value > a.lo.value ? b.lo : End{a.lo.value, a.lo.closed && b.lo.closed};
    x.hi = a.hi.value < b.hi.value ? a.hi : b.hi.value < a.hi.value ? b.hi : End{a.hi.value, a.hi.closed && b.hi.closed};
    return !empty_interval(x);
}

class RuleParser {
public:
    RuleParser(XmlReader& r, const Scale& s, std::string item_id) : r_(r), s_(s), item_(std::move(item_id)) {}

    ItemRule run(pugi::xml_node node) {
        r_.check_shape(node, {"input", "level", "cap"}, {"mean"});
        if (pugi::xml_attribute m = node.attribute("mean"); m && std::string(m.value()) != "half-up")
            r_.error(node, format(tr(N_("mean \"{1}\" is not known; use \"half-up\"")), {m.value()}));
        for (pugi::xml_node in : node.children("input")) read_input(in);
        if (rule_.inputs.empty()) r_.error(node, tr(N_("a <rule> needs at least one <input>")));
        for (pugi::xml_node ln : node.children("level")) read_level(ln);
        for (pugi::xml_node cn : node.children("cap")) read_cap(cn);
        if (r_.failed()) return rule_;
        check_levels_present(node);
        check_overlaps();
        if (!r_.failed()) check_reachable(node);
        return rule_;
    }

private:
    void read_input(pugi::xml_node n) {
        r_.check_shape(n, {"label", "unit", "option", "component"},
                       {"name", "kind", "per-specialist", "optional", "min", "max", "decimals"});
        RuleInput in;
        if (const auto name = r_.required(n, "name")) {
            in.name = *name;
            if (!valid_id(in.name))
                r_.error(n, format(tr(N_("input name \"{1}\" may only use letters, digits, '-', '_' and '.'")),
                                   {in.name}));
            if (rule_.input(in.name)) r_.error(n, format(tr(N_("input \"{1}\" is defined twice")), {in.name}));
        }
        if (const auto kind = r_.required(n, "kind")) {
            if (*kind == "number") in.kind = InputKind::Number;
            else if (*kind == "choice") in.kind = InputKind::Choice;
            else if (*kind == "yes-no") in.kind = InputKind::YesNo;
            else if (*kind == "count") in.kind = InputKind::Count;
            else r_.error(n, format(tr(N_("unknown input kind \"{1}\"; use number, choice, yes-no or count")), {*kind}));
        }
        in.per_specialist = r_.boolean(n, "per-specialist").value_or(false);
        in.optional = r_.boolean(n, "optional").value_or(false);
        in.label = r_.local_text(n, "label", s_.languages, true);
        in.unit = r_.local_text(n, "unit", s_.languages, false);
        const bool number = in.kind == InputKind::Number;
        if (!number && (n.attribute("min") || n.attribute("max") || n.attribute("decimals") || n.child("unit")))
            r_.error(n, tr(N_("min, max, decimals and <unit> apply only to number inputs")));
        in.min = r_.number(n, "min");
        in.max = r_.number(n, "max");
        in.decimals = static_cast<int>(r_.integer(n, "decimals", 0, 4).value_or(0));
        if (in.min && in.max && *in.min > *in.max) r_.error(n, tr(N_("the input's min is greater than its max")));
        for (pugi::xml_node o : n.children("option")) {
            r_.check_shape(o, {"label"}, {"value"});
            InputOption opt;
            if (const auto v = r_.required(o, "value")) {
                opt.value = *v;
                if (!valid_id(opt.value))
                    r_.error(o, format(tr(N_("option \"{1}\" may only use letters, digits, '-', '_' and '.'")),
                                       {opt.value}));
                if (in.option(opt.value)) r_.error(o, format(tr(N_("option \"{1}\" is listed twice")), {opt.value}));
            }
            opt.label = r_.local_text(o, "label", s_.languages, true);
            in.options.push_back(std::move(opt));
        }
        if (in.kind == InputKind::Choice && in.options.size() < 2)
            r_.error(n, tr(N_("a choice input needs at least two <option>s")));
        if (in.kind != InputKind::Choice && n.child("option"))
            r_.error(n.child("option"), tr(N_("<option> applies only to choice inputs")));
        for (pugi::xml_node c : n.children("component")) {
            r_.check_shape(c, {"text"}, {"id"});
            InputComponent comp;
            if (const auto id = r_.required(c, "id")) comp.id = *id;
            comp.text = r_.local_text(c, "text", s_.languages, true);
            in.components.push_back(std::move(comp));
        }
        if (in.kind == InputKind::Count && in.components.empty())
            r_.error(n, tr(N_("a count input needs the <component>s it counts")));
        if (in.kind != InputKind::Count && n.child("component"))
            r_.error(n.child("component"), tr(N_("<component> applies only to count inputs")));
        rule_.inputs.push_back(std::move(in));
    }

    int level_value(pugi::xml_node n, const char* attribute) { return level_attribute(r_, s_, n, attribute); }

    void read_level(pugi::xml_node n) {
        r_.check_shape(n, {"when"}, {"value"});
        RuleLevel level;
        level.level = level_value(n, "value");
        if (level.level == 0) return;
        for (const auto& l : rule_.levels)
            if (l.level == level.level)
                r_.error(n, format(tr(N_("level {1} is given twice in the rule; put its alternatives in one <level>")),
                                   {std::to_string(level.level)}));
        std::vector<pugi::xml_node> when_nodes;
        for (pugi::xml_node w : n.children("when")) {
            r_.check_shape(w, {"is", "range"}, {});
            Alternative alt;
            for (pugi::xml_node c : w.children()) {
                if (c.type() != pugi::node_element) continue;
                alt.conditions.push_back(read_condition(c));
            }
            level.when.push_back(std::move(alt));
            when_nodes.push_back(w);
        }
        if (level.when.empty())
            r_.error(n, format(tr(N_("level {1} has no <when>, so it can never be given")), {std::to_string(level.level)}));
        rule_.levels.push_back(std::move(level));
        level_nodes_.push_back(n);
        when_nodes_.push_back(std::move(when_nodes));
    }

    const RuleInput* known_input(pugi::xml_node n, const char* attribute) {
        const auto name = r_.required(n, attribute);
        if (!name) return nullptr;
        const RuleInput* in = rule_.input(*name);
        if (!in) {
            std::vector<std::string> names;
            for (const auto& i : rule_.inputs) names.push_back(i.name);
            std::string list;
            for (const auto& s : names) list += (list.empty() ? "" : ", ") + s;
            r_.error(n, format(tr(N_("item {1}: no input is named \"{2}\" (the rule has {3})")), {item_, *name, list}));
        }
        return in;
    }

    std::vector<std::string> known_values(pugi::xml_node n, const RuleInput& in) {
        std::vector<std::string> vs = split_words(n.attribute("value").value());
        if (vs.empty()) r_.required(n, "value");
        for (const auto& v : vs) {
            const bool ok = in.kind == InputKind::YesNo ? (v == "yes" || v == "no") : in.option(v) != nullptr;
            if (!ok) r_.error(n, format(tr(N_("\"{1}\" is not one of {2}'s values")), {v, in.name}));
        }
        return vs;
    }

    Condition read_condition(pugi::xml_node c) {
        Condition cond;
        const std::string kind = c.name();
        if (kind == "is") {
            r_.check_shape(c, {}, {"input", "value"});
            cond.kind = Condition::Kind::Is;
            const RuleInput* in = known_input(c, "input");
            if (!in) return cond;
            cond.input = in->name;
            if (in->kind != InputKind::Choice && in->kind != InputKind::YesNo) {
                r_.error(c, format(tr(N_("<is> tests choice and yes-no inputs; {1} is a {2}: use <range>")),
                                   {in->name, to_string(in->kind)}));
                return cond;
            }
            cond.values = known_values(c, *in);
            return cond;
        }
        r_.check_shape(c, {}, {"input", "min", "max", "below", "above", "times"});
        cond.kind = Condition::Kind::Range;
        const RuleInput* in = known_input(c, "input");
        if (!in) return cond;
        cond.input = in->name;
        if (in->kind != InputKind::Number && in->kind != InputKind::Count) {
            r_.error(c, format(tr(N_("<range> tests number and count inputs; {1} is a {2}: use <is>")),
                               {in->name, to_string(in->kind)}));
            return cond;
        }
        cond.min = r_.number(c, "min");
        cond.max = r_.number(c, "max");
        cond.below = r_.number(c, "below");
        cond.above = r_.number(c, "above");
        if (!cond.min && !cond.max && !cond.below && !cond.above)
            r_.error(c, tr(N_("a <range> needs min, max, below or above")));
        if (c.attribute("times")) {
            const RuleInput* t = known_input(c, "times");
            if (t && t->kind != InputKind::Number && t->kind != InputKind::Count)
                r_.error(c, format(tr(N_("times must name a number or count input, not {1}")), {t->name}));
            else if (t && t->name == in->name)
                r_.error(c, tr(N_("a range cannot be relative to its own input")));
            else if (t)
                cond.times = t->name;
        }
        if (cond.times.empty()) {
            Interval i = interval_of(cond);
            // What the input itself allows narrows what the condition can meet.
            if (in->min && i.lo.value < *in->min) i.lo = {*in->min, true};
            if (in->max && i.hi.value > *in->max) i.hi = {*in->max, true};
            if (empty_interval(i)) r_.error(c, format(tr(N_("this range of {1} can never hold")), {in->name}));
        }
        return cond;
    }

    void read_cap(pugi::xml_node n) {
        r_.check_shape(n, {}, {"input", "value", "level"});
        Cap cap;
        cap.max_level = level_value(n, "level");
        const RuleInput* in = known_input(n, "input");
        if (!in) return;
        cap.input = in->name;
        if (in->kind != InputKind::Choice && in->kind != InputKind::YesNo) {
            r_.error(n, tr(N_("a <cap> depends on a choice or yes-no input")));
            return;
        }
        cap.values = known_values(n, *in);
        rule_.caps.push_back(std::move(cap));
    }

    void check_levels_present(pugi::xml_node node) {
        for (const Level& l : s_.levels) {
            const bool present = std::any_of(rule_.levels.begin(), rule_.levels.end(),
                                             [&](const RuleLevel& rl) { return rl.level == l.value; });
            if (!present)
                r_.error(node, format(tr(N_("item {1}: level {2} is unreachable: the rule has no <level value=\"{2}\">")),
                                      {item_, std::to_string(l.value)}));
        }
    }

    // Plain bands of one input (a <when> with a single range) that meet at some value
    // belong to two levels at once: almost always a typing mistake in a threshold.
    void check_overlaps() {
        for (std::size_t i = 0; i < rule_.levels.size(); ++i)
            for (std::size_t j = i + 1; j < rule_.levels.size(); ++j)
                for (std::size_t a = 0; a < rule_.levels[i].when.size(); ++a)
                    for (std::size_t b = 0; b < rule_.levels[j].when.size(); ++b) {
                        const auto& x = rule_.levels[i].when[a].conditions;
                        const auto& y = rule_.levels[j].when[b].conditions;
                        if (x.size() != 1 || y.size() != 1) continue;
                        if (x[0].kind != Condition::Kind::Range || y[0].kind != Condition::Kind::Range) continue;
                        if (x[0].input != y[0].input || !x[0].times.empty() || !y[0].times.empty()) continue;
                        if (!intersect(interval_of(x[0]), interval_of(y[0]))) continue;
                        r_.error(when_nodes_[j][b],
                                 format(tr(N_("item {1}: levels {2} and {3} overlap on {4}: one value meets both")),
                                        {item_, std::to_string(rule_.levels[i].level),
                                         std::to_string(rule_.levels[j].level), x[0].input}));
                    }
    }

    void check_reachable(pugi::xml_node node) {
        std::set<int> reached;
        std::string gap;
        const bool tried = try_rule_inputs(rule_, 200000, [&](const InputValues& iv, std::optional<int> level) {
            if (level) {
                reached.insert(*level);
                return;
            }
            if (!gap.empty() || iv.size() != rule_.inputs.size()) return;
            for (const auto& [name, vs] : iv) gap += (gap.empty() ? "" : ", ") + name + "=" + vs.front();
        });
        if (!tried) return;  // too many combinations to try: the other checks still ran
        if (!gap.empty())
            r_.error(node, format(tr(N_("item {1}: no level holds when {2}")), {item_, gap}));
        for (std::size_t i = 0; i < rule_.levels.size(); ++i) {
            const int level = rule_.levels[i].level;
            if (!reached.count(level))
                r_.error(level_nodes_[i],
                         format(tr(N_("item {1}: level {2} can never be given: its conditions never hold, or a "
                                      "higher level's (or a cap) always wins")),
                                {item_, std::to_string(level)}));
        }
    }

    XmlReader& r_;
    const Scale& s_;
    std::string item_;
    ItemRule rule_;
    std::vector<pugi::xml_node> level_nodes_;
    std::vector<std::vector<pugi::xml_node>> when_nodes_;
};

}  // namespace

ItemRule read_rule(XmlReader& r, pugi::xml_node rule, const Scale& scale, const std::string& item_id) {
    return RuleParser(r, scale, item_id).run(rule);
}

}  // namespace fidelis
