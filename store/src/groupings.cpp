// Groupings of municipalities: the county parts from the reference data and the
// groupings a network makes itself (a samordningsförbund, any set of its own). Every
// write is checked first, so a refused one changes nothing, and is in the history.
#include "store_impl.h"

#include "base/i18n.h"
#include "store/rules.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace fidelis {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw StoreError(StoreError::Kind::Invalid, message); }

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string joined(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

}  // namespace

bool is_grouping_kind(const std::string& kind) {
    return kind == "county-part" || kind == "association" || kind == "custom";
}

std::vector<Grouping> Store::groupings() {
    std::vector<Grouping> out;
    Statement st(impl_->db, "SELECT id, name, kind FROM groupings ORDER BY kind = 'county-part' DESC, id");
    while (st.step()) out.push_back(Grouping{st.int64(0), st.text(1), st.text(2), {}});
    for (auto& g : out) {
        Statement m(impl_->db, "SELECT g.municipality_code FROM grouping_members g JOIN municipalities m "
                               "ON m.code = g.municipality_code WHERE grouping_id = ?1 ORDER BY m.name COLLATE SWEDISH");
        m.with(g.id);
        while (m.step()) g.members.push_back(m.text(0));
    }
    return out;
}

std::optional<Grouping> Store::grouping_named(const std::string& name) {
    for (Grouping& g : groupings())
        if (g.name == name) return std::move(g);
    return std::nullopt;
}

namespace {

// The checks every grouping write passes: a name that is free and not a word the county
// report reads as a kind, a known kind, and at least one known municipality, each once.
void check_grouping(Store& store, const Grouping& g) {
    if (g.name.find_first_not_of(" \t\r\n") == std::string::npos) refuse(tr(N_("A grouping needs a name.")));
    if (g.name.front() == ' ' || g.name.back() == ' ')
        refuse(tr(N_("A grouping's name cannot start or end with a space.")));
    rules::check_text(g.name, N_("The grouping's name"));
    // `report county --grouping` takes a kind or a name, so a name may not be a kind.
    for (const char* word : {"county-part", "association", "custom", "none", "county"})
        if (lower_ascii(g.name) == word)
            refuse(format(tr(N_("\"{1}\" is a word the county report reads as a kind of grouping; choose "
                                "another name.")),
                          {g.name}));
    if (!is_grouping_kind(g.kind))
        refuse(format(tr(N_("\"{1}\" is not a kind of grouping: use association or custom.")), {g.kind}));
    for (const Grouping& other : store.groupings())
        if (other.id != g.id && lower_ascii(other.name) == lower_ascii(g.name))
            refuse(format(tr(N_("There is already a grouping named \"{1}\".")), {other.name}));
    if (g.members.empty()) refuse(format(tr(N_("The grouping \"{1}\" needs at least one municipality.")), {g.name}));
    std::set<std::string> seen;
    for (const auto& code : g.members) {
        if (!store.municipality(code))
            refuse(format(tr(N_("There is no municipality with code \"{1}\".")), {code}));
        if (!seen.insert(code).second)
            refuse(format(tr(N_("Municipality {1} is listed twice.")), {code}));
    }
}

}  // namespace

Id Store::add_grouping(const std::string& name, const std::string& kind, const std::vector<std::string>& members) {
    check_grouping(*this, Grouping{0, name, kind, members});
    Transaction tx(impl_->db);
    Statement(impl_->db, "INSERT INTO groupings (name, kind) VALUES (?1, ?2)").with(name, kind).run();
    const Id id = impl_->db.last_insert_id();
    for (const auto& code : members)
        Statement(impl_->db, "INSERT INTO grouping_members (grouping_id, municipality_code) VALUES (?1, ?2)")
            .with(id, code)
            .run();
    impl_->record("", "grouping", std::to_string(id), "created", "", name + " (" + kind + "): " + joined(members));
    tx.commit();
    return id;
}

namespace {

// The grouping as stored, refusing the county parts: they come from the reference data,
// so every database of a county names the same parts.
Grouping editable_grouping(Store& store, Id id) {
    for (Grouping& g : store.groupings()) {
        if (g.id != id) continue;
        if (g.kind == "county-part")
            refuse(format(tr(N_("\"{1}\" is a county part from the reference data and cannot be changed; make a "
                                "grouping of your own instead.")),
                          {g.name}));
        return std::move(g);
    }
    not_found(N_("There is no grouping with id {1}."), id);
}

}  // namespace

void Store::update_grouping(const Grouping& g) {
    const Grouping old = editable_grouping(*this, g.id);
    if (g.kind == "county-part") refuse(tr(N_("Only the reference data makes county parts.")));
    check_grouping(*this, g);
    Transaction tx(impl_->db);
    Statement(impl_->db, "UPDATE groupings SET name = ?2, kind = ?3 WHERE id = ?1").with(g.id, g.name, g.kind).run();
    Statement(impl_->db, "DELETE FROM grouping_members WHERE grouping_id = ?1").with(g.id).run();
    for (const auto& code : g.members)
        Statement(impl_->db, "INSERT INTO grouping_members (grouping_id, municipality_code) VALUES (?1, ?2)")
            .with(g.id, code)
            .run();
    const std::string key = std::to_string(g.id);
    impl_->record("", "grouping", key, "name", old.name, g.name);
    impl_->record("", "grouping", key, "kind", old.kind, g.kind);
    // Compared as sets: the stored order is by name, the caller's may be any.
    std::vector<std::string> sorted_old = old.members, sorted_new = g.members;
    std::sort(sorted_old.begin(), sorted_old.end());
    std::sort(sorted_new.begin(), sorted_new.end());
    impl_->record("", "grouping", key, "members", joined(sorted_old), joined(sorted_new));
    tx.commit();
}

void Store::set_grouping_members(Id grouping, const std::vector<std::string>& members) {
    Grouping g = editable_grouping(*this, grouping);
    g.members = members;
    update_grouping(g);
}

void Store::remove_grouping(Id grouping) {
    const Grouping old = editable_grouping(*this, grouping);
    Transaction tx(impl_->db);
    Statement(impl_->db, "DELETE FROM groupings WHERE id = ?1").with(grouping).run();
    impl_->record("", "grouping", std::to_string(grouping), "removed", old.name + " (" + old.kind + "): " +
                  joined(old.members), "");
    tx.commit();
}

}  // namespace fidelis
