// The one-page scorecard for network meetings: where a team stands, where it is going,
// and how its plan is doing, on a single page.
#include "report_common.h"

#include "base/i18n.h"

#include <algorithm>

namespace fidelis::reports {
namespace {


Id latest_round(Store& store, Id team) {
    const std::vector<Round> rounds = store.rounds_of_team(team);
    if (rounds.empty()) throw Error(format(tr(N_("{1} has no rounds yet.")), {store.team(team).name}));
    for (auto it = rounds.rbegin(); it != rounds.rend(); ++it)
        if (it->status == RoundStatus::Completed) return it->id;
    return rounds.back().id;
}

class Scorecard : public ReportWriter {
public:
    Scorecard(Store& s, Id team, const ReportOptions& o)
        : ReportWriter(s, o, false), a(analyse_round(s, latest_round(s, team))), trend(analyse_trend(s, team, a.round.scale_id)) {}

    void write(const std::string& path) {
        const Scale& scale = *a.scale;
        const int d = scale.scoring.decimals;
        title(t.tr("SCORECARD"), a.team.name,
              a.team.municipality_name + " · " + label_of(a.team.method, t) + " · " + scale.display_name(lang) + " · " +
                  format(t.tr("latest round {1}"), {date(a.round.assessed_on)}) + " · " + label_of(a.round.review_type, t));
        pdf::Page& p = flow.page();
        flow.advance(24);
        p.text(flow.left(), flow.y(), num(a.score.total, d), 24, Weight::Bold);
        const double w = doc.text_width(num(a.score.total, d), 24, Weight::Bold);
        std::string line = format(t.tr("of {1}"), {num(scale.max_total(), d)});
        if (const std::string band = band_text(a.score); !band.empty()) line += " · " + band;
        if (const auto ch = a.change()) line += " · " + format(t.tr("{1} since {2}"), {change(*ch, d), date(a.previous->assessed_on)});
        p.text(flow.left() + w + 8, flow.y(), line, 11, Weight::Bold, pdf::ink);
        flow.advance(8);
        charts::band_gauge(flow, scale, a.score,
                           a.previous_score && a.previous_score->complete() ? std::optional<double>(a.previous_score->total)
                                                                            : std::nullopt,
                           t);
        if (trend.points.size() > 1) charts::trend_chart(flow, scale, trend.points, t, 110);
        progress(0.5);

        std::vector<Row> sections;
        for (const SectionScore& s : a.score.sections) {
            const Section* sec = scale.section(s.section_id);
            const bool mean = scale.scoring.mode == TotalMode::Mean;
            sections.push_back({Cell(sec ? sec->name.get(lang) : s.section_id),
                                Cell(num(s.value, mean ? 1 : 0) + " / " + num(s.max_possible, mean ? 1 : 0))});
        }
        flow.table({{t.tr("Section"), 0}, {t.tr("Score"), 90, pdf::Align::Right}}, sections, Style{8});

        std::vector<Row> sp;
        for (std::size_t i = 0; i < 3; ++i) {
            auto cell = [&](const std::vector<std::string>& ids) {
                if (i >= ids.size()) return Cell("");
                const auto& ir = *std::find_if(a.items.begin(), a.items.end(), [&](const ItemResult& x) { return x.item_id == ids[i]; });
                return Cell(item_label(scale, ids[i]) + " (" + level(ir.level) + ")");
            };
            sp.push_back({cell(a.strengths), cell(a.priorities)});
        }
        flow.table({{t.tr("Strengths"), 0}, {t.tr("Priorities"), 0}}, sp, Style{8});

        const ImprovementPlan plan = store.plan(a.round.id);
        int done = 0, ongoing = 0, planned = 0, overdue = 0;
        for (const PlanAction& x : plan.actions) {
            done += x.status == ActionStatus::Done;
            ongoing += x.status == ActionStatus::Ongoing;
            planned += x.status == ActionStatus::Planned;
            overdue += x.overdue(options.today);
        }
        std::string plan_line = plan.actions.empty()
                                    ? t.tr("No improvement plan recorded.")
                                    : format(t.tr("{1} done, {2} ongoing, {3} planned"),
                                             {std::to_string(done), std::to_string(ongoing), std::to_string(planned)});
        if (overdue) plan_line += " · ⚠ " + format(t.tr("{1} overdue"), {std::to_string(overdue)});
        flow.label_value(t.tr("Plan actions"), plan_line, 110);
        if (!a.stuck.empty()) {
            std::string ids;
            for (const auto& id : a.stuck) ids += (ids.empty() ? "" : ", ") + id;
            flow.label_value(format(t.tr("At {1} or below twice"), {std::to_string(stuck_threshold(scale))}), ids, 110);
        }
        if (const auto f = store.team_figures(a.round.id)) {
            auto g = [&](const GenderCount& c) {
                return format(t.tr("{1} (women {2}, men {3}, other {4})"),
                              {std::to_string(c.total()), std::to_string(c.women.value_or(0)),
                               std::to_string(c.men.value_or(0)), std::to_string(c.other.value_or(0))});
            };
            flow.label_value(t.tr("Participants"), g(f->participants), 110);
            flow.label_value(t.tr("In competitive work"), g(f->competitive_work), 110);
        }
        if (a.round.status != RoundStatus::Completed) stamp_draft();
        const std::string footer = round_footer(scale, a.round);
        finish(footer, format(t.tr("Scorecard: {1}"), {a.team.name}), scale.title.get(lang), path);
    }

private:
    RoundAnalysis a;
    TrendAnalysis trend;
};

}  // namespace

void write_scorecard(Store& store, Id team, const std::string& path, const ReportOptions& options) {
    Scorecard(store, team, options).write(path);
}

}  // namespace fidelis::reports
