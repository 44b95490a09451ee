// A revised definition keeps history whole: a database made before rule items existed
// (schema 3) opens, migrates, and its rounds keep their snapshot and their totals,
// while new rounds use the revision and still follow the old ones as the same scale.
#include "scales/scale_diff.h"
#include "scales/scoring.h"
#include "database.h"  // store/src
#include "store_fixture.h"

using namespace fidelis;
using namespace fidelis::test;

namespace {

ScalePtr before_revision() {
    static const ScalePtr s =
        load_scale_file(std::string(FIDELIS_FIXTURES) + "/scales/ips-25-before-2026-12.xml").scale;
    REQUIRE(s);
    return s;
}

}  // namespace

// [file]: it writes a schema-3 file by hand; a server's schema starts at version 5.
TEST_CASE("A database from before rule items migrates, and its rounds keep their definition and totals", "[file]") {
    TempDir dir;
    const std::string path = db_path(dir);
    Id old_round = 0;
    double old_total = 0;
    {
        Store store = Store::create(path, "06");
        const RoundSetup s = make_round(store, "2025-05-20", before_revision());
        old_round = s.round;
        agree_all(store, s.round, 4);
        Rating v6 = rating("V6", consensus_rater, 0);
        v6.input.level.reset();
        v6.input.specialists = {6, 4.5, 2};  // the old per-specialist V6: levels 5, 3, 2 -> 3
        store.save_rating(s.round, v6);
        store.set_status(s.round, RoundStatus::Consensus);
        store.set_status(s.round, RoundStatus::Completed);
        old_total = score(*store.scale_of(store.round(s.round)), store.result_ratings(s.round)).total;
        CHECK(old_total == 24 * 4 + 3);
    }
    {
        // Back to how Fidelis 1 left it: schema 3, no inputs column.
        Database db(path, Database::Mode::ReadWrite);
        db.exec("ALTER TABLE ratings DROP COLUMN inputs");
        db.exec("DROP TABLE team_outcomes");  // and no quarterly outcomes (schema 5) either
        db.exec("ALTER TABLE ratings DROP COLUMN revision");  // nor rating revisions (schema 6)
        db.exec("PRAGMA user_version = 3");
    }
    Store store = Store::open(path);
    const Round old = store.round(old_round);
    CHECK(old.scale_hash == before_revision()->content_hash);
    const ScalePtr old_scale = store.scale_of(old);
    CHECK(old_scale->item("V6")->shape == ItemShape::PerSpecialist);
    CHECK(score(*old_scale, store.result_ratings(old_round)).total == old_total);
    CHECK(store.rating(old_round, "V6", consensus_rater)->input.specialists == std::vector<double>{6, 4.5, 2});

    // A new round on the revision follows the old one as the same scale.
    Store::NewRound nr;
    nr.team_id = old.team_id;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse("2026-12-01");
    nr.raters = {{"Anna Berg", ""}};
    const Id fresh = store.create_round(nr);
    Rating o1 = rating("O1", consensus_rater, 0);
    o1.input.level.reset();
    o1.input.inputs = {{"attachment", {"teams1or2"}}, {"share", {"92"}}};
    store.save_rating(fresh, o1);
    CHECK(store.rating(fresh, "O1", consensus_rater)->input.level == 5);
    const auto previous = store.previous_round(store.round(fresh));
    REQUIRE(previous);
    CHECK(previous->id == old_round);
    CHECK(store.round(fresh).scale_hash != old.scale_hash);

    // And what changed between the two is known, item by item.
    const ScaleDiff d = diff_scales(*old_scale, *store.scale_of(store.round(fresh)), "en");
    const auto affected = d.affected_items();
    for (const char* id : {"O1", "V6", "O4", "V7", "V12"}) {
        INFO(id);
        CHECK(std::find(affected.begin(), affected.end(), id) != affected.end());
    }
    CHECK(std::find(affected.begin(), affected.end(), "S1") == affected.end());
    REQUIRE(revision_since(*old_scale, *store.scale_of(store.round(fresh))));
}
