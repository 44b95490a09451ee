// The Groupings dialog and the form for one grouping (grouping_dialogs.h).
#include "grouping_dialogs.h"

#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace fidelis::gui {
namespace {

const char* const kinds[] = {"association", "custom"};

wxString kind_label(const std::string& kind) {
    if (kind == "county-part") return _("County part");
    if (kind == "association") return _("Association (samordningsförbund)");
    return _("Own grouping");
}

}  // namespace

GroupingDialog::GroupingDialog(wxWindow* parent, Session& session, const Grouping& grouping)
    : wxDialog(parent, wxID_ANY, grouping.id ? _("Change grouping") : _("New grouping"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session),
      grouping_(grouping),
      check_(&session) {
    Store& store = *session.store;
    // The county's own municipalities, then any member from elsewhere (from an older file).
    municipalities_ = store.municipalities(store.home_county().code);
    for (const auto& code : grouping.members)
        if (std::none_of(municipalities_.begin(), municipalities_.end(),
                         [&](const Municipality& m) { return m.code == code; }))
            if (const auto m = store.municipality(code)) municipalities_.push_back(*m);
    auto* body = form_grid(this);
    name = new wxTextCtrl(this, wxID_ANY, wx(grouping.name), wxDefaultPosition, FromDIP(wxSize(320, -1)));
    add_labelled(this, body, _("Name:"), name);
    kind = new wxChoice(this, wxID_ANY);
    for (const char* k : kinds) kind->Append(kind_label(k));
    kind->SetSelection(grouping.kind == "association" ? 0 : 1);
    add_labelled(this, body, _("Kind:"), kind);
    members = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(320, 300)));
    for (const Municipality& m : municipalities_) {
        const int i = members->Append(wx(m.name + " (" + m.code + ")"));
        members->Check(unsigned(i), std::find(grouping.members.begin(), grouping.members.end(), m.code) !=
                                        grouping.members.end());
    }
    add_labelled(this, body, _("Municipalities:"), members);
    finish_dialog(this, body, check_.make_line(this));
    check_.recheck_while_refused(this, [this] { TransferDataFromWindow(); });
    name->SetFocus();
}

bool GroupingDialog::tick(const std::string& code, bool on) {
    for (std::size_t i = 0; i < municipalities_.size(); ++i)
        if (municipalities_[i].code == code) {
            members->Check(unsigned(i), on);
            return true;
        }
    return false;
}

bool GroupingDialog::TransferDataFromWindow() {
    check_.begin();
    const auto n = check_.take(name, read_required(name->GetValue().Strip(wxString::both), _("a grouping needs a name")));
    Grouping g = grouping_;
    g.kind = kinds[std::max(0, kind->GetSelection())];
    g.members.clear();
    for (std::size_t i = 0; i < municipalities_.size(); ++i)
        if (members->IsChecked(unsigned(i))) g.members.push_back(municipalities_[i].code);
    if (g.members.empty()) check_.refuse(members, _("tick at least one municipality"));
    if (check_.ok() && n) {
        g.name = utf8(*n);
        try {
            if (g.id) session_.store->update_grouping(g);
            else g.id = session_.store->add_grouping(g.name, g.kind, g.members);
            grouping_ = g;
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Invalid) throw;
            check_.refuse(wxString(), wx(e.what()));
        }
    }
    check_.finish(check_.ok() ? _("grouping") : wxString());
    return check_.ok();
}

GroupingsDialog::GroupingsDialog(wxWindow* parent, Session& session)
    : wxDialog(parent, wxID_ANY, _("Groupings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    // Wrapped at the list's width: a text that wraps to what it is given would widen the dialog.
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Group municipalities your own way, for instance a samordningsförbund, to compare "
                                     "and filter by in the county view and the county report. A municipality can be in "
                                     "several groupings."));
    intro->Wrap(FromDIP(740));
    top->Add(intro, 0, wxALL, FromDIP(12));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    list = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 220)));
    name_for_screen_readers(list, _("Groupings"));
    row->Add(list, 1, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    add_button = new wxButton(this, wxID_ANY, _("New…"));
    edit_button = new wxButton(this, wxID_ANY, _("Change…"));
    remove_button = new wxButton(this, wxID_ANY, _("Remove"));
    for (wxButton* b : {add_button, edit_button, remove_button}) buttons->Add(b, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    row->Add(buttons, 0, wxLEFT, FromDIP(8));
    top->Add(row, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    note_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(note_, 0, wxEXPAND | wxALL, FromDIP(12));
    top->Add(CreateStdDialogButtonSizer(wxCLOSE), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);
    SetSizerAndFit(top);
    CentreOnParent();

    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    edit_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(); });
    remove_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    list->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { update_buttons(); });
    list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { edit(); });
    fill();
}

void GroupingsDialog::fill(const std::string& chosen_name) {
    groupings_ = session_.store->groupings();
    list->Clear();
    for (const Grouping& g : groupings_) {
        wxString names;
        for (const auto& code : g.members) {
            const auto m = session_.store->municipality(code);
            names += (names.empty() ? "" : ", ") + wx(m ? m->name : code);
        }
        list->Append(wx(g.name) + " · " + kind_label(g.kind) + ": " + names);
    }
    if (!chosen_name.empty()) choose(chosen_name);
    update_buttons();
}

bool GroupingsDialog::choose(const std::string& name) {
    for (std::size_t i = 0; i < groupings_.size(); ++i)
        if (groupings_[i].name == name) {
            list->SetSelection(int(i));
            update_buttons();
            return true;
        }
    return false;
}

const Grouping* GroupingsDialog::chosen() const {
    const int i = list->GetSelection();
    return i >= 0 && std::size_t(i) < groupings_.size() ? &groupings_[std::size_t(i)] : nullptr;
}

void GroupingsDialog::update_buttons() {
    const Grouping* g = chosen();
    const bool own = g && g->kind != "county-part";
    edit_button->Enable(own);
    remove_button->Enable(own);
    note_->SetLabel(g && !own ? _("County parts come from the reference data and cannot be changed.") : wxString());
}

void GroupingsDialog::add() {
    Grouping g;
    g.kind = "association";
    GroupingDialog dlg(this, session_, g);
    if (dlg.ShowModal() != wxID_OK) return;
    const Id id = dlg.saved_id();
    fill();
    for (const Grouping& x : groupings_)
        if (x.id == id) choose(x.name);
}

void GroupingsDialog::edit() {
    const Grouping* g = chosen();
    if (!g || g->kind == "county-part") return;
    GroupingDialog dlg(this, session_, *g);
    if (dlg.ShowModal() != wxID_OK) return;
    fill(utf8(dlg.name->GetValue().Strip(wxString::both)));
}

void GroupingsDialog::remove() {
    const Grouping* g = chosen();
    if (!g || g->kind == "county-part") return;
    if (!confirm(this, fmt(_("Remove the grouping \"{1}\"? Teams and rounds stay as they are."), {wx(g->name)}),
                 _("Remove grouping")))
        return;
    try {
        session_.store->remove_grouping(g->id);
        session_.saved(_("grouping"));
    } catch (...) {
        show_error(this, std::current_exception());
    }
    fill();
}

}  // namespace fidelis::gui
