#pragma once
// What every screen of the window shares: the open database, the scales, the language,
// and the one way an edit reports that it was saved.
#include "scales/scale_library.h"
#include "store/store.h"

#include <wx/string.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fidelis::gui {

class Session {
public:
    std::unique_ptr<Store> store;  // null when no database is open
    ScaleLibrary scales;
    std::string lang = "en";       // "sv" or "en": the window's and the reports' language
    // The name the history records for the window's edits: the one chosen in Preferences,
    // else the login's full name (Settings::effective_user_name). Never a rater's name.
    std::string user;

    // Where the user left a splitter's sash, by name ("assessment", "consensus"), kept in the
    // window's settings; `fallback` (and nothing kept) without them, as in tests.
    std::function<int(const std::string& name, int fallback)> sash = [](const std::string&, int fallback) { return fallback; };
    std::function<void(const std::string& name, int position)> set_sash = [](const std::string&, int) {};

    // Shows a message in the status bar.
    std::function<void(const wxString& message)> on_status;
    // Called when teams or rounds were added, removed or renamed.
    std::function<void()> on_structure_changed;

    // A test hook: every committed rating is appended to this file after the commit, so a
    // kill test can check that everything reported as saved is in the database.
    std::string save_log_path;

    bool has_store() const { return store != nullptr; }
    // After every committed edit: the status bar says so ("Saved 14:02:05: S1").
    void saved(const wxString& what, const std::string& log_line = {});
    // The same for a rating, with the line the save log keeps for it: item, who rated it
    // ("consensus" for the agreed level), level ("-" for none) and the length of its text.
    void saved_rating(const wxString& what, const std::string& item, const std::string& who, std::optional<int> level,
                      std::size_t text_length);
    void status(const wxString& message) {
        if (on_status) on_status(message);
    }

    // On a server: a save the lost connection stopped, kept per view (the latest wins, so
    // it holds all that was typed) and tried again by retry_saves() every few seconds
    // until the connection is back. A view forgets its own when it closes.
    void retry_later(const void* view, std::function<void()> save, const wxString& why);
    void forget_retry(const void* view);
    void retry_saves();
    bool has_retries() const { return !retries_.empty(); }
    // Milliseconds since the last saved edit: the window waits for a pause in typing
    // before it shows others' changes.
    long long ms_since_edit() const;

    // What a form shows but could not save (FieldCheck::list), kept per form: every later
    // "Saved" message names it too, so that a save elsewhere never hides it. An empty list
    // withdraws the form's entry.
    void set_not_saved(const void* form, const wxString& list);
    wxString not_saved() const;
    // The status bar after an edit of which nothing could be saved.
    void show_not_saved();

private:
    std::vector<std::pair<const void*, wxString>> not_saved_;
    std::vector<std::pair<const void*, std::function<void()>>> retries_;
    long long last_edit_ms_ = 0;
};

}  // namespace fidelis::gui
