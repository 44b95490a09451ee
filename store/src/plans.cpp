// Improvement plans: one per round, with goals tied to items and actions with one
// responsible person each. Unfinished actions can be carried into the next round's plan.
#include "store_impl.h"

#include "base/i18n.h"
#include "store/rules.h"

#include <algorithm>

namespace fidelis {
namespace {

std::optional<Id> plan_id_of(Database& db, Id round) {
    Statement st(db, "SELECT id FROM plans WHERE round_id = ?1");
    st.with(round);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

std::string goal_summary(const PlanGoal& g) {
    return g.item_id + " " + optional_text(g.current_level) + "->" + optional_text(g.target_level) + " by " +
           optional_text(g.target_date) + (g.description.empty() ? "" : ": " + g.description);
}

std::string action_summary(const PlanAction& a) {
    return a.what + " | " + a.responsible + " | " + a.resources + " | " + optional_text(a.start) + ".." +
           optional_text(a.due) + " | " + a.follow_up + " | " + code_of(a.status) + " | " + a.comment;
}

const char* const action_columns =
    "SELECT id, uuid, item_id, what, responsible, resources, start_date, due_date, follow_up, status, comment, "
    "carried_from FROM plan_actions ";

PlanAction read_action(const Statement& st) {
    PlanAction a;
    a.id = st.int64(0);
    a.uuid = st.text(1);
    a.item_id = st.text(2);
    a.what = st.text(3);
    a.responsible = st.text(4);
    a.resources = st.text(5);
    a.start = date_of(st.optional_text(6));
    a.due = date_of(st.optional_text(7));
    a.follow_up = st.text(8);
    a.status = action_status_from(st.text(9)).value_or(ActionStatus::Planned);
    a.comment = st.text(10);
    a.carried_from = st.text(11);
    return a;
}

}  // namespace

Id Store::Impl::ensure_plan(Id round) {
    if (auto id = plan_id_of(db, round)) return *id;
    Statement(db, "INSERT INTO plans (uuid, round_id) VALUES (?1, ?2)").with(new_uuid(), round).run();
    return db.last_insert_id();
}

ImprovementPlan Store::plan(Id round_id) {
    ImprovementPlan p;
    p.round_id = round_id;
    Statement st(impl_->db, "SELECT id, uuid, period_from, period_to, manager, next_follow_up FROM plans "
                            "WHERE round_id = ?1");
    st.with(round_id);
    if (!st.step()) return p;
    p.id = st.int64(0);
    p.uuid = st.text(1);
    p.period_from = date_of(st.optional_text(2));
    p.period_to = date_of(st.optional_text(3));
    p.manager = st.text(4);
    p.next_follow_up = date_of(st.optional_text(5));
    Statement g(impl_->db, "SELECT id, uuid, item_id, current_level, target_level, target_date, description "
                           "FROM plan_goals WHERE plan_id = ?1 ORDER BY position, id");
    g.with(p.id);
    while (g.step()) {
        PlanGoal goal;
        goal.id = g.int64(0);
        goal.uuid = g.text(1);
        goal.item_id = g.text(2);
        if (!g.is_null(3)) goal.current_level = g.integer(3);
        if (!g.is_null(4)) goal.target_level = g.integer(4);
        goal.target_date = date_of(g.optional_text(5));
        goal.description = g.text(6);
        p.goals.push_back(goal);
    }
    Statement a(impl_->db, (std::string(action_columns) + "WHERE plan_id = ?1 ORDER BY position, id").c_str());
    a.with(p.id);
    while (a.step()) p.actions.push_back(read_action(a));
    return p;
}

void Store::update_plan_header(Id round_id, const std::optional<Date>& period_from, const std::optional<Date>& period_to,
                               const std::string& manager, const std::optional<Date>& next_follow_up) {
    rules::check_plan_header(period_from, period_to, manager);
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    const ImprovementPlan old = plan(round_id);
    const Id pid = impl_->ensure_plan(round_id);
    Statement(impl_->db, "UPDATE plans SET period_from = ?2, period_to = ?3, manager = ?4, next_follow_up = ?5 "
                         "WHERE id = ?1")
        .with(pid, iso(period_from), iso(period_to), manager, iso(next_follow_up))
        .run();
    impl_->record(uuid, "plan", uuid, "period", optional_text(old.period_from) + ".." + optional_text(old.period_to),
                  optional_text(period_from) + ".." + optional_text(period_to));
    impl_->record(uuid, "plan", uuid, "manager", old.manager, manager);
    impl_->record(uuid, "plan", uuid, "next follow-up", optional_text(old.next_follow_up), optional_text(next_follow_up));
    tx.commit();
}

Id Store::add_goal(Id round_id, const PlanGoal& goal) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    rules::check_goal(*scale_of(round(round_id)), goal);
    const Id pid = impl_->ensure_plan(round_id);
    Statement(impl_->db, "INSERT INTO plan_goals (uuid, plan_id, position, item_id, current_level, target_level, "
                         "target_date, description) VALUES (?1, ?2, (SELECT IFNULL(MAX(position), 0) + 1 FROM "
                         "plan_goals WHERE plan_id = ?2), ?3, ?4, ?5, ?6, ?7)")
        .with(goal.uuid.empty() ? impl_->new_uuid() : goal.uuid, pid, goal.item_id, goal.current_level,
              goal.target_level, iso(goal.target_date), goal.description)
        .run();
    const Id id = impl_->db.last_insert_id();
    impl_->record(uuid, "goal", goal.item_id, "added", "", goal_summary(goal));
    tx.commit();
    return id;
}

void Store::update_goal(Id round_id, const PlanGoal& goal) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    rules::check_goal(*scale_of(round(round_id)), goal);
    const ImprovementPlan p = plan(round_id);
    const auto old = std::find_if(p.goals.begin(), p.goals.end(), [&](const PlanGoal& g) { return g.id == goal.id; });
    if (old == p.goals.end()) not_found(N_("There is no goal with id {1}."), goal.id);
    Statement(impl_->db, "UPDATE plan_goals SET item_id = ?2, current_level = ?3, target_level = ?4, target_date = ?5, "
                         "description = ?6 WHERE id = ?1")
        .with(goal.id, goal.item_id, goal.current_level, goal.target_level, iso(goal.target_date), goal.description)
        .run();
    impl_->record(uuid, "goal", goal.item_id, "goal", goal_summary(*old), goal_summary(goal));
    tx.commit();
}

void Store::remove_goal(Id round_id, Id goal) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    const ImprovementPlan p = plan(round_id);
    const auto old = std::find_if(p.goals.begin(), p.goals.end(), [&](const PlanGoal& g) { return g.id == goal; });
    if (old == p.goals.end()) not_found(N_("There is no goal with id {1}."), goal);
    Statement(impl_->db, "DELETE FROM plan_goals WHERE id = ?1").with(goal).run();
    impl_->record(uuid, "goal", old->item_id, "removed", goal_summary(*old), "");
    tx.commit();
}

Id Store::add_action(Id round_id, const PlanAction& action) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    rules::check_action(*scale_of(round(round_id)), action);
    const Id pid = impl_->ensure_plan(round_id);
    Statement(impl_->db, "INSERT INTO plan_actions (uuid, plan_id, position, item_id, what, responsible, resources, "
                         "start_date, due_date, follow_up, status, comment, carried_from) VALUES (?1, ?2, "
                         "(SELECT IFNULL(MAX(position), 0) + 1 FROM plan_actions WHERE plan_id = ?2), ?3, ?4, ?5, ?6, "
                         "?7, ?8, ?9, ?10, ?11, ?12)")
        .with(action.uuid.empty() ? impl_->new_uuid() : action.uuid, pid, action.item_id, action.what,
              action.responsible, action.resources, iso(action.start), iso(action.due), action.follow_up,
              std::string(code_of(action.status)), action.comment, action.carried_from)
        .run();
    const Id id = impl_->db.last_insert_id();
    impl_->record(uuid, "action", action.what, "added", "", action_summary(action));
    tx.commit();
    return id;
}

void Store::update_action(Id round_id, const PlanAction& action) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    rules::check_action(*scale_of(round(round_id)), action);
    const ImprovementPlan p = plan(round_id);
    const auto old = std::find_if(p.actions.begin(), p.actions.end(), [&](const PlanAction& a) { return a.id == action.id; });
    if (old == p.actions.end()) not_found(N_("There is no action with id {1}."), action.id);
    Statement(impl_->db, "UPDATE plan_actions SET item_id = ?2, what = ?3, responsible = ?4, resources = ?5, "
                         "start_date = ?6, due_date = ?7, follow_up = ?8, status = ?9, comment = ?10 WHERE id = ?1")
        .with(action.id, action.item_id, action.what, action.responsible, action.resources, iso(action.start),
              iso(action.due), action.follow_up, std::string(code_of(action.status)), action.comment)
        .run();
    impl_->record(uuid, "action", old->uuid, "action", action_summary(*old), action_summary(action));
    tx.commit();
}

void Store::remove_action(Id round_id, Id action) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->plan_round(round_id);
    const ImprovementPlan p = plan(round_id);
    const auto old = std::find_if(p.actions.begin(), p.actions.end(), [&](const PlanAction& a) { return a.id == action; });
    if (old == p.actions.end()) not_found(N_("There is no action with id {1}."), action);
    Statement(impl_->db, "DELETE FROM plan_actions WHERE id = ?1").with(action).run();
    impl_->record(uuid, "action", old->uuid, "removed", action_summary(*old), "");
    tx.commit();
}

std::vector<PlanAction> Store::unfinished_actions_before(Id round_id) {
    const Round r = round(round_id);
    // Earlier plans of the same team; an action continued by a later plan is not offered twice.
    Statement st(impl_->db, (std::string("SELECT a.id, a.uuid, a.item_id, a.what, a.responsible, a.resources, "
                                         "a.start_date, a.due_date, a.follow_up, a.status, a.comment, a.carried_from "
                                         "FROM plan_actions a JOIN plans p ON p.id = a.plan_id JOIN rounds r ON "
                                         "r.id = p.round_id WHERE r.team_id = ?1 AND r.id <> ?2 AND (r.assessed_on < ?3 "
                                         "OR (r.assessed_on = ?3 AND r.id < ?2)) AND a.status IN ('planned', 'ongoing') "
                                         "AND a.uuid NOT IN (SELECT carried_from FROM plan_actions) "
                                         "ORDER BY r.assessed_on, a.position"))
                                .c_str());
    st.with(r.team_id, round_id, r.assessed_on.iso());
    std::vector<PlanAction> out;
    while (st.step()) out.push_back(read_action(st));
    return out;
}

void Store::carry_over(Id round_id, const std::vector<std::string>& action_uuids) {
    Transaction tx(impl_->db);
    for (const PlanAction& a : unfinished_actions_before(round_id)) {
        if (std::find(action_uuids.begin(), action_uuids.end(), a.uuid) == action_uuids.end()) continue;
        PlanAction copy = a;
        copy.id = 0;
        copy.uuid.clear();
        copy.carried_from = a.uuid;
        add_action(round_id, copy);
    }
    tx.commit();
}

}  // namespace fidelis
