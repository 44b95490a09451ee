// One owner per database file: a file dialog's close() in the window, another program on
// the same file, a killed owner, two programs creating one file, and kills during db init
// and demo. Each case is the fault found by a hostile tester, reproduced as a user meets it.
#include "store_fixture.h"
#include "store_impl.h"  // store/src: StoreAccess, the database behind a store

#include "base/file_lock.h"
#include "store/demo.h"

#include <chrono>
#include <sstream>
#include <thread>
#ifndef _WIN32
#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace fidelis;
using namespace fidelis::test;

namespace {

#ifndef _WIN32
// Lines written by a child process to a pipe, read until `enough` says stop or it closes.
std::string read_until(int fd, const std::function<bool(const std::string&)>& enough, int timeout_ms = 20000) {
    std::string got;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
    while (!enough(got) && std::chrono::steady_clock::now() < deadline) {
        char buf[4096];
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n > 0) got.append(buf, std::size_t(n));
        else if (n == 0) break;
        else std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return got;
}

long count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

// The files a process has open that were deleted under it.
std::vector<std::string> deleted_files_of(pid_t pid) {
    std::vector<std::string> out;
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string target = std::filesystem::read_symlink(e.path(), ec).string();
        if (target.find("(deleted)") != std::string::npos) out.push_back(target);
    }
    return out;
}
#endif

int demo_teams() {
    static const int n = [] {
        TempDir dir;
        return int(create_demo(db_path(dir, "reference.fidelis")).teams().size());
    }();
    return n;
}

}  // namespace

TEST_CASE("A file dialog's close() in the window does not let another program take the database") {
#ifdef _WIN32
    WARN("forks the process that holds the database, which Windows cannot; the lock itself is LockFileEx there, checked by the other cases");
#else
    TempDir dir;
    const std::string path = db_path(dir);
    RoundSetup s;
    { Store store = Store::create(path, "06"); s = make_round(store); }
    const ScalePtr scale = ips25();
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        try {
            Store store = Store::open(path);
            for (long k = 0;; ++k) {
                Rating r = rating(scale->items[std::size_t(k % 25)].id, s.anna, int(1 + k % 5));
                r.note = "skrivning " + std::to_string(k);
                store.save_rating(s.round, r);
                const std::string ack = std::to_string(k) + "\n";
                if (::write(fds[1], ack.data(), ack.size()) < 0) ::_exit(3);
                if (k == 5) {
                    // What GTK's file chooser does to sniff a file's type: open and close it.
                    // POSIX drops every record lock this process holds on the file.
                    for (const std::string& f : {path, path + "-wal", path + "-shm"}) {
                        const int fd = ::open(f.c_str(), O_RDONLY);
                        if (fd >= 0) ::close(fd);
                    }
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(k > 5 ? 20 : 0));
            }
        } catch (...) {
            ::_exit(2);
        }
    }
    ::close(fds[1]);
    std::string acks = read_until(fds[0], [](const std::string& t) { return count_lines(t) >= 8; });
    REQUIRE(count_lines(acks) >= 8);

    // Another program on the same file, as a user would run it while the window is open.
    const RunResult other = cli({"rate", "--db", path, "--round", std::to_string(s.round), "--item", "S1", "--level",
                                 "3", "--consensus"});
    CHECK(other.exit_code == 1);
    CHECK_THAT(other.err, Catch::Contains("is open in test_store on this computer since"));
    const RunResult reader = cli({"teams", "--db", path});
    CHECK(reader.exit_code == 1);
    CHECK_THAT(reader.err, Catch::Contains("is open in"));
    // The window's files are all still where they belong.
    CHECK(deleted_files_of(pid).empty());

    acks += read_until(fds[0], [&](const std::string& t) { return count_lines(acks + t) >= 20; });
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    acks += read_until(fds[0], [](const std::string&) { return false; }, 200);
    ::close(fds[0]);

    long last_ack = -1;
    std::istringstream in(acks);
    for (long k; in >> k;) last_ack = k;
    REQUIRE(last_ack >= 19);
    Store store = Store::open(path);
    {
        Statement check(StoreAccess::database(store), "PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
    }
    // Every acknowledged write is there: the last 25 acknowledged ones are each item's note.
    for (long k = std::max(0L, last_ack - 24); k <= last_ack; ++k) {
        const auto stored = store.rating(s.round, scale->items[std::size_t(k % 25)].id, s.anna);
        REQUIRE(stored);
        const long note_k = std::stol(stored->note.substr(std::string("skrivning ").size()));
        CHECK(note_k >= k);  // this write, or the next one of the same item
    }
    CHECK_FALSE(store.rating(s.round, "S1", consensus_rater));  // the other program's write never happened
#endif
}

TEST_CASE("A killed owner leaves no stale lock: the next program opens the file at once") {
#ifdef _WIN32
    WARN("forks the process that holds the database, which Windows cannot; kill_windows_test.cpp kills an owner with TerminateProcess instead");
#else
    TempDir dir;
    const std::string path = db_path(dir);
    { Store::create(path, "06"); }
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        Store store = Store::open(path);
        store.add_team("0680", "Innan kraschen", Method::SE);
        if (::write(fds[1], "ok\n", 3) < 0) ::_exit(3);
        for (;;) ::pause();
    }
    ::close(fds[1]);
    REQUIRE(read_until(fds[0], [](const std::string& t) { return t == "ok\n"; }) == "ok\n");
    ::close(fds[0]);
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    Store::OpenOptions no_wait;
    no_wait.busy_ms = 0;
    Store store = Store::open(path, no_wait);
    CHECK(store.teams().size() == 1);
#endif
}

TEST_CASE("A second store on an open file in the same program is refused and names the owner") {
    TempDir dir;
    const std::string path = db_path(dir);
    Store first = Store::create(path, "06");
    Store::OpenOptions no_wait;
    no_wait.busy_ms = 0;
    CHECK_THROWS_WITH(Store::open(path, no_wait), Catch::Contains("is open in test_store on this computer"));
    CHECK(first.teams().empty());
}

TEST_CASE("Two programs creating one database at once: one wins, the other is told it exists, the file is whole") {
#ifdef _WIN32
    WARN("forks the process that holds the database, which Windows cannot; not checked here");
#else
    for (int attempt = 0; attempt < 20; ++attempt) {
        TempDir dir;
        const std::string path = db_path(dir);
        int go[2];
        REQUIRE(::pipe(go) == 0);
        pid_t pids[2];
        for (pid_t& pid : pids) {
            pid = ::fork();
            REQUIRE(pid >= 0);
            if (pid == 0) {
                ::close(go[1]);
                char c;
                if (::read(go[0], &c, 1) != 0) ::_exit(5);  // both start when the pipe closes
                try {
                    Store::create(path, "06");
                    ::_exit(0);
                } catch (const Error& e) {
                    ::_exit(std::string(e.what()).find("already exists") != std::string::npos ? 3 : 4);
                } catch (...) {
                    ::_exit(4);
                }
            }
        }
        ::close(go[0]);
        ::close(go[1]);
        int codes[2];
        for (int i = 0; i < 2; ++i) {
            int status = 0;
            ::waitpid(pids[i], &status, 0);
            REQUIRE(WIFEXITED(status));
            codes[i] = WEXITSTATUS(status);
        }
        INFO("attempt " << attempt << ": exit codes " << codes[0] << " and " << codes[1]);
        CHECK(std::min(codes[0], codes[1]) == 0);
        CHECK(std::max(codes[0], codes[1]) == 3);
        REQUIRE(std::filesystem::exists(path));
        Store store = Store::open(path);
        CHECK(store.municipalities("").size() == 290);
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            CHECK(e.path().extension() != ".part");
    }
#endif
}

TEST_CASE("Killing db init or demo at any moment leaves either no file or a complete database") {
#ifdef _WIN32
    WARN("forks the process that holds the database, which Windows cannot; not checked here");
#else
    const int teams = demo_teams();
    for (const bool demo : {false, true}) {
        for (int delay_ms = 0; delay_ms <= (demo ? 450 : 60); delay_ms += demo ? 30 : 5) {
            TempDir dir;
            const std::string path = db_path(dir);
            const pid_t pid = ::fork();
            REQUIRE(pid >= 0);
            if (pid == 0) {
                if (demo) ::execl(FIDELIS_CLI, FIDELIS_CLI, "demo", "--db", path.c_str(), nullptr);
                else ::execl(FIDELIS_CLI, FIDELIS_CLI, "db", "init", "--db", path.c_str(), "--county", "06", nullptr);
                ::_exit(127);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
            INFO((demo ? "demo" : "db init") << " killed after " << delay_ms << " ms");
            if (!std::filesystem::exists(path)) {
                // Nothing under the name; a retry works and does not say "already exists".
                const RunResult retry = cli({"db", "init", "--db", path, "--county", "06"});
                CHECK(retry.exit_code == 0);
                continue;
            }
            Store store = Store::open(path);
            CHECK(store.municipalities("").size() == 290);
            if (demo) CHECK(int(store.teams().size()) == teams);
        }
    }
#endif
}

TEST_CASE("The lock file names who holds the database and is gone once it is closed") {
    TempDir dir;
    const std::string path = db_path(dir);
    {
        Store store = Store::create(path, "06");
        const std::string info = read_file(FileLock::lock_path_for(path).string());
        CHECK_THAT(info, Catch::Contains("program=test_store"));
        CHECK_THAT(info, Catch::Contains("pid=" + std::to_string(::getpid())));
    }
    CHECK_FALSE(std::filesystem::exists(FileLock::lock_path_for(path)));
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    CHECK_FALSE(std::filesystem::exists(path + "-shm"));
}
