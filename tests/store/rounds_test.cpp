// Rounds, ratings per shape, consensus, completion, locking and history.
#include "store_fixture.h"

using namespace fidelis;
using namespace fidelis::test;

TEST_CASE("A round stores its scale snapshot and reads correctly after the file changes") {
    TempDir dir;
    std::string text = read_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml");
    const ScalePtr original = parse_scale(text, "ips").scale;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store, "2026-01-15", original);
    const Round r = store.round(s.round);
    CHECK(r.scale_id == "ips-25");
    CHECK(r.edition == "2019");
    CHECK(r.scale_hash == original->content_hash);

    // Even in a new session with no scale files, the round's own snapshot answers.
    { Store closing = std::move(store); }
    Store reopened = Store::open(db_path(dir));
    const ScalePtr snap = reopened.scale_of(reopened.round(s.round));
    CHECK(snap->content_hash == original->content_hash);
    CHECK(snap->item("S1")->anchor(1)->text.get("sv") == "41 eller fler deltagare per heltidstjänst.");

    // A later, edited file is a different snapshot; the old round keeps its own.
    text.replace(text.find("41 eller fler"), 13, "45 eller fler");
    const ScalePtr edited = parse_scale(text, "ips").scale;
    Store::NewRound nr;
    nr.team_id = s.team;
    nr.scale = edited;
    nr.assessed_on = *Date::try_parse("2026-06-01");
    const Id later = reopened.create_round(nr);
    CHECK(reopened.round(later).scale_hash != r.scale_hash);
    CHECK(reopened.scale_of(reopened.round(s.round))->item("S1")->anchor(1)->text.get("sv").rfind("41", 0) == 0);
}

TEST_CASE("Numeric, checklist and per-specialist inputs decide the level") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);

    Rating numeric;
    numeric.item_id = "S1";
    numeric.rater_id = s.anna;
    numeric.input.value = 23;
    store.save_rating(s.round, numeric);
    CHECK(store.rating(s.round, "S1", s.anna)->input.level == 4);
    CHECK(store.rating(s.round, "S1", s.anna)->input.value == 23);

    numeric.input.level = 5;  // contradicts 23 people per specialist
    CHECK_THROWS_WITH(store.save_rating(s.round, numeric), Catch::Contains("does not match what was entered"));
    numeric.input.level.reset();
    numeric.input.value = -3;
    CHECK_THROWS_WITH(store.save_rating(s.round, numeric), Catch::Contains("-3 is negative"));

    Rating checklist;
    checklist.item_id = "O2";
    checklist.rater_id = s.anna;
    checklist.input.checked = {"a", "c", "d"};
    store.save_rating(s.round, checklist);
    CHECK(store.rating(s.round, "O2", s.anna)->input.level == 3);
    CHECK(store.rating(s.round, "O2", s.anna)->input.checked == std::vector<std::string>{"a", "c", "d"});
    checklist.input.checked = {"a", "z"};
    CHECK_THROWS_WITH(store.save_rating(s.round, checklist), Catch::Contains("no component \"z\""));

    Rating per_specialist;
    per_specialist.item_id = "V13";
    per_specialist.rater_id = s.omar;
    per_specialist.input.specialists = {70, 55, 30};  // levels 5, 4, 2 -> 3.67 -> 4
    store.save_rating(s.round, per_specialist);
    CHECK(store.rating(s.round, "V13", s.omar)->input.level == 4);
    CHECK(store.rating(s.round, "V13", s.omar)->input.specialists == std::vector<double>{70, 55, 30});

    // Rule items: the level follows the official rule from the named inputs.
    Rating rule;
    rule.item_id = "V6";
    rule.rater_id = s.omar;
    rule.input.inputs = {{"contacts", {"6", "5"}}, {"tracking", {"monthly"}}};  // capped at 3, 3
    store.save_rating(s.round, rule);
    CHECK(store.rating(s.round, "V6", s.omar)->input.level == 3);
    CHECK(store.rating(s.round, "V6", s.omar)->input.inputs.at("tracking") == std::vector<std::string>{"monthly"});
    rule.input.level = 5;
    CHECK_THROWS_WITH(store.save_rating(s.round, rule), Catch::Contains("does not match"));
    rule.input.level.reset();
    rule.input.inputs = {{"contacts", {"6"}}};  // kept while the rest is typed, with no level yet
    store.save_rating(s.round, rule);
    CHECK_FALSE(store.rating(s.round, "V6", s.omar)->input.level);
    rule.input.level = 4;
    CHECK_THROWS_WITH(store.save_rating(s.round, rule), Catch::Contains("missing: tracking"));
    rule.input.level.reset();
    rule.input.inputs = {{"attachment", {"none"}}};
    CHECK_THROWS_WITH(store.save_rating(s.round, rule), Catch::Contains("no input \"attachment\""));
    Rating o1;
    o1.item_id = "O1";
    o1.rater_id = s.omar;
    o1.input.inputs = {{"attachment", {"teams1or2"}}};
    o1.input.level = 4;
    CHECK_THROWS_WITH(store.save_rating(s.round, o1), Catch::Contains("missing: colocated-days, share"));
    o1.input.level.reset();
    o1.input.inputs["share"] = {"75"};
    store.save_rating(s.round, o1);
    CHECK(store.rating(s.round, "O1", s.omar)->input.level == 4);
    Rating inputs_elsewhere = rating("S1", s.omar, 3);
    inputs_elsewhere.input.inputs = {{"share", {"75"}}};
    CHECK_THROWS_WITH(store.save_rating(s.round, inputs_elsewhere), Catch::Contains("takes no named inputs"));

    // A level can still be picked for a numeric item when no number is known.
    store.save_rating(s.round, rating("V4", s.omar, 3));
    CHECK(store.rating(s.round, "V4", s.omar)->input.level == 3);

    CHECK_THROWS_WITH(store.save_rating(s.round, rating("S1", s.omar, 6)), Catch::Contains("not on the scale"));
    CHECK_THROWS_WITH(store.save_rating(s.round, rating("X9", s.omar, 3)), Catch::Contains("no item \"X9\""));
}

TEST_CASE("Cannot rate is stored with its reason and keeps the total incomplete") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    agree_all(store, s.round, 4);
    Rating c = rating("V1", consensus_rater, 4);
    c.input.level.reset();
    c.input.cannot_rate = true;
    c.input.cannot_rate_reason = "Ingen ekonomisk vägledare har intervjuats";
    store.save_rating(s.round, c);
    const auto result = store.result_ratings(s.round);
    CHECK(result.at("V1").cannot_rate);
    CHECK(result.at("V1").cannot_rate_reason == "Ingen ekonomisk vägledare har intervjuats");
    const Score sc = score(*ips25(), result);
    CHECK_FALSE(sc.complete());
    CHECK(sc.band == nullptr);
    CHECK(sc.total == 96);
}

TEST_CASE("Consensus is the result, with a single rater, that rater's ratings are") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    store.save_rating(s.round, rating("S3", s.anna, 2));
    store.save_rating(s.round, rating("S3", s.omar, 4));
    CHECK(store.result_ratings(s.round).count("S3") == 0);
    Rating c = rating("S3", consensus_rater, 3);
    c.rationale = "Två av sex faser lämnas över till Arbetsförmedlingen.";
    store.save_rating(s.round, c);
    CHECK(store.result_ratings(s.round).at("S3").level == 3);
    CHECK(store.rating(s.round, "S3", consensus_rater)->rationale.find("Arbetsförmedlingen") != std::string::npos);

    Store::NewRound nr;
    nr.team_id = s.team;
    nr.scale = seqf();
    nr.assessed_on = *Date::try_parse("2026-03-01");
    nr.raters = {{"Lena Ek", "Teamledare"}};
    const Id self = store.create_round(nr);
    store.save_rating(self, rating("CE1", store.round(self).raters[0].id, 3));
    CHECK(store.result_ratings(self).at("CE1").level == 3);
}

TEST_CASE("Completing needs every item agreed, a completed round refuses edits until reopened") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    store.set_status(s.round, RoundStatus::Consensus);
    CHECK_THROWS_WITH(store.set_status(s.round, RoundStatus::Completed),
                      Catch::Contains("25 items have no agreed rating yet"));
    agree_all(store, s.round, 4);
    store.save_rating(s.round, rating("V1", consensus_rater, 2));
    store.set_status(s.round, RoundStatus::Completed);
    CHECK(store.round(s.round).status == RoundStatus::Completed);

    auto locked = [&](auto&& f) {
        try {
            f();
        } catch (const StoreError& e) {
            return e.kind() == StoreError::Kind::Locked;
        }
        return false;
    };
    CHECK(locked([&] { store.save_rating(s.round, rating("V1", consensus_rater, 5)); }));
    CHECK(locked([&] { store.save_rating(s.round, rating("V1", s.anna, 5)); }));
    CHECK(locked([&] { store.set_item_feedback(s.round, ItemFeedback{"V1", "x", "y"}); }));
    CHECK(locked([&] { store.set_team_figures(s.round, TeamFigures{}); }));
    CHECK(locked([&] { store.set_round_summary(s.round, "a", "b"); }));
    CHECK(locked([&] { store.add_rater(s.round, "Ny Person", ""); }));
    CHECK(locked([&] { store.delete_round(s.round); }));
    CHECK(store.result_ratings(s.round).at("V1").level == 2);
    // The improvement plan is written and followed up after completion.
    PlanAction after;
    after.what = "Utbildning i ekonomisk vägledning";
    const Id action = store.add_action(s.round, after);
    after.id = action;
    after.status = ActionStatus::Done;
    store.update_action(s.round, after);
    CHECK(store.plan(s.round).actions.at(0).status == ActionStatus::Done);

    CHECK_THROWS_WITH(store.reopen(s.round, ""), Catch::Contains("Say why"));
    reopen(store, as_actor("Karin Lindqvist"));
    store.reopen(s.round, "Poängfel i V1 rättas öppet");
    CHECK(store.round(s.round).status == RoundStatus::Consensus);
    store.save_rating(s.round, rating("V1", consensus_rater, 3));
    const auto history = store.history(s.round);
    const auto reopened = std::find_if(history.begin(), history.end(), [](const HistoryEntry& h) { return h.field == "reopened"; });
    REQUIRE(reopened != history.end());
    CHECK(reopened->actor == expected_actor("Karin Lindqvist"));
    CHECK(reopened->old_value == "completed");
    CHECK(reopened->new_value == "consensus: Poängfel i V1 rättas öppet");
}

// [file]: the test moves the store's clock; a server stamps its own time.
TEST_CASE("Every change is in the history with who, when and old -> new", "[file]") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    reopen(store, as_actor("Anna Berg"));
    // A clock the test moves: edits minutes apart are separate entries.
    std::string now = "2026-01-15T09:30:00Z";
    store.set_clock([&] { return now; });
    Rating r = rating("S3", s.anna, 2);
    store.save_rating(s.round, r);
    now = "2026-01-15T09:40:00Z";
    r.input.level = 3;
    r.note = "Efter intervju med två arbetsspecialister";
    store.save_rating(s.round, r);
    store.save_rating(s.round, r);  // no change, no entry

    std::vector<HistoryEntry> rating_changes;
    for (const auto& h : store.history(s.round))
        if (h.entity == "rating") rating_changes.push_back(h);
    REQUIRE(rating_changes.size() == 3);
    CHECK(rating_changes[0].key == "S3/Anna Berg");
    CHECK(rating_changes[0].old_value.empty());
    CHECK(rating_changes[0].new_value == "level=2");
    CHECK(rating_changes[1].old_value == "level=2");
    CHECK(rating_changes[1].new_value == "level=3");
    CHECK(rating_changes[2].field == "note");
    CHECK(rating_changes[2].new_value == "Efter intervju med två arbetsspecialister");
    CHECK(rating_changes[2].actor == expected_actor("Anna Berg"));
    CHECK(rating_changes[2].at == "2026-01-15T09:40:00Z");
    store.set_status(s.round, RoundStatus::Consensus);
    const auto all = store.history(s.round);
    CHECK(all.back().field == "status");
    CHECK(all.back().old_value == "draft");
    CHECK(all.back().new_value == "consensus");
}

TEST_CASE("Team figures are kept per gender, with unknown apart from zero") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    TeamFigures f;
    f.period_from = Date::try_parse("2025-01-01");
    f.period_to = Date::try_parse("2025-12-31");
    f.specialists = 3.5;
    f.caseload = 62;
    f.participants = GenderCount{30, 31, 1};
    f.competitive_work = GenderCount{12, 9, 0};
    f.studies = GenderCount{3, std::nullopt, std::nullopt};
    store.set_team_figures(s.round, f);
    const TeamFigures back = *store.team_figures(s.round);
    CHECK(back.specialists == 3.5);
    CHECK(back.caseload == 62);
    CHECK(back.participants.women == 30);
    CHECK(back.participants.total() == 62);
    CHECK(back.competitive_work.other == 0);
    CHECK_FALSE(back.studies.men.has_value());
    CHECK(back.period_to->iso() == "2025-12-31");
    f.participants.women = -1;
    CHECK_THROWS_AS(store.set_team_figures(s.round, f), StoreError);
}

TEST_CASE("Previous round and strengths/recommendations per item and per round") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup first = make_round(store, "2025-01-15");
    Store::NewRound nr;
    nr.team_id = first.team;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse("2026-01-15");
    const Id second = store.create_round(nr);
    CHECK(store.previous_round(store.round(second))->id == first.round);
    CHECK_FALSE(store.previous_round(store.round(first.round)));

    store.set_item_feedback(second, ItemFeedback{"V4", "Snabb start", "Fortsätt"});
    store.set_round_summary(second, "Stark integrering", "Ekonomisk vägledning");
    CHECK(store.item_feedback(second).at(0).strengths == "Snabb start");
    CHECK(store.round(second).recommendations == "Ekonomisk vägledning");
}

TEST_CASE("Comparisons take each team's latest completed round of a scale in the period") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup a = make_round(store, "2024-10-01");
    agree_all(store, a.round, 3);
    store.set_status(a.round, RoundStatus::Completed);
    Store::NewRound nr;
    nr.team_id = a.team;
    nr.scale = ips25();
    nr.assessed_on = *Date::try_parse("2025-10-01");
    const Id later = store.create_round(nr);
    agree_all(store, later, 4);
    store.set_status(later, RoundStatus::Completed);
    nr.assessed_on = *Date::try_parse("2025-11-01");
    const Id draft = store.create_round(nr);  // not completed: not a result
    store.save_rating(draft, rating("S1", consensus_rater, 1));
    nr.team_id = store.add_team("0604", "Aneby SE", Method::SE);
    nr.assessed_on = *Date::try_parse("2025-09-01");
    nr.raters = {{"Åsa Öberg", "Teamledare"}};
    const Id single = store.create_round(nr);
    const Id only = store.round(single).raters[0].id;
    for (const Item& item : ips25()->items) store.save_rating(single, rating(item.id, only, 2));
    store.set_status(single, RoundStatus::Completed);
    const Id other_county = store.add_team("0114", "Upplands Väsby SE", Method::SE);
    nr.team_id = other_county;
    nr.raters.clear();
    const Id far = store.create_round(nr);
    agree_all(store, far, 5);
    store.set_status(far, RoundStatus::Completed);

    ResultQuery q;
    q.scale_id = "ips-25";
    q.county_code = "06";
    auto results = store.latest_results(q);
    REQUIRE(results.size() == 2);
    CHECK(results[0].team.municipality_name == "Aneby");  // Swedish order
    CHECK(results[0].round.id == single);
    CHECK(results[0].result.size() == 25);
    CHECK(results[0].result.at("S1").level == 2);
    CHECK(results[1].round.id == later);
    CHECK(results[1].result.at("V14").level == 4);

    q.to = Date::try_parse("2025-01-01");
    results = store.latest_results(q);
    REQUIRE(results.size() == 1);
    CHECK(results[0].round.id == a.round);

    q = ResultQuery{};
    q.scale_id = "ips-25";
    CHECK(store.latest_results(q).size() == 3);  // the whole country
    q.scale_id = "seqf-se";
    CHECK(store.latest_results(q).empty());
}

// [file]: the test sets the store's clock; a server stamps its own time (server_test.cpp
// types on a server).
TEST_CASE("Typing a note key by key makes one history entry that grows with the text, not with its square",
          "[file]") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    reopen(store, as_actor("Anna Berg"));
    int second = 0;
    store.set_clock([&] {
        // Autosave after every key, two keys a second: 1,000 keys take about eight minutes.
        const int t = second++ / 2;
        char buf[32];
        std::snprintf(buf, sizeof buf, "2026-01-15T%02d:%02d:%02dZ", 9 + t / 3600, (t / 60) % 60, t % 60);
        return std::string(buf);
    });
    Rating r = rating("S3", s.anna, 3);
    store.save_rating(s.round, r);
    std::string typed;
    for (int i = 0; i < 1000; ++i) {
        typed += char('a' + i % 26);
        r.note = typed;
        store.save_rating(s.round, r);
        if (i == 499) second += 2 * 600;  // a ten-minute pause half way
    }
    std::vector<HistoryEntry> notes;
    std::size_t bytes = 0;
    for (const auto& h : store.history(s.round)) {
        bytes += h.old_value.size() + h.new_value.size();
        if (h.field == "note") notes.push_back(h);
    }
    // One entry per stretch of typing without a pause of five minutes: each starts where
    // the one before ended.
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].old_value.empty());
    CHECK(notes[1].old_value == notes[0].new_value);
    CHECK(notes[1].new_value == typed);
    CHECK(bytes < 3 * typed.size());
    CHECK(notes[1].actor == "Anna Berg");

    // Another field in between does not split an entry; another person does.
    r.evidence = "INT";
    store.save_rating(s.round, r);
    r.note = typed + " slut";
    store.save_rating(s.round, r);
    reopen(store, as_actor("Omar Haddad"));
    r.note = typed + " slut, enligt Omar";
    store.save_rating(s.round, r);
    notes.clear();
    for (const auto& h : store.history(s.round))
        if (h.field == "note") notes.push_back(h);
    REQUIRE(notes.size() == 3);
    CHECK(notes[1].new_value == typed + " slut");
    CHECK(notes[2].actor == "Omar Haddad");
    CHECK(notes[2].old_value == typed + " slut");

    // Typing a text and deleting it again within minutes leaves no entry at all.
    reopen(store, as_actor("Omar Haddad"));
    r.rationale = "x";
    store.save_rating(s.round, r);
    r.rationale.clear();
    store.save_rating(s.round, r);
    for (const auto& h : store.history(s.round)) CHECK(h.field != "rationale");
}

TEST_CASE("The history names the person the store was opened for, whatever rater a rating belongs to") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    reopen(store, as_actor("Eva Holm"));
    store.save_rating(s.round, rating("S1", s.anna, 4));
    store.save_rating(s.round, rating("S1", s.omar, 3));
    store.add_goal(s.round, PlanGoal{0, "", "S1", 3, 4, {}, "Nå nivå 4"});
    PlanAction a;
    a.what = "Minska klientgruppen";
    store.add_action(s.round, a);
    int checked = 0;
    for (const auto& h : store.history(s.round))
        if (h.entity == "rating" || h.entity == "goal" || h.entity == "action") {
            CHECK(h.actor == expected_actor("Eva Holm"));
            ++checked;
        }
    CHECK(checked == 4);
}

TEST_CASE("A rating changed by someone else since it was read is refused, naming who and when, and theirs is kept") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const RoundSetup s = make_round(store);
    reopen(store, as_actor("Omar Haddad"));
    store.save_rating(s.round, rating("S1", s.anna, 3));
    const Rating read = *store.rating(s.round, "S1", s.anna);  // what Anna's window shows
    REQUIRE(read.revision == 1);

    Rating theirs = read;  // someone else saves first, from what they read
    theirs.input.level = 4;
    theirs.note = "Omars anteckning";
    store.save_rating(s.round, theirs);
    CHECK(store.rating(s.round, "S1", s.anna)->revision == 2);

    Rating mine = read;
    mine.input.level = 2;
    try {
        store.save_rating(s.round, mine);
        FAIL("a stale edit was saved");
    } catch (const StoreError& e) {
        CHECK(e.kind() == StoreError::Kind::Stale);
        CHECK_THAT(e.what(), Catch::Contains(expected_actor("Omar Haddad") + " changed this at 20"));
        CHECK_THAT(e.what(), Catch::Contains("not saved"));
    }
    const Rating kept = *store.rating(s.round, "S1", s.anna);
    CHECK(kept.input.level == 4);
    CHECK(kept.note == "Omars anteckning");

    // A window that saw no rating is refused too when one has been saved since.
    Rating fresh = rating("S2", s.anna, 3);
    fresh.revision = 0;
    store.save_rating(s.round, rating("S2", s.anna, 5));
    CHECK_THROWS_AS(store.save_rating(s.round, fresh), StoreError);
    CHECK(store.rating(s.round, "S2", s.anna)->input.level == 5);

    // Saving from what is stored now goes through; a rating without a revision (the command
    // line, an import) is not asked.
    mine.revision = kept.revision;
    store.save_rating(s.round, mine);
    CHECK(store.rating(s.round, "S1", s.anna)->input.level == 2);
    CHECK(store.rating(s.round, "S1", s.anna)->revision == 3);
    store.save_rating(s.round, rating("S1", s.anna, 1));
    CHECK(store.rating(s.round, "S1", s.anna)->input.level == 1);
}
