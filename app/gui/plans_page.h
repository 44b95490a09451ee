#pragma once
// The managers' overview page: every team's improvement plan with its overdue and
// upcoming actions, filterable, printable, and a way into each team's plan.
#include "report_runner.h"
#include "reports/plans_overview.h"
#include "session.h"

#include <wx/panel.h>

#include <functional>

class wxChoice;
class wxListView;
class wxTextCtrl;

namespace fidelis::gui {

class WrappedText;

class PlansPage : public wxPanel {
public:
    PlansPage(wxWindow* parent, Session& session);
    void refresh();
    // Opens the round whose plan holds the chosen row, on its plan tab.
    std::function<void(Id round)> on_open_plan;
    std::function<void(const ReportRequest&)> on_report;

    int team_rows() const;
    int action_rows() const;
    wxListView* teams_list() const { return teams_; }      // for tests
    wxListView* actions_list() const { return actions_; }  // for tests

private:
    bool action_shown(const reports::OpenAction& a) const;
    void open_selected(wxListView* list, const std::vector<Id>& rounds);
    void fit_columns_to_width();

    Session& session_;
    wxChoice* show_ = nullptr;  // which actions: overdue, overdue and due soon, every unfinished
    wxTextCtrl* search_ = nullptr;
    WrappedText* summary_ = nullptr;
    wxListView* teams_ = nullptr;
    wxListView* actions_ = nullptr;
    std::vector<reports::TeamPlanStatus> all_;
    std::vector<Id> team_rounds_;    // per row of teams_: the round of its plan, or 0
    std::vector<Id> action_rounds_;  // per row of actions_
};

}  // namespace fidelis::gui
