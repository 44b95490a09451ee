// Report speed and size. Targets (issue 5): the demo county report under 300 ms; a
// county report over a national-size database (290 municipalities) under 3 s and
// 200 MB of memory. Issue 16: the demo county report under 100 KB, and at most 1.2 times
// a bare libharu program drawing the same pages (bare_libharu.h). Prints every report
// type's size too.
#include "bare_libharu.h"
#include "base/paths.h"
#include "reports/reports.h"
#include "store/demo.h"
#include "timing.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using namespace fidelis;

int main() {
    const fs::path dir = fs::temp_directory_path() / "fidelis-bench-reports";
    fs::remove_all(dir);
    fs::create_directories(dir);
    bool ok = true;
    reports::ReportOptions options;
    options.lang = "sv";

    Store demo = create_demo((dir / "demo.fidelis").string());
    reports::CountyQuery county;
    county.from = Date::try_parse("2024-01-01");
    county.to = Date::try_parse("2025-12-31");
    const std::string county_pdf = (dir / "county.pdf").string();
    const auto tc = bench::measure(15, [&] { reports::write_county_report(demo, county, county_pdf, options); });
    ok &= bench::report("demo county report (15 teams, 13 municipalities)", tc, 300);
    const double county_kb = double(fs::file_size(county_pdf)) / 1024;
    std::printf("demo county report: %.0f KB (target < 100 KB) %s\n", county_kb, county_kb < 100 ? "OK" : "LARGE");
    ok &= county_kb < 100;

    // The same pages drawn by libharu alone. qpdf, which the tests use too, unpacks them.
    const std::string unpacked = (dir / "county-qdf.pdf").string();
    const std::string qpdf = "qpdf --qdf --object-streams=disable '" + county_pdf + "' '" + unpacked + "'";
    if (std::system(qpdf.c_str()) == 0) {
        const auto pages = bench::read_pages(unpacked);
        const std::string bare_pdf = (dir / "bare.pdf").string();
        const auto tb = bench::measure(
            15, [&] { bench::draw_with_bare_libharu(pages, paths::fonts_dir().string(), bare_pdf); });
        bench::report("the same pages drawn by libharu alone", tb, 300);
        const double ratio = tc.median_ms / tb.median_ms;
        std::printf("demo county report / bare libharu: %.2f times (target <= 1.2) %s; bare file %.0f KB\n", ratio,
                    ratio <= 1.2 ? "OK" : "SLOW", double(fs::file_size(bare_pdf)) / 1024);
        ok &= ratio <= 1.2;
    } else {
        std::printf("qpdf is missing: no comparison with bare libharu\n");
        ok = false;
    }

    const Id team = demo.teams().front().id;
    const Id round = demo.rounds_of_team(team).back().id;
    struct Sized {
        const char* name;
        std::string path;
    };
    const std::vector<Sized> files = {{"round report", (dir / "round.pdf").string()},
                                      {"trend report", (dir / "trend.pdf").string()},
                                      {"county comparison", county_pdf},
                                      {"improvement plan", (dir / "plan.pdf").string()},
                                      {"scorecard", (dir / "scorecard.pdf").string()}};
    const auto tr = bench::measure(15, [&] { reports::write_round_report(demo, round, files[0].path, options); });
    bench::report("round report", tr, 300);
    reports::write_trend_report(demo, team, "", files[1].path, options);
    reports::write_plan_report(demo, round, files[3].path, options);
    reports::write_scorecard(demo, team, files[4].path, options);
    for (const Sized& f : files) std::printf("size of the %s: %.0f KB\n", f.name, double(fs::file_size(f.path)) / 1024);

    // National size, in a child process so its peak memory is the report's alone.
    const std::string nation = (dir / "nation.fidelis").string();
    { Store s = create_synthetic(nation, 7, 900, 10); }
    std::fflush(stdout);  // the child must not print the parent's buffered lines again
    const pid_t pid = fork();
    if (pid == 0) {
        Store s = Store::open(nation);
        reports::CountyQuery q;
        q.county_code = "all";
        q.from = Date::try_parse("2024-01-01");
        q.to = Date::try_parse("2025-12-31");
        const auto t = bench::measure(3, [&] { reports::write_county_report(s, q, (dir / "nation.pdf").string(), options); });
        const bool fast = bench::report("national county report (900 teams, 290 municipalities)", t, 3000);
        std::printf("size of the national county report: %.0f KB\n", double(fs::file_size(dir / "nation.pdf")) / 1024);
        std::fflush(stdout);
        _exit(fast ? 0 : 1);
    }
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status)) std::printf("the national report process died (signal %d)\n", WTERMSIG(status));
    const double peak_mb = double(usage.ru_maxrss) / 1024.0;
    std::printf("national county report: peak memory %.0f MB (target < 200 MB) %s\n", peak_mb, peak_mb < 200 ? "OK" : "HIGH");
    ok &= WIFEXITED(status) && WEXITSTATUS(status) == 0 && peak_mb < 200;
    fs::remove_all(dir);
    return ok ? 0 : 1;
}
