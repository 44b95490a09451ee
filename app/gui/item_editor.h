#pragma once
// The right-hand side of the assessment: one item for one rater. It shows the item's
// description, data sources and guidance, its anchors as a choice of levels, the inputs
// its shape takes, "cannot rate", evidence and notes, and the previous round beside them.
// Every change is saved at once through `on_change`.
#include "round_context.h"

#include <wx/scrolwin.h>

#include <functional>
#include <vector>

class wxRadioButton;
class wxCheckBox;
class wxTextCtrl;
class wxStaticText;

namespace fidelis::gui {

class ItemEditor : public wxScrolledWindow {
public:
    ItemEditor(wxWindow* parent, RoundContext& ctx);

    // Shows the item with the rater's saved rating (rater_id may be consensus_rater).
    void show(const Item& item, const Rating& rating);
    const Rating& rating() const { return rating_; }
    // Picks a level as the keyboard's 1–5 do; false when the item's inputs decide it.
    bool pick_level(int level);

    std::function<void(const Rating&)> on_change;

private:
    void build();
    void changed();
    void sync_levels();
    bool inputs_decide() const;
    void read_numeric();
    void read_specialists();

    RoundContext& ctx_;
    const Item* item_ = nullptr;
    Rating rating_;
    bool loading_ = false;
    std::vector<wxRadioButton*> levels_;
    wxStaticText* derived_ = nullptr;
    wxTextCtrl* value_ = nullptr;
    std::vector<wxCheckBox*> components_;
    std::vector<wxTextCtrl*> specialists_;
    wxCheckBox* cannot_rate_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxTextCtrl* evidence_ = nullptr;
    wxTextCtrl* note_ = nullptr;
};

}  // namespace fidelis::gui
