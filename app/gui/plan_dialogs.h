#pragma once
// Editing a plan's goals and actions, and choosing which unfinished actions to carry over.
#include "store/model.h"
#include "scales/scale.h"

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

namespace fidelis::gui {

class GoalDialog : public wxDialog {
public:
    GoalDialog(wxWindow* parent, const Scale& scale, const std::string& lang, const PlanGoal& goal);
    bool read(PlanGoal& goal);
    wxChoice* item;
    wxChoice* target;
    wxTextCtrl* date;
    wxTextCtrl* description;

private:
    const Scale& scale_;
};

class ActionDialog : public wxDialog {
public:
    ActionDialog(wxWindow* parent, const Scale& scale, const std::string& lang, const PlanAction& action);
    bool read(PlanAction& action);
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
