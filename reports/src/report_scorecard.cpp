// The one-page scorecard for network meetings: where a team stands, where it is going,
// and how its plan is doing, on a single page.
#include "report_common.h"

#include "base/i18n.h"

#include <algorithm>
#include <memory>

namespace fidelis::reports {
namespace {


Id latest_round(Store& store, Id team) {
    const std::vector<Round> rounds = store.rounds_of_team(team);
    if (rounds.empty()) throw Error(format(tr(N_("{1} has no rounds yet.")), {store.team(team).name}));
    for (auto it = rounds.rbegin(); it != rounds.rend(); ++it)
        if (it->status == RoundStatus::Completed) return it->id;
    return rounds.back().id;
}

// One team's page: its latest round and trend. The analyses stay alive as long as the
// document, whose charts draw from them.
struct TeamPage {
    RoundAnalysis a;
    TrendAnalysis trend;
};

class Scorecards : public ReportWriter {
public:
    Scorecards(Store& s, const ReportOptions& o) : ReportWriter(s, o, false) {}

    const TeamPage& add(Id team, Id round) {
        auto page = std::make_unique<TeamPage>();
        page->a = analyse_round(store, round);
        page->trend = analyse_trend(store, team, page->a.round.scale_id);
        pages_.push_back(std::move(page));
        return *pages_.back();
    }

    void single(Id team, const std::string& path) {
        const TeamPage& pg = add(team, latest_round(store, team));
        const RoundAnalysis& a = pg.a;
        const Scale& scale = *a.scale;
        title(t.tr("SCORECARD"), a.team.name, subtitle(a));
        page(pg);
        if (a.round.status != RoundStatus::Completed) stamp_draft();
        finish(round_footer(scale, a.round), format(t.tr("Scorecard: {1}"), {a.team.name}), scale.title.get(lang), path);
    }

    // A cover listing the teams, then one page per team with a completed round.
    void booklet(const std::string& scale_id, const std::string& path) {
        std::vector<std::pair<Id, Id>> chosen;  // team, round
        for (const Team& team : store.teams()) {
            const std::vector<Round> rounds = store.rounds_of_team(team.id);
            for (auto it = rounds.rbegin(); it != rounds.rend(); ++it)
                if (it->status == RoundStatus::Completed && (scale_id.empty() || it->scale_id == scale_id)) {
                    chosen.emplace_back(team.id, it->id);
                    break;
                }
        }
        if (chosen.empty())
            throw Error(scale_id.empty() ? t.tr("No team has a completed round, so there are no scorecards to print.")
                                         : format(t.tr("No team has a completed {1} round, so there are no scorecards to print."),
                                                  {scale_id}));
        // Named after the county only when every team is in it (a municipality code starts with its county's).
        const County home = store.home_county();
        const bool all_home = std::all_of(chosen.begin(), chosen.end(), [&](const auto& c) {
            return store.team(c.first).municipality_code.rfind(home.code, 0) == 0;
        });
        const std::string county = all_home ? home.name : t.tr("All teams in the database");
        title(t.tr("SCORECARDS"), county,
              format(t.trn("{1} team with a completed round, one page each", "{1} teams with a completed round, one page each",
                           static_cast<unsigned long>(chosen.size())),
                     {std::to_string(chosen.size())}) +
                  " · " + format(t.tr("Generated {1}"), {date(options.today)}));
        std::vector<Row> rows;
        std::size_t done = 0;
        for (const auto& [team, round] : chosen) {
            const TeamPage& pg = add(team, round);
            const int d = pg.a.scale->scoring.decimals;
            rows.push_back({Cell(pg.a.team.municipality_name + " – " + pg.a.team.name), Cell(pg.a.scale->display_name(lang)),
                            Cell(date(pg.a.round.assessed_on)), Cell(label_of(pg.a.round.review_type, t)),
                            Cell(num(pg.a.score.total, d) + (pg.a.score.complete() ? "" : " *")), Cell(band_text(pg.a.score))});
            progress(0.3 * double(++done) / double(chosen.size()));
        }
        flow.table({{t.tr("Team"), 0}, {t.tr("Scale"), 50}, {t.tr("Round"), 60}, {t.tr("Review type"), 80},
                    {t.tr("Total"), 40, Align::Right}, {t.tr("Band"), 90}},
                   rows, Style::small(), t.tr("The teams in this booklet"), true);
        done = 0;
        for (const auto& pg : pages_) {
            flow.new_page();
            flow.heading(pg->a.team.municipality_name + " – " + pg->a.team.name, 1);
            flow.paragraph(subtitle(pg->a), Style::lead());
            page(*pg);
            progress(0.3 + 0.6 * double(++done) / double(pages_.size()));
        }
        finish(county + " · " + t.tr("Scorecards") + " · " + format(t.tr("Generated {1}"), {date(options.today)}),
               format(t.tr("Scorecards: {1}"), {county}), t.tr("Scorecards"), path);
    }

private:
    std::string subtitle(const RoundAnalysis& a) const {
        return a.team.municipality_name + " · " + label_of(a.team.method, t) + " · " + a.scale->display_name(lang) + " · " +
               format(t.tr("latest round {1}"), {date(a.round.assessed_on)}) + " · " + label_of(a.round.review_type, t);
    }

    void page(const TeamPage& pg) {
        const RoundAnalysis& a = pg.a;
        const TrendAnalysis& trend = pg.trend;
        const Scale& scale = *a.scale;
        const int d = scale.scoring.decimals;
        std::string line = band_text(a.score);
        if (const auto ch = a.change())
            line += (line.empty() ? "" : " · ") + format(t.tr("{1} since {2}"), {change(*ch, d), date(a.previous->assessed_on)});
        flow.headline({num(a.score.total, d), format(t.tr("of {1}"), {num(scale.max_total(), d)}), line, std::nullopt, 24});
        flow.chart(charts::band_gauge(scale, a.score,
                                      a.previous_score && a.previous_score->complete()
                                          ? std::optional<double>(a.previous_score->total)
                                          : std::nullopt,
                                      t));
        if (trend.points.size() > 1) flow.chart(charts::trend_chart(scale, trend.points, t, 88));
        std::vector<Row> sections;
        for (const SectionScore& s : a.score.sections) {
            const Section* sec = scale.section(s.section_id);
            const bool mean = scale.scoring.mode == TotalMode::Mean;
            sections.push_back({Cell(sec ? sec->name.get(lang) : s.section_id),
                                Cell(s.rated == 0 ? t.tr("no item rated")
                                                  : num(s.value, mean ? 1 : 0) + (s.complete() ? "" : " *") + " / " +
                                                        num(s.max_possible, mean ? 1 : 0))});
        }
        // Many sections (SEQF has nine) side by side in two pairs of columns, so the page still holds it all.
        if (sections.size() > 4) {
            const std::size_t half = (sections.size() + 1) / 2;
            std::vector<Row> paired;
            for (std::size_t i = 0; i < half; ++i) {
                Row r = sections[i];
                const Row right = i + half < sections.size() ? sections[i + half] : Row{Cell(""), Cell("")};
                r.insert(r.end(), right.begin(), right.end());
                paired.push_back(r);
            }
            flow.table({{t.tr("Section"), 0}, {t.tr("Score"), 70, pdf::Align::Right}, {t.tr("Section"), 0},
                        {t.tr("Score"), 70, pdf::Align::Right}},
                       paired, Style::small());
        } else {
            flow.table({{t.tr("Section"), 0}, {t.tr("Score"), 90, pdf::Align::Right}}, sections, Style::small());
        }

        std::vector<Row> sp;
        for (std::size_t i = 0; i < 3; ++i) {
            auto cell = [&](const std::vector<std::string>& ids) {
                if (i >= ids.size()) return Cell("");
                const auto& ir = *std::find_if(a.items.begin(), a.items.end(), [&](const ItemResult& x) { return x.item_id == ids[i]; });
                return Cell(item_label(scale, ids[i]) + " (" + level(ir.level) + ")");
            };
            sp.push_back({cell(a.strengths), cell(a.priorities)});
        }
        flow.table({{t.tr("Strengths"), 0}, {t.tr("Priorities"), 0}}, sp, Style::small());

        const ImprovementPlan plan = store.plan(a.round.id);
        int done = 0, ongoing = 0, planned = 0, overdue = 0;
        for (const PlanAction& x : plan.actions) {
            done += x.status == ActionStatus::Done;
            ongoing += x.status == ActionStatus::Ongoing;
            planned += x.status == ActionStatus::Planned;
            overdue += x.overdue(options.today);
        }
        auto n = [](int v) { return static_cast<unsigned long>(v); };
        std::string plan_line =
            plan.actions.empty()
                ? t.tr("No improvement plan recorded.")
                : format(t.trn("{1} action done", "{1} actions done", n(done)), {std::to_string(done)}) + ", " +
                      format(t.trn("{1} ongoing", "{1} ongoing", n(ongoing)), {std::to_string(ongoing)}) + ", " +
                      format(t.trn("{1} planned", "{1} planned", n(planned)), {std::to_string(planned)});
        if (overdue) plan_line += " · ⚠ " + format(t.trn("{1} overdue action", "{1} overdue actions", n(overdue)), {std::to_string(overdue)});
        flow.label_value(t.tr("Plan actions"), plan_line, 110);
        if (!a.stuck.empty()) {
            std::string ids;
            for (const auto& id : a.stuck) ids += (ids.empty() ? "" : ", ") + id;
            flow.label_value(format(t.tr("At {1} or below twice"), {std::to_string(stuck_threshold(scale))}), ids, 110);
        }
        if (const auto f = store.team_figures(a.round.id)) team_figures(*f, 2);
    }

    std::vector<std::unique_ptr<TeamPage>> pages_;
};

}  // namespace

void write_scorecard(Store& store, Id team, const std::string& path, const ReportOptions& options) {
    Scorecards(store, options).single(team, path);
}

void write_scorecards(Store& store, const std::string& scale_id, const std::string& path, const ReportOptions& options) {
    Scorecards(store, options).booklet(scale_id, path);
}

}  // namespace fidelis::reports
