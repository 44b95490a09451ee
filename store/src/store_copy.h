#pragma once
// A whole Fidelis database copied row by row into another: file → server, server → file,
// server → server. Ids, history and groupings come along as they are.
#include "base/progress.h"
#include "database.h"

namespace fidelis {

// Copies every row of `from` into `to`, which has the same schema version and no rows of
// its own but the meta table's schema version. One transaction on `to`: a failure or a
// cancel leaves it as it was. Logins (a server's accounts) are not copied: they belong to
// the server, not to the county's data.
void copy_database(Database& from, Database& to, const Progress& progress);

}  // namespace fidelis
