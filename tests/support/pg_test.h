#pragma once
// The private PostgreSQL that tests/support/pg_server.sh starts for CTest: raw SQL on it
// and fresh databases owned by fidelis_owner, for the server tests and for the store's
// whole suite run on the server (test_store_server).
#include <catch2/catch.hpp>
#include <libpq-fe.h>

#include <cstdlib>
#include <string>

namespace fidelis::test {

inline std::string pg_socket_dir() {
    const char* dir = std::getenv("FIDELIS_TEST_PG_SOCKET");
    if (!dir || !*dir) FAIL("FIDELIS_TEST_PG_SOCKET is not set: run the tests through CTest, which starts the server");
    return dir;
}

// Raw SQL on the private server, as `user` (the owner by default); the first column of the
// first row, the affected row count, or the error's SQLSTATE prefixed with "error ".
inline std::string sql(const std::string& db, const std::string& statement, const std::string& user = "fidelis_owner",
                       const std::string& password = {}) {
    const std::string conninfo = "host=" + pg_socket_dir() + " dbname=" + db + " user=" + user +
                                 (password.empty() ? "" : " password=" + password);
    PGconn* c = PQconnectdb(conninfo.c_str());
    REQUIRE(PQstatus(c) == CONNECTION_OK);
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
    PGresult* r = PQexec(c, statement.c_str());
    std::string out;
    const ExecStatusType s = PQresultStatus(r);
    if (s == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
    else if (s == PGRES_COMMAND_OK) out = PQcmdTuples(r);
    else if (s != PGRES_TUPLES_OK) {
        const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        out = std::string("error ") + (state ? state : "");
    }
    PQclear(r);
    PQfinish(c);
    return out;
}

inline std::string server_address(const std::string& name, const std::string& user = "fidelis_owner") {
    return "postgresql:///" + name + "?host=" + pg_socket_dir() + "&user=" + user;
}

// A new empty database owned by fidelis_owner, and its address as the app takes it.
inline std::string new_database(const std::string& name) {
    sql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    REQUIRE(sql("postgres", "CREATE DATABASE " + name).rfind("error", 0) != 0);
    return server_address(name);
}

inline std::string as_login(const std::string& name, const std::string& login, const std::string& password) {
    return server_address(name, login) + "&password=" + password;
}

}  // namespace fidelis::test
