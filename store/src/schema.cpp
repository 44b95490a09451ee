#include "schema.h"

#include "base/i18n.h"

#include <string>

namespace fidelis::schema {
namespace {

// Version 1: the county, teams, rounds with scale snapshots, ratings, consensus, team
// figures, improvement plans and the change history.
const char* const v1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE counties (code TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
CREATE TABLE municipalities (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    county_code TEXT NOT NULL REFERENCES counties(code)
) STRICT;
CREATE TABLE groupings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'custom' CHECK (kind IN ('county-part', 'association', 'custom'))
) STRICT;
CREATE TABLE grouping_members (
    grouping_id INTEGER NOT NULL REFERENCES groupings(id) ON DELETE CASCADE,
    municipality_code TEXT NOT NULL REFERENCES municipalities(code),
    PRIMARY KEY (grouping_id, municipality_code)
) STRICT;
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities(code),
    method TEXT NOT NULL CHECK (method IN ('SE', 'IPS')),
    active INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE scale_snapshots (
    hash TEXT PRIMARY KEY,
    scale_id TEXT NOT NULL,
    edition TEXT NOT NULL,
    definition TEXT NOT NULL
) STRICT;
CREATE TABLE rounds (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    scale_hash TEXT NOT NULL REFERENCES scale_snapshots(hash),
    assessed_on TEXT NOT NULL,
    period_from TEXT,
    period_to TEXT,
    review_type TEXT NOT NULL CHECK (review_type IN ('self', 'guided', 'external')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'consensus', 'completed')),
    strengths TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX rounds_by_team ON rounds(team_id, assessed_on);
CREATE TABLE raters (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    UNIQUE (round_id, position),
    UNIQUE (round_id, name)
) STRICT;
CREATE TABLE ratings (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    rater_id INTEGER REFERENCES raters(id) ON DELETE CASCADE,
    level INTEGER,
    value REAL,
    checked TEXT NOT NULL DEFAULT '',
    specialists TEXT NOT NULL DEFAULT '',
    cannot_rate INTEGER NOT NULL DEFAULT 0,
    cannot_rate_reason TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    rationale TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX ratings_by_key ON ratings(round_id, item_id, IFNULL(rater_id, 0));
CREATE TABLE item_feedback (
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    strengths TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (round_id, item_id)
) STRICT;
CREATE TABLE team_figures (
    round_id INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    period_from TEXT,
    period_to TEXT,
    specialists REAL,
    caseload INTEGER,
    participants_women INTEGER, participants_men INTEGER, participants_other INTEGER,
    work_women INTEGER, work_men INTEGER, work_other INTEGER,
    studies_women INTEGER, studies_men INTEGER, studies_other INTEGER
) STRICT;
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    round_id INTEGER NOT NULL UNIQUE REFERENCES rounds(id) ON DELETE CASCADE
) STRICT;
CREATE TABLE plan_goals (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    current_level INTEGER,
    target_level INTEGER,
    target_date TEXT,
    description TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE plan_actions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_id TEXT NOT NULL DEFAULT '',
    what TEXT NOT NULL,
    responsible TEXT NOT NULL DEFAULT '',
    resources TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    due_date TEXT,
    follow_up TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'done', 'cancelled')),
    comment TEXT NOT NULL DEFAULT '',
    carried_from TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    round_uuid TEXT NOT NULL DEFAULT '',
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX history_by_round ON history(round_uuid);
)sql";

// Version 2: the plan header a signed improvement plan needs (period, responsible
// manager, next follow-up).
const char* const v2 = R"sql(
ALTER TABLE plans ADD COLUMN period_from TEXT;
ALTER TABLE plans ADD COLUMN period_to TEXT;
ALTER TABLE plans ADD COLUMN manager TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN next_follow_up TEXT;
)sql";

// Version 3: indexes for what every round's plan and every edit looks up. Without the plan
// ones, exporting a national database scanned both plan tables once per round; the history
// one finds the previous edit of a field, which a new edit may merge with. And "cannot
// rate" has no level: an older fidelis-cli kept the level when an item was marked so later,
// and the total then counted an item its raters said they could not rate.
const char* const v3 = R"sql(
UPDATE ratings SET level = NULL WHERE cannot_rate = 1 AND level IS NOT NULL;
CREATE INDEX plan_goals_by_plan ON plan_goals(plan_id, position);
CREATE INDEX plan_actions_by_plan ON plan_actions(plan_id, position);
CREATE INDEX history_by_field ON history(round_uuid, entity, entity_key, field);
)sql";

// Version 4: named inputs of rule items (IPS-25 O1, V6), one text per rating in the form
// scales/item_rule.h encodes. Older ratings have none and keep their own columns.
const char* const v4 = R"sql(
ALTER TABLE ratings ADD COLUMN inputs TEXT NOT NULL DEFAULT '';
)sql";

// Version 5 (quarterly outcomes): per team and calendar quarter, the people served and,
// of them, those in competitive work and in studies, per gender, with optional referrals
// and job starts. The employment rate is computed, never stored.
const char* const v5 = R"sql(
CREATE TABLE team_outcomes (
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    served_women INTEGER, served_men INTEGER, served_other INTEGER,
    working_women INTEGER, working_men INTEGER, working_other INTEGER,
    studying_women INTEGER, studying_men INTEGER, studying_other INTEGER,
    referrals INTEGER,
    job_starts INTEGER,
    PRIMARY KEY (team_id, year, quarter)
) STRICT;
)sql";

// Version 6 (a shared database): each rating counts its changes, so that an edit made on
// a rating someone else changed since it was read is refused instead of overwriting it.
const char* const v6 = R"sql(
ALTER TABLE ratings ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
)sql";

const char* const steps[] = {v1, v2, v3, v4, v5, v6};
static_assert(sizeof steps / sizeof steps[0] == current_version, "one migration step per schema version");

}  // namespace

int version_of(Database& db) {
    if (db.dialect() == Dialect::PostgreSQL) {
        // A server's version is in meta (PostgreSQL has no user_version); an empty database
        // has none yet.
        Statement exists(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'fidelis' AND tablename = 'meta'");
        exists.step();
        if (exists.int64(0) == 0) return 0;
        Statement st(db, "SELECT value FROM fidelis.meta WHERE key = 'schema_version'");
        return st.step() ? std::stoi(st.text(0)) : 0;
    }
    Statement st(db, "PRAGMA user_version");
    st.step();
    return st.integer(0);
}

void migrate(Database& db, int target) {
    int version = version_of(db);
    if (version > current_version) {
        throw StoreError(StoreError::Kind::NewerVersion,
                         format(tr(N_("{1} was saved by a newer version of Fidelis (database version {2}); this "
                                      "version reads up to version {3}. Update Fidelis to open it.")),
                                {db.path(), std::to_string(version), std::to_string(current_version)}));
    }
    // A server's schema is made whole at its version by `server init`
    // (server_schema.cpp); later versions add their step for both.
    if (db.dialect() == Dialect::PostgreSQL) return;
    while (version < target) {
        Transaction tx(db);
        db.exec(steps[version]);
        ++version;
        db.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
        if (version == 1) db.exec(("PRAGMA application_id = " + std::to_string(application_id)).c_str());
        tx.commit();
    }
}

}  // namespace fidelis::schema
