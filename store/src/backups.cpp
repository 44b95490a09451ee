// Automatic rolling backups (store/backups.h): the folder per database, the names, the
// rotation, and taking and restoring a backup.
#include "store/backups.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/sha256.h"
#include "store/history_text.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>

namespace fidelis {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

constexpr std::size_t name_length = 19;  // "20260314-081205-123"
constexpr const char* extension = ".fidelis";

std::string name_at(Clock::time_point at) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    const std::time_t seconds = std::time_t(ms / 1000);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &seconds);
#else
    gmtime_r(&seconds, &tm);
#endif
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d-%02d%02d%02d-%03d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms % 1000));
    return buf;
}

// The time in a backup's name; nullopt for any other file (notes, temporary files).
std::optional<Clock::time_point> time_of(const fs::path& file) {
    const std::string name = path_to_utf8(file.filename());
    if (name.size() != name_length + std::string(extension).size() || name.substr(name_length) != extension) return std::nullopt;
    std::tm tm{};
    int ms = 0;
    char dash1 = 0, dash2 = 0;
    if (std::sscanf(name.c_str(), "%4d%2d%2d%c%2d%2d%2d%c%3d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &dash1, &tm.tm_hour,
                    &tm.tm_min, &tm.tm_sec, &dash2, &ms) != 9 ||
        dash1 != '-' || dash2 != '-')
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
#ifdef _WIN32
    const std::time_t t = _mkgmtime(&tm);
#else
    const std::time_t t = timegm(&tm);
#endif
    if (t == -1) return std::nullopt;
    return Clock::from_time_t(t) + std::chrono::milliseconds(ms);
}

std::string iso_utc(Clock::time_point at) {
    const std::string n = name_at(at);  // YYYYMMDD-HHMMSS-mmm
    return n.substr(0, 4) + "-" + n.substr(4, 2) + "-" + n.substr(6, 2) + "T" + n.substr(9, 2) + ":" + n.substr(11, 2) + ":" +
           n.substr(13, 2) + "Z";
}

// Newest first: by name, which is by time.
std::vector<fs::path> backup_files(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && time_of(it->path())) files.push_back(it->path());
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) { return a.filename() > b.filename(); });
    return files;
}

std::string error_text_now() {
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return tr(N_("an unknown error"));
    }
}

}  // namespace

BackupFolder::BackupFolder(fs::path root, std::size_t keep) : root_(std::move(root)), keep_(std::max<std::size_t>(keep, 1)) {}

BackupFolder BackupFolder::for_user() { return BackupFolder(paths::user_data_dir() / "backups"); }

fs::path BackupFolder::folder_of(const std::string& database) const {
    std::error_code ec;
    fs::path full = fs::weakly_canonical(fs::absolute(path_from_utf8(database), ec), ec);
    if (full.empty()) full = path_from_utf8(database);
    std::string stem = path_to_utf8(full.stem());
    if (stem.empty()) stem = "database";
    return root_ / path_from_utf8(stem + "-" + sha256_hex(path_to_utf8(full)).substr(0, 12));
}

std::vector<Backup> BackupFolder::list(const std::string& database) const {
    std::vector<Backup> out;
    for (const fs::path& file : backup_files(folder_of(database))) {
        std::error_code ec;
        Backup b;
        b.file = file;
        b.taken_at = local_time_text(iso_utc(*time_of(file)));
        b.size = fs::file_size(file, ec);
        if (ec) b.size = 0;
        out.push_back(std::move(b));
    }
    return out;
}

fs::path BackupFolder::next_file(const std::string& database, Clock::time_point now) const {
    const fs::path folder = folder_of(database);
    const std::vector<fs::path> existing = backup_files(folder);
    Clock::time_point at = std::chrono::time_point_cast<std::chrono::milliseconds>(now);
    // Two opens within a millisecond, or a clock set back: still after the newest one.
    if (!existing.empty())
        if (const auto newest = time_of(existing.front()); newest && *newest >= at) at = *newest + std::chrono::milliseconds(1);
    return folder / path_from_utf8(name_at(at) + extension);
}

std::vector<fs::path> BackupFolder::prune(const std::string& database) const {
    std::vector<fs::path> removed;
    const std::vector<fs::path> files = backup_files(folder_of(database));
    for (std::size_t i = keep_; i < files.size(); ++i) {
        std::error_code ec;
        // Backups are read-only files, which Windows will not delete as they are.
        fs::permissions(files[i], fs::perms::owner_write, fs::perm_options::add, ec);
        if (fs::remove(files[i], ec)) removed.push_back(files[i]);
    }
    return removed;
}

PendingBackup::PendingBackup(const Store& store, BackupFolder folder) : database_(store.path()), folder_(std::move(folder)) {
    try {
        snapshot_ = std::make_unique<Store>(store.scratch_copy());
    } catch (...) {
        error_ = error_text_now();
    }
}

PendingBackup::~PendingBackup() = default;
PendingBackup::PendingBackup(PendingBackup&&) noexcept = default;

BackupOutcome PendingBackup::write() noexcept {
    BackupOutcome outcome;
    try {
        if (!snapshot_) throw Error(error_);
        const fs::path folder = folder_.folder_of(database_);
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) throw Error(file_error_text(ec.value(), folder));
        // For someone looking in the folder: which database these are the backups of.
        const fs::path note = folder / "database.txt";
        if (!fs::exists(note, ec)) write_file_atomically(note, database_ + "\n");
        const fs::path file = folder_.next_file(database_, Clock::now());
        snapshot_->save_copy(path_to_utf8(file));
        snapshot_.reset();
        fs::permissions(file, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove, ec);
        folder_.prune(database_);
        outcome.ok = true;
        outcome.file = file;
    } catch (...) {
        outcome.error = error_text_now();
    }
    return outcome;
}

BackupOutcome back_up_now(const Store& store, const BackupFolder& folder) { return PendingBackup(store, folder).write(); }

void restore_backup(const fs::path& backup, const std::string& target) {
    fs::path wal = path_from_utf8(target);
    wal += "-wal";
    std::error_code ec;
    if (fs::file_size(wal, ec) > 0 && !ec)
        throw StoreError(StoreError::Kind::Busy,
                         format(tr(N_("{1} has changes that were not yet written into it ({2}): it is open in another "
                                      "program, or was when it stopped. Close it there, or restore the backup as a new "
                                      "file.")),
                                {target, path_to_utf8(wal)}));
    // The backup itself is never opened, so it stays as it was whoever runs this: a working
    // copy beside the target is opened (which upgrades a backup from an older Fidelis),
    // checked whole, and copied into place through SQLite, synced and renamed.
    fs::path work = path_from_utf8(target);
    work += ".restoring-" + name_at(Clock::now());
    auto remove_work = [&] {
        std::error_code ignored;
        for (const char* side : {"", "-wal", "-shm", "-journal"}) {
            fs::path f = work;
            f += side;
            fs::remove(f, ignored);
        }
    };
    try {
        fs::copy_file(backup, work, ec);
        if (ec) throw Error(file_error_text(ec.value(), ec.value() == ENOENT ? backup : work));
        fs::permissions(work, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add, ec);
        Store copy = Store::open(path_to_utf8(work));
        if (!copy.check().empty())
            throw StoreError(StoreError::Kind::Corrupt,
                             format(tr(N_("The backup {1} is damaged too; choose another one.")), {path_to_utf8(backup)}));
        copy.save_copy(target);
    } catch (const StoreError& e) {
        remove_work();
        if (e.kind() == StoreError::Kind::Corrupt || e.kind() == StoreError::Kind::NotFidelis)
            throw StoreError(StoreError::Kind::Corrupt,
                             format(tr(N_("The backup {1} is damaged too; choose another one.")), {path_to_utf8(backup)}));
        throw;
    } catch (...) {
        remove_work();
        throw;
    }
    remove_work();
}

fs::path set_aside(const std::string& database) {
    const fs::path file = path_from_utf8(database);
    const std::string stamp = name_at(Clock::now());
    fs::path aside = file;
    aside += ".damaged-" + stamp;
    std::error_code ec;
    fs::rename(file, aside, ec);
    if (ec) throw Error(file_error_text(ec.value(), file));
    for (const char* side : {"-wal", "-shm", "-journal"}) {
        fs::path from = file, to = aside;
        from += side;
        to += side;
        if (fs::exists(from, ec)) fs::rename(from, to, ec);
    }
    return aside;
}

}  // namespace fidelis
