// Peak memory and time of importing exchange files of 10,000 and 100,000 rounds with
// fidelis-cli, into a fresh database, again (every round identical) and as a dry run.
// Goal (data-safety issue): under 150 MB for the 10,000-round file of about 3 MB, and
// growing with the file beyond it. Each import runs in its own process, so its peak
// resident size is the kernel's figure for that process alone.
#include "child_process.h"
#include "store/exchange.h"
#include "store/store.h"
#include "scales/scale_library.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace fidelis;
namespace fs = std::filesystem;

using Run = bench::ChildRun;

Run run_cli(const std::vector<std::string>& args) { return bench::run_child(FIDELIS_CLI, args); }

// A file like a network's year of self-assessments: many short rounds, each with its
// team, one rater and a few ratings.
std::string make_file(const ScalePtr& scale, int rounds) {
    std::vector<RoundRecord> records;
    records.reserve(std::size_t(rounds));
    char uuid[40];
    for (int i = 0; i < rounds; ++i) {
        RoundRecord rec;
        rec.scale = scale;
        const int team = i % 900;
        std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", team);
        rec.team = Team{0, uuid, "Team " + std::to_string(team), "0680", "Jönköping", Method::IPS, true};
        std::snprintf(uuid, sizeof uuid, "11111111-0000-4000-8000-%012d", i);
        rec.round.uuid = uuid;
        rec.round.scale_hash = scale->content_hash;
        rec.round.scale_id = scale->id;
        rec.round.edition = scale->edition;
        rec.round.assessed_on = Date{2016 + i % 10, 1 + i % 12, 1 + i % 28};
        rec.round.review_type = ReviewType::Self;
        rec.round.status = RoundStatus::Draft;
        rec.round.raters = {Rater{0, 1, "Åsa Öberg", ""}};
        for (const char* item : {"V1", "V2"}) {
            Rating r;
            r.item_id = item;
            r.rater_id = 1;
            r.input.level = 1 + i % 5;
            rec.ratings.push_back(r);
        }
        records.push_back(std::move(rec));
    }
    return write_exchange(records);
}

}  // namespace

int main() {
    const fs::path dir = fs::temp_directory_path() / "fidelis-bench-import";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const ScalePtr scale = ScaleLibrary::discover().find("ips-25", "")->scale;
    bool ok = true;
    double first_mb = 0, first_file_mb = 0;
    std::printf("%-8s %8s | %-22s | %-22s | %-22s\n", "rounds", "file", "import (fresh)", "re-import (identical)",
                "dry run");
    for (const int rounds : {10000, 100000}) {
        const std::string file = (dir / ("rounds-" + std::to_string(rounds) + ".xml")).string();
        {
            std::ofstream(file, std::ios::binary) << make_file(scale, rounds);
        }
        const std::string db = (dir / ("import-" + std::to_string(rounds) + ".fidelis")).string();
        if (run_cli({"db", "init", "--db", db, "--county", "06"}).exit_code != 0) return 1;
        const Run fresh = run_cli({"import", "--db", db, file});
        const Run again = run_cli({"import", "--db", db, file});
        const Run dry = run_cli({"import", "--db", db, "--dry-run", file});
        const double file_mb = double(fs::file_size(file)) / 1e6;
        std::printf("%-8d %6.1f MB | %7.1f s %8.0f MB | %7.1f s %8.0f MB | %7.1f s %8.0f MB\n", rounds, file_mb,
                    fresh.seconds, fresh.peak_mb, again.seconds, again.peak_mb, dry.seconds, dry.peak_mb);
        ok &= fresh.exit_code == 0 && again.exit_code == 0 && dry.exit_code == 0;
        if (rounds == 10000) {
            first_mb = fresh.peak_mb;
            first_file_mb = file_mb;
            ok &= fresh.peak_mb < 150;
        } else {
            std::printf("peak memory grew %.1f× for a file %.1f× as large\n", fresh.peak_mb / first_mb,
                        file_mb / first_file_mb);
        }
    }
    std::printf("%s\n", ok ? "OK" : "OVER TARGET");
    fs::remove_all(dir);
    return ok ? 0 : 1;
}
