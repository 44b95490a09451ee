#pragma once
// The SQLite backend of store/src/database.h: one file (or a private in-memory database),
// with SQLite's result codes turned into StoreErrors with sentences of ours.
#include "database.h"

struct sqlite3;

namespace fidelis {

class SqliteConnection final : public sql::Connection {
public:
    SqliteConnection(const std::string& path, Database::Mode mode, int busy_ms);
    ~SqliteConnection() override;

    Dialect dialect() const override { return Dialect::SQLite; }
    std::unique_ptr<sql::Cursor> prepare(const char* sql) override;
    void exec(const char* sql) override;
    void exec_quietly(const char* sql) noexcept override;
    std::int64_t last_insert_id() override;
    int changes() const override;
    bool in_transaction() const override;
    void forbid_writes() override;

    sqlite3* handle() const { return db_; }
    bool opened_read_only() const { return read_only_; }
    // Throws the StoreError matching SQLite's result code, naming the file.
    [[noreturn]] void fail(int code, const std::string& context = {}) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    bool read_only_ = false;
};

}  // namespace fidelis
