// Opening and creating databases; county, municipalities, groupings and teams; history.
#include "store_impl.h"

#include "scales/collation.h"
#include "scales/i18n.h"
#include "store/reference_data.h"
#include "store/schema.h"
#include "store/uuid.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sstream>

namespace fidelis {
namespace {

int swedish_collation(void*, int la, const void* a, int lb, const void* b) {
    return swedish_compare(std::string_view(static_cast<const char*>(a), std::size_t(la)),
                           std::string_view(static_cast<const char*>(b), std::size_t(lb)));
}

std::string os_user() {
    for (const char* var : {"FIDELIS_USER", "USER", "USERNAME", "LOGNAME"}) {
        if (const char* v = std::getenv(var); v && *v) return v;
    }
    return "unknown";
}

void configure(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    if (sqlite3_create_collation_v2(db.handle(), "SWEDISH", SQLITE_UTF8, nullptr, swedish_collation, nullptr) !=
        SQLITE_OK)
        db.fail(SQLITE_ERROR);
    if (db.read_only()) return;
    // WAL keeps readers (reports, a second window) from blocking the writer; FULL makes
    // every commit durable even if the machine loses power right after.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
}

void check_is_fidelis(Database& db) {
    Statement app(db, "PRAGMA application_id");
    app.step();
    if (app.integer(0) != schema::application_id)
        throw StoreError(StoreError::Kind::NotFidelis, format(tr(N_("{1} is not a Fidelis database.")), {db.path()}));
}

void check_integrity(Database& db) {
    Statement st(db, "PRAGMA quick_check");
    std::string problems;
    while (st.step()) {
        const std::string line = st.text(0);
        if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty())
        throw StoreError(StoreError::Kind::Corrupt,
                         format(tr(N_("The database {1} is damaged: {2}. Open a backup copy instead.")),
                                {db.path(), problems.substr(0, 300)}));
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

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string optional_text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string optional_text(const std::optional<double>& v) { return v ? number_text(*v) : std::string(); }
std::string optional_text(const std::optional<Date>& v) { return v ? v->iso() : std::string(); }

void not_found(const char* msgid, Id id) {
    throw StoreError(StoreError::Kind::NotFound, format(tr(msgid), {std::to_string(id)}));
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
    Statement(db, "INSERT INTO history (at, actor, round_uuid, entity, entity_key, field, old_value, new_value) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .with(now(), actor, round_uuid, entity, key, field, old_value, new_value)
        .run();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::create(const std::string& path, const std::string& county_code) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw StoreError(StoreError::Kind::Invalid, format(tr(N_("{1} already exists; choose a new file name.")), {path}));
    const ReferenceData ref = ReferenceData::load();
    const auto county = std::find_if(ref.counties.begin(), ref.counties.end(),
                                     [&](const County& c) { return c.code == county_code; });
    if (county == ref.counties.end())
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("There is no county with code \"{1}\" (use the two-digit code, e.g. 06).")),
                                {county_code}));
    try {
        Database db(path, Database::Mode::Create);
        configure(db);
        schema::migrate(db);
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
        auto impl = std::make_unique<Impl>(std::move(db));
        impl->actor = os_user();
        return Store(std::move(impl));
    } catch (...) {
        std::filesystem::remove(path, ec);
        std::filesystem::remove(path + "-wal", ec);
        std::filesystem::remove(path + "-shm", ec);
        throw;
    }
}

Store Store::open(const std::string& path, OpenOptions options) {
    Database db(path, options.read_only ? Database::Mode::ReadOnly : Database::Mode::ReadWrite, options.busy_ms);
    check_is_fidelis(db);
    configure(db);
    const int version = schema::version_of(db);
    if (version > schema::current_version || !db.read_only()) {
        schema::migrate(db);
    } else if (version < schema::current_version) {
        throw StoreError(StoreError::Kind::ReadOnly,
                         format(tr(N_("{1} was made by an older Fidelis and must be upgraded, which needs write "
                                      "access. Open it once with write access.")),
                                {path}));
    }
    check_integrity(db);
    auto impl = std::make_unique<Impl>(std::move(db));
    impl->actor = os_user();
    return Store(std::move(impl));
}

const std::string& Store::path() const { return impl_->db.path(); }
bool Store::read_only() const { return impl_->db.read_only(); }
void Store::set_actor(std::string actor) { impl_->actor = actor.empty() ? os_user() : std::move(actor); }
const std::string& Store::actor() const { return impl_->actor; }
void Store::set_uuid_source(std::function<std::string()> source) { impl_->uuid_source = std::move(source); }
void Store::set_clock(std::function<std::string()> now_iso) { impl_->clock = std::move(now_iso); }
Database& Store::database() { return impl_->db; }

void Store::save_copy(const std::string& target) const {
    const std::string temp = target + ".part";
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    {
        Database dest(temp, Database::Mode::Create);
        sqlite3_backup* backup = sqlite3_backup_init(dest.handle(), "main", impl_->db.handle(), "main");
        if (!backup) dest.fail(sqlite3_errcode(dest.handle()));
        const int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            std::filesystem::remove(temp, ec);
            dest.fail(rc);
        }
        // A copy is a self-contained file: no -wal beside it.
        dest.exec("PRAGMA journal_mode = DELETE");
    }
    std::filesystem::rename(temp, target);
}

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

Id Store::add_grouping(const std::string& name, const std::string& kind, const std::vector<std::string>& members) {
    Transaction tx(impl_->db);
    Statement(impl_->db, "INSERT INTO groupings (name, kind) VALUES (?1, ?2)").with(name, kind).run();
    const Id id = impl_->db.last_insert_id();
    set_grouping_members(id, members);
    tx.commit();
    return id;
}

void Store::set_grouping_members(Id grouping, const std::vector<std::string>& members) {
    Transaction tx(impl_->db);
    Statement(impl_->db, "DELETE FROM grouping_members WHERE grouping_id = ?1").with(grouping).run();
    for (const auto& code : members)
        Statement(impl_->db, "INSERT INTO grouping_members (grouping_id, municipality_code) VALUES (?1, ?2)")
            .with(grouping, code)
            .run();
    tx.commit();
}

void Store::remove_grouping(Id grouping) {
    Transaction tx(impl_->db);
    Statement(impl_->db, "DELETE FROM groupings WHERE id = ?1").with(grouping).run();
    tx.commit();
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
    if (name.empty()) throw StoreError(StoreError::Kind::Invalid, tr(N_("A team needs a name.")));
    Transaction tx(impl_->db);
    Statement(impl_->db, "INSERT INTO teams (uuid, name, municipality_code, method) VALUES (?1, ?2, ?3, ?4)")
        .with(uuid.empty() ? impl_->new_uuid() : uuid, name, municipality_code, std::string(code_of(method)))
        .run();
    const Id id = impl_->db.last_insert_id();
    tx.commit();
    return id;
}

void Store::update_team(const Team& t) {
    if (t.name.empty()) throw StoreError(StoreError::Kind::Invalid, tr(N_("A team needs a name.")));
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
