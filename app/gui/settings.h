#pragma once
// What the window remembers between sessions: the language, recent databases, the user's
// name for the history. Kept in the per-user config folder, never next to the data.
#include <wx/filehistory.h>

#include <memory>
#include <string>

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

    std::string user_name() const;
    void set_user_name(const std::string& name);

    std::string last_database() const;
    void set_last_database(const std::string& path);

    wxFileHistory& recent() { return recent_; }
    void save();

private:
    std::unique_ptr<wxFileConfig> config_;
    wxFileHistory recent_;
};

}  // namespace fidelis::gui
