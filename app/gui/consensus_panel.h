#pragma once
// Consensus: every item with each rater's level and the spread. Items where raters differ
// by two levels or more, or where one cannot rate what another rated, are flagged with a
// sign and words. One button accepts the consensus wherever all raters agree. For the
// selected item, why the level was agreed stays in view above the item, and what each
// rater entered (level, inputs, evidence, note) stands side by side beside it. Once every
// rater is done, how far each pair was apart (n, exact, within one level, weighted kappa).
#include "round_context.h"

#include <wx/panel.h>

class wxButton;
class wxListView;
class wxCheckBox;
class wxScrolledWindow;
class wxSplitterWindow;
class wxStaticText;
class wxTextCtrl;
class wxKeyEvent;

namespace fidelis::gui {

class ItemEditor;

class ConsensusPanel : public wxPanel {
public:
    ConsensusPanel(wxWindow* parent, RoundContext& ctx);
    void refresh();
    void select(const std::string& item_id);
    void focus_list();
    bool rate(int level);
    bool handle_key(wxKeyEvent& e);
    // Saves the consensus wherever every rater gave the same level (or all found the item
    // cannot be rated), as one action; returns how many items it agreed.
    int accept_agreed();
    // Item ids where raters differ by two levels or more, or on whether it can be rated.
    std::vector<std::string> flagged() const;
    // What the agreement line says (empty with one rater), for tests.
    std::string agreement_text() const;
    // The counter ("23 of 25 agreed · …"), the spread cell of an item and the raters'
    // side-by-side text, as shown; for tests.
    std::string summary_text() const;
    std::string spread_text(const std::string& item_id) const;
    std::string raters_text() const;
    wxButton* accept_button() const { return accept_; }
    wxTextCtrl* rationale_field() const { return rationale_; }
    ItemEditor* editor() const { return editor_; }
    wxSplitterWindow* splitter() const { return split_; }

private:
    struct Spread {
        int lo = 99, hi = -99;  // the levels given
        int cannot = 0;         // raters who found it cannot be rated
        bool any_level() const { return hi >= lo; }
        bool flagged() const { return (any_level() && hi - lo >= 2) || (any_level() && cannot > 0); }
    };
    Spread spread_of(const std::string& item_id) const;
    wxString spread_label(const Spread& s) const;
    void fill();
    void update_summary(const std::map<std::string, ItemRating>& result);
    static wxString agreed_cell(const ItemRating* agreed);
    void show_agreement(const std::vector<Rating>& ratings);
    void show_selected();
    void show_raters(const Item& item);
    void save(const Rating& agreed);
    void store_rating(const Rating& rating);  // save, or a retry of it after a lost connection

    RoundContext& ctx_;
    wxButton* accept_ = nullptr;
    wxCheckBox* only_flagged_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* agreement_ = nullptr;  // per rater pair, once every rater is done
    std::string agreement_plain_;        // its text before wrapping
    wxListView* list_ = nullptr;
    wxSplitterWindow* split_ = nullptr;
    wxTextCtrl* rationale_ = nullptr;
    ItemEditor* editor_ = nullptr;
    wxScrolledWindow* raters_ = nullptr;
    std::string raters_plain_;
    int raters_width_ = 0;           // the width the raters' columns were wrapped for
    std::vector<std::string> rows_;  // item ids in list order
    std::map<std::string, std::map<Id, Rating>> by_item_;
    std::string selected_;
    bool loading_ = false;
    int user_sash_ = -1;  // where the user left the sash; the list then keeps that height
};

}  // namespace fidelis::gui
