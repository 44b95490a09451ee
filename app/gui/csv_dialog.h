#pragma once
// File -> Export CSV: which layout (one row per item and rater, or one per round), which
// separator, and which rounds, before the file is chosen.
#include "store/csv_export.h"

#include <wx/dialog.h>

class wxCheckBox;
class wxRadioBox;

namespace fidelis::gui {

class Session;

class CsvDialog : public wxDialog {
public:
    // `team`: the team shown in the window, offered as a filter (0: none).
    CsvDialog(wxWindow* parent, Session& session, Id team);
    CsvOptions options() const;
    // "fidelis-rounds.csv" or "fidelis-ratings.csv", in the window's language.
    wxString file_name() const;

    wxRadioBox* layout;
    wxRadioBox* separator;
    wxCheckBox* team_only = nullptr;

private:
    Id team_;
};

}  // namespace fidelis::gui
