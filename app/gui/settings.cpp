#include "settings.h"

#include "base/i18n.h"
#include "base/paths.h"
#include "ui.h"

#include <wx/fileconf.h>

#include <algorithm>
#include <filesystem>

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

std::string Settings::last_database() const { return utf8(config_->Read("/General/LastDatabase", "")); }
void Settings::set_last_database(const std::string& path) { config_->Write("/General/LastDatabase", wx(path)); }

std::vector<std::string> Settings::recent_servers() const {
    std::vector<std::string> out;
    for (int i = 1; i <= 9; ++i) {
        const std::string a = utf8(config_->Read(wxString::Format("/Servers/Recent%d", i), ""));
        if (!a.empty()) out.push_back(a);
    }
    return out;
}

void Settings::add_recent_server(const std::string& address) {
    std::vector<std::string> list = recent_servers();
    list.erase(std::remove(list.begin(), list.end(), address), list.end());
    list.insert(list.begin(), address);
    for (int i = 1; i <= 9; ++i)
        config_->Write(wxString::Format("/Servers/Recent%d", i),
                       std::size_t(i) <= list.size() ? wx(list[std::size_t(i) - 1]) : wxString());
}

std::optional<wxRect> Settings::window_rect() const {
    long x = 0, y = 0, w = 0, h = 0;
    if (!config_->Read("/Window/X", &x) || !config_->Read("/Window/Y", &y) || !config_->Read("/Window/Width", &w) ||
        !config_->Read("/Window/Height", &h) || w <= 0 || h <= 0)
        return std::nullopt;
    return wxRect(int(x), int(y), int(w), int(h));
}
bool Settings::window_maximised() const { return config_->ReadBool("/Window/Maximised", false); }
void Settings::set_window(const wxRect& r, bool maximised) {
    config_->Write("/Window/Maximised", maximised);
    if (maximised) return;  // keep the size to return to
    config_->Write("/Window/X", long(r.x));
    config_->Write("/Window/Y", long(r.y));
    config_->Write("/Window/Width", long(r.width));
    config_->Write("/Window/Height", long(r.height));
}
int Settings::sash(const std::string& name, int fallback) const {
    return int(config_->ReadLong(wx("/Window/Sash-" + name), fallback));
}
void Settings::set_sash(const std::string& name, int position) { config_->Write(wx("/Window/Sash-" + name), long(position)); }

void Settings::save() {
    config_->SetPath("/Recent");
    recent_.Save(*config_);
    config_->SetPath("/");
    config_->Flush();
}

}  // namespace fidelis::gui
