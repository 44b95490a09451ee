// Rounds, raters, ratings, consensus, item feedback and team figures.
#include "store_impl.h"

#include "base/i18n.h"
#include "scales/scale_loader.h"
#include "store/rules.h"

#include <algorithm>

namespace fidelis {
namespace {

const char* const round_columns =
    "SELECT r.id, r.uuid, r.team_id, s.scale_id, s.edition, r.scale_hash, r.assessed_on, r.period_from, "
    "r.period_to, r.review_type, r.status, r.strengths, r.recommendations FROM rounds r "
    "JOIN scale_snapshots s ON s.hash = r.scale_hash ";

Round read_round(const Statement& st) {
    Round r;
    r.id = st.int64(0);
    r.uuid = st.text(1);
    r.team_id = st.int64(2);
    r.scale_id = st.text(3);
    r.edition = st.text(4);
    r.scale_hash = st.text(5);
    r.assessed_on = Date::try_parse(st.text(6)).value_or(Date{});
    r.period_from = date_of(st.optional_text(7));
    r.period_to = date_of(st.optional_text(8));
    r.review_type = review_type_from(st.text(9)).value_or(ReviewType::Self);
    r.status = round_status_from(st.text(10)).value_or(RoundStatus::Draft);
    r.strengths = st.text(11);
    r.recommendations = st.text(12);
    return r;
}

// The raters of all these rounds in one query, each round's by position: on a server every
// query is a round trip and passes the row-level policies, so a query per round made a
// national comparison or the list of all rounds slow.
void load_raters(Database& db, std::vector<Round>& rounds) {
    if (rounds.empty()) return;
    std::map<Id, Round*> by_id;
    std::vector<Id> ids;
    for (Round& r : rounds) {
        by_id[r.id] = &r;
        ids.push_back(r.id);
    }
    Statement st(db, ("SELECT round_id, id, position, name, role FROM raters WHERE round_id IN (" + id_list(ids) +
                      ") ORDER BY round_id, position")
                         .c_str());
    while (st.step()) by_id[st.int64(0)]->raters.push_back(Rater{st.int64(1), st.integer(2), st.text(3), st.text(4)});
}

std::vector<Round> read_rounds(Database& db, Statement& st) {
    std::vector<Round> out;
    while (st.step()) out.push_back(read_round(st));
    load_raters(db, out);
    return out;
}

// A readable form of everything a rating holds, for the history's old -> new.
std::string rating_summary(const Rating& r) {
    std::string s;
    if (r.input.level) s += "level=" + std::to_string(*r.input.level);
    if (r.input.value) s += " value=" + number_text(*r.input.value);
    if (!r.input.checked.empty()) s += " checked=" + join_words(r.input.checked);
    if (!r.input.specialists.empty()) s += " specialists=" + join_numbers(r.input.specialists);
    for (const auto& [name, values] : r.input.inputs) {
        s += " " + name + "=";
        for (std::size_t i = 0; i < values.size(); ++i) s += (i ? ";" : "") + values[i];
    }
    if (r.input.cannot_rate) s += " cannot-rate=" + r.input.cannot_rate_reason;
    return s;
}

Rating read_rating(const Statement& st) {
    Rating r;
    r.item_id = st.text(0);
    r.rater_id = st.optional_int64(1).value_or(consensus_rater);
    if (!st.is_null(2)) r.input.level = st.integer(2);
    r.input.value = st.optional_real(3);
    r.input.checked = split_words(st.text(4));
    r.input.specialists = split_numbers(st.text(5));
    r.input.cannot_rate = st.int64(6) != 0;
    r.input.cannot_rate_reason = st.text(7);
    r.evidence = st.text(8);
    r.note = st.text(9);
    r.rationale = st.text(10);
    // Written only from checked inputs, so a text that does not decode is not ours: the
    // rating then shows its level without inputs rather than failing the whole round.
    r.input.inputs = decode_inputs(st.text(11)).value_or(InputValues{});
    r.revision = st.int64(12);
    return r;
}

const char* const rating_columns =
    "SELECT item_id, rater_id, level, value, checked, specialists, cannot_rate, cannot_rate_reason, evidence, note, "
    "rationale, inputs, revision FROM ratings ";

}  // namespace

Round Store::Impl::load_round(Id id) {
    Statement st(db, (std::string(round_columns) + "WHERE r.id = ?1").c_str());
    st.with(id);
    std::vector<Round> found = read_rounds(db, st);
    if (found.empty()) not_found(N_("There is no round with id {1}."), id);
    return std::move(found.front());
}

std::vector<Round> Store::Impl::load_rounds(const std::vector<Id>& ids) {
    if (ids.empty()) return {};
    Statement st(db, (std::string(round_columns) + "WHERE r.id IN (" + id_list(ids) + ")").c_str());
    return read_rounds(db, st);
}

Round Store::Impl::editable(Id id) {
    Round r = load_round(id);
    if (r.status == RoundStatus::Completed)
        throw StoreError(StoreError::Kind::Locked,
                         tr(N_("This round is completed and read-only. Reopen it to make changes.")));
    if (db.read_only())
        throw StoreError(StoreError::Kind::ReadOnly,
                         format(tr(N_("The database {1} is open read-only.")), {db.path()}));
    return r;
}

std::string Store::Impl::editable_round(Id id) { return editable(id).uuid; }

std::string Store::Impl::plan_round(Id id) {
    if (db.read_only())
        throw StoreError(StoreError::Kind::ReadOnly,
                         format(tr(N_("The database {1} is open read-only.")), {db.path()}));
    return load_round(id).uuid;
}

Id Store::create_round(const NewRound& nr) {
    if (!nr.scale) throw StoreError(StoreError::Kind::Invalid, tr(N_("A round needs a scale.")));
    rules::check_period(nr.period_from, nr.period_to);
    Transaction tx(impl_->db);
    team(nr.team_id);
    Statement(impl_->db, "INSERT INTO scale_snapshots (hash, scale_id, edition, definition) "
                         "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
        .with(nr.scale->content_hash, nr.scale->id, nr.scale->edition, nr.scale->xml)
        .run();
    const std::string uuid = nr.uuid.empty() ? impl_->new_uuid() : nr.uuid;
    Statement(impl_->db, "INSERT INTO rounds (uuid, team_id, scale_hash, assessed_on, period_from, period_to, "
                         "review_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .with(uuid, nr.team_id, nr.scale->content_hash, nr.assessed_on.iso(), iso(nr.period_from), iso(nr.period_to),
              std::string(code_of(nr.review_type)))
        .run();
    const Id id = impl_->db.last_insert_id();
    impl_->scales.emplace(nr.scale->content_hash, nr.scale);
    for (const auto& [name, role] : nr.raters) add_rater(id, name, role);
    impl_->record(uuid, "round", uuid, "created", "", nr.scale->id + " " + nr.scale->edition);
    tx.commit();
    return id;
}

Round Store::round(Id id) { return impl_->load_round(id); }

std::optional<Id> Store::round_by_uuid(const std::string& uuid) {
    Statement st(impl_->db, "SELECT id FROM rounds WHERE uuid = ?1");
    st.with(uuid);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

std::vector<Round> Store::rounds_of_team(Id team) {
    Statement st(impl_->db, (std::string(round_columns) + "WHERE r.team_id = ?1 ORDER BY r.assessed_on, r.id").c_str());
    st.with(team);
    return read_rounds(impl_->db, st);
}

std::vector<Round> Store::all_rounds() {
    Statement st(impl_->db, (std::string(round_columns) + "ORDER BY r.assessed_on, r.id").c_str());
    return read_rounds(impl_->db, st);
}

ScalePtr Store::scale_by_hash(const std::string& hash) {
    if (auto it = impl_->scales.find(hash); it != impl_->scales.end()) return it->second;
    Statement st(impl_->db, "SELECT definition FROM scale_snapshots WHERE hash = ?1");
    st.with(hash);
    if (!st.step())
        throw StoreError(StoreError::Kind::NotFound, format(tr(N_("No stored scale has the hash {1}.")), {hash}));
    const ScaleLoadResult r = parse_scale(st.text(0), "snapshot " + hash.substr(0, 12));
    if (!r.ok()) throw StoreError(StoreError::Kind::Corrupt, to_string(r.problems));
    impl_->scales.emplace(hash, r.scale);
    return r.scale;
}

ScalePtr Store::scale_of(const Round& r) { return scale_by_hash(r.scale_hash); }

std::optional<Round> Store::previous_round(const Round& r) {
    Statement st(impl_->db, (std::string(round_columns) +
                             "WHERE r.team_id = ?1 AND s.scale_id = ?2 AND (r.assessed_on < ?3 OR "
                             "(r.assessed_on = ?3 AND r.id < ?4)) ORDER BY r.assessed_on DESC, r.id DESC LIMIT 1")
                                .c_str());
    st.with(r.team_id, r.scale_id, r.assessed_on.iso(), r.id);
    auto rounds = read_rounds(impl_->db, st);
    if (rounds.empty()) return std::nullopt;
    return rounds.front();
}

Id Store::add_rater(Id round_id, const std::string& name, const std::string& role) {
    if (name.empty()) throw StoreError(StoreError::Kind::Invalid, tr(N_("A rater needs a name.")));
    rules::check_text(name, N_("A rater's name"));
    rules::check_text(role, N_("A rater's role"));
    Transaction tx(impl_->db);
    const Round r = impl_->editable(round_id);
    const std::string& uuid = r.uuid;
    if (r.rater_named(name))
        throw StoreError(StoreError::Kind::Invalid, format(tr(N_("{1} is already a rater in this round.")), {name}));
    Statement(impl_->db, "INSERT INTO raters (round_id, position, name, role) VALUES "
                         "(?1, (SELECT IFNULL(MAX(position), 0) + 1 FROM raters WHERE round_id = ?1), ?2, ?3)")
        .with(round_id, name, role)
        .run();
    const Id id = impl_->db.last_insert_id();
    impl_->record(uuid, "rater", name, "added", "", role);
    tx.commit();
    return id;
}

void Store::update_round_details(Id round_id, const Date& assessed_on, const std::optional<Date>& period_from,
                                 const std::optional<Date>& period_to, ReviewType review_type) {
    rules::check_period(period_from, period_to);
    Transaction tx(impl_->db);
    const Round old = impl_->editable(round_id);
    const std::string& uuid = old.uuid;
    Statement(impl_->db, "UPDATE rounds SET assessed_on = ?2, period_from = ?3, period_to = ?4, review_type = ?5 "
                         "WHERE id = ?1")
        .with(round_id, assessed_on.iso(), iso(period_from), iso(period_to), std::string(code_of(review_type)))
        .run();
    impl_->record(uuid, "round", uuid, "date", old.assessed_on.iso(), assessed_on.iso());
    impl_->record(uuid, "round", uuid, "period", optional_text(old.period_from) + "/" + optional_text(old.period_to),
                  optional_text(period_from) + "/" + optional_text(period_to));
    impl_->record(uuid, "round", uuid, "review type", code_of(old.review_type), code_of(review_type));
    tx.commit();
}

void Store::set_round_summary(Id round_id, const std::string& strengths, const std::string& recommendations) {
    rules::check_text(strengths, N_("The round's strengths"));
    rules::check_text(recommendations, N_("The round's recommendations"));
    Transaction tx(impl_->db);
    const Round old = impl_->editable(round_id);
    const std::string& uuid = old.uuid;
    Statement(impl_->db, "UPDATE rounds SET strengths = ?2, recommendations = ?3 WHERE id = ?1")
        .with(round_id, strengths, recommendations)
        .run();
    impl_->record(uuid, "round", uuid, "strengths", old.strengths, strengths);
    impl_->record(uuid, "round", uuid, "recommendations", old.recommendations, recommendations);
    tx.commit();
}

void Store::set_status(Id round_id, RoundStatus status) {
    Transaction tx(impl_->db);
    const Round r = round(round_id);
    if (r.status == status) return;
    const std::string uuid = impl_->editable_round(round_id);
    if (status == RoundStatus::Completed) rules::check_completable(*scale_of(r), result_ratings(round_id));
    Statement(impl_->db, "UPDATE rounds SET status = ?2 WHERE id = ?1").with(round_id, std::string(code_of(status))).run();
    impl_->record(uuid, "round", uuid, "status", code_of(r.status), code_of(status));
    tx.commit();
}

void Store::reopen(Id round_id, const std::string& reason) {
    Transaction tx(impl_->db);
    const Round r = round(round_id);
    if (r.status != RoundStatus::Completed) return;
    if (reason.empty())
        throw StoreError(StoreError::Kind::Invalid, tr(N_("Say why the round is reopened; the reason is logged.")));
    Statement(impl_->db, "UPDATE rounds SET status = 'consensus' WHERE id = ?1").with(round_id).run();
    impl_->record(r.uuid, "round", r.uuid, "reopened", "completed", "consensus: " + reason);
    tx.commit();
}

void Store::delete_round(Id round_id) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->editable_round(round_id);
    Statement(impl_->db, "DELETE FROM rounds WHERE id = ?1").with(round_id).run();
    impl_->record(uuid, "round", uuid, "deleted", uuid, "");
    tx.commit();
}

void Store::save_rating(Id round_id, const Rating& rating) {
    Transaction tx(impl_->db);
    const Round r = impl_->editable(round_id);
    const std::string& uuid = r.uuid;
    const ScalePtr scale = scale_of(r);
    const Rater* rater = nullptr;
    if (rating.rater_id != consensus_rater && !(rater = r.rater(rating.rater_id)))
        throw StoreError(StoreError::Kind::Invalid, tr(N_("That rater is not part of this round.")));
    const Rating clean = rules::checked_rating(*scale, rating);

    const char* entity = rater ? "rating" : "consensus";
    const std::string key = clean.item_id + (rater ? "/" + rater->name : "");
    const std::optional<Rating> old = this->rating(round_id, rating.item_id, rating.rater_id);
    if (rating.revision && *rating.revision != (old ? old->revision.value_or(1) : 0))
        impl_->refuse_stale(uuid, entity, key);
    // The update names the revision it replaces, so two writers who read the same one
    // cannot both succeed: the second finds it gone (also between this check and here).
    Statement upsert(impl_->db,
              "INSERT INTO ratings (round_id, item_id, rater_id, level, value, checked, specialists, cannot_rate, "
              "cannot_rate_reason, evidence, note, rationale, inputs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
              "?11, ?12, ?13) "
              "ON CONFLICT (round_id, item_id, IFNULL(rater_id, 0)) DO UPDATE SET level = excluded.level, "
              "value = excluded.value, checked = excluded.checked, specialists = excluded.specialists, "
              "inputs = excluded.inputs, "
              "cannot_rate = excluded.cannot_rate, cannot_rate_reason = excluded.cannot_rate_reason, "
              "evidence = excluded.evidence, note = excluded.note, rationale = excluded.rationale, "
              "revision = ratings.revision + 1 WHERE ratings.revision = ?14 OR ?14 IS NULL");
    upsert.with(round_id, clean.item_id)
        .bind(3, rater ? std::optional<Id>(rater->id) : std::nullopt)
        .bind(4, clean.input.level)
        .bind(5, clean.input.value)
        .bind(6, join_words(clean.input.checked))
        .bind(7, join_numbers(clean.input.specialists))
        .bind(8, clean.input.cannot_rate ? 1 : 0)
        .bind(9, clean.input.cannot_rate_reason)
        .bind(10, clean.evidence)
        .bind(11, clean.note)
        .bind(12, clean.rationale)
        .bind(13, encode_inputs(clean.input.inputs))
        .bind(14, rating.revision)
        .run();
    if (impl_->db.changes() == 0) impl_->refuse_stale(uuid, entity, key);
    const Rating before = old.value_or(Rating{});
    impl_->record(uuid, entity, key, "rating", rating_summary(before), rating_summary(clean));
    impl_->record(uuid, entity, key, "evidence", before.evidence, clean.evidence);
    impl_->record(uuid, entity, key, "note", before.note, clean.note);
    impl_->record(uuid, entity, key, "rationale", before.rationale, clean.rationale);
    tx.commit();
}

void Store::clear_rating(Id round_id, const std::string& item_id, Id rater_id) {
    Transaction tx(impl_->db);
    const std::string uuid = impl_->editable_round(round_id);
    const auto old = rating(round_id, item_id, rater_id);
    if (!old) return;
    Statement(impl_->db, "DELETE FROM ratings WHERE round_id = ?1 AND item_id = ?2 AND IFNULL(rater_id, 0) = ?3")
        .with(round_id, item_id, rater_id)
        .run();
    const Round r = round(round_id);
    const Rater* rater = r.rater(rater_id);
    impl_->record(uuid, rater ? "rating" : "consensus", item_id + (rater ? "/" + rater->name : ""), "rating",
                  rating_summary(*old), "");
    tx.commit();
}

std::vector<Rating> Store::ratings(Id round_id) {
    std::vector<Rating> out;
    Statement st(impl_->db, (std::string(rating_columns) + "WHERE round_id = ?1 ORDER BY id").c_str());
    st.with(round_id);
    while (st.step()) out.push_back(read_rating(st));
    return out;
}

std::optional<Rating> Store::rating(Id round_id, const std::string& item_id, Id rater_id) {
    Statement st(impl_->db,
                 (std::string(rating_columns) + "WHERE round_id = ?1 AND item_id = ?2 AND IFNULL(rater_id, 0) = ?3").c_str());
    st.with(round_id, item_id, rater_id);
    if (!st.step()) return std::nullopt;
    return read_rating(st);
}

std::map<std::string, ItemRating> Store::result_ratings(Id round_id) {
    return rules::result_of(round(round_id).raters, ratings(round_id));
}

void Store::set_item_feedback(Id round_id, const ItemFeedback& f) {
    rules::check_text(f.strengths, N_("The feedback on {1}"), f.item_id);
    rules::check_text(f.recommendation, N_("The feedback on {1}"), f.item_id);
    Transaction tx(impl_->db);
    const Round r = impl_->editable(round_id);
    const std::string& uuid = r.uuid;
    if (!scale_of(r)->item(f.item_id))
        throw StoreError(StoreError::Kind::Invalid, format(tr(N_("The scale has no item \"{1}\".")), {f.item_id}));
    ItemFeedback old;
    for (const auto& x : item_feedback(round_id))
        if (x.item_id == f.item_id) old = x;
    Statement(impl_->db, "INSERT INTO item_feedback (round_id, item_id, strengths, recommendation) VALUES "
                         "(?1, ?2, ?3, ?4) ON CONFLICT (round_id, item_id) DO UPDATE SET strengths = excluded.strengths, "
                         "recommendation = excluded.recommendation")
        .with(round_id, f.item_id, f.strengths, f.recommendation)
        .run();
    impl_->record(uuid, "feedback", f.item_id, "strengths", old.strengths, f.strengths);
    impl_->record(uuid, "feedback", f.item_id, "recommendation", old.recommendation, f.recommendation);
    tx.commit();
}

std::vector<ItemFeedback> Store::item_feedback(Id round_id) {
    std::vector<ItemFeedback> out;
    Statement st(impl_->db, "SELECT item_id, strengths, recommendation FROM item_feedback WHERE round_id = ?1 "
                            "ORDER BY item_id");
    st.with(round_id);
    while (st.step()) out.push_back(ItemFeedback{st.text(0), st.text(1), st.text(2)});
    return out;
}

namespace {

std::string figures_summary(const TeamFigures& f) {
    auto g = [](const GenderCount& c) {
        return optional_text(c.women) + "/" + optional_text(c.men) + "/" + optional_text(c.other);
    };
    return optional_text(f.period_from) + ".." + optional_text(f.period_to) + " specialists=" +
           optional_text(f.specialists) + " caseload=" + optional_text(f.caseload) + " participants=" +
           g(f.participants) + " work=" + g(f.competitive_work) + " studies=" + g(f.studies);
}

}  // namespace

void Store::Impl::write_figures(Id round_id, const TeamFigures& f) {
    cached("INSERT INTO team_figures (round_id, period_from, period_to, specialists, caseload, "
                  "participants_women, participants_men, participants_other, work_women, work_men, work_other, "
                  "studies_women, studies_men, studies_other) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                  "?12, ?13, ?14) ON CONFLICT (round_id) DO UPDATE SET period_from = excluded.period_from, "
                  "period_to = excluded.period_to, specialists = excluded.specialists, caseload = excluded.caseload, "
                  "participants_women = excluded.participants_women, participants_men = excluded.participants_men, "
                  "participants_other = excluded.participants_other, work_women = excluded.work_women, "
                  "work_men = excluded.work_men, work_other = excluded.work_other, "
                  "studies_women = excluded.studies_women, studies_men = excluded.studies_men, "
                  "studies_other = excluded.studies_other")
        .with(round_id, iso(f.period_from), iso(f.period_to), f.specialists, f.caseload, f.participants.women,
              f.participants.men, f.participants.other, f.competitive_work.women, f.competitive_work.men,
              f.competitive_work.other, f.studies.women, f.studies.men, f.studies.other)
        .run();
}

void Store::set_team_figures(Id round_id, const TeamFigures& f) {
    rules::check_figures(f);
    Transaction tx(impl_->db);
    const std::string uuid = impl_->editable_round(round_id);
    const std::string before = figures_summary(team_figures(round_id).value_or(TeamFigures{}));
    impl_->write_figures(round_id, f);
    impl_->record(uuid, "figures", uuid, "figures", before, figures_summary(f));
    tx.commit();
}

std::optional<TeamFigures> Store::team_figures(Id round_id) {
    std::map<Id, TeamFigures> found = impl_->load_figures({round_id});
    if (found.empty()) return std::nullopt;
    return found.begin()->second;
}

std::map<Id, TeamFigures> Store::Impl::load_figures(const std::vector<Id>& round_ids) {
    std::map<Id, TeamFigures> out;
    if (round_ids.empty()) return out;
    Statement st(db, ("SELECT round_id, period_from, period_to, specialists, caseload, participants_women, "
                      "participants_men, participants_other, work_women, work_men, work_other, studies_women, "
                      "studies_men, studies_other FROM team_figures WHERE round_id IN (" + id_list(round_ids) + ")")
                         .c_str());
    while (st.step()) {
        auto count = [&](int col) -> std::optional<int> {
            if (st.is_null(col)) return std::nullopt;
            return st.integer(col);
        };
        TeamFigures& f = out[st.int64(0)];
        f.period_from = date_of(st.optional_text(1));
        f.period_to = date_of(st.optional_text(2));
        f.specialists = st.optional_real(3);
        f.caseload = count(4);
        f.participants = GenderCount{count(5), count(6), count(7)};
        f.competitive_work = GenderCount{count(8), count(9), count(10)};
        f.studies = GenderCount{count(11), count(12), count(13)};
    }
    return out;
}

}  // namespace fidelis
