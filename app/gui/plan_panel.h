#pragma once
// The improvement plan: its header, goals tied to items (the weakest and declining items
// are suggested, described by the target level's anchor), and actions with one responsible
// person, dates and status. Goals and actions open for editing on a double-click or Enter;
// a removed action can be brought back with Undo. Overdue actions are marked with a sign
// and a word as well as colour.
#include "field_check.h"
#include "round_context.h"

#include <wx/scrolwin.h>

#include <functional>
#include <optional>

class wxListView;
class wxTextCtrl;
class wxStaticText;

namespace fidelis::gui {

class PlanPanel : public wxScrolledWindow {
public:
    wxListView* actions_list() const { return actions_; }  // for tests
    PlanPanel(wxWindow* parent, RoundContext& ctx);
    void refresh();
    void add_action();
    void add_goal();
    void suggest_goals();
    void carry_over();
    void edit_goal();
    void undo_remove();

    std::function<void()> on_report;

private:
    void save_header(wxWindow* edited);  // edited: the field whose change led to it
    void fit_columns();
    void edit_action();
    void remove_selected(bool goal);
    void fit_goal_list();  // as tall as its rows, so that every goal shows without scrolling

    RoundContext& ctx_;
    ImprovementPlan plan_;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxTextCtrl* manager_ = nullptr;
    wxTextCtrl* follow_up_ = nullptr;
    wxListView* goals_ = nullptr;
    wxListView* actions_ = nullptr;
    wxStaticText* overdue_ = nullptr;
    wxWindow* undo_ = nullptr;           // "Undo removal", shown while there is one to undo
    std::optional<PlanAction> removed_;  // the action last removed, for Undo
    FieldCheck check_;                   // the header's dates
    bool loading_ = false;
};

}  // namespace fidelis::gui
