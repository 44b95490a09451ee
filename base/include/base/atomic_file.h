#pragma once
// The one way Fidelis writes an output file (reports, exchange files, CSV, copies of a
// database): into a temporary file beside the target, then flushed, checked, synced to
// disk and renamed into place. A reader therefore sees the old file or the whole new one,
// never half of one; a full disk or a kill leaves the target as it was, and the temporary
// file is removed on every failure. Only files this process created are ever removed.
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace fidelis {

class AtomicFile {
public:
    enum class Mode {
        Replace,    // the new file replaces any file at the target
        NoReplace,  // the target must not exist; a file created there meanwhile is left alone
    };
    // Creates the temporary file (exclusively, in the target's folder). Throws Error when
    // the folder cannot be written to.
    explicit AtomicFile(std::filesystem::path target, Mode mode = Mode::Replace);
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& target() const { return target_; }
    // Where a library that writes by path (SQLite's backup) writes the content; it must
    // write into this file, not replace it.
    const std::filesystem::path& temp_path() const { return temp_; }
    // A buffered stream into the temporary file; write errors surface in commit().
    std::ostream& stream();
    // Flushes, checks for any write error, syncs, renames into place and syncs the folder.
    // Throws Error with a readable reason (a full disk says so).
    void commit();

private:
    struct Sink;
    std::filesystem::path target_;
    std::filesystem::path temp_;
    Mode mode_;
    std::unique_ptr<Sink> sink_;
    bool committed_ = false;
};

// The whole content at once.
void write_file_atomically(const std::filesystem::path& target, std::string_view content,
                           AtomicFile::Mode mode = AtomicFile::Mode::Replace);

// The readable reason for a system error number in a file operation on `path`
// ("The disk is full…", "… cannot be written to"), shared by every layer.
std::string file_error_text(int error_number, const std::filesystem::path& path);

// A path as the platform's file APIs take it from UTF-8 text, and back.
std::filesystem::path path_from_utf8(std::string_view utf8);
std::string path_to_utf8(const std::filesystem::path& path);

}  // namespace fidelis
