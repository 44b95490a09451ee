#include "store/sqlite.h"

#include "base/i18n.h"
#include "base/utf8.h"

#include <sqlite3.h>

namespace fidelis {
namespace {

StoreError::Kind kind_of(int code) {
    switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreError::Kind::Busy;
    case SQLITE_READONLY:
    case SQLITE_PERM: return StoreError::Kind::ReadOnly;
    case SQLITE_CORRUPT: return StoreError::Kind::Corrupt;
    case SQLITE_NOTADB: return StoreError::Kind::NotFidelis;
    case SQLITE_CANTOPEN: return StoreError::Kind::NotFound;
    case SQLITE_CONSTRAINT: return StoreError::Kind::Invalid;
    case SQLITE_IOERR:
    case SQLITE_FULL: return StoreError::Kind::Io;
    default: return StoreError::Kind::Sql;
    }
}

// Text is stored as valid UTF-8 without control characters (newline and tab excepted),
// so whatever a user pasted can always be exported as XML and drawn in a PDF.
bool needs_cleaning(std::string_view text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
    return !utf8::is_valid(text);
}

}  // namespace

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void Statement::Finalizer::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

namespace {

// A file: URI for a path, so a name with '?' or '#' still means that file.
std::string file_uri(const std::string& path) {
    std::string out = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x20) {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

Database::Database(const std::string& path, Mode mode, int busy_ms) : path_(path) {
    // Read-only use still opens for writing when the file allows it, and then forbids every
    // change (query_only): a truly read-only connection cannot tidy away the -wal file when
    // it closes, and would leave it beside the user's database.
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI;
    std::string name = file_uri(path);
    if (mode == Mode::Create) flags |= SQLITE_OPEN_CREATE;
    if (mode == Mode::Immutable) {
        flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name += "?immutable=1";
    }
    if (mode == Mode::Memory) {
        flags |= SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY;
        name = ":memory:";
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) fail(rc);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, busy_ms);
    if (mode != Mode::Immutable && mode != Mode::Memory) {
        // Before the first read, so that WAL never creates or maps a -shm file.
        if (const int q = sqlite3_exec(raw, "PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr, nullptr); q != SQLITE_OK)
            fail(q);
    }
    read_only_ = mode == Mode::Immutable || sqlite3_db_readonly(raw, "main") == 1;
    if (mode == Mode::ReadOnly && !read_only_) {
        if (const int q = sqlite3_exec(raw, "PRAGMA query_only = ON", nullptr, nullptr, nullptr); q != SQLITE_OK) fail(q);
        read_only_ = true;
    }
}

void Database::fail(int code, const std::string& context) const {
    // SQLite's own text ("UNIQUE constraint failed: index …") never reaches a user: each
    // kind of failure has a sentence of ours. The code stays for a support question.
    const int primary = code & 0xFF;
    const StoreError::Kind kind = kind_of(code);
    std::string message;
    switch (kind) {
    case StoreError::Kind::Busy:
        message = format(tr(N_("The database {1} is busy: another program is using it. Wait a moment and try "
                                "again, or close the other program.")), {path_});
        break;
    case StoreError::Kind::ReadOnly:
        message = format(tr(N_("The database {1} cannot be written to (it is read-only).")), {path_});
        break;
    case StoreError::Kind::Corrupt:
        message = format(tr(N_("The database {1} is damaged. Open a backup copy instead.")), {path_});
        break;
    case StoreError::Kind::NotFidelis:
        message = format(tr(N_("{1} is not a Fidelis database.")), {path_});
        break;
    case StoreError::Kind::NotFound:
        message = format(tr(N_("The database {1} cannot be opened: the file or its folder is missing or cannot be "
                                "read.")), {path_});
        break;
    case StoreError::Kind::Invalid:
        message = format(tr(N_("The change was not saved: it conflicts with what is already in {1}.")), {path_});
        break;
    case StoreError::Kind::Io:
        message = primary == SQLITE_FULL
                      ? format(tr(N_("The disk is full: the change to {1} was not saved. Free some space and try "
                                     "again.")), {path_})
                      : format(tr(N_("The database {1} could not be read or written (a disk error). The last change "
                                     "was not saved; check the disk and try again.")), {path_});
        break;
    default:
        message = primary == SQLITE_NOMEM
                      ? format(tr(N_("There is not enough memory to work on {1}. Close other programs and try "
                                     "again.")), {path_})
                      : format(tr(N_("Database error in {1} (SQLite code {2}).")), {path_, std::to_string(code)});
        break;
    }
    if (!context.empty()) message += " (" + context + ")";
    throw StoreError(kind, message);
}

void Database::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc);
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::changes() const { return sqlite3_changes(db_.get()); }

Statement::Statement(Database& db, const char* sql) : db_(&db) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &raw, nullptr);
    stmt_.reset(raw);
    if (rc != SQLITE_OK) db.fail(rc);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_.get(), index, value); rc != SQLITE_OK) db_->fail(rc);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(stmt_.get(), index, value); rc != SQLITE_OK) db_->fail(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (needs_cleaning(value)) {
        const std::string clean = utf8::sanitize(value);
        const int rc = sqlite3_bind_text(stmt_.get(), index, clean.data(), static_cast<int>(clean.size()), SQLITE_TRANSIENT);
        if (rc != SQLITE_OK) db_->fail(rc);
        return *this;
    }
    const int rc = sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) db_->fail(rc);
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (const int rc = sqlite3_bind_null(stmt_.get(), index); rc != SQLITE_OK) db_->fail(rc);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail(rc);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column))) : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return real(column);
}

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    if (nested_) {
        sqlite3_exec(db_.handle(), "ROLLBACK TO nested; RELEASE nested", nullptr, nullptr, nullptr);
    } else {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
    done_ = true;
}

}  // namespace fidelis
