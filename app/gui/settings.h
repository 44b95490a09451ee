#pragma once
// What the window remembers between sessions: the language, recent databases, the user's
// name for the history. Kept in the per-user config folder, never next to the data.
#include "base/user.h"  // os_user_full_name(): the name the history records by default
#include <wx/filehistory.h>

#include <wx/gdicmn.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class wxFileConfig;

namespace fidelis::gui {

class Settings {
public:
    Settings();
    ~Settings();

    // "sv", "en", or "" to follow the system.
    std::string language() const;
    void set_language(const std::string& lang);
    // The language to use now: the choice, or the system's when there is none.
    std::string effective_language() const;

    // The name chosen for the change history; empty until the user has chosen one.
    std::string user_name() const;
    void set_user_name(const std::string& name);
    // The name the history records: the chosen one, else the system's (os_user_full_name).
    std::string effective_user_name() const;

    std::string last_database() const;
    void set_last_database(const std::string& path);

    // The window as it was left: position and size (empty the first time), maximised or not,
    // and a splitter's sash by name ("navigator").
    std::optional<wxRect> window_rect() const;
    bool window_maximised() const;
    void set_window(const wxRect& rect, bool maximised);
    int sash(const std::string& name, int fallback) const;
    void set_sash(const std::string& name, int position);

    // Server addresses connected to, newest first, never with a password in them.
    std::vector<std::string> recent_servers() const;
    void add_recent_server(const std::string& address);

    wxFileHistory& recent() { return recent_; }
    void save();

private:
    std::unique_ptr<wxFileConfig> config_;
    wxFileHistory recent_;
};


}  // namespace fidelis::gui
