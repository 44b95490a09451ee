#pragma once
// The PostgreSQL backend of store/src/database.h (libpq). A county's shared database: many
// people at once, each with a login whose rights the server enforces (server_schema.cpp).
#include "database.h"
#include "store/server.h"

struct pg_conn;
struct pg_result;

namespace fidelis {

// The address without any password, for messages and the title bar.
std::string server_label(const std::string& uri);

class ServerConnection final : public sql::Connection {
public:
    explicit ServerConnection(const std::string& uri);
    ~ServerConnection() override;

    Dialect dialect() const override { return Dialect::PostgreSQL; }
    std::unique_ptr<sql::Cursor> prepare(const char* sql) override;
    void exec(const char* sql) override;
    void exec_quietly(const char* sql) noexcept override;
    std::int64_t last_insert_id() override;
    int changes() const override { return changes_; }
    bool in_transaction() const override;
    void forbid_writes() override;

    const std::string& label() const { return label_; }
    pg_conn* handle() const { return conn_; }
    // Runs one statement with text parameters (nullptr for NULL); the result is the caller's.
    pg_result* run(const char* sql, int count, const unsigned int* types, const char* const* values);

private:
    void check(pg_result* r);
    [[noreturn]] void fail(const std::string& sqlstate, bool lost) const;
    pg_conn* conn_ = nullptr;
    std::string label_;
    int changes_ = 0;
};

}  // namespace fidelis
