// Copying a database table by table, in the order their references need (store_copy.h).
#include "store_copy.h"

#include <string>
#include <vector>

namespace fidelis {
namespace {

// A table and its columns, each with how it is read and bound: i(nteger), r(eal), t(ext).
struct TableCopy {
    const char* name;
    std::vector<std::pair<const char*, char>> columns;
};

const std::vector<TableCopy>& tables() {
    static const std::vector<TableCopy> t = {
        {"meta", {{"key", 't'}, {"value", 't'}}},
        {"counties", {{"code", 't'}, {"name", 't'}}},
        {"municipalities", {{"code", 't'}, {"name", 't'}, {"county_code", 't'}}},
        {"groupings", {{"id", 'i'}, {"name", 't'}, {"kind", 't'}}},
        {"grouping_members", {{"grouping_id", 'i'}, {"municipality_code", 't'}}},
        {"teams", {{"id", 'i'}, {"uuid", 't'}, {"name", 't'}, {"municipality_code", 't'}, {"method", 't'},
                   {"active", 'i'}}},
        {"scale_snapshots", {{"hash", 't'}, {"scale_id", 't'}, {"edition", 't'}, {"definition", 't'}}},
        {"rounds", {{"id", 'i'}, {"uuid", 't'}, {"team_id", 'i'}, {"scale_hash", 't'}, {"assessed_on", 't'},
                    {"period_from", 't'}, {"period_to", 't'}, {"review_type", 't'}, {"status", 't'},
                    {"strengths", 't'}, {"recommendations", 't'}}},
        {"raters", {{"id", 'i'}, {"round_id", 'i'}, {"position", 'i'}, {"name", 't'}, {"role", 't'}}},
        {"ratings", {{"id", 'i'}, {"round_id", 'i'}, {"item_id", 't'}, {"rater_id", 'i'}, {"level", 'i'},
                     {"value", 'r'}, {"checked", 't'}, {"specialists", 't'}, {"cannot_rate", 'i'},
                     {"cannot_rate_reason", 't'}, {"evidence", 't'}, {"note", 't'}, {"rationale", 't'},
                     {"inputs", 't'}}},
        {"item_feedback", {{"round_id", 'i'}, {"item_id", 't'}, {"strengths", 't'}, {"recommendation", 't'}}},
        {"team_figures", {{"round_id", 'i'}, {"period_from", 't'}, {"period_to", 't'}, {"specialists", 'r'},
                          {"caseload", 'i'}, {"participants_women", 'i'}, {"participants_men", 'i'},
                          {"participants_other", 'i'}, {"work_women", 'i'}, {"work_men", 'i'}, {"work_other", 'i'},
                          {"studies_women", 'i'}, {"studies_men", 'i'}, {"studies_other", 'i'}}},
        {"plans", {{"id", 'i'}, {"uuid", 't'}, {"round_id", 'i'}, {"period_from", 't'}, {"period_to", 't'},
                   {"manager", 't'}, {"next_follow_up", 't'}}},
        {"plan_goals", {{"id", 'i'}, {"uuid", 't'}, {"plan_id", 'i'}, {"position", 'i'}, {"item_id", 't'},
                        {"current_level", 'i'}, {"target_level", 'i'}, {"target_date", 't'}, {"description", 't'}}},
        {"plan_actions", {{"id", 'i'}, {"uuid", 't'}, {"plan_id", 'i'}, {"position", 'i'}, {"item_id", 't'},
                          {"what", 't'}, {"responsible", 't'}, {"resources", 't'}, {"start_date", 't'},
                          {"due_date", 't'}, {"follow_up", 't'}, {"status", 't'}, {"comment", 't'},
                          {"carried_from", 't'}}},
        {"history", {{"id", 'i'}, {"at", 't'}, {"actor", 't'}, {"round_uuid", 't'}, {"entity", 't'},
                     {"entity_key", 't'}, {"field", 't'}, {"old_value", 't'}, {"new_value", 't'}}},
        {"team_outcomes", {{"team_id", 'i'}, {"year", 'i'}, {"quarter", 'i'}, {"served_women", 'i'},
                           {"served_men", 'i'}, {"served_other", 'i'}, {"working_women", 'i'}, {"working_men", 'i'},
                           {"working_other", 'i'}, {"studying_women", 'i'}, {"studying_men", 'i'},
                           {"studying_other", 'i'}, {"referrals", 'i'}, {"job_starts", 'i'}}},
    };
    return t;
}

// Tables whose ids a server draws from an identity: after the copy, the next id follows
// the copied ones.
bool has_identity(const TableCopy& t) { return t.columns.front().first == std::string("id"); }

}  // namespace

void copy_database(Database& from, Database& to, const Progress& progress) {
    Transaction tx(to);
    // A server's history trigger names the login and the time; a copy keeps who and when.
    if (to.dialect() == Dialect::PostgreSQL) to.exec("SET LOCAL fidelis.copying = on");
    const auto& all = tables();
    for (std::size_t n = 0; n < all.size(); ++n) {
        const TableCopy& t = all[n];
        std::string names, params;
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            names += (i ? ", " : "") + std::string(t.columns[i].first);
            params += (i ? ", ?" : "?") + std::to_string(i + 1);
        }
        std::string select = "SELECT " + names + " FROM " + t.name;
        // The schema version belongs to each database, not to the data.
        if (std::string(t.name) == "meta") select += " WHERE key <> 'schema_version'";
        Statement read(from, select.c_str());
        const std::string insert = std::string("INSERT INTO ") + t.name + " (" + names + ") VALUES (" + params + ")";
        Statement write(to, insert.c_str());
        while (read.step()) {
            write.reset();
            for (std::size_t i = 0; i < t.columns.size(); ++i) {
                const int c = static_cast<int>(i);
                if (read.is_null(c)) write.bind_null(c + 1);
                else if (t.columns[i].second == 'i') write.bind(c + 1, read.int64(c));
                else if (t.columns[i].second == 'r') write.bind(c + 1, read.real(c));
                else write.bind(c + 1, read.text(c));
            }
            write.run();
        }
        if (has_identity(t) && to.dialect() == Dialect::PostgreSQL) {
            const std::string next = std::string("SELECT setval(pg_get_serial_sequence('fidelis.") + t.name +
                                     "', 'id'), COALESCE((SELECT MAX(id) FROM " + t.name + "), 0) + 1, false)";
            Statement(to, next.c_str()).run();
        }
        report_progress(progress, double(n + 1) / double(all.size()));
    }
    // The planner's statistics, in the same transaction (ANALYZE counts its own inserts):
    // a server's autovacuum comes by only later, and until then it planned a national
    // comparison on a fresh copy ten times slower than after.
    if (to.dialect() == Dialect::PostgreSQL) {
        std::string names;
        for (const TableCopy& t : all) names += (names.empty() ? "fidelis." : ", fidelis.") + std::string(t.name);
        to.exec(("ANALYZE " + names).c_str());
    }
    tx.commit();
}

}  // namespace fidelis
