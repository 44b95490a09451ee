#include "report_runner.h"

#include "background_work.h"
#include "reports/render.h"
#include "reports/reports.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "session.h"
#include "ui.h"

#include <wx/filedlg.h>
#include <wx/mimetype.h>
#include <wx/utils.h>

namespace fidelis::gui {

std::string suggested_file_name(Session& session, const ReportRequest& request) {
    Store& store = *session.store;
    wxString name;
    switch (request.kind) {
    case ReportKind::Round:
    case ReportKind::Plan: {
        const Round r = store.round(request.id);
        const wxString team = wx(store.team(r.team_id).name);
        name = request.kind == ReportKind::Round ? fmt(_("{1} round {2}"), {team, wx(r.assessed_on.iso())})
                                                 : fmt(_("{1} improvement plan {2}"), {team, wx(r.assessed_on.iso())});
        break;
    }
    case ReportKind::Trend: name = fmt(_("{1} trend"), {wx(store.team(request.id).name)}); break;
    case ReportKind::Scorecard: name = fmt(_("{1} scorecard"), {wx(store.team(request.id).name)}); break;
    case ReportKind::County: {
        std::string scale = request.county.scale_id;
        if (const ScaleEntry* e = session.scales.find(scale); e && e->scale) scale = e->scale->display_name(session.lang);
        name = request.county.coded ? fmt(_("county comparison {1}, coded"), {wx(scale)})
                                    : fmt(_("county comparison {1}"), {wx(scale)});
        break;
    }
    case ReportKind::PlansOverview: name = _("plans overview"); break;
    case ReportKind::Agreement: name = _("reviewer agreement"); break;
    }
    return paths::safe_file_name(utf8(name)) + ".pdf";
}

std::string run_report(wxWindow* parent, Session& session, const ReportRequest& request) {
    // PDF to print; HTML to publish on a website (accessible, one self-contained file).
    const std::string suggested = request.file_name.empty() ? suggested_file_name(session, request) : request.file_name;
    wxFileDialog save(parent, _("Save report"), wxEmptyString, wx(suggested),
                      _("PDF, to print (*.pdf)|*.pdf|Web page, accessible, to publish (*.html)|*.html"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) return {};
    std::string path = utf8(save.GetPath());
    if (!reports::try_format_of(path)) path += save.GetFilterIndex() == 1 ? ".html" : ".pdf";

    reports::ReportOptions options;
    options.lang = session.lang;
    Store& store = *session.store;
    const auto write = [&](const Progress& progress) {
        options.progress = progress;
        switch (request.kind) {
        case ReportKind::Round: reports::write_round_report(store, request.id, path, options); break;
        case ReportKind::Trend: reports::write_trend_report(store, request.id, "", path, options); break;
        case ReportKind::County: reports::write_county_report(store, request.county, path, options); break;
        case ReportKind::Plan: reports::write_plan_report(store, request.id, path, options); break;
        case ReportKind::Scorecard: reports::write_scorecard(store, request.id, path, options); break;
        case ReportKind::Agreement: {
            reports::AgreementQuery q;
            if (!request.county.scale_id.empty()) q.scale_id = request.county.scale_id;
            q.from = request.county.from;
            q.to = request.county.to;
            reports::write_agreement_report(store, q, path, options);
            break;
        }
        case ReportKind::PlansOverview: {
            reports::PlansQuery q;
            q.today = options.today;
            reports::write_plans_overview(store, q, path, options);
            break;
        }
        }
    };
    // A national comparison takes a while: the window repaints meanwhile, and Cancel
    // leaves no file (the report is written through AtomicFile).
    try {
        if (!run_in_background(parent, _("Writing the report…"), write)) {
            session.status(_("The report was cancelled; no file was written."));
            return {};
        }
    } catch (...) {
        show_error(parent, std::current_exception());
        return {};
    }
    session.status(fmt(_("Report written: {1}"), {wx(path)}));
    if (confirm(parent, fmt(_("The report is saved as\n{1}\n\nOpen it now?"), {wx(path)}), _("Report ready"), false))
        wxLaunchDefaultApplication(wx(path));
    return path;
}

}  // namespace fidelis::gui
