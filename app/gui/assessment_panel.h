#pragma once
// The assessment: the list of all items with their state for the active rater, and the
// current item beside it. Keyboard first: 1–5 rate an item whose level is chosen directly
// (on an item with inputs they go to its first input), Page Up/Page Down and Ctrl+arrows
// move between items from any field, Ctrl+U jumps to the next unrated item. Letters typed
// in the item list find an item by its id ("V14"); a digit typed straight after them goes on
// finding, so a mistyped word never rates. Every change is saved at once.
#include "round_context.h"

#include <wx/panel.h>

class wxListView;
class wxChoice;
class wxStaticText;
class wxKeyEvent;
class wxSizer;

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
    // Chooses a level as a click on its anchor does (the keys go through handle_key).
    bool rate(int level);
    void set_rater(Id rater);
    void next_rater();
    std::size_t current() const { return current_; }
    void focus_items();
    int rated_count() const;
    // What the panel holds for an item of the active rater: as last read or saved.
    Rating saved_rating(const std::string& item_id) const;
    // Handles the assessment's keys; true when the key was used. Public so the frame can
    // route keys pressed anywhere on the round's page.
    bool handle_key(wxKeyEvent& e);
    // The row of controls above the item list (for the layout tests).
    wxSizer* toolbar() const { return toolbar_; }

private:
    void build_list();
    void fit_item_columns();
    void update_row(std::size_t index);
    void update_progress();
    void save(const Rating& rating);
    void store_rating(const Rating& rating);  // save, or a retry of it after a lost connection
    void add_rater();
    // Type-ahead in the item list: `c` extends what was typed; true when it was taken.
    bool find_by_typing(wxChar c, bool digit);

    RoundContext& ctx_;
    std::size_t current_ = 0;
    wxSizer* toolbar_ = nullptr;
    wxChoice* rater_ = nullptr;
    wxStaticText* progress_ = nullptr;
    wxListView* list_ = nullptr;
    ItemEditor* editor_ = nullptr;
    std::map<std::string, Rating> ratings_;  // the active rater's, by item
    wxString typed_;              // what type-ahead has found by, so far
    long long typed_at_ms_ = 0;   // when its last character came
};

}  // namespace fidelis::gui
