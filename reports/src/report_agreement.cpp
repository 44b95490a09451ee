// The county agreement report: how far reviewers were apart before they agreed a consensus,
// per reviewer pair and per round, the items to calibrate on in the debrief, ICC of the
// totals, and self-assessments against the nearest external review. For the network
// leader who trains reviewers and wants to know how far a self-assessment can be trusted.
#include "report_common.h"

#include "base/i18n.h"
#include "reports/agreement.h"

#include <algorithm>

namespace fidelis::reports {
namespace {

// Items shown as calibration topics: those the reviewers were furthest apart on.
constexpr std::size_t calibration_items = 8;

class AgreementReport : public ReportWriter {
public:
    AgreementReport(Store& s, const AgreementQuery& q, const ReportOptions& o)
        : ReportWriter(s, o, false), query(q), a(analyse_agreement(s, q)) {}

    void write(const std::string& path) {
        if (!a.scale)
            throw Error(format(t.tr("No completed {1} rounds in {2}."), {query.scale_id, period_text(query.from, query.to)}));
        const Scale& scale = *a.scale;
        const std::string place = county_name();
        title(t.tr("AGREEMENT REPORT"), place,
              scale.title.get(lang) + " (" + scale.display_name(lang) + ") · " + period_text(query.from, query.to) + " · " +
                  format(t.tr("Generated {1}"), {date(options.today)}));
        overview();
        explained();
        progress(0.3);
        reviewer_pairs();
        calibration();
        progress(0.5);
        self_external();
        progress(0.7);
        rounds();
        finish(scale.display_name(lang) + " · " + t.tr("Agreement between reviewers") + " · " + place + " · " +
                   format(t.tr("Generated {1}"), {date(options.today)}),
               format(t.tr("Agreement report: {1}, {2}"), {place, scale.display_name(lang)}), scale.title.get(lang), path);
    }

private:
    std::string county_name() const {
        const std::string code = query.county_code.empty() ? store.home_county().code : query.county_code;
        for (const County& c : store.counties())
            if (c.code == code) return c.name;
        return code;
    }

    std::string mad(const Agreement& g) const { return g.mean_abs_difference ? num(*g.mean_abs_difference, 2) : "–"; }
    std::string icc(const Icc& i) const {
        return i.value ? format(t.tr("{1} (n = {2})"), {num(*i.value, 2), std::to_string(i.n)})
                       : format(t.tr("cannot be computed (n = {1})"), {std::to_string(i.n)});
    }
    // n, exact, within one, kappa, mean absolute difference, as cells.
    Row stat_cells(const Agreement& g) const {
        return {Cell(std::to_string(g.n)), Cell(share_text(g.exact_share(), t)), Cell(share_text(g.within_one_share(), t)),
                Cell(kappa_text(g, t)), Cell(mad(g))};
    }
    std::vector<Column> stat_columns() const {
        return {{t.tr("n"), 34, Align::Right},           {t.tr("Same level"), 50, Align::Right},
                {t.tr("Within one"), 50, Align::Right},  {t.tr("Weighted kappa"), 60, Align::Right},
                {t.tr("Mean abs. difference"), 62, Align::Right}};
    }

    void overview() {
        const Agreement& g = a.all;
        if (a.rounds.empty()) {
            flow.paragraph(t.tr("No completed round in the period has two raters or more, so there is no agreement "
                                "between reviewers to report."),
                           Style::strong(10));
            return;
        }
        flow.headline({kappa_text(g, t), t.tr("weighted kappa, all pairs"), "", std::nullopt, 26});
        flow.paragraph(format(t.tr("{1} items rated by both reviewers of a pair in {2} rounds: the same level on {3}, "
                                   "within one level on {4}."),
                              {std::to_string(g.n), std::to_string(rounds_count()), share_text(g.exact_share(), t),
                               share_text(g.within_one_share(), t)}),
                       Style::strong(10));
    }

    void explained() {
        flow.heading(t.tr("What the figures mean"), 1);
        flow.bullets({
            t.tr("Reviewers rate each item on their own before they agree a consensus. These figures compare those "
                 "independent ratings, two reviewers at a time; the consensus is not part of them."),
            t.tr("n is the number of items both reviewers rated with a level. Items one of them could not rate, or did "
                 "not rate, are left out, so every figure says how many items it rests on."),
            t.tr("Same level: the share of those items where both chose the same level. Within one: the share where "
                 "they were at most one level apart."),
            t.tr("Weighted kappa (quadratic weights) corrects for the agreement two reviewers would reach by chance, "
                 "and counts a two-level difference four times as heavily as a one-level difference. 1 is full "
                 "agreement, 0 is no better than chance. It cannot be computed when every rating is on the same level."),
            t.tr("Mean absolute difference: how many levels apart the two reviewers were on average."),
            t.tr("ICC of totals (two-way, absolute agreement, single rater): how well the two reviewers' totals for the "
                 "same round agree, over all the rounds of a pair. 1 means they always arrive at the same total. With "
                 "few rounds it is uncertain."),
            t.tr("Few items or rounds make every figure uncertain: read them with n. There is no official limit for IPS "
                 "reviews; discuss the largest differences in a short debrief to calibrate."),
        });
    }

    void reviewer_pairs() {
        if (a.reviewers.empty()) return;
        flow.heading(t.tr("Per reviewer pair"), 1);
        flow.paragraph(t.tr("All rounds each pair rated together, pooled, with the ICC of their round totals (over "
                            "the items both rated)."),
                       Style::lead());
        std::vector<Row> rows;
        for (const ReviewerPair& p : a.reviewers) {
            Row r{Cell("\u2068" + p.a + "\u2069 / \u2068" + p.b + "\u2069"), Cell(std::to_string(p.rounds))};
            for (Cell& c : stat_cells(p.pooled)) r.push_back(c);
            r.push_back(Cell(icc(p.icc)));
            rows.push_back(r);
        }
        Row all{Cell(t.tr("All pairs")), Cell(std::to_string(rounds_count()))};
        for (Cell& c : stat_cells(a.all)) all.push_back(c);
        all.push_back(Cell(icc(a.icc_all)));
        for (Cell& c : all) c.weight = Weight::Bold;
        rows.push_back(all);
        std::vector<Column> cols{{t.tr("Reviewers"), 0}, {t.tr("Rounds"), 62, Align::Right}};
        for (const Column& c : stat_columns()) cols.push_back(c);
        cols.push_back({t.tr("ICC of totals"), 70, Align::Right});
        flow.table(cols, rows, Style::small(), t.tr("Agreement per reviewer pair"), true);
        flow.paragraph(t.tr("For all pairs, the ICC compares each round's first and second reviewer."), Style::note());
    }

    std::size_t rounds_count() const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < a.rounds.size(); ++i)
            if (i == 0 || a.rounds[i].round.id != a.rounds[i - 1].round.id) ++n;
        return n;
    }

    void calibration() {
        std::vector<Row> rows;
        for (const ItemDisagreement& d : a.items) {
            if (rows.size() == calibration_items || d.mean_abs_difference <= 0) break;
            rows.push_back({Cell(item_label(*a.scale, d.item_id)), Cell(std::to_string(d.n)),
                            Cell(share_text(double(d.exact) / d.n, t)), Cell(num(d.mean_abs_difference, 2))});
        }
        if (rows.empty()) return;
        flow.heading(t.tr("Where reviewers disagree most"), 1);
        flow.paragraph(t.tr("The items with the largest mean absolute difference between reviewers over all pairs: "
                            "topics for the calibration debrief. Compare the evidence each reviewer used against "
                            "the item's anchors."),
                       Style::lead());
        flow.table({{t.tr("Item"), 0}, {t.tr("Pairs"), 40, Align::Right}, {t.tr("Same level"), 60, Align::Right},
                    {t.tr("Mean abs. difference"), 80, Align::Right}},
                   rows, Style::small(), t.tr("Items where reviewers disagree most"), true);
    }

    void rounds() {
        if (a.rounds.empty()) return;
        flow.heading(t.tr("Per round"), 1);
        std::vector<Row> rows;
        for (const RoundPairAgreement& rp : a.rounds) {
            Row r{Cell(date(rp.round.assessed_on)), Cell(rp.team.name + ", " + rp.team.municipality_name),
                  Cell(label_of(rp.round.review_type, t)),
                  Cell("\u2068" + rp.pair.a.name + "\u2069 / \u2068" + rp.pair.b.name + "\u2069")};
            for (Cell& c : stat_cells(rp.pair.stats)) r.push_back(c);
            rows.push_back(r);
        }
        std::vector<Column> cols{{t.tr("Date"), 54}, {t.tr("Team"), 0}, {t.tr("Review type"), 62}, {t.tr("Reviewers"), 0}};
        for (const Column& c : stat_columns()) cols.push_back(c);
        flow.table(cols, rows, Style::note(), t.tr("Agreement per round and rater pair"));
    }

    void self_external() {
        flow.heading(t.tr("Self-assessment against external review"), 1);
        if (a.self_external.empty()) {
            flow.paragraph(t.tr("No team has both a completed self-assessment (own or guided) in the period and a "
                                "completed external review of this scale."));
            return;
        }
        flow.paragraph(t.tr("Each self-assessment, own or guided, against the team's external review nearest in date: "
                            "the agreed levels, item by item. A positive mean difference means the team rated itself "
                            "higher than the reviewers did."),
                       Style::lead());
        std::vector<Row> rows;
        for (const SelfExternal& s : a.self_external) {
            Row r{Cell(s.team.name + ", " + s.team.municipality_name), Cell(date(s.self.assessed_on)),
                  Cell(date(s.external.assessed_on)), Cell(std::to_string(s.days_apart))};
            for (Cell& c : stat_cells(s.stats)) r.push_back(c);
            r.push_back(Cell(s.stats.mean_difference ? format_change(*s.stats.mean_difference, 2, lang) : "–"));
            rows.push_back(r);
        }
        std::vector<Column> cols{{t.tr("Team"), 0}, {t.tr("Self-assessment"), 54}, {t.tr("External review"), 54},
                                 {t.tr("Days apart"), 36, Align::Right}};
        for (const Column& c : stat_columns()) cols.push_back(c);
        cols.push_back({t.tr("Self − external"), 48, Align::Right});
        flow.table(cols, rows, Style::note(), t.tr("Self-assessments against the nearest external review"), true);

        // Item by item for each team's latest comparison: where the team and the reviewers differed.
        flow.heading(t.tr("Item by item: each team's latest self-assessment"), 2);
        for (std::size_t i = 0; i < a.self_external.size(); ++i) {
            const SelfExternal& s = a.self_external[i];
            if (i + 1 < a.self_external.size() && a.self_external[i + 1].team.id == s.team.id) continue;
            std::vector<Row> rows_items;
            int same = 0;
            for (const SelfExternalItem& x : s.items) {
                if (x.difference() && *x.difference() == 0) {
                    ++same;
                    continue;
                }
                rows_items.push_back({Cell(item_label(*a.scale, x.item_id)), Cell(level(x.self)), Cell(level(x.external)),
                                      Cell(x.difference() ? format_change(*x.difference(), 0, lang) : "–")});
            }
            flow.heading(format(t.tr("{1}: self-assessment {2}, external review {3}"),
                                {s.team.name + ", " + s.team.municipality_name, date(s.self.assessed_on),
                                 date(s.external.assessed_on)}),
                         3);
            flow.paragraph(format(t.trn("The same level on {1} item; the items below differ or lack a level on one side.",
                                        "The same level on {1} items; the items below differ or lack a level on one side.",
                                        static_cast<unsigned long>(same)),
                                  {std::to_string(same)}),
                           Style::small());
            if (!rows_items.empty())
                flow.table({{t.tr("Item"), 0}, {t.tr("Self"), 50, Align::Right}, {t.tr("External"), 50, Align::Right},
                            {t.tr("Difference"), 60, Align::Right}},
                           rows_items, Style::small(), t.tr("Items where the self-assessment and the external review differ"),
                           true);
        }
    }

    AgreementQuery query;
    CountyAgreement a;
};

}  // namespace

void write_agreement_report(Store& store, const AgreementQuery& query, const std::string& path,
                            const ReportOptions& options) {
    AgreementReport(store, query, options).write(path);
}

}  // namespace fidelis::reports
