#pragma once
// The schema of a county's database on a PostgreSQL server (server_schema.cpp says what it
// holds and who may do what). Its version is the file's: meta's `schema_version`.
#include "schema.h"

#include <string>

namespace fidelis::server_schema {

inline constexpr int version = schema::current_version;

// Everything `fidelis-cli server init` runs in an empty database, in one transaction.
std::string creation_script();

}  // namespace fidelis::server_schema
