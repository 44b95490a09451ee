#pragma once
// File -> Restore a backup…: the automatic backups of one database (store/backups.h), newest
// first with their date and size, and the two ways to restore one.
#include "store/backups.h"

#include <wx/dialog.h>

#include <vector>

class wxListCtrl;
class wxButton;

namespace fidelis::gui {

class RestoreDialog : public wxDialog {
public:
    enum Choice { AsNewFile = 100, OverCurrent };
    // `can_replace`: the database can be replaced from here (not when read-only).
    RestoreDialog(wxWindow* parent, const std::string& database, std::vector<Backup> backups, bool can_replace);
    // The backup chosen; the dialog ends with AsNewFile or OverCurrent (or wxID_CANCEL).
    const Backup* chosen() const;
    void choose(long row);  // as a click on the row does

    wxListCtrl* list;
    wxButton* as_new;
    wxButton* over;

private:
    std::vector<Backup> backups_;
};

// "2,4 MB", "812 kB", in the window's language.
wxString file_size_text(std::uintmax_t bytes);

}  // namespace fidelis::gui
