// The system's names for the user (user.h).
#include "base/user.h"

#include "base/utf8.h"

#include <cctype>
#include <cstdlib>
#include <vector>

#ifndef _WIN32
#include <pwd.h>
#include <unistd.h>
#endif

namespace fidelis {
namespace {

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    return s.substr(start);
}

}  // namespace

std::string full_name_from_gecos(std::string_view gecos, std::string_view login) {
    std::string name;
    for (char c : gecos.substr(0, gecos.find(','))) {
        if (c != '&') {
            name += c;
        } else if (!login.empty()) {
            name += char(std::toupper(static_cast<unsigned char>(login[0])));
            name += login.substr(1);
        }
    }
    if (!utf8::is_valid(name)) {  // Latin-1: each byte is the code point of the same value
        std::string converted;
        for (unsigned char c : name) utf8::append(converted, c);
        name = converted;
    }
    name = trimmed(name);
    return name.empty() ? std::string(login) : name;
}

std::string login_name() {
    for (const char* var : {"FIDELIS_USER", "USER", "USERNAME", "LOGNAME"})
        if (const char* v = env(var)) return v;
#ifndef _WIN32
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
#endif
    return "unknown";
}

std::string os_user_full_name() {
    if (const char* v = env("FIDELIS_USER")) return v;
#ifndef _WIN32
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found)
        return full_name_from_gecos(found->pw_gecos ? found->pw_gecos : "", found->pw_name ? found->pw_name : "");
#endif
    // No passwd entry (a container with an arbitrary uid, or Windows): the login name.
    return login_name();
}

}  // namespace fidelis
