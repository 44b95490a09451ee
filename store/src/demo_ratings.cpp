#include "demo_ratings.h"

#include "scales/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <numeric>

namespace fidelis::demo {

std::vector<int> levels_for_total(const std::vector<double>& offsets, int total, int lo, int hi) {
    const int n = static_cast<int>(offsets.size());
    total = std::clamp(total, n * lo, n * hi);
    const double mean = double(total) / n;
    std::vector<double> want(offsets.size());
    std::vector<int> levels(offsets.size());
    int sum = 0;
    for (int i = 0; i < n; ++i) {
        want[i] = mean + offsets[i];
        levels[i] = std::clamp(int(std::floor(want[i])), lo, hi);
        sum += levels[i];
    }
    // Nudge the items furthest from their wish until the total is exact.
    while (sum != total) {
        int best = -1;
        double best_gap = 0;
        for (int i = 0; i < n; ++i) {
            const double gap = want[i] - levels[i];
            if (sum < total && levels[i] < hi && (best < 0 || gap > best_gap)) best = i, best_gap = gap;
            if (sum > total && levels[i] > lo && (best < 0 || gap < best_gap)) best = i, best_gap = gap;
        }
        if (best < 0) break;
        levels[best] += sum < total ? 1 : -1;
        sum += sum < total ? 1 : -1;
    }
    return levels;
}

namespace {

double value_in(Rng& rng, const NumericRange& r, int decimals) {
    const double step = std::pow(10.0, -decimals);
    const double lo = r.min.value_or(std::max(0.0, r.max.value_or(0) - 10));
    const double hi = r.max.value_or(lo + 12);
    const long steps = std::lround((hi - lo) / step);
    return std::round((lo + step * double(rng.between(0, int(std::max(0L, steps))))) / step) * step;
}

std::optional<double> value_for(Rng& rng, const NumericRule& rule, int level) {
    std::vector<const NumericRange*> fits;
    for (const auto& r : rule.ranges)
        if (r.level == level) fits.push_back(&r);
    if (fits.empty()) return std::nullopt;
    return value_in(rng, *rng.pick(fits), rule.decimals);
}

// Inputs that give each level, found once per definition and item: trying a rule's
// inputs takes a few milliseconds, and a national demo rates V6 tens of thousands of times.
const std::map<int, std::vector<InputValues>>& rule_samples(const Scale& scale, const Item& item) {
    static std::mutex guard;
    static std::map<std::string, std::map<int, std::vector<InputValues>>> cache;
    std::lock_guard<std::mutex> lock(guard);
    const std::string key = scale.content_hash + "/" + item.id;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    std::map<int, std::vector<InputValues>> by_level;
    // The plainest inputs that give each level (fewest inputs, then the smallest numbers
    // for their range),
    // as a reviewer would enter them: O1 at 5 is "one or two teams, 90 %", not 7 days on site.
    std::map<int, std::vector<std::pair<double, InputValues>>> ranked;
    try_rule_inputs(*item.rule, 200000, [&](const InputValues& iv, std::optional<int> level) {
        if (!level) return;
        double cost = 1000.0 * double(iv.size());
        for (const auto& [name, values] : iv)
            if (const RuleInput* in = item.rule->input(name); in && in->kind == InputKind::Number) {
                // Relative to what the input allows: 50 % of a share is plainer than 4 of 7 days.
                const double v = std::strtod(values.front().c_str(), nullptr);
                cost += in->max && *in->max > 0 ? v / *in->max : v;
            }
        ranked[*level].emplace_back(cost, iv);
    });
    for (auto& [level, list] : ranked) {
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        if (!list.empty()) by_level[level].push_back(list.front().second);
    }
    return cache.emplace(key, std::move(by_level)).first->second;
}

}  // namespace

ItemRating inputs_for(Rng& rng, const Scale& scale, const Item& item, int level, int specialists) {
    ItemRating r;
    r.level = level;
    switch (item.shape) {
    case ItemShape::Numeric:
        if (item.numeric) r.value = value_for(rng, *item.numeric, level);
        break;
    case ItemShape::Checklist: {
        if (!item.checklist) break;
        for (const auto& c : item.checklist->counts) {
            if (c.level != level) continue;
            const int count = rng.between(c.min, c.max);
            std::vector<std::string> ids;
            for (const auto& comp : item.checklist->components) ids.push_back(comp.id);
            while (int(ids.size()) > count) ids.erase(ids.begin() + long(rng.next() % ids.size()));
            r.checked = ids;
            break;
        }
        break;
    }
    case ItemShape::PerSpecialist: {
        // Specialists spread around the agreed level while their mean stays on it.
        std::vector<int> each(std::size_t(std::max(1, specialists)), level);
        for (std::size_t i = 0; i + 1 < each.size(); i += 2) {
            if (!rng.chance(0.6)) continue;
            if (each[i] < scale.max_level() && each[i + 1] > scale.min_level()) {
                ++each[i];
                --each[i + 1];
            }
        }
        for (int l : each) {
            if (item.basis == SpecialistBasis::Numeric && item.numeric) {
                const auto v = value_for(rng, *item.numeric, l);
                r.specialists.push_back(v.value_or(0));
            } else {
                r.specialists.push_back(l);
            }
        }
        if (const auto derived = level_for_specialists(item, r.specialists)) r.level = derived;
        break;
    }
    case ItemShape::Rule: {
        if (!item.rule) break;
        const auto& samples = rule_samples(scale, item);
        const auto at = samples.find(level);
        if (at == samples.end() || at->second.empty()) break;  // rated by level alone
        InputValues iv = at->second[rng.next() % at->second.size()];
        // Every specialist alike, so their mean is the level the sample gives.
        if (item.rule->per_specialist())
            for (auto& [name, values] : iv)
                if (const RuleInput* in = item.rule->input(name); in && in->per_specialist)
                    values.assign(std::size_t(std::max(1, specialists)), values.front());
        r.inputs = std::move(iv);
        break;
    }
    case ItemShape::Descriptive:
        break;
    }
    return r;
}

int rater_level(Rng& rng, int agreed, int lo, int hi) {
    const double x = rng.real();
    int delta = 0;
    if (x > 0.95) delta = rng.chance(0.5) ? 2 : -2;
    else if (x > 0.70) delta = rng.chance(0.5) ? 1 : -1;
    return std::clamp(agreed + delta, lo, hi);
}

std::string evidence_for(Rng& rng, const Item& item) {
    static const std::vector<std::string> by_source[] = {
        {"Verksamhetsstatistik för det senaste halvåret.", "Uppgifter ur ärendeförteckningen per arbetsspecialist."},
        {"Genomgång av tio slumpvis valda journaler.", "Läst rutiner, handlingsplaner och mötesanteckningar."},
        {"Intervju med arbetsspecialister och teamledare.", "Intervju med enhetschef och två deltagare."},
        {"Observation av arbetsgruppsmöte.", "Följde med en arbetsspecialist på arbetsgivarbesök."},
    };
    std::vector<int> kinds;
    for (const auto& s : item.sources) {
        if (s == "MIS") kinds.push_back(0);
        else if (s == "DOC") kinds.push_back(1);
        else if (s == "INT") kinds.push_back(2);
        else if (s == "OBS") kinds.push_back(3);
    }
    if (kinds.empty()) kinds.push_back(2);
    return rng.pick(by_source[rng.pick(kinds)]);
}

std::string note_for(Rng& rng, int level, int max_level) {
    static const std::vector<std::string> low = {
        "Saknas rutin; togs upp som utvecklingsområde.",
        "Görs sällan och beror på enskilda medarbetare.",
        "Teamet är medvetet om bristen men har inte hunnit ändra arbetssättet.",
    };
    static const std::vector<std::string> middle = {
        "Delvis på plats, men inte för alla deltagare.",
        "Fungerar bättre än förra året; dokumentationen släpar.",
        "Arbetssättet finns men följs inte upp systematiskt.",
    };
    static const std::vector<std::string> high = {
        "Väl fungerande och dokumenterat.",
        "Tydlig rutin som hela teamet använder.",
        "Styrka i teamet; kan delas med andra kommuner i länet.",
    };
    const double share = double(level) / max_level;
    return rng.pick(share <= 0.4 ? low : share < 0.8 ? middle : high);
}

std::string rationale_for(Rng& rng) {
    static const std::vector<std::string> texts = {
        "Bedömarna enades efter att ha gått igenom journalerna tillsammans.",
        "Enades om den lägre nivån eftersom rutinen inte är skriftlig.",
        "Intervjun med enhetschefen avgjorde; nivån gäller hela teamet.",
        "Statistiken visade att kriteriet uppfylls för de flesta deltagare.",
    };
    return rng.pick(texts);
}

}  // namespace fidelis::demo
