#pragma once
// fidelis-cli commands. Each takes its arguments, writes machine-friendly output to
// stdout and returns the exit code; errors are thrown and reported by main.
#include "args.h"

#include <iosfwd>
#include <string>

namespace fidelis::cli {

struct Context {
    std::string lang;  // "sv" or "en": messages and scale texts
    std::ostream& out;
    std::ostream& err;
};

int scales_list(Args& args, Context& ctx);
int scales_show(Args& args, Context& ctx);
int scales_check(Args& args, Context& ctx);
int scales_diff(Args& args, Context& ctx);

int db_init(Args& args, Context& ctx);
int db_check(Args& args, Context& ctx);
int db_copy(Args& args, Context& ctx);
int server_init(Args& args, Context& ctx);
int server_user_add(Args& args, Context& ctx);
int server_user_list(Args& args, Context& ctx);
int server_user_remove(Args& args, Context& ctx);
int demo_command(Args& args, Context& ctx);
int teams_list(Args& args, Context& ctx);
int team_add(Args& args, Context& ctx);
int rounds_list(Args& args, Context& ctx);
int round_new(Args& args, Context& ctx);
int round_show(Args& args, Context& ctx);
int round_status(Args& args, Context& ctx);
int rate(Args& args, Context& ctx);
int consensus_accept(Args& args, Context& ctx);
int export_command(Args& args, Context& ctx);
int import_command(Args& args, Context& ctx);
int csv_command(Args& args, Context& ctx);
int outcomes_list(Args& args, Context& ctx);
int outcomes_set(Args& args, Context& ctx);
int outcomes_remove(Args& args, Context& ctx);

int groupings_list(Args& args, Context& ctx);
int grouping_add(Args& args, Context& ctx);
int grouping_edit(Args& args, Context& ctx);
int grouping_remove(Args& args, Context& ctx);
int reviews_due(Args& args, Context& ctx);
int history_command(Args& args, Context& ctx);

int agreement_command(Args& args, Context& ctx);
int report_agreement(Args& args, Context& ctx);
int report_round(Args& args, Context& ctx);
int report_trend(Args& args, Context& ctx);
int report_county(Args& args, Context& ctx);
int report_plan(Args& args, Context& ctx);
int report_scorecard(Args& args, Context& ctx);
int report_scorecards(Args& args, Context& ctx);
int report_plans(Args& args, Context& ctx);
int plans_overview(Args& args, Context& ctx);
int plan_suggest(Args& args, Context& ctx);

}  // namespace fidelis::cli
