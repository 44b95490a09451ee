// fidelis-cli report …: the reports, as PDF or HTML by the --out extension.
#include "commands.h"

#include "reports/render.h"
#include "reports/reports.h"
#include "base/i18n.h"

#include <charconv>
#include <functional>
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

}  // namespace

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
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_county_report(s, q, out, o); },
        [&](Args& a) {
            q.scale_id = a.required("--scale");
            q.from = date_option(a, "--from");
            q.to = date_option(a, "--to");
            q.grouping = a.option("--grouping").value_or("");
            q.only_grouping = a.option("--only").value_or("");
            q.coded = a.flag("--coded");
            q.county_code = a.option("--county").value_or("");
        });
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

int report_scorecards(Args& args, Context& ctx) {
    std::string scale;
    return write_report(
        args, ctx, [&](Store& s, const std::string& out, const auto& o) { reports::write_scorecards(s, scale, out, o); },
        [&](Args& a) { scale = a.option("--scale").value_or(""); });
}

}  // namespace fidelis::cli
