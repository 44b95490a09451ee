// What county and national comparisons read: one round per team, and its agreed levels.
#include "store_impl.h"

namespace fidelis {

namespace {

// Which round of each team a comparison reads.
enum class Pick {
    Latest,    // the newest matching round
    Previous,  // the matching round before it, at any earlier date, for teams whose newest lies in the period
};

// The rounds a comparison reads, with the teams' columns, in Swedish order by municipality.
// The newest matching round of each team; ties on the date go to the later row. For one
// county the rounds are reached through its teams (rounds_by_team), so a county's
// comparison reads that county's rounds, not the country's; in SQLite, CROSS JOIN fixes that
// order. PostgreSQL plans the order itself and knows no CROSS JOIN … ON. A parameter that may
// be NULL is compared with its column before it is tested for NULL: PostgreSQL takes its
// type from the first place it appears.
std::string county_rounds(Dialect dialect, const char* county_parameter) {
    return std::string(dialect == Dialect::SQLite
                           ? "FROM teams t CROSS JOIN municipalities m ON m.code = t.municipality_code CROSS JOIN "
                             "rounds r ON r.team_id = t.id "
                           : "FROM teams t JOIN municipalities m ON m.code = t.municipality_code JOIN rounds r ON "
                             "r.team_id = t.id ") +
           "JOIN scale_snapshots s ON s.hash = r.scale_hash WHERE m.county_code = " + county_parameter + " AND ";
}

std::string comparison_sql(const ResultQuery& q, Pick pick, Dialect dialect) {
    const char* national_rounds = "FROM rounds r JOIN scale_snapshots s ON s.hash = r.scale_hash JOIN teams t ON "
                                  "t.id = r.team_id JOIN municipalities m ON m.code = t.municipality_code WHERE ";
    const std::string county = county_rounds(dialect, "?5");
    const char* order = "OVER (PARTITION BY r.team_id ORDER BY r.assessed_on DESC, r.id DESC)";
    std::string chosen;
    if (pick == Pick::Latest) {
        chosen = std::string("WITH chosen AS (SELECT r.id, ROW_NUMBER() ") + order + " AS n " +
                 (q.county_code.empty() ? std::string(national_rounds) : county) +
                 "s.scale_id = ?1 AND (?2 = '' OR s.edition = ?2) AND (r.assessed_on >= ?3 OR ?3 IS NULL) AND (r.assessed_on <= ?4 "
                 "OR ?4 IS NULL) AND (?5 = '' OR m.county_code = ?5) AND (?6 = 0 OR r.status = "
                 "'completed')) ";
    } else {
        // The period's start bounds only the newest round: the one before it may be years older.
        chosen = std::string("WITH ordered AS (SELECT r.id, r.assessed_on, ROW_NUMBER() ") + order + " AS n, LEAD(r.id) " +
                 order + " AS before " + (q.county_code.empty() ? std::string(national_rounds) : county) +
                 "s.scale_id = ?1 AND (?2 = '' OR s.edition = ?2) AND (r.assessed_on <= ?4 OR ?4 IS NULL) AND (?5 = '' "
                 "OR m.county_code = ?5) AND (?6 = 0 OR r.status = 'completed')), chosen AS (SELECT o.before AS id, 1 "
                 "AS n FROM ordered o WHERE o.n = 1 AND o.before IS NOT NULL AND (o.assessed_on >= ?3 OR ?3 IS NULL)) ";
    }
    return chosen +
           "SELECT c.id, t.id, t.uuid, t.name, t.municipality_code, m.name, t.method, t.active, "
           "(SELECT COUNT(*) FROM raters x WHERE x.round_id = c.id), "
           "(SELECT MIN(x.id) FROM raters x WHERE x.round_id = c.id) "
           "FROM chosen c JOIN rounds r ON r.id = c.id JOIN teams t ON t.id = r.team_id JOIN municipalities m "
           "ON m.code = t.municipality_code WHERE c.n = 1 ORDER BY m.name COLLATE SWEDISH, t.name COLLATE SWEDISH";
}

}  // namespace

std::vector<TeamResult> Store::latest_results(const ResultQuery& q) { return comparison_results(q, false); }

std::vector<TeamResult> Store::previous_results(const ResultQuery& q) { return comparison_results(q, true); }

std::vector<TeamResult> Store::comparison_results(const ResultQuery& q, bool previous) {
    Database& db = impl_->db;
    const std::string sql = comparison_sql(q, previous ? Pick::Previous : Pick::Latest, db.dialect());
    Statement st(db, sql.c_str());
    st.with(q.scale_id, q.edition, iso(q.from), iso(q.to), q.county_code, q.completed_only ? 1 : 0);
    std::vector<TeamResult> out;
    std::map<Id, std::size_t> index;            // round id -> position in out
    std::map<Id, Id> single_rater;              // round id -> its only rater
    while (st.step()) {
        TeamResult tr;
        tr.team = Team{st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5),
                       method_from(st.text(6)).value_or(Method::SE), st.int64(7) != 0};
        tr.round.id = st.int64(0);
        if (st.integer(8) == 1) single_rater[tr.round.id] = st.int64(9);
        index[tr.round.id] = out.size();
        out.push_back(std::move(tr));
    }
    if (out.empty()) return out;
    // The chosen rounds, their figures and their agreed (and single-rater) ratings, each in
    // one query: on a server a query per round cost a round trip and the row-level
    // policies each time, which made a national comparison miss its 500 ms.
    std::vector<Id> ids;
    for (const auto& [round_id, pos] : index) ids.push_back(round_id);
    for (Round& round : impl_->load_rounds(ids)) out[index[round.id]].round = std::move(round);
    for (const TeamResult& tr : out)  // deleted meanwhile by someone else on the server
        if (tr.round.uuid.empty()) not_found(N_("There is no round with id {1}."), tr.round.id);
    if (!previous)  // a comparison reads only the latest round's
        for (auto& [round_id, figures] : impl_->load_figures(ids)) out[index[round_id]].figures = figures;
    Statement r(db, ("SELECT round_id, item_id, rater_id, level, cannot_rate, cannot_rate_reason FROM ratings "
                     "WHERE round_id IN (" + id_list(ids) + ")").c_str());
    std::map<Id, std::map<std::string, ItemRating>> consensus;
    while (r.step()) {
        const Id round_id = r.int64(0);
        ItemRating x;
        if (!r.is_null(3)) x.level = r.integer(3);
        x.cannot_rate = r.int64(4) != 0;
        x.cannot_rate_reason = r.text(5);
        if (r.is_null(2)) {
            consensus[round_id][r.text(1)] = x;
        } else if (const auto s = single_rater.find(round_id); s != single_rater.end() && s->second == r.int64(2)) {
            out[index[round_id]].result.emplace(r.text(1), x);
        }
    }
    for (auto& [round_id, items] : consensus)
        for (auto& [item, x] : items) out[index[round_id]].result[item] = x;
    return out;
}

std::vector<std::string> Store::scale_ids_in_use() {
    Statement st(impl_->db,
                 "SELECT s.scale_id FROM rounds r JOIN scale_snapshots s ON s.hash = r.scale_hash "
                 "GROUP BY s.scale_id ORDER BY MIN(r.assessed_on), MIN(r.id)");
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

std::vector<ScaleUse> Store::scale_use(const ResultQuery& q) {
    // As latest_results: one county's rounds through its teams, the country's in one pass.
    const std::string from = q.county_code.empty() ? "FROM rounds r JOIN scale_snapshots s ON s.hash = r.scale_hash WHERE "
                                                   : county_rounds(impl_->db.dialect(), "?3");
    Statement st(impl_->db,
                 ("SELECT r.team_id, MAX(CASE WHEN r.status = 'completed' AND (r.assessed_on <= ?2 OR ?2 IS NULL) "
                  "THEN r.assessed_on END) " + from + "s.scale_id = ?1 GROUP BY r.team_id").c_str());
    if (q.county_code.empty()) st.with(q.scale_id, iso(q.to));
    else st.with(q.scale_id, iso(q.to), q.county_code);
    std::vector<ScaleUse> out;
    while (st.step()) out.push_back(ScaleUse{st.int64(0), date_of(st.optional_text(1))});
    return out;
}

}  // namespace fidelis
