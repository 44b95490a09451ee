#pragma once
// The right-hand side of the assessment: one item for one rater. It shows the item's
// description, data sources and guidance, its anchors as a choice of levels, the inputs
// its shape takes, "cannot rate", evidence and notes, and the previous round beside them.
// Every change is saved at once through `on_change`. A number it cannot accept keeps the
// saved value, is marked, and stays on screen, even after going to another item and back.
#include "field_check.h"
#include "round_context.h"
#include "rule_inputs.h"

#include <memory>

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <optional>
#include <utility>
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
    // Picks a level as a click on its anchor does; false when the item's inputs decide it.
    bool pick_level(int level);
    // A digit key: rates an item whose level is chosen directly. An item with inputs
    // (numbers, components, a rule) is not rated by a stray digit: the keyboard goes to its
    // first input instead. Returns what the status bar should say; empty when rated.
    wxString key_level(int level);
    // True when the item has inputs that set its level (a number, components, a rule,
    // one value per specialist), so that its level is not chosen directly by a key.
    bool has_inputs() const;

    // The Consensus tab shows "why this level was agreed" above the editor, where it never
    // scrolls out of view; the editor then leaves it out and takes it through set_rationale.
    void rationale_outside() { rationale_outside_ = true; }
    void set_rationale(const std::string& text);

    std::function<void(const Rating&)> on_change;

private:
    // Refused text, per item and rater, per field (-1 the number, 0… the specialists).
    struct Held {
        wxString text;
        wxString field;
        wxString reason;
    };
    using Key = std::pair<std::string, Id>;

    void build();
    void changed();
    void sync_levels();
    bool inputs_decide() const;
    // Reads the typed numbers into the rating; true when the rating changed.
    bool read_inputs();
    // Marks the shown item's held text and reports every item's in the status bar.
    void report_held(bool marks_current);
    Key key() const;
    wxString prefix(const Key& key) const;  // "S3: ", or "S3 (Anna Berg): "
    wxTextCtrl* input_field(int index) const;
    wxWindow* first_input() const;

    RoundContext& ctx_;
    FieldCheck check_;
    bool rationale_outside_ = false;
    // Where each item was scrolled to, so that going back to it finds it as it was left.
    std::map<Key, int> scrolled_;
    int scroll_to_ = 0;
    std::map<Key, std::map<int, Held>> held_;
    std::vector<std::optional<double>> specialist_values_;  // what each field last held that was accepted
    std::size_t specialist_fields_ = 4;
    const Item* item_ = nullptr;
    Rating rating_;
    bool loading_ = false;
    std::vector<wxRadioButton*> levels_;
    // GTK always shows one button of a group selected: this hidden one is, while no level is.
    wxRadioButton* no_level_ = nullptr;
    wxStaticText* derived_ = nullptr;
    wxTextCtrl* value_ = nullptr;
    std::vector<wxCheckBox*> components_;
    std::vector<wxTextCtrl*> specialists_;
    std::unique_ptr<RuleInputs> rule_inputs_;
    wxString rule_problem_;  // why the typed inputs were not saved
    wxCheckBox* cannot_rate_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxTextCtrl* evidence_ = nullptr;
    wxTextCtrl* note_ = nullptr;
};

}  // namespace fidelis::gui
