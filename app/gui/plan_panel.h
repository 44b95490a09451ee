#pragma once
// The improvement plan: its header, goals tied to items (the weakest and declining items
// are suggested), and actions with one responsible person, dates and status. Overdue
// actions are marked with a sign and a word as well as colour.
#include "field_check.h"
#include "round_context.h"

#include <wx/scrolwin.h>

#include <functional>

class wxListView;
class wxTextCtrl;
class wxStaticText;

namespace fidelis::gui {

class PlanPanel : public wxScrolledWindow {
public:
    PlanPanel(wxWindow* parent, RoundContext& ctx);
    void refresh();
    void add_action();
    void add_goal();
    void suggest_goals();
    void carry_over();

    std::function<void()> on_report;

private:
    void save_header(wxWindow* edited);  // edited: the field whose change led to it
    void fit_columns();
    void edit_action();
    void remove_selected(bool goal);

    RoundContext& ctx_;
    ImprovementPlan plan_;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxTextCtrl* manager_ = nullptr;
    wxTextCtrl* follow_up_ = nullptr;
    wxListView* goals_ = nullptr;
    wxListView* actions_ = nullptr;
    wxStaticText* overdue_ = nullptr;
    FieldCheck check_;  // the header's dates
    bool loading_ = false;
};

}  // namespace fidelis::gui
