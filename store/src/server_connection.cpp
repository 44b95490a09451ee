// The PostgreSQL backend of store/src/database.h, through libpq: statements with ?N
// parameters sent as $N, results read as text, and one sentence of ours for each kind of
// failure (by SQLSTATE; a failed connection has none, so by libpq's message, which is English
// while LC_MESSAGES is "C"; neither libpq's nor the server's text ever reaches a user).
#include "server_connection.h"

#include "base/i18n.h"
#include "base/words.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace fidelis {
namespace {

constexpr unsigned int int8_oid = 20;
constexpr unsigned int float8_oid = 701;

// ?1 … ?N outside quotes become $1 … $N; everything else stays as written.
std::string dollar_parameters(const char* sql) {
    std::string out;
    char quote = 0;
    for (const char* p = sql; *p; ++p) {
        const char c = *p;
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && p[1] >= '0' && p[1] <= '9') {
            out += '$';
            continue;
        }
        out += c;
    }
    return out;
}

class ServerCursor final : public sql::Cursor {
public:
    ServerCursor(ServerConnection& db, const char* sql) : db_(db), sql_(dollar_parameters(sql)) {}
    ~ServerCursor() override { PQclear(result_); }

    void bind_int64(int index, std::int64_t value) override { set(index, std::to_string(value), int8_oid); }
    void bind_double(int index, double value) override { set(index, shortest_number(value), float8_oid); }
    void bind_text(int index, std::string_view value) override { set(index, std::string(value), 0); }
    void bind_null(int index) override {
        grow(index);
        values_[index - 1].reset();
        types_[index - 1] = 0;
    }
    bool step() override {
        if (!result_) {
            std::vector<const char*> values(values_.size());
            for (std::size_t i = 0; i < values_.size(); ++i) values[i] = values_[i] ? values_[i]->c_str() : nullptr;
            result_ = db_.run(sql_.c_str(), static_cast<int>(values.size()), types_.data(), values.data());
            rows_ = PQntuples(result_);
            row_ = -1;
        }
        return ++row_ < rows_;
    }
    void reset() override {
        PQclear(result_);
        result_ = nullptr;
        values_.clear();
        types_.clear();
    }
    bool is_null(int column) const override { return PQgetisnull(result_, row_, column) == 1; }
    std::int64_t int64(int column) const override {
        const char* p = PQgetvalue(result_, row_, column);
        std::int64_t v = 0;
        std::from_chars(p, p + std::strlen(p), v);
        return v;
    }
    double real(int column) const override {
        const char* p = PQgetvalue(result_, row_, column);
        double v = 0;
        std::from_chars(p, p + std::strlen(p), v);
        return v;
    }
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_, row_, column),
                           static_cast<std::size_t>(PQgetlength(result_, row_, column)));
    }

private:
    void grow(int index) {
        if (static_cast<std::size_t>(index) > values_.size()) {
            values_.resize(static_cast<std::size_t>(index));
            types_.resize(static_cast<std::size_t>(index), 0);
        }
    }
    void set(int index, std::string value, unsigned int type) {
        grow(index);
        values_[index - 1] = std::move(value);
        types_[index - 1] = type;
    }
    ServerConnection& db_;
    std::string sql_;
    std::vector<std::optional<std::string>> values_;
    std::vector<unsigned int> types_;
    PGresult* result_ = nullptr;
    int rows_ = 0;
    int row_ = -1;
};

}  // namespace

std::string server_label(const std::string& uri) {
    // postgresql://user:secret@host/db → postgresql://user@host/db; a key=value string
    // loses its password=… pair.
    std::string label = uri;
    const std::string scheme_end = "://";
    if (const auto s = label.find(scheme_end); s != std::string::npos) {
        const auto start = s + scheme_end.size();
        const auto at = label.find('@', start);
        const auto slash = label.find('/', start);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const auto colon = label.find(':', start);
            if (colon != std::string::npos && colon < at) label.erase(colon, at - colon);
        }
        for (const char* key : {"password=", "sslpassword="}) {
            auto p = label.find(key);
            while (p != std::string::npos) {
                auto end = label.find('&', p);
                label.erase(p, end == std::string::npos ? std::string::npos : end - p + 1);
                p = label.find(key);
            }
        }
        while (!label.empty() && (label.back() == '&' || label.back() == '?')) label.pop_back();
        return label;
    }
    std::string out;
    for (const auto& word : split_words(uri))
        if (word.rfind("password=", 0) != 0) out += (out.empty() ? "" : " ") + word;
    return out;
}

bool is_server_address(const std::string& text) {
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0 ||
           text.rfind("service=", 0) == 0 || text.find("dbname=") != std::string::npos;
}

namespace {

// libpq's messages are read here to choose our own sentence, so they must come in
// English whatever language the window runs in: libpq finds its catalogs through
// PGLOCALEDIR, read once, when it first translates a message.
void keep_libpq_in_english() {
    static const bool done = [] {
#ifdef _WIN32
        _putenv_s("PGLOCALEDIR", "<none>");
#else
        setenv("PGLOCALEDIR", "/nonexistent/fidelis", 1);
#endif
        return true;
    }();
    (void)done;
}

}  // namespace

ServerConnection::ServerConnection(const std::string& uri) : label_(server_label(uri)) {
    keep_libpq_in_english();
    // The app's own name in pg_stat_activity, so IT sees who is connected with what.
    // A server that does not answer is given up on after 10 s (the window waits for it),
    // unless the address says otherwise: keywords in it override the ones before it.
    const char* keys[] = {"connect_timeout", "dbname", "fallback_application_name", nullptr};
    const char* values[] = {"10", uri.c_str(), "Fidelis", nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        const bool needs_password = conn_ && PQconnectionNeedsPassword(conn_);
        const bool used_password = conn_ && PQconnectionUsedPassword(conn_);
        const std::string said = conn_ ? PQerrorMessage(conn_) : "";
        PQfinish(conn_);
        conn_ = nullptr;
        if (needs_password)
            throw StoreError(StoreError::Kind::Denied,
                             format(tr(N_("The server {1} asks for a password, and none was found. Put it in your "
                                          "PostgreSQL password file (~/.pgpass, on Windows "
                                          "%APPDATA%\\postgresql\\pgpass.conf) and try again.")),
                                    {label_}));
        if (used_password || said.find("authentication") != std::string::npos)
            throw StoreError(StoreError::Kind::Denied,
                             format(tr(N_("The server {1} did not accept the login: check the login name and "
                                          "password.")),
                                    {label_}));
        // The server found no pg_hba.conf rule for this login, address and encryption: it is
        // reachable, and the usual cause is a connection without TLS to a server that
        // admits only `hostssl` (before the SSL test: servers before 14 end this with "SSL off").
        if (said.find("pg_hba.conf") != std::string::npos)
            throw StoreError(StoreError::Kind::Denied,
                             format(tr(N_("The server {1} does not admit this login from this computer, or not "
                                          "without TLS (no rule in its pg_hba.conf matches). Put sslmode=verify-full "
                                          "in the address, or ask the server's administrator to admit the login.")),
                                    {label_}));
        // libpq's "root certificate file … does not exist" (or "could not read root
        // certificate file"): the CA file is missing, which must not read as a missing database.
        if (said.find("root certificate file") != std::string::npos)
            throw StoreError(StoreError::Kind::Connection,
                             format(tr(N_("A secure connection to {1} could not be made: the CA certificate to check "
                                          "the server's certificate against was not found or could not be read. Name "
                                          "it with sslrootcert in the address, or put it in ~/.postgresql/root.crt (on "
                                          "Windows %APPDATA%\\postgresql\\root.crt).")),
                                    {label_}));
        if (said.find("does not exist") != std::string::npos)
            throw StoreError(StoreError::Kind::NotFound,
                             format(tr(N_("The server is running, but it has no database or login named as in {1}.")),
                                    {label_}));
        if (said.find("SSL") != std::string::npos || said.find("certificate") != std::string::npos)
            throw StoreError(StoreError::Kind::Connection,
                             format(tr(N_("A secure connection to {1} could not be made: the server's certificate "
                                          "could not be verified (check sslrootcert and the host name).")),
                                    {label_}));
        throw StoreError(StoreError::Kind::Connection,
                         format(tr(N_("The server {1} cannot be reached. Check the address, your network, and that "
                                      "the server is running.")),
                                {label_}));
    }
    // Quiet: notices (e.g. "relation exists, skipping") are not for users.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    set_up_session();
}

void ServerConnection::set_up_session() {
    PQsetClientEncoding(conn_, "UTF8");
    // Every connection listens: a window refreshes what others changed (store.h, others_changes).
    PQclear(PQexec(conn_, "LISTEN fidelis"));
    if (read_only_) PQclear(PQexec(conn_, "SET default_transaction_read_only = on"));
}

bool ServerConnection::revive() {
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return false;
    set_up_session();
    return true;
}

template <class Run>
PGresult* ServerConnection::with_revival(Run run) {
    // Dropped since the last statement (PQstatus only learns of it from a failed one).
    const bool fresh = PQtransactionStatus(conn_) == PQTRANS_IDLE;
    if (PQstatus(conn_) != CONNECTION_OK && !revive()) fail("08006", true);
    PGresult* r = run();
    if (PQstatus(conn_) != CONNECTION_OK && fresh) {
        PQclear(r);
        if (!revive()) fail("08006", true);
        r = run();
    }
    return r;
}

std::vector<std::string> ServerConnection::notifications() {
    std::vector<std::string> out;
    // Asked every few seconds: a dropped connection is made again by the next statement,
    // not here, where waiting for a server that is away would stall the window.
    if (PQstatus(conn_) != CONNECTION_OK) return out;
    PQconsumeInput(conn_);
    const int me = PQbackendPID(conn_);
    while (PGnotify* n = PQnotifies(conn_)) {
        if (n->be_pid != me) out.emplace_back(n->extra);
        PQfreemem(n);
    }
    return out;
}

ServerConnection::~ServerConnection() { PQfinish(conn_); }

std::unique_ptr<sql::Cursor> ServerConnection::prepare(const char* sql) {
    return std::make_unique<ServerCursor>(*this, sql);
}

PGresult* ServerConnection::run(const char* sql, int count, const unsigned int* types, const char* const* values) {
    PGresult* r =
        with_revival([&] { return PQexecParams(conn_, sql, count, types, values, nullptr, nullptr, 0); });
    check(r);
    if (const char* n = PQcmdTuples(r); n && *n) changes_ = std::atoi(n);
    return r;
}

void ServerConnection::check(PGresult* r) {
    const ExecStatusType s = PQresultStatus(r);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state ? state : "";
    const bool lost = PQstatus(conn_) != CONNECTION_OK;
    PQclear(r);
    fail(code, lost);
}

void ServerConnection::fail(const std::string& code, bool lost) const {
    std::string message;
    StoreError::Kind kind = StoreError::Kind::Sql;
    const std::string cls = code.substr(0, 2);
    if (lost || cls == "08" || code == "57P01" || code == "57P02" || code == "57P03") {
        kind = StoreError::Kind::Connection;
        message = format(tr(N_("The connection to the server {1} was lost; the last change was not saved. Check the "
                                "network and try again.")), {label_});
    } else if (code == "42501") {
        kind = StoreError::Kind::Denied;
        message = format(tr(N_("Your login on {1} may not read or change this. Ask your network leader or the "
                                "server's administrator for the rights you need.")), {label_});
    } else if (cls == "23") {
        kind = StoreError::Kind::Invalid;
        message = format(tr(N_("The change was not saved: it conflicts with what is already in {1}.")), {label_});
    } else if (code == "40001" || code == "40P01" || code == "55P03") {
        kind = StoreError::Kind::Busy;
        message = format(tr(N_("The database {1} is busy: someone else is changing the same thing. Wait a moment "
                                "and try again.")), {label_});
    } else if (code == "53100") {
        kind = StoreError::Kind::Io;
        message = format(tr(N_("The server {1} is out of disk space: the change was not saved. Tell the server's "
                                "administrator.")), {label_});
    } else if (code == "25006") {
        kind = StoreError::Kind::ReadOnly;
        message = format(tr(N_("The database {1} cannot be written to (it is read-only).")), {label_});
    } else if (code == "42P01" || code == "3F000") {
        kind = StoreError::Kind::NotFidelis;
        message = format(tr(N_("{1} is not a Fidelis database.")), {label_});
    } else {
        message = format(tr(N_("Database error on the server {1} (PostgreSQL code {2}).")), {label_, code});
    }
    throw StoreError(kind, message);
}

void ServerConnection::exec(const char* sql) {
    PGresult* r = with_revival([&] { return PQexec(conn_, sql); });
    check(r);
    PQclear(r);
}

void ServerConnection::exec_quietly(const char* sql) noexcept { PQclear(PQexec(conn_, sql)); }

std::int64_t ServerConnection::last_insert_id() {
    // The identity value the last INSERT drew (no trigger of ours inserts into a table
    // with an identity, so lastval() is that row's id).
    PGresult* r = PQexec(conn_, "SELECT lastval()");
    check(r);
    std::int64_t v = 0;
    const char* p = PQgetvalue(r, 0, 0);
    std::from_chars(p, p + std::strlen(p), v);
    PQclear(r);
    return v;
}

bool ServerConnection::in_transaction() const {
    const PGTransactionStatusType s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

void ServerConnection::forbid_writes() {
    exec("SET default_transaction_read_only = on");
    read_only_ = true;
}

Database Database::connect_server(const std::string& uri) {
    auto connection = std::make_unique<ServerConnection>(uri);
    std::string label = connection->label();
    return Database(std::move(connection), std::move(label), false);
}

}  // namespace fidelis
