// The list of a database's automatic backups and the restore buttons (backup_dialog.h).
#include "backup_dialog.h"

#include "base/atomic_file.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

namespace fidelis::gui {

wxString file_size_text(std::uintmax_t bytes) {
    if (bytes >= 1024 * 1024) return number(double(bytes) / (1024.0 * 1024.0), 1) + " MB";
    return number(std::max(1.0, double(bytes) / 1024.0), 0) + " kB";
}

RestoreDialog::RestoreDialog(wxWindow* parent, const std::string& database, std::vector<Backup> backups, bool can_replace)
    : wxDialog(parent, wxID_ANY, _("Restore a backup"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      backups_(std::move(backups)) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    const wxString file = wx(path_to_utf8(path_from_utf8(database).filename()));
    v->Add(wrapped_text(this, backups_.empty()
                                  ? fmt(_("There are no automatic backups of {1} yet. One is made each time the "
                                          "window opens it; the last {2} are kept."),
                                        {file, wxString::Format("%zu", BackupFolder::default_keep)})
                                  : fmt(_("Fidelis made these copies of {1} when the window opened it; the last {2} "
                                          "are kept. Choose one, then restore it as a new file (nothing else changes) "
                                          "or in place of the database (which is backed up first)."),
                                        {file, wxString::Format("%zu", BackupFolder::default_keep)})),
           0, wxEXPAND | wxALL, FromDIP(12));
    list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(440, 240)), wxLC_REPORT | wxLC_SINGLE_SEL);
    name_for_screen_readers(list, _("Backups"));
    list->AppendColumn(_("Taken"), wxLIST_FORMAT_LEFT, FromDIP(220));
    list->AppendColumn(_("Size"), wxLIST_FORMAT_RIGHT, FromDIP(120));
    for (std::size_t i = 0; i < backups_.size(); ++i) {
        const long row = list->InsertItem(long(i), wx(backups_[i].taken_at));
        list->SetItem(row, 1, file_size_text(backups_[i].size));
    }
    v->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    as_new = new wxButton(this, wxID_ANY, _("Restore as a &new file…"));
    over = new wxButton(this, wxID_ANY, _("Restore in &place of the database…"));
    buttons->Add(as_new, 0, wxRIGHT, FromDIP(8));
    buttons->Add(over, 0, wxRIGHT, FromDIP(8));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")));
    v->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(v);
    CentreOnParent();

    auto update = [this, can_replace] {
        as_new->Enable(chosen() != nullptr);
        over->Enable(chosen() != nullptr && can_replace);
    };
    list->Bind(wxEVT_LIST_ITEM_SELECTED, [update](wxListEvent&) { update(); });
    list->Bind(wxEVT_LIST_ITEM_DESELECTED, [update](wxListEvent&) { update(); });
    list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(AsNewFile); });
    as_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(AsNewFile); });
    over->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(OverCurrent); });
    if (!backups_.empty()) choose(0);
    update();
}

const Backup* RestoreDialog::chosen() const {
    const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 || std::size_t(row) >= backups_.size() ? nullptr : &backups_[std::size_t(row)];
}

void RestoreDialog::choose(long row) {
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list->EnsureVisible(row);
}

}  // namespace fidelis::gui
