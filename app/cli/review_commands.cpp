// fidelis-cli reviews due: the teams whose next fidelity review is due, by the review
// cycle rule in reports/review_cycle.h, for a network leader's planning.
#include "commands.h"
#include "options.h"

#include "base/i18n.h"
#include "reports/review_cycle.h"

#include <algorithm>
#include <ostream>

namespace fidelis::cli {

int reviews_due(Args& args, Context& ctx) {
    Store store = open_store(args, true);
    reports::ReviewCycleQuery q;
    q.scale_id = args.option("--scale").value_or("");
    q.today = optional_date(args, "--today").value_or(Date::today());
    q.within_days = 0;
    if (const auto within = args.option("--within")) q.within_days = parse_int(*within, "--within", 0, 3660);
    args.finish();
    if (!q.scale_id.empty()) {
        const auto in_use = store.scale_ids_in_use();
        if (std::find(in_use.begin(), in_use.end(), q.scale_id) == in_use.end())
            throw UsageError(format(tr(N_("No round in this database uses the scale \"{1}\".")), {q.scale_id}));
    }
    // Fixed codes in every language, for scripts: the state (overdue, due, upcoming) and
    // whether the plan is made (made, missing).
    for (const reports::ReviewCycleEntry& e : reports::review_cycle(store, q)) {
        ctx.out << e.team.id << '\t' << e.team.name << '\t' << e.team.municipality_name << '\t' << e.scale_id << '\t'
                << e.round.assessed_on.iso() << '\t' << format_decimal(e.total, e.total_decimals, "en") << '\t'
                << e.review_due.iso() << '\t' << reports::code_of(e.state) << '\t' << e.plan_due.iso() << '\t'
                << (e.plan_made ? "made" : "missing") << '\n';
    }
    return 0;
}

}  // namespace fidelis::cli
