#pragma once
// The real Fidelis main window for a test: a private configuration and data folder, a
// database the test prepares, wx started, the window shown in the given language.
#include "main_frame.h"
#include "session.h"
#include "settings.h"
#include "temp_dir.h"

#include <functional>
#include <memory>
#include <string>

namespace fidelis::test {

struct TestWindow {
    TempDir dir;
    std::string db;
    gui::Session session;
    std::unique_ptr<gui::Settings> settings;
    gui::MainFrame* frame = nullptr;

    // `prepare` creates the database at the path it is given, before the window starts.
    TestWindow(const std::string& db_name, const std::function<void(const std::string& path)>& prepare,
               const std::string& lang = "sv");
    ~TestWindow();
    // A new main window, as after a restart (the previous one must be closed).
    void show();
    // Closes the window and the database, as quitting does.
    void close();
};

// The window on a fresh demo county, the fixture most window tests start from.
struct DemoWindow : TestWindow {
    explicit DemoWindow(const std::string& lang = "sv");
    // The team's round assessed in that year; 0 when there is none.
    Id round_of(const std::string& team, int year);
};

}  // namespace fidelis::test
