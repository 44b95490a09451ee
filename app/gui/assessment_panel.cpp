#include "assessment_panel.h"

#include "../core/errors.h"

#include <wx/weakref.h>

#include "base/i18n.h"
#include "item_editor.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/time.h>

#include <algorithm>
#include <optional>

namespace fidelis::gui {

AssessmentPanel::AssessmentPanel(wxWindow* parent, RoundContext& ctx) : wxPanel(parent), ctx_(ctx) {
    // One row that fits the round's pane at 1024×768 in Swedish: adding a rater is the
    // rater list's last entry rather than a button, moving between items takes two arrow
    // buttons (named for screen readers), and the progress stands over the item list.
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    rater_ = new wxChoice(this, wxID_ANY);
    top->Add(new wxStaticText(this, wxID_ANY, _("Rating as:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    top->Add(rater_, 0, wxALIGN_CENTER_VERTICAL);
    name_for_screen_readers(rater_, _("Rating as"));
    top->AddStretchSpacer(1);
    auto* prev = new wxButton(this, wxID_ANY, wxString::FromUTF8("◀"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* next = new wxButton(this, wxID_ANY, wxString::FromUTF8("▶"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* unrated = new wxButton(this, wxID_ANY, _("Next unrated"));
    for (wxButton* b : {prev, next}) b->SetMinSize(wxSize(std::max(b->GetBestSize().x, FromDIP(36)), -1));
    name_for_screen_readers(prev, _("Previous item"));
    name_for_screen_readers(next, _("Next item"));
    prev->SetToolTip(_("Previous item") + " (" + _("Page Up or Ctrl+Left") + ")");
    next->SetToolTip(_("Next item") + " (" + _("Page Down or Ctrl+Right") + ")");
    unrated->SetToolTip(_("Ctrl+U"));
    top->Add(prev, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(next, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
    top->Add(unrated, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
    toolbar_ = top;

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    split->SetMinimumPaneSize(FromDIP(180));
    auto* left = new wxPanel(split);
    progress_ = new wxStaticText(left, wxID_ANY, "");
    progress_->SetFont(progress_->GetFont().Bold());
    list_ = new wxListView(left, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    auto* lv = new wxBoxSizer(wxVERTICAL);
    lv->Add(progress_, 0, wxLEFT | wxBOTTOM, FromDIP(4));
    lv->Add(list_, 1, wxEXPAND);
    left->SetSizer(lv);
    list_->AppendColumn(_("Item"));
    list_->AppendColumn(_("Level"), wxLIST_FORMAT_CENTER);
    name_for_screen_readers(list_, _("Items and their state"));
    editor_ = new ItemEditor(split, ctx_);
    // Where the user last left the sash, in every round.
    split->SplitVertically(left, editor_, ctx_.session.sash("assessment", FromDIP(300)));
    split->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& e) {
        e.Skip();
        ctx_.session.set_sash("assessment", e.GetSashPosition());
    });
    split->SetSashGravity(0.0);

    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(top, 0, wxEXPAND | wxALL, FromDIP(6));
    v->Add(split, 1, wxEXPAND);
    v->Add(
        wrapped_text(this, _("Keys: 1–5 rate (on an item with inputs they go to the first input) · Page Up/Page Down "
                             "or Ctrl+arrows move · letters in the list find an item · Ctrl+U next unrated · "
                             "Ctrl+Shift+R next rater. Everything is saved as you type.")),
        0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(v);

    rater_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = rater_->GetSelection();
        if (i >= 0 && std::size_t(i) < ctx_.round.raters.size()) set_rater(ctx_.round.raters[std::size_t(i)].id);
        // The last entry adds a rater; cancelled, the list shows the active rater again.
        else if (i >= 0 && std::size_t(i) == ctx_.round.raters.size())
            CallAfter([this] {
                add_rater();
                refresh();
            });
    });
    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { previous(); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->next(); });
    unrated->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { next_unrated(); });
    list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        fit_item_columns();
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (std::size_t(e.GetIndex()) != current_) go_to(std::size_t(e.GetIndex()));
    });
    editor_->on_change = [this](const Rating& r) { save(r); };
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (!handle_key(e)) e.Skip();
    });
    refresh();
}

void AssessmentPanel::refresh() {
    rater_->Clear();
    int selected = -1;
    for (std::size_t i = 0; i < ctx_.round.raters.size(); ++i) {
        const Rater& r = ctx_.round.raters[i];
        rater_->Append(wx(r.name + (r.role.empty() ? "" : " (" + r.role + ")")));
        if (r.id == ctx_.active_rater) selected = int(i);
    }
    rater_->Append(_("Add rater…"));
    rater_->SetSelection(selected);
    // As wide as the longest name, so none is cut short, and no wider (GTK's own best size
    // leaves a wide margin, which at 1024×768 pushed the buttons out of view).
    int widest = 0;
    for (unsigned i = 0; i < rater_->GetCount(); ++i) widest = std::max(widest, GetTextExtent(rater_->GetString(i)).x);
    rater_->SetMinSize(wxSize(std::min(widest + FromDIP(48), FromDIP(300)), -1));
    rater_->SetSize(rater_->GetMinSize());
    ratings_.clear();
    for (Rating& r : ctx_.store().ratings(ctx_.id))
        if (r.rater_id == ctx_.active_rater) ratings_[r.item_id] = std::move(r);
    build_list();
    go_to(std::min(current_, ctx_.scale->items.size() - 1));
}

Rating AssessmentPanel::saved_rating(const std::string& item_id) const {
    if (const auto it = ratings_.find(item_id); it != ratings_.end()) return it->second;
    Rating r;
    r.item_id = item_id;
    r.rater_id = ctx_.active_rater;
    return r;
}

void AssessmentPanel::build_list() {
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < ctx_.scale->items.size(); ++i) {
        const Item& item = ctx_.scale->items[i];
        list_->InsertItem(long(i), wx(item.id + "  " + item.name.get(ctx_.session.lang)));
        update_row(i);
    }
    fit_item_columns();
    update_progress();
}

void AssessmentPanel::update_row(std::size_t i) {
    const Rating r = saved_rating(ctx_.scale->items[i].id);
    // The state in words and signs, not colour: a level, "cannot rate", or a dash.
    // TRANSLATORS: short for "cannot rate", in the narrow Level column of the item list.
    wxString state = r.input.cannot_rate ? wxString::FromUTF8("⊘ ") + _("n/r")
                     : r.input.level     ? wxString::FromUTF8("✓ ") + wxString::Format("%d", *r.input.level)
                                         : wxString::FromUTF8("–");
    list_->SetItem(long(i), 1, state);
}

void AssessmentPanel::fit_item_columns() {
    // The level column as wide as its header or "⊘ n/r", the item's name the rest.
    fit_columns(list_, 0, 120);
}

int AssessmentPanel::rated_count() const {
    int n = 0;
    for (const auto& [id, r] : ratings_) n += (r.input.level || r.input.cannot_rate) ? 1 : 0;
    return n;
}

void AssessmentPanel::update_progress() {
    // TRANSLATORS: progress through a round, e.g. "12 of 25 rated": {1} items rated, {2} items in the scale.
    progress_->SetLabel(fmt(_("{1} of {2} rated"), {wxString::Format("%d", rated_count()),
                                                    wxString::Format("%zu", ctx_.scale->items.size())}));
    progress_->GetParent()->Layout();
}

void AssessmentPanel::go_to(std::size_t index) {
    if (ctx_.scale->items.empty()) return;
    current_ = std::min(index, ctx_.scale->items.size() - 1);
    if (list_->GetFirstSelected() != long(current_)) {
        list_->Select(long(current_));
        list_->Focus(long(current_));
    }
    list_->EnsureVisible(long(current_));
    // The editor is built anew; a field in it that had the keyboard goes with it, and the
    // keys would go nowhere. They go to the item list instead, where digits rate. (Only then:
    // focusing the list before the window is first shown leaves GTK delivering no keys.)
    wxWindow* focus = FindFocus();
    const bool was_in_editor = focus && (focus == editor_ || editor_->IsDescendant(focus));
    const Item& item = ctx_.scale->items[current_];
    editor_->show(item, saved_rating(item.id));
    if (was_in_editor) list_->SetFocus();
}

void AssessmentPanel::focus_items() { list_->SetFocus(); }

void AssessmentPanel::next_unrated() {
    const std::size_t n = ctx_.scale->items.size();
    for (std::size_t step = 1; step <= n; ++step) {
        const std::size_t i = (current_ + step) % n;
        const Rating r = saved_rating(ctx_.scale->items[i].id);
        if (!r.input.level && !r.input.cannot_rate) {
            go_to(i);
            return;
        }
    }
    ctx_.session.status(_("Every item is rated."));
}

bool AssessmentPanel::rate(int level) { return editor_->pick_level(level); }

void AssessmentPanel::set_rater(Id rater) {
    ctx_.active_rater = rater;
    refresh();
    if (const Rater* r = ctx_.rater()) ctx_.session.status(fmt(_("Now rating as {1}"), {wx(r->name)}));
}

void AssessmentPanel::next_rater() {
    const auto& raters = ctx_.round.raters;
    if (raters.empty()) return;
    std::size_t i = 0;
    while (i < raters.size() && raters[i].id != ctx_.active_rater) ++i;
    set_rater(raters[(i + 1) % raters.size()].id);
}

void AssessmentPanel::add_rater() {
    wxTextEntryDialog dlg(this, _("Name and role, separated by a comma:"), _("Add rater"));
    if (dlg.ShowModal() != wxID_OK) return;
    const std::string text = utf8(dlg.GetValue());
    const auto comma = text.find(',');
    std::string name = text.substr(0, comma), role = comma == std::string::npos ? "" : text.substr(comma + 1);
    name.erase(name.find_last_not_of(' ') + 1);
    role.erase(0, role.find_first_not_of(' '));
    try {
        const Id id = ctx_.store().add_rater(ctx_.id, name, role);
        ctx_.reload();
        set_rater(id);
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void AssessmentPanel::save(const Rating& rating) {
    Rating r = rating;
    r.rater_id = ctx_.active_rater;
    // The version this window last read, so an edit someone else made since is not overwritten.
    const auto known = ratings_.find(r.item_id);
    r.revision = known != ratings_.end() ? known->second.revision.value_or(0) : 0;
    store_rating(r);
}

void AssessmentPanel::store_rating(const Rating& r) {
    try {
        ctx_.store().save_rating(ctx_.id, r);
        if (r.rater_id != ctx_.active_rater) return;  // a retried save of a rater no longer shown
        ratings_[r.item_id] = ctx_.store().rating(ctx_.id, r.item_id, r.rater_id).value_or(r);
        update_row(current_);
        update_progress();
        const Rater* rater = ctx_.rater();
        const auto& saved = ratings_[r.item_id];
        ctx_.session.saved_rating(wx(r.item_id + (rater ? " (" + rater->name + ")" : "")), r.item_id,
                                  rater ? rater->name : "consensus", saved.input.level, saved.note.size());
    } catch (...) {
        const std::exception_ptr error = std::current_exception();
        if (is_connection_lost(error)) {
            wxWeakRef<AssessmentPanel> self(this);
            ctx_.session.retry_later(this, [self, r] { if (self) self->store_rating(r); }, wx(error_text(error)));
            return;
        }
        show_error(this, error);
        // After the event that saved: refreshing rebuilds the editor whose handler is running.
        if (is_stale_edit(error)) CallAfter([this] { refresh(); });
    }
}

bool AssessmentPanel::find_by_typing(wxChar c, bool digit) {
    const long long now = wxGetLocalTimeMillis().GetValue();
    const bool going_on = !typed_.empty() && now - typed_at_ms_ < 1500;
    // A digit only goes on with what letters began ("V1" + "4"); alone it rates.
    if (digit && !going_on) return false;
    typed_ = (going_on ? typed_ : wxString()) + wxString(c).Upper();
    typed_at_ms_ = now;
    const auto& items = ctx_.scale->items;
    const std::string& lang = ctx_.session.lang;
    auto find = [&]() -> std::optional<std::size_t> {
        // The id first ("S3"), then the name's beginning ("Sam…").
        for (std::size_t i = 0; i < items.size(); ++i)
            if (wx(items[i].id).Upper().StartsWith(typed_)) return i;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (wx(items[i].name.get(lang)).Upper().StartsWith(typed_)) return i;
        return std::nullopt;
    };
    std::optional<std::size_t> found = find();
    // A letter that leads nowhere after what was typed begins a new search ("S5" then "V").
    if (!found && !digit && typed_.size() > 1) {
        typed_ = wxString(c).Upper();
        found = find();
    }
    if (found) {
        go_to(*found);
        // TRANSLATORS: {1} is what was typed in the item list, {2} the item it found.
        ctx_.session.status(
            fmt(_("“{1}” found {2}. A digit typed straight after letters goes on finding and does not rate."),
                {typed_, wx(items[*found].id)}));
    } else {
        ctx_.session.status(fmt(_("No item starts with “{1}”; nothing was rated."), {typed_}));
    }
    return true;
}

bool AssessmentPanel::handle_key(wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    wxWindow* focus = FindFocus();
    const bool typing = dynamic_cast<wxTextCtrl*>(focus) != nullptr;
    // Typing in the item list finds items; the list's own type-ahead never sees the keys.
    const bool on_list = focus && (focus == list_ || list_->IsDescendant(focus));
    if (on_list && !e.ControlDown() && !e.AltDown()) {
        const wxChar c = e.GetUnicodeKey();
        const bool digit_key = c >= '0' && c <= '9';
        if (c != WXK_NONE && c > ' ' && (wxIsalpha(c) || digit_key) && find_by_typing(c, digit_key)) return true;
        if (c == ' ' || key == WXK_UP || key == WXK_DOWN || key == WXK_HOME || key == WXK_END) typed_.clear();
    }
    // A move from inside a control whose focused part wxWidgets does not name (the button
    // inside a GTK choice) leaves the keyboard nowhere once the editor is rebuilt: it goes to
    // the item list.
    auto moved = [&](auto&& move) {
        move();
        if (!focus) list_->SetFocus();
        return true;
    };
    if (key == WXK_PAGEDOWN || (e.ControlDown() && key == WXK_RIGHT && !typing)) return moved([this] { next(); });
    if (key == WXK_PAGEUP || (e.ControlDown() && key == WXK_LEFT && !typing)) return moved([this] { previous(); });
    if (e.ControlDown() && !e.ShiftDown() && (key == 'U' || key == 'u')) return moved([this] { next_unrated(); });
    if (e.ControlDown() && e.ShiftDown() && (key == 'R' || key == 'r')) {
        next_rater();
        return true;
    }
    // Digits rate unless they are being typed into a field; Ctrl+digit rates anywhere.
    const bool digit = key >= '1' && key <= '9';
    const bool numpad = key >= WXK_NUMPAD1 && key <= WXK_NUMPAD9;
    if ((digit || numpad) && !e.AltDown() && (!typing || e.ControlDown())) {
        const int level = digit ? key - '0' : key - WXK_NUMPAD0;
        if (const wxString why = editor_->key_level(level); !why.empty()) ctx_.session.status(why);
        return true;
    }
    return false;
}

}  // namespace fidelis::gui
