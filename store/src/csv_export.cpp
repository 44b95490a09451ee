#include "store/csv_export.h"

#include "store/rules.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace fidelis {
namespace {

bool is_number(const std::string& v) {
    double d = 0;
    const auto res = std::from_chars(v.data(), v.data() + v.size(), d);
    return !v.empty() && res.ec == std::errc() && res.ptr == v.data() + v.size();
}

}  // namespace

// A text cell. Excel and LibreOffice run a cell that starts with = + - @ (or TAB or CR,
// which they skip first) as a formula: a network leader opening many teams' notes must
// not run one of them. Such a cell gets a leading apostrophe, which spreadsheets read as
// "text" and do not show; a cell that is a plain number stays a number.
std::string csv_field(const std::string& raw, char sep) {
    std::string value = raw;
    if (!value.empty() && std::string("=+-@\t\r").find(value.front()) != std::string::npos && !is_number(value))
        value.insert(value.begin(), '\'');
    const bool quote = value.find_first_of(std::string("\"\r\n") + sep) != std::string::npos;
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_header(char s) {
    const char* names[] = {"round_id", "municipality_code", "municipality", "team", "scale", "edition", "date",
                           "review_type", "item", "rater", "level", "cannot_rate", "note"};
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : std::string(1, s)) + n;
    return out;
}

std::size_t write_csv(Store& store, std::ostream& out, const CsvOptions& options) {
    const char s = options.separator;
    out << "\xEF\xBB\xBF" << csv_header(s) << "\r\n";
    std::size_t rows = 0;
    std::map<Id, Team> teams;
    for (Team& t : store.teams()) teams.emplace(t.id, std::move(t));
    for (const Round& round : store.all_rounds()) {
        const Team& team = teams.at(round.team_id);
        const ScalePtr scale = store.scale_of(round);
        const std::vector<Rating> ratings = store.ratings(round.id);
        const auto result = rules::result_of(round.raters, ratings);  // from the same read
        const std::string prefix = csv_field(round.uuid, s) + s + csv_field(team.municipality_code, s) + s +
                                   csv_field(team.municipality_name, s) + s + csv_field(team.name, s) + s +
                                   csv_field(round.scale_id, s) + s + csv_field(round.edition, s) + s + round.assessed_on.iso() +
                                   s + code_of(round.review_type) + s;
        auto row = [&](const std::string& item, const std::string& rater, const std::optional<int>& level,
                       bool cannot_rate, const std::string& note) {
            out << prefix << csv_field(item, s) << s << csv_field(rater, s) << s << (level && !cannot_rate ? std::to_string(*level) : "")
                << s << (cannot_rate ? "1" : "0") << s << csv_field(note, s) << "\r\n";
            ++rows;
        };
        for (const Item& item : scale->items) {
            for (const Rater& rater : round.raters) {
                const auto it = std::find_if(ratings.begin(), ratings.end(), [&](const Rating& r) {
                    return r.item_id == item.id && r.rater_id == rater.id;
                });
                if (it == ratings.end()) row(item.id, rater.name, std::nullopt, false, "");
                else row(item.id, rater.name, it->input.level, it->input.cannot_rate, it->note);
            }
            const auto consensus = std::find_if(ratings.begin(), ratings.end(), [&](const Rating& r) {
                return r.item_id == item.id && r.rater_id == consensus_rater;
            });
            const auto res = result.find(item.id);
            std::string note;
            if (consensus != ratings.end()) note = consensus->rationale.empty() ? consensus->note : consensus->rationale;
            if (res == result.end()) row(item.id, "consensus", std::nullopt, false, note);
            else row(item.id, "consensus", res->second.level, res->second.cannot_rate, note);
        }
    }
    return rows;
}

}  // namespace fidelis
