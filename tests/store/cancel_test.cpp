// Long store work reports its progress and can be cancelled: a cancelled import leaves the
// database file as it was, byte for byte, and a cancelled CSV or exchange export leaves no
// file behind when it is written the way the window writes it (AtomicFile).
#include "store_fixture.h"

#include "base/atomic_file.h"
#include "base/progress.h"
#include "store/csv_export.h"
#include "store/demo.h"
#include "store/exchange.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every fraction it hears, and false from the `stop_at`th call on (0: never).
struct Recorder {
    std::vector<double> heard;
    std::size_t stop_at = 0;
    Progress progress() {
        return [this](double fraction) {
            heard.push_back(fraction);
            return stop_at == 0 || heard.size() < stop_at;
        };
    }
    bool rising_within_0_1() const {
        for (std::size_t i = 0; i < heard.size(); ++i)
            if (heard[i] < 0 || heard[i] > 1 || (i > 0 && heard[i] < heard[i - 1])) return false;
        return true;
    }
};

// The demo county's rounds as an exchange file on disk.
struct DemoFile {
    TempDir dir;
    std::string file = (dir / "county.xml").string();
    std::size_t rounds = 0;
    DemoFile() {
        Store demo = create_demo(db_path(dir, "demo.fidelis"));
        const std::vector<Id> ids = all_ids(demo);
        rounds = ids.size();
        std::ofstream(file, std::ios::binary) << export_rounds(demo, ids);
    }
};

}  // namespace

TEST_CASE("An import from a file reports rising progress up to the whole file") {
    DemoFile demo;
    Store store = Store::create(db_path(demo.dir), "06");
    Recorder recorder;
    std::ifstream in(demo.file, std::ios::binary);
    const ImportReport report = import_exchange(store, in, demo.file, {}, recorder.progress());
    CHECK(report.rounds.size() == demo.rounds);
    CHECK(recorder.heard.size() > demo.rounds);  // after every round and quarter, and at both ends
    CHECK(recorder.rising_within_0_1());
    CHECK(recorder.heard.front() == 0.0);
    CHECK(recorder.heard.back() == 1.0);
    // Halfway through the rounds, the reading is somewhere in the middle of the file.
    const double middle = recorder.heard[recorder.heard.size() / 2];
    CHECK(middle > 0.1);
    CHECK(middle < 0.9);
}

TEST_CASE("An import from text in memory reports its progress too") {
    DemoFile demo;
    Store store = Store::create(db_path(demo.dir), "06");
    Recorder recorder;
    import_exchange(store, file_bytes(demo.file), "county.xml", ImportOptions{true, false}, recorder.progress());
    CHECK(recorder.rising_within_0_1());
    CHECK(recorder.heard[recorder.heard.size() / 2] > 0.1);
    CHECK(recorder.heard.back() == 1.0);
}

TEST_CASE("A cancelled import leaves the database file byte-identical, and nothing of it is imported") {
    DemoFile demo;
    const std::string path = db_path(demo.dir);
    {
        // Something already there, so that a rollback has pages to restore.
        Store store = Store::create(path, "06");
        store.add_team("0680", "Jobbcenter Jönköping", Method::SE);
    }
    { Store opened = Store::open(path); }  // as the window opens and closes it
    const std::string before = database_bytes(path);

    for (const bool dry_run : {false, true}) {
        Store store = Store::open(path);
        Recorder recorder;
        recorder.stop_at = 10;  // some rounds in: several are written by then
        std::ifstream in(demo.file, std::ios::binary);
        CHECK_THROWS_AS(import_exchange(store, in, demo.file, ImportOptions{dry_run, false}, recorder.progress()), Cancelled);
        CHECK(recorder.heard.size() == 10);  // it stopped at once
        CHECK(store.all_rounds().empty());
        CHECK(store.teams().size() == 1);
    }
    CHECK(database_bytes(path) == before);
    for (const char* beside : {"-wal", "-journal"}) CHECK_FALSE(std::filesystem::exists(path + beside));

    // The same file imports whole afterwards: every round is new, none half there.
    Store store = Store::open(path);
    std::ifstream in(demo.file, std::ios::binary);
    CHECK(import_exchange(store, in, demo.file, {}).count(ImportedRound::Outcome::Added) == int(demo.rounds));
}

TEST_CASE("A cancel after the last round still imports nothing") {
    DemoFile demo;
    Store store = Store::create(db_path(demo.dir), "06");
    Recorder counting;
    { std::ifstream in(demo.file, std::ios::binary); import_exchange(store, in, demo.file, ImportOptions{true, false}, counting.progress()); }
    Recorder recorder;
    recorder.stop_at = counting.heard.size();  // the very last report, just before the commit
    std::ifstream in(demo.file, std::ios::binary);
    CHECK_THROWS_AS(import_exchange(store, in, demo.file, {}, recorder.progress()), Cancelled);
    CHECK(store.all_rounds().empty());
}

TEST_CASE("A cancelled CSV export reports Cancelled and, written through AtomicFile, leaves no file") {
    TempDir dir;
    Store demo = create_demo(db_path(dir, "demo.fidelis"));
    const std::size_t rounds = demo.all_rounds().size();
    const auto out_dir = dir / "out";
    std::filesystem::create_directory(out_dir);
    for (const CsvLayout layout : {CsvLayout::Long, CsvLayout::Wide}) {
        CsvOptions options;
        options.layout = layout;
        Recorder whole;
        std::ostringstream out;
        write_csv(demo, out, options, whole.progress());
        CHECK(whole.heard.size() == rounds);  // one report per round
        CHECK(whole.rising_within_0_1());

        const auto target = out_dir / "rounds.csv";
        Recorder recorder;
        recorder.stop_at = 3;
        CHECK_THROWS_AS(([&] {
                            AtomicFile file(target);
                            write_csv(demo, file.stream(), options, recorder.progress());
                            file.commit();
                        }()),
                        Cancelled);
        CHECK(recorder.heard.size() == 3);
        CHECK_FALSE(std::filesystem::exists(target));
    }
    CHECK(std::filesystem::is_empty(out_dir));  // no temporary file either
}

TEST_CASE("A cancelled exchange export reports Cancelled and leaves no file, and one not cancelled is the same bytes") {
    TempDir dir;
    Store demo = create_demo(db_path(dir, "demo.fidelis"));
    const std::vector<Id> ids = all_ids(demo);
    Recorder whole;
    std::ostringstream out;
    export_rounds(demo, ids, out, {}, whole.progress());
    CHECK(out.str() == export_rounds(demo, ids));
    CHECK(whole.heard.size() == ids.size());
    CHECK(whole.rising_within_0_1());

    const auto target = dir / "rounds.xml";
    Recorder recorder;
    recorder.stop_at = 2;
    CHECK_THROWS_AS(([&] {
                        AtomicFile file(target);
                        export_rounds(demo, ids, file.stream(), {}, recorder.progress());
                        file.commit();
                    }()),
                    Cancelled);
    CHECK_FALSE(std::filesystem::exists(target));
}
