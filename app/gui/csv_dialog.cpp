// The CSV export's choices (csv_dialog.h).
#include "csv_dialog.h"

#include "session.h"
#include "ui.h"

#include <wx/checkbox.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>

namespace fidelis::gui {

CsvDialog::CsvDialog(wxWindow* parent, Session& session, Id team)
    : wxDialog(parent, wxID_ANY, _("Export CSV")), team_(team) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    const wxString layouts[] = {_("Long: one row per item and rater, with evidence, notes and rationales"),
                                _("Wide: one row per round, a column per item, section scores, total and band")};
    layout = new wxRadioBox(this, wxID_ANY, _("Layout"), wxDefaultPosition, wxDefaultSize, 2, layouts, 1, wxRA_SPECIFY_COLS);
    v->Add(layout, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    const wxString separators[] = {_("Semicolon and decimal comma (Swedish Excel, R read.csv2)"),
                                   _("Comma and decimal point (English Excel, R read.csv)")};
    separator = new wxRadioBox(this, wxID_ANY, _("Separator"), wxDefaultPosition, wxDefaultSize, 2, separators, 1,
                               wxRA_SPECIFY_COLS);
    v->Add(separator, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    if (team) {
        team_only = new wxCheckBox(this, wxID_ANY, fmt(_("Only the rounds of {1}"), {wx(session.store->team(team).name)}));
        v->Add(team_only, 0, wxEXPAND);
    }
    finish_dialog(this, v);
}

CsvOptions CsvDialog::options() const {
    CsvOptions o;
    o.layout = layout->GetSelection() == 1 ? CsvLayout::Wide : CsvLayout::Long;
    o.separator = separator->GetSelection() == 1 ? ',' : ';';
    if (team_only && team_only->GetValue()) o.team = team_;
    return o;
}

wxString CsvDialog::file_name() const {
    // TRANSLATORS: default file names of the CSV export; keep them free of spaces.
    return layout->GetSelection() == 1 ? _("fidelis-rounds.csv") : _("fidelis-ratings.csv");
}

}  // namespace fidelis::gui
