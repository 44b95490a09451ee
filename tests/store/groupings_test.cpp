// Groupings of one's own: checked before every write, so a refused one changes nothing,
// overlapping the county parts where a samordningsförbund does, the county parts kept as
// the reference data has them, and every change in the history.
#include "store_fixture.h"
#include "store_impl.h"  // store/src: StoreAccess, the database behind a store

#include <functional>

using namespace fidelis;
using namespace fidelis::test;

namespace {

// The grouping rows of the history: field, old value, new value.
std::vector<std::vector<std::string>> grouping_history(Store& store) {
    std::vector<std::vector<std::string>> out;
    Statement st(StoreAccess::database(store), "SELECT field, old_value, new_value, actor FROM history WHERE entity = 'grouping' "
                                   "ORDER BY id");
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3)});
    return out;
}

}  // namespace

TEST_CASE("A samordningsförbund may hold a municipality that a county part holds too") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const Id id = store.add_grouping("Samordningsförbundet Södra Vätterbygden", "association",
                                     {"0680", "0643", "0642", "0665"});
    const auto g = store.grouping_named("Samordningsförbundet Södra Vätterbygden");
    REQUIRE(g);
    CHECK(g->id == id);
    CHECK(g->members == std::vector<std::string>{"0643", "0680", "0642", "0665"});  // by name
    CHECK(store.grouping_named("GGVV")->members.size() == 4);  // Vaggeryd stays in GGVV
}

TEST_CASE("A grouping is refused with its reason, and the refused write changes nothing") {
    TempDir dir;
    Store store = Store::create(db_path(dir), "06");
    const Id own = store.add_grouping("Eget nätverk", "custom", {"0680"});
    const auto before = store.groupings();
    auto refused = [&](const std::function<void()>& write, const std::string& reason) {
        CHECK_THROWS_WITH(write(), Catch::Contains(reason));
        const auto after = store.groupings();
        REQUIRE(after.size() == before.size());
        for (std::size_t i = 0; i < after.size(); ++i) {
            CHECK(after[i].name == before[i].name);
            CHECK(after[i].members == before[i].members);
        }
    };
    refused([&] { store.add_grouping("", "custom", {"0680"}); }, "needs a name");
    refused([&] { store.add_grouping("  ", "custom", {"0680"}); }, "needs a name");
    refused([&] { store.add_grouping(" Eget", "custom", {"0680"}); }, "start or end with a space");
    refused([&] { store.add_grouping("Höglandet", "custom", {"0680"}); }, "already a grouping named \"Höglandet\"");
    refused([&] { store.add_grouping("EGET nätverk", "custom", {"0680"}); }, "already a grouping named");
    refused([&] { store.add_grouping("Nytt", "custom", {}); }, "needs at least one municipality");
    refused([&] { store.add_grouping("Nytt", "custom", {"0680", "9999"}); }, "no municipality with code \"9999\"");
    refused([&] { store.add_grouping("Nytt", "custom", {"0680", "0680"}); }, "listed twice");
    refused([&] { store.add_grouping("Nytt", "network", {"0680"}); }, "not a kind of grouping");
    refused([&] { store.add_grouping("Custom", "custom", {"0680"}); }, "reads as a kind of grouping");
    refused([&] { store.set_grouping_members(own, {}); }, "needs at least one municipality");
    refused([&] { store.update_grouping(Grouping{own, "GGVV", "custom", {"0680"}}); }, "already a grouping named");
    const Id ggvv = store.grouping_named("GGVV")->id;
    refused([&] { store.set_grouping_members(ggvv, {"0680"}); }, "county part from the reference data");
    refused([&] { store.remove_grouping(ggvv); }, "county part from the reference data");
    refused([&] { store.update_grouping(Grouping{own, "Eget nätverk", "county-part", {"0680"}}); },
            "Only the reference data makes county parts");
    refused([&] { store.remove_grouping(own + 100); }, "no grouping with id");
}

TEST_CASE("Every change to a grouping is in the history, with who made it") {
    TempDir dir;
    Store::CreateOptions create;
    create.actor = "Karin Lind";
    Store store = Store::create(db_path(dir), "06", create);
    reopen(store, as_actor("Karin Lind"));
    const Id id = store.add_grouping("Förbundet", "association", {"0680", "0665"});
    store.update_grouping(Grouping{id, "Samordningsförbundet", "association", {"0665", "0680", "0642"}});
    store.remove_grouping(id);
    const auto h = grouping_history(store);
    REQUIRE(h.size() == 4);
    CHECK(h[0] == std::vector<std::string>{"created", "", "Förbundet (association): 0680,0665", expected_actor("Karin Lind")});
    CHECK(h[1] == std::vector<std::string>{"name", "Förbundet", "Samordningsförbundet", expected_actor("Karin Lind")});
    CHECK(h[2] == std::vector<std::string>{"members", "0665,0680", "0642,0665,0680", expected_actor("Karin Lind")});
    CHECK(h[3][0] == "removed");
    CHECK(h[3][1] == "Samordningsförbundet (association): 0680,0642,0665");
}
