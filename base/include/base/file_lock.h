#pragma once
// The single-owner lock of a database file: one Fidelis process at a time works on a
// database, and everyone else is told who has it ("open in Fidelis on this computer since
// 09:12").
//
// Why not SQLite's own locks alone: they are POSIX record locks, and POSIX drops every
// such lock a process holds on a file when *any* descriptor of that file is closed in the
// process. GTK's file chooser opens and closes the database to sniff its type, so after
// a file dialog another program believed it was the last user, checkpointed and deleted
// the -wal and -shm the window still wrote to. This lock is an flock() (an open-file-
// description lock) on a sidecar file "<database>.lock", which no close() elsewhere in the
// process drops, and which the kernel releases when the holder dies, so a killed window
// never leaves a stale lock. On Windows it is LockFileEx on the same sidecar. The sidecar
// also holds the owner's name, program, computer and start time for the message.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace fidelis {

struct LockHolder {
    std::string program;  // "Fidelis", "fidelis-cli"
    std::string user;
    std::string host;
    long long pid = 0;
    std::string since;  // local time, "2026-12-01T09:12"
};

class FileLock {
public:
    struct Attempt {
        std::unique_ptr<FileLock> lock;     // set when taken
        std::optional<LockHolder> holder;   // who has it, when another process does
        int error = 0;                      // errno when the lock file cannot be made (read-only folder)
    };
    // Takes the lock on `resource`, retrying for up to `wait_ms` while another holds it.
    static Attempt acquire(const std::filesystem::path& resource, const std::string& program, int wait_ms);
    static std::filesystem::path lock_path_for(const std::filesystem::path& resource);
    // The computer this process runs on, and the user, as the lock records them.
    static std::string this_host();

    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    struct Handle;
    explicit FileLock(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> handle_;
};

}  // namespace fidelis
