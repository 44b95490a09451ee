#pragma once
// A round's change history in words, for people: the window's history viewer and
// `fidelis-cli history` show the same lines from this one function.
#include "base/i18n.h"
#include "store/store.h"

#include <string>
#include <vector>

namespace fidelis {

struct HistoryLine {
    std::string when;       // local time, "2026-03-14 09:12:05"
    std::string stored_at;  // as stored (UTC, ISO 8601), for sorting and machines
    std::string who;
    std::string what;       // "Item S1, Anna Berg: evidence"
    std::string old_value;
    std::string new_value;
};

// Oldest first. Codes (statuses, review types, levels) in the translator's language.
std::vector<HistoryLine> history_lines(Store& store, Id round, const Translator& t = translator());
// The stored UTC time as local time, "YYYY-MM-DD HH:MM:SS"; text that is not such a time
// comes back as it is.
std::string local_time_text(const std::string& iso_utc);

}  // namespace fidelis
