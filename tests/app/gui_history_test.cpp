// The window's history viewer, automatic backups and their restore, and the CSV export's
// choice of layout, driven as a user drives them. With FIDELIS_SHOTS=DIR the dialogs are
// also photographed into DIR (run under xvfb-run with the screen size wanted).
#include "gui_support.h"
#include "test_window.h"

#include "backup_dialog.h"
#include "base/atomic_file.h"
#include "base/collation.h"
#include "csv_dialog.h"
#include "history_dialog.h"
#include "main_frame.h"
#include "round_page.h"
#include "run.h"
#include "store/backups.h"
#include "store/demo.h"
#include "store/history_text.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <cstdlib>
#include <fstream>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;
namespace fs = std::filesystem;

namespace {

using Demo = DemoWindow;

// The dialog as it looks, when screenshots are asked for.
void shoot(wxDialog* dialog, const std::string& name, const std::string& lang) {
    const char* dir = std::getenv("FIDELIS_SHOTS");
    if (!dir || !*dir) return;
    dialog->Show();
    dialog->Raise();
    pump(600);
    const wxSize screen = wxGetDisplaySize();
    const std::string file = std::string(dir) + "/" + name + "-" + lang + "-" + std::to_string(screen.x) + "x" +
                             std::to_string(screen.y) + ".png";
    run("/usr/bin/import", {"-window", "root", file});
    dialog->Hide();
    pump(100);
}

wxString status_text(MainFrame* frame) { return frame->GetStatusBar()->GetStatusText(0); }

}  // namespace

TEST_CASE("The history viewer lists the round's changes as fidelis-cli history does, sorts by a column and filters by text", "[gui]") {
    if (delegated_to_xvfb()) return;
    for (const std::string lang : {"sv", "en"}) {
        Demo d(lang);
        REQUIRE(d.frame->open_database(d.db));
        const Id round = d.round_of("IPS Värnamo", 2026);
        REQUIRE(round);
        // A few changes from the window's user, beside the demo's own entry.
        Store& store = *d.session.store;
        const Round r = store.round(round);
        for (const char* item : {"S1", "S2", "O1"}) {
            Rating x;
            x.item_id = item;
            x.rater_id = r.raters.at(0).id;
            x.input.level = 3;
            x.note = "Enligt ärendelistan, \"vecka 12\"";
            store.save_rating(round, x);
            x.rater_id = consensus_rater;
            x.rationale = "Enades efter samtal";
            store.save_rating(round, x);
        }
        RoundPage* page = d.frame->show_round(round);
        REQUIRE(page);
        pump(200);
        const std::vector<HistoryLine> expected = history_lines(*d.session.store, round);
        REQUIRE(expected.size() > 5);
        wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("History…"), page)), Drive<HistoryDialog>([&](HistoryDialog* dlg) {
            REQUIRE(dlg->rows() == long(expected.size()));
            for (long r = 0; r < dlg->rows(); ++r) {
                CHECK(dlg->line_in_row(r).what == expected[std::size_t(r)].what);
                CHECK(utf8(dlg->list->GetItemText(r, HistoryDialog::When)) == expected[std::size_t(r)].when);
            }
            shoot(dlg, "history", lang);
            dlg->sort_by(HistoryDialog::What);
            for (long r = 1; r < dlg->rows(); ++r)
                CHECK(swedish_compare(dlg->line_in_row(r - 1).what, dlg->line_in_row(r).what) <= 0);
            dlg->sort_by(HistoryDialog::What);  // again: the other way
            for (long r = 1; r < dlg->rows(); ++r)
                CHECK(swedish_compare(dlg->line_in_row(r - 1).what, dlg->line_in_row(r).what) >= 0);
            dlg->sort_by(HistoryDialog::When);
            CHECK(dlg->line_in_row(0).stored_at == expected.front().stored_at);

            dlg->filter->SetValue("S1,");  // typed: the list follows
            pump(50);
            REQUIRE(dlg->rows() > 0);
            CHECK(dlg->rows() < long(expected.size()));
            for (long r = 0; r < dlg->rows(); ++r) CHECK(dlg->line_in_row(r).what.find("S1,") != std::string::npos);
            shoot(dlg, "history-filtered", lang);
            return wxID_CLOSE;
        }));
    }
}

TEST_CASE("Opening a database backs it up into the user's data folder, and a backup is restored in its place after asking", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    const BackupOutcome first = d.frame->wait_for_backup();
    REQUIRE(first.ok);
    CHECK(first.file.string().rfind((d.dir / "data" / "fidelis" / "backups").string(), 0) == 0);
    REQUIRE(BackupFolder::for_user().list(d.db).size() == 1);

    const Id added = d.session.store->add_team("0680", "Efter backupen", Method::SE);
    wxTEST_DIALOG(d.frame->restore_backup(), Drive<RestoreDialog>([&](RestoreDialog* dlg) {
        REQUIRE(dlg->list->GetItemCount() == 1);
        CHECK(dlg->over->IsEnabled());
        shoot(dlg, "restore", "sv");
        dlg->choose(0);
        return int(RestoreDialog::OverCurrent);
    }));  // the question that follows is answered yes (headless)
    REQUIRE(d.session.has_store());
    for (const Team& t : d.session.store->teams()) CHECK(t.id != added);
    d.frame->wait_for_backup();
    // The one before the restore kept what it replaced; the restored database was backed up on opening.
    const std::vector<Backup> backups = BackupFolder::for_user().list(d.db);
    REQUIRE(backups.size() == 3);
    {
        Store::OpenOptions read_only;
        read_only.read_only = true;
        Store before = Store::open(path_to_utf8(backups[1].file), read_only);
        bool kept = false;
        for (const Team& t : before.teams()) kept = kept || t.name == "Efter backupen";
        CHECK(kept);
    }

    // As a new file: the database stays, the new one opens when the user says so.
    const std::string copy = (d.dir / "återställd.fidelis").string();
    wxTEST_DIALOG(d.frame->restore_backup(),
                  Drive<RestoreDialog>([&](RestoreDialog* dlg) {
                      dlg->choose(2);  // the oldest
                      return int(RestoreDialog::AsNewFile);
                  }),
                  SaveAs(wx(copy)));
    REQUIRE(d.session.has_store());
    CHECK(fs::equivalent(path_from_utf8(d.session.store->path()), path_from_utf8(copy)));
    CHECK(fs::exists(d.db));
}

TEST_CASE("A damaged database is offered its backups, and restoring one sets the damaged file aside", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    REQUIRE(d.frame->wait_for_backup().ok);
    d.frame->close_database();
    {  // damage the schema page, past the file header
        std::fstream f(d.db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        const std::string junk(3996, 'Z');
        f.write(junk.data(), std::streamsize(junk.size()));
    }
    bool offered = false, opened = false;
    wxTEST_DIALOG(opened = d.frame->open_database(d.db), Drive<RestoreDialog>([&](RestoreDialog* dlg) {
        offered = true;
        CHECK(dlg->list->GetItemCount() == 1);
        dlg->choose(0);
        return int(RestoreDialog::OverCurrent);
    }));
    CHECK(offered);
    CHECK(opened);
    REQUIRE(d.session.has_store());
    CHECK(d.session.store->teams().size() > 5);
    bool aside = false;
    for (const auto& e : fs::directory_iterator(d.dir.path()))
        aside = aside || e.path().filename().string().rfind("demo.fidelis.damaged-", 0) == 0;
    CHECK(aside);
}

TEST_CASE("A backup that cannot be written never stops the database opening, and the status bar says so", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    fs::create_directories(d.dir / "data" / "fidelis");
    std::ofstream(d.dir / "data" / "fidelis" / "backups") << "not a folder";
    REQUIRE(d.frame->open_database(d.db));
    CHECK_FALSE(d.frame->wait_for_backup().ok);
    pump(200);
    CHECK(status_text(d.frame).Contains(_("No automatic backup was made this time: {1}").BeforeFirst('{')));
    CHECK(d.session.store->teams().size() > 5);
}

TEST_CASE("The window's CSV export asks for the layout and writes one row per round when wide is chosen", "[gui]") {
    if (delegated_to_xvfb()) return;
    for (const std::string lang : {"sv", "en"}) {
        Demo d(lang);
        REQUIRE(d.frame->open_database(d.db));
        const std::string csv = (d.dir / "rounds.csv").string();
        wxTEST_DIALOG(d.frame->export_csv(),
                      Drive<CsvDialog>([&](CsvDialog* dlg) {
                          CHECK(dlg->file_name() == _("fidelis-ratings.csv"));
                          dlg->layout->SetSelection(1);
                          shoot(dlg, "csv", lang);
                          return wxID_OK;
                      }),
                      SaveAs(wx(csv)));
        const std::string text = read_file(csv);
        CHECK(text.rfind("\xEF\xBB\xBFround_id;municipality_code;municipality;team;date;scale;edition;review_type;status;", 0) == 0);
        std::size_t rows = 0;
        for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2)) ++rows;
        CHECK(rows == d.session.store->all_rounds().size() + 1);
    }
}
