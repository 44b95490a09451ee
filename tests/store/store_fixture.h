#pragma once
// Real shapes for store tests: the shipped scales, a fresh Jönköping database, a round.
#include "run.h"
#include "scales/scale_loader.h"
#include "store/store.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

namespace fidelis::test {

inline ScalePtr shipped_scale(const std::string& file) {
    static std::map<std::string, ScalePtr> cache;
    ScalePtr& s = cache[file];
    if (!s) s = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/" + file).scale;
    REQUIRE(s);
    return s;
}
inline ScalePtr ips25() { return shipped_scale("ips-25.xml"); }
inline ScalePtr seqf() { return shipped_scale("seqf-se.xml"); }

// Every round in the database, for exporting all of them.
inline std::vector<Id> all_ids(Store& store) {
    std::vector<Id> ids;
    for (const Round& r : store.all_rounds()) ids.push_back(r.id);
    return ids;
}

inline std::string db_path(const TempDir& dir, const std::string& name = "county.fidelis") {
    return (dir / name).string();
}

// Closes the store and opens its file again: one process holds a database at a time, so
// the old handle must be gone before the new one opens (the clock and uuid hooks go too).
inline void reopen(Store& store, Store::OpenOptions options = {}) {
    const std::string path = store.path();
    { Store closing = std::move(store); }
    store = Store::open(path, options);
}

inline Store::OpenOptions read_only_options() {
    Store::OpenOptions o;
    o.read_only = true;
    o.busy_ms = 100;
    return o;
}

inline Store::OpenOptions as_actor(const std::string& actor) {
    Store::OpenOptions o;
    o.actor = actor;
    return o;
}

// A team in Jönköping and an external IPS-25 round with two raters.
struct RoundSetup {
    Id team = 0;
    Id round = 0;
    Id anna = 0;
    Id omar = 0;
};

inline RoundSetup make_round(Store& store, const std::string& date = "2026-01-15", ScalePtr scale = ips25()) {
    RoundSetup s;
    s.team = store.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    Store::NewRound nr;
    nr.team_id = s.team;
    nr.scale = scale;
    nr.assessed_on = *Date::try_parse(date);
    nr.review_type = ReviewType::External;
    nr.raters = {{"Anna Berg", "Granskare"}, {"Omar Haddad", "Granskare"}};
    s.round = store.create_round(nr);
    const Round r = store.round(s.round);
    s.anna = r.raters.at(0).id;
    s.omar = r.raters.at(1).id;
    return s;
}

inline Rating rating(const std::string& item, Id rater, int level) {
    Rating r;
    r.item_id = item;
    r.rater_id = rater;
    r.input.level = level;
    return r;
}

// Consensus for every item at `level`, so the round can be completed.
inline void agree_all(Store& store, Id round, int level) {
    for (const Item& item : store.scale_of(store.round(round))->items) {
        Rating r = rating(item.id, consensus_rater, level);
        if (item.shape == ItemShape::Numeric || item.shape == ItemShape::Checklist ||
            item.shape == ItemShape::PerSpecialist) {
            // A level alone is accepted for every shape; inputs are optional.
        }
        store.save_rating(round, r);
    }
}

}  // namespace fidelis::test
