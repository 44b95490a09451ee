#pragma once
// The store's one error policy: every failure of a database (a file or a server) becomes a
// StoreError whose kind the app can act on (busy, read-only, newer, corrupt, denied…) and
// whose message a user can read. Neither SQLite's nor PostgreSQL's own text is ever in it.
#include "base/error.h"

#include <string>

namespace fidelis {

class StoreError : public Error {
public:
    enum class Kind {
        Busy,
        ReadOnly,
        NewerVersion,
        Corrupt,
        NotFidelis,
        NotFound,
        Invalid,
        Locked,
        Io,
        Sql,
        Denied,      // the server refused: the login may not read or change this
        Connection,  // the server cannot be reached, or the connection was lost
        Stale,       // someone else changed it since it was read
    };
    StoreError(Kind kind, const std::string& message) : Error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

}  // namespace fidelis
