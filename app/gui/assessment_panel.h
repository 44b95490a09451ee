#pragma once
// The assessment: the list of all items with their state for the active rater, and the
// current item beside it. Keyboard first: 1–5 rate, Page Up/Page Down and Ctrl+arrows move
// between items, Ctrl+U jumps to the next unrated item. Every change is saved at once.
#include "round_context.h"

#include <wx/panel.h>

class wxListView;
class wxChoice;
class wxStaticText;
class wxKeyEvent;

namespace fidelis::gui {

class ItemEditor;

class AssessmentPanel : public wxPanel {
public:
    AssessmentPanel(wxWindow* parent, RoundContext& ctx);

    void refresh();  // after the round changed elsewhere
    void go_to(std::size_t index);
    void next() { go_to(current_ + 1); }
    void previous() { go_to(current_ == 0 ? 0 : current_ - 1); }
    void next_unrated();
    bool rate(int level);
    void set_rater(Id rater);
    void next_rater();
    std::size_t current() const { return current_; }
    void focus_items();
    int rated_count() const;
    // Handles the assessment's keys; true when the key was used. Public so the frame can
    // route keys pressed anywhere on the round's page.
    bool handle_key(wxKeyEvent& e);

private:
    void build_list();
    void update_row(std::size_t index);
    void update_progress();
    void save(const Rating& rating);
    Rating saved_rating(const std::string& item_id) const;
    void add_rater();

    RoundContext& ctx_;
    std::size_t current_ = 0;
    wxChoice* rater_ = nullptr;
    wxStaticText* progress_ = nullptr;
    wxListView* list_ = nullptr;
    ItemEditor* editor_ = nullptr;
    std::map<std::string, Rating> ratings_;  // the active rater's, by item
};

}  // namespace fidelis::gui
