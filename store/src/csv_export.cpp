// The CSV export's two layouts (store/csv_export.h) over one selection of rounds.
#include "store/csv_export.h"

#include "base/i18n.h"
#include "store/rules.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace fidelis {
namespace {

bool is_number(const std::string& v) {
    double d = 0;
    const auto res = std::from_chars(v.data(), v.data() + v.size(), d);
    return !v.empty() && res.ec == std::errc() && res.ptr == v.data() + v.size();
}

std::string joined(const std::vector<std::string>& names, char s) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : std::string(1, s)) + csv_field(n, s);
    return out;
}

// A decimal as the separator's convention reads it: "2,5" beside ';' (Swedish Excel,
// read.csv2), "2.5" beside ','.
std::string decimal(double value, int decimals, char s) { return format_decimal(value, decimals, s == ';' ? "sv" : "en"); }

std::map<Id, Team> teams_by_id(Store& store) {
    std::map<Id, Team> teams;
    for (Team& t : store.teams()) teams.emplace(t.id, std::move(t));
    return teams;
}

std::size_t write_long(Store& store, std::ostream& out, const CsvOptions& options, const Progress& progress) {
    const char s = options.separator;
    out << "\xEF\xBB\xBF" << csv_header(s) << "\r\n";
    std::size_t rows = 0;
    const std::map<Id, Team> teams = teams_by_id(store);
    const std::vector<Round> rounds = csv_rounds(store, options);
    for (std::size_t n = 0; n < rounds.size(); ++n) {
        report_progress(progress, double(n) / double(rounds.size()));
        const Round& round = rounds[n];
        const Team& team = teams.at(round.team_id);
        const ScalePtr scale = store.scale_of(round);
        const std::vector<Rating> ratings = store.ratings(round.id);
        const auto result = rules::result_of(round.raters, ratings);  // from the same read
        const std::string prefix = csv_field(round.uuid, s) + s + csv_field(team.municipality_code, s) + s +
                                   csv_field(team.municipality_name, s) + s + csv_field(team.name, s) + s +
                                   csv_field(round.scale_id, s) + s + csv_field(round.edition, s) + s + round.assessed_on.iso() +
                                   s + code_of(round.review_type) + s;
        auto row = [&](const std::string& item, const std::string& rater, const std::optional<int>& level,
                       bool cannot_rate, const Rating* texts) {
            out << prefix << csv_field(item, s) << s << csv_field(rater, s) << s << (level && !cannot_rate ? std::to_string(*level) : "")
                << s << (cannot_rate ? "1" : "0");
            for (const std::string* text : {texts ? &texts->note : nullptr, texts ? &texts->evidence : nullptr,
                                            texts ? &texts->rationale : nullptr})
                out << s << (text ? csv_field(*text, s) : std::string());
            out << "\r\n";
            ++rows;
        };
        auto find = [&](const std::string& item, Id rater) {
            const auto it = std::find_if(ratings.begin(), ratings.end(),
                                         [&](const Rating& r) { return r.item_id == item && r.rater_id == rater; });
            return it == ratings.end() ? nullptr : &*it;
        };
        for (const Item& item : scale->items) {
            for (const Rater& rater : round.raters) {
                const Rating* r = find(item.id, rater.id);
                if (!r) row(item.id, rater.name, std::nullopt, false, nullptr);
                else row(item.id, rater.name, r->input.level, r->input.cannot_rate, r);
            }
            const Rating* consensus = find(item.id, consensus_rater);
            const auto res = result.find(item.id);
            if (res == result.end()) row(item.id, "consensus", std::nullopt, false, consensus);
            else row(item.id, "consensus", res->second.level, res->second.cannot_rate, consensus);
        }
    }
    return rows;
}

// The wide format's item and section columns: every scale the rounds use, in the order
// of its first round, each item and section once (editions share ids). An id two scales
// both use is prefixed with its scale ("ips-25.S1") so no column means two things.
struct WideColumns {
    struct Column {
        std::string scale_id;
        std::string id;
        std::string name;
    };
    std::vector<Column> items;
    std::vector<Column> sections;
};

WideColumns wide_columns(Store& store, const std::vector<Round>& rounds) {
    WideColumns cols;
    std::set<std::string> hashes;
    std::set<std::pair<std::string, std::string>> seen_items, seen_sections;
    for (const Round& r : rounds) {
        if (!hashes.insert(r.scale_hash).second) continue;
        const ScalePtr scale = store.scale_of(r);
        for (const Item& item : scale->items)
            if (seen_items.insert({scale->id, item.id}).second) cols.items.push_back({scale->id, item.id, item.id});
        for (const Section& section : scale->sections)
            if (seen_sections.insert({scale->id, section.id}).second)
                cols.sections.push_back({scale->id, section.id, "section_" + section.id});
    }
    for (auto* list : {&cols.items, &cols.sections}) {
        std::map<std::string, int> uses;
        for (const auto& c : *list) ++uses[c.name];
        for (auto& c : *list)
            if (uses[c.name] > 1) c.name = c.scale_id + "." + c.name;
    }
    return cols;
}

std::size_t write_wide(Store& store, std::ostream& out, const CsvOptions& options, const Progress& progress) {
    const char s = options.separator;
    const std::vector<Round> rounds = csv_rounds(store, options);
    const WideColumns cols = wide_columns(store, rounds);
    std::vector<std::string> header = {"round_id", "municipality_code", "municipality", "team", "date", "scale",
                                       "edition", "review_type", "status"};
    for (const auto& c : cols.items) header.push_back(c.name);
    for (const auto& c : cols.sections) header.push_back(c.name);
    for (const char* n : {"total", "band", "rated", "items", "cannot_rate_items"}) header.push_back(n);
    out << "\xEF\xBB\xBF" << joined(header, s) << "\r\n";

    const std::map<Id, Team> teams = teams_by_id(store);
    std::size_t rows = 0;
    for (std::size_t n = 0; n < rounds.size(); ++n) {
        report_progress(progress, double(n) / double(rounds.size()));
        const Round& round = rounds[n];
        const Team& team = teams.at(round.team_id);
        const ScalePtr scale = store.scale_of(round);
        const std::map<std::string, ItemRating> result = store.result_ratings(round.id);
        const Score score = fidelis::score(*scale, result);
        std::vector<std::string> cells = {round.uuid, team.municipality_code, team.municipality_name, team.name,
                                          round.assessed_on.iso(), round.scale_id, round.edition,
                                          code_of(round.review_type), code_of(round.status)};
        out << joined(cells, s);
        // A cell is empty for an item the round's scale lacks, an unrated one and one the
        // raters could not rate (those are listed in the last column), so R reads NA.
        for (const auto& c : cols.items) {
            const auto it = result.find(c.id);
            out << s << (c.scale_id == scale->id && it != result.end() && it->second.rated() ? std::to_string(*it->second.level) : "");
        }
        for (const auto& c : cols.sections) {
            const auto it = std::find_if(score.sections.begin(), score.sections.end(),
                                         [&](const SectionScore& sc) { return sc.section_id == c.id; });
            out << s << (c.scale_id == scale->id && it != score.sections.end() && it->rated > 0
                             ? decimal(it->value, scale->scoring.decimals, s)
                             : "");
        }
        std::string cannot;
        for (const std::string& id : score.cannot_rate) cannot += (cannot.empty() ? "" : " ") + id;
        out << s << (score.rated > 0 ? decimal(score.total, scale->scoring.decimals, s) : "") << s
            << (score.band ? csv_field(score.band->id, s) : "") << s << score.rated << s << score.items << s
            << csv_field(cannot, s) << "\r\n";
        ++rows;
    }
    return rows;
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
    return joined({"round_id", "municipality_code", "municipality", "team", "scale", "edition", "date", "review_type",
                   "item", "rater", "level", "cannot_rate", "note", "evidence", "rationale"},
                  s);
}

std::vector<Round> csv_rounds(Store& store, const CsvOptions& options) {
    if (options.team) store.team(*options.team);  // an unknown team is an error, not an empty file
    std::vector<Round> rounds = options.team ? store.rounds_of_team(*options.team) : store.all_rounds();
    rounds.erase(std::remove_if(rounds.begin(), rounds.end(),
                                [&](const Round& r) {
                                    return (!options.scale_id.empty() && r.scale_id != options.scale_id) ||
                                           (options.from && r.assessed_on < *options.from) ||
                                           (options.to && r.assessed_on > *options.to);
                                }),
                 rounds.end());
    return rounds;
}

std::size_t write_csv(Store& store, std::ostream& out, const CsvOptions& options, const Progress& progress) {
    if (options.from && options.to && *options.to < *options.from)
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("The period ends ({2}) before it starts ({1}).")), {options.from->iso(), options.to->iso()}));
    return options.layout == CsvLayout::Wide ? write_wide(store, out, options, progress)
                                             : write_long(store, out, options, progress);
}

}  // namespace fidelis
