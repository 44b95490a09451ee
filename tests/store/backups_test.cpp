// Automatic backups: one folder per database, names in time order, exactly the last ten
// kept, a failure reported and never thrown, and a backup put back whole.
#include "store_fixture.h"

#include "base/atomic_file.h"
#include "store/backups.h"
#include "store/demo.h"

#include <chrono>
#include <cstdlib>
#include <fstream>

using namespace fidelis;
using namespace fidelis::test;
namespace fs = std::filesystem;

TEST_CASE("Each open's backup is a whole database, and exactly the last ten are kept") {
    TempDir dir;
    const std::string db = db_path(dir);
    Store store = Store::create(db, "06");
    const Id team = store.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    const BackupFolder folder(dir / "backups");
    std::vector<fs::path> made;
    for (int i = 0; i < 13; ++i) {
        const BackupOutcome o = back_up_now(store, folder);
        REQUIRE(o.ok);
        CHECK(o.error.empty());
        made.push_back(o.file);
    }
    const std::vector<Backup> kept = folder.list(db);
    REQUIRE(kept.size() == 10);
    // Newest first, and they are the last ten made.
    for (std::size_t i = 0; i < kept.size(); ++i) CHECK(kept[i].file == made[made.size() - 1 - i]);
    for (std::size_t i = 0; i < 3; ++i) CHECK_FALSE(fs::exists(made[i]));
    CHECK(kept[0].size == fs::file_size(made.back()));
    CHECK(kept[0].taken_at.size() == 19);  // "2026-03-14 09:12:05"

    // A backup restores as the database it copies, and restoring it leaves it as it was.
    const std::string before = read_file(path_to_utf8(kept[0].file));
    const std::string restored = db_path(dir, "restored.fidelis");
    restore_backup(kept[0].file, restored);
    CHECK(Store::open(restored).team(team).name == "IPS-teamet Jönköping");
    CHECK(read_file(path_to_utf8(kept[0].file)) == before);
}

TEST_CASE("Backup names sort by time, even for two in one millisecond or a clock set back") {
    TempDir dir;
    const std::string db = db_path(dir);
    const BackupFolder folder(dir / "backups");
    const auto t = std::chrono::system_clock::from_time_t(1773475925) + std::chrono::milliseconds(123);  // 2026-03-14 08:12:05.123 UTC
    const fs::path first = folder.next_file(db, t);
    CHECK(first.filename() == "20260314-081205-123.fidelis");
    fs::create_directories(first.parent_path());
    write_file(path_to_utf8(first), "x");
    const fs::path same_ms = folder.next_file(db, t);
    CHECK(same_ms.filename() == "20260314-081205-124.fidelis");
    const fs::path earlier = folder.next_file(db, t - std::chrono::hours(5));
    CHECK(earlier.filename() > first.filename());
    CHECK(folder.next_file(db, t + std::chrono::hours(24)).filename() == "20260315-081205-123.fidelis");
    // Files that are not backups (notes, another program's) are neither listed nor pruned.
    write_file(path_to_utf8(first.parent_path() / "database.txt"), db);
    write_file(path_to_utf8(first.parent_path() / "notes.fidelis"), "x");
    CHECK(folder.list(db).size() == 1);
    CHECK(folder.prune(db).empty());
}

TEST_CASE("Two databases with the same file name in two folders keep their own backups") {
    TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    const std::string a = (dir / "a" / "county.fidelis").string();
    const std::string b = (dir / "b" / "county.fidelis").string();
    Store sa = Store::create(a, "06");
    Store sb = Store::create(b, "07");
    const BackupFolder folder(dir / "backups");
    CHECK(folder.folder_of(a) != folder.folder_of(b));
    CHECK(folder.folder_of(a).filename().string().rfind("county-", 0) == 0);
    CHECK(folder.folder_of(a) == folder.folder_of((dir / "a" / ".." / "a" / "county.fidelis").string()));  // one file, one folder
    REQUIRE(back_up_now(sa, folder).ok);
    REQUIRE(back_up_now(sa, folder).ok);
    REQUIRE(back_up_now(sb, folder).ok);
    CHECK(folder.list(a).size() == 2);
    REQUIRE(folder.list(b).size() == 1);
    Store copy = Store::open(path_to_utf8(folder.list(b)[0].file), read_only_options());
    CHECK(copy.home_county().code == "07");
}

TEST_CASE("A backup that cannot be written says why and throws nothing, and the store goes on") {
    TempDir dir;
    const std::string db = db_path(dir);
    Store store = Store::create(db, "06");
    write_file((dir / "not-a-folder").string(), "x");  // where the backup folder should be
    PendingBackup pending(store, BackupFolder(dir / "not-a-folder" / "backups"));
    const BackupOutcome o = pending.write();
    CHECK_FALSE(o.ok);
    CHECK_FALSE(o.error.empty());
    CHECK(store.add_team("0680", "Efter", Method::SE) > 0);
}

TEST_CASE("The snapshot is taken when the backup starts: later edits are not in it") {
    TempDir dir;
    const std::string db = db_path(dir);
    Store store = Store::create(db, "06");
    store.add_team("0680", "Före", Method::SE);
    PendingBackup pending(store, BackupFolder(dir / "backups"));
    store.add_team("0682", "Efter", Method::SE);  // while the backup waits to be written
    const BackupOutcome o = pending.write();
    REQUIRE(o.ok);
    Store copy = Store::open(path_to_utf8(o.file), read_only_options());
    REQUIRE(copy.teams().size() == 1);
    CHECK(copy.teams()[0].name == "Före");
}

TEST_CASE("Restoring puts the backup's content in place of the database, checked, and refuses a damaged backup") {
    TempDir dir;
    const std::string db = db_path(dir);
    const BackupFolder folder(dir / "backups");
    fs::path backup;
    {
        Store store = Store::create(db, "06");
        store.add_team("0680", "I backupen", Method::SE);
        backup = back_up_now(store, folder).file;
        store.add_team("0682", "Efter backupen", Method::SE);
    }
    restore_backup(backup, db);
    {
        Store restored = Store::open(db);
        REQUIRE(restored.teams().size() == 1);
        CHECK(restored.teams()[0].name == "I backupen");
    }
    // As a new file beside it.
    const std::string other = db_path(dir, "restored.fidelis");
    restore_backup(backup, other);
    CHECK(Store::open(other, read_only_options()).teams().size() == 1);

    // A damaged backup is refused and the target stays as it was.
    const std::string damaged = (dir / "damaged.fidelis").string();
    std::string bytes = read_file(path_to_utf8(backup));
    for (std::size_t i = 4096; i < bytes.size() && i < 4096 * 3; ++i) bytes[i] = char(0x5A);
    write_file(damaged, bytes);
    fs::permissions(damaged, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write, fs::perm_options::remove);
    const std::string target_before = read_file(other);
    CHECK_THROWS_WITH(restore_backup(damaged, other), Catch::Contains("damaged too"));
    CHECK(read_file(other) == target_before);
    for (const auto& e : fs::directory_iterator(dir.path()))  // no working copy left behind
        CHECK(e.path().filename().string().find(".restoring-") == std::string::npos);

    // A database that was not closed (a -wal beside it) is not replaced.
    write_file(other + "-wal", "changes not yet in the file");
    CHECK_THROWS_WITH(restore_backup(backup, other), Catch::Contains("not yet written into it"));
    CHECK(read_file(other) == target_before);
}

TEST_CASE("A damaged database is set aside with the files beside it, never removed") {
    TempDir dir;
    const std::string db = db_path(dir);
    write_file(db, "damaged");
    write_file(db + "-wal", "wal");
    const fs::path aside = set_aside(db);
    CHECK_FALSE(fs::exists(db));
    CHECK_FALSE(fs::exists(db + "-wal"));
    CHECK(read_file(path_to_utf8(aside)) == "damaged");
    CHECK(read_file(path_to_utf8(aside) + "-wal") == "wal");
    CHECK(aside.filename().string().rfind("county.fidelis.damaged-", 0) == 0);
}

// How long opening waits for the snapshot, and how long the write takes on its thread, for
// the database in FIDELIS_TIMING_DB (not run by default: `test_store "[.timing]"`).
TEST_CASE("Backup timing of a given database", "[.timing]") {
    const char* db = std::getenv("FIDELIS_TIMING_DB");
    if (!db) return;
    TempDir dir;
    Store store = Store::open(db);
    using Ms = std::chrono::duration<double, std::milli>;
    const auto t0 = std::chrono::steady_clock::now();
    PendingBackup pending(store, BackupFolder(dir / "backups"));
    const auto t1 = std::chrono::steady_clock::now();
    const BackupOutcome o = pending.write();
    const auto t2 = std::chrono::steady_clock::now();
    REQUIRE(o.ok);
    WARN("size " << fs::file_size(o.file) / 1024 << " KiB; snapshot (opening waits) " << Ms(t1 - t0).count()
                 << " ms; write on the thread " << Ms(t2 - t1).count() << " ms");
}
