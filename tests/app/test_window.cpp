#include "test_window.h"

#include "gui_support.h"
#include "language.h"
#include "store/demo.h"
#include "ui.h"

#include <cstdlib>

namespace fidelis::test {

TestWindow::TestWindow(const std::string& db_name, const std::function<void(const std::string&)>& prepare,
                       const std::string& lang)
    : db((dir / db_name).string()) {
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
    prepare(db);
    start_wx();
    gui::set_headless(true);
    session.lang = lang;
    gui::apply_language(lang);
    session.scales = ScaleLibrary::discover();
    settings = std::make_unique<gui::Settings>();
    // As the app does, without asking: the chosen name, else the login's full name.
    session.user = settings->effective_user_name();
    show();
}

TestWindow::~TestWindow() {
    if (frame) frame->Destroy();
    pump(100);
}

void TestWindow::show() {
    frame = new gui::MainFrame(session, *settings);
    frame->Show();
    pump(300);
}

void TestWindow::close() {
    frame->Destroy();
    frame = nullptr;
    pump(200);
    session.store.reset();
}

DemoWindow::DemoWindow(const std::string& lang)
    : TestWindow("demo.fidelis", [](const std::string& path) { Store s = create_demo(path); }, lang) {}

Id DemoWindow::round_of(const std::string& team, int year) {
    for (const Team& t : session.store->teams())
        if (t.name == team)
            for (const Round& r : session.store->rounds_of_team(t.id))
                if (r.assessed_on.year == year) return r.id;
    return 0;
}

}  // namespace fidelis::test
