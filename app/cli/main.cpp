// fidelis-cli: the command line over the Fidelis libraries, for scripts, tests and
// network leaders who prefer a terminal. Output is machine-friendly; errors go to
// stderr with a non-zero exit code.
#include "commands.h"

#include "../core/errors.h"
#include "base/i18n.h"

#include <cstring>
#include <functional>
#include <iostream>
#include <map>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace {

using fidelis::cli::Args;
using fidelis::cli::Context;
using Handler = std::function<int(Args&, Context&)>;

struct Command {
    const char* words;  // "scales list"
    const char* synopsis;
    Handler run;
};

const std::vector<Command>& commands() {
    using namespace fidelis::cli;
    static const std::vector<Command> table = {
        {"scales list", N_("list the available scales: id, edition, languages, items, file"), scales_list},
        {"scales show", N_("show a scale's sections, items, anchors and bands: ID|FILE [--lang sv|en]"),
         scales_show},
        {"scales check", N_("validate scale files: FILE..."), scales_check},
        {"scales diff", N_("what changed between two definitions, item by item: OLD NEW (each an ID, a FILE, or with "
                           "--db FILE a content hash from round show)"),
         scales_diff},
        {"db init", N_("create a database for a county: --db FILE --county 06"), db_init},
        {"db check", N_("check a whole database for damage: --db FILE [--details]"), db_check},
        {"db copy", N_("copy a whole database, history and groupings included, file to server or server to file: "
                       "--from FILE|ADDRESS --to FILE|ADDRESS (a new file, or an empty database on a server)"),
         db_copy},
        {"server init", N_("set up an empty database on a PostgreSQL server for a county, as its owner: "
                           "--db postgresql://HOST/DATABASE --county 06"),
         server_init},
        {"server user add", N_("add a login, or change its role, teams and password, with the rights PostgreSQL "
                               "enforces: --db ADDRESS --login NAME --role team|leader|admin [--team ID]... "
                               "--password-stdin"),
         server_user_add},
        {"server user list", N_("list the logins: --db ADDRESS: login, role, team ids"), server_user_list},
        {"server user remove", N_("take a login's rights away: --db ADDRESS --login NAME"), server_user_remove},
        {"demo", N_("create the demo database (Jönköping county), or with --national a synthetic country of N teams "
                    "with M yearly rounds each: --db FILE [--seed N] [--national [--teams N] [--rounds M]]"),
         demo_command},
        {"teams", N_("list teams: --db FILE"), teams_list},
        {"team add", N_("add a team: --db FILE --municipality CODE --name NAME --method se|ips"), team_add},
        {"groupings", N_("list the groupings of municipalities: --db FILE: name, kind, member codes, member names"),
         groupings_list},
        {"grouping add", N_("add a grouping of one's own and print its id: --db FILE --name NAME --members CODE,CODE,... "
                            "[--kind association|custom]"),
         grouping_add},
        {"grouping edit", N_("change a grouping of one's own: --db FILE --name NAME [--rename NEW] "
                             "[--members CODE,CODE,...] [--kind association|custom]"),
         grouping_edit},
        {"grouping remove", N_("remove a grouping of one's own: --db FILE --name NAME"), grouping_remove},
        {"reviews due", N_("teams whose next review is due (6 months after a round below the good band, else 12), by "
                           "due date: --db FILE [--scale ID] [--today DATE] [--within DAYS]: team id, team, "
                           "municipality, scale, latest completed round, its total, review due, "
                           "overdue|due|upcoming, plan due (6 weeks after), made|missing"),
         reviews_due},
        {"rounds", N_("list rounds: --db FILE [--team ID]: id, team, date, scale, edition, review type, status"),
         rounds_list},
        {"round new", N_("start a round and print its id: --db FILE --team ID --scale ID --date YYYY-MM-DD "
                         "--type self|guided|external"),
         round_new},
        {"round show", N_("show a round: --db FILE --round ID"), round_show},
        {"plan suggest", N_("add the goals the analysis suggests (weakest and declining items) to a round's "
                            "improvement plan, all or none, and print them: --db FILE --round ID"),
         plan_suggest},
        {"round status", N_("move a round on: --db FILE --round ID --set draft|consensus|completed [--reason TEXT]"),
         round_status},
        {"rate", N_("record a rating: --db FILE --round ID --item ID [--level N] [--value X] [--checked a,b] "
                    "[--specialists v1;v2] [--input NAME=VALUE]... [--rater NAME | --consensus] [--note TEXT] "
                    "[--cannot-rate REASON]"),
         rate},
        {"consensus accept", N_("agree every item where all raters gave the same level (or all found it cannot be "
                                "rated) and that has no agreed level yet, with that as the rationale; prints the items "
                                "agreed: --db FILE --round ID"),
         consensus_accept},
        {"export", N_("write an exchange file: --db FILE [--team ID] [--round ID] --out FILE.xml"), export_command},
        {"import", N_("merge an exchange file: --db FILE [--dry-run] [--replace] FILE.xml"), import_command},
        {"csv", N_("write the CSV export, one row per item and rater, or with --wide one row per round: --db FILE "
                   "--out FILE.csv [--wide] [--comma] [--team ID] [--scale ID] [--from DATE] [--to DATE]; with --outcomes one row per team and quarter"),
         csv_command},
        {"history", N_("a round's history, oldest first: when, who, what, old value, new value: --db FILE --round ID"),
         history_command},
        {"outcomes", N_("list quarterly outcomes, one line per team and quarter: --db FILE [--team ID]: team, quarter, "
                        "served, working, studying, employment rate %, then served, working and studying as "
                        "women,men,other, referrals, job starts"),
         outcomes_list},
        {"outcomes set", N_("record a team's quarterly outcomes: --db FILE --team ID --quarter 2025Q3 --served W,M,O "
                            "--working W,M,O [--studying W,M,O] [--referrals N] [--job-starts N]"),
         outcomes_set},
        {"outcomes remove", N_("remove a team's outcomes for a quarter: --db FILE --team ID --quarter 2025Q3"),
         outcomes_remove},
        {"agreement", N_("how far a round's raters agree, one line per pair: --db FILE --round ID. Prints "
                         "pair<TAB>rater A<TAB>rater B<TAB>n<TAB>exact %<TAB>within one level %<TAB>quadratic-weighted "
                         "kappa, then mad<TAB>rater A<TAB>rater B<TAB>mean absolute difference; n counts the items both "
                         "rated with a level, numbers always with '.', \"undefined\" where a figure cannot be computed"),
         agreement_command},
        {"report round", N_("round report: --db FILE --round ID --out FILE.pdf|FILE.html [--lang sv|en]"), report_round},
        {"report trend", N_("trend report for a team: --db FILE --team ID [--scale ID] --out FILE.pdf|FILE.html"), report_trend},
        {"report county", N_("county comparison: --db FILE --scale ID [--from DATE --to DATE] [--method se|ips] "
                             "[--compare previous-round|previous-period|none | --compare-from DATE --compare-to DATE] "
                             "[--grouping NAME] [--only GROUPING] [--county CODE|all] [--coded [--seed N] "
                             "[--min-teams N] [--key FILE.csv|FILE.pdf|FILE.html]] --out FILE.pdf|FILE.html"),
         report_county},
        {"report agreement", N_("how far reviewers agree in a county, per reviewer pair and round, with the items "
                                "to calibrate and self-assessments against external reviews: --db FILE --scale ID "
                                "[--from DATE --to DATE] [--county CODE] --out FILE.pdf|FILE.html"),
         report_agreement},
        {"report plan", N_("improvement plan: --db FILE --round ID --out FILE.pdf|FILE.html"), report_plan},
        {"report scorecard", N_("one-page scorecard for a team: --db FILE --team ID --out FILE.pdf|FILE.html"),
         report_scorecard},
        {"report scorecards", N_("every team's scorecard, one page each, for a network meeting: --db FILE [--scale ID] "
                                 "--out FILE.pdf|FILE.html"),
         report_scorecards},
        {"plans", N_("every team's improvement plan with its overdue and upcoming actions: --db FILE [--team ID] "
                     "[--today DATE] [--within DAYS] [--overdue] [--all]; a team line (team, id, name, municipality, "
                     "plan's round date, goals, done/actions, overdue, due soon, next follow-up, plan-missing) and "
                     "an action line per unfinished action (action, team id, round id, item, due, status, state, "
                     "state in words, responsible, what)"),
         plans_overview},
        {"report plans", N_("the managers' overview of every team's plan, overdue and upcoming actions: --db FILE "
                            "[--team ID] [--within DAYS] [--all] --out FILE.pdf|FILE.html"),
         report_plans},
    };
    return table;
}

void print_usage(std::ostream& out) {
    out << fidelis::tr(N_("usage: fidelis-cli COMMAND [OPTIONS]")) << "\n\n";
    for (const auto& c : commands()) out << "  " << c.words << "\n      " << fidelis::tr(c.synopsis) << "\n";
    out << "\n" << fidelis::tr(N_("--db takes a file, or a county's database on a PostgreSQL server as a libpq "
                                   "address: postgresql://HOST/DATABASE?sslmode=verify-full, or service=NAME from "
                                   "pg_service.conf. Passwords come from the PostgreSQL password file (~/.pgpass), "
                                   "never from the command line."))
        << "\n";
    out << "\n" << fidelis::tr(N_("Every report also takes --lang sv|en, --today DATE, --organisation NAME and, for a PDF, "
                                   "--tagged (a structure tree for screen readers, about twice the size)."))
        << "\n";
}

}  // namespace

int main(int argc, char** argv) {
#ifdef _WIN32
    // The same bytes on every platform: lines end in \n, so a CSV or a script's output read
    // on Windows compares with Linux's (a Windows console shows \n as a new line too).
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
#endif
    std::vector<std::string> words(argv + 1, argv + argc);
    Context ctx{"en", std::cout, std::cerr};
    try {
        Args global(words);
        ctx.lang = fidelis::cli::take_language(global);
        words = global.positionals_and_options();
    } catch (const fidelis::cli::UsageError& e) {
        std::cerr << "fidelis-cli: " << e.what() << "\n";
        return 2;
    }
    fidelis::install_translator(fidelis::load_translator(ctx.lang));

    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        print_usage(words.empty() ? std::cerr : std::cout);
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "--version") {
        std::cout << "fidelis-cli " << FIDELIS_VERSION << "\n";
        return 0;
    }
    // The longest command whose words start the argument list.
    const Command* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& c : commands()) {
        std::vector<std::string> cw;
        for (const char* p = c.words; *p;) {
            const char* sp = std::strchr(p, ' ');
            cw.emplace_back(p, sp ? sp : p + std::strlen(p));
            p = sp ? sp + 1 : p + std::strlen(p);
        }
        if (cw.size() > words.size() || cw.size() <= best_len) continue;
        if (std::equal(cw.begin(), cw.end(), words.begin())) {
            best = &c;
            best_len = cw.size();
        }
    }
    if (!best) {
        std::cerr << "fidelis-cli: " << fidelis::format(fidelis::tr(N_("unknown command \"{1}\"")), {words[0]}) << "\n";
        print_usage(std::cerr);
        return 2;
    }
    Args args(std::vector<std::string>(words.begin() + long(best_len), words.end()));
    try {
        return best->run(args, ctx);
    } catch (const fidelis::cli::UsageError& e) {
        std::cerr << "fidelis-cli: " << e.what() << "\n";
        return 2;
    } catch (...) {
        std::cerr << "fidelis-cli: " << fidelis::current_error_text() << "\n";
        return 1;
    }
}
