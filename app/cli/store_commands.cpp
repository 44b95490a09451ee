// fidelis-cli commands over the database: db, teams, rounds, ratings, exchange and CSV.
#include "commands.h"
#include "options.h"

#include "../core/exchange_files.h"
#include "../core/plan_work.h"
#include "base/atomic_file.h"
#include "base/date.h"
#include "base/i18n.h"
#include "scales/scale_library.h"
#include "scales/scoring.h"
#include "store/csv_export.h"
#include "store/csv_outcomes.h"
#include "store/demo.h"
#include "store/exchange.h"
#include "store/history_text.h"
#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

namespace fidelis::cli {

int db_init(Args& args, Context& ctx) {
    const std::string db = args.required("--db");
    const std::string county = args.required("--county");
    args.finish();
    Store store = Store::create(db, county);
    ctx.out << store.home_county().name << '\t' << db << '\n';
    return 0;
}

int db_check(Args& args, Context& ctx) {
    const bool details = args.flag("--details");
    Store store = open_store(args, true);
    args.finish();
    const std::vector<std::string> problems = store.check();
    if (problems.empty()) {
        ctx.out << "ok\t" << store.path() << '\n';
        return 0;
    }
    ctx.err << format(trn("The database {1} is damaged ({2} problem found). Open a backup copy instead.",
                          "The database {1} is damaged ({2} problems found). Open a backup copy instead.",
                          static_cast<unsigned long>(problems.size())),
                      {store.path(), std::to_string(problems.size())})
            << '\n';
    if (details)
        for (const std::string& p : problems) ctx.out << "problem\t" << p << '\n';
    return 1;
}

int demo_command(Args& args, Context& ctx) {
    const std::string db = args.required("--db");
    const auto seed = args.option("--seed");
    const bool national = args.flag("--national");
    const auto teams = args.option("--teams");
    const auto rounds = args.option("--rounds");
    args.finish();
    if (!national && (teams || rounds)) throw UsageError(tr(N_("--teams and --rounds go with --national")));
    const std::uint64_t s = seed ? std::uint64_t(parse_id(*seed, "--seed")) : 2017;
    // The synthetic country the benchmarks measure, so anyone can reproduce their figures.
    if (national)
        create_synthetic(db, s, teams ? parse_int(*teams, "--teams", 1, 100000) : 900,
                         rounds ? parse_int(*rounds, "--rounds", 1, 100) : 10);
    else
        create_demo(db, s);
    ctx.out << db << '\n';
    return 0;
}

int teams_list(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    args.finish();
    for (const Team& t : store.teams())
        ctx.out << t.id << '\t' << t.municipality_code << '\t' << t.municipality_name << '\t' << t.name << '\t'
                << code_of(t.method) << '\n';
    return 0;
}

int rounds_list(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    const auto team = args.option("--team");
    args.finish();
    const std::vector<Round> rounds = team ? store.rounds_of_team(parse_id(*team, "--team")) : store.all_rounds();
    for (const Round& r : rounds)
        ctx.out << r.id << '\t' << r.team_id << '\t' << r.assessed_on.iso() << '\t' << r.scale_id << '\t' << r.edition
                << '\t' << code_of(r.review_type) << '\t' << code_of(r.status) << '\n';
    return 0;
}

int team_add(Args& args, Context& ctx) {
    Store store = open_store(args);
    const std::string municipality = args.required("--municipality");
    const std::string name = args.required("--name");
    const std::string method_text = args.required("--method");
    args.finish();
    const auto method = method_from(method_text);
    if (!method) throw UsageError(format(tr(N_("--method must be se or ips, not \"{1}\"")), {method_text}));
    ctx.out << store.add_team(municipality, name, *method) << '\n';
    return 0;
}

int round_new(Args& args, Context& ctx) {
    Store store = open_store(args);
    const Id team = parse_id(args.required("--team"), "--team");
    const std::string scale_id = args.required("--scale");
    const auto edition = args.option("--edition");
    const Date date = parse_date(args.required("--date"), "--date");
    const std::string type_text = args.required("--type");
    const auto from = optional_date(args, "--period-from");
    const auto to = optional_date(args, "--period-to");
    args.finish();
    const auto type = review_type_from(type_text);
    if (!type) throw UsageError(format(tr(N_("--type must be self, guided or external, not \"{1}\"")), {type_text}));
    const ScaleLibrary lib = ScaleLibrary::discover();
    const ScaleEntry* scale = lib.find(scale_id, edition.value_or(""));
    if (!scale) throw Error(format(tr(N_("no scale with id \"{1}\"; see fidelis-cli scales list")), {scale_id}));
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = scale->scale;
    nr.assessed_on = date;
    nr.period_from = from;
    nr.period_to = to;
    nr.review_type = *type;
    ctx.out << store.create_round(nr) << '\n';
    return 0;
}

int rate(Args& args, Context&) {
    const Id round_id = parse_id(args.required("--round"), "--round");
    const std::string item = args.required("--item");
    const auto level = args.option("--level");
    const auto value = args.option("--value");
    const auto checked = args.option("--checked");
    const auto specialists = args.option("--specialists");
    const std::vector<std::string> input_args = args.options("--input");
    const auto rater_name = args.option("--rater");
    const auto role = args.option("--role");
    const bool consensus = args.flag("--consensus");
    const auto note = args.option("--note");
    const auto evidence = args.option("--evidence");
    const auto rationale = args.option("--rationale");
    const auto cannot_rate = args.option("--cannot-rate");
    const std::string db = args.required("--db");
    args.finish();
    if (consensus == bool(rater_name))
        throw UsageError(tr(N_("give either --rater NAME or --consensus")));
    // The rater rates: the history names them for this change.
    Store::OpenOptions open_options;
    if (rater_name) open_options.actor = *rater_name;
    Store store = Store::open(db, open_options);
    // A new rater and their first rating are one change: a refused rating adds no rater.
    Transaction tx = store.begin();

    Id rater_id = consensus_rater;
    if (rater_name) {
        const Round r = store.round(round_id);
        const Rater* rater = r.rater_named(*rater_name);
        rater_id = rater ? rater->id : store.add_rater(round_id, *rater_name, role.value_or(""));
    }
    Rating rating = store.rating(round_id, item, rater_id).value_or(Rating{});
    rating.item_id = item;
    rating.rater_id = rater_id;
    if (level) rating.input.level = parse_int(*level, "--level", INT32_MIN, INT32_MAX);
    if (value) rating.input.value = parse_number(*value, "--value");
    if (checked) {
        rating.input.checked.clear();
        std::stringstream ss(*checked);
        for (std::string c; std::getline(ss, c, ',');)
            if (!c.empty()) rating.input.checked.push_back(c);
    }
    const ScalePtr scale = store.scale_of(store.round(round_id));
    const Item* scale_item = scale->item(item);
    const ItemRule* rule = scale_item && scale_item->rule ? &*scale_item->rule : nullptr;
    if (specialists && rule && rule->specialist_input()) {
        // A rule item's --specialists fills its per-specialist number (V6: contacts a week).
        const auto a = parse_input_assignment(rule->specialist_input()->name + "=" + *specialists);
        rating.input.inputs[a->first] = a->second;
    } else if (specialists) {
        rating.input.specialists.clear();
        std::stringstream ss(*specialists);
        for (std::string c; std::getline(ss, c, ';');) rating.input.specialists.push_back(parse_number(c, "--specialists"));
    }
    for (const std::string& text : input_args) {
        const auto a = parse_input_assignment(text);
        if (!a) throw UsageError(format(tr(N_("--input needs NAME=VALUE (per specialist NAME=v1;v2), not \"{1}\"")), {text}));
        // NAME= with nothing after it takes the input away.
        if (a->second.size() == 1 && a->second.front().empty())
            rating.input.inputs.erase(a->first);
        else
            rating.input.inputs[a->first] = a->second;
    }
    const bool inputs_given = value || checked || specialists || !input_args.empty();
    if (inputs_given) {
        // The inputs decide the level unless one was given to check them against.
        if (!level) rating.input.level.reset();
    }
    if (cannot_rate) {
        rating.input.cannot_rate = true;
        rating.input.cannot_rate_reason = *cannot_rate;
    } else if (level || inputs_given) {
        rating.input.cannot_rate = false;
        rating.input.cannot_rate_reason.clear();
    }
    if (note) rating.note = *note;
    if (evidence) rating.evidence = *evidence;
    if (rationale) rating.rationale = *rationale;
    if (!rating.input.level && !rating.input.cannot_rate && !inputs_given)
        throw UsageError(
            tr(N_("give --level, an input (--value, --checked, --specialists, --input) or --cannot-rate REASON")));
    if (rule && !rating.input.inputs.empty() && !rating.input.cannot_rate && !rating.input.level) {
        // The window keeps inputs that give no level yet; a command says what is missing.
        // Values the rule refuses are left to the store, which names the item in its message.
        InputValues checked;
        try {
            checked = checked_inputs(*rule, rating.input.inputs, "en");
        } catch (const Error&) {
        }
        const RuleOutcome o = evaluate_rule(*rule, checked, "en");
        if (!checked.empty() && !o.level)
            throw Error(format(tr(N_("Item {1}: the inputs give no level yet ({2}); add the missing ones with --input")),
                               {item, o.problem}));
    }
    store.save_rating(round_id, rating);
    tx.commit();
    return 0;
}

int round_show(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    const Id round_id = parse_id(args.required("--round"), "--round");
    args.finish();
    const Round r = store.round(round_id);
    const Team team = store.team(r.team_id);
    const ScalePtr scale = store.scale_of(r);
    const std::string& lang = ctx.lang;
    std::ostream& out = ctx.out;
    out << "round\t" << r.id << '\n'
        << "uuid\t" << r.uuid << '\n'
        << "team\t" << team.id << '\t' << team.name << '\n'
        << "municipality\t" << team.municipality_code << '\t' << team.municipality_name << '\n'
        << "scale\t" << r.scale_id << '\t' << r.edition << '\t' << r.scale_hash << '\n'
        << "date\t" << r.assessed_on.iso() << '\n'
        << "period\t" << (r.period_from ? r.period_from->iso() : "") << '\t' << (r.period_to ? r.period_to->iso() : "")
        << '\n'
        << "review_type\t" << code_of(r.review_type) << '\t' << label_of(r.review_type) << '\n'
        << "status\t" << code_of(r.status) << '\t' << label_of(r.status) << '\n';
    for (const Rater& rater : r.raters) out << "rater\t" << rater.position << '\t' << rater.name << '\t' << rater.role << '\n';
    const Score score = fidelis::score(*scale, store.result_ratings(round_id));
    out << "total\t" << format_decimal(score.total, scale->scoring.decimals, "en") << '\t'
        << (score.complete() ? "complete" : "incomplete") << '\t' << score.rated << '/' << score.items << '\n';
    if (score.band) out << "band\t" << score.band->id << '\t' << score.band->label.get(lang) << '\n';
    for (const SectionScore& s : score.sections)
        out << "section\t" << s.section_id << '\t' << format_decimal(s.value, scale->scoring.decimals, "en") << '\t'
            << s.rated << '/' << s.items << '\n';
    const std::vector<Rating> ratings = store.ratings(round_id);
    for (const Item& item : scale->items) {
        for (const Rating& x : ratings) {
            if (x.item_id != item.id) continue;
            const Rater* rater = r.rater(x.rater_id);
            out << "rating\t" << item.id << '\t' << (rater ? rater->name : "consensus") << '\t'
                << (x.input.level && !x.input.cannot_rate ? std::to_string(*x.input.level) : "") << '\t'
                << (x.input.cannot_rate ? "cannot-rate: " + x.input.cannot_rate_reason : "") << '\t' << x.note << '\n';
            if (item.rule && !x.input.inputs.empty() && !x.input.cannot_rate) {
                // The inputs as entered, and the rule's own account of the level they give.
                const RuleOutcome o = evaluate_rule(*item.rule, x.input.inputs, lang);
                std::string encoded = encode_inputs(x.input.inputs);
                std::replace(encoded.begin(), encoded.end(), '\n', ' ');
                out << "inputs\t" << item.id << '\t' << (rater ? rater->name : "consensus") << '\t' << encoded << '\n'
                    << "derived\t" << item.id << '\t' << (rater ? rater->name : "consensus") << '\t'
                    << (o.level ? std::to_string(*o.level) : "") << '\t'
                    << (o.level ? o.explanation : o.problem) << '\n';
            }
        }
    }
    return 0;
}

int round_status(Args& args, Context&) {
    Store store = open_store(args);
    const Id round_id = parse_id(args.required("--round"), "--round");
    const std::string to = args.required("--set");
    const auto reason = args.option("--reason");
    args.finish();
    const auto status = round_status_from(to);
    if (!status) throw UsageError(format(tr(N_("--set must be draft, consensus or completed, not \"{1}\"")), {to}));
    if (store.round(round_id).status == RoundStatus::Completed && *status != RoundStatus::Completed) {
        if (!reason) throw UsageError(tr(N_("reopening a completed round needs --reason TEXT")));
        store.reopen(round_id, *reason);
    }
    store.set_status(round_id, *status);
    return 0;
}

int export_command(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    const auto team = args.option("--team");
    const auto round = args.option("--round");
    const std::string out = args.required("--out");
    args.finish();
    const core::ExportSelection selection =
        core::select_for_export(store, team ? std::optional<Id>(parse_id(*team, "--team")) : std::nullopt,
                                round ? std::optional<Id>(parse_id(*round, "--round")) : std::nullopt);
    core::export_to_file(store, selection, out);
    ctx.out << selection.rounds.size() << '\t' << out << '\n';
    return 0;
}

int import_command(Args& args, Context& ctx) {
    const std::string db = args.required("--db");
    ImportOptions options;
    options.dry_run = args.flag("--dry-run");
    options.replace_conflicts = args.flag("--replace");
    const auto files = args.positionals();
    if (files.size() != 1) throw UsageError(tr(N_("usage: fidelis-cli import --db FILE [--dry-run] [--replace] FILE.xml")));
    // A dry run is the real import, rolled back: it opens the database as the import would.
    Store store = Store::open(db);
    const ImportReport report = core::import_from_file(store, files[0], options);
    for (const ImportedRound& r : report.rounds) {
        ctx.out << code_of(r.outcome) << '\t' << r.uuid << '\t' << r.municipality_code << '\t' << r.team << '\t'
                << r.scale << '\t' << r.date.iso();
        if (!r.reason.empty()) ctx.out << '\t' << r.reason;
        ctx.out << '\n';
    }
    // A team's quarter: the same columns, "outcomes" and the quarter where a round has its scale and date.
    for (const ImportedOutcome& o : report.outcomes) {
        ctx.out << code_of(o.outcome) << '\t' << o.team_uuid << '\t' << o.municipality_code << '\t' << o.team
                << "\toutcomes\t" << o.quarter.text();
        if (!o.reason.empty()) ctx.out << '\t' << o.reason;
        ctx.out << '\n';
    }
    ctx.err << core::import_summary(report, options.dry_run) << '\n';
    if (!report.outcomes.empty()) ctx.err << core::outcomes_summary(report) << '\n';
    using O = ImportedRound::Outcome;
    if ((report.count(O::Conflict) || report.count_outcomes(O::Conflict)) && !options.replace_conflicts)
        ctx.err << tr(N_("Conflicting rounds were left as they are; run again with --replace to take the file's version."))
                << '\n';
    return 0;
}

int csv_command(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    const std::string out = args.required("--out");
    CsvOptions options;
    if (args.flag("--comma")) options.separator = ',';
    // Outcomes are a file of their own: one row per team and quarter, not per rating.
    const bool outcomes = args.flag("--outcomes");
    if (args.flag("--wide")) options.layout = CsvLayout::Wide;
    if (const auto team = args.option("--team")) options.team = parse_id(*team, "--team");
    if (const auto scale = args.option("--scale")) {
        // A mistyped scale would give an empty file that looks like "no rounds".
        const auto in_use = store.scale_ids_in_use();
        if (std::find(in_use.begin(), in_use.end(), *scale) == in_use.end() && !ScaleLibrary::discover().find(*scale))
            throw UsageError(format(tr(N_("--scale: there is no scale \"{1}\" (see fidelis-cli scales list)")), {*scale}));
        options.scale_id = *scale;
    }
    options.from = optional_date(args, "--from");
    options.to = optional_date(args, "--to");
    args.finish();
    AtomicFile file(path_from_utf8(out));
    const std::size_t rows =
        outcomes ? write_outcomes_csv(store, file.stream(), options) : write_csv(store, file.stream(), options);
    file.commit();
    ctx.out << rows << '\t' << out << '\n';
    return 0;
}

// The round's history as the window's history viewer shows it, one change a line.
int history_command(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    const Id round_id = parse_id(args.required("--round"), "--round");
    args.finish();
    // Tabs and line breaks inside a text would break the columns: shown as the spaces they were.
    auto cell = [](std::string text) {
        for (char& c : text)
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        return text;
    };
    for (const HistoryLine& h : history_lines(store, round_id))
        ctx.out << h.when << '\t' << cell(h.who) << '\t' << cell(h.what) << '\t' << cell(h.old_value) << '\t'
                << cell(h.new_value) << '\n';
    return 0;
}

}  // namespace fidelis::cli

namespace fidelis::cli {

// As the window's "Suggest from weakest and declining items" (app/core/plan_work.h).
int plan_suggest(Args& args, Context& ctx) {
    Store store = open_store(args);
    const Id round = parse_id(args.required("--round"), "--round");
    args.finish();
    const std::size_t before = store.plan(round).goals.size();
    core::add_suggested_goals(store, round, ctx.lang);
    const ImprovementPlan plan = store.plan(round);
    for (std::size_t i = before; i < plan.goals.size(); ++i) {
        const PlanGoal& g = plan.goals[i];
        ctx.out << g.item_id << '\t' << (g.current_level ? std::to_string(*g.current_level) : "") << '\t'
                << (g.target_level ? std::to_string(*g.target_level) : "") << '\t' << g.description << '\n';
    }
    return 0;
}

}  // namespace fidelis::cli
