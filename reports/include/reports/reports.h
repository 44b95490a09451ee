#pragma once
// The reports. Each takes the store, what to report on, the output path and options, and
// writes a PDF or an HTML file as the path's extension says (.pdf, .html); each writes
// through a temporary file, so a failed report leaves nothing behind.
#include "reports/agreement.h"
#include "reports/analysis.h"
#include "reports/plans_overview.h"
#include "base/progress.h"

#include <string>

namespace fidelis::reports {

struct ReportOptions {
    std::string lang = "sv";          // "sv" or "en": text, numbers and dates
    Date today = Date::today();       // the generation date, and what "overdue" is measured against
    std::string organisation;         // author in the metadata; empty: the database's county
    Progress progress;                // may cancel
    // A PDF with a structure tree (headings, paragraphs, tables, figures) for screen
    // readers. It about doubles the file (one object per table cell: libharu writes PDF 1.3,
    // with no object streams), so it is asked for; the HTML is the accessible edition.
    bool tagged_pdf = false;
};

void write_round_report(Store& store, Id round, const std::string& path, const ReportOptions& options);
// `scale_id` empty: the scale of the team's latest round.
void write_trend_report(Store& store, Id team, const std::string& scale_id, const std::string& path,
                        const ReportOptions& options);
// `key_path` (a coded query only): also the code key, which team each code stands for,
// from the same analysis: a report marked as not for publication (.pdf, .html), else CSV.
void write_county_report(Store& store, const CountyQuery& query, const std::string& path, const ReportOptions& options,
                         const std::string& key_path = {});
void write_plan_report(Store& store, Id round, const std::string& path, const ReportOptions& options);
// The managers' overview of every team's plan, with overdue and upcoming actions.
void write_plans_overview(Store& store, const PlansQuery& query, const std::string& path, const ReportOptions& options);
// One page per team for network meetings, from its latest round.
void write_scorecard(Store& store, Id team, const std::string& path, const ReportOptions& options);
// A booklet for the network meeting: a cover listing the teams, then one page per team with
// a completed round (of `scale_id`; empty: each team's latest completed round of any scale).
void write_scorecards(Store& store, const std::string& scale_id, const std::string& path, const ReportOptions& options);

// How far reviewers agree in a county: per reviewer pair and round, the items to calibrate,
// ICC of totals, and self-assessments against the nearest external review (agreement.h).
void write_agreement_report(Store& store, const AgreementQuery& query, const std::string& path,
                            const ReportOptions& options);

}  // namespace fidelis::reports
