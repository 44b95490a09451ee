#pragma once
// Puts the window in a language (Swedish, English, or any other with a catalog): wxWidgets' own dialogs (wxstd), Fidelis' catalog,
// and the libraries' translator. Works without the sv_SE system locale, because numbers
// and dates are formatted by Fidelis itself, not by the C library.
#include <wx/string.h>

#include <string>

namespace fidelis::gui {

void apply_language(const std::string& lang);
// A language's name in that language ("Svenska", "English"), for choosing it.
wxString language_name(const std::string& lang);

// Text in and out of wxWidgets and GTK is UTF-8; a "C" or "POSIX" locale (as on many CI
// machines and minimal installs) would turn every å, ä and ö into nothing. Switches the
// character type to UTF-8 then, and leaves numbers alone.
void ensure_utf8_ctype();

}  // namespace fidelis::gui
