// The window's files, reports, languages and refusals.
#include "gui_support.h"
#include "test_window.h"

#include "dialogs.h"
#include "language.h"
#include "main_frame.h"
#include "pages.h"
#include "round_page.h"
#include "run.h"
#include "store/demo.h"
#include "store/exchange.h"
#include "temp_dir.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/filedlg.h>
#include <wx/menu.h>

#include <gtk/gtk.h>

#include <cstdlib>
#include <fstream>
#include <functional>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

// The text GTK itself draws on a button. For OK and Cancel that is GTK's own translation,
// which follows the process's locale, not wxWidgets' catalog.
std::string drawn_label(wxWindow* button) {
    std::string text;
    std::function<void(GtkWidget*)> walk = [&](GtkWidget* w) {
        if (GTK_IS_LABEL(w)) text += gtk_label_get_text(GTK_LABEL(w));
        if (GTK_IS_CONTAINER(w)) {
            GList* children = gtk_container_get_children(GTK_CONTAINER(w));
            for (GList* c = children; c; c = c->next) walk(GTK_WIDGET(c->data));
            g_list_free(children);
        }
    };
    walk(button->GetHandle());
    return text;
}

using Demo = DemoWindow;

}  // namespace

TEST_CASE("A report from the window: the save dialog, then a valid PDF", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    RoundPage* page = d.frame->show_round(d.round_of("IPS-teamet Jönköping", 2025));
    REQUIRE(page);
    page->show_tab(RoundPage::ResultTab);
    pump(200);
    const std::string pdf = (d.dir / "round.pdf").string();
    wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("Round report…"), page)), SaveAs(wx(pdf)));
    REQUIRE(std::filesystem::exists(pdf));
    CHECK(run("/usr/bin/qpdf", {"--check", pdf}).exit_code == 0);
    CHECK(run("/usr/bin/pdftotext", {pdf, "-"}).out.find("RAPPORT OM PROGRAMTROHET") != std::string::npos);

    // The county view writes the county comparison, for the grouping shown.
    d.frame->show_county();
    pump(200);
    CountyPage* county = d.frame->county_page();
    REQUIRE(county);
    CHECK(county->team_count() == 15);
    const std::string coded = (d.dir / "coded.pdf").string();
    wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("Coded county report…"), county)),
                  SaveAs(wx(coded)));
    const std::string text = run("/usr/bin/pdftotext", {coded, "-"}).out;
    CHECK(text.find("Jönköping") == std::string::npos);
}

TEST_CASE("Importing a round file shows what would happen before anything changes", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const std::string file = (d.dir / "rounds.xml").string();
    std::vector<Id> ids;
    {
        Store demo = Store::open(d.db);
        for (const Round& r : demo.rounds_of_team(demo.teams().front().id)) ids.push_back(r.id);
        REQUIRE(ids.size() > 1);
        std::ofstream(file) << export_rounds(demo, ids);
    }
    const std::string network = (d.dir / "network.fidelis").string();
    { Store::create(network, "06"); }
    REQUIRE(d.frame->open_database(network));
    // (GTK's open dialog cannot be answered without showing it; the chosen file goes in here.)
    wxTEST_DIALOG(d.frame->import_path(file), wxExpectDismissableModal<ImportDialog>(wxID_CANCEL));
    CHECK(d.session.store->all_rounds().empty());  // cancelled after the summary: nothing changed
    const auto accept = Fill<ImportDialog>([](ImportDialog*) {});
    wxTEST_DIALOG(d.frame->import_path(file), accept);
    CHECK(d.session.store->all_rounds().size() == ids.size());
    CHECK(d.session.store->teams().size() == 1);
}

TEST_CASE("The window speaks Swedish, wxWidgets' own buttons included, and English", "[gui]") {
    if (delegated_to_xvfb()) return;
    {
        Demo d("sv");
        REQUIRE(d.frame->open_database(d.db));
        CHECK(d.frame->GetMenuBar()->GetMenuLabel(0) == "&Arkiv");
        CHECK(d.frame->GetMenuBar()->GetMenuLabel(2) == wxString::FromUTF8("&Mätomgång"));
        NewTeamDialog dlg(d.frame, d.session);
        wxWindow* cancel = dlg.FindWindow(wxID_CANCEL);
        REQUIRE(cancel);
        CHECK(cancel->GetLabel().Contains("Avbryt"));  // from wx's own Swedish catalog
        CHECK(drawn_label(cancel) == "Avbryt");        // and what GTK shows, from its own
        CHECK(number(3.5, 1) == "3,5");
        // Preferences offers every language with a catalog, each in its own name.
        PreferencesDialog prefs(d.frame, "sv", "");
        CHECK(prefs.lang->FindString(wxString::FromUTF8("Svenska")) != wxNOT_FOUND);
        CHECK(prefs.lang->FindString("English") != wxNOT_FOUND);
        CHECK(prefs.language() == "sv");
    }
    {
        Demo d("en");
        REQUIRE(d.frame->open_database(d.db));
        CHECK(d.frame->GetMenuBar()->GetMenuLabel(0) == "&File");
        NewTeamDialog dlg(d.frame, d.session);
        CHECK(dlg.FindWindow(wxID_CANCEL)->GetLabel().Contains("Cancel"));
        CHECK(drawn_label(dlg.FindWindow(wxID_CANCEL)) == "Cancel");
        CHECK(number(3.5, 1) == "3.5");
    }
}

TEST_CASE("A newer or damaged database is refused with a message, and the window carries on", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    const wxString title = d.frame->GetTitle();
    const std::string newer = (d.dir / "newer.fidelis").string();
    { Store::create(newer, "06"); }
    // As a newer Fidelis would leave it (the window's tests see no SQL: the sqlite3 tool).
    REQUIRE(run("/usr/bin/sqlite3", {newer, "PRAGMA user_version = 42"}).exit_code == 0);
    CHECK_FALSE(d.frame->open_database(newer));
    const std::string junk = (d.dir / "junk.fidelis").string();
    std::ofstream(junk) << std::string(8192, 'x');
    CHECK_FALSE(d.frame->open_database(junk));
    CHECK(d.frame->GetTitle() == title);  // still on the demo database
    CHECK(d.session.store->path() == d.db);
}
