// Write to a temporary file, check, sync, rename: the one atomic-write path (atomic_file.h).
// The stream writes through its own file descriptor rather than std::ofstream, so the
// error number of a failed write (ENOSPC, EROFS…) is kept and reaches the user as a reason.
#include "base/atomic_file.h"

#include "base/error.h"
#include "base/i18n.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <streambuf>
#include <vector>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace fidelis {
namespace fs = std::filesystem;

std::filesystem::path path_from_utf8(std::string_view utf8) {
#if defined(__cpp_char8_t)
    return fs::path(std::u8string(utf8.begin(), utf8.end()));
#else
    return fs::u8path(utf8.begin(), utf8.end());
#endif
}

std::string path_to_utf8(const std::filesystem::path& path) {
#if defined(__cpp_char8_t)
    const std::u8string s = path.u8string();
    return std::string(s.begin(), s.end());
#else
    return path.u8string();
#endif
}

std::string file_error_text(int error_number, const std::filesystem::path& path) {
    const std::string name = path_to_utf8(path);
    switch (error_number) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return format(tr(N_("The disk is full: {1} could not be written. Free some space and try again.")), {name});
    case EROFS:
        return format(tr(N_("{1} is on a read-only disk or medium and cannot be written.")), {name});
    case EACCES:
    case EPERM:
        return format(tr(N_("You do not have permission to write {1}.")), {name});
    case EEXIST: return format(tr(N_("{1} already exists; choose a new file name.")), {name});
    case ENOENT: return format(tr(N_("The folder of {1} does not exist.")), {name});
    default: break;
    }
    return format(tr(N_("{1} could not be written: {2}.")), {name, std::strerror(error_number)});
}

namespace {

int open_exclusive(const fs::path& p) {
#ifdef _WIN32
    return _wopen(p.c_str(), _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY, _S_IREAD | _S_IWRITE);
#else
    return ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
#endif
}

long write_some(int fd, const char* data, std::size_t n) {
#ifdef _WIN32
    return _write(fd, data, static_cast<unsigned>(n));
#else
    return static_cast<long>(::write(fd, data, n));
#endif
}

int sync_fd(int fd) {
#ifdef _WIN32
    return _commit(fd);
#else
    return ::fsync(fd);
#endif
}

int close_fd(int fd) {
#ifdef _WIN32
    return _close(fd);
#else
    return ::close(fd);
#endif
}

// Renames without replacing: fails with EEXIST when something is at the target.
int rename_no_replace(const fs::path& from, const fs::path& to) {
#ifdef _WIN32
    if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_WRITE_THROUGH)) return 0;
    return GetLastError() == ERROR_ALREADY_EXISTS || GetLastError() == ERROR_FILE_EXISTS ? EEXIST : EIO;
#else
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
#endif
    // Filesystems without renameat2: a hard link fails if the target exists.
    if (::link(from.c_str(), to.c_str()) != 0) return errno;
    ::unlink(from.c_str());
    return 0;
#endif
}

int rename_replace(const fs::path& from, const fs::path& to) {
#ifdef _WIN32
    if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return 0;
    return GetLastError() == ERROR_ACCESS_DENIED ? EACCES : EIO;
#else
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
#endif
}

// A rename is durable only once the folder's entry is on disk too.
void sync_folder(const fs::path& folder) {
#ifndef _WIN32
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    (void)folder;
#endif
}

std::string random_suffix() {
    static thread_local std::mt19937_64 rng{std::random_device{}() ^
                                            static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&rng))};
    const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string s;
    for (int i = 0; i < 10; ++i) s += digits[rng() % 36];
    return s;
}

}  // namespace

// A stream buffer over the temporary file's descriptor that remembers the first error.
struct AtomicFile::Sink : std::streambuf {
    int fd = -1;
    int error = 0;
    std::vector<char> buffer = std::vector<char>(64 * 1024);
    std::ostream out{this};

    Sink() { setp(buffer.data(), buffer.data() + buffer.size()); }
    ~Sink() override {
        if (fd >= 0) close_fd(fd);
    }
    bool drain() {
        const char* p = pbase();
        std::size_t n = static_cast<std::size_t>(pptr() - pbase());
        while (n > 0 && error == 0) {
            const long w = write_some(fd, p, n);
            if (w < 0) {
                if (errno == EINTR) continue;
                error = errno;
                break;
            }
            p += w;
            n -= static_cast<std::size_t>(w);
        }
        setp(buffer.data(), buffer.data() + buffer.size());
        return error == 0;
    }
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }
};

AtomicFile::AtomicFile(fs::path target, Mode mode) : target_(std::move(target)), mode_(mode) {
    const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    const std::string base = path_to_utf8(target_.filename());
    sink_ = std::make_unique<Sink>();
    for (int attempt = 0; attempt < 20; ++attempt) {
        fs::path candidate = folder / path_from_utf8("." + base + "." + random_suffix() + ".part");
        const int fd = open_exclusive(candidate);
        if (fd >= 0) {
            sink_->fd = fd;
            temp_ = std::move(candidate);
            return;
        }
        if (errno != EEXIST) throw Error(file_error_text(errno, target_));
    }
    throw Error(file_error_text(EEXIST, target_));
}

AtomicFile::~AtomicFile() {
    if (committed_ || temp_.empty()) return;
    sink_.reset();  // closes the descriptor first (Windows cannot remove an open file)
    std::error_code ec;
    fs::remove(temp_, ec);
}

std::ostream& AtomicFile::stream() { return sink_->out; }

void AtomicFile::commit() {
    if (committed_) return;
    sink_->out.flush();
    if (sink_->error == 0 && !sink_->out) sink_->error = EIO;
    // fsync flushes the file, not the descriptor: it covers what a library wrote by path
    // (SQLite's backup into temp_path()) as well.
    if (sink_->error == 0 && sync_fd(sink_->fd) != 0) sink_->error = errno;
    const int closed = close_fd(sink_->fd);
    sink_->fd = -1;
    if (sink_->error == 0 && closed != 0) sink_->error = errno;
    if (sink_->error != 0) throw Error(file_error_text(sink_->error, target_));
    const int rc = mode_ == Mode::NoReplace ? rename_no_replace(temp_, target_) : rename_replace(temp_, target_);
    if (rc != 0) throw Error(file_error_text(rc, target_));
    committed_ = true;
    sync_folder(target_.parent_path());
}

void write_file_atomically(const fs::path& target, std::string_view content, AtomicFile::Mode mode) {
    AtomicFile file(target, mode);
    file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
    file.commit();
}

}  // namespace fidelis
