#pragma once
// The application object: command line, language, settings, and the main window, which it
// builds again when the language changes.
#include "session.h"
#include "settings.h"

#include <wx/app.h>

#include <chrono>
#include <memory>
#include <string>

namespace fidelis::gui {

class MainFrame;

struct StartOptions {
    std::string db;
    std::string lang;          // overrides the preference
    long round = 0;            // open this round at once
    long team = 0;             // or this team's page
    long tab = -1;             // and this tab of the round
    std::string save_log;      // kill-test hook (see Session::save_log_path)
    bool benchmark_startup = false;
    bool headless = false;     // errors to stderr, no modal dialogs
};

class FidelisApp : public wxApp {
public:
    bool OnInit() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

    MainFrame* frame() { return frame_; }
    // Builds the window (again), e.g. after the language changed.
    MainFrame* build_frame();

private:
    StartOptions options_;
    std::unique_ptr<Settings> settings_;
    Session session_;
    MainFrame* frame_ = nullptr;
};

// When the process started, for the start-up benchmark.
std::chrono::steady_clock::time_point process_start();

}  // namespace fidelis::gui
