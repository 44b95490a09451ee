// The county view's reviews-due list: the review cycle rule shown as a table, overdue rows
// named "Overdue" in their own column (and in bold), never by colour alone.
#include "review_list.h"

#include "ui.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>

#include <algorithm>

namespace fidelis::gui {

ReviewsDueList::ReviewsDueList(wxWindow* parent, Session& session) : wxPanel(parent), session_(session) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(heading(this, fmt(_("Reviews due now or in the next {1} days"), {wxString::Format("%d", days_ahead)}), 1.1f),
           0, wxBOTTOM, FromDIP(4));
    summary_ = new wxStaticText(this, wxID_ANY, "");
    v->Add(summary_, 0, wxBOTTOM, FromDIP(4));
    list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 120)), wxLC_REPORT);
    for (const wxString& c :
         {_("State"), _("Next review"), _("Municipality"), _("Team"), _("Latest round"), _("Total"), _("Plan")})
        list_->AppendColumn(c);
    name_for_screen_readers(list_, _("Reviews due"));
    // The team's name takes what the short columns leave, fitted to the width the list
    // really gets, so the plan column stays in view at 1024×768.
    refit_on_resize(list_, [this] { fit_columns(list_, 3, 140); });
    v->Add(list_, 0, wxEXPAND);
    SetSizer(v);
}

void ReviewsDueList::show(const std::string& scale_id, const std::set<std::string>& only, const Date& today) {
    reports::ReviewCycleQuery q;
    q.scale_id = scale_id;
    q.today = today;
    q.within_days = days_ahead;
    entries_.clear();
    for (auto& e : reports::review_cycle(*session_.store, q))
        if (only.empty() || only.count(e.team.municipality_code)) entries_.push_back(std::move(e));

    list_->DeleteAllItems();
    int overdue = 0, due = 0;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const reports::ReviewCycleEntry& e = entries_[i];
        overdue += e.state == reports::ReviewState::Overdue;
        due += e.state == reports::ReviewState::Due;
        const long row = list_->InsertItem(long(i), wx(reports::label_of(e.state)));
        list_->SetItem(row, 1, wx(e.review_due.iso()));
        list_->SetItem(row, 2, wx(e.team.municipality_name));
        list_->SetItem(row, 3, wx(e.team.name));
        list_->SetItem(row, 4, wx(e.round.assessed_on.iso()));
        list_->SetItem(row, 5, number(e.total, e.total_decimals) + (e.total_complete ? "" : " *"));
        wxString plan;
        if (e.plan_made)
            plan = _("Made");
        else if (e.plan_due < today)
            plan = fmt(_("Missing, was due {1}"), {wx(e.plan_due.iso())});
        else
            plan = fmt(_("Missing, due {1}"), {wx(e.plan_due.iso())});
        list_->SetItem(row, 6, plan);
        if (e.state == reports::ReviewState::Overdue) {
            wxFont bold = list_->GetFont();
            bold.MakeBold();
            list_->SetItemFont(row, bold);
        }
    }
    fit_columns(list_, 3, 140);
    if (entries_.empty())
        summary_->SetLabel(_("No team is due for review."));
    else
        summary_->SetLabel(
            fmt(_("Overdue: {1} · due today: {2} · in the next {3} days: {4}"),
                {wxString::Format("%d", overdue), wxString::Format("%d", due), wxString::Format("%d", days_ahead),
                 wxString::Format("%d", int(entries_.size()) - overdue - due)}));
    // Room for every row up to eight, then the list scrolls.
    const int rows = std::max(1, std::min(8, int(entries_.size())));
    list_->SetMinSize(wxSize(-1, FromDIP(34) + rows * FromDIP(24)));
    Layout();
}

}  // namespace fidelis::gui
