// The queries behind export, import, CSV, comparisons and reports reach the rows of the
// big tables through an index, so each command's time follows its own work and not the
// size of the database (issue 16). The SQL is not copied here: the test records every
// statement the store's connection actually runs (sqlite3_trace_v2) while it does the
// real work, then asks SQLite for each one's plan (EXPLAIN QUERY PLAN).
#include "store_fixture.h"
#include "sqlite_connection.h"  // store/src: the SQLite handle behind a store
#include "store_impl.h"         // store/src: StoreAccess

#include "reports/reports.h"
#include "store/csv_export.h"
#include "store/demo.h"
#include "store/exchange.h"

#include <sqlite3.h>

#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

// Tables that grow with the country: a scan of one of them inside a loop, or once per
// round or team, is what made export quadratic before (plan_goals and plan_actions).
const std::set<std::string> big_tables = {"teams",        "rounds",     "raters",       "ratings",
                                          "item_feedback", "team_figures", "plans",       "plan_goals",
                                          "plan_actions", "history",    "scale_snapshots"};

// Every statement a connection runs while the log lives, as prepared (with ?1, ?2…),
// with how often it ran.
struct Logged {
    std::string work;  // the work that ran it most often, to name it in a failure
    int runs = 0;      // in that work
    std::map<std::string, int> runs_by_work;
};

class StatementLog {
public:
    explicit StatementLog(Store& store) : db_(StoreAccess::database(store).sqlite()->handle()) {
        sqlite3_trace_v2(db_, SQLITE_TRACE_STMT, &StatementLog::on_statement, this);
    }
    ~StatementLog() { sqlite3_trace_v2(db_, 0, nullptr, nullptr); }
    StatementLog(const StatementLog&) = delete;
    StatementLog& operator=(const StatementLog&) = delete;
    const std::map<std::string, Logged>& statements() const { return sql_; }

private:
    static int on_statement(unsigned, void* self, void* stmt, void*) {
        auto* log = static_cast<StatementLog*>(self);
        if (const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt))) {
            Logged& entry = log->sql_[sql];
            const int runs = ++entry.runs_by_work[log->what_];
            if (runs > entry.runs) {
                entry.runs = runs;
                entry.work = log->what_;
            }
        }
        return 0;
    }

public:
    std::string what_;  // the work under way, to name it in a failure

private:
    sqlite3* db_;
    std::map<std::string, Logged> sql_;
};

struct PlanRow {
    int id = 0;
    int parent = 0;
    std::string detail;
};

std::vector<PlanRow> plan_of(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    const std::string explain = "EXPLAIN QUERY PLAN " + sql;
    REQUIRE(sqlite3_prepare_v2(db, explain.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::vector<PlanRow> rows;
    while (sqlite3_step(st) == SQLITE_ROW)
        rows.push_back({sqlite3_column_int(st, 0), sqlite3_column_int(st, 1),
                        reinterpret_cast<const char*>(sqlite3_column_text(st, 3))});
    sqlite3_finalize(st);
    return rows;
}

// Table names by the alias a statement gives them ("rounds r" -> r: rounds).
std::map<std::string, std::string> aliases(const std::string& sql) {
    static const std::set<std::string> keywords = {"where", "join", "left", "inner", "cross", "on", "order", "group",
                                                   "using", "limit", "natural", "set", "values", "union", "as"};
    static const std::regex from(R"(\b(?:FROM|JOIN)\s+([A-Za-z_]+)(?:\s+(?:AS\s+)?([A-Za-z_]+))?)", std::regex::icase);
    std::map<std::string, std::string> out;
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), from); it != std::sregex_iterator(); ++it) {
        const std::string table = (*it)[1];
        std::string alias = (*it)[2];
        std::string lower = alias;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out[table] = table;
        if (!alias.empty() && !keywords.count(lower)) out[alias] = table;
    }
    return out;
}

// The most times a statement that may read a whole table once runs in one piece of work
// (a comparison runs its query for the period and for the one before).
constexpr int once_per_command = 2;

// What is wrong with a statement's plan, or empty. A statement that runs once or twice
// per command may scan a big table in its first loop (one pass, as an export of every
// round must make); anywhere else, and in any statement run once per round, team or row,
// a scan repeats with the size of the country.
std::string scan_problem(sqlite3* db, const std::string& sql, int runs) {
    const std::vector<PlanRow> plan = plan_of(db, sql);
    const auto names = aliases(sql);
    bool outermost = true;
    std::ostringstream problems;
    for (const PlanRow& row : plan) {
        const bool scan = row.detail.rfind("SCAN ", 0) == 0;
        if (!scan && row.detail.rfind("SEARCH ", 0) != 0) continue;
        if (scan) {
            const std::string name = row.detail.substr(5, row.detail.find(' ', 5) - 5);
            const auto table = names.find(name);
            const std::string real = table == names.end() ? name : table->second;
            const bool allowed = runs <= once_per_command && outermost;
            if (big_tables.count(real) && !allowed)
                problems << "  " << row.detail << " (table " << real << ", run " << runs << " times)\n";
        }
        outermost = false;
    }
    std::string out = problems.str();
    if (!out.empty()) {
        std::ostringstream all;
        for (const PlanRow& row : plan) all << "    | " << row.detail << '\n';
        out += all.str();
    }
    return out;
}

void check_plans(Store& store, const StatementLog& log) {
    sqlite3* db = StoreAccess::database(store).sqlite()->handle();
    for (const auto& [sql, logged] : log.statements()) {
        const std::string first_word = sql.substr(0, sql.find(' '));
        if (first_word == "PRAGMA" || first_word == "BEGIN" || first_word == "COMMIT" || first_word == "ROLLBACK" ||
            first_word == "SAVEPOINT" || first_word == "RELEASE")
            continue;
        INFO(logged.work << ": " << sql);
        const std::string problem = scan_problem(db, sql, logged.runs);
        INFO(problem);
        CHECK(problem.empty());
    }
}

}  // namespace

TEST_CASE("Export, import, CSV, comparisons and reports use an index on every big table, never a scan per round") {
    TempDir dir;
    Store source = create_synthetic(db_path(dir, "nation.fidelis"), 7, 12, 3);
    std::string file;
    {
        StatementLog log(source);
        log.what_ = "opening and listing";
        source.teams();
        source.all_rounds();
        log.what_ = "export";
        file = export_rounds(source, all_ids(source));
        log.what_ = "csv";
        std::ostringstream csv;
        write_csv(source, csv, {});
        log.what_ = "comparisons";
        ResultQuery county{"ips-25", "", Date::try_parse("2018-01-01"), Date::try_parse("2030-12-31"), "06", true};
        source.latest_results(county);
        county.county_code.clear();
        source.latest_results(county);
        reports::ReportOptions options;
        options.lang = "en";
        log.what_ = "county report";
        reports::CountyQuery cq;
        cq.county_code = source.teams().front().municipality_code.substr(0, 2);
        reports::write_county_report(source, cq, (dir / "county.pdf").string(), options);
        log.what_ = "national report";
        cq.county_code = "all";
        reports::write_county_report(source, cq, (dir / "nation.pdf").string(), options);
        const Round round = source.all_rounds().back();
        log.what_ = "round report";
        reports::write_round_report(source, round.id, (dir / "round.pdf").string(), options);
        log.what_ = "trend report";
        reports::write_trend_report(source, round.team_id, "", (dir / "trend.pdf").string(), options);
        log.what_ = "plan report";
        reports::write_plan_report(source, round.id, (dir / "plan.pdf").string(), options);
        log.what_ = "scorecard";
        reports::write_scorecard(source, round.team_id, (dir / "scorecard.pdf").string(), options);
        log.what_ = "history";
        source.history(round.id);
        REQUIRE(log.statements().size() > 10);
        check_plans(source, log);
    }

    Store target = Store::create(db_path(dir, "network.fidelis"), "06");
    StatementLog log(target);
    log.what_ = "import into a fresh database";
    REQUIRE(import_exchange(target, file, "nation.xml", {}).count(ImportedRound::Outcome::Added) == 36);
    log.what_ = "re-import, dry run";
    ImportOptions dry;
    dry.dry_run = true;
    REQUIRE(import_exchange(target, file, "nation.xml", dry).count(ImportedRound::Outcome::Identical) == 36);
    log.what_ = "re-import with --replace";
    ImportOptions replace;
    replace.replace_conflicts = true;
    import_exchange(target, file, "nation.xml", replace);
    check_plans(target, log);
}
