#include "dialogs.h"

#include "base/collation.h"
#include "base/i18n.h"
#include "language.h"
#include "session.h"
#include "settings.h"
#include "store/reference_data.h"
#include "ui.h"

#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <sstream>

namespace fidelis::gui {

NewDatabaseDialog::NewDatabaseDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("New database")), counties_(ReferenceData::load().counties) {
    auto* body = form_grid(this);
    county = new wxChoice(this, wxID_ANY);
    int jonkoping = 0;
    for (std::size_t i = 0; i < counties_.size(); ++i) {
        county->Append(wx(counties_[i].name + " (" + counties_[i].code + ")"));
        if (counties_[i].code == "06") jonkoping = int(i);
    }
    county->SetSelection(jonkoping);
    add_labelled(this, body, _("County:"), county);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("The database gets all municipalities and the county's parts as groupings.\n"
                                    "You choose where to save it next."));
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(body, 0, wxEXPAND);
    v->Add(hint, 0, wxTOP, FromDIP(10));
    finish_dialog(this, v);
}

std::string NewDatabaseDialog::county_code() const {
    const int i = county->GetSelection();
    return i >= 0 ? counties_[std::size_t(i)].code : "06";
}

NewTeamDialog::NewTeamDialog(wxWindow* parent, Session& session, const std::string& code)
    : wxDialog(parent, wxID_ANY, _("New team")), check_(&session) {
    Store& store = *session.store;
    // The database's own county first, then the rest of the country.
    const std::string home = store.home_county().code;
    municipalities_ = store.municipalities(home);
    for (const Municipality& m : store.municipalities(""))
        if (m.county_code != home) municipalities_.push_back(m);
    auto* body = form_grid(this);
    municipality = new wxChoice(this, wxID_ANY);
    for (std::size_t i = 0; i < municipalities_.size(); ++i) {
        municipality->Append(wx(municipalities_[i].name + " (" + municipalities_[i].code + ")"));
        if (municipalities_[i].code == code) municipality->SetSelection(int(i));
    }
    if (municipality->GetSelection() < 0) municipality->SetSelection(0);
    add_labelled(this, body, _("Municipality:"), municipality);
    name = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, body, _("Team name:"), name);
    const wxString methods[] = {_("Supported Employment"), _("IPS")};
    method = new wxRadioBox(this, wxID_ANY, _("Method"), wxDefaultPosition, wxDefaultSize, 2, methods);
    body->AddSpacer(0);
    body->Add(method);
    finish_dialog(this, body, check_.make_line(this));
    check_.recheck_while_refused(this, [this] { TransferDataFromWindow(); });
    name->SetFocus();
}

bool NewTeamDialog::TransferDataFromWindow() {
    check_.begin();
    check_.take(name, read_required(name->GetValue(), _("a team needs a name")));
    check_.finish();
    return check_.ok();
}

std::string NewTeamDialog::municipality_code() const {
    return municipalities_[std::size_t(std::max(0, municipality->GetSelection()))].code;
}

NewRoundDialog::NewRoundDialog(wxWindow* parent, Session& session, Id team_id)
    : wxDialog(parent, wxID_ANY, _("New round"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session),
      check_(&session) {
    auto* body = form_grid(this);
    team = new wxChoice(this, wxID_ANY);
    teams_ = session.store->teams();
    for (std::size_t i = 0; i < teams_.size(); ++i) {
        team->Append(wx(teams_[i].municipality_name + " – " + teams_[i].name));
        if (teams_[i].id == team_id) team->SetSelection(int(i));
    }
    add_labelled(this, body, _("Team:"), team);
    scale = new wxChoice(this, wxID_ANY);
    for (const ScaleEntry& e : session.scales.entries())
        scale->Append(wx(e.scale->display_name(session.lang) + " (" + e.scale->edition + ") – " +
                         e.scale->title.get(session.lang)));
    scale->SetSelection(0);
    // An IPS team is measured with IPS-25 unless someone chooses otherwise.
    if (team->GetSelection() >= 0) {
        const bool ips = teams_[std::size_t(team->GetSelection())].method == Method::IPS;
        for (std::size_t i = 0; i < session.scales.entries().size(); ++i)
            if ((session.scales.entries()[i].scale->id == "ips-25") == ips) {
                scale->SetSelection(int(i));
                break;
            }
    }
    add_labelled(this, body, _("Scale:"), scale);
    date = new wxTextCtrl(this, wxID_ANY, wx(Date::today().iso()));
    add_labelled(this, body, _("Date (YYYY-MM-DD):"), date);
    period_from = new wxTextCtrl(this, wxID_ANY, wx(Date::today().add_months(-12).add_days(1).iso()));
    add_labelled(this, body, _("Period covered, from:"), period_from);
    period_to = new wxTextCtrl(this, wxID_ANY, wx(Date::today().iso()));
    add_labelled(this, body, _("Period covered, to:"), period_to);
    review_type = new wxChoice(this, wxID_ANY);
    for (ReviewType t : {ReviewType::Self, ReviewType::Guided, ReviewType::External}) review_type->Append(wx(label_of(t)));
    review_type->SetSelection(0);
    add_labelled(this, body, _("Review type:"), review_type);
    raters = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, FromDIP(wxSize(360, 90)), wxTE_MULTILINE);
    add_labelled(this, body, _("Raters, one per line\n(name, role):"), raters);
    finish_dialog(this, body, check_.make_line(this));
    check_.recheck_while_refused(this, [this] { TransferDataFromWindow(); });
}

bool NewRoundDialog::TransferDataFromWindow() {
    Store::NewRound nr;
    return read(nr);
}

bool NewRoundDialog::read(Store::NewRound& nr) {
    check_.begin();
    check_.refuse(team, team->GetSelection() < 0 ? _("choose the team") : wxString());
    check_.refuse(scale, scale->GetSelection() < 0 ? _("choose a scale") : wxString());
    const auto d = check_.take(date, read_date(date->GetValue(), true));
    nr.period_from = check_.take(period_from, read_date(period_from->GetValue()));
    nr.period_to = check_.take(period_to, read_date(period_to->GetValue()));
    if (nr.period_from && nr.period_to && *nr.period_to < *nr.period_from)
        check_.refuse(period_to, _("the period ends before it starts"));
    nr.raters.clear();
    std::istringstream lines(utf8(raters->GetValue()));
    for (std::string line; std::getline(lines, line);) {
        const auto comma = line.find(',');
        std::string name = line.substr(0, comma), role = comma == std::string::npos ? "" : line.substr(comma + 1);
        auto trim = [](std::string& s) {
            s.erase(0, s.find_first_not_of(" \t\r"));
            s.erase(s.find_last_not_of(" \t\r") + 1);
        };
        trim(name);
        trim(role);
        if (!name.empty()) nr.raters.emplace_back(name, role);
    }
    check_.refuse(raters, nr.raters.empty() ? _("add at least one rater: the team itself for a self-assessment, or the reviewers")
                                            : wxString());
    check_.finish();
    if (!check_.ok()) return false;
    nr.team_id = teams_[std::size_t(team->GetSelection())].id;
    nr.scale = session_.scales.entries()[std::size_t(scale->GetSelection())].scale;
    nr.assessed_on = *d;
    nr.review_type = static_cast<ReviewType>(review_type->GetSelection());
    return true;
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, const std::string& language, const std::string& name)
    : wxDialog(parent, wxID_ANY, _("Preferences")) {
    auto* body = form_grid(this);
    lang = new wxChoice(this, wxID_ANY);
    lang->Append(_("Follow the system"));
    lang->SetSelection(0);
    // Every language with an installed catalog, each in its own name.
    for (const std::string& code : available_languages()) {
        languages_.push_back(code);
        lang->Append(language_name(code));
        if (code == language) lang->SetSelection(int(languages_.size()));
    }
    add_labelled(this, body, _("Language:"), lang);
    user = new wxTextCtrl(this, wxID_ANY, wx(name));
    // Left empty, the history keeps using the system's name, which the hint shows.
    user->SetHint(wx(os_user_full_name()));
    add_labelled(this, body, _("Your name (for the change history):"), user);
    finish_dialog(this, body);
}

std::string PreferencesDialog::language() const {
    const int i = lang->GetSelection();
    return i > 0 ? languages_[std::size_t(i - 1)] : std::string();
}

UserNameDialog::UserNameDialog(wxWindow* parent, Session& session, const std::string& suggested)
    : wxDialog(parent, wxID_ANY, _("Your name")), check_(&session) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    auto* why = new wxStaticText(this, wxID_ANY, _("Fidelis keeps a history of every change in a database: what changed, "
                                                   "when, and by whom. Which name should it record for you?"));
    why->Wrap(FromDIP(420));
    v->Add(why, 0, wxBOTTOM, FromDIP(10));
    auto* grid = form_grid(this);
    name = new wxTextCtrl(this, wxID_ANY, wx(suggested), wxDefaultPosition, FromDIP(wxSize(280, -1)));
    add_labelled(this, grid, _("Your name:"), name);
    v->Add(grid, 0, wxEXPAND);
    auto* later = new wxStaticText(this, wxID_ANY, _("You can change it later in File → Preferences."));
    v->Add(later, 0, wxTOP, FromDIP(10));
    finish_dialog(this, v, check_.make_line(this));
    check_.recheck_while_refused(this, [this] { TransferDataFromWindow(); });
    name->SetFocus();
    name->SelectAll();
}

bool UserNameDialog::TransferDataFromWindow() {
    check_.begin();
    check_.take(name, read_required(name->GetValue(), _("the history needs a name")));
    check_.finish();
    return check_.ok();
}

bool settle_user_name(wxWindow* parent, Session& session, Settings& settings, bool ask) {
    const bool asking = ask && settings.user_name().empty();
    if (asking) {
        UserNameDialog dlg(parent, session, os_user_full_name());
        if (dlg.ShowModal() == wxID_OK) {
            settings.set_user_name(utf8(dlg.name->GetValue().Strip(wxString::both)));
            settings.save();
        }
    }
    session.user = settings.effective_user_name();
    return asking;
}

ImportDialog::ImportDialog(wxWindow* parent, const ImportReport& dry)
    : wxDialog(parent, wxID_ANY, _("Import round file"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    using O = ImportedRound::Outcome;
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(new wxStaticText(this, wxID_ANY,
                            fmt(_("Nothing has changed yet. What importing would do: rounds added {1}, identical and "
                                  "skipped {2}, in conflict {3}."),
                                {wxString::Format("%d", dry.count(O::Added)), wxString::Format("%d", dry.count(O::Identical)),
                                 wxString::Format("%d", dry.count(O::Conflict))})),
           0, wxBOTTOM, FromDIP(8));
    auto* list = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 240)));
    list->AppendColumn(_("Outcome"));
    list->AppendColumn(_("Municipality"));
    list->AppendColumn(_("Team"));
    list->AppendColumn(_("Scale"));
    list->AppendColumn(_("Date"));
    for (const ImportedRound& r : dry.rounds) {
        wxString outcome;
        switch (r.outcome) {
        case O::Added: outcome = _("new"); break;
        case O::Identical: outcome = _("identical, skipped"); break;
        case O::Conflict: outcome = wxString::FromUTF8("⚠ ") + _("conflict"); break;
        case O::Replaced: outcome = _("replaced"); break;
        }
        const long row = list->InsertItem(list->GetItemCount(), outcome);
        list->SetItem(row, 1, wx(r.municipality_code));
        list->SetItem(row, 2, wx(r.team));
        list->SetItem(row, 3, wx(r.scale));
        list->SetItem(row, 4, wx(r.date.iso()));
    }
    for (int c = 0; c < 5; ++c) list->SetColumnWidth(c, wxLIST_AUTOSIZE);
    name_for_screen_readers(list, _("What the import would do"));
    v->Add(list, 1, wxEXPAND);
    replace = new wxCheckBox(this, wxID_ANY, _("Replace rounds in conflict with the file's version"));
    replace->Enable(dry.count(O::Conflict) > 0);
    v->Add(replace, 0, wxTOP, FromDIP(8));
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK)) ok->SetLabel(_("&Import"));
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(top);
    CentreOnParent();
}

}  // namespace fidelis::gui
