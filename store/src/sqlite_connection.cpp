// The SQLite backend: opening a file in the modes the store needs, statements, and one
// sentence of ours for each kind of SQLite failure.
#include "sqlite_connection.h"

#include "base/i18n.h"

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

class SqliteCursor final : public sql::Cursor {
public:
    SqliteCursor(const SqliteConnection& db, const char* sql) : db_(db) {
        const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt_);
            db.fail(rc);
        }
    }
    ~SqliteCursor() override { sqlite3_finalize(stmt_); }

    void bind_int64(int index, std::int64_t value) override { check(sqlite3_bind_int64(stmt_, index, value)); }
    void bind_double(int index, double value) override { check(sqlite3_bind_double(stmt_, index, value)); }
    void bind_text(int index, std::string_view value) override {
        check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }
    void bind_null(int index) override { check(sqlite3_bind_null(stmt_, index)); }
    bool step() override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        db_.fail(rc);
    }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const override { return sqlite3_column_double(stmt_, column); }
    std::string text(int column) const override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) db_.fail(rc);
    }
    const SqliteConnection& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, Database::Mode mode, int busy_ms) : path_(path) {
    // Read-only use still opens for writing when the file allows it, and then forbids every
    // change (query_only): a truly read-only connection cannot tidy away the -wal file when
    // it closes, and would leave it beside the user's database.
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI;
    std::string name = file_uri(path);
    if (mode == Database::Mode::Create) flags |= SQLITE_OPEN_CREATE;
    if (mode == Database::Mode::Immutable) {
        flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name += "?immutable=1";
    }
    if (mode == Database::Mode::Memory) {
        flags |= SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY;
        name = ":memory:";
    }
    const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        // The handle must go before the exception: the destructor does not run.
        sqlite3_close_v2(db_);
        db_ = nullptr;
        fail(rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_ms);
    if (mode != Database::Mode::Immutable && mode != Database::Mode::Memory) {
        // Before the first read, so that WAL never creates or maps a -shm file.
        if (const int q = sqlite3_exec(db_, "PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr, nullptr);
            q != SQLITE_OK) {
            sqlite3_close_v2(db_);
            db_ = nullptr;
            fail(q);
        }
    }
    read_only_ = mode == Database::Mode::Immutable || sqlite3_db_readonly(db_, "main") == 1;
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

std::unique_ptr<sql::Cursor> SqliteConnection::prepare(const char* sql) {
    return std::make_unique<SqliteCursor>(*this, sql);
}

void SqliteConnection::exec(const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc);
}

void SqliteConnection::exec_quietly(const char* sql) noexcept { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

std::int64_t SqliteConnection::last_insert_id() { return sqlite3_last_insert_rowid(db_); }
int SqliteConnection::changes() const { return sqlite3_changes(db_); }
bool SqliteConnection::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void SqliteConnection::forbid_writes() {
    if (sqlite3_db_readonly(db_, "main") != 1) exec("PRAGMA query_only = ON");
    read_only_ = true;
}

void SqliteConnection::fail(int code, const std::string& context) const {
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

Database::Database(const std::string& path, Mode mode, int busy_ms) : path_(path) {
    auto connection = std::make_unique<SqliteConnection>(path, mode, busy_ms);
    read_only_ = connection->opened_read_only();
    connection_ = std::move(connection);
    if (mode == Mode::ReadOnly) forbid_writes();
}

SqliteConnection* Database::sqlite() const { return dynamic_cast<SqliteConnection*>(connection_.get()); }

}  // namespace fidelis
