#pragma once
// Reports from the window: a save dialog, a progress bar with Cancel, and the offer to
// open the PDF afterwards.
#include "reports/analysis.h"

#include <string>

class wxWindow;

namespace fidelis::gui {

class Session;

enum class ReportKind { Round, Trend, County, Plan, Scorecard, PlansOverview, Agreement };

struct ReportRequest {
    ReportKind kind = ReportKind::Round;
    Id id = 0;                    // the round or the team
    reports::CountyQuery county;  // for county reports (its scale and period also for the agreement report)
    std::string file_name;        // suggested; empty: suggested_file_name()
};

// The name the save dialog offers, in the window's language and with what the report is
// about: "Habo IPS förbättringsplan 2025-09-01.pdf", "länsjämförelse IPS-25.pdf".
std::string suggested_file_name(Session& session, const ReportRequest& request);

// Returns the written file, or empty when cancelled or failed (the failure is shown).
std::string run_report(wxWindow* parent, Session& session, const ReportRequest& request);

}  // namespace fidelis::gui
