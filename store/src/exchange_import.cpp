#include "exchange_format.h"

#include "base/i18n.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "scales/scale_loader.h"
#include "scales/xml_reader.h"
#include "store/exchange.h"
#include "store_impl.h"

#include <charconv>
#include <cctype>
#include <cmath>
#include <cstring>
#include <new>
#include <set>

namespace fidelis {
namespace {

// Reads an exchange file strictly: the namespace and every attribute and element are
// known, numbers are in range, every round is rebuilt and checked against its digest,
// and no round or team appears twice. Each scale snapshot is parsed and hashed once and
// shared by all the rounds that use it.
class ExchangeReader {
public:
    ExchangeReader(std::string_view text, const std::string& label) : r_(text, label) {}

    std::vector<RoundRecord> read() {
        if (!r_.parse("fidelis-exchange")) throw Error(to_string(r_.problems()));
        pugi::xml_node root = r_.root();
        r_.check_shape(root, {"scale", "team", "round"}, {"format"});
        if (const std::string_view ns = root.attribute("xmlns").value(); ns != exchange::ns)
            r_.error(root, format(tr(N_("this is not a Fidelis exchange file (its namespace is \"{1}\", not \"{2}\")")),
                                  {ns, exchange::ns}));
        if (const auto f = r_.required(root, "format"); f && *f != "1")
            r_.error(root, format(tr(N_("exchange format \"{1}\" is not supported; this Fidelis reads format 1")), {*f}));
        for (pugi::xml_node n : root.children("scale")) read_scale(n);
        for (pugi::xml_node n : root.children("team")) read_team(n);
        std::vector<RoundRecord> out;
        std::set<std::string> uuids;
        for (pugi::xml_node n : root.children("round")) {
            RoundRecord rec = read_round(n);
            if (!rec.round.uuid.empty() && !uuids.insert(rec.round.uuid).second)
                r_.error(n, format(tr(N_("round {1} appears twice in the file")), {rec.round.uuid}));
            if (!r_.failed()) out.push_back(std::move(rec));
        }
        if (r_.failed()) throw Error(to_string(r_.problems()));
        return out;
    }

private:
    // A UUID as Fidelis writes them (8-4-4-4-12 hex digits); `required` says it must be there.
    std::string uuid_attr(pugi::xml_node n, const char* name, bool required = true) {
        const pugi::xml_attribute a = n.attribute(name);
        if (!a || !*a.value()) {
            if (required) r_.required(n, name);
            return {};
        }
        const std::string_view v = a.value();
        bool ok = v.size() == 36;
        for (std::size_t i = 0; ok && i < v.size(); ++i)
            ok = (i == 8 || i == 13 || i == 18 || i == 23) ? v[i] == '-' : std::isxdigit(static_cast<unsigned char>(v[i]));
        if (!ok) r_.error(n, format(tr(N_("\"{1}\" is not an id (a UUID) in attribute \"{2}\"")), {v, name}));
        return std::string(v);
    }

    std::string text_of(pugi::xml_node parent, const char* name) {
        pugi::xml_node n = parent.child(name);
        if (!n) return {};
        r_.check_shape(n, {}, {}, true);
        return n.text().get();  // exactly as written: notes keep their line breaks
    }

    std::optional<Date> date_attr(pugi::xml_node n, const char* name) {
        const pugi::xml_attribute a = n.attribute(name);
        if (!a) return std::nullopt;
        const auto d = Date::try_parse(a.value());
        if (!d) r_.error(n, format(tr(N_("\"{1}\" is not a date (YYYY-MM-DD) in attribute \"{2}\"")), {a.value(), name}));
        return d;
    }

    // Levels, counts and positions: 64-bit parsing, refused outside int's range.
    std::optional<int> int_attr(pugi::xml_node n, const char* name) {
        const auto v = r_.integer(n, name, INT32_MIN, INT32_MAX);
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    }

    std::vector<double> numbers(const std::string& text, pugi::xml_node at) {
        std::vector<double> out;
        for (const auto& w : split_words(text)) {
            double v = 0;
            const auto res = std::from_chars(w.data(), w.data() + w.size(), v);
            if (res.ec != std::errc() || res.ptr != w.data() + w.size() || !std::isfinite(v))
                r_.error(at, format(tr(N_("\"{1}\" is not a number")), {w}));
            out.push_back(v);
        }
        return out;
    }

    template <class T>
    T code(pugi::xml_node n, const char* attribute, std::optional<T> (*parse)(std::string_view)) {
        const auto v = r_.required(n, attribute);
        if (!v) return T{};
        const auto parsed = parse(*v);
        if (!parsed) r_.error(n, format(tr(N_("\"{1}\" is not a valid value for \"{2}\"")), {*v, attribute}));
        return parsed.value_or(T{});
    }

    void read_scale(pugi::xml_node n) {
        r_.check_shape(n, {}, {"id", "edition", "hash"}, true);
        const auto hash = r_.required(n, "hash");
        if (!hash) return;
        const std::string text = n.text().get();
        if (sha256_hex(text) != *hash) {
            r_.error(n, tr(N_("the scale snapshot does not match its hash: the file was changed after export")));
            refused_scales_.insert(*hash);
            return;
        }
        const ScaleLoadResult loaded = parse_scale(text, "snapshot " + hash->substr(0, 12));
        if (!loaded.ok()) {
            r_.error(n, format(tr(N_("the scale snapshot is not a valid definition: {1}")), {loaded.problems.front().message}));
            refused_scales_.insert(*hash);
            return;
        }
        if (loaded.scale->id != n.attribute("id").value() || loaded.scale->edition != n.attribute("edition").value())
            r_.error(n, tr(N_("the scale's id or edition does not match its snapshot")));
        scales_[*hash] = loaded.scale;
    }

    void read_team(pugi::xml_node n) {
        r_.check_shape(n, {}, {"uuid", "name", "municipality", "method", "active"});
        Team t;
        t.uuid = uuid_attr(n, "uuid");
        t.name = r_.required(n, "name").value_or("");
        t.municipality_code = r_.required(n, "municipality").value_or("");
        t.method = code<Method>(n, "method", method_from);
        t.active = r_.boolean(n, "active").value_or(true);
        if (const auto seen = teams_.find(t.uuid); seen != teams_.end() &&
            (seen->second.name != t.name || seen->second.municipality_code != t.municipality_code ||
             seen->second.method != t.method || seen->second.active != t.active))
            r_.error(n, format(tr(N_("team {1} appears twice in the file, with different details")), {t.uuid}));
        teams_[t.uuid] = t;
    }

    RoundRecord read_round(pugi::xml_node n) {
        r_.check_shape(n, {"rater", "rating", "consensus", "feedback", "strengths", "recommendations", "figures", "plan"},
                       {"uuid", "team", "scale", "date", "period-from", "period-to", "review-type", "status", "digest"});
        r_.check_single(n, {"strengths", "recommendations", "figures", "plan"});
        RoundRecord rec;
        Round& r = rec.round;
        r.uuid = uuid_attr(n, "uuid");
        const std::string team_uuid = uuid_attr(n, "team");
        r.scale_hash = r_.required(n, "scale").value_or("");
        r.assessed_on = date_attr(n, "date").value_or(Date{});
        if (!n.attribute("date")) r_.required(n, "date");
        r.period_from = date_attr(n, "period-from");
        r.period_to = date_attr(n, "period-to");
        r.review_type = code<ReviewType>(n, "review-type", review_type_from);
        r.status = code<RoundStatus>(n, "status", round_status_from);
        const auto team = teams_.find(team_uuid);
        if (team == teams_.end()) r_.error(n, format(tr(N_("the round's team {1} is not in the file")), {team_uuid}));
        else rec.team = team->second;
        const auto scale = scales_.find(r.scale_hash);
        if (scale == scales_.end()) {
            if (!refused_scales_.count(r.scale_hash))
                r_.error(n, format(tr(N_("the round's scale {1} is not in the file")), {r.scale_hash}));
            return rec;
        }
        rec.scale = scale->second;
        r.scale_id = rec.scale->id;
        r.edition = rec.scale->edition;

        for (pugi::xml_node x : n.children("rater")) {
            r_.check_shape(x, {}, {"position", "name", "role"});
            Rater rater;
            rater.position = int_attr(x, "position").value_or(0);
            rater.name = r_.required(x, "name").value_or("");
            rater.role = x.attribute("role").value();
            r.raters.push_back(rater);
        }
        for (pugi::xml_node x : n.children()) {
            const bool consensus = std::strcmp(x.name(), "consensus") == 0;
            if (!consensus && std::strcmp(x.name(), "rating") != 0) continue;
            r_.check_single(x, {"checked", "specialists", "inputs", "cannot-rate-reason", "evidence", "note", "rationale"});
            r_.check_shape(x, {"checked", "specialists", "inputs", "cannot-rate-reason", "evidence", "note", "rationale"},
                           consensus ? std::initializer_list<const char*>{"item", "level", "value", "cannot-rate"}
                                     : std::initializer_list<const char*>{"item", "rater", "level", "value", "cannot-rate"});
            Rating rating;
            rating.item_id = r_.required(x, "item").value_or("");
            rating.rater_id = consensus ? consensus_rater : int_attr(x, "rater").value_or(0);
            if (!consensus && !x.attribute("rater")) r_.required(x, "rater");
            rating.input.level = int_attr(x, "level");
            rating.input.value = r_.number(x, "value");
            rating.input.cannot_rate = r_.boolean(x, "cannot-rate").value_or(false);
            rating.input.checked = split_words(text_of(x, "checked"));
            rating.input.specialists = numbers(text_of(x, "specialists"), x);
            if (const auto inputs = decode_inputs(text_of(x, "inputs")))
                rating.input.inputs = *inputs;
            else
                r_.error(x.child("inputs"), tr(N_("<inputs> must hold one NAME=VALUE per line")));
            rating.input.cannot_rate_reason = text_of(x, "cannot-rate-reason");
            rating.evidence = text_of(x, "evidence");
            rating.note = text_of(x, "note");
            rating.rationale = text_of(x, "rationale");
            rec.ratings.push_back(std::move(rating));
        }
        for (pugi::xml_node x : n.children("feedback")) {
            r_.check_shape(x, {"strengths", "recommendation"}, {"item"});
            r_.check_single(x, {"strengths", "recommendation"});
            rec.feedback.push_back(
                ItemFeedback{r_.required(x, "item").value_or(""), text_of(x, "strengths"), text_of(x, "recommendation")});
        }
        r.strengths = text_of(n, "strengths");
        r.recommendations = text_of(n, "recommendations");
        if (pugi::xml_node f = n.child("figures")) rec.figures = read_figures(f);
        if (pugi::xml_node p = n.child("plan")) rec.plan = read_plan(p);

        // The round must be exactly what was exported: rebuild it and compare digests.
        const std::string expected = n.attribute("digest").value();
        if (expected.empty()) r_.required(n, "digest");
        else if (!r_.failed() && exchange::digest_of(rec, *rec.scale) != expected)
            r_.error(n, format(tr(N_("round {1} was changed after it was exported (its digest does not match); "
                                     "ask for a new export")),
                               {r.uuid}));
        return rec;
    }

    GenderCount gender(pugi::xml_node parent, const char* name) {
        pugi::xml_node g = parent.child(name);
        if (!g) return {};
        r_.check_shape(g, {}, {"women", "men", "other"});
        return GenderCount{int_attr(g, "women"), int_attr(g, "men"), int_attr(g, "other")};
    }

    TeamFigures read_figures(pugi::xml_node f) {
        r_.check_shape(f, {"participants", "competitive-work", "studies"},
                       {"period-from", "period-to", "specialists", "caseload"});
        r_.check_single(f, {"participants", "competitive-work", "studies"});
        TeamFigures t;
        t.period_from = date_attr(f, "period-from");
        t.period_to = date_attr(f, "period-to");
        t.specialists = r_.number(f, "specialists");
        t.caseload = int_attr(f, "caseload");
        t.participants = gender(f, "participants");
        t.competitive_work = gender(f, "competitive-work");
        t.studies = gender(f, "studies");
        return t;
    }

    ImprovementPlan read_plan(pugi::xml_node p) {
        r_.check_shape(p, {"manager", "goal", "action"}, {"uuid", "period-from", "period-to", "next-follow-up"});
        r_.check_single(p, {"manager"});
        ImprovementPlan plan;
        plan.uuid = uuid_attr(p, "uuid");
        plan.period_from = date_attr(p, "period-from");
        plan.period_to = date_attr(p, "period-to");
        plan.next_follow_up = date_attr(p, "next-follow-up");
        plan.manager = text_of(p, "manager");
        for (pugi::xml_node g : p.children("goal")) {
            r_.check_shape(g, {"description"}, {"uuid", "item", "current", "target", "target-date"});
            r_.check_single(g, {"description"});
            PlanGoal goal;
            goal.uuid = uuid_attr(g, "uuid");
            goal.item_id = r_.required(g, "item").value_or("");
            goal.current_level = int_attr(g, "current");
            goal.target_level = int_attr(g, "target");
            goal.target_date = date_attr(g, "target-date");
            goal.description = text_of(g, "description");
            plan.goals.push_back(goal);
        }
        for (pugi::xml_node a : p.children("action")) {
            r_.check_shape(a, {"what", "responsible", "resources", "follow-up", "comment"},
                           {"uuid", "item", "status", "start", "due", "carried-from"});
            r_.check_single(a, {"what", "responsible", "resources", "follow-up", "comment"});
            PlanAction action;
            action.uuid = uuid_attr(a, "uuid");
            action.item_id = a.attribute("item").value();
            action.status = code<ActionStatus>(a, "status", action_status_from);
            action.start = date_attr(a, "start");
            action.due = date_attr(a, "due");
            action.carried_from = uuid_attr(a, "carried-from", false);
            action.what = text_of(a, "what");
            action.responsible = text_of(a, "responsible");
            action.resources = text_of(a, "resources");
            action.follow_up = text_of(a, "follow-up");
            action.comment = text_of(a, "comment");
            plan.actions.push_back(action);
        }
        return plan;
    }

    XmlReader r_;
    std::map<std::string, ScalePtr> scales_;
    std::map<std::string, Team> teams_;
    std::set<std::string> refused_scales_;  // already reported; their rounds need no second message
};

// Text as the store keeps it (sqlite.cpp cleans every bound string the same way), so a
// round read from a file compares equal to the same round read back from the database.
void clean_texts(RoundRecord& rec) {
    auto clean = [](std::string& t) { t = utf8::sanitize(t); };
    clean(rec.team.name);
    clean(rec.round.strengths);
    clean(rec.round.recommendations);
    for (Rater& r : rec.round.raters) {
        clean(r.name);
        clean(r.role);
    }
    for (Rating& x : rec.ratings) {
        clean(x.input.cannot_rate_reason);
        clean(x.evidence);
        clean(x.note);
        clean(x.rationale);
        for (std::string& c : x.input.checked) clean(c);
    }
    for (ItemFeedback& f : rec.feedback) {
        clean(f.strengths);
        clean(f.recommendation);
    }
    if (rec.plan) {
        clean(rec.plan->manager);
        for (PlanGoal& g : rec.plan->goals) clean(g.description);
        for (PlanAction& a : rec.plan->actions)
            for (std::string* t : {&a.what, &a.responsible, &a.resources, &a.follow_up, &a.comment}) clean(*t);
    }
}

}  // namespace

std::vector<RoundRecord> read_exchange(std::string_view text, const std::string& file_label) {
    std::vector<RoundRecord> records = ExchangeReader(text, file_label).read();
    for (RoundRecord& rec : records) clean_texts(rec);
    return records;
}

const char* code_of(ImportedRound::Outcome outcome) {
    switch (outcome) {
    case ImportedRound::Outcome::Identical: return "identical";
    case ImportedRound::Outcome::Conflict: return "conflict";
    case ImportedRound::Outcome::Replaced: return "replaced";
    case ImportedRound::Outcome::Added: break;
    }
    return "added";
}

int ImportReport::count(ImportedRound::Outcome outcome) const {
    int n = 0;
    for (const auto& r : rounds)
        if (r.outcome == outcome) ++n;
    return n;
}

namespace {

// The import itself, on a store that can be written. A dry run is this same import in a
// transaction that is rolled back, so its verdict cannot differ from the real one.
ImportReport import_records(Store& store, const std::vector<RoundRecord>& records, const std::string& file_label,
                            const ImportOptions& options) {
    for (const RoundRecord& rec : records) {
        if (!store.municipality(rec.team.municipality_code))
            throw Error(format(tr(N_("{1}: team \"{2}\" belongs to municipality {3}, which this database does not know.")),
                               {file_label, rec.team.name, rec.team.municipality_code}));
    }
    ImportReport report;
    report.dry_run = options.dry_run;
    Transaction tx = store.begin();
    try {
        for (const RoundRecord& rec : records) {
            ImportedRound item;
            item.uuid = rec.round.uuid;
            item.team = rec.team.name;
            item.municipality_code = rec.team.municipality_code;
            item.scale = rec.round.scale_id + " " + rec.round.edition;
            item.date = rec.round.assessed_on;
            const std::optional<Team> here = store.team_by_uuid(rec.team.uuid);
            if (here && (here->name != rec.team.name || here->municipality_code != rec.team.municipality_code ||
                         here->method != rec.team.method)) {
                // One id, two teams: never merged, whatever --replace says.
                item.outcome = ImportedRound::Outcome::Conflict;
                item.reason = format(tr(N_("the file's team {1} ({2}) has the id of {3} ({4}) here")),
                                     {rec.team.name, rec.team.municipality_code, here->name, here->municipality_code});
            } else if (const auto existing = store.round_by_uuid(rec.round.uuid)) {
                const RoundRecord mine = store.record(*existing);
                if (exchange::digest_of(mine, *mine.scale) == exchange::digest_of(rec, *rec.scale)) {
                    item.outcome = ImportedRound::Outcome::Identical;
                } else if (options.replace_conflicts) {
                    item.outcome = ImportedRound::Outcome::Replaced;
                    store.insert_record(rec, true);
                } else {
                    item.outcome = ImportedRound::Outcome::Conflict;
                    item.reason = tr(N_("the round differs from the one here"));
                }
            } else {
                item.outcome = ImportedRound::Outcome::Added;
                store.insert_record(rec);
            }
            report.rounds.push_back(std::move(item));
        }
    } catch (const StoreError& e) {
        throw StoreError(e.kind(), format(tr(N_("{1}: {2} Nothing was imported.")), {file_label, e.what()}));
    }
    if (!options.dry_run) tx.commit();
    return report;
}

}  // namespace

ImportReport import_exchange(Store& store, std::string_view text, const std::string& file_label,
                             const ImportOptions& options) {
    try {
        const std::vector<RoundRecord> records = read_exchange(text, file_label);
        if (!store.read_only()) return import_records(store, records, file_label, options);
        if (!options.dry_run)
            throw StoreError(StoreError::Kind::ReadOnly,
                             format(tr(N_("The database {1} is open read-only.")), {store.path()}));
        // A database that cannot be written is tried on a private copy.
        Store scratch = store.scratch_copy();
        return import_records(scratch, records, file_label, options);
    } catch (const std::bad_alloc&) {
        throw Error(format(tr(N_("There is not enough memory to import {1}. Nothing was imported; close other "
                                 "programs, or import the file in parts.")),
                           {file_label}));
    }
}

}  // namespace fidelis
