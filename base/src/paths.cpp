#include "base/paths.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace fs = std::filesystem;

namespace fidelis::paths {
namespace {

fs::path env_path(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? fs::path(v) : fs::path();
}

fs::path home() {
#if defined(_WIN32)
    return env_path("USERPROFILE");
#else
    return env_path("HOME");
#endif
}

fs::path exe_dir() { return executable_path().parent_path(); }

// Installed layouts: <prefix>/bin/fidelis with <prefix>/share/fidelis/..., and a macOS
// bundle with Contents/MacOS/fidelis and Contents/Resources/....
fs::path installed(const fs::path& relative) {
    std::error_code ec;
    for (const fs::path& base : {exe_dir() / ".." / "share" / "fidelis", exe_dir() / ".." / "Resources"}) {
        const fs::path p = base / relative;
        if (fs::exists(p, ec)) return fs::weakly_canonical(p, ec);
    }
    return {};
}

bool running_from_build_tree() {
#ifdef FIDELIS_BUILD_DIR
    std::error_code ec;
    const fs::path build = fs::weakly_canonical(FIDELIS_BUILD_DIR, ec);
    const fs::path exe = fs::weakly_canonical(exe_dir(), ec);
    const auto b = build.native();
    const auto e = exe.native();
    return !b.empty() && e.compare(0, b.size(), b) == 0;
#else
    return false;
#endif
}

fs::path locate(const fs::path& installed_relative, const char* source_relative) {
    if (fs::path p = installed(installed_relative); !p.empty()) return p;
#ifdef FIDELIS_SOURCE_DIR
    if (running_from_build_tree()) return fs::path(FIDELIS_SOURCE_DIR) / source_relative;
#else
    (void)source_relative;
#endif
    return exe_dir() / ".." / "share" / "fidelis" / installed_relative;
}

}  // namespace

fs::path executable_path() {
#if defined(_WIN32)
    wchar_t buf[MAX_PATH * 4];
    const DWORD n = GetModuleFileNameW(nullptr, buf, static_cast<DWORD>(std::size(buf)));
    return fs::path(std::wstring(buf, n));
#elif defined(__APPLE__)
    char buf[4096];
    uint32_t size = sizeof buf;
    if (_NSGetExecutablePath(buf, &size) == 0) return fs::weakly_canonical(buf);
    return {};
#else
    std::error_code ec;
    return fs::read_symlink("/proc/self/exe", ec);
#endif
}

fs::path builtin_scales_dir() { return locate("scales", "scales/definitions"); }
fs::path fonts_dir() { return locate("fonts", "reports/fonts"); }
fs::path reference_data_dir() { return locate("data", "store/data"); }
fs::path docs_dir() {
    if (fs::path p = installed("docs"); !p.empty()) return p;
#ifdef FIDELIS_BUILD_DIR
    // The build writes the guide's HTML, with its screenshots, into <build>/docs.
    std::error_code ec;
    if (running_from_build_tree() && fs::exists(fs::path(FIDELIS_BUILD_DIR) / "docs" / "screenshots", ec))
        return fs::path(FIDELIS_BUILD_DIR) / "docs";
#endif
    return locate("docs", "docs");
}

fs::path icons_dir() { return locate("icons", "installer/icons"); }

fs::path locale_dir() {
    std::error_code ec;
    const fs::path p = exe_dir() / ".." / "share" / "locale";
    if (fs::exists(p / "sv" / "LC_MESSAGES" / "fidelis.mo", ec)) return fs::weakly_canonical(p, ec);
    if (fs::path bundle = installed("locale"); !bundle.empty()) return bundle;  // macOS: Contents/Resources/locale
#ifdef FIDELIS_BUILD_DIR
    if (running_from_build_tree()) return fs::path(FIDELIS_BUILD_DIR) / "i18n" / "locale";
#endif
    return p;
}

fs::path user_data_dir() {
#if defined(_WIN32)
    return env_path("APPDATA") / "Fidelis";
#elif defined(__APPLE__)
    return home() / "Library" / "Application Support" / "Fidelis";
#else
    const fs::path xdg = env_path("XDG_DATA_HOME");
    return (xdg.empty() ? home() / ".local" / "share" : xdg) / "fidelis";
#endif
}

fs::path user_scales_dir() { return user_data_dir() / "scales"; }

fs::path user_config_dir() {
#if defined(_WIN32) || defined(__APPLE__)
    return user_data_dir();
#else
    const fs::path xdg = env_path("XDG_CONFIG_HOME");
    return (xdg.empty() ? home() / ".config" : xdg) / "fidelis";
#endif
}

std::string safe_file_name(const std::string& name) {
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f || std::string_view("\\/:*?\"<>|").find(c) != std::string_view::npos) ? '-' : c;
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    const auto start = out.find_first_not_of(' ');
    out = start == std::string::npos ? std::string() : out.substr(start);
    return out.empty() ? "fidelis" : out;
}

}  // namespace fidelis::paths
