#include "report_common.h"

#include "base/i18n.h"

#include <cmath>

namespace fidelis::reports {

ReportWriter::ReportWriter(Store& s, const ReportOptions& o, bool landscape)
    : store(s),
      options(o),
      translator(load_translator(o.lang)),
      t(*translator),
      lang(translator->language()),
      doc(lang),
      flow(doc, landscape) {}

void ReportWriter::title(const std::string& kicker, const std::string& heading, const std::string& subtitle) {
    pdf::Page& p = flow.page();
    p.text(flow.left(), flow.y() + 9, kicker, 8.5, pdf::Weight::Bold, pdf::accent);
    flow.advance(14);
    for (const auto& line : flow.wrap(heading, flow.width(), 20, pdf::Weight::Bold)) {
        flow.advance(23);
        p.text(flow.left(), flow.y() - 4, line, 20, pdf::Weight::Bold, pdf::ink);
    }
    flow.advance(4);
    flow.paragraph(subtitle, pdf::Style{9.5, pdf::Weight::Regular, pdf::grey});
    p.line(flow.left(), flow.y() + 2, flow.right(), flow.y() + 2, pdf::accent, 1.2);
    flow.advance(10);
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

void ReportWriter::stamp_draft() {
    draft_ = true;
    const std::string word = t.tr("DRAFT");
    for (std::size_t i = 0; i < doc.page_count(); ++i) {
        pdf::Page& p = doc.page(i);
        const double size = 96;
        const double w = doc.text_width(word, size, pdf::Weight::Bold);
        // Centred along the diagonal.
        const double cx = p.width() / 2, cy = p.height() / 2;
        const double a = 0.78;
        p.rotated_text(cx - std::cos(a) * w / 2, cy + std::sin(a) * w / 2, 45, word, size, pdf::Weight::Bold,
                       pdf::Rgb::hex("#c8473f"), 0.13);
    }
}

void ReportWriter::finish(const std::string& footer, const std::string& title_text, const std::string& subject,
                          const std::string& path) {
    // TRANSLATORS: page numbers in the footer of every report page.
    flow.finish(draft_ ? t.tr("DRAFT") + " · " + footer : footer, t.tr("Page {1} of {2}"));
    doc.set_info(title_text, author(), subject);
    progress(0.98);
    doc.save(path);
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
        flow.paragraph(text, pdf::Style{9});
    }
}

}  // namespace fidelis::reports
