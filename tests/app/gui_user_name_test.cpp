// The name the change history records for the window's edits: chosen once on first start
// (prefilled with the login's full name), kept in Preferences, and never nobody.
#include "gui_support.h"
#include "test_window.h"

#include "assessment_panel.h"
#include "dialogs.h"
#include "main_frame.h"
#include "round_page.h"
#include "run.h"
#include "settings.h"
#include "temp_dir.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

struct Empty : TestWindow {
    Empty() : TestWindow("county.fidelis", [](const std::string& path) { Store::create(path, "06"); }, "en") {}
};

}  // namespace

TEST_CASE("The history's default name is the login's full name from its passwd entry", "[gui]") {
    CHECK(full_name_from_gecos("Åsa Öberg,Rum 12,036-10 10 10,,", "asa") == "Åsa Öberg");
    CHECK(full_name_from_gecos("  Omar Haddad  ", "omar") == "Omar Haddad");
    CHECK(full_name_from_gecos("& Berg", "anna") == "Anna Berg");  // BSD: & is the login, capitalised
    CHECK(full_name_from_gecos(",,,", "anna") == "anna");          // no full name: the login name
    CHECK(full_name_from_gecos("", "anna") == "anna");
    CHECK(full_name_from_gecos("\xc5sa", "asa") == "Åsa");  // Latin-1 from an old tool
    CHECK_FALSE(os_user_full_name().empty());
}

TEST_CASE("On first start the window asks for the history's name, prefilled with the login's full name", "[gui]") {
    if (delegated_to_xvfb()) return;
    Empty w;
    REQUIRE(w.settings->user_name().empty());
    const auto answer = Drive<UserNameDialog>([](UserNameDialog* d) {
        d->Show();
        pump(300);
        CHECK(d->name->GetValue() == wx(os_user_full_name()));
        // An empty name is refused on the field; the dialog stays.
        d->name->SetValue("");
        click(d->FindWindow(wxID_OK));
        CHECK(d->IsShown());
        CHECK(d->name->GetToolTipText().Contains(_("the history needs a name")));
        d->name->SetValue(wxString::FromUTF8("Åsa Öberg"));
        CHECK_FALSE(d->name->GetToolTipText().Contains(_("the history needs a name")));
        click(d->FindWindow(wxID_OK));
        CHECK_FALSE(d->IsShown());
        return wxID_OK;
    });
    bool asked = false;
    wxTEST_DIALOG(asked = settle_user_name(w.frame, w.session, *w.settings, true), answer);
    CHECK(asked);
    CHECK(w.session.user == "Åsa Öberg");
    CHECK(w.settings->user_name() == "Åsa Öberg");
    // Chosen once: the next start does not ask again.
    CHECK_FALSE(settle_user_name(w.frame, w.session, *w.settings, true));
    CHECK(w.session.user == "Åsa Öberg");
    CHECK(Settings().user_name() == "Åsa Öberg");  // kept in the configuration file
}

TEST_CASE("Cancelling the first-start question keeps the login's full name and asks again next time", "[gui]") {
    if (delegated_to_xvfb()) return;
    Empty w;
    wxTEST_DIALOG(settle_user_name(w.frame, w.session, *w.settings, true),
                  wxExpectDismissableModal<UserNameDialog>(wxID_CANCEL));
    CHECK(w.session.user == os_user_full_name());
    CHECK(w.settings->user_name().empty());
    // Headless runs have nobody to ask, and still get a name.
    w.session.user.clear();
    CHECK_FALSE(settle_user_name(w.frame, w.session, *w.settings, false));
    CHECK(w.session.user == os_user_full_name());
}

TEST_CASE("A name emptied in Preferences falls back to the login's full name, never to nobody", "[gui]") {
    if (delegated_to_xvfb()) return;
    Empty w;
    w.settings->set_user_name("Omar Haddad");
    w.session.user = w.settings->effective_user_name();
    const auto empty_it = Fill<PreferencesDialog>([](PreferencesDialog* p) {
        CHECK(p->user->GetValue() == "Omar Haddad");
        CHECK(p->user->GetHint() == wx(os_user_full_name()));
        p->user->SetValue("  ");
    });
    wxCommandEvent open(wxEVT_MENU, wxID_PREFERENCES);
    wxTEST_DIALOG(w.frame->ProcessWindowEvent(open), empty_it);
    CHECK(w.settings->user_name().empty());
    CHECK(w.session.user == os_user_full_name());
}

TEST_CASE("The real window asks for the name on first start, and a headless one does not", "[gui]") {
    if (delegated_to_xvfb()) return;
    TempDir dir;
    auto start = [&](bool headless) {
        const pid_t pid = fork();
        if (pid == 0) {
            setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
            setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
            if (headless) execl(FIDELIS_GUI_BINARY, FIDELIS_GUI_BINARY, "--lang", "en", "--headless", (char*)nullptr);
            else execl(FIDELIS_GUI_BINARY, FIDELIS_GUI_BINARY, "--lang", "en", (char*)nullptr);
            _exit(127);
        }
        return pid;
    };
    auto window_named = [](const char* name) {
        return run("/usr/bin/xdotool", {"search", "--onlyvisible", "--name", name}).exit_code == 0;
    };
    auto stop = [](pid_t pid) {
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
    };
    const pid_t first = start(false);
    bool asked = false;
    for (int i = 0; i < 100 && !asked; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        asked = window_named("^Your name$");
    }
    CHECK(asked);
    stop(first);

    const pid_t headless = start(true);
    bool up = false;
    for (int i = 0; i < 100 && !up; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        up = window_named("^Fidelis$");
    }
    CHECK(up);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK_FALSE(window_named("^Your name$"));
    stop(headless);
}

TEST_CASE("The history names the first-start name for the window's edits, never the rater's", "[gui]") {
    if (delegated_to_xvfb()) return;
    TestWindow w("county.fidelis", [](const std::string& path) {
        Store s = Store::create(path, "06");
        s.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    }, "en");
    const auto answer = Drive<UserNameDialog>([](UserNameDialog* d) {
        d->name->SetValue(wxString::FromUTF8("Åsa Öberg"));
        return d->TransferDataFromWindow() ? wxID_OK : wxID_CANCEL;
    });
    wxTEST_DIALOG(settle_user_name(w.frame, w.session, *w.settings, true), answer);
    REQUIRE(w.frame->open_database(w.db));
    const auto new_round = Fill<NewRoundDialog>([](NewRoundDialog* d) { d->raters->SetValue("Anna Berg, Granskare"); });
    wxTEST_DIALOG(w.frame->new_round(w.session.store->teams().at(0).id), new_round);
    RoundPage* page = w.frame->round_page();
    REQUIRE(page);
    const Id round = page->round_id();
    // Anna rates in the Assessment tab; then the plan is edited in the same window.
    page->assessment()->go_to(2);
    page->assessment()->focus_items();
    pump(100);
    wxUIActionSimulator().MouseMove(w.frame->GetScreenPosition() + wxPoint(600, 400));
    key('3');
    page->show_tab(RoundPage::PlanTab);
    pump(300);
    wxString label = _("Responsible manager:");
    label.RemoveLast();
    auto* manager = dynamic_cast<wxTextCtrl*>(find_named(page, label));
    REQUIRE(manager);
    manager->SetValue("Fredrik Berg");
    pump(100);
    w.close();
    Store store = Store::open(w.db);
    bool rated = false, planned = false;
    for (const HistoryEntry& h : store.history(round)) {
        INFO(h.entity << " " << h.key << " " << h.field << ": " << h.actor);
        CHECK(h.actor == "Åsa Öberg");
        rated |= h.entity == "rating";
        planned |= h.field == "manager";
    }
    CHECK(rated);
    CHECK(planned);
}
