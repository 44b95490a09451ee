#pragma once
// The Groupings dialog: a network's own groupings of municipalities (a samordningsförbund,
// any set), added, changed and removed beside the county parts, which come from the
// reference data and are shown but not changed. A municipality may be in any number of
// groupings. Fields and actions are public so tests drive them as a user would.
#include "field_check.h"
#include "session.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

#include <string>
#include <vector>

class wxButton;
class wxStaticText;

namespace fidelis::gui {

// One grouping's name, kind and municipalities. OK writes it through the store, and stays
// open with the reason marked when the store refuses (a taken name, no municipality).
class GroupingDialog : public wxDialog {
public:
    // `grouping` with id 0 makes a new one.
    GroupingDialog(wxWindow* parent, Session& session, const Grouping& grouping);
    bool TransferDataFromWindow() override;
    // Ticks or unticks a municipality by code; false when it is not in the list.
    bool tick(const std::string& code, bool on = true);
    Id saved_id() const { return grouping_.id; }
    wxTextCtrl* name;
    wxChoice* kind;
    wxCheckListBox* members;

private:
    Session& session_;
    Grouping grouping_;
    std::vector<Municipality> municipalities_;
    FieldCheck check_;
};

class GroupingsDialog : public wxDialog {
public:
    GroupingsDialog(wxWindow* parent, Session& session);
    // What the buttons do, on the grouping chosen in the list.
    void add();
    void edit();
    void remove();
    // Chooses a grouping in the list by name; false when there is none.
    bool choose(const std::string& name);
    wxListBox* list;
    wxButton* add_button;
    wxButton* edit_button;
    wxButton* remove_button;

private:
    void fill(const std::string& chosen = {});
    void update_buttons();
    const Grouping* chosen() const;
    Session& session_;
    std::vector<Grouping> groupings_;
    wxStaticText* note_ = nullptr;
};

}  // namespace fidelis::gui
