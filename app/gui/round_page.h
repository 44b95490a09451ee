#pragma once
// A round: its header, and tabs for the assessment, consensus, result, team figures and
// improvement plan.
#include "round_context.h"

#include <wx/panel.h>

#include <functional>
#include <memory>

class wxNotebook;
class wxStaticText;

namespace fidelis::gui {
class WrappedText;
}
class wxKeyEvent;

namespace fidelis::gui {

class AssessmentPanel;
class ConsensusPanel;
class ResultPanel;
class FiguresPanel;
class PlanPanel;
struct ReportRequest;

class RoundPage : public wxPanel {
public:
    enum Tab { AssessmentTab, ConsensusTab, ResultTab, FiguresTab, PlanTab };
    RoundPage(wxWindow* parent, Session& session, Id round);
    ~RoundPage() override;

    void show_tab(int tab);
    int tab() const;
    void refresh();
    bool handle_key(wxKeyEvent& e);
    Id round_id() const { return ctx_->id; }
    RoundContext& context() { return *ctx_; }

    AssessmentPanel* assessment() { return assessment_; }
    ConsensusPanel* consensus() { return consensus_; }
    ResultPanel* result() { return result_; }
    FiguresPanel* figures() { return figures_; }
    PlanPanel* plan() { return plan_; }

    std::function<void(const ReportRequest&)> on_report;
    std::function<void()> on_status_changed;
    std::function<void()> on_history;  // the History… button

private:
    void update_header();
    std::unique_ptr<RoundContext> ctx_;
    // Wrapped: team, municipality, scale, date and review type outgrow a 1024×768 window.
    WrappedText* header_ = nullptr;
    WrappedText* status_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    AssessmentPanel* assessment_ = nullptr;
    ConsensusPanel* consensus_ = nullptr;
    ResultPanel* result_ = nullptr;
    FiguresPanel* figures_ = nullptr;
    PlanPanel* plan_ = nullptr;
};

}  // namespace fidelis::gui
