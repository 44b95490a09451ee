#include "consensus_panel.h"

#include "item_editor.h"
#include "base/i18n.h"
#include "reports/agreement.h"
#include "ui.h"

#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace fidelis::gui {

ConsensusPanel::ConsensusPanel(wxWindow* parent, RoundContext& ctx) : wxPanel(parent), ctx_(ctx) {
    auto* top = new wxWrapSizer(wxHORIZONTAL);
    only_flagged_ = new wxCheckBox(this, wxID_ANY, _("Only items where raters differ by 2 or more"));
    top->Add(only_flagged_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    summary_ = new wxStaticText(this, wxID_ANY, "");
    summary_->SetFont(summary_->GetFont().Bold());
    top->Add(summary_, 0, wxALIGN_CENTER_VERTICAL);

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    split->SetMinimumPaneSize(FromDIP(120));
    list_ = new wxListView(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    name_for_screen_readers(list_, _("Items, raters and agreed levels"));
    editor_ = new ItemEditor(split, ctx_);
    split->SplitHorizontally(list_, editor_, FromDIP(260));
    split->SetSashGravity(0.4);

    agreement_ = new wxStaticText(this, wxID_ANY, "");
    name_for_screen_readers(agreement_, _("Agreement between the raters"));

    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(top, 0, wxEXPAND | wxALL, FromDIP(6));
    v->Add(agreement_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    v->Add(split, 1, wxEXPAND);
    SetSizer(v);

    only_flagged_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (std::size_t(e.GetIndex()) < rows_.size() && rows_[std::size_t(e.GetIndex())] != selected_) {
            selected_ = rows_[std::size_t(e.GetIndex())];
            show_selected();
        }
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
    fill();
}

std::string ConsensusPanel::agreement_text() const {
    return agreement_plain_;
}

// Once the raters are done (every item rated or marked "cannot rate", or the round has
// moved on), how far each pair was apart; before that the figures would still change.
void ConsensusPanel::show_agreement(const std::vector<Rating>& ratings) {
    const Round& round = ctx_.round;
    agreement_->Show(round.raters.size() >= 2);
    agreement_plain_.clear();
    if (round.raters.size() < 2) return;
    if (!reports::every_rater_done(*ctx_.scale, round, ratings) && round.status == RoundStatus::Draft) {
        agreement_->SetLabel(_("The agreement between the raters is shown here once every rater has rated every item."));
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

std::vector<std::string> ConsensusPanel::flagged() const {
    std::vector<std::string> out;
    for (const Item& item : ctx_.scale->items) {
        const auto it = by_item_.find(item.id);
        if (it == by_item_.end()) continue;
        int lo = 99, hi = -99;
        for (const auto& [rater, r] : it->second)
            if (rater != consensus_rater && r.input.level && !r.input.cannot_rate) {
                lo = std::min(lo, *r.input.level);
                hi = std::max(hi, *r.input.level);
            }
        if (hi - lo >= 2) out.push_back(item.id);
    }
    return out;
}

void ConsensusPanel::fill() {
    list_->ClearAll();
    list_->AppendColumn(_("Item"));
    for (const Rater& r : ctx_.round.raters) list_->AppendColumn(wx(r.name), wxLIST_FORMAT_CENTER);
    // TRANSLATORS: column: the difference between the highest and lowest level the raters gave.
    list_->AppendColumn(_("Spread"), wxLIST_FORMAT_CENTER);
    list_->AppendColumn(_("Agreed"), wxLIST_FORMAT_CENTER);
    rows_.clear();
    const auto flags = flagged();
    const auto result = ctx_.store().result_ratings(ctx_.id);
    int agreed = 0;
    for (const Item& item : ctx_.scale->items) {
        const auto res = result.find(item.id);
        if (res != result.end() && (res->second.level || res->second.cannot_rate)) ++agreed;
        const bool flag = std::find(flags.begin(), flags.end(), item.id) != flags.end();
        if (only_flagged_->GetValue() && !flag) continue;
        const long row = list_->InsertItem(list_->GetItemCount(), wx(item.id + "  " + item.name.get(ctx_.session.lang)));
        int col = 1, lo = 99, hi = -99;
        const auto& ratings = by_item_[item.id];
        for (const Rater& r : ctx_.round.raters) {
            const auto it = ratings.find(r.id);
            wxString v = wxString::FromUTF8("–");
            if (it != ratings.end()) {
                // TRANSLATORS: "not rated" because the item cannot be rated; a short table cell.
                if (it->second.input.cannot_rate) v = _("n/r");
                else if (it->second.input.level) {
                    v = wxString::Format("%d", *it->second.input.level);
                    lo = std::min(lo, *it->second.input.level);
                    hi = std::max(hi, *it->second.input.level);
                }
            }
            list_->SetItem(row, col++, v);
        }
        // The flag is a sign and words, so it does not depend on seeing colour.
        const wxString spread = hi >= lo ? wxString::Format("%d", hi - lo) : wxString::FromUTF8("–");
        list_->SetItem(row, col++, flag ? wxString::FromUTF8("⚠ ") + spread + " " + _("differ") : spread);
        if (flag) list_->SetItemBackgroundColour(row, wxColour(0xfb, 0xe3, 0xc0));
        wxString agreed_text = wxString::FromUTF8("–");
        if (res != result.end()) {
            if (res->second.cannot_rate) agreed_text = _("n/r");
            else if (res->second.level) agreed_text = wxString::Format("%d", *res->second.level);
        }
        list_->SetItem(row, col, agreed_text);
        rows_.push_back(item.id);
    }
    list_->SetColumnWidth(0, FromDIP(280));
    // Wide enough for the raters' names and the headings, whichever is longer.
    for (int c = 1; c < list_->GetColumnCount(); ++c) {
        list_->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        list_->SetColumnWidth(c, std::max(list_->GetColumnWidth(c) + FromDIP(12), FromDIP(90)));
    }
    summary_->SetLabel(fmt(_("{1} of {2} agreed · {3} with a spread of 2 or more"),
                           {wxString::Format("%d", agreed), wxString::Format("%zu", ctx_.scale->items.size()),
                            wxString::Format("%zu", flags.size())}));
    if (rows_.empty()) return;
    auto it = std::find(rows_.begin(), rows_.end(), selected_);
    const long index = it == rows_.end() ? 0 : long(it - rows_.begin());
    selected_ = rows_[std::size_t(index)];
    list_->Select(index);
    list_->Focus(index);
    list_->EnsureVisible(index);
    show_selected();
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
}

bool ConsensusPanel::rate(int level) { return editor_->pick_level(level); }

void ConsensusPanel::save(const Rating& rating) {
    try {
        ctx_.store().save_rating(ctx_.id, rating);
        by_item_[rating.item_id][consensus_rater] = *ctx_.store().rating(ctx_.id, rating.item_id, consensus_rater);
        const long row = list_->GetFirstSelected();
        const auto& saved = by_item_[rating.item_id][consensus_rater];
        if (row >= 0)
            list_->SetItem(row, list_->GetColumnCount() - 1,
                           saved.input.cannot_rate ? _("n/r")
                           : saved.input.level     ? wxString::Format("%d", *saved.input.level)
                                                   : wxString::FromUTF8("–"));
        // TRANSLATORS: status bar after a consensus level is saved; {1} is an item id such as "S1".
        ctx_.session.saved_rating(fmt(_("{1} agreed"), {wx(rating.item_id)}), rating.item_id, "consensus",
                                  saved.input.level, saved.rationale.size());
    } catch (...) {
        show_error(this, std::current_exception());
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
        if (!rate(key - '0')) ctx_.session.status(_("This item's level follows from what was entered; clear it to pick a level."));
        return true;
    }
    return false;
}

}  // namespace fidelis::gui
