// National scale (issue 16): time and peak memory of each command on a synthetic country
// of 900 teams × 10 rounds (1×) and twice that (2×), each command run by fidelis-cli in a
// process of its own, and the window's start at 1×, 2× and 4×. Prints the old
// figures beside the new ones and the 2×/1× ratio, and fails when a goal is missed:
//   export and re-import linear (2×/1× ≤ 2.6), export at 1× under 15 s and under 200 MB
//   at 2×; import of the 1× file under 300 MB; CSV at 2× under 100 MB; opening under
//   100 ms whatever the size; one county's report independent of the country (2×/1× ≤
//   1.4); the window's start at 4× under 0.5 s.
// The databases and files go to $FIDELIS_BENCH_DIR (default: the temporary folder) and
// are removed at the end; 4× needs about 2 GB there.
#include "child_process.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using fidelis::bench::ChildRun;
using fidelis::bench::run_child;

const std::string cli = FIDELIS_CLI;

// The median run of `times` (by wall time); the first is dropped as a warm-up when there are several.
ChildRun median_of(int times, const std::vector<std::string>& args) {
    std::vector<ChildRun> runs;
    for (int i = 0; i < times; ++i) {
        ChildRun r = run_child(cli, args);
        if (!r.ok()) return r;
        if (times == 1 || i > 0) runs.push_back(r);
    }
    std::sort(runs.begin(), runs.end(), [](const ChildRun& a, const ChildRun& b) { return a.seconds < b.seconds; });
    return runs[runs.size() / 2];
}

#ifdef FIDELIS_GUI_BINARY
// The window's own measure from process start to its first idle moment, median of 4 (after a warm-up).
double window_start_ms(const fs::path& dir, const std::string& db) {
    const std::string command = "XDG_CONFIG_HOME=" + (dir / "config").string() +
                                " xvfb-run -a -s '-screen 0 1280x800x24 -noreset' " FIDELIS_GUI_BINARY " --db " + db +
                                " --benchmark-startup 2>/dev/null";
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        FILE* p = popen(command.c_str(), "r");
        if (!p) return -1;
        char line[256];
        while (fgets(line, sizeof line, p)) {
            double v = 0;
            if (std::sscanf(line, "start to usable window: %lf ms", &v) == 1 && i > 0) ms.push_back(v);
        }
        pclose(p);
    }
    if (ms.empty()) return -1;
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}
#endif

std::string cell(const ChildRun& r, bool memory = true) {
    if (!r.ok()) return "FAILED (exit " + std::to_string(r.exit_code) + ")";
    char buf[64];
    if (memory) std::snprintf(buf, sizeof buf, "%.2f s, %.0f MB", r.seconds, r.peak_mb);
    else std::snprintf(buf, sizeof buf, "%.3f s", r.seconds);
    return buf;
}

struct Row {
    std::string name, old1, old2;
    ChildRun one, two;
    bool memory = true;
    std::string goal;
    bool met = true;
};

}  // namespace

int main() {
    const char* base = std::getenv("FIDELIS_BENCH_DIR");
    const fs::path dir = fs::path(base && *base ? base : fs::temp_directory_path().string()) / "fidelis-bench-national";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto at = [&](const std::string& name) { return (dir / name).string(); };

    std::map<int, ChildRun> made;
    for (int f : {1, 2}) {
        const std::string db = at("nation-" + std::to_string(f) + "x.fidelis");
        made[f] = run_child(cli, {"demo", "--national", "--teams", std::to_string(900 * f), "--db", db});
        std::printf("%d×: %d teams × 10 rounds, %.0f MB database, made in %.1f s\n", f, 900 * f,
                    double(fs::file_size(db)) / 1e6, made[f].seconds);
        if (!made[f].ok()) return 1;
    }

    std::map<std::string, std::map<int, ChildRun>> runs;
    for (int f : {1, 2}) {
        const std::string x = std::to_string(f) + "x";
        const std::string db = at("nation-" + x + ".fidelis"), file = at("nation-" + x + ".xml"),
                          fresh = at("imported-" + x + ".fidelis");
        runs["export"][f] = run_child(cli, {"export", "--db", db, "--out", file});
        if (!run_child(cli, {"db", "init", "--db", fresh, "--county", "06"}).ok()) return 1;
        runs["import"][f] = run_child(cli, {"import", "--db", fresh, file});
        runs["dry"][f] = run_child(cli, {"import", "--db", fresh, "--dry-run", file});
        runs["csv"][f] = run_child(cli, {"csv", "--db", db, "--out", at("nation-" + x + ".csv")});
        runs["open"][f] = median_of(6, {"teams", "--db", db});
        runs["county"][f] = median_of(4, {"report", "county", "--db", db, "--scale", "ips-25", "--out", at("county.pdf")});
        runs["national"][f] =
            median_of(3, {"report", "county", "--db", db, "--scale", "ips-25", "--county", "all", "--out", at("nation.pdf")});
        std::printf("%s: exchange file %.0f MB\n", x.c_str(), double(fs::file_size(file)) / 1e6);
        fs::remove(file);
        fs::remove(fresh);
        fs::remove(at("nation-" + x + ".csv"));
    }

    auto ratio = [](const Row& r) { return r.two.seconds / r.one.seconds; };
    std::vector<Row> rows = {
        {"export", "60 s, 1.96 GB", "228 s, 3.9 GB", runs["export"][1], runs["export"][2], true,
         "1× < 15 s, 2× < 200 MB, 2×/1× ≤ 2.6"},
        {"import (fresh database)", "14.5 s, 1.6 GB", "32 s, 3.2 GB", runs["import"][1], runs["import"][2], true,
         "1× < 300 MB"},
        {"re-import, dry run", "55 s", "", runs["dry"][1], runs["dry"][2], true, "2×/1× ≤ 2.6"},
        {"csv", "2.9 s, 216 MB", "6.4 s, 424 MB", runs["csv"][1], runs["csv"][2], true, "2× < 100 MB"},
        {"open (teams)", "0.16 s", "0.32 s", runs["open"][1], runs["open"][2], false, "< 0.1 s"},
        {"one county's report", "0.21 s", "0.37 s", runs["county"][1], runs["county"][2], false, "2×/1× ≤ 1.4"},
        {"national report", "", "", runs["national"][1], runs["national"][2], false, ""},
    };
    Row& exp = rows[0];
    exp.met = exp.one.seconds < 15 && exp.two.peak_mb < 200 && ratio(exp) <= 2.6;
    rows[1].met = rows[1].one.peak_mb < 300;
    rows[2].met = ratio(rows[2]) <= 2.6;
    rows[3].met = rows[3].two.peak_mb < 100;
    rows[4].met = rows[4].one.seconds < 0.1 && rows[4].two.seconds < 0.1;
    rows[5].met = ratio(rows[5]) <= 1.4;

    bool ok = true;
    std::printf("\n%-24s | %-15s | %-15s | %-17s | %-17s | %-6s | %s\n", "", "old 1×", "old 2×", "new 1×", "new 2×",
                "2×/1×", "goal");
    for (Row& r : rows) {
        r.met = r.met && r.one.ok() && r.two.ok();
        ok = ok && r.met;
        std::printf("%-24s | %-15s | %-15s | %-17s | %-17s | %6.2f | %s%s\n", r.name.c_str(), r.old1.c_str(),
                    r.old2.c_str(), cell(r.one, r.memory).c_str(), cell(r.two, r.memory).c_str(), ratio(r),
                    r.goal.c_str(), r.goal.empty() ? "" : (r.met ? " OK" : " MISSED"));
    }

#ifdef FIDELIS_GUI_BINARY
    // The window at 1×, 2× and 4× (old: 0.35–0.41 s at 1×, 1.14–1.18 s at 4×).
    std::map<int, double> start;
    for (int f : {1, 2, 4}) {
        const std::string db = at("nation-" + std::to_string(f) + "x.fidelis");
        if (f == 4 && !run_child(cli, {"demo", "--national", "--teams", "3600", "--db", db}).ok()) return 1;
        start[f] = window_start_ms(dir, db);
    }
    const bool start_ok = start[4] > 0 && start[4] < 500;
    ok = ok && start_ok;
    std::printf("%-24s | %-15s | %-15s | %-17s | %-17s | %6.2f | 4× < 0.5 s: %.3f s (old 1.14–1.18 s)%s\n",
                "the window's start", "0.35–0.41 s", "", (std::to_string(start[1] / 1000).substr(0, 5) + " s").c_str(),
                (std::to_string(start[2] / 1000).substr(0, 5) + " s").c_str(), start[2] / start[1], start[4] / 1000,
                start_ok ? " OK" : " MISSED");
#endif
    std::printf("%s\n", ok ? "OK" : "OVER A GOAL");
    fs::remove_all(dir);
    return ok ? 0 : 1;
}
