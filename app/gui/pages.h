#pragma once
// The non-round pages of the window: the welcome page when no database is open, a team's
// page, and the county view for network leaders.
#include "field_check.h"
#include "report_runner.h"
#include "session.h"

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <functional>

class wxListView;
class wxChoice;
class wxTextCtrl;
class wxStaticText;
class wxCheckBox;
class wxGrid;

namespace fidelis::gui {

class Sparkline;
class BarsChart;
class ReviewsDueList;

class WelcomePage : public wxPanel {
public:
    WelcomePage(wxWindow* parent, const std::vector<std::string>& recent);
    std::function<void()> on_new;
    std::function<void()> on_open;
    std::function<void()> on_demo;
    std::function<void()> on_connect;
    std::function<void(const std::string&)> on_recent;
};

class TeamPage : public wxPanel {
public:
    TeamPage(wxWindow* parent, Session& session, Id team);
    void refresh();
    Id team_id() const { return team_; }
    std::function<void(Id round)> on_open_round;
    std::function<void()> on_new_round;
    std::function<void(const ReportRequest&)> on_report;
    std::function<void()> on_export;

private:
    Session& session_;
    Id team_;
    std::vector<Round> rounds_;
    wxStaticText* title_ = nullptr;
    wxCheckBox* active_ = nullptr;
    wxListView* list_ = nullptr;
    Sparkline* trend_ = nullptr;
};

class CountyPage : public wxScrolledWindow {
public:
    CountyPage(wxWindow* parent, Session& session);
    void refresh();
    reports::CountyQuery query() const;
    std::function<void(const ReportRequest&)> on_report;
    int team_count() const { return shown_teams_; }
    ReviewsDueList* reviews() const { return reviews_; }
    // Opens the Groupings dialog; afterwards the grouping choices show what it left.
    void edit_groupings();
    // Chooses how to group by: a grouping's name, "county-part" or "none"; false if unknown.
    bool group_by(const std::string& value);

private:
    // Fills the Group by and Show choices from the database, keeping what was chosen.
    void fill_groupings();
    Session& session_;
    wxChoice* scale_ = nullptr;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxChoice* grouping_ = nullptr;
    wxChoice* filter_ = nullptr;  // all municipalities, or one grouping's
    std::vector<Grouping> groupings_;
    ReviewsDueList* reviews_ = nullptr;
    wxStaticText* summary_ = nullptr;
    BarsChart* bars_ = nullptr;
    wxListView* table_ = nullptr;
    wxGrid* grid_ = nullptr;
    std::vector<std::string> scale_ids_;
    std::vector<std::string> grouping_values_;
    FieldCheck check_;  // the dates a filter cannot use
    int shown_teams_ = 0;
};

}  // namespace fidelis::gui
