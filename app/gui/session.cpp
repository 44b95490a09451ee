#include "session.h"

#include "ui.h"

#include <wx/time.h>

#include <algorithm>

#include <fcntl.h>
#ifndef _WIN32
#include <unistd.h>
#endif

namespace fidelis::gui {

void Session::saved(const wxString& what, const std::string& log_line) {
    if (!save_log_path.empty() && !log_line.empty()) {
#ifndef _WIN32
        // Appended after the commit returned, and unbuffered: what is in the log is on disk.
        const int fd = ::open(save_log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            const std::string line = log_line + "\n";
            if (::write(fd, line.data(), line.size()) < 0) {
            }
            ::close(fd);
        }
#endif
    }
    last_edit_ms_ = wxGetLocalTimeMillis().GetValue();
    const wxString outstanding = not_saved();
    status(outstanding.empty() ? saved_message(what)
                               : saved_message(what) + wxString::FromUTF8(" · ") + not_saved_message(outstanding));
}

void Session::retry_later(const void* view, std::function<void()> save, const wxString& why) {
    forget_retry(view);
    retries_.emplace_back(view, std::move(save));
    last_edit_ms_ = wxGetLocalTimeMillis().GetValue();
    // TRANSLATORS: {1} says why (the connection to the server was lost).
    status(fmt(_("Not saved yet: {1} What you typed stays here, and Fidelis tries again every few seconds."),
               {why}));
}

void Session::forget_retry(const void* view) {
    retries_.erase(std::remove_if(retries_.begin(), retries_.end(), [view](const auto& r) { return r.first == view; }),
                   retries_.end());
}

void Session::retry_saves() {
    // Each save puts itself back (retry_later) when it fails again.
    auto pending = std::move(retries_);
    retries_.clear();
    for (auto& [view, save] : pending) save();
}

long long Session::ms_since_edit() const { return wxGetLocalTimeMillis().GetValue() - last_edit_ms_; }

void Session::set_not_saved(const void* form, const wxString& list) {
    const auto it = std::find_if(not_saved_.begin(), not_saved_.end(), [form](const auto& e) { return e.first == form; });
    if (it != not_saved_.end()) not_saved_.erase(it);
    // The form just edited comes first: the status bar may cut off the end.
    if (!list.empty()) not_saved_.emplace(not_saved_.begin(), form, list);
}

wxString Session::not_saved() const {
    wxString out;
    for (const auto& [form, list] : not_saved_) out += (out.empty() ? "" : "; ") + list;
    return out;
}

void Session::show_not_saved() {
    const wxString outstanding = not_saved();
    if (!outstanding.empty()) status(not_saved_message(outstanding));
}

void Session::saved_rating(const wxString& what, const std::string& item, const std::string& who,
                           std::optional<int> level, std::size_t text_length) {
    if (save_log_path.empty()) return saved(what);
    saved(what, item + "\t" + who + "\t" + (level ? std::to_string(*level) : "-") + "\t" + std::to_string(text_length));
}

}  // namespace fidelis::gui
