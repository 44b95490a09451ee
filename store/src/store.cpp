// Opening and creating databases; county, municipalities and teams; history. Groupings: groupings.cpp.
#include "store_impl.h"

#include "base/atomic_file.h"
#include "base/collation.h"
#include "base/file_lock.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/user.h"
#include "store/reference_data.h"
#include "store/rules.h"
#include "store/schema.h"
#include "store/uuid.h"

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
    sqlite3_backup* b = sqlite3_backup_init(dest.handle(), "main", source.handle(), "main");
    if (!b) dest.fail(sqlite3_errcode(dest.handle()), label);
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) dest.fail(rc, label);
}

// A copy into the (new, empty) file at `target`, as a self-contained file without a -wal.
void copy_into_file(Database& source, const std::string& target, const std::string& label) {
    Database dest(target, Database::Mode::ReadWrite);
    backup(source, dest, label);
    dest.exec("PRAGMA journal_mode = DELETE");
}

// History entries that mark an event rather than a field's value: never merged.
bool is_event(const char* field) {
    static const char* const events[] = {"created", "added", "removed", "replaced", "imported",
                                         "deleted", "reopened", "status"};
    for (const char* e : events)
        if (std::strcmp(e, field) == 0) return true;
    return false;
}

void configure(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    if (sqlite3_create_collation_v2(db.handle(), "SWEDISH", SQLITE_UTF8, nullptr, swedish_collation, nullptr) !=
        SQLITE_OK)
        db.fail(SQLITE_ERROR);
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

std::string join_numbers(const std::vector<double>& values) {
    std::string out;
    for (double v : values) out += (out.empty() ? "" : " ") + number_text(v);
    return out;
}

std::vector<double> split_numbers(const std::string& text) {
    std::vector<double> out;
    for (const auto& w : split_words(text)) {
        double v = 0;
        std::from_chars(w.data(), w.data() + w.size(), v);
        out.push_back(v);
    }
    return out;
}

std::string optional_text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string optional_text(const std::optional<double>& v) { return v ? number_text(*v) : std::string(); }
std::string optional_text(const std::optional<Date>& v) { return v ? v->iso() : std::string(); }

void not_found(const char* msgid, Id id) {
    throw StoreError(StoreError::Kind::NotFound, format(tr(msgid), {std::to_string(id)}));
}

Statement& Store::Impl::cached(const char* sql) {
    auto it = statements.find(sql);
    if (it == statements.end()) it = statements.emplace(sql, Statement(db, sql)).first;
    it->second.reset();
    return it->second;
}

std::string Store::Impl::new_uuid() const { return uuid_source ? uuid_source() : random_uuid(); }

std::string Store::Impl::now() const {
    if (clock) return clock();
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void Store::Impl::record(const std::string& round_uuid, const char* entity, const std::string& key, const char* field,
                         const std::string& old_value, const std::string& new_value) {
    if (old_value == new_value) return;
    const std::string at = now();
    // Autosave writes a note on every keystroke. Consecutive edits of one field by one
    // person within a few minutes are one change (old value of the first, new value of
    // the last), so the history grows with the text, not with its square.
    if (!is_event(field)) {
        Statement last(db, "SELECT id, actor, old_value, (julianday(?5) - julianday(at)) * 86400.0 FROM history "
                           "WHERE round_uuid = ?1 AND entity = ?2 AND entity_key = ?3 AND field = ?4 "
                           "ORDER BY id DESC LIMIT 1");
        last.with(round_uuid, entity, key, field, at);
        if (last.step() && last.text(1) == actor && !last.is_null(3) && last.real(3) >= 0 &&
            last.real(3) <= history_merge_seconds) {
            const Id id = last.int64(0);
            if (last.text(2) == new_value) Statement(db, "DELETE FROM history WHERE id = ?1").with(id).run();
            else Statement(db, "UPDATE history SET at = ?2, new_value = ?3 WHERE id = ?1").with(id, at, new_value).run();
            return;
        }
    }
    cached("INSERT INTO history (at, actor, round_uuid, entity, entity_key, field, old_value, new_value) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .with(at, actor, round_uuid, entity, key, field, old_value, new_value)
        .run();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const std::string& path, const std::string& county_code, const CreateOptions& options) {
    std::error_code ec;
    if (std::filesystem::exists(path_from_utf8(path), ec))
        throw StoreError(StoreError::Kind::Invalid, format(tr(N_("{1} already exists; choose a new file name.")), {path}));
    const ReferenceData ref = ReferenceData::load();
    const auto county = std::find_if(ref.counties.begin(), ref.counties.end(),
                                     [&](const County& c) { return c.code == county_code; });
    if (county == ref.counties.end())
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("There is no county with code \"{1}\" (use the two-digit code, e.g. 06).")),
                                {county_code}));
    // Built in memory, so nothing half-made ever has the file's name.
    Database db(path, Database::Mode::Memory);
    configure(db);
    schema::migrate(db);
    Transaction tx(db);
    Statement(db, "INSERT INTO meta (key, value) VALUES ('home_county', ?1)").with(county_code).run();
    for (const auto& c : ref.counties)
        Statement(db, "INSERT INTO counties (code, name) VALUES (?1, ?2)").with(c.code, c.name).run();
    for (const auto& m : ref.municipalities)
        Statement(db, "INSERT INTO municipalities (code, name, county_code) VALUES (?1, ?2, ?3)")
            .with(m.code, m.name, m.county_code)
            .run();
    for (const auto& part : ref.parts) {
        const bool in_county = std::all_of(part.municipality_codes.begin(), part.municipality_codes.end(),
                                           [&](const std::string& code) { return code.rfind(county_code, 0) == 0; });
        if (!in_county) continue;
        Statement(db, "INSERT INTO groupings (name, kind) VALUES (?1, 'county-part')").with(part.name).run();
        const Id gid = db.last_insert_id();
        for (const auto& code : part.municipality_codes)
            Statement(db, "INSERT INTO grouping_members (grouping_id, municipality_code) VALUES (?1, ?2)")
                .with(gid, code)
                .run();
    }
    tx.commit();
    {
        auto impl = std::make_unique<Impl>(std::move(db));
        impl->actor = actor_or_default(options.actor);
        Store building(std::move(impl));
        if (options.fill) options.fill(building);
        // Written beside the target and renamed into place only if nothing is there yet:
        // of two programs creating one file, one wins and the other's file is untouched.
        AtomicFile file(path_from_utf8(path), AtomicFile::Mode::NoReplace);
        copy_into_file(building.impl_->db, path_to_utf8(file.temp_path()), path);
        file.commit();
    }
    OpenOptions open_options;
    open_options.actor = options.actor;
    open_options.program = options.program;
    return open(path, open_options);
}

Store Store::open(const std::string& path, OpenOptions options) {
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
    auto impl = std::make_unique<Impl>(std::move(db));
    impl->lock = std::move(lock);
    impl->actor = actor_or_default(options.actor);
    return Store(std::move(impl));
}

const std::string& Store::path() const { return impl_->db.path(); }
bool Store::read_only() const { return impl_->db.read_only(); }
const std::string& Store::actor() const { return impl_->actor; }
void Store::set_uuid_source(std::function<std::string()> source) { impl_->uuid_source = std::move(source); }
void Store::set_clock(std::function<std::string()> now_iso) { impl_->clock = std::move(now_iso); }
Database& Store::database() { return impl_->db; }
Transaction Store::begin() { return Transaction(impl_->db); }

void Store::save_copy(const std::string& target) const {
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

std::vector<std::string> Store::check() { return integrity_problems(impl_->db, true); }

Store Store::scratch_copy() const {
    Database copy(path(), Database::Mode::Memory);
    backup(impl_->db, copy);
    configure(copy);
    auto impl = std::make_unique<Impl>(std::move(copy));
    impl->actor = impl_->actor;
    return Store(std::move(impl));
}

County Store::home_county() {
    Statement st(impl_->db, "SELECT c.code, c.name FROM meta m JOIN counties c ON c.code = m.value "
                            "WHERE m.key = 'home_county'");
    if (!st.step()) return {};
    return County{st.text(0), st.text(1)};
}

std::vector<County> Store::counties() {
    std::vector<County> out;
    Statement st(impl_->db, "SELECT code, name FROM counties ORDER BY code");
    while (st.step()) out.push_back(County{st.text(0), st.text(1)});
    return out;
}

std::vector<Municipality> Store::municipalities(const std::string& county_code) {
    std::vector<Municipality> out;
    Statement st(impl_->db, "SELECT code, name, county_code FROM municipalities "
                            "WHERE ?1 = '' OR county_code = ?1 ORDER BY name COLLATE SWEDISH");
    st.with(county_code);
    while (st.step()) out.push_back(Municipality{st.text(0), st.text(1), st.text(2)});
    return out;
}

std::optional<Municipality> Store::municipality(const std::string& code) {
    Statement st(impl_->db, "SELECT code, name, county_code FROM municipalities WHERE code = ?1");
    st.with(code);
    if (!st.step()) return std::nullopt;
    return Municipality{st.text(0), st.text(1), st.text(2)};
}

namespace {

const char* const team_columns =
    "SELECT t.id, t.uuid, t.name, t.municipality_code, m.name, t.method, t.active FROM teams t "
    "JOIN municipalities m ON m.code = t.municipality_code ";

Team read_team(const Statement& st) {
    return Team{st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4),
                method_from(st.text(5)).value_or(Method::SE), st.int64(6) != 0};
}

}  // namespace

std::vector<Team> Store::teams() {
    std::vector<Team> out;
    Statement st(impl_->db, (std::string(team_columns) +
                             "ORDER BY m.name COLLATE SWEDISH, t.name COLLATE SWEDISH").c_str());
    while (st.step()) out.push_back(read_team(st));
    return out;
}

Team Store::team(Id id) {
    Statement st(impl_->db, (std::string(team_columns) + "WHERE t.id = ?1").c_str());
    st.with(id);
    if (!st.step()) not_found(N_("There is no team with id {1}."), id);
    return read_team(st);
}

std::optional<Team> Store::team_by_uuid(const std::string& uuid) {
    Statement st(impl_->db, (std::string(team_columns) + "WHERE t.uuid = ?1").c_str());
    st.with(uuid);
    if (!st.step()) return std::nullopt;
    return read_team(st);
}

Id Store::add_team(const std::string& municipality_code, const std::string& name, Method method,
                   const std::string& uuid) {
    if (!municipality(municipality_code))
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("There is no municipality with code \"{1}\".")), {municipality_code}));
    rules::check_team(Team{0, uuid, name, municipality_code, {}, method, true});
    Transaction tx(impl_->db);
    Statement(impl_->db, "INSERT INTO teams (uuid, name, municipality_code, method) VALUES (?1, ?2, ?3, ?4)")
        .with(uuid.empty() ? impl_->new_uuid() : uuid, name, municipality_code, std::string(code_of(method)))
        .run();
    const Id id = impl_->db.last_insert_id();
    tx.commit();
    return id;
}

void Store::update_team(const Team& t) {
    rules::check_team(t);
    Transaction tx(impl_->db);
    const Team old = team(t.id);
    Statement(impl_->db, "UPDATE teams SET name = ?2, method = ?3, active = ?4 WHERE id = ?1")
        .with(t.id, t.name, std::string(code_of(t.method)), t.active ? 1 : 0)
        .run();
    impl_->record("", "team", old.uuid, "name", old.name, t.name);
    impl_->record("", "team", old.uuid, "method", code_of(old.method), code_of(t.method));
    impl_->record("", "team", old.uuid, "active", old.active ? "1" : "0", t.active ? "1" : "0");
    tx.commit();
}

std::vector<HistoryEntry> Store::history(Id round_id) {
    const Round r = round(round_id);
    std::vector<HistoryEntry> out;
    Statement st(impl_->db, "SELECT at, actor, round_uuid, entity, entity_key, field, old_value, new_value "
                            "FROM history WHERE round_uuid = ?1 ORDER BY id");
    st.with(r.uuid);
    while (st.step())
        out.push_back(HistoryEntry{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                                   st.text(7)});
    return out;
}

}  // namespace fidelis
