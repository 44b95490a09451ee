#pragma once
// The inputs of a rule item (IPS-25 O1, V6) as controls: a choice for each choice,
// yes/no and count, a field for each number, and one field per specialist for
// per-specialist numbers. It reads them back as the rule's InputValues; numbers it
// cannot read are reported, never guessed.
#include "scales/item_rule.h"

#include <wx/string.h>

#include <functional>
#include <string>
#include <vector>

class wxChoice;
class wxSizer;
class wxTextCtrl;
class wxWindow;

namespace fidelis::gui {

class RuleInputs {
public:
    // Adds the controls to `sizer`, filled with `values`; `on_edit` runs on every edit.
    RuleInputs(wxWindow* parent, wxSizer* sizer, const ItemRule& rule, const InputValues& values,
               const std::string& lang, std::function<void()> on_edit);

    // What the controls hold; `problem` is set (and the result empty) when a number cannot be read.
    InputValues read(wxString& problem) const;
    // The first control, where the keyboard goes to enter the inputs.
    wxWindow* first_control() const;

private:
    struct Control {
        const RuleInput* input = nullptr;
        wxChoice* choice = nullptr;          // choice, yes-no, count
        std::vector<wxTextCtrl*> fields;     // number: one, or one per specialist
    };
    const ItemRule& rule_;
    std::vector<Control> controls_;
};

}  // namespace fidelis::gui
