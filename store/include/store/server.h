#pragma once
// A county's database on a PostgreSQL server, besides what Store does on a file: telling a
// server address from a file name, the logins whose rights the server enforces, and
// copying a whole database between a file and a server.
//
// A server address is a libpq connection URI (postgresql://host/dbname?sslmode=verify-full)
// or key=value string (service=county06). Store::create on one is `server init`: it makes
// the schema, the rights and the county's reference data in an empty database, run by the
// database's owner, who is its first administrator.
#include "base/progress.h"
#include "store/store.h"

#include <string>
#include <vector>

namespace fidelis {

bool is_server_address(const std::string& text);
// The address with any password taken out: what the window may remember and show.
std::string without_password(const std::string& address);

enum class LoginRole { Team, Leader, Admin };
const char* code_of(LoginRole role);  // "team", "leader", "admin"
std::optional<LoginRole> login_role_from(const std::string& code);

struct ServerLogin {
    std::string login;
    LoginRole role = LoginRole::Team;
    std::vector<Id> teams;  // a team login's teams, by id
};

// Where a store on a server is connected, for the title bar: the database, the server
// (empty for this computer's own socket) and the login. Nothing for a file.
struct ServerSession {
    std::string database;
    std::string host;
    std::string login;
};
std::optional<ServerSession> server_session(const Store& store);

// Creates (or updates) a PostgreSQL login with a password and the rights of its role: a
// team login reads and writes only its teams' work; a leader reads the whole county,
// manages groupings and may run external reviews for any team; an admin manages logins.
// Only the owner or an admin may; the password reaches the server only as a SCRAM
// verifier. A team login needs at least one team; the others take none.
void add_server_login(Store& store, const ServerLogin& login, const std::string& password);
std::vector<ServerLogin> server_logins(Store& store);  // by login name
// Takes the login's rights in this database away; the login itself goes when no other
// Fidelis database on the server has it. Its history stays, under its name.
void remove_server_login(Store& store, const std::string& login);

// `fidelis-cli db copy`: the whole database at `from` (a file or a server) into `to`, a
// file that does not exist yet or a server database that is empty. History, groupings,
// ids and plans come along; logins do not.
void copy_whole_database(const std::string& from, const std::string& to, const Progress& progress = {});

}  // namespace fidelis
