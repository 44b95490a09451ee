// Runs a program and captures its output (run.h): fork and exec on POSIX, CreateProcessW on
// Windows, where arguments and the environment are UTF-16 and a command line is one string.
#include "run.h"

#include "base/atomic_file.h"  // path_from_utf8

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#ifdef _WIN32
#include <windows.h>

#include <filesystem>
#else
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;
#endif

namespace fidelis::test {
namespace {

#ifdef _WIN32
std::wstring widen(const std::string& utf8) {
    if (utf8.empty()) return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

// One argument as CommandLineToArgvW reads it back: quoted, with backslashes doubled only
// where they precede a quote.
std::wstring quoted(const std::wstring& arg) {
    if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) return arg;
    std::wstring out = L"\"";
    for (auto it = arg.begin();; ++it) {
        std::size_t backslashes = 0;
        while (it != arg.end() && *it == L'\\') ++it, ++backslashes;
        if (it == arg.end()) {
            out.append(backslashes * 2, L'\\');
            break;
        }
        if (*it == L'"') out.append(backslashes * 2 + 1, L'\\');
        else out.append(backslashes, L'\\');
        out += *it;
    }
    return out + L"\"";
}

// This process's environment with `env` ("NAME=value") set on top, as CreateProcessW wants it.
std::wstring environment_block(const std::vector<std::string>& env) {
    std::vector<std::wstring> vars;
    if (wchar_t* block = GetEnvironmentStringsW()) {
        for (const wchar_t* p = block; *p; p += wcslen(p) + 1) vars.emplace_back(p);
        FreeEnvironmentStringsW(block);
    }
    for (const auto& e : env) {
        const std::wstring w = widen(e);
        const std::wstring name = w.substr(0, w.find(L'=') + 1);
        for (auto it = vars.begin(); it != vars.end();) {
            it = _wcsnicmp(it->c_str(), name.c_str(), name.size()) == 0 ? vars.erase(it) : it + 1;
        }
        vars.push_back(w);
    }
    std::wstring out;
    for (const auto& v : vars) out += v + L'\0';
    return out + L'\0';
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
#else

std::string slurp_fd(int fd) {
    std::string out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}
#endif

}  // namespace

#ifdef _WIN32
RunResult run(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& env) {
    // stdout and stderr go to temp files so a large output on one never blocks the other.
    static int counter = 0;
    const auto tmp = std::filesystem::temp_directory_path();
    const std::wstring stem = L"fidelis-test-" + std::to_wstring(GetCurrentProcessId()) + L"-" + std::to_wstring(++counter);
    const auto out_name = tmp / (stem + L".out"), err_name = tmp / (stem + L".err");
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    auto open = [&](const std::filesystem::path& p, DWORD access, DWORD disposition) {
        return CreateFileW(p.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, &inherit,
                           disposition, FILE_ATTRIBUTE_NORMAL, nullptr);
    };
    HANDLE out = open(out_name, GENERIC_WRITE, CREATE_ALWAYS), err = open(err_name, GENERIC_WRITE, CREATE_ALWAYS);
    HANDLE in = open(L"NUL", GENERIC_READ, OPEN_EXISTING);
    if (out == INVALID_HANDLE_VALUE || err == INVALID_HANDLE_VALUE) throw std::runtime_error("cannot create temp files");
    STARTUPINFOW si{};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in;
    si.hStdOutput = out;
    si.hStdError = err;
    std::wstring command = quoted(widen(program));
    for (const auto& a : args) command += L" " + quoted(widen(a));
    std::wstring block = environment_block(env);
    PROCESS_INFORMATION pi{};
    const BOOL started = CreateProcessW(widen(program).c_str(), command.data(), nullptr, nullptr, TRUE,
                                        CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW, block.data(), nullptr, &si, &pi);
    CloseHandle(out);
    CloseHandle(err);
    CloseHandle(in);
    RunResult r;
    if (started) {
        WaitForSingleObject(pi.hProcess, INFINITE);
        DWORD code = 0;
        GetExitCodeProcess(pi.hProcess, &code);
        r.exit_code = static_cast<int>(code);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    } else {
        r.exit_code = 127;
    }
    r.out = slurp(out_name);
    r.err = slurp(err_name);
    std::error_code ec;
    std::filesystem::remove(out_name, ec);
    std::filesystem::remove(err_name, ec);
    return r;
}
#else
RunResult run(const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& env) {
    // stdout and stderr go to temp files so a large output on one never blocks the other.
    char out_name[] = "/tmp/fidelis-test-outXXXXXX";
    char err_name[] = "/tmp/fidelis-test-errXXXXXX";
    const int out_fd = ::mkstemp(out_name);
    const int err_fd = ::mkstemp(err_name);
    if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        const int null_fd = ::open("/dev/null", O_RDONLY);
        ::dup2(null_fd, 0);
        for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    ::lseek(out_fd, 0, SEEK_SET);
    ::lseek(err_fd, 0, SEEK_SET);
    r.out = slurp_fd(out_fd);
    r.err = slurp_fd(err_fd);
    ::close(out_fd);
    ::close(err_fd);
    ::unlink(out_name);
    ::unlink(err_name);
    return r;
}
#endif

RunResult cli(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    return run(FIDELIS_CLI, args, env);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path_from_utf8(path), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path_from_utf8(path), std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path);
}

void set_env(const std::string& name, const std::string& value) {
#ifdef _WIN32
    _wputenv_s(widen(name).c_str(), widen(value).c_str());
#else
    ::setenv(name.c_str(), value.c_str(), 1);
#endif
}

void unset_env(const std::string& name) {
#ifdef _WIN32
    _wputenv_s(widen(name).c_str(), L"");  // an empty value removes it there
#else
    ::unsetenv(name.c_str());
#endif
}

long process_id() {
#ifdef _WIN32
    return static_cast<long>(GetCurrentProcessId());
#else
    return static_cast<long>(::getpid());
#endif
}

}  // namespace fidelis::test
