#pragma once
// The Outcomes view of a team: its quarterly outcomes (people served, in competitive work
// and in studies, for women, men and other/unknown; referrals and job starts) listed with
// the employment rate, and a form to enter or change a quarter. A refused entry is shown
// in the dialog with the store's reason, and nothing is saved.
#include "session.h"

#include <wx/dialog.h>

#include <array>
#include <vector>

class wxListView;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace fidelis::gui {

class OutcomesDialog : public wxDialog {
public:
    OutcomesDialog(wxWindow* parent, Session& session, Id team);

    // What the form holds now, saved as the quarter's outcomes; false (with the reason
    // shown) when refused.
    bool save();
    // Removes the quarter in the form; false (with the reason shown) when there is none.
    bool remove();
    void refresh();

    wxTextCtrl* quarter = nullptr;
    // Women, men, other/unknown.
    std::array<wxTextCtrl*, 3> served{}, working{}, studying{};
    wxTextCtrl* referrals = nullptr;
    wxTextCtrl* job_starts = nullptr;
    wxListView* list = nullptr;
    wxStaticText* message = nullptr;  // the latest refusal or confirmation

private:
    void show_message(const wxString& text, bool refused);
    void fill_form(const TeamOutcome& outcome);

    Session& session_;
    Id team_;
    std::vector<TeamOutcome> outcomes_;
};

}  // namespace fidelis::gui
