// A national-size database: 290 municipalities, about 900 teams, 10 IPS-25 rounds each.
// Targets (issue 3): county comparison < 50 ms, national comparison < 500 ms, committing
// one rating < 5 ms (median). Prints the file size too.
#include "scales/scale_library.h"
#include "store/demo.h"
#include "store/store.h"
#include "timing.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

int main() {
    using namespace fidelis;
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "fidelis-bench-store";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "nation.fidelis").string();

    const auto start = std::chrono::steady_clock::now();
    {
        Store built = create_synthetic(path, 7, 900, 10);
    }
    const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Store store = Store::open(path);
    const auto rounds = store.all_rounds().size();
    std::printf("national database: %zu teams, %zu rounds, %.1f MB, built in %.1f s\n", store.teams().size(), rounds,
                double(fs::file_size(path)) / 1e6, build_s);

    bool ok = true;
    ResultQuery county{"ips-25", "", Date::try_parse("2020-01-01"), Date::try_parse("2025-12-31"), "06", true};
    std::size_t teams = 0;
    const auto tc = bench::measure(15, [&] { teams = store.latest_results(county).size(); });
    std::printf("county comparison: %zu teams\n", teams);
    ok &= bench::report("county comparison query (latest round per team + agreed levels)", tc, 50);

    ResultQuery nation = county;
    nation.county_code.clear();
    const auto tn = bench::measure(7, [&] { teams = store.latest_results(nation).size(); });
    std::printf("national comparison: %zu teams\n", teams);
    ok &= bench::report("national comparison query", tn, 500);

    // Commit one rating at a time, as the window does on every keystroke.
    const Team team = store.teams().front();
    Store::NewRound nr;
    nr.team_id = team.id;
    nr.scale = ScaleLibrary::discover().find("ips-25")->scale;
    nr.assessed_on = *Date::try_parse("2026-11-01");
    nr.raters = {{"Bänk Testare", ""}};
    const Id round = store.create_round(nr);
    const Id rater = store.round(round).raters[0].id;
    int k = 0;
    const auto tr = bench::measure(300, [&] {
        Rating r;
        r.item_id = nr.scale->items[std::size_t(k % 25)].id;
        r.rater_id = rater;
        r.input.level = 1 + k % 5;
        r.note = "anteckning " + std::to_string(k++);
        store.save_rating(round, r);
    });
    ok &= bench::report("commit one rating (WAL, synchronous=FULL)", tr, 5);
    fs::remove_all(dir);
    return ok ? 0 : 1;
}
