// Quarterly outcomes per team (store/outcomes.h): the quarter, the employment rate, and
// the store's upsert, removal and lists, each change in the history like any other edit.
#include "store/outcomes.h"

#include "store/rules.h"
#include "store_impl.h"

#include <cctype>
#include <charconv>

namespace fidelis {

std::optional<Quarter> Quarter::try_parse(std::string_view text) {
    if (text.size() < 6 || text.size() > 7) return std::nullopt;
    Quarter q;
    const auto res = std::from_chars(text.data(), text.data() + 4, q.year);
    if (res.ec != std::errc() || res.ptr != text.data() + 4) return std::nullopt;
    std::size_t at = 4;
    if (text.size() == 7) {
        if (text[at] != '-') return std::nullopt;
        ++at;
    }
    if (text.size() != at + 2 || (text[at] != 'Q' && text[at] != 'q')) return std::nullopt;
    const char digit = text[at + 1];
    if (digit < '1' || digit > '4') return std::nullopt;
    q.number = digit - '0';
    if (!q.valid()) return std::nullopt;
    return q;
}

Quarter Quarter::of(const Date& date) { return Quarter{date.year, (date.month - 1) / 3 + 1}; }

std::string Quarter::text() const { return std::to_string(year) + "Q" + std::to_string(number); }

Date Quarter::first_day() const { return Date{year, (number - 1) * 3 + 1, 1}; }

Date Quarter::last_day() const { return next().first_day().add_days(-1); }

Quarter Quarter::next() const { return number == 4 ? Quarter{year + 1, 1} : Quarter{year, number + 1}; }

std::optional<double> TeamOutcome::rate_of(const std::optional<int>& working, const std::optional<int>& served) {
    if (!working || !served || *served <= 0) return std::nullopt;
    return 100.0 * *working / *served;
}

std::optional<double> TeamOutcome::employment_rate() const {
    if (served.empty() || working.empty()) return std::nullopt;
    return rate_of(working.total(), served.total());
}

namespace {

std::string counts(const GenderCount& c) {
    return optional_text(c.women) + "," + optional_text(c.men) + "," + optional_text(c.other);
}

const char* const outcome_columns =
    "SELECT team_id, year, quarter, served_women, served_men, served_other, working_women, working_men, "
    "working_other, studying_women, studying_men, studying_other, referrals, job_starts FROM team_outcomes ";

TeamOutcome read_outcome(const Statement& st) {
    auto count = [&](int col) -> std::optional<int> {
        if (st.is_null(col)) return std::nullopt;
        return st.integer(col);
    };
    TeamOutcome o;
    o.team_id = st.int64(0);
    o.quarter = Quarter{st.integer(1), st.integer(2)};
    o.served = GenderCount{count(3), count(4), count(5)};
    o.working = GenderCount{count(6), count(7), count(8)};
    o.studying = GenderCount{count(9), count(10), count(11)};
    o.referrals = count(12);
    o.job_starts = count(13);
    return o;
}

std::string history_key(const Team& team, const Quarter& q) { return team.uuid + "/" + q.text(); }

}  // namespace

std::string TeamOutcome::summary() const {
    std::string s = "served " + counts(served) + "; working " + counts(working);
    if (!studying.empty()) s += "; studying " + counts(studying);
    if (referrals) s += "; referrals " + std::to_string(*referrals);
    if (job_starts) s += "; job starts " + std::to_string(*job_starts);
    return s;
}

std::optional<TeamOutcome> Store::outcome(Id team_id, const Quarter& quarter) {
    Statement st(impl_->db, (std::string(outcome_columns) + "WHERE team_id = ?1 AND year = ?2 AND quarter = ?3").c_str());
    st.with(team_id, quarter.year, quarter.number);
    if (!st.step()) return std::nullopt;
    return read_outcome(st);
}

void Store::set_outcome(const TeamOutcome& o) {
    rules::check_outcome(o);
    Transaction tx(impl_->db);
    const Team t = team(o.team_id);  // NotFound for an unknown team
    const std::optional<TeamOutcome> before = outcome(o.team_id, o.quarter);
    Statement(impl_->db,
              "INSERT INTO team_outcomes (team_id, year, quarter, served_women, served_men, served_other, "
              "working_women, working_men, working_other, studying_women, studying_men, studying_other, referrals, "
              "job_starts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
              "ON CONFLICT (team_id, year, quarter) DO UPDATE SET served_women = ?4, served_men = ?5, "
              "served_other = ?6, working_women = ?7, working_men = ?8, working_other = ?9, studying_women = ?10, "
              "studying_men = ?11, studying_other = ?12, referrals = ?13, job_starts = ?14")
        .with(o.team_id, o.quarter.year, o.quarter.number, o.served.women, o.served.men,
              o.served.other, o.working.women, o.working.men,
              o.working.other, o.studying.women, o.studying.men,
              o.studying.other, o.referrals, o.job_starts)
        .run();
    impl_->record("", "outcome", history_key(t, o.quarter), before ? "outcome" : "added",
                  before ? before->summary() : "", o.summary());
    tx.commit();
}

void Store::remove_outcome(Id team_id, const Quarter& quarter) {
    Transaction tx(impl_->db);
    const Team t = team(team_id);
    const std::optional<TeamOutcome> before = outcome(team_id, quarter);
    if (!before)
        throw StoreError(StoreError::Kind::NotFound, format(tr(N_("{1} has no outcomes for {2}.")), {t.name, quarter.text()}));
    Statement(impl_->db, "DELETE FROM team_outcomes WHERE team_id = ?1 AND year = ?2 AND quarter = ?3")
        .with(team_id, quarter.year, quarter.number)
        .run();
    impl_->record("", "outcome", history_key(t, quarter), "removed", before->summary(), "");
    tx.commit();
}

std::vector<TeamOutcome> Store::outcomes(Id team_id) {
    team(team_id);  // NotFound for an unknown team, rather than an empty list
    std::vector<TeamOutcome> out;
    Statement st(impl_->db, (std::string(outcome_columns) + "WHERE team_id = ?1 ORDER BY year, quarter").c_str());
    st.with(team_id);
    while (st.step()) out.push_back(read_outcome(st));
    return out;
}

std::vector<TeamOutcome> Store::all_outcomes() {
    std::map<Id, std::vector<TeamOutcome>> by_team;
    Statement st(impl_->db, (std::string(outcome_columns) + "ORDER BY team_id, year, quarter").c_str());
    while (st.step()) {
        TeamOutcome o = read_outcome(st);
        by_team[o.team_id].push_back(std::move(o));
    }
    // In the teams' order (municipality, then name), as every list of teams.
    std::vector<TeamOutcome> out;
    for (const Team& t : teams())
        if (auto it = by_team.find(t.id); it != by_team.end())
            out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
}

}  // namespace fidelis
