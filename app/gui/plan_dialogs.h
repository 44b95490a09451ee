#pragma once
// Editing a plan's goals and actions, and choosing which unfinished actions to carry over.
// OK closes a goal or action only when every field can be accepted; until then the fields
// that cannot are marked, and everything typed stays.
#include "field_check.h"
#include "store/model.h"
#include "scales/scale.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

namespace fidelis::gui {

class Session;

class GoalDialog : public wxDialog {
public:
    GoalDialog(wxWindow* parent, Session& session, const Scale& scale, const PlanGoal& goal);
    // Reads the fields into `goal`; false, with the fields marked, when one cannot be accepted.
    bool read(PlanGoal& goal);
    bool TransferDataFromWindow() override;
    wxChoice* item;
    wxChoice* target;
    wxTextCtrl* date;
    wxTextCtrl* description;

private:
    // What the target level means for the chosen item; it fills the description while the
    // description is empty or still the one filled in before.
    void describe();
    const Scale& scale_;
    std::string lang_;
    wxString described_;  // the description last filled in
    FieldCheck check_;
};

class ActionDialog : public wxDialog {
public:
    ActionDialog(wxWindow* parent, Session& session, const Scale& scale, const PlanAction& action);
    // Reads the fields into `action`; false, with the fields marked, when one cannot be accepted.
    bool read(PlanAction& action);
    bool TransferDataFromWindow() override;
    wxChoice* item;
    wxTextCtrl* what;
    wxTextCtrl* responsible;
    wxTextCtrl* resources;
    wxTextCtrl* start;
    wxTextCtrl* due;
    wxTextCtrl* follow_up;
    wxChoice* status;
    wxTextCtrl* comment;

private:
    const Scale& scale_;
    FieldCheck check_;
};

class CarryOverDialog : public wxDialog {
public:
    CarryOverDialog(wxWindow* parent, const std::vector<PlanAction>& offered);
    std::vector<std::string> chosen() const;
    wxCheckListBox* actions;

private:
    std::vector<PlanAction> offered_;
};

}  // namespace fidelis::gui
