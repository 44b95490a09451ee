#pragma once
// Consensus: every item with each rater's level and the spread. Items where raters differ
// by two levels or more are flagged with a sign and a word. The agreed level and why it
// was agreed are entered below, with the same keys as the assessment. Once every rater is
// done, how far each pair was apart (n, exact, within one level, weighted kappa).
#include "round_context.h"

#include <wx/panel.h>

class wxListView;
class wxCheckBox;
class wxStaticText;
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
    // Item ids whose raters differ by two levels or more.
    std::vector<std::string> flagged() const;
    // What the agreement line says (empty with one rater), for tests.
    std::string agreement_text() const;

private:
    void fill();
    void show_agreement(const std::vector<Rating>& ratings);
    void show_selected();
    void save(const Rating& rating);

    RoundContext& ctx_;
    wxCheckBox* only_flagged_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* agreement_ = nullptr;  // per rater pair, once every rater is done
    std::string agreement_plain_;        // its text before wrapping
    wxListView* list_ = nullptr;
    ItemEditor* editor_ = nullptr;
    std::vector<std::string> rows_;  // item ids in list order
    std::map<std::string, std::map<Id, Rating>> by_item_;
    std::string selected_;
};

}  // namespace fidelis::gui
