// fidelis-cli outcomes: a team's quarterly outcomes (people served, in work, in studies,
// per gender) set, removed and listed, one tab-separated line per team and quarter.
#include "commands.h"

#include "base/i18n.h"
#include "store/outcomes.h"
#include "store/store.h"

#include <ostream>

namespace fidelis::cli {
namespace {

Quarter parse_quarter(const std::string& text) {
    const auto q = Quarter::try_parse(text);
    if (!q)
        throw UsageError(format(tr(N_("--quarter takes a year and a quarter from 1 to 4, as in 2025Q3, not \"{1}\"")),
                                {text}));
    return *q;
}

// "W,M,O": women, men, other or unknown.
GenderCount parse_counts(const std::string& text, const char* option) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1)
        parts.push_back(text.substr(start, comma - start));
    parts.push_back(text.substr(start));
    if (parts.size() != 3)
        throw UsageError(format(tr(N_("{1} takes three counts, women,men,other (as in 12,9,0), not \"{2}\"")),
                                {option, text}));
    // Negative counts pass here so that the store's rule refuses them with its reason.
    GenderCount c;
    c.women = parse_int(parts[0], option, -1000000000, 1000000000);
    c.men = parse_int(parts[1], option, -1000000000, 1000000000);
    c.other = parse_int(parts[2], option, -1000000000, 1000000000);
    return c;
}

std::optional<int> optional_count(Args& args, const char* option) {
    const auto v = args.option(option);
    if (!v) return std::nullopt;
    return parse_int(*v, option, -1000000000, 1000000000);
}

std::string counts_text(const GenderCount& c) {
    if (c.empty()) return {};
    auto one = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    return one(c.women) + "," + one(c.men) + "," + one(c.other);
}

std::string rate_text(const std::optional<double>& rate) {
    return rate ? format_decimal(round_half_up(*rate, 1), 1, "en") : std::string();
}

}  // namespace

int outcomes_set(Args& args, Context& ctx) {
    Store store = Store::open(args.required("--db"));
    TeamOutcome o;
    o.team_id = parse_id(args.required("--team"), "--team");
    o.quarter = parse_quarter(args.required("--quarter"));
    o.served = parse_counts(args.required("--served"), "--served");
    o.working = parse_counts(args.required("--working"), "--working");
    if (const auto s = args.option("--studying")) o.studying = parse_counts(*s, "--studying");
    o.referrals = optional_count(args, "--referrals");
    o.job_starts = optional_count(args, "--job-starts");
    args.finish();
    store.set_outcome(o);
    ctx.out << o.team_id << '\t' << o.quarter.text() << '\t' << rate_text(o.employment_rate()) << '\n';
    return 0;
}

int outcomes_remove(Args& args, Context&) {
    Store store = Store::open(args.required("--db"));
    const Id team = parse_id(args.required("--team"), "--team");
    const Quarter quarter = parse_quarter(args.required("--quarter"));
    args.finish();
    store.remove_outcome(team, quarter);
    return 0;
}

// team id, quarter, served, working and studying totals, employment rate (%), then
// served, working and studying as women,men,other, referrals and job starts.
int outcomes_list(Args& args, Context& ctx) {
    Store::OpenOptions options;
    options.read_only = true;
    Store store = Store::open(args.required("--db"), options);
    const auto team = args.option("--team");
    args.finish();
    const std::vector<TeamOutcome> list = team ? store.outcomes(parse_id(*team, "--team")) : store.all_outcomes();
    auto optional_number = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    for (const TeamOutcome& o : list)
        ctx.out << o.team_id << '\t' << o.quarter.text() << '\t' << o.served.total() << '\t' << o.working.total()
                << '\t' << (o.studying.empty() ? std::string() : std::to_string(o.studying.total())) << '\t'
                << rate_text(o.employment_rate()) << '\t' << counts_text(o.served) << '\t' << counts_text(o.working)
                << '\t' << counts_text(o.studying) << '\t' << optional_number(o.referrals) << '\t'
                << optional_number(o.job_starts) << '\n';
    return 0;
}

}  // namespace fidelis::cli
