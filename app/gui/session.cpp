#include "session.h"

#include "ui.h"

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
    status(saved_message(what));
}

void Session::saved_rating(const wxString& what, const std::string& item, const std::string& who,
                           std::optional<int> level, std::size_t text_length) {
    if (save_log_path.empty()) return saved(what);
    saved(what, item + "\t" + who + "\t" + (level ? std::to_string(*level) : "-") + "\t" + std::to_string(text_length));
}

}  // namespace fidelis::gui
