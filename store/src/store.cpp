// What every database shares, file or server: the county and its municipalities, teams,
// the history of every change, and the choice between a file and a server.
#include "store_impl.h"

#include "base/i18n.h"
#include "store/history_text.h"
#include "store/reference_data.h"
#include "store/rules.h"
#include "store/uuid.h"
#include "server_connection.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace fidelis {
namespace {

// History entries that mark an event rather than a field's value: never merged.
bool is_event(const char* field) {
    static const char* const events[] = {"created", "added", "removed", "replaced", "imported",
                                         "deleted", "reopened", "status"};
    for (const char* e : events)
        if (std::strcmp(e, field) == 0) return true;
    return false;
}


// Seconds from one history time ("2026-03-01T09:12:00Z") to another; nullopt for a time
// that is not one.
std::optional<double> seconds_between(const std::string& from, const std::string& to) {
    const auto seconds = [](const std::string& t) -> std::optional<double> {
        const auto day = Date::try_parse(t.substr(0, 10));
        int h = 0, m = 0, s = 0;
        if (!day || t.size() < 19 || std::sscanf(t.c_str() + 11, "%2d:%2d:%2d", &h, &m, &s) != 3) return std::nullopt;
        return double(day->days()) * 86400.0 + h * 3600 + m * 60 + s;
    };
    const auto a = seconds(from), b = seconds(to);
    if (!a || !b) return std::nullopt;
    return *b - *a;
}

}  // namespace

std::string join_numbers(const std::vector<double>& values) {
    std::string out;
    for (double v : values) out += (out.empty() ? "" : " ") + number_text(v);
    return out;
}

std::vector<double> split_numbers(const std::string& text) {
    std::vector<double> out;
    for (const auto& w : split_words(text)) {
        double v = 0;
        std::from_chars(w.data(), w.data() + w.size(), v);
        out.push_back(v);
    }
    return out;
}

std::string optional_text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string optional_text(const std::optional<double>& v) { return v ? number_text(*v) : std::string(); }
std::string optional_text(const std::optional<Date>& v) { return v ? v->iso() : std::string(); }

void not_found(const char* msgid, Id id) {
    throw StoreError(StoreError::Kind::NotFound, format(tr(msgid), {std::to_string(id)}));
}

Statement& Store::Impl::cached(const char* sql) {
    auto it = statements.find(sql);
    if (it == statements.end()) it = statements.emplace(sql, Statement(db, sql)).first;
    it->second.reset();
    return it->second;
}

std::string Store::Impl::new_uuid() const { return uuid_source ? uuid_source() : random_uuid(); }

std::string Store::Impl::now() const {
    if (clock) return clock();
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void Store::Impl::record(const std::string& round_uuid, const char* entity, const std::string& key, const char* field,
                         const std::string& old_value, const std::string& new_value) {
    if (old_value == new_value) return;
    const std::string at = now();
    // Autosave writes a note on every keystroke. Consecutive edits of one field by one
    // person within a few minutes are one change (old value of the first, new value of
    // the last), so the history grows with the text, not with its square.
    if (!is_event(field)) {
        // A server stamps the history with its own time, so "a few minutes" is measured on
        // its clock (read in the same round trip), not on this PC's.
        const bool server = db.dialect() == Dialect::PostgreSQL;
        static const char* const on_file =
            "SELECT id, actor, old_value, at, ?5 FROM history WHERE round_uuid = ?1 AND entity = ?2 "
            "AND entity_key = ?3 AND field = ?4 ORDER BY id DESC LIMIT 1";
        static const char* const on_server =
            "SELECT id, actor, old_value, at, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
            "FROM history WHERE round_uuid = ?1 AND entity = ?2 AND entity_key = ?3 AND field = ?4 "
            "ORDER BY id DESC LIMIT 1";
        Statement last(db, server ? on_server : on_file);
        last.with(round_uuid, entity, key, field);
        if (!server) last.bind(5, at);
        const std::optional<double> apart = last.step() ? seconds_between(last.text(3), last.text(4)) : std::nullopt;
        if (apart && last.text(1) == actor && *apart >= 0 && *apart <= history_merge_seconds) {
            const Id id = last.int64(0);
            if (last.text(2) == new_value) Statement(db, "DELETE FROM history WHERE id = ?1").with(id).run();
            else Statement(db, "UPDATE history SET at = ?2, new_value = ?3 WHERE id = ?1").with(id, at, new_value).run();
            return;
        }
    }
    cached("INSERT INTO history (at, actor, round_uuid, entity, entity_key, field, old_value, new_value) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .with(at, actor, round_uuid, entity, key, field, old_value, new_value)
        .run();
}

void Store::Impl::refuse_stale(const std::string& round_uuid, const char* entity, const std::string& key) {
    Statement last(db, "SELECT actor, at FROM history WHERE round_uuid = ?1 AND entity = ?2 AND entity_key = ?3 "
                       "ORDER BY id DESC LIMIT 1");
    last.with(round_uuid, entity, key);
    if (!last.step())
        throw StoreError(StoreError::Kind::Stale,
                         tr(N_("Someone else changed this since you opened it, so your change was not saved. "
                               "It now shows what is stored.")));
    // TRANSLATORS: {1} is a person or login, {2} a date and time.
    throw StoreError(StoreError::Kind::Stale,
                     format(tr(N_("{1} changed this at {2}, after you opened it, so your change was not saved. "
                                  "It now shows what {1} saved.")),
                            {last.text(0), local_time_text(last.text(1))}));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;


ReferenceData reference_for_county(const std::string& county_code) {
    ReferenceData ref = ReferenceData::load();
    const auto county = std::find_if(ref.counties.begin(), ref.counties.end(),
                                     [&](const County& c) { return c.code == county_code; });
    if (county == ref.counties.end())
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("There is no county with code \"{1}\" (use the two-digit code, e.g. 06).")),
                                {county_code}));
    return ref;
}

void fill_reference_data(Database& db, const std::string& county_code, const ReferenceData& ref) {
    Transaction tx(db);
    Statement(db, "INSERT INTO meta (key, value) VALUES ('home_county', ?1)").with(county_code).run();
    for (const auto& c : ref.counties)
        Statement(db, "INSERT INTO counties (code, name) VALUES (?1, ?2)").with(c.code, c.name).run();
    for (const auto& m : ref.municipalities)
        Statement(db, "INSERT INTO municipalities (code, name, county_code) VALUES (?1, ?2, ?3)")
            .with(m.code, m.name, m.county_code)
            .run();
    for (const auto& part : ref.parts) {
        const bool in_county = std::all_of(part.municipality_codes.begin(), part.municipality_codes.end(),
                                           [&](const std::string& code) { return code.rfind(county_code, 0) == 0; });
        if (!in_county) continue;
        Statement(db, "INSERT INTO groupings (name, kind) VALUES (?1, 'county-part')").with(part.name).run();
        const Id gid = db.last_insert_id();
        for (const auto& code : part.municipality_codes)
            Statement(db, "INSERT INTO grouping_members (grouping_id, municipality_code) VALUES (?1, ?2)")
                .with(gid, code)
                .run();
    }
    tx.commit();
}

Store Store::create(const std::string& path, const std::string& county_code, const CreateOptions& options) {
    if (is_server_address(path)) return StoreAccess::create_on_server(path, county_code, options);
    return StoreAccess::create_file(path, county_code, options);
}

Store Store::open(const std::string& path, OpenOptions options) {
    if (is_server_address(path)) return StoreAccess::open_server(path, options);
    return StoreAccess::open_file(path, options);
}

const std::string& Store::path() const { return impl_->db.path(); }
bool Store::read_only() const { return impl_->db.read_only(); }
const std::string& Store::actor() const { return impl_->actor; }

bool Store::on_server() const { return impl_->db.dialect() == Dialect::PostgreSQL; }

Store::OthersChanges Store::others_changes() {
    OthersChanges out;
    for (const std::string& n : impl_->db.notifications()) {
        if (n == "county") out.county = true;
        else if (n.rfind("round ", 0) == 0) {
            Id id = 0;
            const char* end = n.data() + n.size();
            if (const auto r = std::from_chars(n.data() + 6, end, id); r.ec == std::errc() && r.ptr == end)
                out.rounds.insert(id);
        }
    }
    return out;
}
void Store::set_uuid_source(std::function<std::string()> source) { impl_->uuid_source = std::move(source); }
void Store::set_clock(std::function<std::string()> now_iso) { impl_->clock = std::move(now_iso); }
Transaction Store::begin() { return Transaction(impl_->db); }

County Store::home_county() {
    Statement st(impl_->db, "SELECT c.code, c.name FROM meta m JOIN counties c ON c.code = m.value "
                            "WHERE m.key = 'home_county'");
    if (!st.step()) return {};
    return County{st.text(0), st.text(1)};
}

std::vector<County> Store::counties() {
    std::vector<County> out;
    Statement st(impl_->db, "SELECT code, name FROM counties ORDER BY code");
    while (st.step()) out.push_back(County{st.text(0), st.text(1)});
    return out;
}

std::vector<Municipality> Store::municipalities(const std::string& county_code) {
    std::vector<Municipality> out;
    Statement st(impl_->db, "SELECT code, name, county_code FROM municipalities "
                            "WHERE ?1 = '' OR county_code = ?1 ORDER BY name COLLATE SWEDISH");
    st.with(county_code);
    while (st.step()) out.push_back(Municipality{st.text(0), st.text(1), st.text(2)});
    return out;
}

std::optional<Municipality> Store::municipality(const std::string& code) {
    Statement st(impl_->db, "SELECT code, name, county_code FROM municipalities WHERE code = ?1");
    st.with(code);
    if (!st.step()) return std::nullopt;
    return Municipality{st.text(0), st.text(1), st.text(2)};
}

namespace {

const char* const team_columns =
    "SELECT t.id, t.uuid, t.name, t.municipality_code, m.name, t.method, t.active FROM teams t "
    "JOIN municipalities m ON m.code = t.municipality_code ";

Team read_team(const Statement& st) {
    return Team{st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4),
                method_from(st.text(5)).value_or(Method::SE), st.int64(6) != 0};
}

}  // namespace

std::vector<Team> Store::teams() {
    std::vector<Team> out;
    Statement st(impl_->db, (std::string(team_columns) +
                             "ORDER BY m.name COLLATE SWEDISH, t.name COLLATE SWEDISH").c_str());
    while (st.step()) out.push_back(read_team(st));
    return out;
}

Team Store::team(Id id) {
    Statement st(impl_->db, (std::string(team_columns) + "WHERE t.id = ?1").c_str());
    st.with(id);
    if (!st.step()) not_found(N_("There is no team with id {1}."), id);
    return read_team(st);
}

std::optional<Team> Store::team_by_uuid(const std::string& uuid) {
    Statement st(impl_->db, (std::string(team_columns) + "WHERE t.uuid = ?1").c_str());
    st.with(uuid);
    if (!st.step()) return std::nullopt;
    return read_team(st);
}

Id Store::add_team(const std::string& municipality_code, const std::string& name, Method method,
                   const std::string& uuid) {
    if (!municipality(municipality_code))
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("There is no municipality with code \"{1}\".")), {municipality_code}));
    rules::check_team(Team{0, uuid, name, municipality_code, {}, method, true});
    Transaction tx(impl_->db);
    Statement(impl_->db, "INSERT INTO teams (uuid, name, municipality_code, method) VALUES (?1, ?2, ?3, ?4)")
        .with(uuid.empty() ? impl_->new_uuid() : uuid, name, municipality_code, std::string(code_of(method)))
        .run();
    const Id id = impl_->db.last_insert_id();
    tx.commit();
    return id;
}

void Store::update_team(const Team& t) {
    rules::check_team(t);
    Transaction tx(impl_->db);
    const Team old = team(t.id);
    Statement(impl_->db, "UPDATE teams SET name = ?2, method = ?3, active = ?4 WHERE id = ?1")
        .with(t.id, t.name, std::string(code_of(t.method)), t.active ? 1 : 0)
        .run();
    impl_->record("", "team", old.uuid, "name", old.name, t.name);
    impl_->record("", "team", old.uuid, "method", code_of(old.method), code_of(t.method));
    impl_->record("", "team", old.uuid, "active", old.active ? "1" : "0", t.active ? "1" : "0");
    tx.commit();
}

std::vector<HistoryEntry> Store::history(Id round_id) {
    const Round r = round(round_id);
    std::vector<HistoryEntry> out;
    Statement st(impl_->db, "SELECT at, actor, round_uuid, entity, entity_key, field, old_value, new_value "
                            "FROM history WHERE round_uuid = ?1 ORDER BY id");
    st.with(r.uuid);
    while (st.step())
        out.push_back(HistoryEntry{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                                   st.text(7)});
    return out;
}

}  // namespace fidelis
