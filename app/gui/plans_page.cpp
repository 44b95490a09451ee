// The managers' overview page. The numbers come from reports::plans_overview, the same
// analysis `fidelis-cli plans` and the printed overview use.
#include "plans_page.h"

#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

namespace fidelis::gui {

PlansPage::PlansPage(wxWindow* parent, Session& session) : wxPanel(parent), session_(session) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(heading(this, _("Plans overview"), 1.4f), 0, wxBOTTOM, FromDIP(6));
    auto* filters = new wxWrapSizer(wxHORIZONTAL);
    show_ = new wxChoice(this, wxID_ANY);
    show_->Append(_("Overdue and due within 30 days"));
    show_->Append(_("Overdue only"));
    show_->Append(_("Every unfinished action"));
    show_->SetSelection(0);
    add_labelled_group(this, filters, _("Actions:"), show_);
    search_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(200, -1)));
    add_labelled_group(this, filters, _("Team, person or text:"), search_);
    auto* print = new wxButton(this, wxID_ANY, _("Print overview…"));
    filters->Add(print, 0, wxRIGHT | wxBOTTOM | wxALIGN_CENTRE_VERTICAL, FromDIP(8));
    v->Add(filters, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    summary_ = wrapped_text(this, "");
    v->Add(summary_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));

    teams_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 180)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const wxString& c : {_("Team"), _("Municipality"), _("Plan of round"), _("Goals"), _("Actions done"),
                              _("Overdue"), _("Due soon"), _("Next follow-up"), _("Responsible manager")})
        teams_->AppendColumn(c);
    name_for_screen_readers(teams_, _("Plans by team"));
    v->Add(teams_, 1, wxEXPAND | wxBOTTOM, FromDIP(8));
    v->Add(heading(this, _("Actions"), 1.1f), 0, wxBOTTOM, FromDIP(4));
    actions_ =
        new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 180)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const wxString& c : {_("State"), _("Due"), _("Team"), _("Item"), _("Action"), _("Responsible"), _("Status")})
        actions_->AppendColumn(c);
    name_for_screen_readers(actions_, _("Actions overdue or due soon"));
    v->Add(actions_, 1, wxEXPAND | wxBOTTOM, FromDIP(4));
    // Fitted again to the width the lists really get, after the first layout and on resizing.
    refit_on_resize(actions_, [this] { fit_columns_to_width(); });
    v->Add(wrapped_text(this, _("Double-click a row, or press Enter, to open the team's plan.")), 0, wxEXPAND);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);

    show_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refresh(); });
    teams_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_selected(teams_, team_rounds_); });
    actions_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_selected(actions_, action_rounds_); });
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!on_report) return;
        ReportRequest r;
        r.kind = ReportKind::PlansOverview;
        on_report(r);
    });
    reports::PlansQuery q;
    all_ = reports::plans_overview(*session_.store, q);
    refresh();
}

bool PlansPage::action_shown(const reports::OpenAction& a) const {
    switch (show_->GetSelection()) {
        case 1:
            return a.state == reports::ActionState::Overdue;
        case 2:
            return true;
        default:
            return a.state == reports::ActionState::Overdue || a.state == reports::ActionState::Upcoming;
    }
}

void PlansPage::refresh() {
    const wxString needle = search_->GetValue().Lower().Trim().Trim(false);
    auto matches = [&](std::initializer_list<std::string> texts) {
        if (needle.empty()) return true;
        for (const std::string& s : texts)
            if (wx(s).Lower().Contains(needle)) return true;
        return false;
    };
    teams_->DeleteAllItems();
    actions_->DeleteAllItems();
    team_rounds_.clear();
    action_rounds_.clear();
    int overdue = 0, soon = 0, missing = 0;
    for (const reports::TeamPlanStatus& s : all_) {
        overdue += s.count(reports::ActionState::Overdue);
        soon += s.count(reports::ActionState::Upcoming);
        missing += s.plan_missing();
        bool any_action = false;
        for (const reports::OpenAction& a : s.open) {
            if (!action_shown(a) || !matches({s.team.name, s.team.municipality_name, a.action.what,
                                              a.action.responsible, a.action.item_id}))
                continue;
            any_action = true;
            const bool late = a.state == reports::ActionState::Overdue;
            const long row = actions_->InsertItem(
                actions_->GetItemCount(), (late ? wxString::FromUTF8("⚠ ") : wxString()) + wx(label_of(a.state)));
            actions_->SetItem(row, 1, a.action.due ? wx(a.action.due->iso()) : wxString::FromUTF8("–"));
            actions_->SetItem(row, 2, wx(s.team.name));
            actions_->SetItem(row, 3, wx(a.action.item_id));
            actions_->SetItem(row, 4, wx(a.action.what));
            actions_->SetItem(row, 5, wx(a.action.responsible));
            actions_->SetItem(row, 6, wx(label_of(a.action.status)));
            action_rounds_.push_back(a.round.id);
        }
        if (!any_action && !matches({s.team.name, s.team.municipality_name, s.manager})) continue;
        const int late = s.count(reports::ActionState::Overdue);
        const long row = teams_->InsertItem(teams_->GetItemCount(), wx(s.team.name));
        teams_->SetItem(row, 1, wx(s.team.municipality_name));
        teams_->SetItem(row, 2, s.plan_round ? wx(s.plan_round->assessed_on.iso()) : _("no plan"));
        teams_->SetItem(row, 3, wxString::Format("%d", s.goals));
        teams_->SetItem(row, 4, wxString::Format("%d / %d", s.done, s.actions));
        teams_->SetItem(row, 5, late ? wxString::FromUTF8("⚠ ") + wxString::Format("%d", late) : wxString("0"));
        teams_->SetItem(row, 6, wxString::Format("%d", s.count(reports::ActionState::Upcoming)));
        teams_->SetItem(row, 7, s.next_follow_up ? wx(s.next_follow_up->iso()) : wxString::FromUTF8("–"));
        teams_->SetItem(row, 8, wx(s.manager));
        team_rounds_.push_back(s.plan_round ? s.plan_round->id : s.latest_completed ? s.latest_completed->id : 0);
    }
    fit_columns_to_width();
    const auto n = [](int v) { return static_cast<unsigned long>(v); };
    wxString text =
        fmt(trn("{1} action is overdue.", "{1} actions are overdue.", n(overdue)), {wxString::Format("%d", overdue)}) +
        " " +
        fmt(trn("{1} action is due within {2} days.", "{1} actions are due within {2} days.", n(soon)),
            {wxString::Format("%d", soon), "30"});
    if (missing)
        text += " " + fmt(trn("{1} team has no plan for its newest completed round.",
                              "{1} teams have no plan for their newest completed round.", n(missing)),
                          {wxString::Format("%d", missing)});
    summary_->set_text(text);
    Layout();
}

void PlansPage::open_selected(wxListView* list, const std::vector<Id>& rounds) {
    const long i = list->GetFirstSelected();
    if (i < 0 || std::size_t(i) >= rounds.size() || rounds[std::size_t(i)] == 0 || !on_open_plan) return;
    on_open_plan(rounds[std::size_t(i)]);
}

int PlansPage::team_rows() const { return teams_->GetItemCount(); }
int PlansPage::action_rows() const { return actions_->GetItemCount(); }

// The team's name and the action's own words take what the short columns leave; a long
// team name is cut rather than push the overdue counts and the status out of view.
void PlansPage::fit_columns_to_width() {
    fit_columns(teams_, 0, 140);
    fit_columns(actions_, 4, 120);
    cap_column(actions_, 2, 160, 4);
}

}  // namespace fidelis::gui
