// What the county report says, checked without any PDF: the change since each team's
// previous round (and the period modes), coverage, the method filter, the national view,
// the coded edition (shuffle, refusal, key, nothing dated) and team figures with rates.
// The demo county and small hand-made databases, and where a person would check a figure
// by hand, the same figure through fidelis-cli.
#include "reports/analysis.h"
#include "run.h"
#include "scales/scale_loader.h"
#include "store/demo.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace fidelis;
using namespace fidelis::reports;
using fidelis::test::cli;
using fidelis::test::TempDir;

namespace {

ScalePtr ips25() {
    static const ScalePtr s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/ips-25.xml").scale;
    return s;
}

ScalePtr ips25_before_revision() {
    static const ScalePtr s =
        load_scale_file(std::string(FIDELIS_FIXTURES) + "/scales/ips-25-before-2026-12.xml").scale;
    return s;
}

struct NewRound {
    const char* date = "2025-05-01";
    std::map<std::string, int> levels;  // items not named get `rest`
    int rest = 4;
    std::set<std::string> cannot_rate;
    RoundStatus status = RoundStatus::Completed;
    ReviewType type = ReviewType::External;
    ScalePtr scale = ips25();
    std::optional<TeamFigures> figures;
};

Id add_round(Store& store, Id team, const NewRound& n) {
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = n.scale;
    nr.assessed_on = *Date::try_parse(n.date);
    nr.review_type = n.type;
    const Id id = store.create_round(nr);
    for (const Item& item : n.scale->items) {
        Rating r;
        r.item_id = item.id;
        r.rater_id = consensus_rater;
        if (n.cannot_rate.count(item.id)) {
            r.input.cannot_rate = true;
            r.input.cannot_rate_reason = "Underlag saknas";
        } else {
            const auto it = n.levels.find(item.id);
            r.input.level = it == n.levels.end() ? n.rest : it->second;
        }
        store.save_rating(id, r);
    }
    if (n.figures) store.set_team_figures(id, *n.figures);
    if (n.status != RoundStatus::Draft) store.set_status(id, n.status);
    return id;
}

Id add_round(Store& store, Id team, const char* date, int rest, std::map<std::string, int> levels = {}) {
    NewRound n;
    n.date = date;
    n.rest = rest;
    n.levels = std::move(levels);
    return add_round(store, team, n);
}

const TeamLine& line_of(const CountyAnalysis& a, const std::string& team) {
    const auto it =
        std::find_if(a.teams.begin(), a.teams.end(), [&](const TeamLine& t) { return t.team.name == team; });
    REQUIRE(it != a.teams.end());
    return *it;
}

const ItemChange* item_change(const CountyAnalysis& a, const std::string& item) {
    for (const ItemChange& c : a.change.items)
        if (c.item_id == item) return &c;
    return nullptr;
}

// The total `fidelis-cli round show` prints for a round.
double shown_total(const std::string& db, Id round) {
    const auto r = cli({"round", "show", "--db", db, "--round", std::to_string(round)});
    REQUIRE(r.exit_code == 0);
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("total\t", 0) == 0) return std::stod(line.substr(6, line.find('\t', 6) - 6));
    FAIL("no total in round show");
    return 0;
}

std::vector<std::string> names_in_order(const CountyAnalysis& a) {
    std::vector<std::string> out;
    for (const TeamLine& t : a.teams) out.push_back(t.team.name);
    return out;
}

TeamFigures figures(std::optional<int> women, std::optional<int> men, std::optional<int> work_women,
                    std::optional<int> work_men) {
    TeamFigures f;
    f.period_from = Date::try_parse("2025-01-01");
    f.period_to = Date::try_parse("2025-06-30");
    f.participants.women = women;
    f.participants.men = men;
    f.competitive_work.women = work_women;
    f.competitive_work.men = work_men;
    return f;
}

}  // namespace

TEST_CASE("By default each team is compared with its own previous completed round, as round show gives it") {
    TempDir dir;
    const std::string db = (dir / "demo.fidelis").string();
    struct Expected {
        Id now = 0, then = 0;
        std::optional<double> change;
        std::string team;
    };
    std::vector<Expected> expected;
    {
        Store demo = create_demo(db);
        const CountyAnalysis a = analyse_county(demo, CountyQuery{});
        CHECK(a.comparison == Comparison::PreviousRound);
        CHECK_FALSE(a.previous_from);  // no comparison period: each team's own rounds
        REQUIRE(a.teams.size() == 15);
        int compared = 0;
        for (const TeamLine& t : a.teams) {
            INFO(t.team.name);
            REQUIRE(t.compared);
            ++compared;
            // The previous round is the team's latest completed ips-25 round before this one.
            std::optional<Round> previous;
            for (const Round& r : demo.rounds_of_team(t.team.id))
                if (r.scale_id == "ips-25" && r.status == RoundStatus::Completed && r.assessed_on < t.round.assessed_on)
                    previous = r;
            REQUIRE(previous);
            CHECK(t.compared->round_id == previous->id);
            CHECK(t.compared->date == previous->assessed_on);
            expected.push_back({t.round.id, t.compared->round_id, t.compared->change, t.team.name});
            // Per item: only items rated both times, level now minus level then.
            for (const auto& [item, change] : t.compared->item_changes)
                CHECK(change == t.levels.at(item) - t.compared->levels.at(item));
            for (const auto& [item, level] : t.levels)
                CHECK(t.compared->item_changes.count(item) == t.compared->levels.count(item));
        }
        CHECK(a.change.teams + a.change.not_compared <= int(a.teams.size()));
        CHECK(a.change.teams == int(a.paired.size()));
        CHECK(a.mean_paired_change == a.change.mean);
        CHECK(compared == 15);
    }
    // The same differences from the command line, round by round.
    for (const Expected& e : expected) {
        INFO(e.team);
        if (!e.change) continue;
        CHECK(*e.change == Approx(shown_total(db, e.now) - shown_total(db, e.then)));
    }
}

TEST_CASE("The previous round may lie before the period, drafts are skipped, items compare only where rated twice") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const Id a = store.add_team("0604", "Aneby SE", Method::SE);
    const Id b = store.add_team("0680", "Jönköping SE", Method::SE);
    const Id c = store.add_team("0687", "Tranås SE", Method::SE);
    add_round(store, a, "2021-03-01", 3, {{"S1", 2}});  // 76, years before the period
    NewRound draft;
    draft.date = "2024-06-01";
    draft.rest = 1;
    draft.status = RoundStatus::Draft;
    add_round(store, a, draft);  // not a result: never the previous round
    NewRound now_a;
    now_a.date = "2025-05-01";
    now_a.rest = 3;
    now_a.levels = {{"S1", 3}, {"V1", 4}};
    now_a.cannot_rate = {"O3"};  // rated before, not now: no item change, no complete total
    add_round(store, a, now_a);
    add_round(store, b, "2024-09-01", 4);                 // 100
    add_round(store, b, "2025-09-01", 4, {{"S1", 5}});    // 101
    add_round(store, c, "2025-02-01", 4);                 // first round: nothing to compare

    CountyQuery q;
    q.from = Date::try_parse("2025-01-01");
    q.to = Date::try_parse("2025-12-31");
    const CountyAnalysis r = analyse_county(store, q);
    REQUIRE(r.teams.size() == 3);
    const TeamLine& la = line_of(r, "Aneby SE");
    REQUIRE(la.compared);
    CHECK(la.compared->date->iso() == "2021-03-01");
    CHECK_FALSE(la.compared->change);  // O3 could not be rated now: the total is incomplete
    CHECK(la.compared->item_changes.at("S1") == 1);
    CHECK(la.compared->item_changes.at("V1") == 1);
    CHECK(la.compared->item_changes.at("V2") == 0);
    CHECK(la.compared->item_changes.count("O3") == 0);
    const TeamLine& lb = line_of(r, "Jönköping SE");
    REQUIRE(lb.compared);
    CHECK(lb.compared->change == Approx(1));
    CHECK_FALSE(line_of(r, "Tranås SE").compared);

    CHECK(r.change.teams == 1);
    CHECK(r.change.up == 1);
    CHECK(r.change.not_compared == 1);
    CHECK(r.change.mean == Approx(1));
    // The county's per-item change over the teams with the item rated both times.
    const ItemChange* s1 = item_change(r, "S1");
    REQUIRE(s1);
    CHECK(s1->n == 2);
    CHECK(s1->mean == Approx(1));  // +1 and +1
    CHECK(s1->up == 2);
    const ItemChange* o3 = item_change(r, "O3");
    REQUIRE(o3);
    CHECK(o3->n == 1);  // Aneby could not rate it now
    CHECK(o3->same == 1);
    CHECK(r.paired.size() == 1);
    CHECK(r.paired[0].before_date.iso() == "2024-09-01");
}

TEST_CASE("The mean change is rounded once, to one decimal, and reads the same everywhere") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    // Changes +1, 0, 0: a mean of 0.333…, shown as +0.3, never as 0.
    const char* municipalities[] = {"0604", "0680", "0687"};
    for (int i = 0; i < 3; ++i) {
        const Id t = store.add_team(municipalities[i], "Team " + std::to_string(i), Method::SE);
        add_round(store, t, "2024-05-01", 4);
        add_round(store, t, "2025-05-01", 4, i == 0 ? std::map<std::string, int>{{"S1", 5}} : std::map<std::string, int>{});
    }
    const CountyAnalysis r = analyse_county(store, CountyQuery{});
    CHECK(r.change.teams == 3);
    CHECK(r.change.mean == Approx(0.3));
    CHECK(format_change(r.change.mean, change_decimals, "en") == "+0.3");
    CHECK(format_change(r.mean_paired_change, change_decimals, "sv") == "+0,3");
    CHECK(item_change(r, "S1")->mean == Approx(0.3));
    // Half up, as the manual rounds: 0.25 is 0.3, not the 0.2 a binary round-to-even gives.
    CHECK(round_half_up(0.25, change_decimals) == Approx(0.3));
}

TEST_CASE("The period before, a chosen period, or no comparison when asked for") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const Id a = store.add_team("0604", "Aneby SE", Method::SE);
    add_round(store, a, "2021-05-01", 3);  // 75
    add_round(store, a, "2023-05-01", 4);  // 100
    add_round(store, a, "2025-05-01", 5);  // 125
    CountyQuery q;
    q.from = Date::try_parse("2025-01-01");
    q.to = Date::try_parse("2025-12-31");

    q.comparison = Comparison::PreviousPeriod;
    CountyAnalysis r = analyse_county(store, q);
    CHECK(r.previous_from->iso() == "2024-01-01");
    CHECK_FALSE(r.teams[0].compared);  // nothing in 2024
    CHECK(r.change.not_compared == 1);

    q.comparison = Comparison::ChosenPeriod;
    q.compare_from = Date::try_parse("2021-01-01");
    q.compare_to = Date::try_parse("2021-12-31");
    r = analyse_county(store, q);
    CHECK(r.comparison == Comparison::ChosenPeriod);
    CHECK(r.previous_from->iso() == "2021-01-01");
    REQUIRE(r.teams[0].compared);
    CHECK(r.teams[0].compared->change == Approx(50));

    // A chosen period that holds the same round compares nothing.
    q.compare_from = Date::try_parse("2025-01-01");
    q.compare_to = Date::try_parse("2025-12-31");
    CHECK_FALSE(analyse_county(store, q).teams[0].compared);

    q.comparison = Comparison::PreviousRound;
    r = analyse_county(store, q);
    CHECK(r.teams[0].compared->change == Approx(25));

    q.compare_previous = false;  // the older switch still turns every comparison off
    r = analyse_county(store, q);
    CHECK(r.comparison == Comparison::None);
    CHECK_FALSE(r.teams[0].compared);

    q.compare_previous = true;
    q.comparison = Comparison::PreviousPeriod;
    q.from.reset();  // the period before needs a period
    CHECK(analyse_county(store, q).comparison == Comparison::None);
}

TEST_CASE("A team compared across a revised definition is marked, and the change of definition noted once") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    NewRound old_def;
    old_def.date = "2024-05-01";
    old_def.scale = ips25_before_revision();
    for (const char* m : {"0604", "0680"}) {
        const Id t = store.add_team(m, std::string("Team ") + m, Method::IPS);
        add_round(store, t, old_def);
        add_round(store, t, "2025-05-01", 4);
    }
    const CountyAnalysis r = analyse_county(store, CountyQuery{});
    for (const TeamLine& t : r.teams) {
        REQUIRE(t.compared);
        CHECK(t.compared->definition_changed);
    }
    REQUIRE(r.compared_definition_changes.size() == 1);
    CHECK(r.compared_definition_changes[0].newer->content_hash == ips25()->content_hash);
    CHECK(r.definition_changes.empty());  // the teams' latest rounds share one definition
}

TEST_CASE("Coverage counts the teams of the selection with no completed round in the period, by name") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    const Id measured = store.add_team("0604", "Aneby SE", Method::SE);
    const Id earlier = store.add_team("0680", "Jönköping SE", Method::SE);
    const Id drafted = store.add_team("0687", "Tranås SE", Method::SE);
    store.add_team("0686", "Eksjö SE", Method::SE);  // never measured: expected all the same
    const Id gone = store.add_team("0685", "Vetlanda SE", Method::SE);
    Team g = store.team(gone);
    g.active = false;  // an inactive team is not missing
    store.update_team(g);
    store.add_team("0680", "IPS Jönköping", Method::IPS);  // no team of its method uses ips-25 here
    store.add_team("0780", "Växjö SE", Method::SE);         // another county
    add_round(store, measured, "2025-05-01", 4);
    add_round(store, earlier, "2022-05-01", 4);
    NewRound draft;
    draft.status = RoundStatus::Draft;
    add_round(store, drafted, draft);

    CountyQuery q;
    q.from = Date::try_parse("2025-01-01");
    q.to = Date::try_parse("2025-12-31");
    CountyAnalysis r = analyse_county(store, q);
    CHECK(r.teams.size() == 1);
    CHECK(r.expected_teams == 4);
    CHECK(r.unmeasured_teams == 3);
    REQUIRE(r.unmeasured.size() == 3);
    std::map<std::string, std::optional<Date>> missing;
    for (const UnmeasuredTeam& u : r.unmeasured) missing[u.team.name] = u.last_completed;
    CHECK(missing.at("Jönköping SE")->iso() == "2022-05-01");
    CHECK_FALSE(missing.at("Tranås SE"));  // only a draft
    CHECK_FALSE(missing.at("Eksjö SE"));

    // A method chosen: its teams are expected whether or not any of them measures with the scale.
    q.method = Method::IPS;
    r = analyse_county(store, q);
    CHECK(r.teams.empty());
    CHECK(r.expected_teams == 1);
    CHECK(r.unmeasured.at(0).team.name == "IPS Jönköping");

    // Within a grouping (Höglandet: Aneby, Eksjö, Tranås, Vetlanda…).
    q.method.reset();
    q.only_grouping = "Höglandet";
    r = analyse_county(store, q);
    CHECK(r.scope == Scope::Grouping);
    CHECK(r.scope_name == "Höglandet");
    CHECK(r.expected_teams == 3);
    CHECK(r.unmeasured_teams == 2);

    // Coded: the count, never the names.
    q.only_grouping.clear();
    q.coded = true;
    q.min_teams = 1;
    r = analyse_county(store, q);
    CHECK(r.unmeasured_teams == 3);
    CHECK(r.unmeasured.empty());
}

TEST_CASE("The demo county: every team measured, the method filter keeps the IPS teams, an unknown grouping is refused") {
    TempDir dir;
    Store demo = create_demo((dir / "demo.fidelis").string());
    CountyQuery q;
    CountyAnalysis a = analyse_county(demo, q);
    CHECK(a.scope == Scope::County);
    CHECK(a.scope_name == "Jönköpings län");
    CHECK(a.expected_teams == 15);
    CHECK(a.unmeasured_teams == 0);
    REQUIRE(a.period_from);
    CHECK(*a.period_from <= a.teams.front().round.assessed_on);

    q.method = Method::IPS;
    a = analyse_county(demo, q);
    REQUIRE(a.teams.size() == 3);
    for (const TeamLine& t : a.teams) CHECK(t.team.method == Method::IPS);
    CHECK(a.expected_teams == 3);

    q.method = Method::SE;
    CHECK(analyse_county(demo, q).teams.size() == 12);

    q.method.reset();
    q.only_grouping = "No such grouping";
    CHECK_THROWS_WITH(analyse_county(demo, q), Catch::Contains("No such grouping"));
}

TEST_CASE("Good or better starts at the band named good") {
    const Band* good = good_band_of(*ips25());
    REQUIRE(good);
    CHECK(good->id == "good");
    CHECK(good->min == 100);
}

TEST_CASE("A coded edition under five teams is refused unless the limit is lowered") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    for (const char* m : {"0604", "0680", "0687"}) add_round(store, store.add_team(m, "SE", Method::SE), "2025-05-01", 4);
    CountyQuery q;
    q.coded = true;
    CHECK_THROWS_WITH(analyse_county(store, q),
                      "A coded report needs at least 5 teams so that no team can be recognised; this selection has 3. "
                      "Use --min-teams to lower the limit if you are sure.");
    q.min_teams = 3;
    CHECK(analyse_county(store, q).teams.size() == 3);
    q.min_teams = 4;
    CHECK_THROWS(analyse_county(store, q));
    q.coded = false;  // a named report for the network has no such limit
    CHECK(analyse_county(store, q).teams.size() == 3);
}

TEST_CASE("Codes come from a seeded shuffle: not name order, the same for the same seed, recorded") {
    TempDir dir;
    Store demo = create_demo((dir / "demo.fidelis").string());
    CountyQuery q;
    q.grouping = "none";
    const std::vector<std::string> by_name = names_in_order(analyse_county(demo, q));
    q.coded = true;
    q.seed = 7;
    const CountyAnalysis a = analyse_county(demo, q);
    CHECK(a.seed == 7);
    CHECK(names_in_order(a) != by_name);
    CHECK(names_in_order(analyse_county(demo, q)) == names_in_order(a));  // reproducible
    q.seed = 8;
    CHECK(names_in_order(analyse_county(demo, q)) != names_in_order(a));
    // Codes in order, one per team, and the same teams as the named edition.
    for (std::size_t i = 0; i < a.teams.size(); ++i) CHECK(a.teams[i].label == code_label(i));
    std::vector<std::string> sorted = names_in_order(a);
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> named = by_name;
    std::sort(named.begin(), named.end());
    CHECK(sorted == named);
    // Without a seed a random one is drawn and recorded; given back, it makes the same codes.
    q.seed.reset();
    const CountyAnalysis random = analyse_county(demo, q);
    q.seed = random.seed;
    CHECK(names_in_order(analyse_county(demo, q)) == names_in_order(random));
}

TEST_CASE("A coded line carries no date or review type, and the key says who each code is") {
    TempDir dir;
    Store demo = create_demo((dir / "demo.fidelis").string());
    CountyQuery q;
    q.coded = true;
    q.seed = 2017;
    const CountyAnalysis a = analyse_county(demo, q);
    REQUIRE(a.teams.size() == 15);
    for (const TeamLine& t : a.teams) {
        CHECK(t.group.empty());
        CHECK_FALSE(t.date);
        CHECK_FALSE(t.review_type);
        if (t.figures) {
            CHECK_FALSE(t.figures->period_from);
            CHECK_FALSE(t.figures->period_to);
        }
        if (t.compared) CHECK_FALSE(t.compared->date);
    }
    CHECK(a.period_from);  // the period as a whole instead
    CHECK(a.period_to);

    const std::vector<CodeKeyRow> key = code_key(a);
    REQUIRE(key.size() == 15);
    for (std::size_t i = 0; i < key.size(); ++i) {
        CHECK(key[i].code == a.teams[i].label);
        CHECK(key[i].team == a.teams[i].team.name);
        CHECK(key[i].municipality == a.teams[i].team.municipality_name);
        const Round r = demo.round(key[i].round_id);
        CHECK(key[i].round_date == r.assessed_on);
        CHECK(key[i].review_type == r.review_type);
    }
    std::ostringstream csv;
    write_code_key_csv(a, csv, ';', SourceLanguage());
    const std::string text = csv.str();
    CHECK(text.rfind("\xEF\xBB\xBF" "Code;Municipality;Team;Date;Review type\r\n", 0) == 0);
    CHECK(text.find("A;" + key[0].municipality + ";" + key[0].team + ";" + key[0].round_date.iso() + ";") !=
          std::string::npos);
    CHECK(text.find("Seed;2017\r\n") != std::string::npos);

    q.coded = false;
    const CountyAnalysis named = analyse_county(demo, q);
    CHECK(code_key(named).empty());
    for (const TeamLine& t : named.teams) {
        CHECK(t.date == t.round.assessed_on);
        CHECK(t.review_type == t.round.review_type);
    }
}

TEST_CASE("Rates: in work and in studies per participant, per gender and in all, never divided by zero") {
    CHECK_FALSE(rate_of(3, 0));
    CHECK_FALSE(rate_of(3, std::nullopt));
    CHECK_FALSE(rate_of(std::nullopt, 10));
    CHECK(*rate_of(0, 10) == Approx(0));
    CHECK(*rate_of(4, 10) == Approx(0.4));

    TeamFigures f = figures(10, 0, 4, 0);  // no men took part
    f.participants.other = std::nullopt;
    f.studies.women = 1;
    const FigureRates r = rates_of(f);
    CHECK(*r.competitive_work.women.share == Approx(0.4));
    CHECK(r.competitive_work.women.part == 4);
    CHECK(r.competitive_work.women.whole == 10);
    CHECK_FALSE(r.competitive_work.men.share);    // 0 of 0
    CHECK_FALSE(r.competitive_work.other.share);  // not given
    CHECK(*r.competitive_work.all.share == Approx(0.4));
    CHECK(*r.studies.women.share == Approx(0.1));
    CHECK_FALSE(r.studies.men.share);

    const FigureRates none = rates_of(TeamFigures{});
    CHECK_FALSE(none.competitive_work.all.share);
    CHECK_FALSE(none.studies.all.share);
}

TEST_CASE("County figures: totals, rates over the teams that give both counts, and the period they cover") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    NewRound n;
    n.figures = figures(10, 10, 5, 2);
    add_round(store, store.add_team("0604", "A", Method::SE), n);
    n.figures = figures(std::nullopt, 4, 3, 1);  // women in work, but no women counted: left out of the women's rate
    n.figures->period_to = Date::try_parse("2025-09-30");
    add_round(store, store.add_team("0680", "B", Method::SE), n);
    n.figures.reset();
    add_round(store, store.add_team("0687", "C", Method::SE), n);
    const CountyAnalysis r = analyse_county(store, CountyQuery{});
    CHECK(r.teams_with_figures == 2);
    CHECK(r.participants.women == 10);
    CHECK(r.participants.men == 14);
    CHECK(r.competitive_work.women == 8);
    CHECK(*r.rates.competitive_work.women.share == Approx(0.5));  // 5 of 10, from A alone
    CHECK(r.rates.competitive_work.women.whole == 10);
    CHECK(*r.rates.competitive_work.men.share == Approx(3.0 / 14));
    CHECK(*r.rates.competitive_work.all.share == Approx((7.0 + 4) / (20 + 4)));
    CHECK_FALSE(r.rates.studies.all.share);  // nobody gave studies
    CHECK(r.figures_from->iso() == "2025-01-01");
    CHECK(r.figures_to->iso() == "2025-09-30");
    const TeamLine& a = line_of(r, "A");
    CHECK(*a.rates.competitive_work.men.share == Approx(0.2));
    CHECK_FALSE(line_of(r, "C").rates.competitive_work.all.share);
}

TEST_CASE("The national view: one row per county with median, range and share at good or better") {
    TempDir dir;
    Store store = Store::create((dir / "c.fidelis").string(), "06");
    // Jönköping county: 100, 110, 80 (two of three at good or better); Kronoberg: 120, 90.
    struct Spec {
        const char* municipality;
        int rest, changed, level;  // the first `changed` items at `level`, the others at `rest`
    };
    const Spec specs[] = {{"0604", 4, 0, 4}, {"0680", 4, 10, 5}, {"0687", 3, 5, 4}, {"0780", 5, 5, 4}, {"0781", 4, 10, 3}};
    int i = 0;
    for (const Spec& s : specs) {
        const Id t = store.add_team(s.municipality, "Team " + std::to_string(i++), Method::IPS);
        std::map<std::string, int> levels;
        for (int k = 0; k < s.changed; ++k) levels[ips25()->items[std::size_t(k)].id] = s.level;
        add_round(store, t, "2025-05-01", s.rest, levels);
    }
    store.add_team("0780", "Växjö unmeasured", Method::IPS);
    CountyQuery q;
    q.county_code = "all";
    const CountyAnalysis r = analyse_county(store, q);
    CHECK(r.scope == Scope::Country);
    REQUIRE(r.counties.size() == 2);
    const CountyRow& jkp = r.counties[0];
    CHECK(jkp.county.code == "06");
    CHECK(jkp.measured == 3);
    CHECK(jkp.expected == 3);
    CHECK(jkp.median_total == Approx(100));
    CHECK(jkp.min_total == Approx(80));
    CHECK(jkp.max_total == Approx(110));
    CHECK(jkp.good_or_better == 2);
    CHECK(jkp.share_good_or_better == Approx(2.0 / 3));
    const CountyRow& kron = r.counties[1];
    CHECK(kron.county.code == "07");
    CHECK(kron.measured == 2);
    CHECK(kron.expected == 3);
    CHECK(kron.median_total == Approx((120 + 90) / 2.0));
    CHECK(kron.min_total == Approx(90));
    CHECK(kron.max_total == Approx(120));
    CHECK(kron.good_or_better == 1);
    // Teams under their county.
    for (std::size_t k : kron.teams) CHECK(r.teams[k].team.municipality_code.rfind("07", 0) == 0);
    CHECK(kron.teams.size() == 2);
    CHECK(jkp.teams.size() == 3);
    CHECK(r.teams[jkp.teams[0]].group == "Jönköpings län");
    CHECK(r.unmeasured_teams == 1);

    // Coded: a county with fewer teams than the limit gives no figures and no codes under it.
    q.coded = true;
    q.min_teams = 3;
    const CountyAnalysis coded = analyse_county(store, q);
    REQUIRE(coded.counties.size() == 2);
    CHECK_FALSE(coded.counties[0].suppressed);
    CHECK(coded.counties[0].median_total == Approx(100));
    CHECK(coded.counties[0].teams.empty());
    CHECK(coded.counties[1].suppressed);
    CHECK(coded.counties[1].measured == 2);
    CHECK(coded.counties[1].median_total == 0);
}
