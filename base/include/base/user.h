#pragma once
// Who is at the keyboard, as the system knows them: the name the change history records
// by default and the lock file shows to others. One place, for the window, the command
// line and the store alike.
#include <string>
#include <string_view>

namespace fidelis {

// The login name: FIDELIS_USER (scripts, tests), USER, USERNAME, LOGNAME, else the passwd
// entry's name, else "unknown".
std::string login_name();
// The full name from the passwd entry's GECOS field (the part before the first comma, with
// BSD's '&' standing for the capitalised login), else the login name. FIDELIS_USER wins.
std::string os_user_full_name();
// GECOS text as os_user_full_name reads it; a field written in Latin-1 by an old tool
// still gives a readable name.
std::string full_name_from_gecos(std::string_view gecos, std::string_view login);

}  // namespace fidelis
