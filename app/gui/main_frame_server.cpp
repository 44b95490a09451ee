// The window on a county's shared database (PostgreSQL): File → Connect to server…, the
// title that names the database, server and login, and a timer that every few seconds
// retries saves a lost connection stopped and shows what others committed meanwhile.
#include "main_frame.h"

#include "../core/errors.h"
#include "navigator.h"
#include "pages.h"
#include "plans_page.h"
#include "round_page.h"
#include "server_dialog.h"
#include "store/server.h"
#include "ui.h"

#include <wx/datetime.h>

namespace fidelis::gui {

namespace {

constexpr int watch_ms = 3000;
// Others' changes wait for this long a pause in typing, so the page is not rebuilt under
// the user's cursor (what they type is saved as they type either way).
constexpr long long pause_ms = 4000;

}  // namespace

void MainFrame::connect_server() {
    ConnectDialog dlg(this, settings_.recent_servers());
    if (dlg.ShowModal() != wxID_OK) return;
    const std::string address = dlg.address();
    if (address.empty()) return;
    if (!is_server_address(address)) {
        show_error(this, _("That is not a server address. It begins with postgresql:// or is a service=NAME "
                           "(a file is opened with File → Open…)."));
        return;
    }
    wxBusyCursor wait;
    open_database(address);
}

wxString MainFrame::server_title() const {
    const std::optional<ServerSession> s = server_session(*session_.store);
    if (!s) return wx(session_.store->path());
    // TRANSLATORS: the title bar on a server: {1} the database, {2} the server, {3} the login.
    if (!s->host.empty()) return fmt(_("{1} on {2} ({3})"), {wx(s->database), wx(s->host), wx(s->login)});
    // TRANSLATORS: the title bar on a server on this computer: {1} the database, {2} the login.
    return fmt(_("{1} on this computer ({2})"), {wx(s->database), wx(s->login)});
}

void MainFrame::start_server_watch() {
    others_pending_ = {};
    if (!server_timer_.GetOwner()) {
        server_timer_.SetOwner(this);
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
            if (!session_.has_store() || !session_.store->on_server()) return;
            if (session_.has_retries()) session_.retry_saves();
            show_others_changes();
        }, server_timer_.GetId());
    }
    server_timer_.Start(watch_ms);
}

void MainFrame::show_others_changes() {
    if (!session_.has_store()) return;
    try {
        const Store::OthersChanges heard = session_.store->others_changes();
        others_pending_.rounds.insert(heard.rounds.begin(), heard.rounds.end());
        others_pending_.county = others_pending_.county || heard.county;
    } catch (...) {
        return;  // the next save says what is wrong with the connection
    }
    if (!others_pending_.any()) return;
    // Not while the user types, nor under a dialog that belongs to the page.
    if (session_.ms_since_edit() < pause_ms || session_.has_retries()) return;
    if (wxWindow* focus = FindFocus(); focus && wxGetTopLevelParent(focus) != this) return;
    const Store::OthersChanges shown = others_pending_;
    others_pending_ = {};
    try {
        navigator_->rebuild();
        if (RoundPage* p = round_page()) {
            const Id round = p->context().id;
            if (shown.rounds.count(round)) {
                const int tab = p->tab();
                if (RoundPage* again = show_round(round)) again->show_tab(tab);
            }
        } else if (team_page()) {
            show_team(shown_team_);
        } else if (county_page()) {
            show_county();
        } else if (plans_page()) {
            show_plans();
        }
        session_.status(fmt(_("Updated with what others saved ({1})."), {wxDateTime::Now().Format("%H:%M:%S")}));
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

}  // namespace fidelis::gui
