// File → Connect to server…: an editable list of the addresses used before (never with a
// password), a short guide to what an address looks like, and where the password goes.
#include "server_dialog.h"

#include "ui.h"

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace fidelis::gui {

ConnectDialog::ConnectDialog(wxWindow* parent, const std::vector<std::string>& recent)
    : wxDialog(parent, wxID_ANY, _("Connect to a server"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* label = new wxStaticText(this, wxID_ANY, _("&Address of the county's database:"));
    sizer->Add(label, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    wxArrayString choices;
    for (const std::string& a : recent) choices.Add(wx(a));
    address_box = new wxComboBox(this, wxID_ANY, choices.IsEmpty() ? wxString() : choices[0], wxDefaultPosition,
                                 wxSize(FromDIP(560), -1), choices, wxCB_DROPDOWN);
    address_box->SetName(_("Address of the county's database"));
    sizer->Add(address_box, 0, wxEXPAND | wxALL, FromDIP(12));
    // TRANSLATORS: keep the examples as they are: they are addresses, not words.
    // Escaped: the example's "&" is part of an address, not a mnemonic.
    auto* help = new wxStaticText(
        this, wxID_ANY,
        wxControl::EscapeMnemonics(_("For example postgresql://db.region.se/jonkoping?sslmode=verify-full&user=anna.berg, or "
          "service=jonkoping when your IT department has set up a service file.\n\n"
          "Fidelis never stores a password. Put yours in your PostgreSQL password file (~/.pgpass, on "
          "Windows %APPDATA%\\postgresql\\pgpass.conf), as your IT department describes.")));
    help->Wrap(FromDIP(560));
    sizer->Add(help, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("&Connect"));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    address_box->SetFocus();
}

std::string ConnectDialog::address() const {
    std::string a = utf8(address_box->GetValue());
    const auto first = a.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    a.erase(0, first);
    a.erase(a.find_last_not_of(" \t") + 1);
    return a;
}

}  // namespace fidelis::gui
