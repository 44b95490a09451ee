// Exchange files: deterministic export, merging by UUID, and imports that fail cleanly.
#include "store_fixture.h"

#include "base/sha256.h"
#include "store/csv_export.h"
#include "store/demo.h"
#include "store/exchange.h"

#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {


// A small county: one completed round with everything, one draft round.
void fill(Store& store) {
    const RoundSetup s = make_round(store, "2025-10-01");
    Rating r = rating("S1", s.anna, 4);
    r.input.level.reset();
    r.input.value = 22;
    r.evidence = "Ärendelista per arbetsspecialist";
    r.note = "Rad ett\nRad två med \"citat\" & <tecken>";
    store.save_rating(s.round, r);
    Rating chk;
    chk.item_id = "O2";
    chk.rater_id = s.omar;
    chk.input.checked = {"b", "e"};
    store.save_rating(s.round, chk);
    Rating ps;
    ps.item_id = "V13";
    ps.rater_id = s.omar;
    ps.input.specialists = {70, 45.5, 20};
    store.save_rating(s.round, ps);
    Rating rule;
    rule.item_id = "V6";
    rule.rater_id = s.omar;
    rule.input.inputs = {{"contacts", {"6", "4.5"}}, {"seekers", {"3", "2"}}, {"tracking", {"weekly"}}};
    store.save_rating(s.round, rule);
    agree_all(store, s.round, 4);
    Rating c = rating("V1", consensus_rater, 2);
    c.rationale = "Enades efter samtal";
    store.save_rating(s.round, c);
    store.set_item_feedback(s.round, ItemFeedback{"V1", "", "Utbilda i ekonomisk vägledning"});
    store.set_round_summary(s.round, "Snabbt jobbsökande", "Ekonomisk vägledning");
    TeamFigures f;
    f.specialists = 2.5;
    f.caseload = 50;
    f.participants = GenderCount{26, 23, 1};
    store.set_team_figures(s.round, f);
    store.update_plan_header(s.round, Date::try_parse("2025-11-01"), Date::try_parse("2026-10-31"), "Eva Holm",
                             Date::try_parse("2026-04-01"));
    store.add_goal(s.round, PlanGoal{0, "", "V1", 2, 4, Date::try_parse("2026-10-31"), "Nå nivå 4"});
    PlanAction a;
    a.item_id = "V1";
    a.what = "Utbildning";
    a.responsible = "Maria Lund";
    a.due = Date::try_parse("2026-03-31");
    store.add_action(s.round, a);
    store.set_status(s.round, RoundStatus::Completed);

    Store::NewRound nr;
    nr.team_id = store.add_team("0604", "Aneby Arbete och stöd", Method::SE);
    nr.scale = seqf();
    nr.assessed_on = *Date::try_parse("2026-02-01");
    nr.raters = {{"Åsa Öberg", "Teamledare"}};
    const Id draft = store.create_round(nr);
    store.save_rating(draft, rating("CE1", store.round(draft).raters[0].id, 3));
}

}  // namespace

TEST_CASE("Export is deterministic and identical from any database") {
    TempDir dir;
    Store a = Store::create(db_path(dir, "a.fidelis"), "06");
    fill(a);
    const std::string first = export_rounds(a, all_ids(a));
    CHECK(export_rounds(a, all_ids(a)) == first);
    std::vector<Id> reversed = all_ids(a);
    std::reverse(reversed.begin(), reversed.end());
    CHECK(export_rounds(a, reversed) == first);

    // A different database (other county, other row ids) holding the same rounds.
    Store b = Store::create(db_path(dir, "b.fidelis"), "01");
    b.add_team("0114", "Någon annans team", Method::SE);
    const ImportReport report = import_exchange(b, first, "first.xml", {});
    CHECK(report.count(ImportedRound::Outcome::Added) == 2);
    const std::string again = export_rounds(b, all_ids(b));
    CHECK(again == first);
    CHECK(first.find("<fidelis-exchange xmlns=\"urn:fidelis:exchange:1\" format=\"2\">") != std::string::npos);
    CHECK(first.find(a.path()) == std::string::npos);
}

TEST_CASE("Everything a round holds survives the journey") {
    TempDir dir;
    Store a = Store::create(db_path(dir, "a.fidelis"), "06");
    fill(a);
    Store b = Store::create(db_path(dir, "b.fidelis"), "06");
    import_exchange(b, export_rounds(a, all_ids(a)), "x.xml", {});
    const Round ra = a.round(1);
    const Round rb = b.round(*b.round_by_uuid(ra.uuid));
    CHECK(rb.status == RoundStatus::Completed);
    CHECK(rb.raters.size() == 2);
    CHECK(b.rating(rb.id, "S1", rb.raters[0].id)->note == "Rad ett\nRad två med \"citat\" & <tecken>");
    CHECK(b.rating(rb.id, "S1", rb.raters[0].id)->input.value == 22);
    CHECK(b.rating(rb.id, "V13", rb.raters[1].id)->input.specialists == std::vector<double>{70, 45.5, 20});
    const auto v6 = b.rating(rb.id, "V6", rb.raters[1].id);
    CHECK(v6->input.inputs == InputValues{{"contacts", {"6", "4.5"}}, {"seekers", {"3", "2"}}, {"tracking", {"weekly"}}});
    CHECK(v6->input.level == 5);  // 5 and 5 (4.5 contacts for 2 job seekers)
    CHECK(b.rating(rb.id, "V1", consensus_rater)->rationale == "Enades efter samtal");
    CHECK(b.team_figures(rb.id)->participants.other == 1);
    CHECK(b.plan(rb.id).manager == "Eva Holm");
    CHECK(b.plan(rb.id).actions.at(0).responsible == "Maria Lund");
    CHECK(b.item_feedback(rb.id).at(0).recommendation == "Utbilda i ekonomisk vägledning");
    CHECK(b.team(rb.team_id).name == "IPS-teamet Jönköping");
}

TEST_CASE("Import adds new rounds, skips identical ones and leaves conflicts alone unless asked") {
    TempDir dir;
    Store a = Store::create(db_path(dir, "a.fidelis"), "06");
    fill(a);
    const std::string file = export_rounds(a, all_ids(a));
    Store b = Store::create(db_path(dir, "b.fidelis"), "06");

    const ImportReport dry = import_exchange(b, file, "x.xml", ImportOptions{true, false});
    CHECK(dry.count(ImportedRound::Outcome::Added) == 2);
    CHECK(b.all_rounds().empty());

    import_exchange(b, file, "x.xml", {});
    const ImportReport second = import_exchange(b, file, "x.xml", {});
    CHECK(second.count(ImportedRound::Outcome::Identical) == 2);

    // The team edits its draft round; the network's copy now conflicts with the file.
    const Id draft = *b.round_by_uuid(a.round(2).uuid);
    b.save_rating(draft, rating("CE2", b.round(draft).raters[0].id, 1));
    const ImportReport conflict = import_exchange(b, file, "x.xml", {});
    CHECK(conflict.count(ImportedRound::Outcome::Conflict) == 1);
    CHECK(conflict.count(ImportedRound::Outcome::Identical) == 1);
    CHECK(b.rating(draft, "CE2", b.round(draft).raters[0].id));  // untouched

    const ImportReport replaced = import_exchange(b, file, "x.xml", ImportOptions{false, true});
    CHECK(replaced.count(ImportedRound::Outcome::Replaced) == 1);
    const Id now = *b.round_by_uuid(a.round(2).uuid);
    CHECK_FALSE(b.rating(now, "CE2", b.round(now).raters[0].id));
    CHECK(export_rounds(b, all_ids(b)) == file);
}

TEST_CASE("Truncated, malformed, tampered and wrong-hash imports leave the database byte for byte as it was") {
    TempDir dir;
    std::string file;
    {
        Store a = Store::create(db_path(dir, "a.fidelis"), "06");
        fill(a);
        file = export_rounds(a, all_ids(a));
    }
    const std::string target = db_path(dir, "network.fidelis");
    {
        Store b = Store::create(target, "06");
        b.add_team("0686", "Eksjö Arbetsstöd", Method::SE);
    }
    const std::string before = database_bytes(target);

    std::string tampered = file;
    const std::string agreed = "<consensus item=\"S2\" level=\"4\"";
    const auto level = tampered.find(agreed);
    REQUIRE(level != std::string::npos);
    tampered.replace(level, agreed.size(), "<consensus item=\"S2\" level=\"5\"");
    std::string wrong_hash = file;
    const auto anchor = wrong_hash.find("41 eller fler");
    wrong_hash.replace(anchor, 13, "40 eller fler");
    std::string unknown_municipality = file;
    const auto m = unknown_municipality.find("municipality=\"0680\"");
    unknown_municipality.replace(m, 19, "municipality=\"9999\"");
    // A hand-made round with a valid digest but an item its scale lacks: it passes the
    // reading and fails while writing, after the first round went in.
    std::vector<RoundRecord> records = read_exchange(file, "x");
    RoundRecord bad = records.at(0);
    bad.round.uuid = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    bad.ratings.back().item_id = "Z9";
    records.push_back(bad);
    const std::string fails_midway = write_exchange(records);

    const std::vector<std::pair<std::string, std::string>> cases = {
        {"truncated", file.substr(0, file.size() / 2)},
        {"malformed", file.substr(0, 3000) + "<oops" + file.substr(3000)},
        {"tampered", tampered},
        {"wrong scale hash", wrong_hash},
        {"unknown municipality", unknown_municipality},
        {"fails midway", fails_midway},
        {"empty", ""},
        {"not an exchange file", "<scale/>"},
    };
    for (const auto& [name, text] : cases) {
        INFO(name);
        {
            Store b = Store::open(target);
            try {
                import_exchange(b, text, "import.xml", {});
                FAIL("imported");
            } catch (const Error& e) {
                const std::string msg = e.what();
                INFO(msg);
                CHECK_FALSE(msg.empty());
                if (name == "tampered") CHECK(msg.find("was changed after it was exported") != std::string::npos);
                if (name == "wrong scale hash") CHECK(msg.find("does not match its hash") != std::string::npos);
                if (name == "truncated" || name == "malformed") CHECK(msg.rfind("import.xml:", 0) == 0);
                if (name == "fails midway") CHECK(msg.find("\"Z9\"") != std::string::npos);
            }
            CHECK(b.all_rounds().empty());
        }
        CHECK(database_bytes(target) == before);
    }
}

TEST_CASE("Hostile text in notes and names travels safely") {
    TempDir dir;
    Store a = Store::create(db_path(dir, "a.fidelis"), "06");
    const RoundSetup s = make_round(a);
    Rating r = rating("S1", s.anna, 3);
    r.note = std::string(10000, 'x') + " \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \x01\x02\x1B[31m \xFF\xFE ]]> &amp; \r\n";
    a.save_rating(s.round, r);
    const std::string stored = a.rating(s.round, "S1", s.anna)->note;
    CHECK(stored.find('\x01') == std::string::npos);
    CHECK(stored.find('\r') == std::string::npos);
    CHECK(stored.find("\xF0\x9F\x98\x80") != std::string::npos);  // emoji kept
    CHECK(stored.find("\xEF\xBF\xBD") != std::string::npos);      // broken bytes replaced
    const std::string file = export_rounds(a, all_ids(a));
    Store b = Store::create(db_path(dir, "b.fidelis"), "06");
    import_exchange(b, file, "x.xml", {});
    CHECK(b.rating(s.round, "S1", b.round(s.round).raters[0].id)->note == stored);
    CHECK(export_rounds(b, all_ids(b)) == file);
}

TEST_CASE("CSV has the fixed header, a BOM, a row per round x item x rater plus consensus, with each text in its column") {
    TempDir dir;
    Store a = Store::create(db_path(dir), "06");
    fill(a);
    std::ostringstream out;
    const std::size_t rows = write_csv(a, out, {});
    CHECK(rows == 25 * 3 + 32 * 2);  // IPS-25 with two raters + consensus; SEQF with one rater + consensus
    const std::string text = out.str();
    CHECK(text.rfind("\xEF\xBB\xBF" "round_id;municipality_code;municipality;team;scale;edition;date;review_type;item;"
                     "rater;level;cannot_rate;note;evidence;rationale\r\n", 0) == 0);
    CHECK(text.find(";0680;Jönköping;IPS-teamet Jönköping;ips-25;2019;2025-10-01;external;S1;Anna Berg;4;0;"
                    "\"Rad ett\nRad två med \"\"citat\"\" & <tecken>\";Ärendelista per arbetsspecialist;\r\n") !=
          std::string::npos);
    CHECK(text.find(";V1;consensus;2;0;;;Enades efter samtal\r\n") != std::string::npos);
    CHECK(text.find(";CE1;Åsa Öberg;3;0;;;\r\n") != std::string::npos);
    CHECK(text.find(";CE1;consensus;3;0;;;\r\n") != std::string::npos);  // a single rater's rating is the result

    std::ostringstream comma;
    CsvOptions with_commas;
    with_commas.separator = ',';
    write_csv(a, comma, with_commas);
    CHECK(comma.str().find("round_id,municipality_code,municipality,") != std::string::npos);
}

TEST_CASE("The exchange file of the demo county validates against its XSD") {
    TempDir dir;
    Store demo = create_demo(db_path(dir));
    write_file((dir / "demo.xml").string(), export_rounds(demo, all_ids(demo)));
    const auto r = run("/usr/bin/xmllint", {"--noout", "--schema",
                                            std::string(FIDELIS_SOURCE_DIR) + "/store/schema/fidelis-exchange.xsd",
                                            (dir / "demo.xml").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
}
