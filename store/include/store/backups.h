#pragma once
// Automatic rolling backups: a consistent copy of a database each time the window opens
// it, kept for its last ten opens in the user's data folder, and put back on request.
//
// Each database has its own folder, named after its file and a fingerprint of its full
// path, so two county.fidelis in different folders never mix their backups. A backup is
// named by the UTC time it was taken, to the millisecond ("20260314-081205-123.fidelis"),
// always after the newest one already there, so names sort by time. Backups are written
// read-only and restored from a working copy, so nothing Fidelis does changes one.
#include "store/store.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fidelis {

struct Backup {
    std::filesystem::path file;
    std::string taken_at;  // local time, "2026-03-14 09:12:05"
    std::uintmax_t size = 0;
};

struct BackupOutcome {
    bool ok = false;
    std::filesystem::path file;  // the new backup
    std::string error;           // why there is none, for the user
};

class BackupFolder {
public:
    static constexpr std::size_t default_keep = 10;
    explicit BackupFolder(std::filesystem::path root, std::size_t keep = default_keep);
    // paths::user_data_dir()/backups
    static BackupFolder for_user();

    const std::filesystem::path& root() const { return root_; }
    std::size_t keep() const { return keep_; }
    // The folder of one database's backups (it may not exist yet).
    std::filesystem::path folder_of(const std::string& database) const;
    // The database's backups, newest first; none when there is no folder.
    std::vector<Backup> list(const std::string& database) const;
    // The name for a backup taken at `now`: later than every backup already there.
    std::filesystem::path next_file(const std::string& database, std::chrono::system_clock::time_point now) const;
    // Removes all but the newest keep() backups; returns the ones removed.
    std::vector<std::filesystem::path> prune(const std::string& database) const;

private:
    std::filesystem::path root_;
    std::size_t keep_;
};

// A backup in two steps, so that opening a database does not wait for the disk: the
// constructor takes a consistent snapshot of the store in memory through SQLite's backup
// API (milliseconds for a county database); write(), on any thread, checks the snapshot,
// writes it into the folder and prunes. The snapshot is private, so the window can go on
// using the store meanwhile.
class PendingBackup {
public:
    PendingBackup(const Store& store, BackupFolder folder);
    ~PendingBackup();
    PendingBackup(PendingBackup&&) noexcept;
    // Never throws: a backup that fails must not stop anyone working; it says why.
    BackupOutcome write() noexcept;

private:
    std::string database_;
    BackupFolder folder_;
    std::unique_ptr<Store> snapshot_;
    std::string error_;  // from taking the snapshot
};

// Both steps at once, for a backup the user waits for (before a restore). Never throws.
BackupOutcome back_up_now(const Store& store, const BackupFolder& folder);

// Writes the backup's content to `target` as a database file: a working copy beside the
// target is opened (upgrading an older backup), checked whole, and copied into place
// through SQLite, synced and renamed; the backup itself is only read. A target that exists
// is replaced: the caller asks first and backs it up. Refused while the target has changes
// not yet written into it (a -wal file: it is open somewhere, or was when it crashed), and
// when the backup is damaged; either way the target stays as it was.
void restore_backup(const std::filesystem::path& backup, const std::string& target);
// Moves a (damaged) database and the files SQLite keeps beside it out of the way, to
// "<file>.damaged-<time>", so a backup can take its place; returns the new name.
std::filesystem::path set_aside(const std::string& database);

}  // namespace fidelis
