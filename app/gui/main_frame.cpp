#include "main_frame.h"

#include "base/atomic_file.h"

#include "../core/errors.h"
#include "assessment_panel.h"
#include "background_work.h"
#include "dialogs.h"
#include "navigator.h"
#include "pages.h"
#include "plans_page.h"
#include "result_panel.h"
#include "round_page.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "store/demo.h"
#include "store/server.h"
#include "store/reference_data.h"
#include "ui.h"

#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/iconbndl.h>
#include <wx/image.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/utils.h>

#include <filesystem>
#include <iterator>
#include <sstream>

#include <algorithm>

namespace fidelis::gui {
namespace {

enum {
    ID_IMPORT = wxID_HIGHEST + 1,
    ID_EXPORT,
    ID_CSV,
    ID_NEW_TEAM,
    ID_NEW_ROUND,
    ID_NEXT_ITEM,
    ID_PREVIOUS_ITEM,
    ID_NEXT_UNRATED,
    ID_NEXT_RATER,
    ID_COMPLETE,
    ID_REOPEN,
    ID_TAB_FIRST,  // five tabs follow
    ID_COUNTY = ID_TAB_FIRST + 5,
    ID_PLANS,
    ID_REPORT_PLANS,
    ID_REPORT_AGREEMENT,
    ID_REPORT_ROUND,
    ID_REPORT_PLAN,
    ID_REPORT_TREND,
    ID_REPORT_SCORECARD,
    ID_REPORT_COUNTY,
    ID_REPORT_CODED,
    ID_GUIDE,
    ID_DEMO,
    ID_CONNECT,
    ID_RESTORE,
    ID_HISTORY,
};

}  // namespace

void MainFrame::set_icons() {
    // The taskbar, the window list and Alt+Tab pick the size they need. (On Windows the
    // executable's resource icon is used; in a macOS bundle, the bundle's.)
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    wxIconBundle icons;
    for (int size : {16, 32, 48, 256}) {
        const auto file = paths::icons_dir() / ("fidelis-" + std::to_string(size) + ".png");
        std::error_code ec;
        if (std::filesystem::exists(file, ec)) icons.AddIcon(wx(file.string()), wxBITMAP_TYPE_PNG);
    }
    if (!icons.IsEmpty()) SetIcons(icons);
}

MainFrame::MainFrame(Session& session, Settings& settings)
    : wxFrame(nullptr, wxID_ANY, "Fidelis", wxDefaultPosition, wxSize(1200, 780)), session_(session), settings_(settings) {
    // Fits the screen it opens on: a 1024×768 projector as well as a large monitor.
    const wxRect area = wxDisplay(wxDisplay::GetFromWindow(this) == wxNOT_FOUND ? 0u : unsigned(wxDisplay::GetFromWindow(this)))
                            .GetClientArea();
    SetMinSize(wxSize(std::min(FromDIP(800), area.width), std::min(FromDIP(560), area.height)));
    // The settings outlive every window made on them (a restart for a new language).
    session_.sash = [s = &settings_](const std::string& name, int fallback) { return s->sash(name, fallback); };
    session_.set_sash = [s = &settings_](const std::string& name, int position) { s->set_sash(name, position); };
    // The whole width of a 1366×768 laptop, whose round pane then holds its toolbar and the
    // navigator its names; the height less nothing, so the status bar stays in view.
    SetSize(wxSize(std::min(FromDIP(1360), area.width), std::min(FromDIP(860), area.height)));
    // Where the window was left, when that still lies on a screen (a laptop undocked from
    // its second monitor must not open off-screen) and still fits it.
    if (const auto r = settings_.window_rect()) {
        const int d = wxDisplay::GetFromPoint(r->GetTopLeft() + wxPoint(40, 20));
        if (d != wxNOT_FOUND) {
            const wxRect on = wxDisplay(unsigned(d)).GetClientArea();
            SetSize(wxRect(r->x, r->y, std::min(r->width, on.width), std::min(r->height, on.height)));
        }
    }
    if (settings_.window_maximised()) Maximize();
    set_icons();
    CreateStatusBar(2);
    const int widths[] = {-3, -1};
    GetStatusBar()->SetStatusWidths(2, widths);
    session_.on_status = [this](const wxString& message) { SetStatusText(message, 0); };
    session_.on_structure_changed = [this] { navigator_->rebuild(); };
    build_menus();

    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    split_->SetMinimumPaneSize(FromDIP(160));
    navigator_ = new Navigator(split_, session_);
    right_ = new wxPanel(split_);
    right_->SetSizer(new wxBoxSizer(wxVERTICAL));
    const int sash = settings_.sash("navigator", -1);
    split_->SplitVertically(navigator_, right_, sash > 0 ? sash : FromDIP(250));
    // Until the user places the sash, the tree is as wide as its names want, but leaves the
    // round's pane room for its toolbar at 1024×768.
    sash_placed_ = sash > 0;
    split_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& e) {
        e.Skip();
        sash_placed_ = true;
    });
    navigator_->on_rebuilt = [this] {
        if (sash_placed_) return;
        const int most = std::max(FromDIP(200), GetClientSize().x * 26 / 100);
        split_->SetSashPosition(std::clamp(navigator_->wanted_width(), FromDIP(200), most));
    };
    navigator_->on_county = [this] { show_county(); };
    navigator_->on_plans = [this] { show_plans(); };
    navigator_->on_team = [this](Id team) {
        if (shown_team_ != team || !team_page()) show_team(team);
    };
    navigator_->on_new_team = [this](const std::string& code) { new_team(code); };
    navigator_->rebuild();
    update_title();
}

MainFrame::~MainFrame() {
    if (backup_thread_.joinable()) backup_thread_.join();
    if (recent_menu_) settings_.recent().RemoveMenu(recent_menu_);
    session_.on_status = nullptr;
    session_.on_structure_changed = nullptr;
}

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New database…\tCtrl+N"));
    file->Append(wxID_OPEN, _("&Open…\tCtrl+O"));
    auto* recent = new wxMenu;
    recent_menu_ = recent;
    settings_.recent().UseMenu(recent);
    settings_.recent().AddFilesToMenu(recent);
    file->AppendSubMenu(recent, _("Open &recent"));
    file->Append(ID_CONNECT, _("Connect to &server…"));
    file->Append(ID_DEMO, _("Open the &demo county"));
    file->Append(wxID_SAVEAS, _("Save a &copy…\tCtrl+Shift+S"));
    file->Append(ID_RESTORE, _("Restore a &backup…"));
    file->AppendSeparator();
    file->Append(ID_IMPORT, _("&Import round file…\tCtrl+I"));
    file->Append(ID_EXPORT, _("&Export rounds…\tCtrl+E"));
    file->Append(ID_CSV, _("Export &CSV for Excel or R…"));
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, _("&Preferences…"));
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* team = new wxMenu;
    team->Append(ID_NEW_TEAM, _("New &team…"));
    team->Append(ID_NEW_ROUND, _("New &round…\tCtrl+Shift+N"));

    auto* round = new wxMenu;
    round->Append(ID_NEXT_ITEM, _("&Next item (Page Down)"));
    round->Append(ID_PREVIOUS_ITEM, _("&Previous item (Page Up)"));
    round->Append(ID_NEXT_UNRATED, _("Next &unrated item\tCtrl+U"));
    round->Append(ID_NEXT_RATER, _("Switch to the next &rater\tCtrl+Shift+R"));
    round->AppendSeparator();
    round->Append(ID_COMPLETE, _("&Complete round"));
    round->Append(ID_REOPEN, _("Re&open round…"));
    round->AppendSeparator();
    round->Append(ID_HISTORY, _("&History of changes…\tCtrl+H"));

    auto* view = new wxMenu;
    const wxString tabs[] = {_("&Assessment\tAlt+1"), _("&Consensus\tAlt+2"), _("&Result\tAlt+3"),
                             _("Team &figures\tAlt+4"), _("Improvement &plan\tAlt+5")};
    for (int i = 0; i < 5; ++i) view->Append(ID_TAB_FIRST + i, tabs[i]);
    view->AppendSeparator();
    view->Append(ID_COUNTY, _("C&ounty view\tAlt+0"));
    view->Append(ID_PLANS, _("Plans o&verview\tAlt+9"));

    auto* reports_menu = new wxMenu;
    reports_menu->Append(ID_REPORT_ROUND, _("&Round report…"));
    reports_menu->Append(ID_REPORT_PLAN, _("&Improvement plan…"));
    reports_menu->Append(ID_REPORT_TREND, _("&Trend report…"));
    reports_menu->Append(ID_REPORT_SCORECARD, _("&Scorecard…"));
    reports_menu->AppendSeparator();
    reports_menu->Append(ID_REPORT_COUNTY, _("&County comparison…"));
    reports_menu->Append(ID_REPORT_CODED, _("Co&ded county comparison…"));
    reports_menu->Append(ID_REPORT_PLANS, _("Plans o&verview…"));
    reports_menu->Append(ID_REPORT_AGREEMENT, _("Reviewer &agreement…"));

    auto* help = new wxMenu;
    help->Append(ID_GUIDE, _("&User guide"));
    help->Append(wxID_ABOUT, _("&About Fidelis"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(team, _("&Team"));
    bar->Append(round, _("&Round"));
    bar->Append(view, _("&View"));
    bar->Append(reports_menu, _("Re&ports"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, &MainFrame::on_menu, this);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        const wxString path = settings_.recent().GetHistoryFile(std::size_t(e.GetId() - wxID_FILE1));
        open_database(utf8(path));
    }, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        // Nothing to save: every edit is already in the database; the window's place is kept.
        settings_.set_window(GetRect(), IsMaximized());
        settings_.set_sash("navigator", split_->GetSashPosition());
        settings_.save();
        e.Skip();
    });
}

int MainFrame::navigator_width() const { return split_->GetSashPosition(); }

void MainFrame::update_title() {
    if (!session_.has_store()) {
        SetTitle("Fidelis");
        SetStatusText(wxString(), 1);
        return;
    }
    const wxString name = session_.store->on_server()
                              ? server_title()
                              : wx(std::filesystem::path(session_.store->path()).filename().string());
    SetTitle(wxString::FromUTF8("Fidelis – ") + name + (session_.store->read_only() ? " (" + _("read-only") + ")" : wxString()));
    SetStatusText(session_.store->read_only() ? _("Read-only")
                  : session_.store->on_server() ? _("Saved on the server as you type")
                                                : _("Saved as you type"), 1);
}

void MainFrame::set_page(wxWindow* page) {
    right_->Freeze();
    if (page_) page_->Destroy();
    page_ = page;
    right_->GetSizer()->Add(page_, 1, wxEXPAND);
    right_->Layout();
    right_->Thaw();
}

void MainFrame::show_welcome() {
    std::vector<std::string> recent;
    for (std::size_t i = 0; i < settings_.recent().GetCount(); ++i) recent.push_back(utf8(settings_.recent().GetHistoryFile(i)));
    auto* page = new WelcomePage(right_, recent);
    page->on_new = [this] { new_database(); };
    page->on_open = [this] { choose_database(); };
    page->on_demo = [this] { open_demo(); };
    page->on_connect = [this] { connect_server(); };
    page->on_recent = [this](const std::string& p) { open_database(p); };
    shown_team_ = 0;
    set_page(page);
}

bool MainFrame::open_database(const std::string& path) {
    std::error_code ec;
    const bool server = is_server_address(path);
    if (session_.has_store() &&
        (server ? without_password(path) == session_.store->path()
                : std::filesystem::equivalent(path_from_utf8(path), path_from_utf8(session_.store->path()), ec))) {
        show_county();  // already open here: this window is the one that has it
        return true;
    }
    std::unique_ptr<Store> store;
    try {
        // The window holds the file for as long as it is open (base/file_lock.h); another
        // program that has it is named in the message instead of being waited for.
        Store::OpenOptions options;
        options.actor = session_.user;
        options.program = "Fidelis";
        options.busy_ms = 0;
        store = std::make_unique<Store>(Store::open(path, options));
    } catch (const StoreError& e) {
        // Damaged: its automatic backups are offered. Open elsewhere, newer or foreign:
        // the message says why and what to do.
        if (e.kind() == StoreError::Kind::Corrupt) return offer_backups_of_damaged(path, wx(error_text(std::current_exception())));
        show_error(this, std::current_exception());
        return false;
    } catch (...) {
        show_error(this, std::current_exception());
        return false;
    }
    session_.store = std::move(store);
    if (server) {
        // A server's backups are IT's (pg_dump); only the address is kept, never a password.
        settings_.set_last_database(without_password(path));
        settings_.add_recent_server(without_password(path));
        start_server_watch();
    } else {
        server_timer_.Stop();
        others_pending_ = {};
        start_backup();
        settings_.set_last_database(path);
        settings_.recent().AddFileToHistory(wx(path));
    }
    settings_.save();
    update_title();
    navigator_->rebuild();
    show_county();
    if (session_.store->read_only()) session_.status(_("The database is open read-only: it can be read and reported on, not changed."));
    return true;
}

void MainFrame::close_database() {
    wait_for_backup();
    server_timer_.Stop();
    others_pending_ = {};
    set_page(new wxPanel(right_));
    session_.store.reset();
    navigator_->rebuild();
    update_title();
    show_welcome();
}

void MainFrame::new_database() {
    NewDatabaseDialog county(this);
    if (county.ShowModal() != wxID_OK) return;
    // The county's own name ("Jönköpings län.fidelis"), which says what the file holds in any language.
    std::string suggested = "fidelis";
    try {
        for (const County& c : ReferenceData::load().counties)
            if (c.code == county.county_code()) suggested = paths::safe_file_name(c.name);
    } catch (...) {
        // The reference data is read again, and reported, when the database is created.
    }
    wxFileDialog dlg(this, _("Save the new database as"), "", wx(suggested + ".fidelis"), _("Fidelis databases (*.fidelis)|*.fidelis"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    std::string path = utf8(dlg.GetPath());
    if (std::filesystem::path(path).extension() != ".fidelis") path += ".fidelis";
    try {
        { Store::create(path, county.county_code()); }
        open_database(path);
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::choose_database() {
    wxFileDialog dlg(this, _("Open a Fidelis database"), "", "", _("Fidelis databases (*.fidelis)|*.fidelis|All files|*"),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) open_database(utf8(dlg.GetPath()));
}

void MainFrame::open_demo() {
    const auto dir = paths::user_data_dir() / "demo";
    const std::string path = (dir / "jonkoping-demo.fidelis").string();
    try {
        std::filesystem::create_directories(dir);
        // Built at a temporary path and renamed into place when whole (store/demo.h), so
        // Cancel leaves no demo file behind.
        if (!std::filesystem::exists(path) &&
            !run_in_background(this, _("Creating the demo county…"),
                               [&](const Progress& progress) { create_demo(path, 2017, progress); })) {
            session_.status(_("The demo county was not created: cancelled."));
            return;
        }
        open_database(path);
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::show_county() {
    if (!session_.has_store()) return show_welcome();
    auto* page = new CountyPage(right_, session_);
    page->on_report = [this](const ReportRequest& r) { report(r); };
    shown_team_ = 0;
    set_page(page);
}

void MainFrame::show_plans() {
    if (!session_.has_store()) return show_welcome();
    auto* page = new PlansPage(right_, session_);
    page->on_report = [this](const ReportRequest& r) { report(r); };
    page->on_open_plan = [this](Id round) {
        if (RoundPage* p = show_round(round)) p->show_tab(4);
    };
    shown_team_ = 0;
    set_page(page);
}

void MainFrame::show_team(Id team) {
    auto* page = new TeamPage(right_, session_, team);
    page->on_open_round = [this](Id round) { show_round(round); };
    page->on_new_round = [this, team] { new_round(team); };
    page->on_report = [this](const ReportRequest& r) { report(r); };
    page->on_export = [this] { export_rounds(); };
    shown_team_ = team;
    set_page(page);
}

RoundPage* MainFrame::show_round(Id round) {
    try {
        auto* page = new RoundPage(right_, session_, round);
        page->on_report = [this](const ReportRequest& r) { report(r); };
        page->on_history = [this, round] { show_history(round); };
        shown_team_ = page->context().team.id;
        set_page(page);
        navigator_->select_team(shown_team_);
        // Keyboard first: the item list has the focus, so 1–5 rate at once.
        page->assessment()->focus_items();
        return page;
    } catch (...) {
        show_error(this, std::current_exception());
        return nullptr;
    }
}

RoundPage* MainFrame::round_page() { return dynamic_cast<RoundPage*>(page_); }
TeamPage* MainFrame::team_page() { return dynamic_cast<TeamPage*>(page_); }
CountyPage* MainFrame::county_page() { return dynamic_cast<CountyPage*>(page_); }
PlansPage* MainFrame::plans_page() { return dynamic_cast<PlansPage*>(page_); }

Id MainFrame::current_team() const {
    if (auto* r = dynamic_cast<RoundPage*>(page_)) return r->context().team.id;
    if (auto* t = dynamic_cast<TeamPage*>(page_)) return t->team_id();
    return 0;
}

void MainFrame::new_team(const std::string& municipality) {
    if (!session_.has_store()) return;
    NewTeamDialog dlg(this, session_, municipality);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        const Id id = session_.store->add_team(dlg.municipality_code(), utf8(dlg.name->GetValue()),
                                               dlg.method->GetSelection() == 1 ? Method::IPS : Method::SE);
        session_.saved(dlg.name->GetValue());
        navigator_->rebuild();
        show_team(id);
        navigator_->select_team(id);
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::new_round(Id team) {
    if (!session_.has_store()) return;
    if (session_.store->teams().empty()) {
        show_error(this, _("Add a team first."));
        return;
    }
    NewRoundDialog dlg(this, session_, team ? team : current_team());
    Store::NewRound nr;
    if (dlg.ShowModal() != wxID_OK || !dlg.read(nr)) return;
    try {
        const Id id = session_.store->create_round(nr);
        session_.saved(_("new round"));
        show_round(id);
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::save_copy() {
    if (!session_.has_store()) return;
    // "Jönköpings län (kopia).fidelis": the open file's name with the word for a copy.
    const std::string stem = std::filesystem::path(path_from_utf8(session_.store->path())).stem().u8string();
    const wxString copy_name = fmt(_("{1} (copy)"), {wx(stem)}) + ".fidelis";
    wxFileDialog dlg(this, _("Save a copy of the database"), "", copy_name, _("Fidelis databases (*.fidelis)|*.fidelis"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        session_.store->save_copy(utf8(dlg.GetPath()));
        session_.status(fmt(_("A copy was saved as {1}"), {dlg.GetPath()}));
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

std::string MainFrame::report(const ReportRequest& request) { return run_report(this, session_, request); }

void MainFrame::preferences() {
    PreferencesDialog dlg(this, settings_.language(), settings_.user_name());
    if (dlg.ShowModal() != wxID_OK) return;
    const std::string before = settings_.effective_language();
    settings_.set_language(dlg.language());
    settings_.set_user_name(utf8(dlg.user->GetValue().Strip(wxString::both)));
    settings_.save();
    // An emptied name falls back to the system's, never to nobody.
    const std::string name = settings_.effective_user_name();
    if (name != session_.user && session_.has_store()) {
        // The history's name is fixed for an open database: reopen it under the new one.
        session_.user = name;
        const std::string path = session_.store->path();
        close_database();
        open_database(path);
    }
    session_.user = name;
    if (settings_.effective_language() != before && on_restart) CallAfter([this] { on_restart(); });
}

void MainFrame::on_menu(wxCommandEvent& e) {
    const int id = e.GetId();
    RoundPage* round = round_page();
    auto need_round = [&] {
        if (!round) session_.status(_("Open a round first."));
        return round != nullptr;
    };
    auto report_for_round = [&](ReportKind kind) {
        if (!need_round()) return;
        ReportRequest r;
        r.kind = kind;
        r.id = kind == ReportKind::Round || kind == ReportKind::Plan ? round->round_id() : round->context().team.id;
        report(r);
    };
    switch (id) {
    case wxID_NEW: new_database(); break;
    case wxID_OPEN: choose_database(); break;
    case ID_DEMO: open_demo(); break;
    case ID_CONNECT: connect_server(); break;
    case wxID_SAVEAS: save_copy(); break;
    case ID_RESTORE: restore_backup(); break;
    case ID_HISTORY: if (need_round()) show_history(round->round_id()); break;
    case ID_IMPORT: import_file(); break;
    case ID_EXPORT: export_rounds(); break;
    case ID_CSV: export_csv(); break;
    case wxID_PREFERENCES: preferences(); break;
    case wxID_EXIT: Close(); break;
    case ID_NEW_TEAM: new_team(); break;
    case ID_NEW_ROUND: new_round(); break;
    case ID_NEXT_ITEM: if (need_round()) round->assessment()->next(); break;
    case ID_PREVIOUS_ITEM: if (need_round()) round->assessment()->previous(); break;
    case ID_NEXT_UNRATED: if (need_round()) round->assessment()->next_unrated(); break;
    case ID_NEXT_RATER: if (need_round()) round->assessment()->next_rater(); break;
    case ID_COMPLETE: if (need_round()) round->result()->complete(); break;
    case ID_REOPEN: if (need_round()) round->result()->reopen(); break;
    case ID_COUNTY: show_county(); break;
    case ID_PLANS: show_plans(); break;
    case ID_REPORT_AGREEMENT: {
        // The county view's scale and period, when it is shown; else IPS-25, every round.
        ReportRequest r;
        r.kind = ReportKind::Agreement;
        if (auto* c = county_page()) r.county = c->query();
        report(r);
        break;
    }
    case ID_REPORT_PLANS: {
        ReportRequest r;
        r.kind = ReportKind::PlansOverview;
        report(r);
        break;
    }
    case ID_REPORT_ROUND: report_for_round(ReportKind::Round); break;
    case ID_REPORT_PLAN: report_for_round(ReportKind::Plan); break;
    case ID_REPORT_TREND:
    case ID_REPORT_SCORECARD: {
        const Id team = current_team();
        if (!team) {
            session_.status(_("Choose a team first."));
            break;
        }
        ReportRequest r;
        r.kind = id == ID_REPORT_TREND ? ReportKind::Trend : ReportKind::Scorecard;
        r.id = team;
        report(r);
        break;
    }
    case ID_REPORT_COUNTY:
    case ID_REPORT_CODED: {
        if (!session_.has_store()) break;
        ReportRequest r;
        r.kind = ReportKind::County;
        if (auto* c = county_page()) r.county = c->query();
        r.county.coded = id == ID_REPORT_CODED;
        report(r);
        break;
    }
    case ID_GUIDE: {
        // The HTML the build writes when it can, else the Markdown it is written in.
        // In the window's language when the guide has been translated, else in English.
        std::error_code ec;
        std::filesystem::path guide;
        for (const std::string& lang : {session_.lang, std::string("en")})
            for (const char* ext : {".html", ".md"}) {
                const auto candidate = paths::docs_dir() / ("user-guide." + lang + ext);
                if (guide.empty() && std::filesystem::exists(candidate, ec)) guide = candidate;
            }
        if (!std::filesystem::exists(guide, ec) || !wxLaunchDefaultBrowser(wxFileName::FileNameToURL(wxFileName(wx(guide.string())))))
            show_error(this, fmt(_("The user guide could not be opened. It is in {1}"), {wx(paths::docs_dir().string())}));
        break;
    }
    case wxID_ABOUT:
        wxMessageBox(_("Fidelis: fidelity self-assessment for Supported Employment and IPS teams.\n"
                       "Scales, rounds and improvement plans, with reports in Swedish and English."),
                     _("About Fidelis"), wxOK | wxICON_INFORMATION, this);
        break;
    default:
        if (id >= ID_TAB_FIRST && id < ID_TAB_FIRST + 5) {
            if (need_round()) round->show_tab(id - ID_TAB_FIRST);
        } else {
            e.Skip();
        }
    }
}

}  // namespace fidelis::gui
