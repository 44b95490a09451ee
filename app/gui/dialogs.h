#pragma once
// The window's dialogs. Their fields are public so tests can fill them through
// wxExpectModal, the way a user would. A dialog with fields closes on OK only when every
// field can be accepted (FieldCheck); until then what is typed stays, marked.
#include "field_check.h"
#include "store/exchange.h"
#include "store/store.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/radiobox.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

namespace fidelis::gui {

class Session;
class Settings;

// Which county a new database is for.
class NewDatabaseDialog : public wxDialog {
public:
    explicit NewDatabaseDialog(wxWindow* parent);
    std::string county_code() const;
    wxChoice* county;

private:
    std::vector<County> counties_;
};

class NewTeamDialog : public wxDialog {
public:
    NewTeamDialog(wxWindow* parent, Session& session, const std::string& municipality_code = {});
    std::string municipality_code() const;
    bool TransferDataFromWindow() override;  // a team needs a name
    wxChoice* municipality;
    wxTextCtrl* name;
    wxRadioBox* method;

private:
    std::vector<Municipality> municipalities_;
    FieldCheck check_;
};

class NewRoundDialog : public wxDialog {
public:
    NewRoundDialog(wxWindow* parent, Session& session, Id team);
    // The round to create; false, with the fields marked, when one cannot be accepted.
    bool read(Store::NewRound& round);
    bool TransferDataFromWindow() override;
    wxChoice* team;
    wxChoice* scale;
    wxTextCtrl* date;
    wxTextCtrl* period_from;
    wxTextCtrl* period_to;
    wxChoice* review_type;
    wxTextCtrl* raters;  // one per line: "Name, role"

private:
    Session& session_;
    std::vector<Team> teams_;
    FieldCheck check_;
};

class PreferencesDialog : public wxDialog {
public:
    // `user` is the name chosen so far, empty for none; the field then shows the system's
    // name, which is what the history records until one is chosen.
    PreferencesDialog(wxWindow* parent, const std::string& language, const std::string& user);
    std::string language() const;  // "" to follow the system, or a language code
    wxChoice* lang;
    wxTextCtrl* user;

private:
    std::vector<std::string> languages_;  // the choices after "Follow the system"
};

// Asks, on the first start, for the name the change history records, prefilled with the
// login's full name.
class UserNameDialog : public wxDialog {
public:
    UserNameDialog(wxWindow* parent, Session& session, const std::string& suggested);
    bool TransferDataFromWindow() override;  // the history needs a name
    wxTextCtrl* name;

private:
    FieldCheck check_;
};

// The name the history records for this session, in `session.user`: the one in Preferences;
// when none is set yet, the user is asked once (unless `ask` is false: headless runs and
// tests) and the answer is kept. Cancelling keeps the system's name for this time only.
// Returns true when the dialog was shown.
bool settle_user_name(wxWindow* parent, Session& session, Settings& settings, bool ask);

// Shows what an import would do, and lets the user go ahead or not.
class ImportDialog : public wxDialog {
public:
    ImportDialog(wxWindow* parent, const ImportReport& dry_run);
    wxCheckBox* replace;
};

}  // namespace fidelis::gui
