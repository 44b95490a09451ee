// The history in words (store/history_text.h): what each stored entity, key and field
// means, and old and new values with their codes in the reader's language.
#include "store/history_text.h"

#include <cstdio>
#include <ctime>
#include <map>

namespace fidelis {
namespace {

// What a stored field is called, as the window names it.
std::string field_words(const std::string& field, const Translator& t) {
    static const std::map<std::string, const char*> words = {
        {"rating", N_("rating")},
        {"evidence", N_("evidence")},
        {"note", N_("note")},
        {"rationale", N_("rationale")},
        {"strengths", N_("strengths")},
        {"recommendations", N_("recommendations")},
        {"recommendation", N_("recommendation")},
        {"date", N_("date")},
        {"period", N_("period")},
        {"review type", N_("review type")},
        {"status", N_("status")},
        {"created", N_("created")},
        {"added", N_("added")},
        {"removed", N_("removed")},
        {"imported", N_("imported")},
        {"replaced", N_("replaced")},
        {"reopened", N_("reopened")},
        {"deleted", N_("deleted")},
        {"goal", N_("changed")},
        {"action", N_("changed")},
        {"figures", N_("changed")},
        {"manager", N_("responsible manager")},
        {"next follow-up", N_("next follow-up")},
    };
    const auto it = words.find(field);
    return it == words.end() ? field : t.tr(it->second);
}

// What was changed: the item and rater, the goal's item, the action's text.
std::string subject(const HistoryEntry& h, const std::map<std::string, std::string>& actions, const Translator& t) {
    const std::string& key = h.key;
    if (h.entity == "rating") {
        const auto slash = key.find('/');
        return format(t.tr(N_("Item {1}, {2}")), {key.substr(0, slash), slash == std::string::npos ? "" : key.substr(slash + 1)});
    }
    if (h.entity == "consensus") return format(t.tr(N_("Item {1}, consensus")), {key});
    if (h.entity == "feedback") return format(t.tr(N_("Item {1}, feedback")), {key});
    if (h.entity == "round") return t.tr(N_("Round"));
    if (h.entity == "rater") return format(t.tr(N_("Rater {1}")), {key});
    if (h.entity == "plan") return t.tr(N_("Improvement plan"));
    if (h.entity == "figures") return t.tr(N_("Team figures"));
    if (h.entity == "goal") return key.empty() ? t.tr(N_("Goal")) : format(t.tr(N_("Goal for item {1}")), {key});
    if (h.entity == "action") {
        // Added under its text, changed and removed under its uuid.
        const auto it = actions.find(key);
        return format(t.tr(N_("Action \u201C{1}\u201D")), {it == actions.end() ? key : it->second});
    }
    return h.entity + " " + key;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// A value in words: statuses and review types by their names, a rating's stored summary
// ("level=3 value=23") as "level 3, value 23".
std::string value_words(const HistoryEntry& h, std::string value, const Translator& t) {
    if (value.empty()) return value;
    if (h.field == "status" || (h.field == "reopened" && value == "completed")) {
        if (const auto s = round_status_from(value)) return label_of(*s, t);
    }
    if (h.field == "review type") {
        if (const auto r = review_type_from(value)) return label_of(*r, t);
    }
    if (h.field == "reopened" && value.rfind("consensus: ", 0) == 0)
        return label_of(RoundStatus::Consensus, t) + ": " + value.substr(11);
    if (h.field == "rating") {
        value = " " + value.substr(value.find_first_not_of(' '));
        replace_all(value, " level=", ", " + t.tr(N_("level")) + " ");
        replace_all(value, " value=", ", " + t.tr(N_("value")) + " ");
        replace_all(value, " checked=", ", " + t.tr(N_("ticked")) + " ");
        replace_all(value, " specialists=", ", " + t.tr(N_("per specialist")) + " ");
        replace_all(value, " cannot-rate=", ", " + t.tr(N_("cannot rate")) + ": ");
        value = value.rfind(", ", 0) == 0 ? value.substr(2) : value.substr(1);
        if (!value.empty() && value.back() == ' ') value.pop_back();  // cannot rate, no reason given
        if (value.size() >= 1 && value.back() == ':') value.pop_back();
    }
    return value;
}

}  // namespace

std::string local_time_text(const std::string& iso) {
    std::tm tm{};
    if (iso.size() < 19 || iso[4] != '-' || iso[10] != 'T') return iso;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                    &tm.tm_sec) != 6)
        return iso;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
#ifdef _WIN32
    const std::time_t t = _mkgmtime(&tm);
    std::tm local{};
    if (t == -1 || localtime_s(&local, &t) != 0) return iso;
#else
    const std::time_t t = timegm(&tm);
    std::tm local{};
    if (t == -1 || !localtime_r(&t, &local)) return iso;
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &local);
    return buf;
}

std::vector<HistoryLine> history_lines(Store& store, Id round, const Translator& t) {
    const std::vector<HistoryEntry> entries = store.history(round);
    std::map<std::string, std::string> actions;  // uuid -> what, for the ones still in the plan
    for (const PlanAction& a : store.plan(round).actions) actions.emplace(a.uuid, a.what);
    for (const HistoryEntry& h : entries)  // and the ones removed since: their text when added
        if (h.entity == "action" && h.field == "removed" && !actions.count(h.key)) {
            const std::string& summary = h.old_value;
            actions.emplace(h.key, summary.substr(0, summary.find(" | ")));
        }
    std::vector<HistoryLine> out;
    out.reserve(entries.size());
    for (const HistoryEntry& h : entries) {
        HistoryLine line;
        line.stored_at = h.at;
        line.when = local_time_text(h.at);
        line.who = h.actor;
        line.what = subject(h, actions, t) + ": " + field_words(h.field, t);
        line.old_value = value_words(h, h.old_value, t);
        line.new_value = value_words(h, h.new_value, t);
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace fidelis
