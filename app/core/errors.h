#pragma once
// Turns whatever was thrown into a sentence a user can read, so the CLI and the window
// report failures the same way and nothing is swallowed.
#include <exception>
#include <string>

namespace fidelis {

std::string error_text(std::exception_ptr error);
inline std::string current_error_text() { return error_text(std::current_exception()); }
// True when the store refused an edit because someone else changed the same thing after it
// was read (StoreError::Kind::Stale): the view then shows what is stored now.
bool is_stale_edit(std::exception_ptr error);
// True when a shared database's server could not be reached for it (StoreError::Kind::
// Connection): the edit is kept in the view and tried again.
bool is_connection_lost(std::exception_ptr error);

}  // namespace fidelis
