// The window's actions on whole files: the automatic backup at every open, restoring a
// backup, importing and exporting exchange files, the CSV export, and the round's history
// viewer; what reads or writes many rounds runs in the background (background_work.h).
// (Part of MainFrame, kept apart from the window's layout in main_frame.cpp.)
#include "main_frame.h"

#include "../core/errors.h"
#include "../core/exchange_files.h"
#include "background_work.h"
#include "backup_dialog.h"
#include "dialogs.h"
#include "base/atomic_file.h"
#include "base/paths.h"
#include "csv_dialog.h"
#include "history_dialog.h"
#include "navigator.h"
#include "round_page.h"
#include "store/csv_export.h"
#include "store/exchange.h"
#include "store/history_text.h"
#include "ui.h"

#include <wx/filedlg.h>

#include <filesystem>
#include <fstream>

namespace fidelis::gui {

void MainFrame::start_backup() {
    wait_for_backup();
    // The snapshot is taken here, in memory (milliseconds); the disk is written on a
    // thread of its own, so opening never waits for it and a failure never stops it.
    auto pending = std::make_shared<PendingBackup>(*session_.store, BackupFolder::for_user());
    auto outcome = std::make_shared<BackupOutcome>();
    backup_outcome_ = outcome;
    backup_thread_ = std::thread([this, pending, outcome] {
        *outcome = pending->write();
        if (!outcome->ok)
            CallAfter([this, outcome] {
                session_.status(fmt(_("No automatic backup was made this time: {1}"), {wx(outcome->error)}));
            });
    });
}

BackupOutcome MainFrame::wait_for_backup() {
    if (backup_thread_.joinable()) backup_thread_.join();
    return backup_outcome_ ? *backup_outcome_ : BackupOutcome{};
}

bool MainFrame::offer_backups_of_damaged(const std::string& path, const wxString& message) {
    const std::vector<Backup> backups = BackupFolder::for_user().list(path);
    if (backups.empty()) {
        show_error(this, message + "\n\n" +
                             _("Fidelis has no automatic backup of this database. If you saved a copy (File, Save a "
                               "copy…), open that."));
        return false;
    }
    if (!confirm(this,
                 message + "\n\n" +
                     fmt(_("Fidelis has {1} automatic backups of it, the newest taken {2}. Restore one now?"),
                         {wxString::Format("%zu", backups.size()), wx(backups.front().taken_at)}),
                 _("Restore a backup")))
        return false;
    return restore_from(path, true);
}

void MainFrame::restore_backup() {
    if (!session_.has_store()) {
        session_.status(_("Open a database first: its backups are listed."));
        return;
    }
    wait_for_backup();
    restore_from(session_.store->path(), false);
}

bool MainFrame::restore_from(std::string path, bool damaged) {
    const BackupFolder folder = BackupFolder::for_user();
    const bool read_only = !damaged && session_.store && session_.store->read_only();
    RestoreDialog dlg(this, path, folder.list(path), !read_only);
    const int choice = dlg.ShowModal();
    const Backup* chosen = dlg.chosen();
    if (!chosen || (choice != RestoreDialog::AsNewFile && choice != RestoreDialog::OverCurrent)) return false;
    const Backup backup = *chosen;
    const std::filesystem::path db = path_from_utf8(path);
    try {
        if (choice == RestoreDialog::AsNewFile) {
            const wxString name = wx(path_to_utf8(db.stem())) + "-" + wx(backup.taken_at.substr(0, 10)) + ".fidelis";
            wxFileDialog save(this, _("Restore the backup as"), wx(path_to_utf8(db.parent_path())), name,
                              _("Fidelis databases (*.fidelis)|*.fidelis"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
            if (save.ShowModal() != wxID_OK) return false;
            std::string target = utf8(save.GetPath());
            if (std::filesystem::path(target).extension() != ".fidelis") target += ".fidelis";
            std::error_code ec;
            if (std::filesystem::equivalent(path_from_utf8(target), db, ec)) {
                show_error(this, _("That is the database itself: choose another name, or restore in place of it."));
                return false;
            }
            if (session_.store && std::filesystem::equivalent(path_from_utf8(target), path_from_utf8(session_.store->path()), ec)) {
                show_error(this, _("That database is open in this window: choose another name."));
                return false;
            }
            fidelis::restore_backup(backup.file, target);
            session_.status(fmt(_("The backup taken {1} was restored as {2}"), {wx(backup.taken_at), wx(target)}));
            return confirm(this, fmt(_("The backup was restored as {1}. Open it now?"), {wx(target)}), _("Restore a backup")) &&
                   open_database(target);
        }
        if (!confirm(this,
                     fmt(_("Replace {1} with the backup taken {2}? The database as it is now is kept: {3}"),
                         {wx(path_to_utf8(db.filename())), wx(backup.taken_at),
                          damaged ? _("it is renamed, with \"damaged\" and the time added to its name.")
                                  : _("it is backed up first, so this can be undone the same way.")}),
                     _("Restore a backup"), true))
            return false;
        if (damaged) {
            const auto aside = set_aside(path);
            session_.status(fmt(_("The damaged database was renamed {1}"), {wx(path_to_utf8(aside))}));
        } else {
            // One more than the folder keeps, so the backup being restored is not the one
            // this makes room for.
            const BackupOutcome before = back_up_now(*session_.store, BackupFolder(folder.root(), folder.keep() + 1));
            if (!before.ok) {
                show_error(this, fmt(_("The database could not be backed up first, so it was not replaced: {1}"),
                                     {wx(before.error)}));
                return false;
            }
            close_database();
        }
        try {
            fidelis::restore_backup(backup.file, path);
        } catch (...) {
            show_error(this, std::current_exception());
            if (!damaged) open_database(path);  // unchanged: the copy is renamed into place only when whole
            return false;
        }
        if (!open_database(path)) return false;
        session_.status(fmt(_("The backup taken {1} was restored."), {wx(backup.taken_at)}));
        return true;
    } catch (...) {
        show_error(this, std::current_exception());
        return false;
    }
}

void MainFrame::export_csv() {
    if (!session_.has_store()) return;
    CsvDialog choice(this, session_, current_team());
    if (choice.ShowModal() != wxID_OK) return;
    wxFileDialog dlg(this, _("Export CSV"), "", choice.file_name(), _("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        const std::filesystem::path target = path_from_utf8(utf8(dlg.GetPath()));
        const CsvOptions options = choice.options();
        std::size_t rows = 0;
        // Cancel leaves no file: the temporary one is removed unless committed.
        if (!run_in_background(this, _("Writing the CSV file…"), [&](const Progress& progress) {
                AtomicFile file(target);
                rows = write_csv(*session_.store, file.stream(), options, progress);
                file.commit();
            }))
            return session_.status(_("The CSV export was cancelled; no file was written."));
        session_.status(fmt(_("{1} rows written to {2}"), {wxString::Format("%zu", rows), dlg.GetPath()}));
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::import_file() {
    if (!session_.has_store()) return;
    wxFileDialog dlg(this, _("Import a round file"), "", "", _("Fidelis exchange files (*.xml)|*.xml"),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) import_path(utf8(dlg.GetPath()));
}

void MainFrame::import_path(const std::string& path) {
    if (!session_.has_store()) return;
    const wxString cancelled = _("The import was cancelled; nothing was imported.");
    try {
        // The file is read as a stream, twice: memory follows one round, not the file.
        // Nothing changes until the user has seen what would.
        ImportReport dry;
        if (!run_in_background(this, _("Reading the round file…"), [&](const Progress& progress) {
                dry = core::import_from_file(*session_.store, path, ImportOptions{true, false}, progress);
            }))
            return session_.status(cancelled);
        ImportDialog confirm_dlg(this, dry);
        if (confirm_dlg.ShowModal() != wxID_OK) return;
        const ImportOptions options{false, confirm_dlg.replace->GetValue()};
        ImportReport done;
        // A cancelled import is rolled back whole, like a refused one.
        if (!run_in_background(this, _("Importing the rounds…"), [&](const Progress& progress) {
                done = core::import_from_file(*session_.store, path, options, progress);
            }))
            return session_.status(cancelled);
        const std::string outcomes = core::outcomes_summary(done);
        session_.status(wx(core::import_summary(done, false) + (outcomes.empty() ? "" : " " + outcomes)));
        navigator_->rebuild();
        show_county();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::export_rounds() {
    if (!session_.has_store()) return;
    const Id team = current_team();
    const wxString owner = wx(paths::safe_file_name(team ? session_.store->team(team).name : session_.store->home_county().name));
    wxFileDialog dlg(this, _("Export rounds to an exchange file"), "", fmt(_("{1} rounds"), {owner}) + ".xml",
                     _("Fidelis exchange files (*.xml)|*.xml"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        // The team's rounds and quarterly outcomes, or the whole database's, as the CLI's export.
        const core::ExportSelection selection =
            core::select_for_export(*session_.store, team ? std::optional<Id>(team) : std::nullopt);
        const std::vector<Id>& ids = selection.rounds;
        // Cancel leaves no file: the temporary one is removed unless committed.
        if (!run_in_background(this, _("Exporting the rounds…"), [&](const Progress& progress) {
                core::export_to_file(*session_.store, selection, utf8(dlg.GetPath()), progress);
            }))
            return session_.status(_("The export was cancelled; no file was written."));
        session_.status(fmt(trn("{1} round exported to {2}", "{1} rounds exported to {2}", ids.size()), {wxString::Format("%zu", ids.size()), dlg.GetPath()}));
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void MainFrame::show_history(Id round) {
    if (!session_.has_store()) return;
    try {
        const Round r = session_.store->round(round);
        const Team team = session_.store->team(r.team_id);
        HistoryDialog dlg(this, history_lines(*session_.store, round),
                          wx(team.name + " · " + r.scale_id + " · " + r.assessed_on.iso()));
        dlg.ShowModal();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

}  // namespace fidelis::gui
