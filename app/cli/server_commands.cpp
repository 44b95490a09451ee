// fidelis-cli commands for a county's database on a PostgreSQL server: setting it up,
// its logins, and copying a whole database between a file and a server.
#include "commands.h"
#include "options.h"

#include "base/i18n.h"
#include "store/server.h"

#include <iostream>
#include <ostream>

namespace fidelis::cli {
namespace {

std::string server_option(Args& args) {
    const std::string db = args.required("--db");
    if (!is_server_address(db))
        throw UsageError(format(tr(N_("--db takes a server address here (postgresql://host/database or "
                                      "service=NAME), not \"{1}\"")),
                                {db}));
    return db;
}

// The new login's password from standard input (one line), so that it is in neither the
// shell's history nor the process list.
std::string password_from_stdin() {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

}  // namespace

int server_init(Args& args, Context& ctx) {
    const std::string db = server_option(args);
    const std::string county = args.required("--county");
    args.finish();
    Store store = Store::create(db, county);
    ctx.out << store.home_county().name << '\t' << store.path() << '\n';
    return 0;
}

int server_user_add(Args& args, Context& ctx) {
    const std::string db = server_option(args);
    ServerLogin login;
    login.login = args.required("--login");
    const std::string role = args.required("--role");
    const auto parsed = login_role_from(role);
    if (!parsed) throw UsageError(format(tr(N_("--role takes team, leader or admin, not \"{1}\"")), {role}));
    login.role = *parsed;
    for (const std::string& team : args.options("--team")) login.teams.push_back(parse_id(team, "--team"));
    if (!args.flag("--password-stdin"))
        throw UsageError(tr(N_("give the new login's password on standard input with --password-stdin")));
    args.finish();
    Store store = Store::open(db);
    add_server_login(store, login, password_from_stdin());
    ctx.out << login.login << '\t' << code_of(login.role) << '\n';
    return 0;
}

int server_user_list(Args& args, Context& ctx) {
    const std::string db = server_option(args);
    args.finish();
    Store store = Store::open(db);
    for (const ServerLogin& l : server_logins(store)) {
        std::string teams;
        for (Id t : l.teams) teams += (teams.empty() ? "" : ",") + std::to_string(t);
        ctx.out << l.login << '\t' << code_of(l.role) << '\t' << teams << '\n';
    }
    return 0;
}

int server_user_remove(Args& args, Context& ctx) {
    const std::string db = server_option(args);
    const std::string login = args.required("--login");
    args.finish();
    Store store = Store::open(db);
    remove_server_login(store, login);
    ctx.out << login << '\n';
    return 0;
}

int db_copy(Args& args, Context& ctx) {
    const std::string from = args.required("--from");
    const std::string to = args.required("--to");
    args.finish();
    copy_whole_database(from, to);
    Store::OpenOptions read;
    read.read_only = true;
    Store copy = Store::open(to, read);
    ctx.out << copy.all_rounds().size() << '\t' << copy.path() << '\n';
    return 0;
}

}  // namespace fidelis::cli
