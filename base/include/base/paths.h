#pragma once
// Where Fidelis finds its data. Everything is found relative to the executable, so an
// installed package works under any prefix; a program run from the build tree reads the
// source tree instead, so a scale author sees an edit without reinstalling.
#include <filesystem>
#include <string>

namespace fidelis::paths {

std::filesystem::path executable_path();

std::filesystem::path builtin_scales_dir();  // shipped scale definitions
std::filesystem::path fonts_dir();           // the report font and its licence
std::filesystem::path reference_data_dir();  // counties, municipalities, county parts
std::filesystem::path locale_dir();          // <lang>/LC_MESSAGES/fidelis.mo
std::filesystem::path docs_dir();            // the user guide in Swedish and English
std::filesystem::path icons_dir();           // the window's icon in a few sizes

// The per-user Fidelis folder: $XDG_DATA_HOME/fidelis (~/.local/share/fidelis) on
// Linux, %APPDATA%\Fidelis on Windows, ~/Library/Application Support/Fidelis on macOS.
std::filesystem::path user_data_dir();
std::filesystem::path user_scales_dir();  // user_data_dir()/scales
std::filesystem::path user_config_dir();  // settings such as recent files and language

// A name made safe for a file on every system the app runs on: the characters Windows
// refuses (\ / : * ? " < > | and control characters) become "-", trailing dots and spaces
// go, and an empty result becomes "fidelis". Letters such as å, ä, ö are kept.
std::string safe_file_name(const std::string& name);

}  // namespace fidelis::paths
