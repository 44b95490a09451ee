#pragma once
// A thin RAII layer over SQLite with one error policy: every failure becomes a
// StoreError whose kind the app can act on (busy, read-only, newer, corrupt…) and whose
// message a user can read.
#include "base/error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace fidelis {

class StoreError : public Error {
public:
    enum class Kind { Busy, ReadOnly, NewerVersion, Corrupt, NotFidelis, NotFound, Invalid, Locked, Io, Sql };
    StoreError(Kind kind, const std::string& message) : Error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class Database {
public:
    enum class Mode {
        ReadWrite,
        ReadOnly,   // a writable file, with every change forbidden (query_only)
        Create,
        Immutable,  // a file on a read-only medium: no locks, no journal, nothing written
        Memory,     // a private in-memory database; `path` only names it in messages
    };
    // Opens without creating unless mode is Create. Waits up to `busy_ms` for a writer.
    // Every mode but Immutable takes SQLite's lock in exclusive mode on first use: the
    // process holds the file (store.h says why), and WAL then needs no -shm file.
    Database(const std::string& path, Mode mode, int busy_ms = 5000);
    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    void exec(const char* sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() const { return db_.get(); }
    const std::string& path() const { return path_; }
    bool read_only() const { return read_only_; }

    // Throws the StoreError matching SQLite's result code, naming the file.
    [[noreturn]] void fail(int code, const std::string& context = {}) const;

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    std::unique_ptr<sqlite3, Closer> db_;
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

    bool step();  // true while there is a row
    void run();   // steps to completion
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;
    std::optional<double> optional_real(int column) const;

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* s) const;
    };
    Database* db_;
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// BEGIN IMMEDIATE on construction; rolls back in the destructor unless committed, so an
// exception anywhere in a multi-step change leaves the database as it was. Inside another
// transaction it becomes a savepoint, so one edit can also be part of a larger import.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace fidelis
