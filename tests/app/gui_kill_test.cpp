// The window is killed in the middle of an assessment: every rating it showed as saved
// (and logged, after the commit) is in the database, and the database is intact.
#include "gui_support.h"
#include "run.h"
#include "scales/scale_library.h"
#include "store/store.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

using namespace fidelis;
using namespace fidelis::test;

namespace {

pid_t spawn(const std::vector<std::string>& argv) {
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

int count_lines(const std::string& path) {
    std::ifstream in(path);
    int n = 0;
    for (std::string line; std::getline(in, line);) ++n;
    return n;
}

bool window_is_up() {
    return run("/usr/bin/xdotool", {"search", "--name", "Fidelis"}).exit_code == 0;
}

}  // namespace

TEST_CASE("Killing the window mid-assessment loses nothing shown as saved", "[gui]") {
    if (delegated_to_xvfb()) return;
    TempDir dir;
    const std::string db = (dir / "county.fidelis").string();
    Id round = 0;
    {
        Store s = Store::create(db, "06");
        Store::NewRound nr;
        // A scale whose every level is chosen directly, so that every digit typed rates (on
        // IPS-25 a digit on an item with inputs only goes to the input).
        nr.team_id = s.add_team("0680", "Supported Employment Jönköping", Method::SE);
        nr.scale = ScaleLibrary::discover().find("seqf-se")->scale;
        nr.assessed_on = *Date::try_parse("2026-11-10");
        nr.raters = {{"Anna Berg", ""}};
        round = s.create_round(nr);
    }
    const std::string log = (dir / "saved.log").string();
    int total_saved = 0;
    for (int run_no = 0; run_no < 3; ++run_no) {
        INFO("run " << run_no);
        const pid_t app = spawn({FIDELIS_GUI_BINARY, "--db", db, "--round", std::to_string(round), "--save-log", log,
                                 "--headless", "--lang", "en"});
        for (int i = 0; i < 100 && !window_is_up(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        REQUIRE(window_is_up());
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        run("/usr/bin/xdotool", {"mousemove", "600", "400"});
        // A rater working fast: a level, the next item, a level, the next item…
        std::vector<std::string> keys = {"xdotool", "key", "--delay", "35"};
        for (int i = 0; i < 25; ++i) {
            keys.push_back(std::to_string(1 + (i + run_no) % 4));  // SEQF has four levels
            keys.push_back("Next");
        }
        keys[0] = "/usr/bin/xdotool";
        const pid_t typist = spawn(keys);
        // Kill mid-typing: once this run has saved something (however loaded the machine
        // is), and a little later each run, so the kill falls at different moments.
        for (int i = 0; i < 300 && count_lines(log) <= total_saved; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + 250 * run_no));
        kill(app, SIGKILL);
        kill(typist, SIGKILL);
        int status = 0;
        waitpid(app, &status, 0);
        waitpid(typist, &status, 0);

        // The last saved level per item, as the window logged it after each commit.
        std::map<std::string, std::string> saved;
        std::ifstream in(log);
        int lines = 0;
        for (std::string line; std::getline(in, line); ++lines) {
            std::istringstream f(line);
            std::string item, rater, level;
            std::getline(f, item, '\t');
            std::getline(f, rater, '\t');
            std::getline(f, level, '\t');
            saved[item] = level;
        }
        Store store = Store::open(db);  // checks integrity
        CHECK(store.check().empty());  // SQLite's full integrity check
        const Id anna = store.round(round).raters.at(0).id;
        for (const auto& [item, level] : saved) {
            INFO(item);
            const auto r = store.rating(round, item, anna);
            REQUIRE(r);
            CHECK(std::to_string(r->input.level.value_or(0)) == level);
        }
        CHECK(lines > total_saved);  // this run saved something before it was killed
        total_saved = lines;
    }
    CHECK(total_saved >= 10);
}
