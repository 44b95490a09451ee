// Import lets in nothing that another write path refuses. Each hostile file has a valid
// digest (it is re-exported after the edit), so only the rules can refuse it; every refusal
// leaves the database byte for byte as it was, and its dry run gives the same verdict.
#include "store_fixture.h"

#include "base/sha256.h"
#include "store/demo.h"
#include "store/exchange.h"

#include <cmath>
#include <cstring>
#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {


// The demo's completed external review of a team, with two raters and a consensus.
std::vector<RoundRecord> demo_records() {
    static const std::vector<RoundRecord> records = [] {
        TempDir dir;
        Store store = create_demo(db_path(dir, "demo.fidelis"));
        std::vector<RoundRecord> out;
        for (const Round& r : store.all_rounds())
            if (r.status == RoundStatus::Completed && r.review_type == ReviewType::External && r.raters.size() == 2 &&
                r.scale_id == "ips-25") {
                out.push_back(store.record(r.id));
                if (out.size() == 2) break;
            }
        return out;
    }();
    REQUIRE(records.size() == 2);
    return records;
}

Rating* find_rating(RoundRecord& rec, const std::string& item, Id rater) {
    for (Rating& r : rec.ratings)
        if (r.item_id == item && r.rater_id == rater) return &r;
    return nullptr;
}

struct Verdict {
    bool refused = false;
    std::string message;
    int added = 0, identical = 0, conflicts = 0;
};

Verdict try_import(const std::string& db, const std::string& text, bool dry_run) {
    Verdict v;
    Store store = Store::open(db);
    try {
        ImportOptions o;
        o.dry_run = dry_run;
        const ImportReport r = import_exchange(store, text, "hostile.xml", o);
        v.added = r.count(ImportedRound::Outcome::Added);
        v.identical = r.count(ImportedRound::Outcome::Identical);
        v.conflicts = r.count(ImportedRound::Outcome::Conflict);
    } catch (const Error& e) {
        v.refused = true;
        v.message = e.what();
    }
    return v;
}

// The whole database as text, as a person checking it would compare it.
std::string dump(const std::string& db) {
    if (on_server) return database_bytes(db);
    const RunResult r = run("/usr/bin/sqlite3", {db, ".dump"});
    REQUIRE(r.exit_code == 0);
    return sha256_hex(r.out);
}

}  // namespace

TEST_CASE("Import refuses every round another write path would refuse, and leaves the database as it was") {
    const std::vector<RoundRecord> base = demo_records();
    const Id consensus = consensus_rater;
    using Edit = std::function<void(RoundRecord&)>;
    const std::vector<std::tuple<std::string, Edit, std::string>> cases = {
        {"a completed round without consensus",
         [&](RoundRecord& r) {
             r.ratings.erase(std::remove_if(r.ratings.begin(), r.ratings.end(),
                                            [&](const Rating& x) { return x.rater_id == consensus; }),
                             r.ratings.end());
         },
         "no agreed rating"},
        {"a level that contradicts its number",
         [](RoundRecord& r) {
             Rating* x = find_rating(r, "S1", 1);
             x->input.value = 22;  // 21–25 people per specialist is level 4
             x->input.level = 2;
         },
         "does not match"},
        {"a value outside every range", [](RoundRecord& r) { find_rating(r, "V5", 1)->input.value = 150; },
         "outside every range"},
        {"a negative number", [](RoundRecord& r) { find_rating(r, "S1", 1)->input.value = -4; }, "negative"},
        {"an unknown checklist component",
         [](RoundRecord& r) {
             Rating* x = find_rating(r, "O2", 1);
             x->input.checked = {"a", "zz"};
             x->input.level = 2;
         },
         "no component \"zz\""},
        {"a component ticked twice",
         [](RoundRecord& r) {
             Rating* x = find_rating(r, "O2", 1);
             x->input.checked = {"a", "a"};
             x->input.level = 2;
         },
         "ticked twice"},
        {"negative team figures",
         [](RoundRecord& r) {
             r.figures = TeamFigures{};
             r.figures->participants.women = -3;
         },
         "cannot be negative"},
        {"more in work than participants",
         [](RoundRecord& r) {
             r.figures = TeamFigures{};
             r.figures->participants.men = 4;
             r.figures->competitive_work.men = 9;
         },
         "than there are participants"},
        {"a period that ends before it starts",
         [](RoundRecord& r) {
             r.round.period_from = Date::try_parse("2025-06-01");
             r.round.period_to = Date::try_parse("2025-01-01");
         },
         "ends before it starts"},
        {"a plan goal at level -7",
         [](RoundRecord& r) {
             r.plan->goals.push_back(PlanGoal{0, "aaaaaaaa-0000-4000-8000-000000000001", "V1", -7, 99, {}, ""});
         },
         "level -7 is not on the scale"},
        {"a plan action for an item the scale lacks",
         [](RoundRecord& r) {
             PlanAction a;
             a.uuid = "aaaaaaaa-0000-4000-8000-000000000002";
             a.item_id = "Q9";
             a.what = "Något";
             r.plan->actions.push_back(a);
         },
         "no item \"Q9\""},
        {"a level off the scale", [](RoundRecord& r) { find_rating(r, "V1", consensus_rater)->input.level = 7; },
         "level 7 is not on the scale"},
        {"an item rated twice by one rater",
         [](RoundRecord& r) { r.ratings.push_back(*find_rating(r, "V1", 1)); }, "rated twice"},
        {"a note over the size limit",
         [](RoundRecord& r) { find_rating(r, "V1", 1)->note = std::string(100001, 'x'); }, "at most 100000"},
        {"two raters with one name", [](RoundRecord& r) { r.round.raters[1].name = r.round.raters[0].name; },
         "already a rater"},
        {"rule inputs that give another level",
         [](RoundRecord& r) {
             Rating* x = find_rating(r, "O1", consensus_rater);
             x->input.inputs = {{"attachment", {"separate"}}};
             x->input.level = 4;
         },
         "does not match"},
        {"a rule input value the rule does not know",
         [](RoundRecord& r) { find_rating(r, "O1", consensus_rater)->input.inputs = {{"attachment", {"seven"}}}; },
         "not \"seven\""},
        {"named inputs on an item that takes none",
         [](RoundRecord& r) { find_rating(r, "S1", 1)->input.inputs = {{"share", {"50"}}}; }, "takes no named inputs"},
    };

    TempDir dir;
    const std::string db = db_path(dir, "network.fidelis");
    {
        Store store = Store::create(db, "06");
        store.add_team("0686", "Eksjö Arbetsstöd", Method::SE);
    }
    const std::string before = dump(db);
    const std::string bytes = database_bytes(db);
    for (const auto& [name, edit, expected] : cases) {
        INFO(name);
        std::vector<RoundRecord> records = base;
        edit(records.back());
        const std::string file = write_exchange(records);
        const Verdict dry = try_import(db, file, true);
        const Verdict real = try_import(db, file, false);
        CHECK(real.refused);
        CHECK(dry.refused == real.refused);
        CHECK(dry.message == real.message);
        CHECK_THAT(real.message, Catch::Contains(expected));
        CHECK_THAT(real.message, !Catch::Contains("constraint") && !Catch::Contains("SQLITE"));
        CHECK(dump(db) == before);
        CHECK(database_bytes(db) == bytes);
    }
}

TEST_CASE("A scale that forbids cannot-rate forbids it in imported rounds too") {
    std::vector<RoundRecord> records = demo_records();
    std::string text = records[0].scale->xml;
    const std::string allowed = "<cannot-rate allowed=\"true\"/>";
    REQUIRE(text.find(allowed) != std::string::npos);
    text.replace(text.find(allowed), allowed.size(), "<cannot-rate allowed=\"false\"/>");
    const ScalePtr strict = parse_scale(text, "strict").scale;
    REQUIRE(strict);
    RoundRecord rec = records[0];
    rec.scale = strict;
    rec.round.scale_hash = strict->content_hash;
    Rating* x = find_rating(rec, "V1", 1);
    x->input.level.reset();
    x->input.cannot_rate = true;
    x->input.cannot_rate_reason = "Ingen uppgift";
    TempDir dir;
    const std::string db = db_path(dir);
    { Store::create(db, "06"); }
    const std::string before = dump(db);
    const Verdict v = try_import(db, write_exchange({rec}), false);
    CHECK(v.refused);
    CHECK_THAT(v.message, Catch::Contains("cannot be marked \"cannot rate\""));
    CHECK(dump(db) == before);
}

TEST_CASE("Numbers in an exchange file are 64-bit and range-checked, never wrapped, nan and inf are refused") {
    const std::string file = write_exchange({demo_records()[0]});
    TempDir dir;
    const std::string db = db_path(dir);
    { Store::create(db, "06"); }
    const std::string before = dump(db);
    // The file with one attribute of the first element starting `start` set to `value`.
    auto with_attribute = [&](const std::string& start, const std::string& attribute, const std::string& value) {
        std::string t = file;
        const auto at = t.find(start);
        REQUIRE(at != std::string::npos);
        const auto end = t.find('>', at);
        const auto a = t.find(" " + attribute + "=\"", at);
        if (a != std::string::npos && a < end) {
            const auto v = a + attribute.size() + 3;
            t.replace(v, t.find('"', v) - v, value);
        } else {
            t.insert(at + start.size(), " " + attribute + "=\"" + value + "\"");
        }
        return t;
    };
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"4294967298", with_attribute("<consensus item=\"S2\"", "level", "4294967298"), "out of range"},
        {"99999999999999999999", with_attribute("<consensus item=\"S2\"", "level", "99999999999999999999"),
         "out of range"},
        {"a rater position past int", with_attribute("<rater ", "position", "-9223372036854775808"), "out of range"},
        {"nan", with_attribute("<rating item=\"S1\" rater=\"1\"", "value", "nan"), "is not a number"},
        {"inf", with_attribute("<rating item=\"S1\" rater=\"1\"", "value", "inf"), "is not a number"},
        {"1e999", with_attribute("<rating item=\"S1\" rater=\"1\"", "value", "1e999"), "is not a number"},
    };
    for (const auto& [name, text, expected] : cases) {
        INFO(name);
        const Verdict v = try_import(db, text, false);
        CHECK(v.refused);
        CHECK_THAT(v.message, Catch::Contains("hostile.xml:") && Catch::Contains(expected));
        CHECK(dump(db) == before);
    }
}

TEST_CASE("A file with one round twice, another namespace or a team twice with two names is refused") {
    std::vector<RoundRecord> records = demo_records();
    TempDir dir;
    const std::string db = db_path(dir);
    { Store::create(db, "06"); }
    const std::string before = dump(db);

    const std::string twice = write_exchange({records[0], records[0]});
    Verdict v = try_import(db, twice, true);
    CHECK(v.refused);
    CHECK_THAT(v.message, Catch::Contains("appears twice in the file"));
    CHECK(try_import(db, twice, false).message == v.message);

    std::string other_ns = write_exchange({records[0]});
    other_ns.replace(other_ns.find("urn:fidelis:exchange:1"), 22, "urn:example:other:1234");
    v = try_import(db, other_ns, false);
    CHECK(v.refused);
    CHECK_THAT(v.message, Catch::Contains("not a Fidelis exchange file"));

    // write_exchange writes each team once; a hand-made file can hold it twice.
    std::string team_twice = write_exchange({records[0]});
    const auto team_at = team_twice.find("<team ");
    const std::string team_line = team_twice.substr(team_at, team_twice.find('>', team_at) + 1 - team_at);
    std::string renamed = team_line;
    const auto name_at = renamed.find(" name=\"") + 7;
    renamed.replace(name_at, renamed.find('"', name_at) - name_at, "Ett annat namn");
    team_twice.insert(team_at, renamed + "\n  ");
    v = try_import(db, team_twice, false);
    CHECK(v.refused);
    CHECK_THAT(v.message, Catch::Contains("appears twice in the file, with different details"));
    CHECK(dump(db) == before);
}

TEST_CASE("A team id that belongs to another team here is a conflict, never merged") {
    std::vector<RoundRecord> records = demo_records();
    TempDir dir;
    const std::string db = db_path(dir);
    {
        Store store = Store::create(db, "06");
        store.add_team("0604", "Aneby Arbete och stöd", Method::SE, records[0].team.uuid);
    }
    const std::string before = dump(db);
    ImportOptions replace;
    replace.replace_conflicts = true;
    for (const ImportOptions& options : {ImportOptions{}, replace}) {
        Store store = Store::open(db);
        const ImportReport r = import_exchange(store, write_exchange({records[0]}), "f.xml", options);
        REQUIRE(r.rounds.size() == 1);
        CHECK(r.rounds[0].outcome == ImportedRound::Outcome::Conflict);
        CHECK_THAT(r.rounds[0].reason, Catch::Contains("Aneby Arbete och stöd"));
        CHECK(store.team_by_uuid(records[0].team.uuid)->name == "Aneby Arbete och stöd");
    }
    CHECK(dump(db) == before);
}

TEST_CASE("Re-importing a file with control characters in its text is identical, not a conflict") {
    std::vector<RoundRecord> records = demo_records();
    // Raw control characters, as a hand-edited or badly generated file holds them.
    find_rating(records[0], "V1", 1)->note = "Rad\x01 ett\x07\nRad två\x1b";
    const std::string file = write_exchange({records[0]});
    TempDir dir;
    const std::string db = db_path(dir);
    { Store::create(db, "06"); }
    {
        Store store = Store::open(db);
        CHECK(import_exchange(store, file, "f.xml", {}).count(ImportedRound::Outcome::Added) == 1);
    }
    Store store = Store::open(db);
    const ImportReport again = import_exchange(store, file, "f.xml", {});
    CHECK(again.count(ImportedRound::Outcome::Identical) == 1);
    CHECK(again.count(ImportedRound::Outcome::Conflict) == 0);
}

TEST_CASE("The dry run is the import rolled back: it agrees with the real import, also on a read-only database") {
    const std::vector<RoundRecord> records = demo_records();
    TempDir dir;
    const std::string db = db_path(dir);
    { Store::create(db, "06"); }
    const std::string before = dump(db);
    const std::string file = write_exchange(records);
    const Verdict dry = try_import(db, file, true);
    CHECK(dump(db) == before);
    {
        Store ro = Store::open(db, read_only_options());
        ImportOptions o;
        o.dry_run = true;
        const ImportReport r = import_exchange(ro, file, "f.xml", o);
        CHECK(r.count(ImportedRound::Outcome::Added) == dry.added);
    }
    const Verdict real = try_import(db, file, false);
    CHECK_FALSE(real.refused);
    CHECK(dry.added == 2);
    CHECK(real.added == dry.added);
    const Verdict again_dry = try_import(db, file, true);
    CHECK(again_dry.identical == 2);
}

TEST_CASE("A strict reader: an attribute or a single element twice, or an id that is not a UUID, is refused") {
    const std::string file = write_exchange({demo_records()[0]});
    TempDir dir;
    const std::string db = db_path(dir);
    { Store::create(db, "06"); }
    const std::string before = dump(db);
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string t = file;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    const auto figures = file.find("<figures");
    REQUIRE(figures != std::string::npos);
    const std::string figures_element = file.substr(figures, file.find("</figures>", figures) + 10 - figures);
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"an attribute twice", edited("<consensus item=\"S2\"", "<consensus item=\"S2\" item=\"S3\""), "appears twice"},
        // The reader took the first <figures> and the digest matched: the second was ignored.
        {"figures twice", edited(figures_element, figures_element + figures_element), "may appear only once"},
        {"a team id that is no UUID", edited("<team uuid=\"", "<team uuid=\"x"), "is not an id"},
    };
    for (const auto& [name, text, expected] : cases) {
        INFO(name);
        const Verdict v = try_import(db, text, false);
        CHECK(v.refused);
        CHECK_THAT(v.message, Catch::Contains(expected));
        CHECK(dump(db) == before);
    }
    std::vector<RoundRecord> records = demo_records();
    Rating* both = find_rating(records[0], "V1", 1);
    both->input.cannot_rate = true;
    both->input.cannot_rate_reason = "Saknar underlag";
    CHECK_THAT(try_import(db, write_exchange({records[0]}), false).message,
               Catch::Contains("marked \"cannot rate\" and has a level too"));
    records = demo_records();
    find_rating(records[0], "S1", 1)->input.value = 5e6;
    CHECK_THAT(try_import(db, write_exchange({records[0]}), false).message, Catch::Contains("too large"));
    CHECK(dump(db) == before);
}

TEST_CASE("An exchange file whose rule inputs are not NAME=VALUE is refused at the rating") {
    std::vector<RoundRecord> records = demo_records();
    std::string file = write_exchange(records);
    const auto at = file.find("<inputs>attachment=");
    REQUIRE(at != std::string::npos);
    file.replace(at, std::strlen("<inputs>attachment="), "<inputs>attachment ");
    TempDir dir;
    const std::string db = db_path(dir, "network.fidelis");
    { Store store = Store::create(db, "06"); }
    const std::string before = dump(db);
    const Verdict v = try_import(db, file, false);
    CHECK(v.refused);
    CHECK_THAT(v.message, Catch::Contains("hostile.xml:") && Catch::Contains("must hold one NAME=VALUE per line"));
    CHECK(dump(db) == before);
}
