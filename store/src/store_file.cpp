// A county's database as one SQLite file: creating it atomically, opening it with the
// single-owner lock, read-only media, integrity checks, and consistent copies.
#include "store_impl.h"

#include "base/atomic_file.h"
#include "base/collation.h"
#include "base/file_lock.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/user.h"
#include "sqlite_connection.h"
#include "schema.h"
#include "store_copy.h"

#include <sqlite3.h>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>

namespace fidelis {
namespace {

int swedish_collation(void*, int la, const void* a, int lb, const void* b) {
    return swedish_compare(std::string_view(static_cast<const char*>(a), std::size_t(la)),
                           std::string_view(static_cast<const char*>(b), std::size_t(lb)));
}

// Who a change is by when no name was given: the OS user's full name (base/user.h).

std::string actor_or_default(const std::string& actor) { return actor.empty() ? os_user_full_name() : actor; }

std::string program_or_default(const std::string& program) {
    if (!program.empty()) return program;
    const std::string stem = path_to_utf8(paths::executable_path().stem());
    return stem.empty() ? std::string("Fidelis") : stem;
}

bool can_write(const std::filesystem::path& file) {
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
#ifdef _WIN32
    return _waccess(file.c_str(), 6) == 0 && _waccess(folder.c_str(), 2) == 0;
#else
    return ::access(file.c_str(), R_OK | W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
#endif
}

// "open in Fidelis on this computer since 09:12 (Anna Berg)": what a second program says.
std::string held_message(const std::string& path, const LockHolder& h) {
    std::string since = h.since;
    if (const auto day = Date::try_parse(since.substr(0, 10))) {
        const std::string time = since.size() >= 16 ? since.substr(11, 5) : "";
        since = *day == Date::today() ? time : day->iso() + " " + time;
    }
    const std::string program = h.program.empty() ? std::string("Fidelis") : h.program;
    const std::string who = h.user.empty() ? std::string("?") : h.user;
    if (h.host.empty() || h.host == FileLock::this_host())
        return format(tr(N_("{1} is open in {2} on this computer since {3} (user {4}). Close it there, or wait until "
                            "it is closed, and try again.")),
                      {path, program, since, who});
    return format(tr(N_("{1} is open in {2} on the computer {5} since {3} (user {4}). Close it there, or wait until "
                        "it is closed, and try again.")),
                  {path, program, since, who, h.host});
}

// A consistent copy of the whole of `source` into `dest`, through SQLite's backup API.
void backup(Database& source, Database& dest, const std::string& label = {}) {
    SqliteConnection& to = *dest.sqlite();
    sqlite3_backup* b = sqlite3_backup_init(to.handle(), "main", source.sqlite()->handle(), "main");
    if (!b) to.fail(sqlite3_errcode(to.handle()), label);
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) to.fail(rc, label);
}

// A copy into the (new, empty) file at `target`, as a self-contained file without a -wal.
void copy_into_file(Database& source, const std::string& target, const std::string& label) {
    Database dest(target, Database::Mode::ReadWrite);
    backup(source, dest, label);
    dest.exec("PRAGMA journal_mode = DELETE");
}


void configure(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    SqliteConnection& c = *db.sqlite();
    if (sqlite3_create_collation_v2(c.handle(), "SWEDISH", SQLITE_UTF8, nullptr, swedish_collation, nullptr) !=
        SQLITE_OK)
        c.fail(SQLITE_ERROR);
    if (db.read_only()) return;
    // WAL makes each autosave one append to the log; FULL makes every commit durable even
    // if the machine loses power right after.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
}

void check_is_fidelis(Database& db) {
    Statement app(db, "PRAGMA application_id");
    app.step();
    if (app.integer(0) != schema::application_id)
        throw StoreError(StoreError::Kind::NotFidelis, format(tr(N_("{1} is not a Fidelis database.")), {db.path()}));
}

// SQLite's own description of each problem: for `fidelis-cli db check --details`, never
// for a message.
std::vector<std::string> integrity_problems(Database& db, bool full) {
    Statement st(db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    std::vector<std::string> problems;
    while (st.step())
        if (st.text(0) != "ok") problems.push_back(st.text(0));
    return problems;
}

void throw_damaged(const Database& db, std::size_t problems) {
    throw StoreError(StoreError::Kind::Corrupt,
                     format(trn("The database {1} is damaged ({2} problem found). Open a backup copy instead.",
                                "The database {1} is damaged ({2} problems found). Open a backup copy instead.",
                                static_cast<unsigned long>(problems)),
                            {db.path(), std::to_string(problems)}));
}

// At every open, only what costs nothing whatever the file's size: the header, the schema
// and a first read (a whole-file check of a national database took 0.5 s). The full check
// runs after an unclean shutdown (a -wal was left behind), before a copy is saved, and on
// demand (fidelis-cli db check).
void check_at_open(Database& db, bool after_crash) {
    if (after_crash) {
        if (const auto problems = integrity_problems(db, false); !problems.empty()) throw_damaged(db, problems.size());
        return;
    }
    Statement(db, "SELECT count(*) FROM sqlite_master").run();
    Statement(db, "SELECT count(*) FROM meta").run();
}

}  // namespace

Store StoreAccess::create_file(const std::string& path, const std::string& county_code, const Store::CreateOptions& options) {
    const ReferenceData ref = reference_for_county(county_code);
    return build_file(path, options, [&](Database& db) { fill_reference_data(db, county_code, ref); });
}

Store StoreAccess::build_file(const std::string& path, const Store::CreateOptions& options,
                              const std::function<void(Database&)>& fill_rows) {
    std::error_code ec;
    if (std::filesystem::exists(path_from_utf8(path), ec))
        throw StoreError(StoreError::Kind::Invalid, format(tr(N_("{1} already exists; choose a new file name.")), {path}));
    // Built in memory, so nothing half-made ever has the file's name.
    Database db(path, Database::Mode::Memory);
    configure(db);
    schema::migrate(db);
    fill_rows(db);
    {
        auto impl = std::make_unique<Store::Impl>(std::move(db));
        impl->actor = actor_or_default(options.actor);
        Store building = make(std::move(impl));
        if (options.fill) options.fill(building);
        // Written beside the target and renamed into place only if nothing is there yet:
        // of two programs creating one file, one wins and the other's file is untouched.
        AtomicFile file(path_from_utf8(path), AtomicFile::Mode::NoReplace);
        copy_into_file(building.impl_->db, path_to_utf8(file.temp_path()), path);
        file.commit();
    }
    Store::OpenOptions open_options;
    open_options.actor = options.actor;
    open_options.program = options.program;
    return open_file(path, open_options);
}

Store StoreAccess::open_file(const std::string& path, Store::OpenOptions options) {
    const std::filesystem::path file = path_from_utf8(path);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw StoreError(StoreError::Kind::NotFound, format(tr(N_("There is no database at {1}.")), {path}));
    if (std::filesystem::is_directory(file, ec))
        throw StoreError(StoreError::Kind::NotFidelis, format(tr(N_("{1} is a folder, not a Fidelis database.")), {path}));
    std::filesystem::path wal = file;
    wal += "-wal";
    // A clean close leaves no -wal: one that is there means the last program to have the
    // file was killed or lost power.
    const bool after_crash = std::filesystem::file_size(wal, ec) > 0 && !ec;
    ec.clear();
    std::unique_ptr<FileLock> lock;
    bool immutable = !can_write(file);
    if (!immutable) {
        FileLock::Attempt attempt = FileLock::acquire(file, program_or_default(options.program), options.busy_ms);
        if (attempt.holder) throw StoreError(StoreError::Kind::Busy, held_message(path, *attempt.holder));
        lock = std::move(attempt.lock);
        immutable = !lock;  // the lock file cannot be made: the folder is read-only to us
    }
    if (immutable) {
        // Nothing can write here, so nobody else can change it either; but changes still
        // in a -wal file would need writing into the database to be seen.
        if (after_crash)
            throw StoreError(StoreError::Kind::ReadOnly,
                             format(tr(N_("{1} has changes that were not yet written into it (in {2}), and its folder "
                                          "cannot be written to. Copy both files to a folder you can write to and "
                                          "open the copy.")),
                                    {path, path_to_utf8(wal)}));
    }
    // Read-only use of a writable file still upgrades an older schema first: that is the
    // program's business, not a change of the user's, and reports must work on old files.
    Database db(path, immutable ? Database::Mode::Immutable : Database::Mode::ReadWrite, options.busy_ms);
    check_is_fidelis(db);
    configure(db);
    const int version = schema::version_of(db);
    if (version > schema::current_version || !db.read_only()) {
        schema::migrate(db);
        if (options.read_only) db.forbid_writes();
    } else if (version < schema::current_version) {
        throw StoreError(StoreError::Kind::ReadOnly,
                         format(tr(N_("{1} was made by an older Fidelis and must be upgraded, which needs write "
                                      "access. Open it once with write access.")),
                                {path}));
    }
    check_at_open(db, after_crash);
    auto impl = std::make_unique<Store::Impl>(std::move(db));
    impl->lock = std::move(lock);
    impl->actor = actor_or_default(options.actor);
    return make(std::move(impl));
}


void Store::save_copy(const std::string& target) const {
    if (!impl_->db.sqlite()) {
        // A server's database saved as a file: copied table by table (store_copy.cpp).
        Database memory(target, Database::Mode::Memory);
        configure(memory);
        schema::migrate(memory);
        copy_database(impl_->db, memory, {});
        AtomicFile file(path_from_utf8(target), AtomicFile::Mode::Replace);
        copy_into_file(memory, path_to_utf8(file.temp_path()), target);
        file.commit();
        return;
    }
    std::error_code ec;
    if (std::filesystem::equivalent(path_from_utf8(target), path_from_utf8(path()), ec))
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("{1} is the database itself; choose another name for the copy.")), {target}));
    // A copy of a damaged file would be damaged too; better to say so now than find out
    // when the copy is needed.
    if (const auto problems = integrity_problems(impl_->db, false); !problems.empty())
        throw_damaged(impl_->db, problems.size());
    AtomicFile file(path_from_utf8(target), AtomicFile::Mode::Replace);
    copy_into_file(impl_->db, path_to_utf8(file.temp_path()), target);
    file.commit();
}

std::vector<std::string> Store::check() {
    // A server checks its own pages (and IT its backups); there is nothing for us to scan.
    if (!impl_->db.sqlite()) return {};
    return integrity_problems(impl_->db, true);
}

Store Store::scratch_copy() const {
    Database copy(path(), Database::Mode::Memory);
    if (impl_->db.sqlite()) {
        backup(impl_->db, copy);
        configure(copy);
    } else {
        configure(copy);
        schema::migrate(copy);
        copy_database(impl_->db, copy, {});
    }
    auto impl = std::make_unique<Impl>(std::move(copy));
    impl->actor = impl_->actor;
    return Store(std::move(impl));
}
}  // namespace fidelis
