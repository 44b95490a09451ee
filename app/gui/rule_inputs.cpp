// Controls for a rule item's inputs; see rule_inputs.h.
#include "rule_inputs.h"

#include "base/i18n.h"
#include "field_check.h"
#include "ui.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace fidelis::gui {
namespace {

// A stored number ("4.5") as the user's language writes it ("4,5" in Swedish).
wxString shown(const std::string& stored) { return wx(typed_number(stored, translator().language())); }

}  // namespace

RuleInputs::RuleInputs(wxWindow* parent, wxSizer* sizer, const ItemRule& rule, const InputValues& values,
                       const std::string& lang, std::function<void()> on_edit)
    : rule_(rule) {
    std::size_t specialists = 3;
    for (const auto& [name, vs] : values)
        if (const RuleInput* in = rule.input(name); in && in->per_specialist) specialists = std::max(specialists, vs.size());
    auto* grid = new wxFlexGridSizer(2, parent->FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1, 1);
    for (const RuleInput& in : rule.inputs) {
        Control c;
        c.input = &in;
        const auto it = values.find(in.name);
        const std::vector<std::string> given = it == values.end() ? std::vector<std::string>{} : it->second;
        wxString label = wx(in.label.get(lang));
        if (in.kind == InputKind::Number && !in.unit.empty()) label += " (" + wx(in.unit.get(lang)) + ")";
        auto* text = new wxStaticText(parent, wxID_ANY, label + ":");
        grid->Add(text, 0, wxALIGN_CENTER_VERTICAL);
        if (in.kind == InputKind::Number) {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            const std::size_t n = in.per_specialist ? specialists : 1;
            for (std::size_t i = 0; i < n; ++i) {
                auto* f = new wxTextCtrl(parent, wxID_ANY, i < given.size() ? shown(given[i]) : wxString(),
                                         wxDefaultPosition, parent->FromDIP(wxSize(70, -1)));
                name_for_screen_readers(f, in.per_specialist ? fmt(_("{1}, specialist {2}"), {wx(in.label.get(lang)),
                                                                                              wxString::Format("%zu", i + 1)})
                                                             : wx(in.label.get(lang)));
                f->Bind(wxEVT_TEXT, [on_edit](wxCommandEvent&) { on_edit(); });
                row->Add(f, 0, wxRIGHT, parent->FromDIP(4));
                c.fields.push_back(f);
            }
            grid->Add(row);
        } else {
            wxArrayString choices;
            choices.Add(_("(not given)"));
            std::vector<std::string> codes = {""};
            if (in.kind == InputKind::Choice)
                for (const auto& o : in.options) {
                    choices.Add(wx(o.label.get(lang)));
                    codes.push_back(o.value);
                }
            if (in.kind == InputKind::YesNo) {
                choices.Add(_("yes"));
                choices.Add(_("no"));
                codes.push_back("yes");
                codes.push_back("no");
            }
            if (in.kind == InputKind::Count)
                for (std::size_t i = 0; i <= in.components.size(); ++i) {
                    choices.Add(wxString::Format("%zu", i));
                    codes.push_back(std::to_string(i));
                }
            c.choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, choices);
            const auto at = given.empty() ? codes.begin() : std::find(codes.begin(), codes.end(), given.front());
            c.choice->SetSelection(at == codes.end() ? 0 : int(at - codes.begin()));
            name_for_screen_readers(c.choice, wx(in.label.get(lang)));
            c.choice->Bind(wxEVT_CHOICE, [on_edit](wxCommandEvent&) { on_edit(); });
            grid->Add(c.choice);
        }
        controls_.push_back(std::move(c));
    }
    sizer->Add(grid, 0, wxEXPAND | wxALL, parent->FromDIP(4));
}

wxWindow* RuleInputs::first_control() const {
    if (controls_.empty()) return nullptr;
    const Control& c = controls_.front();
    if (c.choice) return c.choice;
    return c.fields.empty() ? nullptr : c.fields.front();
}

InputValues RuleInputs::read(wxString& problem) const {
    InputValues out;
    for (const Control& c : controls_) {
        const RuleInput& in = *c.input;
        if (c.choice) {
            const int sel = c.choice->GetSelection();
            if (sel <= 0) continue;
            std::string code;
            if (in.kind == InputKind::Choice) code = in.options[std::size_t(sel - 1)].value;
            else if (in.kind == InputKind::YesNo) code = sel == 1 ? "yes" : "no";
            else code = std::to_string(sel - 1);
            out[in.name] = {code};
            continue;
        }
        std::vector<std::string> vs;
        for (wxTextCtrl* f : c.fields) {
            const Parsed<double> p = read_number(f->GetValue());
            if (!p.ok()) {
                problem = fmt(_("{1}: {2}"), {wx(in.name), p.problem});
                return {};
            }
            vs.push_back(p.value ? shortest_number(*p.value) : std::string());
        }
        while (!vs.empty() && vs.back().empty()) vs.pop_back();
        if (!vs.empty()) out[in.name] = vs;
    }
    // Per-specialist inputs line up by specialist: the shorter ones are padded with
    // "not given", which the rule refuses only for an input it needs.
    std::size_t n = 0;
    for (const auto& [name, vs] : out)
        if (rule_.input(name)->per_specialist) n = std::max(n, vs.size());
    for (auto& [name, vs] : out)
        if (rule_.input(name)->per_specialist) vs.resize(n);
    return out;
}

}  // namespace fidelis::gui
