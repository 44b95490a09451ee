// Whole rounds in and out of the database in one step.
#include "store_impl.h"

#include "base/i18n.h"
#include "scales/scale_loader.h"
#include "base/sha256.h"
#include "store/rules.h"

#include <algorithm>

namespace fidelis {

RoundRecord Store::record(Id round_id) {
    RoundRecord rec;
    rec.round = round(round_id);
    rec.team = team(rec.round.team_id);
    rec.scale = scale_of(rec.round);
    for (Rating r : ratings(round_id)) {
        if (r.rater_id != consensus_rater) {
            const Rater* rater = rec.round.rater(r.rater_id);
            r.rater_id = rater ? rater->position : consensus_rater;
        }
        rec.ratings.push_back(std::move(r));
    }
    rec.feedback = item_feedback(round_id);
    rec.figures = team_figures(round_id);
    ImprovementPlan p = plan(round_id);
    if (p.id != 0) rec.plan = std::move(p);
    return rec;
}

Id Store::insert_record(const RoundRecord& rec, bool replace) {
    Database& db = impl_->db;
    if (db.read_only())
        throw StoreError(StoreError::Kind::ReadOnly, format(tr(N_("The database {1} is open read-only.")), {db.path()}));
    Transaction tx(db);

    // The scale: the snapshot must be what its hash says (the loader hashed it once).
    if (!rec.scale || rec.scale->content_hash != rec.round.scale_hash)
        throw StoreError(StoreError::Kind::Invalid,
                         format(tr(N_("The scale snapshot of round {1} does not match its hash.")), {rec.round.uuid}));
    const ScalePtr scale = impl_->scales.emplace(rec.scale->content_hash, rec.scale).first->second;
    rules::check_record(rec);
    // Stored once per hash: an import of thousands of rounds binds the definition once.
    Statement& stored = impl_->cached("SELECT 1 FROM scale_snapshots WHERE hash = ?1");
    const bool known = stored.with(scale->content_hash).step();
    stored.reset();
    if (!known)
        Statement(db, "INSERT INTO scale_snapshots (hash, scale_id, edition, definition) VALUES (?1, ?2, ?3, ?4)")
            .with(scale->content_hash, scale->id, scale->edition, scale->xml)
            .run();

    // The team, by uuid; a uuid that names another team here is refused, never merged.
    Id team_id = 0;
    if (auto t = team_by_uuid(rec.team.uuid)) {
        if (t->name != rec.team.name || t->municipality_code != rec.team.municipality_code ||
            t->method != rec.team.method)
            throw StoreError(StoreError::Kind::Invalid,
                             format(tr(N_("Round {1}: its team id belongs to another team here ({2}, {3}).")),
                                    {rec.round.uuid, t->name, t->municipality_name}));
        team_id = t->id;
    } else {
        team_id = add_team(rec.team.municipality_code, rec.team.name, rec.team.method, rec.team.uuid);
        if (!rec.team.active) Statement(db, "UPDATE teams SET active = 0 WHERE id = ?1").with(team_id).run();
    }

    if (auto existing = round_by_uuid(rec.round.uuid)) {
        if (!replace)
            throw StoreError(StoreError::Kind::Invalid,
                             format(tr(N_("A round with id {1} already exists.")), {rec.round.uuid}));
        Statement(db, "DELETE FROM rounds WHERE id = ?1").with(*existing).run();
        impl_->record(rec.round.uuid, "round", rec.round.uuid, "replaced", "", tr(N_("replaced by an imported round")));
    }

    // Plan, goal and action ids are unique across the database, not just the round.
    if (rec.plan) {
        auto taken = [&](const char* sql, const std::string& uuid) {
            Statement& st = impl_->cached(sql);
            const bool found = st.with(uuid).step();
            st.reset();
            return found;
        };
        std::vector<std::pair<const char*, std::string>> ids{{"SELECT 1 FROM plans WHERE uuid = ?1", rec.plan->uuid}};
        for (const PlanGoal& g : rec.plan->goals) ids.emplace_back("SELECT 1 FROM plan_goals WHERE uuid = ?1", g.uuid);
        for (const PlanAction& a : rec.plan->actions)
            ids.emplace_back("SELECT 1 FROM plan_actions WHERE uuid = ?1", a.uuid);
        for (const auto& [sql, uuid] : ids)
            if (!uuid.empty() && taken(sql, uuid))
                throw StoreError(StoreError::Kind::Invalid,
                                 format(tr(N_("Round {1}: its plan uses the id {2}, which another round's plan "
                                              "already has here.")),
                                        {rec.round.uuid, uuid}));
    }

    const Round& r = rec.round;
    impl_->cached("INSERT INTO rounds (uuid, team_id, scale_hash, assessed_on, period_from, period_to, review_type, "
                  "status, strengths, recommendations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .with(r.uuid, team_id, r.scale_hash, r.assessed_on.iso(), iso(r.period_from), iso(r.period_to),
              std::string(code_of(r.review_type)), std::string(code_of(r.status)), r.strengths, r.recommendations)
        .run();
    const Id round_id = db.last_insert_id();
    std::map<int, Id> rater_ids;  // position -> id
    for (const Rater& rater : r.raters) {
        impl_->cached("INSERT INTO raters (round_id, position, name, role) VALUES (?1, ?2, ?3, ?4)")
            .with(round_id, rater.position, rater.name, rater.role)
            .run();
        rater_ids[rater.position] = db.last_insert_id();
    }
    for (const Rating& x : rec.ratings) {
        std::optional<Id> rater;
        if (x.rater_id != consensus_rater) rater = rater_ids.at(static_cast<int>(x.rater_id));
        impl_->cached("INSERT INTO ratings (round_id, item_id, rater_id, level, value, checked, specialists, "
                      "cannot_rate, cannot_rate_reason, evidence, note, rationale, inputs) VALUES (?1, ?2, ?3, ?4, ?5, "
                      "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
            .with(round_id, x.item_id, rater, x.input.level, x.input.value, join_words(x.input.checked),
                  join_numbers(x.input.specialists), x.input.cannot_rate ? 1 : 0, x.input.cannot_rate_reason,
                  x.evidence, x.note, x.rationale, encode_inputs(x.input.inputs))
            .run();
    }
    for (const ItemFeedback& f : rec.feedback)
        impl_->cached("INSERT INTO item_feedback (round_id, item_id, strengths, recommendation) VALUES (?1, ?2, ?3, ?4)")
            .with(round_id, f.item_id, f.strengths, f.recommendation)
            .run();
    if (rec.figures) impl_->write_figures(round_id, *rec.figures);
    if (rec.plan) {
        const ImprovementPlan& p = *rec.plan;
        impl_->cached("INSERT INTO plans (uuid, round_id, period_from, period_to, manager, next_follow_up) VALUES "
                      "(?1, ?2, ?3, ?4, ?5, ?6)")
            .with(p.uuid.empty() ? impl_->new_uuid() : p.uuid, round_id, iso(p.period_from), iso(p.period_to),
                  p.manager, iso(p.next_follow_up))
            .run();
        const Id plan_id = db.last_insert_id();
        int position = 0;
        for (const PlanGoal& g : p.goals)
            impl_->cached("INSERT INTO plan_goals (uuid, plan_id, position, item_id, current_level, target_level, "
                          "target_date, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .with(g.uuid.empty() ? impl_->new_uuid() : g.uuid, plan_id, ++position, g.item_id, g.current_level,
                      g.target_level, iso(g.target_date), g.description)
                .run();
        position = 0;
        for (const PlanAction& a : p.actions)
            impl_->cached("INSERT INTO plan_actions (uuid, plan_id, position, item_id, what, responsible, resources, "
                          "start_date, due_date, follow_up, status, comment, carried_from) VALUES (?1, ?2, ?3, ?4, ?5, "
                          "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .with(a.uuid.empty() ? impl_->new_uuid() : a.uuid, plan_id, ++position, a.item_id, a.what,
                      a.responsible, a.resources, iso(a.start), iso(a.due), a.follow_up,
                      std::string(code_of(a.status)), a.comment, a.carried_from)
                .run();
    }
    impl_->record(r.uuid, "round", r.uuid, "imported", "", scale->id + " " + scale->edition);
    tx.commit();
    return round_id;
}

}  // namespace fidelis
