// Comparing two definitions as a reviewer reads them: each difference in words, with
// the old and the new text, so a network can see what a revision changed before it
// trusts a trend across it.
#include "scales/scale_diff.h"

#include "base/i18n.h"

#include <algorithm>
#include <charconv>

namespace fidelis {
namespace {

std::string quoted(const std::string& s) { return "«" + s + "»"; }

void text_change(std::vector<std::string>& out, const std::string& what, const LocalText& a, const LocalText& b,
                 const std::string& lang) {
    if (a.all() == b.all()) return;
    out.push_back(format(tr(N_("{1}: {2} → {3}")), {what, quoted(a.get(lang)), quoted(b.get(lang))}));
}

void value_change(std::vector<std::string>& out, const std::string& what, const std::string& a, const std::string& b) {
    if (a != b) out.push_back(format(tr(N_("{1}: {2} → {3}")), {what, a.empty() ? "–" : a, b.empty() ? "–" : b}));
}

std::string numeric_text(const Item& item) {
    if (!item.numeric) return {};
    std::string s = "decimals=" + std::to_string(item.numeric->decimals);
    for (const auto& r : item.numeric->ranges)
        s += " " + std::to_string(r.level) + ":" + (r.min ? shortest_number(*r.min) : "") + ".." + (r.max ? shortest_number(*r.max) : "");
    return s;
}

std::string counts_text(const Item& item) {
    if (!item.checklist) return {};
    std::string s;
    for (const auto& c : item.checklist->counts)
        s += (s.empty() ? "" : " ") + std::to_string(c.level) + ":" + std::to_string(c.min) + ".." + std::to_string(c.max);
    return s;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::vector<std::string> item_changes(const Scale& sa, const Item& a, const Scale& sb, const Item& b,
                                      const std::string& lang) {
    std::vector<std::string> out;
    text_change(out, tr(N_("name")), a.name, b.name, lang);
    value_change(out, tr(N_("shape")), to_string(a.shape), to_string(b.shape));
    value_change(out, tr(N_("ranges")), numeric_text(a), numeric_text(b));
    if (a.checklist || b.checklist) {
        const auto* ca = a.checklist ? &a.checklist->components : nullptr;
        const auto* cb = b.checklist ? &b.checklist->components : nullptr;
        const std::size_t n = std::max(ca ? ca->size() : 0, cb ? cb->size() : 0);
        for (std::size_t i = 0; i < n; ++i) {
            const LocalText none;
            const LocalText& ta = ca && i < ca->size() ? (*ca)[i].text : none;
            const LocalText& tb = cb && i < cb->size() ? (*cb)[i].text : none;
            const std::string id = cb && i < cb->size() ? (*cb)[i].id : (*ca)[i].id;
            text_change(out, format(tr(N_("component {1}")), {id}), ta, tb, lang);
        }
        value_change(out, tr(N_("components present → level")), counts_text(a), counts_text(b));
    }
    const std::string ra = a.rule ? join(describe_rule(*a.rule, lang), "; ") : std::string();
    const std::string rb = b.rule ? join(describe_rule(*b.rule, lang), "; ") : std::string();
    if (ra != rb) out.push_back(format(tr(N_("rule: {1} → {2}")), {ra.empty() ? "–" : ra, rb.empty() ? "–" : rb}));
    for (const Level& l : sb.levels) {
        const LocalText none;
        const LocalText* ta = sa.anchor_text(a, l.value);
        const LocalText* tb = sb.anchor_text(b, l.value);
        text_change(out, format(tr(N_("anchor {1}")), {std::to_string(l.value)}), ta ? *ta : none, tb ? *tb : none, lang);
    }
    text_change(out, tr(N_("description")), a.description, b.description, lang);
    text_change(out, tr(N_("guidance")), a.guidance, b.guidance, lang);
    value_change(out, tr(N_("sources")), join(a.sources, " "), join(b.sources, " "));
    value_change(out, tr(N_("weight")), std::to_string(a.weight), std::to_string(b.weight));
    if (a.cannot_rate_allowed != b.cannot_rate_allowed)
        out.push_back(b.cannot_rate_allowed ? tr(N_("\"cannot rate\" is now allowed"))
                                            : tr(N_("\"cannot rate\" is no longer allowed")));
    return out;
}

std::string bands_text(const Scale& s) {
    std::string out;
    for (const auto& b : s.scoring.bands) out += (out.empty() ? "" : " ") + b.id + ":" + shortest_number(b.min) + ".." + shortest_number(b.max);
    return out;
}

}  // namespace

std::vector<std::string> ScaleDiff::affected_items() const {
    std::vector<std::string> out;
    for (const auto& c : changed_items) out.push_back(c.item_id);
    out.insert(out.end(), added_items.begin(), added_items.end());
    out.insert(out.end(), removed_items.begin(), removed_items.end());
    return out;
}

ScaleDiff diff_scales(const Scale& older, const Scale& newer, const std::string& lang) {
    ScaleDiff d;
    value_change(d.scale_changes, tr(N_("id")), older.id, newer.id);
    value_change(d.scale_changes, tr(N_("edition")), older.edition, newer.edition);
    text_change(d.scale_changes, tr(N_("title")), older.title, newer.title, lang);
    value_change(d.scale_changes, tr(N_("citation")), older.citation, newer.citation);
    text_change(d.scale_changes, tr(N_("provenance")), older.provenance, newer.provenance, lang);
    value_change(d.scale_changes, tr(N_("levels")),
                 std::to_string(older.min_level()) + "–" + std::to_string(older.max_level()),
                 std::to_string(newer.min_level()) + "–" + std::to_string(newer.max_level()));
    value_change(d.scale_changes, tr(N_("bands")), bands_text(older), bands_text(newer));
    if (const Revision* r = revision_since(older, newer))
        d.scale_changes.push_back(format(tr(N_("revision {1}: {2}")), {r->date, r->note.get(lang)}));
    for (const Item& b : newer.items) {
        const Item* a = older.item(b.id);
        if (!a) {
            d.added_items.push_back(b.id);
            continue;
        }
        auto changes = item_changes(older, *a, newer, b, lang);
        if (!changes.empty()) d.changed_items.push_back({b.id, std::move(changes)});
    }
    for (const Item& a : older.items)
        if (!newer.item(a.id)) d.removed_items.push_back(a.id);
    return d;
}

const Revision* revision_since(const Scale& older, const Scale& newer) {
    for (auto it = newer.revisions.rbegin(); it != newer.revisions.rend(); ++it) {
        const bool known = std::any_of(older.revisions.begin(), older.revisions.end(),
                                       [&](const Revision& r) { return r.date == it->date; });
        if (!known) return &*it;
    }
    return nullptr;
}

}  // namespace fidelis
