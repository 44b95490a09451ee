#pragma once
// The database schema and its migrations. `user_version` is the schema version; every
// version can be migrated to the current one, and a newer database is refused.
#include "database.h"

namespace fidelis::schema {

inline constexpr int application_id = 0x46494431;  // "FID1": marks a file as a Fidelis database
inline constexpr int current_version = 6;

int version_of(Database& db);
// Brings an empty or older database up to `target` (default: current). Each step runs in
// its own transaction, so a failure leaves the last complete version.
void migrate(Database& db, int target = current_version);

}  // namespace fidelis::schema
