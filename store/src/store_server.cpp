// A county's database on a PostgreSQL server: `server init` (Store::create on an address),
// opening it as a login, the logins and their rights, and `db copy` between a file and a
// server.
#include "store_impl.h"

#include "base/i18n.h"
#include "server_connection.h"
#include "server_schema.h"
#include "store/server.h"
#include "store_copy.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>

namespace fidelis {
namespace {

std::string single_text(Database& db, const char* sql) {
    Statement st(db, sql);
    return st.step() ? st.text(0) : std::string();
}

bool has_fidelis_schema(Database& db) {
    Statement st(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'fidelis'");
    st.step();
    return st.int64(0) > 0;
}

// server init and db copy make the schema, its roles and its rights: only the database's
// owner may, who then is its first administrator.
void require_owner(Database& db) {
    Statement st(db, "SELECT pg_get_userbyid(datdba)::text, session_user::text FROM pg_database "
                     "WHERE datname = current_database()");
    if (!st.step() || st.text(0) != st.text(1))
        throw StoreError(StoreError::Kind::Denied,
                         format(tr(N_("Only the owner of the database on {1} ({2}) can set it up for Fidelis. Run "
                                      "this as that login, or ask the server's administrator.")),
                                {db.path(), st.text(0)}));
}

void require_empty(Database& db) {
    if (has_fidelis_schema(db))
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("The database on {1} already holds Fidelis data; choose an empty database.")),
                                {db.path()}));
}

// The schema, its rights and its version, in the caller's transaction.
void create_schema(Database& db) {
    db.exec(server_schema::creation_script().c_str());
    db.exec("SET search_path = fidelis");
}

}  // namespace

std::unique_ptr<Store::Impl> StoreAccess::server_impl(Database db) {
    auto impl = std::make_unique<Store::Impl>(std::move(db));
    // The history names the login (the server writes it); the store's merging of a stream
    // of edits must see the same name.
    impl->actor = single_text(impl->db, "SELECT session_user::text");
    return impl;
}

namespace {

Database& server_database(Store& store) {
    Database& db = StoreAccess::database(store);
    if (db.dialect() != Dialect::PostgreSQL)
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("{1} is a file: logins belong to a database on a server.")), {db.path()}));
    return db;
}

void check_login_name(const std::string& login) {
    const bool ok = !login.empty() && login.size() <= 63 && login.rfind("pg_", 0) != 0 &&
                    login.rfind("fidelis_", 0) != 0 &&
                    std::all_of(login.begin(), login.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                    });
    if (!ok)
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("\"{1}\" cannot be a login: use up to 63 small letters a-z, digits, '.', '_' "
                                      "or '-', not starting with pg_ or fidelis_.")),
                                {login}));
}

}  // namespace

Store StoreAccess::create_on_server(const std::string& uri, const std::string& county_code,
                                    const Store::CreateOptions& options) {
    const ReferenceData ref = reference_for_county(county_code);
    auto impl = server_impl(Database::connect_server(uri));
    Database& db = impl->db;
    require_owner(db);
    require_empty(db);
    {
        Transaction tx(db);
        create_schema(db);
        fill_reference_data(db, county_code, ref);
        Store building = make(std::move(impl));
        if (options.fill) options.fill(building);
        tx.commit();
        return building;
    }
}

Store StoreAccess::open_server(const std::string& uri, const Store::OpenOptions& options) {
    auto impl = server_impl(Database::connect_server(uri));
    Database& db = impl->db;
    const int version = has_fidelis_schema(db) ? schema::version_of(db) : 0;
    if (version == 0)
        throw StoreError(StoreError::Kind::NotFidelis,
                         format(tr(N_("The database on {1} holds no Fidelis data yet, or your login may not read it. "
                                      "Its owner sets it up with: fidelis-cli server init --db ADDRESS --county CODE")),
                                {db.path()}));
    if (version > server_schema::version)
        throw StoreError(StoreError::Kind::NewerVersion,
                         format(tr(N_("{1} was saved by a newer version of Fidelis (database version {2}); this "
                                      "version reads up to version {3}. Update Fidelis to open it.")),
                                {db.path(), std::to_string(version), std::to_string(server_schema::version)}));
    // Server databases exist from version 6 on; one set up by a pre-release (5) lacks the
    // rating revisions and the change notices, and is refused in words rather than failing
    // at its first save.
    if (version < server_schema::version)
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("The database on {1} was set up by a pre-release of Fidelis (database "
                                      "version {2}); this version needs version {3} and has no upgrade for it. "
                                      "Set it up again with fidelis-cli server init in an empty database.")),
                                {db.path(), std::to_string(version), std::to_string(server_schema::version)}));
    db.exec("SET search_path = fidelis");
    if (options.read_only) db.forbid_writes();
    return make(std::move(impl));
}

const char* code_of(LoginRole role) {
    switch (role) {
    case LoginRole::Team: return "team";
    case LoginRole::Leader: return "leader";
    case LoginRole::Admin: return "admin";
    }
    return "team";
}

std::optional<LoginRole> login_role_from(const std::string& code) {
    for (LoginRole r : {LoginRole::Team, LoginRole::Leader, LoginRole::Admin})
        if (code == code_of(r)) return r;
    return std::nullopt;
}

void add_server_login(Store& store, const ServerLogin& login, const std::string& password) {
    Database& db = server_database(store);
    check_login_name(login.login);
    if (login.role == LoginRole::Team && login.teams.empty())
        throw StoreError(StoreError::Kind::Invalid,
                         tr(N_("A team login needs its team: give --team ID (see fidelis-cli teams).")));
    if (login.role != LoginRole::Team && !login.teams.empty())
        throw StoreError(StoreError::Kind::Invalid,
                         tr(N_("Only a team login has teams: a leader or an admin sees the whole county.")));
    for (Id team : login.teams) store.team(team);  // NotFound with the team's id
    if (password.size() < 8)
        throw StoreError(StoreError::Kind::Invalid,
                         tr(N_("The password must have at least 8 characters.")));
    // Only a SCRAM verifier goes to the server: the password never appears in its logs.
    auto* connection = static_cast<ServerConnection*>(&db.connection());
    char* verifier = PQencryptPasswordConn(connection->handle(), password.c_str(), login.login.c_str(), "scram-sha-256");
    if (!verifier)
        throw StoreError(StoreError::Kind::Connection,
                         format(tr(N_("The password could not be prepared for {1}.")), {db.path()}));
    const std::string scram = verifier;
    PQfreemem(verifier);
    std::string ids = "{";
    for (std::size_t i = 0; i < login.teams.size(); ++i) ids += (i ? "," : "") + std::to_string(login.teams[i]);
    ids += "}";
    Transaction tx(db);
    Statement(db, "SELECT fidelis.add_login(?1, ?2, ?3, ?4::bigint[])")
        .with(login.login, scram, std::string(code_of(login.role)), ids)
        .run();
    tx.commit();
}

std::vector<ServerLogin> server_logins(Store& store) {
    Database& db = server_database(store);
    Statement st(db, "SELECT a.login, a.role, COALESCE(string_agg(t.team_id::text, ' ' ORDER BY t.team_id), '') "
                     "FROM fidelis.accounts a LEFT JOIN fidelis.account_teams t ON t.login = a.login "
                     "GROUP BY a.login, a.role ORDER BY a.login");
    std::vector<ServerLogin> out;
    while (st.step()) {
        ServerLogin l;
        l.login = st.text(0);
        l.role = login_role_from(st.text(1)).value_or(LoginRole::Team);
        for (const auto& w : split_words(st.text(2))) l.teams.push_back(std::strtoll(w.c_str(), nullptr, 10));
        out.push_back(std::move(l));
    }
    return out;
}

void remove_server_login(Store& store, const std::string& login) {
    Database& db = server_database(store);
    Transaction tx(db);
    Statement st(db, "SELECT fidelis.remove_login(?1)");
    st.with(login);
    st.step();
    if (st.int64(0) == 0)
        throw StoreError(StoreError::Kind::NotFound,
                         format(tr(N_("There is no login \"{1}\" in {2}.")), {login, db.path()}));
    tx.commit();
}

void copy_whole_database(const std::string& from, const std::string& to, const Progress& progress) {
    Store::OpenOptions read;
    read.read_only = true;
    Store source = Store::open(from, read);
    Database& in = StoreAccess::database(source);
    if (!is_server_address(to)) {
        StoreAccess::build_file(to, {}, [&](Database& out) { copy_database(in, out, progress); });
        return;
    }
    Database out = Database::connect_server(to);
    require_owner(out);
    require_empty(out);
    Transaction tx(out);
    create_schema(out);
    copy_database(in, out, progress);
    tx.commit();
}

}  // namespace fidelis

namespace fidelis {

std::string without_password(const std::string& address) { return server_label(address); }

std::optional<ServerSession> server_session(const Store& store) {
    Database& db = StoreAccess::database(const_cast<Store&>(store));
    if (db.dialect() != Dialect::PostgreSQL) return std::nullopt;
    pg_conn* c = static_cast<ServerConnection*>(&db.connection())->handle();
    ServerSession s;
    s.database = PQdb(c) ? PQdb(c) : "";
    s.login = store.actor();  // session_user, as the history names it
    const std::string host = PQhost(c) ? PQhost(c) : "";
    if (!host.empty() && host.front() != '/') s.host = host;  // a socket folder is this computer
    return s;
}

}  // namespace fidelis
