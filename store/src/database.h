#pragma once
// The store's one door to SQL, the same whether the database is a SQLite file or a
// PostgreSQL server: a Database (a connection), Statements on it with ?1, ?2… parameters,
// and Transactions (store/transaction.h). The SQL the store writes is the part both engines
// read alike; where they differ, code asks dialect(). Every failure becomes a StoreError
// (store/error.h) with a sentence of ours. Internal to the store: nothing outside store/
// sees SQL.
#include "store/error.h"
#include "store/transaction.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

namespace fidelis {

enum class Dialect { SQLite, PostgreSQL };

namespace sql {

// One prepared statement of a backend. Columns and parameters count as the backend's do
// (parameters from 1, columns from 0).
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual void bind_int64(int index, std::int64_t value) = 0;
    virtual void bind_double(int index, double value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;  // valid UTF-8
    virtual void bind_null(int index) = 0;
    virtual bool step() = 0;
    virtual void reset() = 0;
    virtual bool is_null(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string text(int column) const = 0;
};

// One connection of a backend.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;
    virtual std::unique_ptr<Cursor> prepare(const char* sql) = 0;
    virtual void exec(const char* sql) = 0;
    // Runs without throwing: for rolling back in a destructor.
    virtual void exec_quietly(const char* sql) noexcept = 0;
    virtual std::int64_t last_insert_id() = 0;
    virtual int changes() const = 0;
    virtual bool in_transaction() const = 0;
    virtual void forbid_writes() = 0;
    // What others changed since the last call (a server's notifications); a file has no
    // others, so nothing.
    virtual std::vector<std::string> notifications() { return {}; }
};

}  // namespace sql

class SqliteConnection;

class Database {
public:
    enum class Mode {
        ReadWrite,
        ReadOnly,   // a writable file, with every change forbidden (query_only)
        Create,
        Immutable,  // a file on a read-only medium: no locks, no journal, nothing written
        Memory,     // a private in-memory database; `path` only names it in messages
    };
    // A SQLite file. Opens without creating unless mode is Create. Waits up to `busy_ms`
    // for a writer. Every mode but Immutable takes SQLite's lock in exclusive mode on first
    // use: the process holds the file (store.h says why), and WAL then needs no -shm file.
    Database(const std::string& path, Mode mode, int busy_ms = 5000);
    // A PostgreSQL server, from a libpq connection string or URI (server_connection.cpp).
    // `label` names it in messages and title bars: the URI without any password.
    static Database connect_server(const std::string& uri);

    Database(std::unique_ptr<sql::Connection> connection, std::string label, bool read_only);
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    Dialect dialect() const { return connection_->dialect(); }
    void exec(const char* sql) { connection_->exec(sql); }
    // From now on every change is refused, as in Mode::ReadOnly.
    void forbid_writes();
    std::int64_t last_insert_id() const { return connection_->last_insert_id(); }
    int changes() const { return connection_->changes(); }
    bool in_transaction() const { return connection_->in_transaction(); }
    const std::string& path() const { return path_; }
    bool read_only() const { return read_only_; }
    sql::Connection& connection() const { return *connection_; }
    std::vector<std::string> notifications() { return connection_->notifications(); }
    // The SQLite file's connection (backup, collation, pragmas); nullptr on a server.
    SqliteConnection* sqlite() const;

private:
    std::unique_ptr<sql::Connection> connection_;
    std::string path_;
    bool read_only_ = false;
};

class Statement {
public:
    Statement(Database& db, const char* sql);
    Statement(Statement&&) noexcept = default;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }
    // Binds each argument to ?1, ?2, … in order.
    template <class... Args>
    Statement& with(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    bool step() { return cursor_->step(); }  // true while there is a row
    void run();                              // steps to completion
    void reset() { cursor_->reset(); }

    bool is_null(int column) const { return cursor_->is_null(column); }
    std::int64_t int64(int column) const { return cursor_->int64(column); }
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const { return cursor_->real(column); }
    std::string text(int column) const { return cursor_->text(column); }
    std::optional<std::string> optional_text(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;
    std::optional<double> optional_real(int column) const;

private:
    std::unique_ptr<sql::Cursor> cursor_;
};

}  // namespace fidelis
