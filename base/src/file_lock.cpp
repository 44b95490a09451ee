// The database owner lock (file_lock.h): flock() on POSIX, LockFileEx on Windows, with
// the holder's details in the lock file itself.
#include "base/file_lock.h"

#include "base/atomic_file.h"
#include "base/date.h"
#include "base/user.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <thread>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fidelis {
namespace fs = std::filesystem;

namespace {

std::string local_now() {
    const std::tm tm = local_time_now();
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &tm);
    return buf;
}

long long this_pid() {
#ifdef _WIN32
    return static_cast<long long>(GetCurrentProcessId());
#else
    return static_cast<long long>(::getpid());
#endif
}

std::string describe(const LockHolder& h) {
    std::ostringstream out;
    out << "program=" << h.program << "\nuser=" << h.user << "\nhost=" << h.host << "\npid=" << h.pid
        << "\nsince=" << h.since << "\n";
    return out.str();
}

LockHolder parse(const std::string& text) {
    LockHolder h;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "program") h.program = value;
        else if (key == "user") h.user = value;
        else if (key == "host") h.host = value;
        else if (key == "since") h.since = value;
        else if (key == "pid") h.pid = std::atoll(value.c_str());
    }
    return h;
}

}  // namespace

std::string FileLock::this_host() {
#ifdef _WIN32
    wchar_t name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
    if (GetComputerNameW(name, &n)) return path_to_utf8(fs::path(std::wstring(name, n)));
    return "";
#else
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) == 0) return name;
    return "";
#endif
}

fs::path FileLock::lock_path_for(const fs::path& resource) {
    fs::path p = resource;
    p += ".lock";
    return p;
}

#ifdef _WIN32

struct FileLock::Handle {
    HANDLE file = INVALID_HANDLE_VALUE;
    ~Handle() {
        if (file == INVALID_HANDLE_VALUE) return;
        // Emptied rather than deleted: another process may have it open to read the holder.
        SetFilePointer(file, 0, nullptr, FILE_BEGIN);
        SetEndOfFile(file);
        OVERLAPPED ov{};
        ov.Offset = 0;
        ov.OffsetHigh = 1;
        UnlockFileEx(file, 0, 1, 0, &ov);
        CloseHandle(file);
    }
};

FileLock::Attempt FileLock::acquire(const fs::path& resource, const std::string& program, int wait_ms) {
    Attempt result;
    const fs::path path = lock_path_for(resource);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    for (;;) {
        HANDLE f = CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_ALWAYS,
                               FILE_ATTRIBUTE_HIDDEN, nullptr);
        if (f == INVALID_HANDLE_VALUE) {
            result.error = GetLastError() == ERROR_ACCESS_DENIED ? EACCES : EROFS;
            return result;
        }
        // The lock is on a byte far past the text, so others can still read who holds it.
        OVERLAPPED ov{};
        ov.Offset = 0;
        ov.OffsetHigh = 1;
        if (LockFileEx(f, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov)) {
            auto h = std::make_unique<Handle>();
            h->file = f;
            const std::string info =
                describe(LockHolder{program, login_name(), this_host(), this_pid(), local_now()});
            SetFilePointer(f, 0, nullptr, FILE_BEGIN);
            SetEndOfFile(f);
            DWORD written = 0;
            WriteFile(f, info.data(), static_cast<DWORD>(info.size()), &written, nullptr);
            FlushFileBuffers(f);
            result.lock.reset(new FileLock(std::move(h)));
            result.holder.reset();
            return result;
        }
        char buf[1024];
        DWORD got = 0;
        SetFilePointer(f, 0, nullptr, FILE_BEGIN);
        ReadFile(f, buf, sizeof buf, &got, nullptr);
        CloseHandle(f);
        result.holder = parse(std::string(buf, got));
        if (std::chrono::steady_clock::now() >= deadline) return result;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

#else

struct FileLock::Handle {
    int fd = -1;
    fs::path path;
    ~Handle() {
        if (fd < 0) return;
        // Removed while still held, so nobody can lock the old file after we let go
        // (acquire() checks that the file it locked is still the one at the path).
        ::unlink(path.c_str());
        ::close(fd);
    }
};

FileLock::Attempt FileLock::acquire(const fs::path& resource, const std::string& program, int wait_ms) {
    Attempt result;
    const fs::path path = lock_path_for(resource);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    for (;;) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) {
            result.error = errno;
            return result;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            struct stat mine {}, there {};
            if (::fstat(fd, &mine) == 0 && ::stat(path.c_str(), &there) == 0 && mine.st_ino == there.st_ino &&
                mine.st_dev == there.st_dev) {
                const std::string info =
                    describe(LockHolder{program, login_name(), this_host(), this_pid(), local_now()});
                if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, info.data(), info.size(), 0) >= 0) ::fsync(fd);
                auto h = std::make_unique<Handle>();
                h->fd = fd;
                h->path = path;
                result.lock.reset(new FileLock(std::move(h)));
                result.holder.reset();
                return result;
            }
            ::close(fd);  // the holder let go and removed it in between: try the new one
            continue;
        }
        const int err = errno;
        char buf[1024];
        const ssize_t got = ::pread(fd, buf, sizeof buf, 0);
        ::close(fd);
        if (err != EWOULDBLOCK && err != EAGAIN) {
            result.error = err;
            return result;
        }
        result.holder = parse(std::string(buf, got > 0 ? static_cast<std::size_t>(got) : 0));
        if (std::chrono::steady_clock::now() >= deadline) return result;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

#endif

FileLock::FileLock(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
FileLock::~FileLock() = default;

}  // namespace fidelis
