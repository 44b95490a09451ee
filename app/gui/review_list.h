#pragma once
// The county view's list of teams due for review (reports/review_cycle.h): overdue, due
// today, or due within the next weeks, with the plan's state, each said in words.
#include "reports/review_cycle.h"
#include "session.h"

#include <wx/panel.h>

#include <set>
#include <string>
#include <vector>

class wxListView;
class wxStaticText;

namespace fidelis::gui {

class ReviewsDueList : public wxPanel {
public:
    // How far ahead the list looks, besides what is due or overdue.
    static constexpr int days_ahead = 60;

    ReviewsDueList(wxWindow* parent, Session& session);
    // The teams of the scale due by `today` + days_ahead; `only` (municipality codes), when
    // not empty, keeps the teams of those municipalities.
    void show(const std::string& scale_id, const std::set<std::string>& only, const Date& today);
    const std::vector<reports::ReviewCycleEntry>& entries() const { return entries_; }
    // The list control itself, for tests that read what a user sees.
    wxListView* list() const { return list_; }

private:
    Session& session_;
    wxStaticText* summary_ = nullptr;
    wxListView* list_ = nullptr;
    std::vector<reports::ReviewCycleEntry> entries_;
};

}  // namespace fidelis::gui
