// The round report: page one stands alone for the manager who reads only that; then the
// method, the score table, the item profile and item pages for the team.
#include "report_common.h"

#include "base/i18n.h"
#include "reports/agreement.h"
#include "reports/rating_text.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace fidelis::reports {
namespace {


class RoundReport : public ReportWriter {
public:
    RoundReport(Store& s, Id round, const ReportOptions& o) : ReportWriter(s, o, false), a(analyse_round(s, round)) {}

    void write(const std::string& path) {
        const Scale& scale = *a.scale;
        title(t.tr("FIDELITY REPORT"), a.team.name,
              a.team.municipality_name + " · " + scale.title.get(lang) + " (" + scale.display_name(lang) + ", " +
                  t.tr("edition") + " " + scale.edition + ") · " + date(a.round.assessed_on) + " · " +
                  label_of(a.round.review_type, t));
        if (a.round.status != RoundStatus::Completed)
            flow.paragraph(format(t.tr("Draft: this round is not completed (status: {1}). The results can still change."),
                                  {label_of(a.round.status, t)}),
                           Style::warning());
        summary_page();
        progress(0.3);
        flow.new_page();
        method();
        agreement();
        score_table();
        progress(0.5);
        flow.heading(t.tr("Item profile"), 1);
        flow.chart(charts::dot_profile(scale, a.items, t));
        progress(0.6);
        item_pages();
        if (a.round.status != RoundStatus::Completed) stamp_draft();
        const std::string footer = round_footer(scale, a.round);
        finish(footer, format(t.tr("Fidelity report: {1}, {2}"), {a.team.name, date(a.round.assessed_on)}),
               scale.title.get(lang), path);
    }

private:
    void summary_page() {
        const Scale& scale = *a.scale;
        const int d = scale.scoring.decimals;
        // The total in large type, with its band written out.
        block::Headline h{num(a.score.total, d), format(t.tr("of {1}"), {num(scale.max_total(), d)}), band_text(a.score)};
        if (a.score.band) h.swatch = band_colour(scale, *a.score.band);
        flow.headline(h);
        if (!a.score.complete()) {
            std::string ids;
            for (const auto& v : {a.score.cannot_rate, a.score.unrated})
                for (const auto& id : v) ids += (ids.empty() ? "" : ", ") + id;
            flow.paragraph(format(t.tr("The total is incomplete: {1} of {2} items have an agreed rating ({3} missing "
                                       "or not possible to rate). It is not comparable with complete totals."),
                                  {std::to_string(a.score.rated), std::to_string(a.score.items), ids}),
                           Style::warning(9));
        }
        flow.chart(charts::band_gauge(scale, a.score,
                                      a.previous_score && a.previous_score->complete()
                                          ? std::optional<double>(a.previous_score->total)
                                          : std::nullopt,
                                      t));
        if (a.previous) {
            const auto ch = a.change();
            flow.paragraph(
                ch ? format(t.tr("Change since the previous round ({1}): {2}, from {3} to {4}."),
                            {date(a.previous->assessed_on), change(*ch, d), num(a.previous_score->total, d),
                             num(a.score.total, d)})
                   : format(t.tr("Previous round: {1}. A change cannot be given because one of the totals is incomplete."),
                            {date(a.previous->assessed_on)}),
                Style{10, Weight::Bold});
            definition_notes(definition_changes(store, {*a.previous, a.round}));
        } else {
            flow.paragraph(t.tr("This is the team's first round with this scale."), Style{10, Weight::Bold});
        }

        flow.heading(t.tr("Section scores"), 1);
        std::vector<Row> rows;
        for (std::size_t i = 0; i < a.score.sections.size(); ++i) {
            const SectionScore& s = a.score.sections[i];
            const Section* sec = scale.section(s.section_id);
            std::optional<double> before;
            if (a.previous_score && i < a.previous_score->sections.size() && a.previous_score->sections[i].complete())
                before = a.previous_score->sections[i].value;
            const bool mean = scale.scoring.mode == TotalMode::Mean;
            // A section with no rated item has no score, not a score of 0.
            const std::string value = s.rated == 0 ? t.tr("no item rated") : num(s.value, mean ? 1 : 0) + (s.complete() ? "" : " *");
            rows.push_back({Cell(sec ? sec->name.get(lang) : s.section_id), Cell(value),
                            Cell(num(s.max_possible, mean ? 1 : 0)), Cell(before ? num(*before, mean ? 1 : 0) : "–"),
                            Cell(s.complete() && before ? change(s.value - *before, mean ? 1 : 0) : "–")});
        }
        flow.table({{t.tr("Section"), 0}, {t.tr("Score"), 80, pdf::Align::Right}, {t.tr("Max"), 50, pdf::Align::Right},
                    {t.tr("Previous"), 70, pdf::Align::Right}, {t.tr("Change"), 70, pdf::Align::Right}},
                   rows, {}, t.tr("Section scores"), true);
        if (std::any_of(a.score.sections.begin(), a.score.sections.end(), [](const SectionScore& s) { return !s.complete(); }))
            flow.paragraph("* " + t.tr("incomplete: an item of the section was not rated or could not be rated."),
                           Style::note());

        flow.heading(t.tr("Strengths and priorities"), 1);
        std::vector<Row> sp;
        for (std::size_t i = 0; i < 3; ++i) {
            auto cell = [&](const std::vector<std::string>& ids) {
                if (i >= ids.size()) return Cell("");
                const auto& ir = *std::find_if(a.items.begin(), a.items.end(),
                                               [&](const ItemResult& x) { return x.item_id == ids[i]; });
                return Cell(item_label(*a.scale, ids[i]) + " — " + format(t.tr("level {1}"), {level(ir.level)}));
            };
            sp.push_back({cell(a.strengths), cell(a.priorities)});
        }
        flow.table({{t.tr("Strengths: highest-rated items"), 0}, {t.tr("Priorities: lowest-rated items"), 0}}, sp);
        flow.paragraph(t.tr("Ties are broken in favour of the items most closely tied to employment outcomes."),
                       Style{7.5, Weight::Regular, pdf::grey});
        if (!a.stuck.empty()) {
            std::string ids;
            for (const auto& id : a.stuck) ids += (ids.empty() ? "" : ", ") + id;
            flow.paragraph(format(t.tr("At level {1} or below for two rounds or more: {2}."),
                                  {std::to_string(stuck_threshold(*a.scale)), ids}),
                           Style{9.5, Weight::Bold});
        }
        if (const auto f = store.team_figures(a.round.id)) team_figures(*f, 1);
        if (!a.round.strengths.empty() || !a.round.recommendations.empty()) {
            flow.heading(t.tr("The reviewers' summary"), 1);
            if (!a.round.strengths.empty()) flow.label_value(t.tr("Strengths"), a.round.strengths, 125);
            if (!a.round.recommendations.empty())
                flow.label_value(t.tr("Recommendations"), a.round.recommendations, 125);
        }
    }

    void method() {
        flow.heading(t.tr("Method"), 1);
        flow.label_value(t.tr("Review type"), label_of(a.round.review_type, t));
        flow.label_value(t.tr("Date"), date(a.round.assessed_on));
        flow.label_value(t.tr("Period covered"), period_text(a.round.period_from, a.round.period_to));
        std::string raters;
        // Each name isolated (FSI … PDI): an Arabic first name must not turn the whole list around.
        for (const Rater& r : a.round.raters)
            raters += (raters.empty() ? "" : "; ") + std::string("\u2068") + r.name + "\u2069" +
                      (r.role.empty() ? "" : " (\u2068" + r.role + "\u2069)");
        flow.label_value(t.tr("Raters"), raters.empty() ? "–" : raters);
        if (a.round.raters.size() > 1)
            flow.label_value(t.tr("Consensus"), t.tr("The raters rated each item on their own, then agreed a consensus "
                                                     "rating; the report shows the consensus."));
        std::set<std::string> codes;
        for (const Item& item : a.scale->items) codes.insert(item.sources.begin(), item.sources.end());
        std::string sources;
        for (const auto& c : codes)
            if (const DataSource* s = a.scale->source(c)) sources += (sources.empty() ? "" : "; ") + c + ": " + s->name.get(lang);
        if (!sources.empty()) flow.label_value(t.tr("Data sources"), sources);
        flow.label_value(t.tr("Scale"), a.scale->title.get(lang) + ", " + t.tr("edition") + " " + a.scale->edition + ". " +
                                             a.scale->citation);
        flow.label_value(t.tr("Definition"), format(t.tr("content hash {1}"), {a.scale->content_hash.substr(0, 16)}));
        flow.space(6);
    }

    // A multi-rater round: how far each pair's own ratings were apart before the consensus.
    void agreement() {
        if (a.round.raters.size() < 2) return;
        flow.heading(t.tr("Agreement between the raters"), 2);
        flow.paragraph(t.tr("How far the raters' own ratings were apart before they agreed the consensus, over the "
                            "items both rated with a level. Weighted kappa 1 is full agreement, 0 no better than "
                            "chance."),
                       Style::lead());
        for (const RaterPair& p : round_agreement(*a.scale, a.round, store.ratings(a.round.id))) {
            const auto isolated = [](const std::string& name) { return "\u2068" + name + "\u2069"; };
            flow.paragraph(agreement_sentence(isolated(p.a.name), isolated(p.b.name), p.stats, t));
            std::string far;
            for (const LevelPair& x : p.items)
                if (std::abs(x.a - x.b) >= 2)
                    far += (far.empty() ? "" : ", ") + x.item_id + " (" + std::to_string(x.a) + "/" + std::to_string(x.b) + ")";
            if (!far.empty())
                flow.paragraph(format(t.tr("Two levels or more apart: {1}. Topics for the reviewers' debrief."), {far}),
                               Style::small(), 12);
        }
        flow.space(6);
    }

    void score_table() {
        flow.heading(t.tr("Scores"), 1);
        for (const Section& sec : a.scale->sections) {
            std::vector<Row> rows;
            for (const auto& id : sec.item_ids) {
                const ItemResult& ir = *std::find_if(a.items.begin(), a.items.end(),
                                                     [&](const ItemResult& x) { return x.item_id == id; });
                const std::string score = ir.level ? std::to_string(*ir.level) : ir.cannot_rate ? t.tr("cannot rate") : "–";
                const auto ch = ir.change();
                rows.push_back({Cell(id), Cell(a.scale->item(id)->name.get(lang)), Cell(score), Cell(level(ir.previous)),
                                Cell(ch ? change(*ch) : "–")});
            }
            flow.heading(sec.name.get(lang), 2);
            flow.table({{t.tr("Item"), 38}, {t.tr("Name"), 0}, {t.tr("Score"), 60, pdf::Align::Right},
                        {t.tr("Previous"), 60, pdf::Align::Right}, {t.tr("Change"), 60, pdf::Align::Right}},
                       rows);
        }
    }

    void item_pages() {
        flow.new_page();
        flow.heading(t.tr("Item by item"), 1);
        const std::vector<Rating> ratings = store.ratings(a.round.id);
        const std::vector<ItemFeedback> feedback = store.item_feedback(a.round.id);
        const Style text{9.5};
        std::size_t done = 0;
        for (const ItemResult& ir : a.items) {
            progress(0.6 + 0.35 * double(++done) / double(a.items.size()));
            const Item& item = *a.scale->item(ir.item_id);
            std::string head = ir.item_id + " " + item.name.get(lang) + " — ";
            head += ir.level ? format(t.tr("level {1}"), {std::to_string(*ir.level)})
                             : ir.cannot_rate ? t.tr("cannot rate") : t.tr("not rated");
            if (ir.previous) head += " (" + format(t.tr("previous {1}"), {std::to_string(*ir.previous)}) + ")";
            flow.heading(head, 2);
            if (ir.level) {
                if (const LocalText* anchor = a.scale->anchor_text(item, *ir.level))
                    flow.label_value(t.tr("Achieved"), anchor->get(lang), 110);
                if (*ir.level < a.scale->max_level())
                    if (const LocalText* next = a.scale->anchor_text(item, *ir.level + 1))
                        flow.label_value(format(t.tr("Next level ({1})"), {std::to_string(*ir.level + 1)}),
                                         next->get(lang), 110);
            }
            const Rating* agreed = nullptr;
            for (const Rating& r : ratings)
                if (r.item_id == ir.item_id && r.rater_id == consensus_rater) agreed = &r;
            if (!agreed && a.round.raters.size() == 1)
                for (const Rating& r : ratings)
                    if (r.item_id == ir.item_id) agreed = &r;
            if (agreed) {
                inputs(item, agreed->input);
                if (agreed->input.cannot_rate)
                    flow.label_value(t.tr("Why not rated"), agreed->input.cannot_rate_reason, 110);
                if (!agreed->evidence.empty()) flow.label_value(t.tr("Evidence"), agreed->evidence, 110);
                if (!agreed->rationale.empty()) flow.label_value(t.tr("Consensus"), agreed->rationale, 110);
                if (!agreed->note.empty()) flow.label_value(t.tr("Note"), agreed->note, 110);
            }
            raters_table(item, ratings);
            for (const ItemFeedback& f : feedback) {
                if (f.item_id != ir.item_id) continue;
                if (!f.strengths.empty()) flow.label_value(t.tr("Strength"), f.strengths, 110);
                if (!f.recommendation.empty()) flow.label_value(t.tr("Recommendation"), f.recommendation, 110);
            }
            flow.space(text.size * 0.4);
        }
    }

    // With several raters, what each one gave before the consensus, side by side: the
    // level, what they entered, their evidence and their note.
    void raters_table(const Item& item, const std::vector<Rating>& ratings) {
        if (a.round.raters.size() < 2) return;
        std::vector<Row> rows;
        bool any = false;
        for (const Rater& rater : a.round.raters) {
            const Rating* own = nullptr;
            for (const Rating& r : ratings)
                if (r.item_id == item.id && r.rater_id == rater.id) own = &r;
            any = any || own;
            // The level column stays narrow: why an item could not be rated goes with what was entered.
            const std::string entered = !own                   ? ""
                                        : own->input.cannot_rate ? own->input.cannot_rate_reason
                                                                 : entered_text(item, own->input, t);
            rows.push_back({"\u2068" + rater.name + "\u2069", own ? level_text(own->input, t, false) : "\u2013", entered,
                            own ? own->evidence : "", own ? own->note : ""});
        }
        if (!any) return;  // nobody has rated it yet: nothing to set side by side
        flow.table({{t.tr("Rater"), 95}, {t.tr("Level"), 70}, {t.tr("Entered"), 0}, {t.tr("Evidence"), 0}, {t.tr("Note"), 0}},
                   rows, Style{8.5});
    }

    void inputs(const Item& item, const ItemRating& in) {
        if (in.value && item.numeric) {
            flow.label_value(t.tr("Entered"), typed_number(shortest_number(*in.value), lang) + " " +
                                                  item.numeric->unit.get(lang), 110);
        }
        if (item.checklist && !in.cannot_rate) {
            std::string present, missing;
            for (const auto& c : item.checklist->components) {
                const bool in_place = std::find(in.checked.begin(), in.checked.end(), c.id) != in.checked.end();
                (in_place ? present : missing) += ((in_place ? present : missing).empty() ? "" : "\n") + c.text.get(lang);
            }
            if (!present.empty())
                flow.label_value(format(t.tr("In place ({1} of {2})"), {std::to_string(in.checked.size()),
                                                                        std::to_string(item.checklist->components.size())}),
                                 present, 110);
            // The next step named: which components are still missing.
            if (!missing.empty()) flow.label_value(t.tr("Missing"), missing, 110);
        }
        if (item.rule && !in.inputs.empty()) {
            flow.label_value(t.tr("Entered"), describe_inputs(*item.rule, in.inputs, lang), 110);
            const RuleOutcome o = evaluate_rule(*item.rule, in.inputs, lang);
            if (o.level) flow.label_value(t.tr("Rule"), o.explanation, 110);
        }
        if (!in.specialists.empty()) {
            std::string values;
            for (double v : in.specialists) values += (values.empty() ? "" : "; ") + typed_number(shortest_number(v), lang);
            double mean = 0;
            level_for_specialists(item, in.specialists, &mean);
            flow.label_value(t.tr("Per specialist"),
                             values + " — " + format(t.tr("mean level {1}"), {format_decimal(mean, 2, lang)}), 110);
        }
    }

    RoundAnalysis a;
};

}  // namespace

void write_round_report(Store& store, Id round, const std::string& path, const ReportOptions& options) {
    RoundReport(store, round, options).write(path);
}

}  // namespace fidelis::reports
