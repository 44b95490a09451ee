// The outcomes CSV (store/csv_outcomes.h): its own file so the ratings CSV can change its
// columns without touching this one.
#include "store/csv_outcomes.h"

#include "base/i18n.h"

#include <map>

namespace fidelis {

std::string outcomes_csv_header(char s) {
    const char* names[] = {"team_id", "team_uuid", "municipality_code", "municipality", "team", "quarter",
                           "served_women", "served_men", "served_other", "served_total", "working_women",
                           "working_men", "working_other", "working_total", "studying_women", "studying_men",
                           "studying_other", "studying_total", "employment_rate", "referrals", "job_starts"};
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : std::string(1, s)) + n;
    return out;
}

std::size_t write_outcomes_csv(Store& store, std::ostream& out, const CsvOptions& options) {
    const char s = options.separator;
    out << "\xEF\xBB\xBF" << outcomes_csv_header(s) << "\r\n";
    std::map<Id, Team> teams;
    for (Team& t : store.teams()) teams.emplace(t.id, std::move(t));
    auto number = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    std::size_t rows = 0;
    for (const TeamOutcome& o : store.all_outcomes()) {
        const Team& team = teams.at(o.team_id);
        out << team.id << s << team.uuid << s << csv_field(team.municipality_code, s) << s
            << csv_field(team.municipality_name, s) << s << csv_field(team.name, s) << s << o.quarter.text();
        for (const GenderCount* c : {&o.served, &o.working, &o.studying})
            out << s << number(c->women) << s << number(c->men) << s << number(c->other) << s
                << (c->empty() ? std::string() : std::to_string(c->total()));
        const auto rate = o.employment_rate();
        out << s << (rate ? format_decimal(round_half_up(*rate, 1), 1, "en") : std::string()) << s
            << number(o.referrals) << s << number(o.job_starts) << "\r\n";
        ++rows;
    }
    return rows;
}

}  // namespace fidelis
