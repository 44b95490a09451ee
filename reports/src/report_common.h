#pragma once
// What every report shares: its translator, the document it builds, the title block,
// number texts, footer and the draft stamp.
#include "reports/charts.h"
#include "reports/document.h"
#include "reports/reports.h"

#include <memory>

namespace fidelis::reports {

namespace pdf {
// The names the reports were first written with.
using Align = reports::Align;
using Rgb = reports::Rgb;
using reports::grey;
using reports::white;
}  // namespace pdf

class ReportWriter {
public:
    ReportWriter(Store& store, const ReportOptions& options, bool landscape);
    virtual ~ReportWriter() = default;

    Store& store;
    const ReportOptions& options;
    std::shared_ptr<const Translator> translator;
    const Translator& t;
    std::string lang;
    Document document;
    Document& flow;  // the document, read as the report is written: flow.heading(…), flow.table(…)

    // Kicker, title and a line under it.
    void title(const std::string& kicker, const std::string& heading, const std::string& subtitle);
    void progress(double fraction) const { report_progress(options.progress, fraction); }

    std::string num(double v, int decimals = 0) const { return format_decimal(v, decimals, lang); }
    std::string change(std::optional<double> v, int decimals = 0) const;
    std::string level(std::optional<int> v) const { return v ? std::to_string(*v) : std::string("–"); }
    std::string date(const Date& d) const { return d.iso(); }
    std::string percent(double share) const { return format_percent(share, lang); }
    std::string item_label(const Scale& scale, const std::string& id) const;
    // "87 of 125", "3,2 of 4,0".
    std::string total_text(const Scale& scale, double total) const;
    std::string band_text(const Score& score) const;
    std::string period_text(const std::optional<Date>& from, const std::optional<Date>& to) const;
    // The metadata author; a coded report must not name its county.
    virtual std::string author() const;

    // "IPS-25 edition 2019 · Round 2025-10-06 · External review · Generated 2026-11-22".
    std::string round_footer(const Scale& scale, const Round& round) const;
    // One paragraph per change of definition among the rounds shown: levels either side
    // follow different anchors or rules, and a reader must know before comparing them.
    void definition_notes(const std::vector<DefinitionChange>& changes);
    // Participants, people in competitive work and in studies for women, men and
    // other/unknown, with the rates and the period the figures cover.
    void team_figures(const TeamFigures& f, int heading_level = 2);
    // "12 (39 %)": a count with its share of `of`, the share left out when unknown.
    std::string count_rate(std::optional<int> count, std::optional<int> of) const;
    // All genders together; empty when none is given.
    static std::optional<int> known_total(const GenderCount& c) {
        return c.empty() ? std::nullopt : std::optional<int>(c.total());
    }

    // A translucent "DRAFT" across every page, and the word in every footer, where screen
    // readers and text extraction find it.
    void stamp_draft() { document.draft_word = t.tr("DRAFT"); }
    // Footers, metadata, save as the path's extension asks (.pdf or .html).
    void finish(const std::string& footer, const std::string& title, const std::string& subject, const std::string& path);
};

}  // namespace fidelis::reports
