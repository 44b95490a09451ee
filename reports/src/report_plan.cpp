// The improvement plan (förbättringsplan): A4 landscape, ready to sign. A follow-up
// edition shows what became of the previous plan's actions and how their items moved.
#include "report_common.h"

#include "base/i18n.h"

#include <algorithm>

namespace fidelis::reports {
namespace {


const pdf::Rgb overdue_fill = pdf::Rgb::hex("#f6d5d2");

class PlanReport : public ReportWriter {
public:
    PlanReport(Store& s, Id round, const ReportOptions& o)
        : ReportWriter(s, o, true), a(analyse_round(s, round)), plan(s.plan(round)) {}

    void write(const std::string& path) {
        const Scale& scale = *a.scale;
        title(t.tr("IMPROVEMENT PLAN"), a.team.name,
              a.team.municipality_name + " · " + scale.title.get(lang) + " · " +
                  format(t.tr("round of {1}"), {date(a.round.assessed_on)}));
        header();
        goals();
        progress(0.4);
        actions();
        progress(0.7);
        follow_up();
        signatures();
        if (a.round.status != RoundStatus::Completed) stamp_draft();
        const std::string footer = round_footer(scale, a.round);
        finish(footer, format(t.tr("Improvement plan: {1}, {2}"), {a.team.name, date(a.round.assessed_on)}),
               scale.title.get(lang), path);
    }

private:
    void header() {
        const int d = a.scale->scoring.decimals;
        std::string result = total_text(*a.scale, a.score.total);
        if (const std::string band = band_text(a.score); !band.empty()) result += " · " + band;
        flow.label_value(t.tr("Team"), a.team.name + ", " + a.team.municipality_name, 140);
        flow.label_value(t.tr("Round"), date(a.round.assessed_on) + " · " + label_of(a.round.review_type, t) + " · " + result, 140);
        if (const auto ch = a.change())
            flow.label_value(t.tr("Change since last"), change(*ch, d), 140);
        flow.label_value(t.tr("Plan period"), plan.period_from || plan.period_to ? period_text(plan.period_from, plan.period_to) : "–", 140);
        flow.label_value(t.tr("Responsible manager"), plan.manager.empty() ? "–" : plan.manager, 140);
        flow.label_value(t.tr("Next follow-up"), plan.next_follow_up ? date(*plan.next_follow_up) : "–", 140);
        flow.space(4);
    }

    void goals() {
        flow.heading(t.tr("Goals"), 1);
        std::vector<Row> rows;
        if (plan.goals.empty()) {
            // Blank rows to fill in by hand at the planning meeting.
            flow.paragraph(t.tr("No goals recorded yet. Suggested items to work on: ") + suggestions());
            rows.assign(4, Row(5, Cell(" ")));
        }
        for (const PlanGoal& g : plan.goals)
            rows.push_back({Cell(item_label(*a.scale, g.item_id)), Cell(level(g.current_level)), Cell(level(g.target_level)),
                            Cell(g.target_date ? date(*g.target_date) : "–"), Cell(goal_text(g))});
        flow.table({{t.tr("Area / item"), 230}, {t.tr("Current level"), 70, pdf::Align::Centre},
                    {t.tr("Target level"), 70, pdf::Align::Centre}, {t.tr("Target date"), 70}, {t.tr("Description"), 0}},
                   rows);
    }

    // The goal as written, then what the target level asks for, so "reach level 4" says what 4 is.
    std::string goal_text(const PlanGoal& g) const {
        std::string text = g.description;
        const Item* item = a.scale->item(g.item_id);
        if (item && g.target_level)
            if (const LocalText* anchor = a.scale->anchor_text(*item, *g.target_level))
                text += (text.empty() ? "" : "\n") + format(t.tr("Level {1} means: {2}"), {std::to_string(*g.target_level),
                                                                                        anchor->get(lang)});
        return text.empty() ? "–" : text;
    }

    std::string suggestions() const {
        std::string s;
        for (const auto& id : a.priorities) s += (s.empty() ? "" : ", ") + item_label(*a.scale, id);
        return s.empty() ? "–" : s;
    }

    std::string status_text(const PlanAction& x) const {
        // An overdue action is marked by a sign and a word as well as by its row's colour.
        if (x.overdue(options.today)) return "⚠ " + t.tr("Overdue") + " (" + label_of(x.status, t) + ")";
        return label_of(x.status, t);
    }

    void actions() {
        flow.heading(t.tr("Actions"), 1);
        std::map<std::string, const PlanGoal*> goal_for;
        for (const PlanGoal& g : plan.goals) goal_for.emplace(g.item_id, &g);
        std::vector<Row> rows;
        if (plan.actions.empty()) {
            flow.paragraph(t.tr("No actions recorded yet."));
            rows.assign(5, Row(11, Cell(" ")));
        }
        for (const PlanAction& x : plan.actions) {
            const auto ir = std::find_if(a.items.begin(), a.items.end(), [&](const ItemResult& i) { return i.item_id == x.item_id; });
            const auto g = goal_for.find(x.item_id);
            std::string what = x.what;
            if (!x.carried_from.empty()) what += "\n(" + t.tr("carried over from the previous plan") + ")";
            Row r{Cell(x.item_id.empty() ? "–" : item_label(*a.scale, x.item_id)),
                  Cell(ir != a.items.end() ? level(ir->level) : "–"),
                  Cell(g != goal_for.end() ? level(g->second->target_level) : "–"),
                  Cell(what), Cell(x.responsible), Cell(x.resources), Cell(x.start ? date(*x.start) : "–"),
                  Cell(x.due ? date(*x.due) : "–"), Cell(x.follow_up), Cell(status_text(x)), Cell(x.comment)};
            if (x.overdue(options.today)) {
                for (Cell& c : r) c.fill = overdue_fill;
                r[9].weight = Weight::Bold;
            }
            rows.push_back(r);
        }
        flow.table({{t.tr("Area / item"), 92}, {t.tr("Current"), 42, pdf::Align::Centre}, {t.tr("Goal"), 34, pdf::Align::Centre},
                    {t.tr("Action"), 0}, {t.tr("Responsible"), 70}, {t.tr("Resources"), 0}, {t.tr("Start"), 54},
                    {t.tr("Due"), 54}, {t.tr("Follow-up (how, when)"), 86}, {t.tr("Status"), 64}, {t.tr("Comment"), 0}},
                   rows, Style{7.5});
        int overdue = 0;
        for (const PlanAction& x : plan.actions) overdue += x.overdue(options.today);
        if (overdue)
            flow.paragraph(format(t.trn("⚠ {1} action is past its due date and not done.",
                                        "⚠ {1} actions are past their due date and not done.",
                                        static_cast<unsigned long>(overdue)),
                                  {std::to_string(overdue)}),
                           Style::warning(9));
    }

    void follow_up() {
        if (!a.previous) return;
        const ImprovementPlan before = store.plan(a.previous->id);
        if (before.actions.empty()) return;
        flow.heading(format(t.tr("Follow-up of the previous plan ({1})"), {date(a.previous->assessed_on)}), 1);
        std::vector<Row> rows;
        for (const PlanAction& x : before.actions) {
            const auto ir = std::find_if(a.items.begin(), a.items.end(), [&](const ItemResult& i) { return i.item_id == x.item_id; });
            std::string moved = "–", ch = "–";
            if (ir != a.items.end()) {
                moved = level(ir->previous) + " → " + level(ir->level);
                if (const auto c = ir->change()) ch = change(*c);
            }
            const bool carried = std::any_of(plan.actions.begin(), plan.actions.end(),
                                             [&](const PlanAction& n) { return n.carried_from == x.uuid; });
            rows.push_back({Cell(x.item_id.empty() ? "–" : item_label(*a.scale, x.item_id)), Cell(x.what),
                            Cell(x.responsible), Cell(label_of(x.status, t) + (carried ? " · " + t.tr("carried over") : "")),
                            Cell(moved), Cell(ch)});
        }
        flow.table({{t.tr("Area / item"), 160}, {t.tr("Action"), 0}, {t.tr("Responsible"), 90}, {t.tr("Status"), 110},
                    {t.tr("Level then → now"), 80, pdf::Align::Centre}, {t.tr("Change"), 50, pdf::Align::Right}},
                   rows, Style{8});
    }

    void signatures() {
        flow.space(16);
        flow.signatures({t.tr("Date and signature, responsible manager"), t.tr("Date and signature, team leader")});
    }

    RoundAnalysis a;
    ImprovementPlan plan;
};

}  // namespace

void write_plan_report(Store& store, Id round, const std::string& path, const ReportOptions& options) {
    PlanReport(store, round, options).write(path);
}

}  // namespace fidelis::reports
