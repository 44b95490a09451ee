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

    // Others' committed changes since the last call, from LISTEN/NOTIFY on channel
    // "fidelis" (server_schema.cpp's triggers): payloads such as "round 12" or "county".
    // Never blocks; this connection's own changes are left out.
    std::vector<std::string> notifications() override;

    const std::string& label() const { return label_; }
    pg_conn* handle() const { return conn_; }
    // Runs one statement with text parameters (nullptr for NULL); the result is the caller's.
    pg_result* run(const char* sql, int count, const unsigned int* types, const char* const* values);

private:
    void check(pg_result* r);
    // A connection the server dropped (a restart, a network break, a terminated backend)
    // is made again once, and the session set up again, before a statement that does not
    // continue a transaction: that statement then runs as if nothing happened. Inside a
    // transaction the work is lost and reported; the next one reconnects.
    bool revive();
    void set_up_session();
    template <class Run>
    pg_result* with_revival(Run run);
    [[noreturn]] void fail(const std::string& sqlstate, bool lost) const;
    pg_conn* conn_ = nullptr;
    std::string label_;
    int changes_ = 0;
    bool read_only_ = false;
};

}  // namespace fidelis
