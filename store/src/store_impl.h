#pragma once
// What the Store's parts (store.cpp, rounds.cpp, plans.cpp) share.
#include "base/file_lock.h"
#include "base/i18n.h"
#include "base/words.h"
#include "database.h"
#include "store/reference_data.h"
#include "store/store.h"

#include <charconv>
#include <map>
#include <string>
#include <vector>

namespace fidelis {

// Edits of one field by one person closer together than this are one history entry.
inline constexpr double history_merge_seconds = 300;

struct Store::Impl {
    std::unique_ptr<FileLock> lock;  // released only after the database is closed
    Database db;
    std::string actor;
    std::function<std::string()> uuid_source;
    std::function<std::string()> clock;
    std::map<std::string, ScalePtr> scales;  // parsed snapshots by hash
    // Statements prepared once and reused (bulk inserts); finalised before the database
    // closes, being declared after it.
    std::map<const char*, Statement> statements;

    explicit Impl(Database d) : db(std::move(d)) {}
    // The statement for this SQL text (a string literal: its address is the key), reset
    // and ready to bind. For statements that run to completion, such as INSERTs.
    Statement& cached(const char* sql);
    std::string new_uuid() const;
    std::string now() const;
    // One history row when a value changed.
    void record(const std::string& round_uuid, const char* entity, const std::string& key, const char* field,
                const std::string& old_value, const std::string& new_value);
    // Throws StoreError::Kind::Stale naming who last changed (entity, key) and when, from
    // the history: an edit was made on what someone else has changed since it was read.
    [[noreturn]] void refuse_stale(const std::string& round_uuid, const char* entity, const std::string& key);
    // The round (or only its uuid), after refusing edits to a completed round. The whole
    // round for an edit that reads it too, which saves reading it twice (on a server, two
    // queries per keystroke).
    Round editable(Id round);
    std::string editable_round(Id round);
    // The round's uuid for plan edits: a plan is written after the round is completed and
    // followed up for months, so only a read-only database refuses them.
    std::string plan_round(Id round);
    Round load_round(Id round);
    // Several rounds, or their team figures by round, each in one query (a comparison's).
    std::vector<Round> load_rounds(const std::vector<Id>& rounds);
    std::map<Id, TeamFigures> load_figures(const std::vector<Id>& rounds);
    // The plan row for a round, created on the first edit.
    Id ensure_plan(Id round);
    // Writes (or replaces) a round's team figures.
    void write_figures(Id round, const TeamFigures& figures);
};

// Text helpers for how values sit in the database.
inline std::optional<std::string> iso(const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}
inline std::optional<Date> date_of(const std::optional<std::string>& s) {
    return s ? Date::try_parse(*s) : std::nullopt;
}
// "1,2,3" for an IN (…) list: the store's own integer ids, so nothing to quote.
inline std::string id_list(const std::vector<Id>& ids) {
    std::string out;
    for (const Id id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}
// Shortest round-trip form, independent of locale.
inline std::string number_text(double v) { return shortest_number(v); }
std::string join_numbers(const std::vector<double>& values);
std::vector<double> split_numbers(const std::string& text);
std::string optional_text(const std::optional<int>& v);
std::string optional_text(const std::optional<double>& v);
std::string optional_text(const std::optional<Date>& v);

// The store's ways in, for its own parts (a file in store_file.cpp, a server in
// store_server.cpp) and for the store's tests.
struct StoreAccess {
    static Store make(std::unique_ptr<Store::Impl> impl) { return Store(std::move(impl)); }
    static Store::Impl& impl(Store& store) { return *store.impl_; }
    static Database& database(Store& store) { return store.impl_->db; }
    static Store create_file(const std::string& path, const std::string& county_code,
                             const Store::CreateOptions& options);
    static Store open_file(const std::string& path, Store::OpenOptions options);
    // A new file whose rows `fill_rows` writes into the (migrated, empty) database first.
    static Store build_file(const std::string& path, const Store::CreateOptions& options,
                            const std::function<void(Database&)>& fill_rows);
    static Store create_on_server(const std::string& uri, const std::string& county_code,
                                  const Store::CreateOptions& options);
    static Store open_server(const std::string& uri, const Store::OpenOptions& options);
    // A store's state on a server connection, its actor being the login.
    static std::unique_ptr<Store::Impl> server_impl(Database db);
};

// The reference data, after refusing a county code that is not one of Sweden's.
ReferenceData reference_for_county(const std::string& county_code);
// A new database's county, municipalities and county parts, in one transaction.
void fill_reference_data(Database& db, const std::string& county_code, const ReferenceData& ref);

// Throws NotFound with the (N_-marked) message, "{1}" being the id.
[[noreturn]] void not_found(const char* msgid, Id id);

}  // namespace fidelis
