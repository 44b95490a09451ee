#include "round_page.h"

#include "assessment_panel.h"
#include "background_work.h"
#include "consensus_panel.h"
#include "plan_panel.h"
#include "report_runner.h"
#include "result_panel.h"
#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace fidelis::gui {

RoundPage::RoundPage(wxWindow* parent, Session& session, Id round)
    : wxPanel(parent), ctx_(std::make_unique<RoundContext>(session, round)) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    header_ = wrapped_text(this, "");
    header_->SetFont(header_->GetFont().Bold().Larger());
    v->Add(header_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    auto* status_row = new wxBoxSizer(wxHORIZONTAL);
    status_ = wrapped_text(this, "");
    status_row->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
    // Who changed what, and when: the history viewer (Round menu, Ctrl+H).
    auto* history = new wxButton(this, wxID_ANY, _("History…"));
    history->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_history) on_history();
    });
    status_row->Add(history, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    v->Add(status_row, 0, wxEXPAND | wxALL, FromDIP(8));
    tabs_ = new wxNotebook(this, wxID_ANY);
    assessment_ = new AssessmentPanel(tabs_, *ctx_);
    consensus_ = new ConsensusPanel(tabs_, *ctx_);
    result_ = new ResultPanel(tabs_, *ctx_);
    figures_ = new FiguresPanel(tabs_, *ctx_);
    plan_ = new PlanPanel(tabs_, *ctx_);
    tabs_->AddPage(assessment_, _("Assessment"));
    tabs_->AddPage(consensus_, _("Consensus"));
    tabs_->AddPage(result_, _("Result"));
    tabs_->AddPage(figures_, _("Team figures"));
    tabs_->AddPage(plan_, _("Improvement plan"));
    v->Add(tabs_, 1, wxEXPAND);
    SetSizer(v);

    tabs_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        // Never while a report or an import has the Store (background_work.h).
        CallAfter([this] { after_background_work([this] { refresh(); }); });
    });
    result_->on_status_changed = [this] {
        ctx_->reload();
        refresh();
        if (on_status_changed) on_status_changed();
    };
    result_->on_report = [this](int kind) {
        if (!on_report) return;
        ReportRequest r;
        r.kind = kind == 0 ? ReportKind::Round : ReportKind::Scorecard;
        r.id = kind == 0 ? ctx_->id : ctx_->team.id;
        on_report(r);
    };
    plan_->on_report = [this] {
        if (!on_report) return;
        ReportRequest r;
        r.kind = ReportKind::Plan;
        r.id = ctx_->id;
        on_report(r);
    };
    update_header();
    refresh();
}

RoundPage::~RoundPage() = default;

void RoundPage::update_header() {
    const auto& r = ctx_->round;
    const std::string& lang = ctx_->session.lang;
    header_->set_text(wx(ctx_->team.name + " · " + ctx_->team.municipality_name + " · " + ctx_->scale->display_name(lang) +
                         " (" + r.edition + ") · " + r.assessed_on.iso() + " · " + label_of(r.review_type)));
    wxString status = fmt(_("Status: {1}"), {wx(label_of(r.status))});
    if (r.status == RoundStatus::Completed) status += wxString::FromUTF8(" · ") + _("read-only; reopen it on the Result tab to change it");
    else status += wxString::FromUTF8(" · ") + _("every change is saved as you make it");
    status_->set_text(status);
}

void RoundPage::show_tab(int tab) { tabs_->SetSelection(std::size_t(tab)); }
int RoundPage::tab() const { return tabs_->GetSelection(); }

void RoundPage::refresh() {
    update_header();
    switch (tab()) {
    case AssessmentTab: assessment_->refresh(); break;
    case ConsensusTab: consensus_->refresh(); break;
    case ResultTab: result_->refresh(); break;
    case FiguresTab: figures_->refresh(); break;
    case PlanTab: plan_->refresh(); break;
    default: break;
    }
}

bool RoundPage::handle_key(wxKeyEvent& e) {
    switch (tab()) {
    case AssessmentTab: return assessment_->handle_key(e);
    case ConsensusTab: return consensus_->handle_key(e);
    default: return false;
    }
}

}  // namespace fidelis::gui
