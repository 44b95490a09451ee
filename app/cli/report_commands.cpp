// fidelis-cli report …: the reports, as PDF or HTML by the --out extension.
#include "commands.h"

#include "reports/agreement.h"
#include "reports/render.h"
#include "reports/reports.h"
#include "base/atomic_file.h"
#include "base/error.h"
#include "base/i18n.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>

namespace fidelis::cli {
namespace {

Id id_option(Args& args, const char* name) {
    const std::string text = args.required(name);
    Id v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v <= 0)
        throw UsageError(format(tr(N_("{1} takes a number, not \"{2}\"")), {name, text}));
    return v;
}

// A whole number from min to max, for options such as --seed and --min-teams.
std::uint64_t whole_number(const char* name, const std::string& text, std::uint64_t min, std::uint64_t max) {
    std::uint64_t v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < min || v > max)
        throw UsageError(format(tr(N_("{1} takes a whole number from {2} to {3}, not \"{4}\"")),
                                {name, std::to_string(min), std::to_string(max), text}));
    return v;
}

std::optional<Date> date_option(Args& args, const char* name) {
    const auto v = args.option(name);
    if (!v) return std::nullopt;
    const auto d = Date::try_parse(*v);
    if (!d) throw UsageError(format(tr(N_("{1} takes a date as YYYY-MM-DD, not \"{2}\"")), {name, *v}));
    return d;
}

reports::ReportOptions options_for(Args& args, Context& ctx) {
    reports::ReportOptions o;
    o.lang = ctx.lang;
    if (const auto today = date_option(args, "--today")) o.today = *today;
    if (const auto org = args.option("--organisation")) o.organisation = *org;
    o.tagged_pdf = args.flag("--tagged");
    return o;
}

// Opens the database read-only (a report never changes it), takes --out and the common
// options, then writes the report.
int write_report(Args& args, Context& ctx,
                 const std::function<void(Store&, const std::string&, const reports::ReportOptions&)>& write,
                 const std::function<void(Args&)>& take_options) {
    Store::OpenOptions read_only;
    read_only.read_only = true;
    Store store = Store::open(args.required("--db"), read_only);
    take_options(args);
    const std::string out = args.required("--out");
    reports::format_of(out);  // refuses an ending other than .pdf or .html before any work
    const auto options = options_for(args, ctx);
    args.finish();
    write(store, out, options);
    ctx.out << out << '\n';
    return 0;
}

// A statistic for `agreement`'s machine-readable lines: always a '.', whatever --lang says;
// "undefined" where it cannot be computed (no common item, or kappa without expected
// disagreement), never NaN.
std::string statistic(std::optional<double> v, int decimals) {
    return v ? format_decimal(*v, decimals, "en") : std::string("undefined");
}

}  // namespace

int agreement_command(Args& args, Context& ctx) {
    Store::OpenOptions read_only;
    read_only.read_only = true;
    Store store = Store::open(args.required("--db"), read_only);
    const Id round_id = id_option(args, "--round");
    args.finish();
    const Round round = store.round(round_id);
    if (round.raters.size() < 2)
        throw Error(format(trn(N_("Round {1} has {2} rater; agreement needs two raters or more who rated on their own."),
                               N_("Round {1} has {2} raters; agreement needs two raters or more who rated on their own."),
                               static_cast<unsigned long>(round.raters.size())),
                           {std::to_string(round_id), std::to_string(round.raters.size())}));
    for (const reports::RaterPair& p : reports::round_agreement(store, round_id)) {
        const auto pct = [](std::optional<double> share) {
            return share ? std::optional<double>(*share * 100.0) : std::nullopt;
        };
        ctx.out << "pair\t" << p.a.name << '\t' << p.b.name << '\t' << p.stats.n << '\t'
                << statistic(pct(p.stats.exact_share()), 1) << '\t' << statistic(pct(p.stats.within_one_share()), 1) << '\t'
                << statistic(p.stats.kappa, 3) << '\n'
                << "mad\t" << p.a.name << '\t' << p.b.name << '\t' << statistic(p.stats.mean_abs_difference, 2) << '\n';
    }
    return 0;
}

int report_agreement(Args& args, Context& ctx) {
    reports::AgreementQuery q;
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_agreement_report(s, q, out, o); },
        [&](Args& a) {
            q.scale_id = a.required("--scale");
            q.from = date_option(a, "--from");
            q.to = date_option(a, "--to");
            q.county_code = a.option("--county").value_or("");
        });
}

int report_round(Args& args, Context& ctx) {
    Id round = 0;
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_round_report(s, round, out, o); },
        [&](Args& a) { round = id_option(a, "--round"); });
}

int report_trend(Args& args, Context& ctx) {
    Id team = 0;
    std::string scale;
    return write_report(
        args, ctx,
        [&](Store& s, const std::string& out, const auto& o) { reports::write_trend_report(s, team, scale, out, o); },
        [&](Args& a) {
            team = id_option(a, "--team");
            scale = a.option("--scale").value_or("");
        });
}

int report_county(Args& args, Context& ctx) {
    reports::CountyQuery q;
    std::optional<std::string> key;
    const int status = write_report(
        args, ctx,
        [&](Store& s, const std::string& out, const auto& o) {
            reports::write_county_report(s, q, out, o, key.value_or(""));
        },
        [&](Args& a) {
            q.scale_id = a.required("--scale");
            q.from = date_option(a, "--from");
            q.to = date_option(a, "--to");
            q.grouping = a.option("--grouping").value_or("");
            q.only_grouping = a.option("--only").value_or("");
            q.coded = a.flag("--coded");
            q.county_code = a.option("--county").value_or("");
            if (const auto m = a.option("--method")) {
                q.method = method_from(*m);
                if (!q.method) throw UsageError(format(tr(N_("--method must be se or ips, not \"{1}\"")), {*m}));
            }
            const auto compare = a.option("--compare");
            q.compare_from = date_option(a, "--compare-from");
            q.compare_to = date_option(a, "--compare-to");
            if (q.compare_from || q.compare_to) {
                if (!q.compare_from || !q.compare_to)
                    throw UsageError(tr(N_("--compare-from and --compare-to go together")));
                if (compare && *compare != "period")
                    throw UsageError(tr(N_("--compare-from and --compare-to choose the period to compare with; "
                                           "leave out --compare or give --compare period")));
                q.comparison = reports::Comparison::ChosenPeriod;
            } else if (compare) {
                if (*compare == "previous-round") q.comparison = reports::Comparison::PreviousRound;
                else if (*compare == "previous-period") q.comparison = reports::Comparison::PreviousPeriod;
                else if (*compare == "none") q.comparison = reports::Comparison::None;
                else if (*compare == "period")
                    throw UsageError(tr(N_("--compare period needs --compare-from DATE and --compare-to DATE")));
                else
                    throw UsageError(format(tr(N_("--compare must be previous-round, previous-period, period or "
                                                  "none, not \"{1}\"")),
                                            {*compare}));
                if (q.comparison == reports::Comparison::PreviousPeriod && !(q.from && q.to))
                    throw UsageError(tr(N_("--compare previous-period needs --from and --to")));
            }
            const auto min_teams = a.option("--min-teams");
            if (min_teams) q.min_teams = int(whole_number("--min-teams", *min_teams, 1, 1000));
            if (const auto seed = a.option("--seed"))
                q.seed = whole_number("--seed", *seed, 0, std::numeric_limits<std::uint64_t>::max());
            key = a.option("--key");
            if (!q.coded && (key || q.seed || min_teams))
                throw UsageError(tr(N_("--key, --seed and --min-teams are for a coded report: add --coded")));
            if (q.coded && !q.seed) q.seed = reports::new_seed();
        });
    if (q.coded) {
        if (key) ctx.out << *key << '\n';
        ctx.out << "seed\t" << *q.seed << '\n';
    }
    return status;
}

int report_plan(Args& args, Context& ctx) {
    Id round = 0;
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_plan_report(s, round, out, o); },
        [&](Args& a) { round = id_option(a, "--round"); });
}

int report_scorecard(Args& args, Context& ctx) {
    Id team = 0;
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_scorecard(s, team, out, o); },
        [&](Args& a) { team = id_option(a, "--team"); });
}

namespace {

// --team, --within and --all of the plans overview; --today is the report's own option.
reports::PlansQuery plans_query(Args& args) {
    reports::PlansQuery q;
    if (args.option("--team")) q.team = id_option(args, "--team");
    if (const auto w = args.option("--within")) q.upcoming_days = int(whole_number("--within", *w, 0, 3660));
    q.include_inactive = args.flag("--all");
    return q;
}

}  // namespace

int plans_overview(Args& args, Context& ctx) {
    Store::OpenOptions read_only;
    read_only.read_only = true;
    Store store = Store::open(args.required("--db"), read_only);
    reports::PlansQuery q = plans_query(args);
    if (const auto today = date_option(args, "--today")) q.today = *today;
    const bool overdue_only = args.flag("--overdue");
    args.finish();
    std::ostream& out = ctx.out;
    auto date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    for (const reports::TeamPlanStatus& s : reports::plans_overview(store, q)) {
        const int overdue = s.count(reports::ActionState::Overdue);
        if (overdue_only && overdue == 0) continue;
        out << "team\t" << s.team.id << '\t' << s.team.name << '\t' << s.team.municipality_name << '\t'
            << (s.plan_round ? s.plan_round->assessed_on.iso() : "") << '\t' << s.goals << '\t' << s.done << '/'
            << s.actions << '\t' << overdue << '\t' << s.count(reports::ActionState::Upcoming) << '\t'
            << date(s.next_follow_up) << '\t' << (s.plan_missing() ? "plan-missing" : "") << '\n';
        for (const reports::OpenAction& a : s.open) {
            if (overdue_only && a.state != reports::ActionState::Overdue) continue;
            std::string what = a.action.what;
            std::replace(what.begin(), what.end(), '\n', ' ');
            std::replace(what.begin(), what.end(), '\t', ' ');
            out << "action\t" << s.team.id << '\t' << a.round.id << '\t' << a.action.item_id << '\t'
                << date(a.action.due) << '\t' << code_of(a.action.status) << '\t' << reports::code_of(a.state) << '\t'
                << reports::label_of(a.state) << '\t' << a.action.responsible << '\t' << what << '\n';
        }
    }
    return 0;
}

int report_plans(Args& args, Context& ctx) {
    reports::PlansQuery q;
    return write_report(
        args, ctx,
        [&](Store& s, const std::string& out, const auto& o) {
            q.today = o.today;
            reports::write_plans_overview(s, q, out, o);
        },
        [&](Args& a) { q = plans_query(a); });
}

int report_scorecards(Args& args, Context& ctx) {
    std::string scale;
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_scorecards(s, scale, out, o); },
        [&](Args& a) { scale = a.option("--scale").value_or(""); });
}

}  // namespace fidelis::cli
