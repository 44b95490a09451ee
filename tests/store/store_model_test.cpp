// Counties, municipalities, groupings and teams.
#include "store_fixture.h"

#include "base/collation.h"

using namespace fidelis;
using namespace fidelis::test;

TEST_CASE("A new database for Jönköping county has its municipalities and three county parts") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    CHECK(store.home_county().code == "06");
    CHECK(store.home_county().name == "Jönköpings län");
    CHECK(store.counties().size() == 21);
    CHECK(store.municipalities("").size() == 290);
    const auto jkpg = store.municipalities("06");
    REQUIRE(jkpg.size() == 13);
    CHECK(jkpg.front().name == "Aneby");
    CHECK(jkpg.back().name == "Värnamo");
    CHECK(store.municipality("0680")->name == "Jönköping");

    const auto groups = store.groupings();
    REQUIRE(groups.size() == 3);
    std::map<std::string, std::vector<std::string>> members;
    for (const auto& g : groups) {
        CHECK(g.kind == "county-part");
        members[g.name] = g.members;
    }
    CHECK(members["GGVV"] == std::vector<std::string>{"0662", "0617", "0665", "0683"});  // Gislaved, Gnosjö, Vaggeryd, Värnamo
    CHECK(members["Södra Vätterbygden"] == std::vector<std::string>{"0643", "0680", "0642"});
    CHECK(members["Höglandet"].size() == 6);
}

TEST_CASE("A database for another county gets no Jönköping parts") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "01");
    CHECK(store.home_county().name == "Stockholms län");
    CHECK(store.groupings().empty());
    CHECK(store.municipalities("01").size() == 26);
}

TEST_CASE("Creating refuses an unknown county and an existing file, leaving no file behind") {
    TempDir dir;
    CHECK_THROWS_WITH(Store::create(db_path(dir), "99"), Catch::Contains("no county with code \"99\""));
    CHECK_FALSE(std::filesystem::exists(dir / "county.fidelis"));
    Store::create(db_path(dir), "06");
    CHECK_THROWS_WITH(Store::create(db_path(dir), "06"),
                      Catch::Contains(on_server ? "already holds Fidelis data" : "already exists"));
}

TEST_CASE("Users define their own groupings, e.g. a samordningsförbund across county parts") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    // Vaggeryd sits in GGVV for county parts but in Södra Vätterbygden's samordningsförbund.
    const Id id = store.add_grouping("Samordningsförbundet Södra Vätterbygden", "association", {"0680", "0642", "0643", "0665"});
    auto groups = store.groupings();
    REQUIRE(groups.size() == 4);
    CHECK(groups.back().id == id);
    CHECK(groups.back().kind == "association");
    CHECK(groups.back().members.size() == 4);
    store.set_grouping_members(id, {"0680"});
    CHECK(store.groupings().back().members == std::vector<std::string>{"0680"});
    store.remove_grouping(id);
    CHECK(store.groupings().size() == 3);
}

TEST_CASE("Teams sort the Swedish way: Å, Ä and Ö after Z") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    store.add_team("0683", "Värnamo SE", Method::SE);
    store.add_team("0685", "Vetlanda SE", Method::SE);
    store.add_team("0680", "Östra teamet", Method::SE);
    store.add_team("0680", "Ängen", Method::IPS);
    store.add_team("0680", "Åsen", Method::SE);
    store.add_team("0680", "Zeta", Method::SE);
    std::vector<std::string> names;
    for (const Team& t : store.teams()) names.push_back(t.municipality_name + "/" + t.name);
    CHECK(names == std::vector<std::string>{"Jönköping/Zeta", "Jönköping/Åsen", "Jönköping/Ängen",
                                            "Jönköping/Östra teamet", "Vetlanda/Vetlanda SE", "Värnamo/Värnamo SE"});
}

TEST_CASE("Teams have a municipality, a method and can be made inactive") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const Id id = store.add_team("0682", "IPS Höglandet", Method::IPS);
    Team t = store.team(id);
    CHECK(t.municipality_name == "Nässjö");
    CHECK(t.method == Method::IPS);
    CHECK(t.active);
    CHECK(t.uuid.size() == 36);
    t.active = false;
    t.name = "IPS Höglandet Nässjö";
    store.update_team(t);
    CHECK_FALSE(store.team(id).active);
    CHECK(store.team(id).name == "IPS Höglandet Nässjö");
    CHECK_THROWS_WITH(store.add_team("9999", "X", Method::SE), Catch::Contains("no municipality with code \"9999\""));
    CHECK_THROWS_AS(store.add_team("0680", "", Method::SE), StoreError);
}
