#include "consensus_panel.h"

#include "../core/errors.h"

#include <wx/weakref.h>

#include "base/i18n.h"
#include "item_editor.h"
#include "reports/agreement.h"
#include "reports/rating_text.h"
#include "store/consensus.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dcclient.h>
#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <cstdlib>

namespace fidelis::gui {

ConsensusPanel::ConsensusPanel(wxWindow* parent, RoundContext& ctx) : wxPanel(parent), ctx_(ctx) {
    auto* top = new wxWrapSizer(wxHORIZONTAL);
    accept_ = new wxButton(this, wxID_ANY, _("Accept where all raters agree"));
    accept_->SetToolTip(
        _("Agrees every item where all raters gave the same level, or all found that it cannot be "
          "rated, and that has no agreed level yet. Each is in the round's history."));
    top->Add(accept_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    only_flagged_ = new wxCheckBox(this, wxID_ANY, _("Only items where raters differ"));
    only_flagged_->SetToolTip(_("By two levels or more, or one rater could not rate what another rated."));
    top->Add(only_flagged_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetFont(summary_->GetFont().Bold());
    top->Add(summary_, 0, wxALIGN_CENTER_VERTICAL);

    auto* split = split_ =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    split->SetMinimumPaneSize(FromDIP(110));
    list_ = new wxListView(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    name_for_screen_readers(list_, _("Items, raters and agreed levels"));

    // Below the list: why the level was agreed, always in view, then the item beside what
    // each rater entered.
    auto* detail = new wxPanel(split);
    auto* why = new wxBoxSizer(wxHORIZONTAL);
    rationale_ = new wxTextCtrl(detail, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(-1, 44)), wxTE_MULTILINE);
    add_labelled(detail, why, _("Why this level was agreed:"), rationale_);
    auto* sides = new wxBoxSizer(wxHORIZONTAL);
    editor_ = new ItemEditor(detail, ctx_);
    editor_->rationale_outside();
    raters_ = new wxScrolledWindow(detail, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    raters_->SetScrollRate(0, FromDIP(12));
    name_for_screen_readers(raters_, _("What the raters entered"));
    // Both sides start from a small minimum, so that the proportions share the width rather
    // than the editor's full-width content taking it all.
    editor_->SetMinSize(FromDIP(wxSize(300, 100)));
    raters_->SetMinSize(FromDIP(wxSize(220, 100)));
    sides->Add(editor_, 1, wxEXPAND);
    sides->Add(raters_, 1, wxEXPAND | wxLEFT, FromDIP(6));
    auto* dv = new wxBoxSizer(wxVERTICAL);
    dv->Add(why, 0, wxEXPAND | wxALL, FromDIP(6));
    dv->Add(sides, 1, wxEXPAND);
    detail->SetSizer(dv);
    split->SplitHorizontally(list_, detail, FromDIP(180));
    // No gravity: the size handler below places the sash itself.
    split->SetSashGravity(0);
    // The list keeps a third of the height whatever the window's size, until the user
    // moves the sash; then it keeps the height they gave it, in every round.
    split->Bind(wxEVT_SIZE, [this, split](wxSizeEvent& e) {
        e.Skip();
        split->SetSashPosition(user_sash_ > 0 ? user_sash_ : std::max(FromDIP(120), e.GetSize().y / 3));
    });
    split->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& e) {
        e.Skip();
        user_sash_ = e.GetSashPosition();
        ctx_.session.set_sash("consensus", user_sash_);
    });
    user_sash_ = ctx_.session.sash("consensus", -1);

    agreement_ = new wxStaticText(this, wxID_ANY, "");
    name_for_screen_readers(agreement_, _("Agreement between the raters"));

    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(top, 0, wxEXPAND | wxALL, FromDIP(6));
    v->Add(agreement_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    v->Add(split, 1, wxEXPAND);
    SetSizer(v);

    accept_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept_agreed(); });
    only_flagged_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill(); });
    refit_on_resize(list_, [this] { fit_columns(list_, 0, 220); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (std::size_t(e.GetIndex()) < rows_.size() && rows_[std::size_t(e.GetIndex())] != selected_) {
            selected_ = rows_[std::size_t(e.GetIndex())];
            show_selected();
        }
    });
    // Wrapped for the width it has: a clearly different width wraps it again.
    raters_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (std::abs(e.GetSize().x - raters_width_) > 2)
            CallAfter([this] {
                if (const Item* item = ctx_.scale->item(selected_)) show_raters(*item);
            });
    });
    rationale_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (!loading_) editor_->set_rationale(utf8(rationale_->GetValue()));
    });
    editor_->on_change = [this](const Rating& r) { save(r); };
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (!handle_key(e)) e.Skip();
    });
    refresh();
}

void ConsensusPanel::refresh() {
    by_item_.clear();
    const std::vector<Rating> ratings = ctx_.store().ratings(ctx_.id);
    for (const Rating& r : ratings) by_item_[r.item_id][r.rater_id] = r;
    show_agreement(ratings);
    accept_->Show(ctx_.round.raters.size() >= 2);
    accept_->Enable(!ctx_.read_only());
    rationale_->Enable(!ctx_.read_only());
    fill();
    Layout();
}

std::string ConsensusPanel::agreement_text() const { return agreement_plain_; }

// Once the raters are done (every item rated or marked "cannot rate", or the round has
// moved on), how far each pair was apart; before that the figures would still change.
void ConsensusPanel::show_agreement(const std::vector<Rating>& ratings) {
    const Round& round = ctx_.round;
    agreement_->Show(round.raters.size() >= 2);
    agreement_plain_.clear();
    if (round.raters.size() < 2) return;
    if (!reports::every_rater_done(*ctx_.scale, round, ratings) && round.status == RoundStatus::Draft) {
        agreement_->SetLabel(
            _("The agreement between the raters is shown here once every rater has rated every item."));
        agreement_plain_ = utf8(agreement_->GetLabel());
        return;
    }
    wxString text = _("Agreement between the raters, before the consensus:");
    for (const reports::RaterPair& p : reports::round_agreement(*ctx_.scale, round, ratings))
        text += "\n" + wx(reports::agreement_sentence(p.a.name, p.b.name, p.stats, translator()));
    agreement_plain_ = utf8(text);
    agreement_->SetLabel(text);
    agreement_->Wrap(std::max(GetClientSize().x - FromDIP(12), FromDIP(600)));
    Layout();
}

ConsensusPanel::Spread ConsensusPanel::spread_of(const std::string& item_id) const {
    Spread s;
    const auto it = by_item_.find(item_id);
    if (it == by_item_.end()) return s;
    for (const auto& [rater, r] : it->second) {
        if (rater == consensus_rater) continue;
        if (r.input.cannot_rate)
            ++s.cannot;
        else if (r.input.level) {
            s.lo = std::min(s.lo, *r.input.level);
            s.hi = std::max(s.hi, *r.input.level);
        }
    }
    return s;
}

// The spread in numbers, and "cannot rate" against a level as its own state, since a
// spread of 0 would hide that the raters disagree on whether the item can be rated at all.
wxString ConsensusPanel::spread_label(const Spread& s) const {
    const wxString dash = wxString::FromUTF8("–");
    wxString text;
    if (s.any_level() && s.cannot > 0) {
        const wxString levels = s.lo == s.hi ? wxString::Format("%d", s.lo)
                                             : wxString::Format("%d", s.lo) + dash + wxString::Format("%d", s.hi);
        // TRANSLATORS: spread cell when one rater could not rate what another rated: "n/r vs 3", "n/r vs 2–4".
        text = fmt(_("n/r vs {1}"), {levels});
    } else if (s.any_level()) {
        text = wxString::Format("%d", s.hi - s.lo);
    } else {
        text = s.cannot > 0 ? _("n/r") : dash;
    }
    // The flag is a sign and words, so it does not depend on seeing colour.
    return s.flagged() ? wxString::FromUTF8("⚠ ") + text + " " + _("differ") : text;
}

std::vector<std::string> ConsensusPanel::flagged() const {
    std::vector<std::string> out;
    for (const Item& item : ctx_.scale->items)
        if (spread_of(item.id).flagged()) out.push_back(item.id);
    return out;
}

std::string ConsensusPanel::spread_text(const std::string& item_id) const {
    return utf8(spread_label(spread_of(item_id)));
}

std::string ConsensusPanel::summary_text() const { return utf8(summary_->GetLabel()); }

std::string ConsensusPanel::raters_text() const { return raters_plain_; }

// The Agreed column: the level, "n/r", or a dash while nothing is agreed.
wxString ConsensusPanel::agreed_cell(const ItemRating* agreed) {
    if (agreed && agreed->cannot_rate) return _("n/r");
    if (agreed && agreed->level) return wxString::Format("%d", *agreed->level);
    return wxString::FromUTF8("–");
}

void ConsensusPanel::fill() {
    list_->ClearAll();
    list_->AppendColumn(_("Item"));
    for (const Rater& r : ctx_.round.raters) list_->AppendColumn(wx(r.name), wxLIST_FORMAT_CENTER);
    // TRANSLATORS: column: the difference between the highest and lowest level the raters gave.
    list_->AppendColumn(_("Spread"), wxLIST_FORMAT_CENTER);
    list_->AppendColumn(_("Agreed"), wxLIST_FORMAT_CENTER);
    rows_.clear();
    const auto result = ctx_.store().result_ratings(ctx_.id);
    for (const Item& item : ctx_.scale->items) {
        const auto res = result.find(item.id);
        const Spread spread = spread_of(item.id);
        if (only_flagged_->GetValue() && !spread.flagged()) continue;
        const long row =
            list_->InsertItem(list_->GetItemCount(), wx(item.id + "  " + item.name.get(ctx_.session.lang)));
        int col = 1;
        const auto& ratings = by_item_[item.id];
        for (const Rater& r : ctx_.round.raters) {
            const auto it = ratings.find(r.id);
            wxString v = wxString::FromUTF8("–");
            if (it != ratings.end()) {
                // TRANSLATORS: "not rated" because the item cannot be rated; a short table cell.
                if (it->second.input.cannot_rate)
                    v = _("n/r");
                else if (it->second.input.level)
                    v = wxString::Format("%d", *it->second.input.level);
            }
            list_->SetItem(row, col++, v);
        }
        list_->SetItem(row, col++, spread_label(spread));
        if (spread.flagged()) list_->SetItemBackgroundColour(row, wxColour(0xfb, 0xe3, 0xc0));
        list_->SetItem(row, col, agreed_cell(res == result.end() ? nullptr : &res->second));
        rows_.push_back(item.id);
    }
    // The item's name takes what the raters' columns leave, rather than a fixed width.
    fit_columns(list_, 0, 220);
    update_summary(result);
    if (rows_.empty()) return;
    auto it = std::find(rows_.begin(), rows_.end(), selected_);
    const long index = it == rows_.end() ? 0 : long(it - rows_.begin());
    selected_ = rows_[std::size_t(index)];
    list_->Select(index);
    list_->Focus(index);
    list_->EnsureVisible(index);
    show_selected();
}

// Counted from what is saved, after every save too, so it never waits for a refresh.
void ConsensusPanel::update_summary(const std::map<std::string, ItemRating>& result) {
    // The round's result as the store defines it (the consensus, or a lone rater's ratings).
    int agreed = 0;
    for (const auto& [item, r] : result) agreed += r.rated() || r.cannot_rate;
    // TRANSLATORS: {1} items agreed of {2}; {3} items where the raters differ by 2 levels or more or on "cannot rate".
    summary_->SetLabel(fmt(_("{1} of {2} agreed · {3} where raters differ"),
                           {wxString::Format("%d", agreed), wxString::Format("%zu", ctx_.scale->items.size()),
                            wxString::Format("%zu", flagged().size())}));
    GetSizer()->Layout();
}

int ConsensusPanel::accept_agreed() {
    if (ctx_.read_only()) {
        ctx_.session.status(_("The round is read-only: reopen it on the Result tab to change the consensus."));
        return 0;
    }
    try {
        const std::vector<std::string> accepted = accept_unanimous(ctx_.store(), ctx_.id, translator());
        refresh();
        if (accepted.empty())
            ctx_.session.status(
                _("Nothing to accept: no item without an agreed level has the same level from every rater."));
        else
            // TRANSLATORS: status bar after "Accept where all raters agree"; %d is the number of items.
            ctx_.session.status(
                wxString::Format(trn("Agreed %d item where all raters gave the same level.",
                                     "Agreed %d items where all raters gave the same level.", accepted.size()),
                                 int(accepted.size())));
        return int(accepted.size());
    } catch (...) {
        show_error(this, std::current_exception());
        return 0;
    }
}

void ConsensusPanel::select(const std::string& item_id) {
    selected_ = item_id;
    fill();
}

void ConsensusPanel::focus_list() { list_->SetFocus(); }

void ConsensusPanel::show_selected() {
    const Item* item = ctx_.scale->item(selected_);
    if (!item) return;
    Rating r;
    const auto& ratings = by_item_[selected_];
    if (const auto it = ratings.find(consensus_rater); it != ratings.end()) r = it->second;
    r.item_id = selected_;
    r.rater_id = consensus_rater;
    editor_->show(*item, r);
    loading_ = true;
    rationale_->ChangeValue(wx(r.rationale));
    loading_ = false;
    show_raters(*item);
}

// Each rater in a column: level, what was entered, evidence and note, so that the team
// compares them without switching raters.
void ConsensusPanel::show_raters(const Item& item) {
    raters_->Freeze();
    raters_->DestroyChildren();
    const auto& ratings = by_item_[item.id];
    const auto& raters = ctx_.round.raters;
    const wxString labels[] = {_("Level:"), _("Entered:"), _("Evidence:"), _("Note:")};
    // texts[row][rater]: the level, what was entered, the evidence and the note.
    std::vector<std::vector<std::string>> texts(4);
    raters_plain_.clear();
    for (const Rater& rater : raters) raters_plain_ += rater.name + "\t";
    raters_plain_ += "\n";
    for (int row = 0; row < 4; ++row) {
        raters_plain_ += utf8(labels[row]);
        for (const Rater& rater : raters) {
            const auto it = ratings.find(rater.id);
            std::string text;
            if (it != ratings.end()) {
                const Rating& own = it->second;
                text = row == 0   ? reports::level_text(own.input, translator())
                       : row == 1 ? reports::entered_text(item, own.input, translator())
                       : row == 2 ? own.evidence
                                  : own.note;
            } else if (row == 0) {
                text = utf8(_("not rated"));
            }
            texts[std::size_t(row)].push_back(text);
            raters_plain_ += "\t" + text;
        }
        raters_plain_ += "\n";
    }

    auto* box = new wxStaticBoxSizer(wxVERTICAL, raters_, _("What the raters entered"));
    wxWindow* in = box->GetStaticBox();
    int label_width = 0;
    for (const wxString& l : labels) label_width = std::max(label_width, raters_->GetTextExtent(l).x);
    // The width left after the labels, the box's frame, the gaps and a scroll bar.
    const int room =
        raters_->GetSize().x - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, raters_) - label_width - FromDIP(40);
    const int n = std::max<int>(1, int(raters.size()));
    const int column = (room - FromDIP(10) * n) / n;
    // Plain labels wrapped once at the width they get: text that rewraps itself on every
    // size event would resize the grid's other columns and never settle.
    auto cell = [&](const std::string& text, bool bold, int width) {
        auto* label = new wxStaticText(in, wxID_ANY, wx(text));
        if (bold) label->SetFont(label->GetFont().Bold());
        label->Wrap(std::max(FromDIP(80), width));
        if (bold) {
            // GTK measures a label on a hidden tab in the font it had before: bold text would be
            // clipped to the regular text's size, so the size comes from the bold font.
            wxClientDC dc(label);
            dc.SetFont(label->GetFont());
            label->SetMinSize(dc.GetMultiLineTextExtent(label->GetLabel()));
        }
        return label;
    };
    if (column >= FromDIP(140)) {
        // Side by side: one column per rater, so the team reads across.
        auto* grid = new wxFlexGridSizer(int(raters.size()) + 1, FromDIP(wxSize(10, 6)));
        for (std::size_t c = 1; c <= raters.size(); ++c) grid->AddGrowableCol(int(c), 1);
        grid->Add(new wxStaticText(in, wxID_ANY, ""));
        for (const Rater& rater : raters) grid->Add(cell(rater.name, true, column), 0, wxEXPAND);
        for (int row = 0; row < 4; ++row) {
            grid->Add(new wxStaticText(in, wxID_ANY, labels[row]), 0, wxALIGN_TOP);
            for (const std::string& text : texts[std::size_t(row)])
                grid->Add(cell(text, row == 0, column), 0, wxEXPAND);
        }
        box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(4));
    } else {
        // Too narrow for columns (a small screen, many raters): one rater under the other.
        for (std::size_t r = 0; r < raters.size(); ++r) {
            box->Add(cell(raters[r].name, true, room), 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
            auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 2)));
            grid->AddGrowableCol(1, 1);
            for (int row = 0; row < 4; ++row) {
                const std::string& text = texts[std::size_t(row)][r];
                if (text.empty()) continue;
                grid->Add(new wxStaticText(in, wxID_ANY, labels[row]), 0, wxALIGN_TOP);
                grid->Add(cell(text, row == 0, room - FromDIP(10)), 0, wxEXPAND);
            }
            box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(4));
        }
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(box, 0, wxEXPAND | wxALL, FromDIP(4));
    raters_->SetSizer(sizer);
    raters_->FitInside();
    raters_->Scroll(0, 0);
    raters_->Thaw();
    raters_->Layout();
    raters_width_ = raters_->GetSize().x;
}

bool ConsensusPanel::rate(int level) { return editor_->pick_level(level); }

void ConsensusPanel::save(const Rating& agreed) {
    // The version this window last read, so an agreement someone else saved since is not overwritten.
    Rating rating = agreed;
    const auto& known = by_item_[rating.item_id];
    const auto it = known.find(consensus_rater);
    rating.revision = it != known.end() ? it->second.revision.value_or(0) : 0;
    store_rating(rating);
}

void ConsensusPanel::store_rating(const Rating& rating) {
    try {
        ctx_.store().save_rating(ctx_.id, rating);
        by_item_[rating.item_id][consensus_rater] = *ctx_.store().rating(ctx_.id, rating.item_id, consensus_rater);
        const long row = list_->GetFirstSelected();
        const auto& saved = by_item_[rating.item_id][consensus_rater];
        if (row >= 0) list_->SetItem(row, list_->GetColumnCount() - 1, agreed_cell(&saved.input));
        update_summary(ctx_.store().result_ratings(ctx_.id));
        // TRANSLATORS: status bar after a consensus level is saved; {1} is an item id such as "S1".
        ctx_.session.saved_rating(fmt(_("{1} agreed"), {wx(rating.item_id)}), rating.item_id, "consensus",
                                  saved.input.level, saved.rationale.size());
    } catch (...) {
        const std::exception_ptr error = std::current_exception();
        if (is_connection_lost(error)) {
            wxWeakRef<ConsensusPanel> self(this);
            ctx_.session.retry_later(this, [self, rating] { if (self) self->store_rating(rating); },
                                     wx(error_text(error)));
            return;
        }
        show_error(this, error);
        // After the event that saved: refreshing rebuilds the editor whose handler is running.
        if (is_stale_edit(error)) CallAfter([this] { refresh(); });
    }
}

bool ConsensusPanel::handle_key(wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    const bool typing = dynamic_cast<wxTextCtrl*>(FindFocus()) != nullptr;
    const long row = list_->GetFirstSelected();
    auto move = [&](long to) {
        if (rows_.empty()) return;
        to = std::clamp(to, 0L, long(rows_.size()) - 1);
        selected_ = rows_[std::size_t(to)];
        list_->Select(to);
        list_->Focus(to);
        list_->EnsureVisible(to);
        show_selected();
    };
    if (key == WXK_PAGEDOWN || (e.ControlDown() && key == WXK_RIGHT && !typing)) {
        move(row + 1);
        return true;
    }
    if (key == WXK_PAGEUP || (e.ControlDown() && key == WXK_LEFT && !typing)) {
        move(row - 1);
        return true;
    }
    if (key >= '1' && key <= '9' && !e.AltDown() && (!typing || e.ControlDown())) {
        // As in the assessment: an item with inputs takes the keyboard to its first input.
        const wxString why = editor_->key_level(key - '0');
        if (!why.empty()) ctx_.session.status(why);
        return true;
    }
    return false;
}

}  // namespace fidelis::gui
