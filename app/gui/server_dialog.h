#pragma once
// File → Connect to server…: the address of a county's shared database (a libpq URI or a
// service name), with the ones used before to pick from. Passwords are never asked for or
// kept here: libpq reads them from the user's password file or service file.
#include <wx/dialog.h>

#include <string>
#include <vector>

class wxComboBox;

namespace fidelis::gui {

class ConnectDialog : public wxDialog {
public:
    ConnectDialog(wxWindow* parent, const std::vector<std::string>& recent);
    std::string address() const;  // as typed, trimmed

    wxComboBox* address_box;
};

}  // namespace fidelis::gui
