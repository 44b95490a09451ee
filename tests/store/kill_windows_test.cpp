// Windows' counterparts of the kill tests in storage_test.cpp and ownership_test.cpp, which
// fork there. Here the child is this test program again, started on a hidden case with
// CreateProcessW and killed with TerminateProcess: as abrupt as SIGKILL, nothing flushed,
// no destructor run. Compiled on Windows only (tests/CMakeLists.txt).
#include "store_fixture.h"
#include "store_impl.h"  // store/src: StoreAccess

#include <windows.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <sstream>
#include <thread>

using namespace fidelis;
using namespace fidelis::test;

namespace {

std::wstring widen(const std::string& s) {
    const int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), int(s.size()), nullptr, 0);
    std::wstring w(std::size_t(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), int(s.size()), w.data(), n);
    return w;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// This program on one hidden test case, with `vars` in its environment and its standard
// output on a pipe this process reads.
class Child {
public:
    Child(const std::string& test_case, const std::map<std::string, std::string>& vars) {
        for (const auto& [name, value] : vars) _wputenv_s(widen(name).c_str(), widen(value).c_str());
        SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        HANDLE write_end = nullptr;
        REQUIRE(CreatePipe(&read_, &write_end, &inherit, 1 << 20));
        SetHandleInformation(read_, HANDLE_FLAG_INHERIT, 0);
        wchar_t self[MAX_PATH * 4];
        GetModuleFileNameW(nullptr, self, DWORD(std::size(self)));
        std::wstring command = L"\"" + std::wstring(self) + L"\" \"" + widen(test_case) + L"\"";
        STARTUPINFOW si{};
        si.cb = sizeof si;
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdOutput = write_end;
        si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
        si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        const BOOL ok = CreateProcessW(self, command.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &si, &info_);
        CloseHandle(write_end);
        for (const auto& v : vars) _wputenv_s(widen(v.first).c_str(), L"");
        REQUIRE(ok);
    }
    ~Child() {
        kill();
        CloseHandle(read_);
        CloseHandle(info_.hThread);
        CloseHandle(info_.hProcess);
    }
    // Ends the child at once, as a power cut or the task manager would.
    void kill() {
        if (killed_) return;
        TerminateProcess(info_.hProcess, 9);
        WaitForSingleObject(info_.hProcess, INFINITE);
        killed_ = true;
    }
    // Reads what the child wrote until `enough` says so, the pipe closes, or time runs out.
    std::string read_until(const std::function<bool(const std::string&)>& enough, int timeout_ms = 30000) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (!enough(got_) && std::chrono::steady_clock::now() < deadline) {
            DWORD available = 0;
            if (!PeekNamedPipe(read_, nullptr, 0, nullptr, &available, nullptr)) break;
            if (available == 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                continue;
            }
            read_some();
        }
        return got_;
    }
    // Everything the child wrote before it died.
    std::string read_rest() {
        while (read_some()) {
        }
        return got_;
    }

private:
    bool read_some() {
        char buf[4096];
        DWORD n = 0;
        if (!ReadFile(read_, buf, sizeof buf, &n, nullptr) || n == 0) return false;
        got_.append(buf, n);
        return true;
    }
    HANDLE read_ = nullptr;
    PROCESS_INFORMATION info_{};
    bool killed_ = false;
    std::string got_;
};

// Write k sets item k % 25 to level 1 + (k / 25 + k) % 5: every write changes something.
std::string item_of(const Scale& scale, long k) { return scale.items[std::size_t(k % 25)].id; }
int level_of(long k) { return int(1 + (k / 25 + k) % 5); }

}  // namespace

// The writer: saves ratings from FIDELIS_CHILD_FROM on, printing each one's number once saved.
TEST_CASE("(child) a writer that acknowledges each saved rating", "[.child-writer]") {
    const ScalePtr scale = ips25();
    Store store = Store::open(env("FIDELIS_CHILD_DB"));
    const Id round = std::stoll(env("FIDELIS_CHILD_ROUND")), rater = std::stoll(env("FIDELIS_CHILD_RATER"));
    for (long k = std::stol(env("FIDELIS_CHILD_FROM"));; ++k) {
        Rating r = rating(item_of(*scale, k), rater, level_of(k));
        r.note = "skrivning " + std::to_string(k);
        store.save_rating(round, r);
        std::printf("%ld\n", k);
        std::fflush(stdout);
    }
}

// The owner: opens the file, adds a team, says so, and waits to be killed.
TEST_CASE("(child) an owner that holds the database open", "[.child-owner]") {
    Store store = Store::open(env("FIDELIS_CHILD_DB"));
    store.add_team("0680", "Innan kraschen", Method::SE);
    std::printf("ok\n");
    std::fflush(stdout);
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

TEST_CASE("Killing a writer mid-write with TerminateProcess never loses an acknowledged edit") {
    TempDir dir;
    const std::string path = db_path(dir);
    RoundSetup s;
    { Store store = Store::create(path, "06"); s = make_round(store); }
    const ScalePtr scale = ips25();
    long next_write = 0;
    std::map<std::string, int> expected;  // state after every acknowledged write

    for (int run = 0; run < 8; ++run) {
        std::string acks;
        {
            Child writer("[.child-writer]", {{"FIDELIS_CHILD_DB", path},
                                             {"FIDELIS_CHILD_ROUND", std::to_string(s.round)},
                                             {"FIDELIS_CHILD_RATER", std::to_string(s.anna)},
                                             {"FIDELIS_CHILD_FROM", std::to_string(next_write)}});
            // Once it is writing, let it write a little longer each run, then kill it.
            writer.read_until([](const std::string& t) { return t.find('\n') != std::string::npos; });
            std::this_thread::sleep_for(std::chrono::milliseconds(20 + 17 * run));
            writer.kill();
            acks = writer.read_rest();
        }
        long last_ack = next_write - 1;
        // Catch names its filter on the first line; every other complete line is a number.
        std::istringstream in(acks);
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line.find_first_not_of("0123456789\r") == std::string::npos && !in.eof())
                last_ack = std::stol(line);
        INFO("run " << run << ": " << last_ack - next_write + 1 << " acknowledged writes");
        REQUIRE(last_ack >= next_write);
        for (long k = next_write; k <= last_ack; ++k) expected[item_of(*scale, k)] = level_of(k);

        Store store = Store::open(path);  // runs the integrity check
        {
            Statement check(StoreAccess::database(store), "PRAGMA integrity_check");
            REQUIRE(check.step());
            CHECK(check.text(0) == "ok");
        }
        // Each item holds its last acknowledged level, or the one write that was in flight.
        const long in_flight = last_ack + 1;
        for (const auto& [item, level] : expected) {
            const auto stored = store.rating(s.round, item, s.anna);
            REQUIRE(stored);
            const bool acked = stored->input.level == level;
            const bool flight = item == item_of(*scale, in_flight) && stored->input.level == level_of(in_flight);
            CHECK((acked || flight));
        }
        if (const auto f = store.rating(s.round, item_of(*scale, in_flight), s.anna);
            f && f->note == "skrivning " + std::to_string(in_flight))
            expected[item_of(*scale, in_flight)] = level_of(in_flight), last_ack = in_flight;
        next_write = last_ack + 1;
    }
    CHECK(next_write > 8);
}

TEST_CASE("An owner killed with TerminateProcess leaves no stale lock: the next program opens the file at once") {
    TempDir dir;
    const std::string path = db_path(dir);
    { Store::create(path, "06"); }
    {
        Child owner("[.child-owner]", {{"FIDELIS_CHILD_DB", path}});
        const auto said_ok = [](const std::string& t) { return t.find("ok\r\n") != std::string::npos || t.find("ok\n") != std::string::npos; };
        REQUIRE(said_ok(owner.read_until(said_ok)));
        // While it lives, the file is its own.
        Store::OpenOptions no_wait;
        no_wait.busy_ms = 0;
        CHECK_THROWS(Store::open(path, no_wait));
        owner.kill();
    }
    Store::OpenOptions no_wait;
    no_wait.busy_ms = 0;
    Store store = Store::open(path, no_wait);
    CHECK(store.teams().size() == 1);
}
