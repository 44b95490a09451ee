#include "settings.h"

#include "base/i18n.h"
#include "base/paths.h"
#include "ui.h"

#include <wx/fileconf.h>

#include <wx/utils.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <vector>

#ifndef _WIN32
#include <pwd.h>
#include <unistd.h>
#endif

namespace fidelis::gui {

Settings::Settings() : recent_(6) {
    const auto dir = paths::user_config_dir();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    config_ = std::make_unique<wxFileConfig>("Fidelis", wxEmptyString, wx((dir / "settings.ini").string()),
                                             wxEmptyString, wxCONFIG_USE_LOCAL_FILE);
    config_->SetPath("/Recent");
    recent_.Load(*config_);
    config_->SetPath("/");
}

Settings::~Settings() { save(); }

std::string Settings::language() const { return utf8(config_->Read("/General/Language", "")); }
void Settings::set_language(const std::string& lang) { config_->Write("/General/Language", wx(lang)); }

std::string Settings::effective_language() const {
    const std::string chosen = language();
    return is_supported_language(chosen) ? chosen : language_from_environment();
}

std::string Settings::user_name() const { return utf8(config_->Read("/General/UserName", "")); }
void Settings::set_user_name(const std::string& name) { config_->Write("/General/UserName", wx(name)); }

std::string Settings::effective_user_name() const {
    const std::string chosen = utf8(wx(user_name()).Strip(wxString::both));
    return chosen.empty() ? os_user_full_name() : chosen;
}

std::string full_name_from_gecos(std::string_view gecos, std::string_view login) {
    std::string name;
    for (char c : gecos.substr(0, gecos.find(','))) {
        if (c != '&') {
            name += c;
        } else if (!login.empty()) {
            name += char(std::toupper(static_cast<unsigned char>(login[0])));
            name += login.substr(1);
        }
    }
    // A GECOS field written in Latin-1 by an old tool still gives a readable name.
    wxString text = wxString::FromUTF8(name.data(), name.size());
    if (text.empty() && !name.empty()) text = wxString(name.data(), wxConvISO8859_1, name.size());
    text.Trim(true).Trim(false);
    return text.empty() ? std::string(login) : utf8(text);
}

std::string os_user_full_name() {
#ifndef _WIN32
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found)
        return full_name_from_gecos(found->pw_gecos ? found->pw_gecos : "", found->pw_name ? found->pw_name : "");
    // No passwd entry (a container with an arbitrary uid): the login name from the environment.
    for (const char* var : {"LOGNAME", "USER"})
        if (const char* v = std::getenv(var); v && *v) return v;
    return {};
#else
    const wxString full = wxGetUserName();
    return utf8(full.empty() ? wxGetUserId() : full);
#endif
}

std::string Settings::last_database() const { return utf8(config_->Read("/General/LastDatabase", "")); }
void Settings::set_last_database(const std::string& path) { config_->Write("/General/LastDatabase", wx(path)); }

void Settings::save() {
    config_->SetPath("/Recent");
    recent_.Save(*config_);
    config_->SetPath("/");
    config_->Flush();
}

}  // namespace fidelis::gui
