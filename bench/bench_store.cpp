// A national-size database (national_store.h): 290 municipalities, about 900 teams, 10
// IPS-25 rounds each. Targets (issue 3): county comparison < 50 ms, national comparison
// < 500 ms, committing one rating < 5 ms (median). Prints the file size too.
// bench_server takes the same measures on PostgreSQL.
#include "national_store.h"

#include <cstdio>
#include <filesystem>

int main() {
    using namespace fidelis;
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "fidelis-bench-store";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "nation.fidelis").string();

    const double build_s = bench::build_national(path);
    Store store = Store::open(path);
    const auto rounds = store.all_rounds().size();
    std::printf("national database: %zu teams, %zu rounds, %.1f MB, built in %.1f s\n", store.teams().size(), rounds,
                double(fs::file_size(path)) / 1e6, build_s);

    bool ok = true;
    std::size_t teams = 0;
    const auto tc = bench::time_county_comparison(store, teams);
    std::printf("county comparison: %zu teams\n", teams);
    ok &= bench::report("county comparison query (latest round per team + agreed levels)", tc, bench::county_target_ms);

    const auto tn = bench::time_national_comparison(store, teams);
    std::printf("national comparison: %zu teams\n", teams);
    ok &= bench::report("national comparison query", tn, bench::national_target_ms);

    const auto tr = bench::time_commit(store, store.teams().front().id);
    ok &= bench::report("commit one rating (WAL, synchronous=FULL)", tr, bench::file_commit_target_ms);
    fs::remove_all(dir);
    return ok ? 0 : 1;
}
