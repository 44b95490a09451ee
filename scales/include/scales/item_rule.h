#pragma once
// Items scored by rules over named inputs (shape="rule"): IPS-25 O1's alternatives,
// V6's tracking cap and its threshold relative to the people looking for work. The
// rule is data from the definition file; this is its model, its evaluation, and the
// one text encoding of a rating's inputs that the database and exchange files share.
#include "scales/scale_text.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fidelis {

enum class InputKind {
    Number,  // a measured figure: days a week, contacts a week, a share in %
    Choice,  // one of named options
    YesNo,   // "yes" or "no"
    Count,   // how many of the listed components are in place
};

const char* to_string(InputKind kind);

struct InputOption {
    std::string value;  // what the command line and the files use, e.g. "teams1or2"
    LocalText label;
};

struct InputComponent {
    std::string id;
    LocalText text;
};

struct RuleInput {
    std::string name;
    InputKind kind = InputKind::Number;
    bool per_specialist = false;  // one value per employment specialist
    bool optional = false;        // a rule may hold without it
    LocalText label;
    LocalText unit;
    std::optional<double> min;  // Number: inclusive bounds of what may be entered
    std::optional<double> max;
    int decimals = 0;                         // Number: values are rounded to this many decimals
    std::vector<InputOption> options;         // Choice
    std::vector<InputComponent> components;  // Count: what is counted

    const InputOption* option(const std::string& value) const;
};

// One test on one input. A condition on an input that was not entered does not hold.
struct Condition {
    enum class Kind { Is, Range };
    Kind kind = Kind::Is;
    std::string input;
    std::vector<std::string> values;  // Is: holds when the input is any of these
    // Range: min <= v, v <= max, v < below, v > above; each bound given is tested.
    std::optional<double> min, max, below, above;
    // Range: every bound is multiplied by this input's value ("2 contacts a week per
    // person looking for work"). Empty: the bounds are plain numbers.
    std::string times;
};

// Holds when every one of its conditions holds.
struct Alternative {
    std::vector<Condition> conditions;
};

// A level holds when any of its alternatives holds; the item takes the highest level
// that holds.
struct RuleLevel {
    int level = 0;
    std::vector<Alternative> when;
};

// When `input` is one of `values`, the level is at most `max_level`.
struct Cap {
    std::string input;
    std::vector<std::string> values;
    int max_level = 0;
};

// How the specialists' levels combine when the rule has per-specialist inputs.
enum class MeanRounding {
    HalfUp,  // the nearest level, x.5 up: the manual's "closest scale point"
};

struct ItemRule {
    std::vector<RuleInput> inputs;
    std::vector<RuleLevel> levels;
    std::vector<Cap> caps;
    MeanRounding rounding = MeanRounding::HalfUp;

    const RuleInput* input(const std::string& name) const;
    bool per_specialist() const;
    // The input `--specialists` fills: the first per-specialist number.
    const RuleInput* specialist_input() const;
};

// A rating's inputs as entered: name → values (one per specialist for a
// per-specialist input, else exactly one). Values are canonical text.
using InputValues = std::map<std::string, std::vector<std::string>>;

// "name=v1;v2\nname2=v" in name order. Empty for no inputs.
std::string encode_inputs(const InputValues& values);
// nullopt when the text is not an encoding of inputs.
std::optional<InputValues> decode_inputs(const std::string& text);
// Parses "NAME=VALUE" or "NAME=v1;v2;v3" as given on the command line; nullopt when
// there is no '=' or no name.
std::optional<std::pair<std::string, std::vector<std::string>>> parse_input_assignment(const std::string& text);

// Checks names, kinds, bounds, options and the number of specialists, and returns the
// values in canonical form; throws Error with a user message naming the input. Inputs
// not yet given are no error here: evaluate_rule says what is missing.
InputValues checked_inputs(const ItemRule& rule, const InputValues& values, const std::string& lang);

struct RuleOutcome {
    std::optional<int> level;
    std::vector<int> specialist_levels;  // per-specialist rules: each specialist's level
    double mean = 0;                     // per-specialist rules: their mean before rounding
    // Why: "level 4: co-located at least 4 days a week" and any cap that applied.
    std::string explanation;
    // Why there is no level: which inputs are missing, or that no condition holds.
    std::string problem;
};

// The level the (checked) inputs give. `lang` picks the labels in the explanation.
RuleOutcome evaluate_rule(const ItemRule& rule, const InputValues& values, const std::string& lang);
// The level alone, without building the explanation: for scoring and checking.
std::optional<int> rule_level(const ItemRule& rule, const InputValues& values);
// A mean of levels rounded to the nearest level, x.5 up: the manual's "closest scale point".
int nearest_level(double mean);

// The rule in words, one line per level from the highest, then the caps and the mean.
std::vector<std::string> describe_rule(const ItemRule& rule, const std::string& lang);
// A condition in words, e.g. "share at least 90 %".
std::string describe_condition(const ItemRule& rule, const Condition& c, const std::string& lang);
// An input's allowed values in words: "separate | none | teams3plus | teams1or2",
// "number 0–100 %", "count 0–5".
std::string describe_input_values(const RuleInput& input, const std::string& lang);
// The inputs in words for a report: "attachment: 1–2 treatment teams; share: 60 %".
std::string describe_inputs(const ItemRule& rule, const InputValues& values, const std::string& lang);

// Trying inputs: every combination of the values the conditions' bounds make
// interesting (for one specialist; optional inputs also absent). `visit` gets each
// combination and the level it gives; returns false, trying nothing, when there would be
// more than `limit` combinations. The loader checks rules with it; the demo uses it
// to find inputs that give a chosen level.
bool try_rule_inputs(const ItemRule& rule, std::size_t limit,
                     const std::function<void(const InputValues&, std::optional<int> level)>& visit);

}  // namespace fidelis
