// The history viewer (history_dialog.h): a filter field above a list with a column per
// part of a change; a click on a column header sorts by it.
#include "history_dialog.h"

#include "base/collation.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <numeric>

namespace fidelis::gui {
namespace {

const std::string& cell(const HistoryLine& h, int column) {
    switch (column) {
    case HistoryDialog::When: return h.when;
    case HistoryDialog::Who: return h.who;
    case HistoryDialog::What: return h.what;
    case HistoryDialog::Old: return h.old_value;
    default: return h.new_value;
    }
}

// One line in a list row: line breaks in a note shown as spaces.
wxString one_line(const std::string& text) {
    wxString s = wx(text);
    s.Replace("\r\n", " ");
    s.Replace("\n", " ");
    return s;
}

}  // namespace

HistoryDialog::HistoryDialog(wxWindow* parent, std::vector<HistoryLine> lines, const wxString& round_name)
    : wxDialog(parent, wxID_ANY, fmt(_("History of {1}"), {round_name}), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      lines_(std::move(lines)) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    filter = new wxTextCtrl(this, wxID_ANY);
    filter->SetHint(_("item, name, word…"));
    // Wide enough for its hint, which GTK otherwise cuts off.
    filter->SetMinSize(wxSize(GetTextExtent(filter->GetHint()).x + FromDIP(40), -1));
    add_labelled_group(this, row, _("Filter:"), filter);
    count_ = new wxStaticText(this, wxID_ANY, "");
    row->Add(count_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    v->Add(row, 0, wxEXPAND | wxALL, FromDIP(8));

    list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    name_for_screen_readers(list, _("Changes"));
    const wxString titles[] = {_("When"), _("Who"), _("What"), _("Old value"), _("New value")};
    const int widths[] = {150, 130, 260, 190, 190};
    for (int c = 0; c < 5; ++c) list->AppendColumn(titles[c], wxLIST_FORMAT_LEFT, FromDIP(widths[c]));
    v->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    v->Add(wrapped_text(this, _("Every change to the round's ratings, consensus, status, figures and plan, oldest first. "
                                "Click a column's title to sort by it.")),
           0, wxEXPAND | wxALL, FromDIP(8));
    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_CLOSE, _("Close")));
    buttons->Realize();
    SetEscapeId(wxID_CLOSE);
    v->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(v);

    // As large as the screen allows, up to what five columns of text want.
    const wxSize screen = wxGetDisplaySize();
    SetSize(wxSize(std::min(FromDIP(960), screen.x - FromDIP(40)), std::min(FromDIP(600), screen.y - FromDIP(60))));
    CentreOnParent();

    filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { set_filter(filter->GetValue()); });
    list->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) { sort_by(e.GetColumn()); });
    set_filter("");
}

long HistoryDialog::rows() const { return list->GetItemCount(); }

void HistoryDialog::sort_by(int column) {
    if (column < When || column > New) return;
    descending_ = column == sort_column_ ? !descending_ : false;
    sort_column_ = column;
    fill();
}

void HistoryDialog::set_filter(const wxString& text) {
    const wxString needle = text.Strip(wxString::both).Lower();
    shown_.clear();
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        bool match = needle.empty();
        for (int c = When; c <= New && !match; ++c) match = wx(cell(lines_[i], c)).Lower().Contains(needle);
        if (match) shown_.push_back(i);
    }
    fill();
}

void HistoryDialog::fill() {
    // The stored order is the order of the changes, so "when" sorts by it; the other
    // columns in Swedish order, ties kept in time order.
    std::stable_sort(shown_.begin(), shown_.end(), [this](std::size_t a, std::size_t b) {
        if (sort_column_ == When) return a < b;
        return swedish_compare(cell(lines_[a], sort_column_), cell(lines_[b], sort_column_)) < 0;
    });
    if (descending_) std::reverse(shown_.begin(), shown_.end());
    list->Freeze();
    list->DeleteAllItems();
    for (std::size_t r = 0; r < shown_.size(); ++r) {
        const HistoryLine& h = lines_[shown_[r]];
        const long item = list->InsertItem(long(r), one_line(h.when));
        for (int c = Who; c <= New; ++c) list->SetItem(item, c, one_line(cell(h, c)));
    }
    list->Thaw();
    for (int c = When; c <= New; ++c) {
        wxListItem col;
        col.SetMask(wxLIST_MASK_TEXT);
        list->GetColumn(c, col);
        wxString title = col.GetText();
        title.Replace(wxString::FromUTF8(" ▲"), "");
        title.Replace(wxString::FromUTF8(" ▼"), "");
        if (c == sort_column_) title += wxString::FromUTF8(descending_ ? " ▼" : " ▲");
        col.SetText(title);
        list->SetColumn(c, col);
    }
    count_->SetLabel(fmt(_("Changes shown: {1} of {2}"), {wxString::Format("%zu", shown_.size()), wxString::Format("%zu", lines_.size())}));
    Layout();
}

}  // namespace fidelis::gui
