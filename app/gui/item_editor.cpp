#include "item_editor.h"

#include "base/error.h"
#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace fidelis::gui {
namespace {

wxWindow* wrapped(wxWindow* parent, const wxString& text, int, bool bold = false) { return wrapped_text(parent, text, bold); }

}  // namespace

ItemEditor::ItemEditor(wxWindow* parent, RoundContext& ctx)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      ctx_(ctx),
      check_(&ctx.session) {
    SetScrollRate(0, FromDIP(12));
    name_for_screen_readers(this, _("Item"));
}

void ItemEditor::show(const Item& item, const Rating& rating) {
    if (item_) scrolled_[key()] = GetViewStart().y;
    item_ = &item;
    rating_ = rating;
    specialist_fields_ = 4;
    const auto seen = scrolled_.find(key());
    scroll_to_ = seen == scrolled_.end() ? 0 : seen->second;
    build();
}

void ItemEditor::set_rationale(const std::string& text) {
    if (!item_ || loading_ || text == rating_.rationale) return;
    rating_.rationale = text;
    if (on_change) on_change(rating_);
}

void ItemEditor::build() {
    loading_ = true;
    Freeze();
    check_.begin();  // the marked controls go now; what they held is in held_
    DestroyChildren();
    levels_.clear();
    no_level_ = nullptr;
    components_.clear();
    specialists_.clear();
    value_ = nullptr;
    derived_ = nullptr;
    rule_inputs_.reset();
    rule_problem_.clear();
    const Item& item = *item_;
    const Scale& scale = *ctx_.scale;
    const std::string& lang = ctx_.session.lang;
    const int wrap = std::max(FromDIP(360), GetParent()->GetClientSize().x - FromDIP(60));
    const bool locked = ctx_.read_only();
    auto* v = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(6);

    v->Add(heading(this, wx(item.id + "  " + item.name.get(lang)), 1.2f), 0, wxBOTTOM, gap);
    if (const Section* sec = scale.section(item.section_id))
        v->Add(new wxStaticText(this, wxID_ANY, wx(sec->name.get(lang))), 0, wxBOTTOM, gap);
    v->Add(wrapped(this, wx(item.description.get(lang)), wrap), 0, wxEXPAND | wxBOTTOM, gap);
    if (!item.sources.empty()) {
        std::string s;
        for (const auto& code : item.sources) {
            const DataSource* src = scale.source(code);
            s += (s.empty() ? "" : "; ") + code + (src ? " – " + src->name.get(lang) : "");
        }
        v->Add(wrapped(this, _("Data sources: ") + wx(s), wrap), 0, wxEXPAND | wxBOTTOM, gap);
    }
    if (!item.guidance.empty())
        v->Add(wrapped(this, _("Guidance: ") + wx(item.guidance.get(lang)), wrap), 0, wxEXPAND | wxBOTTOM, gap);

    // The previous round's agreed rating and note, right above today's choice, so that the
    // team sees it without scrolling.
    auto* prev = new wxStaticBoxSizer(wxVERTICAL, this, ctx_.previous ? fmt(_("Previous round ({1})"), {wx(ctx_.previous->assessed_on.iso())})
                                                                      : _("Previous round"));
    if (const auto p = ctx_.previous_rating(item.id)) {
        // TRANSLATORS: the previous round's rating of this item: "level 4", "cannot rate" or "not rated".
        wxString line = p->input.cannot_rate ? _("cannot rate") : p->input.level ? fmt(_("level {1}"), {wxString::Format("%d", *p->input.level)}) : _("not rated");
        if (!p->note.empty()) line += wxString::FromUTF8(" — ") + wx(p->note);
        if (!p->rationale.empty()) line += wxString::FromUTF8(" — ") + wx(p->rationale);
        prev->Add(wrapped(prev->GetStaticBox(), line, wrap - FromDIP(20)), 0, wxEXPAND | wxALL, FromDIP(4));
    } else {
        prev->Add(new wxStaticText(prev->GetStaticBox(), wxID_ANY,
                                   ctx_.previous ? _("Not rated in the previous round.") : _("This is the team's first round with this scale.")),
                  0, wxALL, FromDIP(4));
    }
    v->Add(prev, 0, wxEXPAND | wxBOTTOM, gap);

    if (item.rule) {
        // The rule's inputs come first, since they decide the level (a level alone is still
        // accepted when none are given); the anchors below show what the level means.
        auto* rbox = new wxStaticBoxSizer(wxVERTICAL, this, _("Inputs (the rule sets the level)"));
        rule_inputs_ = std::make_unique<RuleInputs>(rbox->GetStaticBox(), rbox, *item.rule, rating_.input.inputs, lang,
                                                    [this] {
                                                        if (loading_) return;
                                                        if (read_inputs()) changed();
                                                        else sync_levels();
                                                    });
        derived_ = new wxStaticText(rbox->GetStaticBox(), wxID_ANY, "");
        rbox->Add(derived_, 0, wxEXPAND | wxALL, FromDIP(4));
        v->Add(rbox, 0, wxEXPAND | wxBOTTOM, gap);
    }
    // The anchors as a choice of levels, each with its full text.
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Level"));
    no_level_ = new wxRadioButton(box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    no_level_->Hide();
    for (const Level& l : scale.levels) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto* rb = new wxRadioButton(box->GetStaticBox(), wxID_ANY, wxString::Format("%d", l.value), wxDefaultPosition,
                                     wxDefaultSize, 0);
        const LocalText* anchor = scale.anchor_text(item, l.value);
        const wxString anchor_text = anchor ? wx(anchor->get(lang)) : wx(l.label.get(lang));
        name_for_screen_readers(rb, fmt(_("Level {1}: {2}"), {wxString::Format("%d", l.value), anchor_text}));
        row->Add(rb, 0, wxALIGN_TOP | wxRIGHT, gap);
        auto* text = wrapped(box->GetStaticBox(), anchor_text, wrap - FromDIP(70));
        row->Add(text, 1, wxEXPAND);
        text->Bind(wxEVT_LEFT_DOWN, [this, value = l.value](wxMouseEvent&) { pick_level(value); });
        rb->Bind(wxEVT_RADIOBUTTON, [this, value = l.value](wxCommandEvent&) {
            if (loading_) return;
            rating_.input.level = value;
            changed();
        });
        box->Add(row, 0, wxEXPAND | wxALL, FromDIP(3));
        levels_.push_back(rb);
    }
    v->Add(box, 0, wxEXPAND | wxBOTTOM, gap);

    // The inputs the item's shape takes; they decide the level when filled in.
    const bool numeric = item.numeric && (item.shape == ItemShape::Numeric);
    if (numeric) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        const wxString unit = wx(item.numeric->unit.get(lang));
        value_ = new wxTextCtrl(this, wxID_ANY, rating_.input.value ? entered_number(*rating_.input.value) : "");
        add_labelled(this, row, unit.empty() ? _("Number:") : fmt(_("Number ({1}):"), {unit}), value_);
        derived_ = new wxStaticText(this, wxID_ANY, "");
        row->Add(derived_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
        value_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (loading_) return;
            if (read_inputs()) changed();
            else sync_levels();
        });
        v->Add(row, 0, wxEXPAND | wxBOTTOM, gap);
    }
    if (item.checklist) {
        auto* cbox = new wxStaticBoxSizer(wxVERTICAL, this, _("Components in place"));
        for (const auto& c : item.checklist->components) {
            auto* cb = new wxCheckBox(cbox->GetStaticBox(), wxID_ANY, wx(c.text.get(lang)));
            cb->SetValue(std::find(rating_.input.checked.begin(), rating_.input.checked.end(), c.id) !=
                         rating_.input.checked.end());
            cb->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
                if (loading_) return;
                rating_.input.checked.clear();
                for (std::size_t i = 0; i < components_.size(); ++i)
                    if (components_[i]->GetValue()) rating_.input.checked.push_back(item_->checklist->components[i].id);
                changed();
            });
            cbox->Add(cb, 0, wxALL, FromDIP(2));
            components_.push_back(cb);
        }
        derived_ = new wxStaticText(cbox->GetStaticBox(), wxID_ANY, "");
        cbox->Add(derived_, 0, wxALL, FromDIP(4));
        v->Add(cbox, 0, wxEXPAND | wxBOTTOM, gap);
    }
    if (item.shape == ItemShape::PerSpecialist) {
        auto* sbox = new wxStaticBoxSizer(wxVERTICAL, this, _("One value per employment specialist"));
        auto* grid = new wxFlexGridSizer(4, FromDIP(wxSize(6, 4)));
        // Held (refused) text keeps its field; the saved values fill the others in order.
        const auto held = held_.find(key());
        const std::size_t held_count = held == held_.end() ? 0 : held->second.size();
        const std::size_t n = std::max({specialist_fields_, rating_.input.specialists.size() + held_count});
        specialist_values_.assign(n, std::nullopt);
        std::size_t next = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const bool refused = held != held_.end() && held->second.count(int(i));
            wxString v_text;
            if (!refused && next < rating_.input.specialists.size()) {
                specialist_values_[i] = rating_.input.specialists[next++];
                v_text = entered_number(*specialist_values_[i]);
            }
            auto* field = new wxTextCtrl(sbox->GetStaticBox(), wxID_ANY, v_text, wxDefaultPosition, FromDIP(wxSize(70, -1)));
            grid->Add(new wxStaticText(sbox->GetStaticBox(), wxID_ANY, fmt(_("Specialist {1}:"), {wxString::Format("%zu", i + 1)})),
                      0, wxALIGN_CENTER_VERTICAL);
            grid->Add(field);
            name_for_screen_readers(field, fmt(_("Specialist {1}"), {wxString::Format("%zu", i + 1)}));
            field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
                if (loading_) return;
                if (read_inputs()) changed();
                else sync_levels();
            });
            specialists_.push_back(field);
        }
        sbox->Add(grid, 0, wxALL, FromDIP(4));
        auto* more = new wxButton(sbox->GetStaticBox(), wxID_ANY, _("Add a specialist"));
        more->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            specialist_fields_ = specialists_.size() + 1;
            scroll_to_ = GetViewStart().y;
            build();
            if (!specialists_.empty()) specialists_.back()->SetFocus();
        });
        sbox->Add(more, 0, wxALL, FromDIP(4));
        derived_ = new wxStaticText(sbox->GetStaticBox(), wxID_ANY, "");
        sbox->Add(derived_, 0, wxALL, FromDIP(4));
        v->Add(sbox, 0, wxEXPAND | wxBOTTOM, gap);
    }
    v->Add(check_.make_line(this), 0, wxEXPAND | wxBOTTOM, gap);

    auto* cr = new wxBoxSizer(wxHORIZONTAL);
    cannot_rate_ = new wxCheckBox(this, wxID_ANY, _("Cannot rate, because:"));
    cannot_rate_->SetValue(rating_.input.cannot_rate);
    cannot_rate_->Enable(item.cannot_rate_allowed);
    reason_ = new wxTextCtrl(this, wxID_ANY, wx(rating_.input.cannot_rate_reason));
    name_for_screen_readers(reason_, _("Why the item cannot be rated"));
    cr->Add(cannot_rate_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    cr->Add(reason_, 1);
    cannot_rate_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        rating_.input.cannot_rate = cannot_rate_->GetValue();
        if (rating_.input.cannot_rate) rating_.input.level.reset();
        changed();
    });
    reason_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (loading_) return;
        rating_.input.cannot_rate_reason = utf8(reason_->GetValue());
        if (!rating_.input.cannot_rate_reason.empty() && !rating_.input.cannot_rate) {
            rating_.input.cannot_rate = true;
            cannot_rate_->SetValue(true);
            rating_.input.level.reset();
        }
        changed();
    });
    v->Add(cr, 0, wxEXPAND | wxBOTTOM, gap);

    auto* notes = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    notes->AddGrowableCol(1, 1);
    evidence_ = new wxTextCtrl(this, wxID_ANY, wx(rating_.evidence), wxDefaultPosition, FromDIP(wxSize(-1, 54)), wxTE_MULTILINE);
    add_labelled(this, notes, _("Evidence:"), evidence_);
    note_ = new wxTextCtrl(this, wxID_ANY, wx(rating_.note), wxDefaultPosition, FromDIP(wxSize(-1, 54)), wxTE_MULTILINE);
    add_labelled(this, notes, _("Note:"), note_);
    evidence_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (loading_) return;
        rating_.evidence = utf8(evidence_->GetValue());
        changed();
    });
    note_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (loading_) return;
        rating_.note = utf8(note_->GetValue());
        changed();
    });
    if (rating_.rater_id == consensus_rater && !rationale_outside_) {
        auto* rationale = new wxTextCtrl(this, wxID_ANY, wx(rating_.rationale), wxDefaultPosition, FromDIP(wxSize(-1, 54)),
                                         wxTE_MULTILINE);
        add_labelled(this, notes, _("Why this level was agreed:"), rationale);
        rationale->Bind(wxEVT_TEXT, [this, rationale](wxCommandEvent&) {
            if (loading_) return;
            rating_.rationale = utf8(rationale->GetValue());
            changed();
        });
    }
    v->Add(notes, 0, wxEXPAND | wxBOTTOM, gap);


    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(outer);
    sync_levels();
    for (wxWindowList::compatibility_iterator node = GetChildren().GetFirst(); node; node = node->GetNext())
        if (locked && node->GetData() != this) node->GetData()->Enable(false);
    FitInside();
    Scroll(0, scroll_to_);
    Thaw();
    loading_ = false;
    report_held(true);
    if (held_.count(key())) sync_levels();  // the restored text decides what the level line says
}

bool ItemEditor::inputs_decide() const { return level_from_inputs(*item_, rating_.input).has_value(); }

ItemEditor::Key ItemEditor::key() const { return {item_->id, rating_.rater_id}; }

wxString ItemEditor::prefix(const Key& k) const {
    const Rater* rater = k.second == consensus_rater ? nullptr : ctx_.round.rater(k.second);
    return wx(k.first + (rater ? " (" + rater->name + ")" : std::string())) + ": ";
}

wxTextCtrl* ItemEditor::input_field(int index) const {
    if (index < 0) return value_;
    return std::size_t(index) < specialists_.size() ? specialists_[std::size_t(index)] : nullptr;
}

bool ItemEditor::read_inputs() {
    const ItemRating before = rating_.input;
    const Key k = key();
    std::map<int, Held> held;
    check_.begin(prefix(k));
    if (value_) {
        Parsed<double> p = read_number(value_->GetValue());
        if (p.ok() && p.value && item_->numeric && !level_for_value(*item_->numeric, *p.value))
            p = {std::nullopt, _("outside the item's ranges")};
        rating_.input.value = check_.take(value_, p, rating_.input.value);
        if (!p.ok()) held[-1] = {value_->GetValue(), field_name(value_), p.problem};
        else if (rating_.input.value) rating_.input.cannot_rate = false;
    }
    if (!specialists_.empty()) {
        for (std::size_t i = 0; i < specialists_.size(); ++i) {
            const Parsed<double> p = read_number(specialists_[i]->GetValue());
            specialist_values_[i] = check_.take(specialists_[i], p, specialist_values_[i]);
            if (!p.ok()) held[int(i)] = {specialists_[i]->GetValue(), field_name(specialists_[i]), p.problem};
        }
        rating_.input.specialists.clear();
        for (const auto& v : specialist_values_)
            if (v) rating_.input.specialists.push_back(*v);
    }
    if (rule_inputs_) {
        wxString problem;
        InputValues values = rule_inputs_->read(problem);
        if (problem.empty()) {
            try {
                values = checked_inputs(*item_->rule, values, ctx_.session.lang);
            } catch (const Error& e) {
                problem = wx(e.what());
            }
        }
        // Inputs the rule refuses stay on screen with the reason; the saved ones stand.
        rule_problem_ = problem;
        if (problem.empty()) {
            rating_.input.inputs = values;
            if (!values.empty()) rating_.input.cannot_rate = false;
            if (!inputs_decide() && !values.empty()) rating_.input.level.reset();
        }
    }
    if (held.empty()) held_.erase(k);
    else held_[k] = held;
    report_held(false);
    return rating_.input.value != before.value || rating_.input.specialists != before.specialists ||
           rating_.input.inputs != before.inputs || rating_.input.cannot_rate != before.cannot_rate;
}

void ItemEditor::report_held(bool marks_current) {
    const Key k = key();
    if (marks_current) {
        // The item is shown again: its refused text goes back into its fields, marked.
        check_.begin(prefix(k));
        if (const auto it = held_.find(k); it != held_.end())
            for (const auto& [index, h] : it->second)
                if (wxTextCtrl* f = input_field(index)) {
                    f->ChangeValue(h.text);
                    check_.refuse(f, h.reason);
                }
    }
    // What other items hold is still not saved, and the status bar goes on saying so.
    for (const auto& [other, fields] : held_)
        if (other != k)
            for (const auto& [index, h] : fields) check_.refuse(prefix(other) + h.field, h.reason);
    check_.finish();
}

void ItemEditor::sync_levels() {
    const auto derived = level_from_inputs(*item_, rating_.input);
    if (derived) rating_.input.level = derived;
    const bool locked = ctx_.read_only();
    bool any = false;
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        const int value = ctx_.scale->levels[i].value;
        const bool on = rating_.input.level == value && !rating_.input.cannot_rate;
        if (on) levels_[i]->SetValue(true);  // GTK cannot clear a radio button, only select another
        any = any || on;
        levels_[i]->Enable(!locked && !derived && !rating_.input.cannot_rate);
    }
    if (!any && no_level_) no_level_->SetValue(true);
    if (derived_) {
        wxString text;
        if (item_->shape == ItemShape::PerSpecialist && !rating_.input.specialists.empty()) {
            double mean = 0;
            if (const auto l = level_for_specialists(*item_, rating_.input.specialists, &mean))
                text = fmt(_("Mean {1} gives level {2}"), {number(mean, 2), wxString::Format("%d", *l)});
            else
                text = _("A value lies outside the item's ranges.");
        } else if (item_->rule) {
            if (!rule_problem_.empty()) {
                text = rule_problem_;
            } else if (!rating_.input.inputs.empty()) {
                const RuleOutcome o = evaluate_rule(*item_->rule, rating_.input.inputs, ctx_.session.lang);
                text = o.level ? wx(o.explanation) : fmt(_("No level yet: {1}"), {wx(o.problem)});
            }
        } else if (item_->checklist && !rating_.input.checked.empty()) {
            text = fmt(_("{1} of {2} in place gives level {3}"),
                       {wxString::Format("%zu", rating_.input.checked.size()),
                        wxString::Format("%zu", item_->checklist->components.size()), wxString::Format("%d", derived.value_or(0))});
        } else if (value_ && !value_->GetValue().empty()) {
            // A refused number says so, not the level the saved number gives.
            text = derived && field_problem(value_).empty() ? fmt(_("gives level {1}"), {wxString::Format("%d", *derived)})
                                                            : _("not a number within the item's ranges");
        }
        derived_->SetLabel(text);
        if (item_->rule) derived_->Wrap(std::max(FromDIP(300), GetClientSize().x - FromDIP(80)));
    }
}

bool ItemEditor::has_inputs() const {
    if (!item_) return false;
    return value_ || !components_.empty() || !specialists_.empty() || (rule_inputs_ && rule_inputs_->first_control());
}

wxWindow* ItemEditor::first_input() const {
    if (value_) return value_;
    if (!components_.empty()) return components_.front();
    if (!specialists_.empty()) return specialists_.front();
    return rule_inputs_ ? rule_inputs_->first_control() : nullptr;
}

wxString ItemEditor::key_level(int level) {
    if (!item_) return {};
    const wxString id = wx(item_->id);
    if (ctx_.read_only())
        return fmt(_("{1} was not changed: the round is read-only (reopen it on the Result tab to change it)."), {id});
    if (has_inputs()) {
        // What was typed by mistake (a digit meant for a field) changes nothing.
        if (wxWindow* first = first_input(); first && first->IsEnabled()) first->SetFocus();
        return fmt(_("{1} was not rated with the key: its level follows from what is entered, so the keyboard went to "
                     "its first input. When there is nothing to enter, choose the level under Level."),
                   {id});
    }
    if (!ctx_.scale->level(level))
        return fmt(_("There is no level {1}."), {wxString::Format("%d", level)});
    pick_level(level);
    return {};
}

bool ItemEditor::pick_level(int level) {
    if (!item_ || ctx_.read_only() || inputs_decide() || !ctx_.scale->level(level)) return false;
    rating_.input.level = level;
    rating_.input.cannot_rate = false;
    if (cannot_rate_) cannot_rate_->SetValue(false);
    changed();
    return true;
}

void ItemEditor::changed() {
    sync_levels();
    Layout();
    if (on_change) on_change(rating_);
}

}  // namespace fidelis::gui
