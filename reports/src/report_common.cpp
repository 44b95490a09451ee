#include "report_common.h"

#include "base/i18n.h"
#include "reports/render.h"

#include <cmath>

namespace fidelis::reports {

ReportWriter::ReportWriter(Store& s, const ReportOptions& o, bool landscape)
    : store(s),
      options(o),
      translator(load_translator(o.lang)),
      t(*translator),
      lang(translator->language()),
      flow(document) {
    document.lang = lang;
    document.landscape = landscape;
    document.tagged = o.tagged_pdf;
}

void ReportWriter::title(const std::string& kicker, const std::string& heading, const std::string& subtitle) {
    document.title_block(kicker, heading, subtitle);
}

std::string ReportWriter::change(std::optional<double> v, int decimals) const {
    return v ? format_change(*v, decimals, lang) : std::string("–");
}

std::string ReportWriter::item_label(const Scale& scale, const std::string& id) const {
    const Item* item = scale.item(id);
    return item ? id + " " + item->name.get(lang) : id;
}

std::string ReportWriter::total_text(const Scale& scale, double total) const {
    const int d = scale.scoring.decimals;
    return format(t.tr("{1} of {2}"), {num(total, d), num(scale.max_total(), d)});
}

std::string ReportWriter::band_text(const Score& score) const {
    if (score.band) return score.band->label.get(lang);
    if (!score.complete()) return t.tr("no band: the total is incomplete");
    return {};
}

std::string ReportWriter::period_text(const std::optional<Date>& from, const std::optional<Date>& to) const {
    if (from && to) return date(*from) + " – " + date(*to);
    if (from) return format(t.tr("from {1}"), {date(*from)});
    if (to) return format(t.tr("up to {1}"), {date(*to)});
    return t.tr("all rounds");
}

std::string ReportWriter::author() const {
    if (!options.organisation.empty()) return options.organisation;
    return store.home_county().name;
}

std::string ReportWriter::round_footer(const Scale& scale, const Round& round) const {
    return scale.display_name(lang) + " " + t.tr("edition") + " " + scale.edition + " · " +
           format(t.tr("Round {1}"), {date(round.assessed_on)}) + " · " + label_of(round.review_type, t) + " · " +
           format(t.tr("Generated {1}"), {date(options.today)});
}

void ReportWriter::finish(const std::string& footer, const std::string& title_text, const std::string& subject,
                          const std::string& path) {
    document.footer = footer;
    // TRANSLATORS: page numbers in the footer of every report page.
    document.page_pattern = t.tr("Page {1} of {2}");
    document.title = title_text;
    document.author = author();
    document.subject = subject;
    progress(0.9);
    render(document, path);
}

std::string ReportWriter::count_rate(std::optional<int> count, std::optional<int> of) const {
    if (!count) return "–";
    const auto share = rate_of(count, of);
    return share ? std::to_string(*count) + " (" + percent(*share) + ")" : std::to_string(*count);
}

void ReportWriter::team_figures(const TeamFigures& f, int heading_level) {
    flow.heading(t.tr("Team figures"), heading_level);
    const std::string period = f.period_from || f.period_to ? period_text(f.period_from, f.period_to) : t.tr("not given");
    const auto total = known_total;
    const GenderCount& p = f.participants;
    auto row = [&](const std::string& label, const GenderCount& c, bool rates) {
        if (!rates)
            return Row{Cell(label), Cell(count_rate(c.women, std::nullopt)), Cell(count_rate(c.men, std::nullopt)),
                       Cell(count_rate(c.other, std::nullopt)), Cell(count_rate(total(c), std::nullopt))};
        return Row{Cell(label), Cell(count_rate(c.women, p.women)), Cell(count_rate(c.men, p.men)),
                   Cell(count_rate(c.other, p.other)), Cell(count_rate(total(c), total(p)))};
    };
    flow.table({{"", 0}, {t.tr("Women"), 80, Align::Right}, {t.tr("Men"), 80, Align::Right},
                {t.tr("Other or unknown"), 90, Align::Right}, {t.tr("All"), 80, Align::Right}},
               {row(t.tr("Participants"), p, false), row(t.tr("In competitive work"), f.competitive_work, true),
                row(t.tr("Started studies"), f.studies, true)},
               Style::small(), format(t.tr("Team figures, {1}"), {period}), true);
    flow.paragraph(format(t.tr("Period the figures cover: {1}. Shares are of the participants of the same gender."), {period}),
                   Style::note());
}

void ReportWriter::definition_notes(const std::vector<DefinitionChange>& changes) {
    for (const DefinitionChange& c : changes) {
        std::string items;
        for (const auto& id : c.items) items += (items.empty() ? "" : ", ") + id;
        const std::string name = c.newer->display_name(lang);
        std::string text =
            c.revision ? format(t.tr("{1} revised {2}, from the round of {3}: {4}"),
                                {name, c.revision->date, date(c.first_round), c.revision->note.get(lang)})
                       : format(t.tr("The definition of {1} changed from the round of {2}."), {name, date(c.first_round)});
        if (!items.empty()) text += " " + format(t.tr("Items whose text or rule changed: {1}."), {items});
        flow.paragraph(text, Style{9});
    }
}

}  // namespace fidelis::reports
