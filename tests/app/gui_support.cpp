#include "gui_support.h"

#include "run.h"

#include <wx/app.h>
#include <wx/init.h>
#include <wx/uiaction.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace fidelis::test {

bool delegated_to_xvfb(const std::string& screen) {
    const char* display = std::getenv("DISPLAY");
    if (display && *display) return false;
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    std::string name;
    for (char c : Catch::getResultCapture().getCurrentTestName()) {
        if (c == ',' || c == '[' || c == ']' || c == '\\') name += '\\';  // Catch's test-spec escapes
        name += c;
    }
    // -noreset: Xvfb otherwise resets whenever its last client leaves (a killed window,
    // one xdotool call), and a window started during the reset cannot open the display.
    const auto r = run("/usr/bin/xvfb-run", {"-a", "-s", "-screen 0 " + screen + " -noreset", self, name});
    INFO("under xvfb-run:\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("All tests passed") != std::string::npos);
    return true;
}

void start_wx() {
    static bool started = false;
    if (started) return;
    static int argc = 1;
    static char name[] = "test_app";
    static char* argv[] = {name, nullptr};
    // A failed wx assertion (an unmet dialog expectation among them) must fail the test,
    // not open a dialog that waits for ever on a headless display.
    wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond, const wxString& msg) {
        std::fprintf(stderr, "wxWidgets assertion failed at %s:%d in %s: %s %s\n", (const char*)file.utf8_str(), line,
                     (const char*)func.utf8_str(), (const char*)cond.utf8_str(), (const char*)msg.utf8_str());
        std::fflush(stderr);
        std::abort();
    });
    wxApp::SetInstance(new wxApp());
    REQUIRE(wxEntryStart(argc, argv));
    REQUIRE(wxTheApp->CallOnInit());
    started = true;
}

void pump(int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        wxTheApp->ProcessPendingEvents();
        wxYield();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < end);
}

void key(int keycode, int modifiers) {
    wxUIActionSimulator sim;
    sim.Char(keycode, modifiers);
    pump(40);
}

void click(wxWindow* w) {
    REQUIRE(w);
    // A page just shown may still be laid out (a tab's refresh runs after the switch, and on
    // a loaded machine later): click only once the control has stopped moving.
    wxRect r = w->GetScreenRect();
    for (int i = 0; i < 40; ++i) {
        pump(40);
        const wxRect now = w->GetScreenRect();
        if (now == r && w->IsShownOnScreen()) break;
        r = now;
    }
    wxUIActionSimulator sim;
    sim.MouseMove(r.x + r.width / 2, r.y + r.height / 2);
    pump(60);
    sim.MouseClick();
    pump(120);
}

int SaveAs::OnInvoked(wxFileDialog* dialog) const {
    dialog->SetPath(path_);
    for (int i = 0; i < 200 && dialog->GetPath() != path_; ++i) pump(10);
    CHECK(dialog->GetPath() == path_);
    return wxID_OK;
}

wxWindow* find_named(wxWindow* parent, const wxString& name) { return wxWindow::FindWindowByName(name, parent); }

}  // namespace fidelis::test
