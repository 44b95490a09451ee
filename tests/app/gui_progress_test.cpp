// Long work from the window runs off the UI thread: while the demo county is built or a
// report is written, the window's event loop keeps running (its timers tick) and the bar
// shows; Cancel leaves no demo database and no report file, and the status bar says so.
#include "gui_support.h"
#include "test_window.h"

#include "background_work.h"
#include "base/paths.h"
#include "main_frame.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/statusbr.h>
#include <wx/timer.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

// Holds the work at its first report until the window has polled it a few times, ticking
// a timer of its own meanwhile, then cancels it or lets it go on. Work on the UI thread
// could never be polled while held: the test would find no poll and no tick.
struct Watch {
    explicit Watch(bool cancel) : cancel_(cancel) {
        timer.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { ++ticks; });
        timer.Start(10);
        BackgroundWork::on_progress = [this](double) {
            worker = std::this_thread::get_id();
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (!released && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        };
        BackgroundWork::on_poll = [this](BackgroundWork& work) {
            ++polls;
            if (work.dialog() && work.dialog()->IsShown()) dialog_shown = true;
            if (polls == 1) ticks_at_first_poll = ticks;
            if (polls == 4) {
                ticks_while_held = ticks - ticks_at_first_poll;
                if (cancel_) work.cancel();
                released = true;
            }
        };
    }
    ~Watch() {
        BackgroundWork::on_progress = nullptr;
        BackgroundWork::on_poll = nullptr;
    }

    bool cancel_;
    wxTimer timer;
    int ticks = 0;
    int polls = 0;
    int ticks_at_first_poll = 0;
    int ticks_while_held = 0;
    bool dialog_shown = false;
    std::atomic<bool> released{false};
    std::thread::id worker;
};

wxString status(MainFrame* frame) { return frame->GetStatusBar()->GetStatusText(0); }

std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) names.push_back(entry.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("The demo county is built off the UI thread: the window's timer ticks and the bar shows meanwhile", "[gui]") {
    if (delegated_to_xvfb()) return;
    TestWindow w("none.fidelis", [](const std::string&) {});
    Watch watch(false);
    w.frame->open_demo();
    CHECK(watch.released);
    CHECK(watch.worker != std::thread::id());
    CHECK(watch.worker != std::this_thread::get_id());
    CHECK(watch.polls >= 4);
    CHECK(watch.ticks_while_held > 0);
    CHECK(watch.dialog_shown);
    REQUIRE(w.session.has_store());  // built, then opened
    CHECK(w.session.store->teams().size() == 15);
    CHECK_FALSE(background_work_running());
}

TEST_CASE("Cancel while the demo county is built leaves no demo database, and the status bar says it was cancelled", "[gui]") {
    if (delegated_to_xvfb()) return;
    TestWindow w("none.fidelis", [](const std::string&) {});
    Watch watch(true);
    w.frame->open_demo();
    CHECK(watch.released);
    CHECK(watch.ticks_while_held > 0);
    CHECK_FALSE(w.session.has_store());
    const auto demo_dir = paths::user_data_dir() / "demo";
    CHECK_FALSE(std::filesystem::exists(demo_dir / "jonkoping-demo.fidelis"));
    CHECK(files_in(demo_dir).empty());  // no temporary file either
    CHECK(status(w.frame) == _("The demo county was not created: cancelled."));
    CHECK(w.frame->IsEnabled());  // the window is usable again
}

TEST_CASE("A report is written off the UI thread, and Cancel leaves no report file", "[gui]") {
    if (delegated_to_xvfb()) return;
    DemoWindow d;
    REQUIRE(d.frame->open_database(d.db));
    ReportRequest request;
    request.kind = ReportKind::County;
    request.county.scale_id = "ips-25";
    const auto folder = d.dir / "reports";
    std::filesystem::create_directories(folder);
    const std::string pdf = (folder / "county.pdf").string();
    {
        Watch watch(true);
        std::string written = "not run";
        wxTEST_DIALOG(written = d.frame->report(request), SaveAs(wx(pdf)));
        CHECK(watch.released);
        CHECK(watch.worker != std::this_thread::get_id());
        CHECK(watch.ticks_while_held > 0);
        CHECK(written.empty());
        CHECK(files_in(folder).empty());
        CHECK(status(d.frame) == _("The report was cancelled; no file was written."));
    }
    {
        Watch watch(false);
        std::string written;
        wxTEST_DIALOG(written = d.frame->report(request), SaveAs(wx(pdf)));
        CHECK(watch.released);
        CHECK(watch.ticks_while_held > 0);
        CHECK(watch.dialog_shown);
        CHECK(written == pdf);
        CHECK(files_in(folder) == std::vector<std::string>{"county.pdf"});
    }
    CHECK(d.frame->IsEnabled());
}
