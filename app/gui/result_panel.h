#pragma once
// The result: total and band on a gauge with the band zones, section subtotals, the item
// profile, changes since the previous round, strengths and recommendations, and the
// command that completes (locks) the round or reopens it.
#include "field_check.h"
#include "round_context.h"

#include <wx/scrolwin.h>

#include <functional>

class wxListView;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace fidelis::gui {

class GaugeChart;
class ProfileChart;

class ResultPanel : public wxScrolledWindow {
public:
    ResultPanel(wxWindow* parent, RoundContext& ctx);
    void refresh();
    void complete();
    void reopen();

    std::function<void()> on_status_changed;
    std::function<void(int kind)> on_report;  // 0 round report, 1 scorecard

private:
    RoundContext& ctx_;
    wxStaticText* total_ = nullptr;
    wxStaticText* change_ = nullptr;
    GaugeChart* gauge_ = nullptr;
    wxListView* sections_ = nullptr;
    wxStaticText* strengths_items_ = nullptr;
    ProfileChart* profile_ = nullptr;
    wxTextCtrl* strengths_ = nullptr;
    wxTextCtrl* recommendations_ = nullptr;
    wxButton* lock_ = nullptr;
    bool loading_ = false;
};

// Team figures for the round: participants, people in competitive work and people who
// started studies, each counted as women, men and other/unknown; specialists and caseload.
class FiguresPanel : public wxScrolledWindow {
public:
    FiguresPanel(wxWindow* parent, RoundContext& ctx);
    void refresh();

private:
    void save(wxWindow* edited);  // edited: the field whose change led to it

    RoundContext& ctx_;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxTextCtrl* specialists_ = nullptr;
    wxTextCtrl* caseload_ = nullptr;
    wxTextCtrl* counts_[3][3] = {};
    wxStaticText* totals_[3] = {};
    FieldCheck check_;
    bool loading_ = false;
};

}  // namespace fidelis::gui
