#include "plan_dialogs.h"

#include "base/i18n.h"
#include "reports/goal_suggestions.h"
#include "session.h"
#include "ui.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace fidelis::gui {
namespace {

wxChoice* item_choice(wxWindow* parent, const Scale& scale, const std::string& lang, const std::string& selected,
                      bool allow_none) {
    auto* c = new wxChoice(parent, wxID_ANY);
    if (allow_none) c->Append(_("The whole service"));
    for (const Item& item : scale.items) {
        c->Append(wx(item.id + "  " + item.name.get(lang)));
        if (item.id == selected) c->SetSelection(int(c->GetCount()) - 1);
    }
    if (c->GetSelection() < 0) c->SetSelection(0);
    return c;
}

std::string chosen_item(const wxChoice* c, const Scale& scale, bool allow_none) {
    const int i = c->GetSelection() - (allow_none ? 1 : 0);
    return i >= 0 && std::size_t(i) < scale.items.size() ? scale.items[std::size_t(i)].id : std::string();
}

}  // namespace

GoalDialog::GoalDialog(wxWindow* parent, Session& session, const Scale& scale, const PlanGoal& g)
    : wxDialog(parent, wxID_ANY, _("Goal")), scale_(scale), lang_(session.lang), check_(&session) {
    const std::string& lang = session.lang;
    auto* body = form_grid(this);
    item = item_choice(this, scale, lang, g.item_id, false);
    add_labelled(this, body, _("Item:"), item);
    target = new wxChoice(this, wxID_ANY);
    for (const Level& l : scale.levels) {
        target->Append(wxString::Format("%d", l.value) + " " + wx(l.label.get(lang)));
        if (g.target_level == l.value) target->SetSelection(int(target->GetCount()) - 1);
    }
    if (target->GetSelection() < 0) target->SetSelection(int(target->GetCount()) - 1);
    add_labelled(this, body, _("Target level:"), target);
    date = new wxTextCtrl(this, wxID_ANY, g.target_date ? wx(g.target_date->iso()) : wxString());
    add_labelled(this, body, _("Target date (YYYY-MM-DD):"), date);
    description = new wxTextCtrl(this, wxID_ANY, wx(g.description), wxDefaultPosition, FromDIP(wxSize(360, 60)), wxTE_MULTILINE);
    add_labelled(this, body, _("Description:"), description);
    finish_dialog(this, body, check_.make_line(this));
    if (g.target_level) described_ = wx(reports::goal_description(scale, g.item_id, *g.target_level, lang_));
    describe();
    item->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        e.Skip();
        describe();
    });
    target->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        e.Skip();
        describe();
    });
    check_.recheck_while_refused(this, [this] {
        PlanGoal ignored;
        read(ignored);
    });
}

void GoalDialog::describe() {
    const wxString typed = description->GetValue();
    if (!typed.empty() && typed != described_) return;  // the user's own words stay
    const int t = target->GetSelection();
    if (t < 0) return;
    described_ = wx(reports::goal_description(scale_, chosen_item(item, scale_, false), scale_.levels[std::size_t(t)].value, lang_));
    description->ChangeValue(described_);
}

bool GoalDialog::TransferDataFromWindow() {
    PlanGoal g;
    return read(g);
}

bool GoalDialog::read(PlanGoal& g) {
    check_.begin();
    g.target_date = check_.take(date, read_date(date->GetValue()));
    check_.finish();
    if (!check_.ok()) return false;
    g.item_id = chosen_item(item, scale_, false);
    g.target_level = scale_.levels[std::size_t(std::max(0, target->GetSelection()))].value;
    g.description = utf8(description->GetValue());
    return true;
}

ActionDialog::ActionDialog(wxWindow* parent, Session& session, const Scale& scale, const PlanAction& a)
    : wxDialog(parent, wxID_ANY, _("Action"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      scale_(scale),
      check_(&session) {
    const std::string& lang = session.lang;
    auto* body = form_grid(this);
    item = item_choice(this, scale, lang, a.item_id, true);
    add_labelled(this, body, _("Area / item:"), item);
    what = new wxTextCtrl(this, wxID_ANY, wx(a.what), wxDefaultPosition, FromDIP(wxSize(380, 54)), wxTE_MULTILINE);
    add_labelled(this, body, _("Action:"), what);
    responsible = new wxTextCtrl(this, wxID_ANY, wx(a.responsible));
    add_labelled(this, body, _("Responsible (one person):"), responsible);
    resources = new wxTextCtrl(this, wxID_ANY, wx(a.resources));
    add_labelled(this, body, _("Resources:"), resources);
    start = new wxTextCtrl(this, wxID_ANY, a.start ? wx(a.start->iso()) : wx(Date::today().iso()));
    add_labelled(this, body, _("Start (YYYY-MM-DD):"), start);
    due = new wxTextCtrl(this, wxID_ANY, a.due ? wx(a.due->iso()) : wxString());
    add_labelled(this, body, _("Due (YYYY-MM-DD):"), due);
    follow_up = new wxTextCtrl(this, wxID_ANY, wx(a.follow_up));
    add_labelled(this, body, _("Follow-up (how and when):"), follow_up);
    status = new wxChoice(this, wxID_ANY);
    for (ActionStatus s : {ActionStatus::Planned, ActionStatus::Ongoing, ActionStatus::Done, ActionStatus::Cancelled})
        status->Append(wx(label_of(s)));
    status->SetSelection(int(a.status));
    add_labelled(this, body, _("Status:"), status);
    comment = new wxTextCtrl(this, wxID_ANY, wx(a.comment));
    add_labelled(this, body, _("Comment:"), comment);
    finish_dialog(this, body, check_.make_line(this));
    check_.recheck_while_refused(this, [this] {
        PlanAction ignored;
        read(ignored);
    });
    what->SetFocus();
}

bool ActionDialog::TransferDataFromWindow() {
    PlanAction a;
    return read(a);
}

bool ActionDialog::read(PlanAction& a) {
    check_.begin();
    check_.take(what, read_required(what->GetValue(), _("describe what is to be done")));
    const auto s = check_.take(start, read_date(start->GetValue()));
    const auto d = check_.take(due, read_date(due->GetValue()));
    if (s && d && *d < *s) check_.refuse(due, _("the action is due before it starts"));
    check_.finish();
    if (!check_.ok()) return false;
    a.item_id = chosen_item(item, scale_, true);
    a.what = utf8(what->GetValue());
    a.responsible = utf8(responsible->GetValue());
    a.resources = utf8(resources->GetValue());
    a.start = s;
    a.due = d;
    a.follow_up = utf8(follow_up->GetValue());
    a.status = static_cast<ActionStatus>(std::max(0, status->GetSelection()));
    a.comment = utf8(comment->GetValue());
    return true;
}

CarryOverDialog::CarryOverDialog(wxWindow* parent, const std::vector<PlanAction>& offered)
    : wxDialog(parent, wxID_ANY, _("Carry over unfinished actions"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      offered_(offered) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(new wxStaticText(this, wxID_ANY, _("These actions from earlier plans are planned or ongoing. Tick the ones "
                                              "that continue in this plan.")),
           0, wxBOTTOM, FromDIP(8));
    actions = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(520, 200)));
    for (const PlanAction& a : offered_) {
        actions->Append(wx((a.item_id.empty() ? std::string() : a.item_id + ": ") + a.what + " (" + a.responsible + ", " +
                           label_of(a.status) + ")"));
        actions->Check(actions->GetCount() - 1);
    }
    name_for_screen_readers(actions, _("Unfinished actions"));
    v->Add(actions, 1, wxEXPAND);
    finish_dialog(this, v);
}

std::vector<std::string> CarryOverDialog::chosen() const {
    std::vector<std::string> out;
    for (unsigned i = 0; i < actions->GetCount(); ++i)
        if (actions->IsChecked(i)) out.push_back(offered_[i].uuid);
    return out;
}

}  // namespace fidelis::gui
