// A rating as text for side-by-side display of the raters (see rating_text.h).
#include "reports/rating_text.h"

#include "scales/item_rule.h"

namespace fidelis::reports {

std::string level_text(const ItemRating& rating, const Translator& t, bool with_reason) {
    if (rating.cannot_rate) {
        const std::string cannot = t.tr(N_("cannot rate"));
        return rating.cannot_rate_reason.empty() || !with_reason ? cannot : cannot + ": " + rating.cannot_rate_reason;
    }
    return rating.level ? std::to_string(*rating.level) : "\u2013";
}

std::string entered_text(const Item& item, const ItemRating& in, const Translator& t) {
    const std::string lang = t.language();
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    if (in.value && item.numeric) {
        const std::string unit = item.numeric->unit.get(lang);
        // As typed (22,5), not rounded to the rule's decimals: the rule rounds when it sets the level.
        add(typed_number(shortest_number(*in.value), lang) + (unit.empty() ? "" : " " + unit));
    }
    if (item.checklist && !in.checked.empty())
        // TRANSLATORS: components of a checklist item that are in place, e.g. "4 of 6 in place".
        add(format(t.tr(N_("{1} of {2} in place")),
                   {std::to_string(in.checked.size()), std::to_string(item.checklist->components.size())}));
    if (item.rule && !in.inputs.empty()) add(describe_inputs(*item.rule, in.inputs, lang));
    if (!in.specialists.empty()) {
        std::string values;
        for (double v : in.specialists) values += (values.empty() ? "" : ", ") + typed_number(shortest_number(v), lang);
        double mean = 0;
        level_for_specialists(item, in.specialists, &mean);
        add(values + " \u2014 " + format(t.tr(N_("mean level {1}")), {format_decimal(mean, 2, lang)}));
    }
    return out;
}

}  // namespace fidelis::reports
