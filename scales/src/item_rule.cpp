// Evaluating item rules and the text form of their inputs. The evaluation is the
// published scale's own logic, written once: per specialist when the rule has
// per-specialist inputs (the caps apply to each specialist's level, since the manual
// rates each specialist against the whole anchor), then the mean, rounded half up.
#include "scales/item_rule.h"

#include "definition_values.h"

#include "base/error.h"
#include "base/i18n.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace fidelis {
namespace {

// Ids, and numbers as shortest_number writes them ("1e+20").
bool valid_value_text(const std::string& v) { return valid_id(v, "+"); }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// Locale-free; a decimal comma is accepted, since that is how Swedish users write.
std::optional<double> parse_number(std::string text) {
    std::replace(text.begin(), text.end(), ',', '.');
    if (text.empty() || text[0] == '+') return std::nullopt;
    double v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

const std::string& value_for(const InputValues& values, const RuleInput& in, std::size_t specialist) {
    static const std::string none;
    const auto it = values.find(in.name);
    if (it == values.end() || it->second.empty()) return none;
    if (!in.per_specialist) return it->second.front();
    return specialist < it->second.size() ? it->second[specialist] : none;
}

bool condition_holds(const ItemRule& rule, const Condition& c, const InputValues& values, std::size_t specialist,
                     std::vector<std::string>* missing) {
    const RuleInput* in = rule.input(c.input);
    if (!in) return false;
    const std::string& v = value_for(values, *in, specialist);
    if (v.empty()) {
        if (missing && std::find(missing->begin(), missing->end(), in->name) == missing->end())
            missing->push_back(in->name);
        return false;
    }
    if (c.kind == Condition::Kind::Is) return std::find(c.values.begin(), c.values.end(), v) != c.values.end();
    const auto x = parse_number(v);
    if (!x) return false;
    double factor = 1;
    if (!c.times.empty()) {
        const RuleInput* t = rule.input(c.times);
        const std::string& tv = t ? value_for(values, *t, specialist) : std::string();
        const auto f = parse_number(tv);
        if (!f) {
            if (t && missing && std::find(missing->begin(), missing->end(), t->name) == missing->end())
                missing->push_back(t->name);
            return false;
        }
        factor = *f;
    }
    const double eps = 1e-9;
    if (c.min && *x < *c.min * factor - eps) return false;
    if (c.max && *x > *c.max * factor + eps) return false;
    if (c.below && !(*x < *c.below * factor - eps)) return false;
    if (c.above && !(*x > *c.above * factor + eps)) return false;
    return true;
}

// By position, so an empty part keeps its place: "seekers=;2" is not "seekers=2".
std::string joined(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : std::string()) + parts[i];
    return out;
}

std::string input_label(const RuleInput& in, const std::string& lang) {
    return in.label.empty() ? in.name : in.label.get(lang);
}

// A number as few decimals as it needs: thresholds read "at least 4", not "at least 4.0".
std::string short_decimal(double x, int decimals, const std::string& lang) {
    std::string s = format_decimal(x, decimals, lang);
    if (s.find_first_of(".,") == std::string::npos) return s;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
    return s;
}

std::string value_label(const RuleInput& in, const std::string& v, const std::string& lang) {
    if (const InputOption* o = in.option(v)) return o->label.empty() ? o->value : o->label.get(lang);
    if (in.kind == InputKind::YesNo) return v == "yes" ? tr(N_("yes")) : tr(N_("no"));
    if (in.kind == InputKind::Number) {
        const auto x = parse_number(v);
        std::string s = x ? short_decimal(*x, in.decimals, lang) : v;
        if (!in.unit.empty()) s += " " + in.unit.get(lang);
        return s;
    }
    return v;
}

std::string alternative_text(const ItemRule& rule, const Alternative& a, const std::string& lang) {
    std::vector<std::string> parts;
    for (const auto& c : a.conditions) parts.push_back(describe_condition(rule, c, lang));
    return joined(parts, " " + tr(N_("and")) + " ");
}

struct SpecialistResult {
    std::optional<int> level;
    std::string why;
};

// `lang` null: the level alone, without the words (scoring, import, checking a rule).
SpecialistResult evaluate_one(const ItemRule& rule, const InputValues& values, std::size_t specialist,
                              const std::string* lang, std::vector<std::string>& missing) {
    SpecialistResult r;
    const RuleLevel* best = nullptr;
    const Alternative* because = nullptr;
    for (const auto& l : rule.levels) {
        if (best && l.level <= best->level) continue;
        for (const auto& a : l.when) {
            bool all = true;
            for (const auto& c : a.conditions)
                if (!condition_holds(rule, c, values, specialist, &missing)) all = false;
            if (all) {
                best = &l;
                because = &a;
                break;
            }
        }
    }
    if (!best) return r;
    r.level = best->level;
    if (lang && !because->conditions.empty()) r.why = alternative_text(rule, *because, *lang);
    for (const auto& cap : rule.caps) {
        const RuleInput* in = rule.input(cap.input);
        if (!in) continue;
        const std::string& v = value_for(values, *in, specialist);
        if (std::find(cap.values.begin(), cap.values.end(), v) == cap.values.end() || *r.level <= cap.max_level)
            continue;
        r.level = cap.max_level;
        if (lang)
            r.why = format(tr(N_("{1}, limited to {2} because {3} is {4}")),
                           {r.why, std::to_string(cap.max_level), input_label(*in, *lang), value_label(*in, v, *lang)});
    }
    return r;
}

}  // namespace

const char* to_string(InputKind kind) {
    switch (kind) {
    case InputKind::Number: return "number";
    case InputKind::Choice: return "choice";
    case InputKind::YesNo: return "yes-no";
    case InputKind::Count: return "count";
    }
    return "number";
}

const InputOption* RuleInput::option(const std::string& value) const {
    for (const auto& o : options)
        if (o.value == value) return &o;
    return nullptr;
}

const RuleInput* ItemRule::input(const std::string& name) const {
    for (const auto& in : inputs)
        if (in.name == name) return &in;
    return nullptr;
}

bool ItemRule::per_specialist() const {
    return std::any_of(inputs.begin(), inputs.end(), [](const RuleInput& in) { return in.per_specialist; });
}

const RuleInput* ItemRule::specialist_input() const {
    for (const auto& in : inputs)
        if (in.per_specialist && in.kind == InputKind::Number) return &in;
    return nullptr;
}

std::string encode_inputs(const InputValues& values) {
    std::string out;
    for (const auto& [name, vs] : values) {
        if (vs.empty()) continue;
        if (!out.empty()) out += '\n';
        out += name + "=" + joined(vs, ";");
    }
    return out;
}

std::optional<InputValues> decode_inputs(const std::string& text) {
    InputValues out;
    if (text.empty()) return out;
    for (const auto& line : split(text, '\n')) {
        const auto a = parse_input_assignment(line);
        if (!a || out.count(a->first)) return std::nullopt;
        for (const auto& v : a->second)
            if (!v.empty() && !valid_value_text(v)) return std::nullopt;
        out.insert(*a);
    }
    return out;
}

std::optional<std::pair<std::string, std::vector<std::string>>> parse_input_assignment(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos) return std::nullopt;
    const std::string name = trim(text.substr(0, eq));
    if (name.empty() || !valid_value_text(name)) return std::nullopt;
    std::vector<std::string> values;
    for (const auto& v : split(text.substr(eq + 1), ';')) values.push_back(trim(v));
    return std::make_pair(name, values);
}

InputValues checked_inputs(const ItemRule& rule, const InputValues& values, const std::string& lang) {
    InputValues out;
    std::optional<std::size_t> specialists;
    std::string first_specialist_input;
    for (const auto& [name, vs] : values) {
        const RuleInput* in = rule.input(name);
        if (!in) {
            std::vector<std::string> names;
            for (const auto& i : rule.inputs) names.push_back(i.name);
            throw Error(format(tr(N_("there is no input \"{1}\"; this item takes {2}")), {name, joined(names, ", ")}));
        }
        if (vs.empty()) continue;
        if (!in->per_specialist && vs.size() != 1)
            throw Error(format(tr(N_("{1} takes one value for the programme, not one per specialist")), {name}));
        if (in->per_specialist) {
            if (specialists && *specialists != vs.size())
                throw Error(format(tr(N_("{1} has {2} values but {3} has {4}: give one per specialist to both")),
                                   {name, std::to_string(vs.size()), first_specialist_input,
                                    std::to_string(*specialists)}));
            specialists = vs.size();
            first_specialist_input = name;
        }
        std::vector<std::string> canonical;
        bool any = false;
        for (const auto& raw : vs) {
            const std::string v = trim(raw);
            // An optional per-specialist input may be unknown for some specialists.
            if (v.empty() && in->per_specialist && in->optional) {
                canonical.emplace_back();
                continue;
            }
            if (v.empty()) throw Error(format(tr(N_("{1} has an empty value")), {name}));
            any = true;
            switch (in->kind) {
            case InputKind::Number:
            case InputKind::Count: {
                auto x = parse_number(v);
                if (!x) throw Error(format(tr(N_("{1} must be a number, not \"{2}\"")), {name, v}));
                if (in->kind == InputKind::Count) {
                    if (*x != std::floor(*x) || *x < 0 || *x > double(in->components.size()))
                        throw Error(format(tr(N_("{1} counts components: a whole number from 0 to {2}")),
                                           {name, std::to_string(in->components.size())}));
                } else {
                    x = round_half_up(*x, in->decimals);
                    if ((in->min && *x < *in->min) || (in->max && *x > *in->max))
                        throw Error(format(tr(N_("{1} must be within {2}")), {name, describe_input_values(*in, lang)}));
                }
                canonical.push_back(shortest_number(*x));
                break;
            }
            case InputKind::Choice:
                if (!in->option(v))
                    throw Error(format(tr(N_("{1} is one of {2}, not \"{3}\"")),
                                       {name, describe_input_values(*in, lang), v}));
                canonical.push_back(v);
                break;
            case InputKind::YesNo:
                if (v != "yes" && v != "no") throw Error(format(tr(N_("{1} is yes or no, not \"{2}\"")), {name, v}));
                canonical.push_back(v);
                break;
            }
        }
        if (any) out[name] = std::move(canonical);
    }
    return out;
}

namespace {

// `lang` null: the level alone (see evaluate_one).
RuleOutcome evaluate(const ItemRule& rule, const InputValues& values, const std::string* lang) {
    RuleOutcome out;
    std::size_t n = 1;
    if (rule.per_specialist()) {
        n = 0;
        for (const auto& in : rule.inputs) {
            const auto it = values.find(in.name);
            if (in.per_specialist && it != values.end()) n = std::max(n, it->second.size());
        }
        if (n == 0) {
            out.problem = tr(N_("no specialist's values are entered"));
            return out;
        }
    }
    std::vector<std::string> missing;
    for (const auto& in : rule.inputs) {
        const auto it = values.find(in.name);
        if (!in.optional && (it == values.end() || it->second.empty())) missing.push_back(in.name);
    }
    if (!missing.empty()) {
        out.problem = format(tr(N_("missing: {1}")), {joined(missing, ", ")});
        return out;
    }
    std::vector<std::string> whys;
    double sum = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const SpecialistResult r = evaluate_one(rule, values, s, lang, missing);
        if (!r.level) {
            out.specialist_levels.clear();
            out.problem = missing.empty()
                              ? tr(N_("no level's conditions hold for these inputs"))
                              : format(tr(N_("no level's conditions hold; missing: {1}")), {joined(missing, ", ")});
            if (n > 1) out.problem = format(tr(N_("specialist {1}: {2}")), {std::to_string(s + 1), out.problem});
            return out;
        }
        out.specialist_levels.push_back(*r.level);
        sum += *r.level;
        whys.push_back(r.why);
    }
    if (!rule.per_specialist()) {
        out.level = out.specialist_levels.front();
        if (!lang) return out;
        out.explanation = whys.front().empty() ? format(tr(N_("level {1}")), {std::to_string(*out.level)})
                                               : format(tr(N_("level {1}: {2}")), {std::to_string(*out.level), whys.front()});
        return out;
    }
    out.mean = sum / double(n);
    out.level = nearest_level(out.mean);
    if (!lang) return out;
    std::vector<std::string> each;
    for (std::size_t s = 0; s < n; ++s)
        each.push_back(format(tr(N_("specialist {1}: {2} ({3})")),
                              {std::to_string(s + 1), std::to_string(out.specialist_levels[s]), whys[s]}));
    out.explanation = format(tr(N_("level {1}: the mean {2} of the specialists' levels, rounded to the nearest; {3}")),
                             {std::to_string(*out.level), format_decimal(out.mean, 2, *lang), joined(each, "; ")});
    return out;
}

}  // namespace

int nearest_level(double mean) {
    // The epsilon keeps 3.4999999 (from 3 × 3.5 / 3) from rounding down.
    return static_cast<int>(std::floor(mean + 0.5 + 1e-9));
}

RuleOutcome evaluate_rule(const ItemRule& rule, const InputValues& values, const std::string& lang) {
    return evaluate(rule, values, &lang);
}

std::optional<int> rule_level(const ItemRule& rule, const InputValues& values) {
    return evaluate(rule, values, nullptr).level;
}

std::string describe_condition(const ItemRule& rule, const Condition& c, const std::string& lang) {
    const RuleInput* in = rule.input(c.input);
    if (!in) return c.input;
    const std::string name = input_label(*in, lang);
    if (c.kind == Condition::Kind::Is) {
        std::vector<std::string> labels;
        for (const auto& v : c.values) labels.push_back(value_label(*in, v, lang));
        return format(tr(N_("{1} is {2}")), {name, joined(labels, " " + tr(N_("or")) + " ")});
    }
    const RuleInput* t = c.times.empty() ? nullptr : rule.input(c.times);
    auto bound = [&](double b) {
        if (!t) return value_label(*in, shortest_number(b), lang);
        return format(tr(N_("{1} × {2}")), {format_decimal(b, b == std::floor(b) ? 0 : 1, lang), input_label(*t, lang)});
    };
    // The input's name once, then its bounds: "share at least 50 and below 90 %".
    std::vector<std::string> parts;
    if (c.min) parts.push_back(format(tr(N_("at least {1}")), {bound(*c.min)}));
    if (c.above) parts.push_back(format(tr(N_("more than {1}")), {bound(*c.above)}));
    if (c.max) parts.push_back(format(tr(N_("at most {1}")), {bound(*c.max)}));
    if (c.below) parts.push_back(format(tr(N_("below {1}")), {bound(*c.below)}));
    return name + " " + joined(parts, " " + tr(N_("and")) + " ");
}

std::vector<std::string> describe_rule(const ItemRule& rule, const std::string& lang) {
    std::vector<std::string> lines;
    std::vector<const RuleLevel*> levels;
    for (const auto& l : rule.levels) levels.push_back(&l);
    std::sort(levels.begin(), levels.end(), [](const RuleLevel* a, const RuleLevel* b) { return a->level > b->level; });
    for (const RuleLevel* l : levels) {
        std::vector<std::string> alts;
        for (const auto& a : l->when) alts.push_back(a.conditions.empty() ? tr(N_("always")) : alternative_text(rule, a, lang));
        lines.push_back(format(tr(N_("{1}: {2}")), {std::to_string(l->level), joined(alts, "; " + tr(N_("or")) + " ")}));
    }
    for (const auto& cap : rule.caps) {
        const RuleInput* in = rule.input(cap.input);
        if (!in) continue;
        std::vector<std::string> labels;
        for (const auto& v : cap.values) labels.push_back(value_label(*in, v, lang));
        lines.push_back(format(tr(N_("at most {1} when {2} is {3}")),
                               {std::to_string(cap.max_level), input_label(*in, lang),
                                joined(labels, " " + tr(N_("or")) + " ")}));
    }
    if (rule.per_specialist())
        lines.push_back(tr(N_("the highest level that holds, per specialist; the item is the mean of the specialists' "
                              "levels, rounded to the nearest (x.5 up)")));
    else
        lines.push_back(tr(N_("the item takes the highest level that holds")));
    return lines;
}

std::string describe_input_values(const RuleInput& in, const std::string& lang) {
    switch (in.kind) {
    case InputKind::Choice: {
        std::vector<std::string> vs;
        for (const auto& o : in.options) vs.push_back(o.value);
        return joined(vs, " | ");
    }
    case InputKind::YesNo: return "yes | no";
    case InputKind::Count: return format(tr(N_("count 0–{1}")), {std::to_string(in.components.size())});
    case InputKind::Number: break;
    }
    std::string range;
    if (in.min && in.max) range = format_decimal(*in.min, in.decimals, lang) + "–" + format_decimal(*in.max, in.decimals, lang);
    else if (in.min) range = format(tr(N_("at least {1}")), {format_decimal(*in.min, in.decimals, lang)});
    else if (in.max) range = format(tr(N_("at most {1}")), {format_decimal(*in.max, in.decimals, lang)});
    std::string s = range.empty() ? tr(N_("a number")) : format(tr(N_("a number {1}")), {range});
    if (!in.unit.empty()) s += " " + in.unit.get(lang);
    return s;
}

std::string describe_inputs(const ItemRule& rule, const InputValues& values, const std::string& lang) {
    std::vector<std::string> parts;
    for (const auto& in : rule.inputs) {
        const auto it = values.find(in.name);
        if (it == values.end() || it->second.empty()) continue;
        std::vector<std::string> vs;
        for (const auto& v : it->second) vs.push_back(v.empty() ? "–" : value_label(in, v, lang));
        parts.push_back(format(tr(N_("{1}: {2}")), {input_label(in, lang), joined(vs, "; ")}));
    }
    return joined(parts, " · ");
}

}  // namespace fidelis
