#include "plan_panel.h"

#include "base/i18n.h"
#include "plan_dialogs.h"
#include "reports/analysis.h"
#include "../core/plan_work.h"
#include "reports/goal_suggestions.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace fidelis::gui {

PlanPanel::PlanPanel(wxWindow* parent, RoundContext& ctx)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      ctx_(ctx),
      check_(&ctx.session) {
    SetScrollRate(0, FromDIP(12));
    const int gap = FromDIP(8);
    auto* v = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxFlexGridSizer(4, FromDIP(wxSize(8, 6)));
    head->AddGrowableCol(1, 1);
    head->AddGrowableCol(3, 1);
    from_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("Plan period from:"), from_);
    to_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("to:"), to_);
    // "to" alone says nothing to a screen reader, nor in a message about what was not saved.
    name_for_screen_readers(to_, _("Plan period to"));
    manager_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("Responsible manager:"), manager_);
    follow_up_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("Next follow-up:"), follow_up_);
    v->Add(head, 0, wxEXPAND | wxBOTTOM, gap);
    v->Add(check_.make_line(this), 0, wxEXPAND | wxBOTTOM, gap);

    auto* gbox = new wxStaticBoxSizer(wxVERTICAL, this, _("Goals (3–4, tied to items)"));
    goals_ = new wxListView(gbox->GetStaticBox(), wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    // TRANSLATORS: goal columns: "Current" and "Target" are levels (1–5) of the item.
    for (const wxString& c : {_("Item"), _("Current"), _("Target"), _("Target date"), _("Description")})
        goals_->AppendColumn(c);
    name_for_screen_readers(goals_, _("Goals"));
    gbox->Add(goals_, 0, wxEXPAND);
    // Wrap sizers: at 1024×768 the buttons go on two lines rather than off the edge.
    auto* gb = new wxWrapSizer(wxHORIZONTAL);
    auto* add_goal_button = new wxButton(gbox->GetStaticBox(), wxID_ANY, _("Add goal…"));
    auto* suggest = new wxButton(gbox->GetStaticBox(), wxID_ANY, _("Suggest from weakest and declining items"));
    auto* edit_goal_button = new wxButton(gbox->GetStaticBox(), wxID_ANY, _("Edit goal…"));
    auto* remove_goal = new wxButton(gbox->GetStaticBox(), wxID_ANY, _("Remove goal"));
    for (wxButton* b : {add_goal_button, edit_goal_button, suggest, remove_goal})
        gb->Add(b, 0, wxRIGHT | wxBOTTOM, gap);
    gbox->Add(gb, 0, wxEXPAND | wxTOP, FromDIP(4));
    v->Add(gbox, 0, wxEXPAND | wxBOTTOM, gap);

    auto* abox = new wxStaticBoxSizer(wxVERTICAL, this, _("Actions"));
    actions_ = new wxListView(abox->GetStaticBox(), wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 180)),
                              wxLC_REPORT | wxLC_SINGLE_SEL);
    // Fitted again to the width the list really gets (after the first layout, and when the
    // window is resized), so the status column never ends up out of view.
    refit_on_resize(actions_, [this] { fit_columns(); });
    // TRANSLATORS: action columns; "Due" is the date the action should be done by.
    for (const wxString& c : {_("Area / item"), _("Action"), _("Responsible"), _("Start"), _("Due"), _("Status")})
        actions_->AppendColumn(c);
    name_for_screen_readers(actions_, _("Actions"));
    abox->Add(actions_, 0, wxEXPAND);
    overdue_ = new wxStaticText(abox->GetStaticBox(), wxID_ANY, "");
    abox->Add(overdue_, 0, wxTOP, FromDIP(4));
    auto* ab = new wxWrapSizer(wxHORIZONTAL);
    auto* add = new wxButton(abox->GetStaticBox(), wxID_ANY, _("Add action…"));
    auto* edit = new wxButton(abox->GetStaticBox(), wxID_ANY, _("Edit…"));
    auto* remove = new wxButton(abox->GetStaticBox(), wxID_ANY, _("Remove action"));
    auto* undo = new wxButton(abox->GetStaticBox(), wxID_ANY, _("Undo removal"));
    undo_ = undo;
    auto* carry = new wxButton(abox->GetStaticBox(), wxID_ANY, _("Carry over unfinished actions…"));
    auto* report = new wxButton(abox->GetStaticBox(), wxID_ANY, _("Plan report…"));
    for (wxButton* b : {add, edit, remove, undo, carry, report}) ab->Add(b, 0, wxRIGHT | wxBOTTOM, gap);
    undo->Hide();
    abox->Add(ab, 0, wxEXPAND | wxTOP, FromDIP(4));
    v->Add(abox, 0, wxEXPAND);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);

    for (wxTextCtrl* t : {from_, to_, manager_, follow_up_})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
            if (!loading_) save_header(dynamic_cast<wxWindow*>(e.GetEventObject()));
        });
    actions_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        fit_columns();
    });
    add_goal_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_goal(); });
    suggest->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { suggest_goals(); });
    remove_goal->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(true); });
    edit_goal_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_goal(); });
    goals_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit_goal(); });
    undo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { undo_remove(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_action(); });
    edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_action(); });
    actions_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit_action(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(false); });
    carry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { carry_over(); });
    report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_report) on_report();
    });
}

void PlanPanel::refresh() {
    loading_ = true;
    plan_ = ctx_.store().plan(ctx_.id);
    // A date the user is still correcting stays as typed (show_stored).
    show_stored(from_, plan_.period_from ? wx(plan_.period_from->iso()) : "");
    show_stored(to_, plan_.period_to ? wx(plan_.period_to->iso()) : "");
    manager_->ChangeValue(wx(plan_.manager));
    show_stored(follow_up_, plan_.next_follow_up ? wx(plan_.next_follow_up->iso()) : "");
    // A plan stays open after the round is completed; only a read-only database locks it.
    for (wxTextCtrl* t : {from_, to_, manager_, follow_up_}) t->SetEditable(!ctx_.session.store->read_only());
    const std::string& lang = ctx_.session.lang;
    goals_->DeleteAllItems();
    for (const PlanGoal& g : plan_.goals) {
        const long row = goals_->InsertItem(goals_->GetItemCount(), wx(g.item_id));
        goals_->SetItem(row, 1, g.current_level ? wxString::Format("%d", *g.current_level) : wxString::FromUTF8("–"));
        goals_->SetItem(row, 2, g.target_level ? wxString::Format("%d", *g.target_level) : wxString::FromUTF8("–"));
        goals_->SetItem(row, 3, g.target_date ? wx(g.target_date->iso()) : wxString());
        goals_->SetItem(row, 4, wx(g.description));
    }
    const Date today = Date::today();
    int overdue = 0;
    actions_->DeleteAllItems();
    for (const PlanAction& a : plan_.actions) {
        const Item* item = ctx_.scale->item(a.item_id);
        const long row = actions_->InsertItem(actions_->GetItemCount(),
                                              item ? wx(a.item_id + " " + item->name.get(lang)) : wx(a.item_id));
        actions_->SetItem(row, 1, wx(a.what));
        actions_->SetItem(row, 2, wx(a.responsible));
        actions_->SetItem(row, 3, a.start ? wx(a.start->iso()) : wxString());
        actions_->SetItem(row, 4, a.due ? wx(a.due->iso()) : wxString());
        wxString status = wx(label_of(a.status));
        if (a.overdue(today)) {
            // An icon and a word, not only a colour.
            status = wxString::FromUTF8("⚠ ") + _("Overdue") + " (" + status + ")";
            actions_->SetItemBackgroundColour(row, wxColour(0xf6, 0xd5, 0xd2));
            ++overdue;
        }
        actions_->SetItem(row, 5, status);
    }
    fit_columns();
    fit_goal_list();
    overdue_->SetLabel(overdue ? wxString::FromUTF8("⚠ ") +
                                     fmt(trn("{1} overdue action", "{1} overdue actions", unsigned(overdue)),
                                         {wxString::Format("%d", overdue)})
                               : wxString());
    FitInside();
    loading_ = false;
}

void PlanPanel::save_header(wxWindow* edited) {
    // Every field that can be accepted is saved; one that cannot keeps its saved value, and
    // its text stays on screen, marked, until it is corrected.
    const ImprovementPlan stored = ctx_.store().plan(ctx_.id);
    check_.begin();
    auto from = check_.take(from_, read_date(from_->GetValue()), stored.period_from);
    auto to = check_.take(to_, read_date(to_->GetValue()), stored.period_to);
    const auto next = check_.take(follow_up_, read_date(follow_up_->GetValue()), stored.next_follow_up);
    if (from && to && *to < *from) {
        // The period stays as saved; the date or dates typed are marked.
        for (wxTextCtrl* t : {from_, to_})
            if (field_problem(t).empty()) check_.refuse(t, _("the period ends before it starts"));
        from = stored.period_from;
        to = stored.period_to;
    }
    const std::string manager = utf8(manager_->GetValue());
    if (from == stored.period_from && to == stored.period_to && next == stored.next_follow_up &&
        manager == stored.manager)
        return check_.finish();
    check_.save(
        this, _("plan"), [&] { ctx_.store().update_plan_header(ctx_.id, from, to, manager, next); }, edited);
}

void PlanPanel::add_goal() {
    PlanGoal g;
    GoalDialog dlg(this, ctx_.session, *ctx_.scale, g);
    if (dlg.ShowModal() != wxID_OK || !dlg.read(g)) return;
    const auto result = ctx_.store().result_ratings(ctx_.id);
    if (const auto it = result.find(g.item_id); it != result.end() && it->second.rated())
        g.current_level = it->second.level;
    try {
        ctx_.store().add_goal(ctx_.id, g);
        ctx_.session.saved(_("goal"));
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::suggest_goals() {
    // Suggested as the analysis ranks the priorities, all or none (app/core/plan_work.h).
    try {
        core::add_suggested_goals(ctx_.store(), ctx_.id, ctx_.session.lang);
        ctx_.session.saved(_("suggested goals"));
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::edit_goal() {
    const long sel = goals_->GetFirstSelected();
    if (sel < 0 || std::size_t(sel) >= plan_.goals.size()) return;
    PlanGoal g = plan_.goals[std::size_t(sel)];
    const std::string item_before = g.item_id;
    GoalDialog dlg(this, ctx_.session, *ctx_.scale, g);
    if (dlg.ShowModal() != wxID_OK || !dlg.read(g)) return;
    if (g.item_id != item_before) {
        // Another item: its current level is the one this round agreed.
        const auto result = ctx_.store().result_ratings(ctx_.id);
        const auto it = result.find(g.item_id);
        g.current_level = it != result.end() && it->second.rated() ? it->second.level : std::nullopt;
    }
    try {
        ctx_.store().update_goal(ctx_.id, g);
        ctx_.session.saved(_("goal"));
        refresh();
        goals_->Select(sel);
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::add_action() {
    PlanAction a;
    if (const long sel = goals_->GetFirstSelected(); sel >= 0) a.item_id = plan_.goals[std::size_t(sel)].item_id;
    ActionDialog dlg(this, ctx_.session, *ctx_.scale, a);
    if (dlg.ShowModal() != wxID_OK || !dlg.read(a)) return;
    try {
        ctx_.store().add_action(ctx_.id, a);
        ctx_.session.saved(_("action"));
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::edit_action() {
    const long sel = actions_->GetFirstSelected();
    if (sel < 0) return;
    PlanAction a = plan_.actions[std::size_t(sel)];
    ActionDialog dlg(this, ctx_.session, *ctx_.scale, a);
    if (dlg.ShowModal() != wxID_OK || !dlg.read(a)) return;
    try {
        ctx_.store().update_action(ctx_.id, a);
        ctx_.session.saved(_("action"));
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::remove_selected(bool goal) {
    wxListView* list = goal ? goals_ : actions_;
    const long sel = list->GetFirstSelected();
    if (sel < 0) return;
    try {
        if (goal) {
            ctx_.store().remove_goal(ctx_.id, plan_.goals[std::size_t(sel)].id);
            ctx_.session.saved(_("goal removed"));
        } else {
            // Removed at once, and kept for Undo: an action holds more typing than a question is worth.
            const PlanAction a = plan_.actions[std::size_t(sel)];
            ctx_.store().remove_action(ctx_.id, a.id);
            removed_ = a;
            ctx_.session.status(fmt(_("Action removed: {1}. “Undo removal” brings it back."), {wx(a.what)}));
        }
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::undo_remove() {
    if (!removed_) return;
    try {
        PlanAction a = *removed_;
        a.id = 0;  // the same action (its uuid) comes back, at the end of the list
        ctx_.store().add_action(ctx_.id, a);
        removed_.reset();
        ctx_.session.saved(_("action restored"));
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::carry_over() {
    const auto offered = ctx_.store().unfinished_actions_before(ctx_.id);
    if (offered.empty()) {
        ctx_.session.status(_("No unfinished actions in earlier plans."));
        return;
    }
    CarryOverDialog dlg(this, offered);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        ctx_.store().carry_over(ctx_.id, dlg.chosen());
        ctx_.session.saved(_("actions carried over"));
        refresh();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void PlanPanel::fit_columns() {
    // The free text takes what the other columns leave, each as wide as its header and
    // values, so that the status (with its overdue mark) stays in view on a small screen.
    // Only the area is capped: its long item name is cut at 130 px (its id comes first), and
    // what that frees goes to the free text. The status is never cut.
    gui::fit_columns(actions_, 1, 120);
    gui::cap_column(actions_, 0, 130, 1);
    gui::fit_columns(goals_, 4);
}

void PlanPanel::fit_goal_list() {
    // Every goal in view (a plan has three or four), and room for one more row, so that an
    // empty list still reads as a list.
    const int rows = goals_->GetItemCount();
    int row_height = GetCharHeight() + FromDIP(8);
    int top = row_height + FromDIP(6);  // the column header
    wxRect r;
    if (rows > 0 && goals_->GetItemRect(0, r)) {
        row_height = r.height;
        top = r.y;
    }
    const int height = top + (rows + 1) * row_height + FromDIP(6);
    if (goals_->GetMinSize().y != height) {
        goals_->SetMinSize(wxSize(-1, height));
        Layout();
    }
    undo_->Show(removed_.has_value());
    Layout();
    FitInside();
}

}  // namespace fidelis::gui
