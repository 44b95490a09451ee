#pragma once
// The Fidelis window: menus, the navigator on the left and the current page on the right.
#include "report_runner.h"
#include "session.h"
#include "settings.h"

#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/panel.h>

#include "store/backups.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>

class wxSimplebook;
class wxSplitterWindow;

namespace fidelis::gui {

class Navigator;
class RoundPage;
class TeamPage;
class CountyPage;
class PlansPage;

class MainFrame : public wxFrame {
public:
    MainFrame(Session& session, Settings& settings);
    ~MainFrame() override;

    // Opens a database, handling a busy, read-only, newer or damaged file with a clear
    // message; returns false when nothing was opened.
    bool open_database(const std::string& path);
    void new_database();
    void choose_database();  // the Open dialog, then open_database
    // File → Connect to server… (main_frame_server.cpp): a county's shared database.
    void connect_server();
    // What others committed on the server, shown once the user pauses typing: every few
    // seconds by a timer, and at once from tests.
    void show_others_changes();
    void open_demo();
    void close_database();

    void show_welcome();
    void show_county();
    void show_plans();  // the managers' overview of every plan
    void show_team(Id team);
    RoundPage* show_round(Id round);
    RoundPage* round_page();
    TeamPage* team_page();
    CountyPage* county_page();
    PlansPage* plans_page();
    Navigator* navigator() { return navigator_; }
    int navigator_width() const;

    void new_team(const std::string& municipality = {});
    void new_round(Id team = 0);
    void save_copy();
    void import_file();                         // asks for the file, then:
    void import_path(const std::string& path);  // shows the dry run, imports when confirmed
    void export_rounds();
    void export_csv();
    // The round's history viewer (history_dialog.h).
    void show_history(Id round);
    // File -> Restore a backup… for the open database.
    void restore_backup();
    // Waits for the automatic backup of the database just opened and says how it went.
    BackupOutcome wait_for_backup();
    std::string report(const ReportRequest& request);

    // Called when the language changed and the window must be built again.
    std::function<void()> on_restart;

private:
    void set_icons();
    void build_menus();
    void update_title();
    void set_page(wxWindow* page);
    void on_menu(wxCommandEvent& e);
    void preferences();
    Id current_team() const;
    // main_frame_backups.cpp: the copy taken at every open, written on a thread of its own.
    void start_backup();
    // main_frame_server.cpp: the title for a server ("db on host (login)"), and the timer
    // that retries saves a lost connection stopped and looks for others' changes.
    wxString server_title() const;
    void start_server_watch();
    // Says that `path` is damaged and offers its automatic backups: true when one was
    // restored in its place and opened.
    bool offer_backups_of_damaged(const std::string& path, const wxString& message);
    // The restore dialog for `path` and what the user chooses in it: true when a restored
    // database was opened.
    bool restore_from(std::string path, bool damaged);  // a copy: closing the store ends its path

    Session& session_;
    Settings& settings_;
    wxSplitterWindow* split_ = nullptr;
    bool sash_placed_ = false;  // by the user, or remembered from the last time
    Navigator* navigator_ = nullptr;
    wxPanel* right_ = nullptr;
    wxWindow* page_ = nullptr;
    Id shown_team_ = 0;
    wxMenu* recent_menu_ = nullptr;  // shared history; detached when the window goes
    std::thread backup_thread_;
    std::shared_ptr<BackupOutcome> backup_outcome_;
    wxTimer server_timer_;
    Store::OthersChanges others_pending_;  // heard, not yet shown (the user was typing)
};

}  // namespace fidelis::gui
