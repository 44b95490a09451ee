// The printable managers' overview (A4 landscape): every team's current plan in one table,
// then the actions that are overdue or due soon, then the teams whose newest round has no
// plan yet. Overdue is said in words and marked with a sign as well as a colour.
#include "reports/plans_overview.h"
#include "report_common.h"

#include "base/i18n.h"

namespace fidelis::reports {
namespace {

const pdf::Rgb overdue_fill = pdf::Rgb::hex("#f6d5d2");
const pdf::Rgb soon_fill = pdf::Rgb::hex("#fbeccb");

class PlansOverviewReport : public ReportWriter {
public:
    PlansOverviewReport(Store& s, const PlansQuery& q, const ReportOptions& o) : ReportWriter(s, o, true), query(q) {}

    void write(const std::string& path) {
        const std::vector<TeamPlanStatus> teams = plans_overview(store, query, [this](double f) {
            return !options.progress || options.progress(f * 0.6);
        });
        const std::string county = store.home_county().name;
        title(t.tr("IMPROVEMENT PLANS"), t.tr("Plans overview"),
              county + " · " + format(t.tr("as of {1}"), {date(query.today)}));
        summary(teams);
        table(teams);
        progress(0.7);
        actions(teams);
        missing(teams);
        finish(format(t.tr("Plans overview · {1} · Generated {2}"), {county, date(options.today)}),
               format(t.tr("Plans overview: {1}"), {county}), t.tr("Improvement plans"), path);
    }

private:
    static unsigned long n(int v) { return static_cast<unsigned long>(v); }

    void summary(const std::vector<TeamPlanStatus>& teams) {
        int with_plan = 0, overdue = 0, soon = 0, teams_overdue = 0, missing_plan = 0;
        for (const TeamPlanStatus& s : teams) {
            with_plan += s.plan_round.has_value();
            overdue += s.count(ActionState::Overdue);
            soon += s.count(ActionState::Upcoming);
            teams_overdue += s.count(ActionState::Overdue) > 0;
            missing_plan += s.plan_missing();
        }
        flow.paragraph(format(t.trn("{1} team, ", "{1} teams, ", n(int(teams.size()))), {std::to_string(teams.size())}) +
                       format(t.trn("{1} with an improvement plan.", "{1} with an improvement plan.", n(with_plan)),
                              {std::to_string(with_plan)}));
        if (overdue)
            flow.paragraph("⚠ " + format(t.trn("{1} action is overdue", "{1} actions are overdue", n(overdue)),
                                         {std::to_string(overdue)}) +
                               " " + format(t.trn("in {1} team.", "in {1} teams.", n(teams_overdue)), {std::to_string(teams_overdue)}),
                           Style::warning());
        else
            flow.paragraph(t.tr("No action is overdue."));
        flow.paragraph(format(t.trn("{1} action is due within {2} days.", "{1} actions are due within {2} days.", n(soon)),
                              {std::to_string(soon), std::to_string(query.upcoming_days)}));
        if (missing_plan)
            flow.paragraph(format(t.trn("{1} team has no plan for its newest completed round.",
                                        "{1} teams have no plan for their newest completed round.", n(missing_plan)),
                                  {std::to_string(missing_plan)}));
    }

    void table(const std::vector<TeamPlanStatus>& teams) {
        flow.heading(t.tr("Plans by team"), 1);
        std::vector<Row> rows;
        for (const TeamPlanStatus& s : teams) {
            const int overdue = s.count(ActionState::Overdue);
            Row r{Cell(s.team.name), Cell(s.team.municipality_name),
                  Cell(s.plan_round ? date(s.plan_round->assessed_on) : t.tr("no plan")),
                  Cell(std::to_string(s.goals)), Cell(std::to_string(s.done) + " / " + std::to_string(s.actions)),
                  Cell(overdue ? "⚠ " + std::to_string(overdue) : "0"), Cell(std::to_string(s.count(ActionState::Upcoming))),
                  Cell(s.next_follow_up ? date(*s.next_follow_up) : "–"), Cell(s.manager.empty() ? "–" : s.manager)};
            if (overdue) {
                r[5].fill = overdue_fill;
                r[5].weight = Weight::Bold;
            }
            rows.push_back(r);
        }
        flow.table({{t.tr("Team"), 0}, {t.tr("Municipality"), 90}, {t.tr("Plan of round"), 70},
                     {t.tr("Goals"), 40, pdf::Align::Right}, {t.tr("Actions done"), 60, pdf::Align::Right},
                    {t.tr("Overdue"), 50, pdf::Align::Right}, {t.tr("Due soon"), 50, pdf::Align::Right},
                    {t.tr("Next follow-up"), 70}, {t.tr("Responsible manager"), 0}},
                   rows, Style{8},
                   t.tr("Each team's newest plan with goals or actions; overdue and due soon count every unfinished "
                        "action of the team's plans that no later plan continues."),
                   true);
    }

    void actions(const std::vector<TeamPlanStatus>& teams) {
        flow.heading(format(t.tr("Actions overdue or due within {1} days"), {std::to_string(query.upcoming_days)}), 1);
        std::vector<Row> rows;
        for (const TeamPlanStatus& s : teams)
            for (const OpenAction& a : s.open) {
                if (a.state != ActionState::Overdue && a.state != ActionState::Upcoming) continue;
                const bool late = a.state == ActionState::Overdue;
                Row r{Cell(s.team.name), Cell(a.action.item_id.empty() ? "–" : a.action.item_id), Cell(a.action.what),
                      Cell(a.action.responsible.empty() ? "–" : a.action.responsible),
                      Cell(a.action.due ? date(*a.action.due) : "–"), Cell(label_of(a.action.status, t)),
                      Cell((late ? "⚠ " : "") + label_of(a.state, t))};
                r[6].fill = late ? overdue_fill : soon_fill;
                if (late) r[6].weight = Weight::Bold;
                rows.push_back(r);
            }
        if (rows.empty()) {
            flow.paragraph(t.tr("None."));
            return;
        }
        flow.table({{t.tr("Team"), 120}, {t.tr("Item"), 40}, {t.tr("Action"), 0}, {t.tr("Responsible"), 90},
                    {t.tr("Due"), 60}, {t.tr("Status"), 60}, {t.tr("State"), 70}},
                   rows, Style{8});
    }

    void missing(const std::vector<TeamPlanStatus>& teams) {
        std::vector<std::string> names;
        for (const TeamPlanStatus& s : teams)
            if (s.plan_missing())
                names.push_back(s.team.name + " (" + format(t.tr("round of {1}"), {date(s.latest_completed->assessed_on)}) + ")");
        if (names.empty()) return;
        flow.heading(t.tr("Completed rounds without a plan"), 1);
        flow.bullets(names);
    }

    PlansQuery query;
};

}  // namespace

void write_plans_overview(Store& store, const PlansQuery& query, const std::string& path, const ReportOptions& options) {
    PlansOverviewReport(store, query, options).write(path);
}

}  // namespace fidelis::reports
