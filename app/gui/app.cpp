#include "app.h"

#include "dialogs.h"
#include "language.h"
#include "main_frame.h"
#include "round_page.h"
#include "base/i18n.h"
#include "ui.h"

#include <wx/cmdline.h>
#include <wx/log.h>

#include <cstdio>
#include <filesystem>

namespace fidelis::gui {
namespace {

const auto g_start = std::chrono::steady_clock::now();

}  // namespace

std::chrono::steady_clock::time_point process_start() { return g_start; }

void FidelisApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", "database file to open", wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "lang", "sv or en", wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "round", "open this round", wxCMD_LINE_VAL_NUMBER);
    parser.AddOption("", "team", "open this team's page", wxCMD_LINE_VAL_NUMBER);
    parser.AddOption("", "tab", "with --round: the tab to show (0 assessment … 4 plan)", wxCMD_LINE_VAL_NUMBER);
    parser.AddOption("", "save-log", "append every saved rating to this file (for tests)", wxCMD_LINE_VAL_STRING);
    parser.AddSwitch("", "benchmark-startup", "print the time to a usable window and quit");
    parser.AddSwitch("", "headless", "report errors on stderr instead of dialogs");
    // A file manager and the desktop file pass the database as a plain argument.
    parser.AddParam("database file", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool FidelisApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    wxString v;
    if (parser.Found("db", &v)) options_.db = utf8(v);
    else if (parser.GetParamCount() > 0) options_.db = utf8(parser.GetParam(0));
    if (parser.Found("lang", &v)) options_.lang = utf8(v);
    parser.Found("round", &options_.round);
    parser.Found("team", &options_.team);
    parser.Found("tab", &options_.tab);
    if (parser.Found("save-log", &v)) options_.save_log = utf8(v);
    options_.benchmark_startup = parser.Found("benchmark-startup");
    options_.headless = parser.Found("headless");
    return wxApp::OnCmdLineParsed(parser);
}

bool FidelisApp::OnInit() {
    if (!wxApp::OnInit()) return false;
    ensure_utf8_ctype();
    SetAppName("fidelis");
    SetAppDisplayName("Fidelis");
    set_headless(options_.headless || options_.benchmark_startup);
    if (headless()) {
        // Nobody is there to close a dialog: log messages and failed assertions go to stderr.
        delete wxLog::SetActiveTarget(new wxLogStderr);
        wxSetAssertHandler([](const wxString& file, int line, const wxString&, const wxString& cond, const wxString& msg) {
            std::fprintf(stderr, "fidelis: assertion failed at %s:%d: %s %s\n", (const char*)file.utf8_str(), line,
                         (const char*)cond.utf8_str(), (const char*)msg.utf8_str());
        });
    }
    settings_ = std::make_unique<Settings>();
    session_.lang = is_supported_language(options_.lang) ? options_.lang : settings_->effective_language();
    session_.save_log_path = options_.save_log;
    apply_language(session_.lang);
    session_.scales = ScaleLibrary::discover();
    build_frame();
    // Before any database opens: the history names whoever this is from the first edit on.
    // Headless runs (tests, benchmarks, screenshots) have nobody to ask. The question sits
    // over the welcome page rather than an empty window.
    const bool ask = !headless();
    if (ask && settings_->user_name().empty()) frame_->show_welcome();
    settle_user_name(frame_, session_, *settings_, ask);

    std::string db = options_.db;
    if (db.empty()) {
        const std::string last = settings_->last_database();
        std::error_code ec;
        if (!last.empty() && std::filesystem::exists(last, ec)) db = last;
    }
    if (db.empty() || !frame_->open_database(db)) frame_->show_welcome();
    if (options_.team > 0 && session_.has_store()) frame_->show_team(options_.team);
    if (options_.round > 0 && session_.has_store())
        if (RoundPage* page = frame_->show_round(options_.round); page && options_.tab >= 0) page->show_tab(int(options_.tab));

    if (options_.benchmark_startup) {
        // The window is usable once it has been shown and the event loop is idle.
        CallAfter([this] {
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_start).count();
            std::printf("start to usable window: %.0f ms\n", ms);
            std::fflush(stdout);
            frame_->Close(true);
        });
    }
    return true;
}

MainFrame* FidelisApp::build_frame() {
    MainFrame* old = frame_;
    frame_ = new MainFrame(session_, *settings_);
    frame_->on_restart = [this] {
        session_.lang = settings_->effective_language();
        apply_language(session_.lang);
        const bool had_store = session_.has_store();
        MainFrame* f = build_frame();
        if (had_store) {
            f->Show();
            f->show_county();
        } else {
            f->show_welcome();
        }
    };
    SetTopWindow(frame_);
    frame_->Show();
    if (old) old->Destroy();
    return frame_;
}

int FidelisApp::OnExit() {
    session_.store.reset();
    return wxApp::OnExit();
}

}  // namespace fidelis::gui
