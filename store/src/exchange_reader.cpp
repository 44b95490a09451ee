// Reading exchange files strictly, one top-level element at a time (exchange_reader.h).
#include "exchange_reader.h"

#include "exchange_format.h"
#include "exchange_scanner.h"

#include "base/i18n.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "scales/scale_loader.h"
#include "scales/xml_reader.h"
#include "store/rules.h"
#include "store_impl.h"

#include <cctype>
#include <cstring>
#include <optional>
#include <set>

namespace fidelis::exchange {
namespace {

// Text as the store keeps it (sqlite.cpp cleans every bound string the same way), so a
// round read from a file compares equal to the same round read back from the database.
// What utf8::sanitize could change: control characters (C0, DEL, C1) and bad UTF-8.
bool needs_cleaning(std::string_view text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c == 0xC2) return true;
    return !utf8::is_valid(text);
}

void clean_texts(RoundRecord& rec) {
    auto clean = [](std::string& t) {
        if (needs_cleaning(t)) t = utf8::sanitize(t);
    };
    clean(rec.team.name);
    clean(rec.round.strengths);
    clean(rec.round.recommendations);
    for (Rater& r : rec.round.raters) {
        clean(r.name);
        clean(r.role);
    }
    // A rating's elements are stored as their text, cleaned: read back what that text says.
    for (Rating& x : rec.ratings)
        for (const RatingElement& element : rating_elements)
            if (const std::string text = element.write(x); needs_cleaning(text)) element.read(x, utf8::sanitize(text));
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

// The reader of one file (exchange_reader.h): each element is parsed by an XmlReader of
// its own, whose diagnostics are moved to the element's place in the file.
class ExchangeReader {
public:
    ExchangeReader(std::istream& in, const std::string& label) : scanner_(in, label), file_(label) {}

    void read(const std::function<void(RoundRecord&)>& on_round, const std::function<void(OutcomeRecord&)>& on_outcome) {
        Scanner::Element root;
        if (!scanner_.root(root) || !parse(root)) throw_problems();
        r_->check_shape(r_->root(), {"scale", "team", "outcome", "round"}, {"format"});
        if (const std::string_view ns = r_->root().attribute("xmlns").value(); ns != exchange::ns)
            r_->error(r_->root(), format(tr(N_("this is not a Fidelis exchange file (its namespace is \"{1}\", not \"{2}\")")),
                                         {ns, exchange::ns}));
        if (const auto f = r_->required(r_->root(), "format"); f && *f != "1" && *f != format_version)
            r_->error(r_->root(), format(tr(N_("exchange format \"{1}\" is not supported; this Fidelis reads formats 1 "
                                               "to {2}")),
                                         {*f, format_version}));
        else if (f)
            format_ = *f;
        keep_problems(root);
        const std::string root_name = root.name;
        const int root_line = root.line, root_column = root.column;

        std::set<std::string> uuids;
        bool rounds_begun = false;
        Scanner::Element e;
        int stray = 0;
        while (scanner_.next(e)) {
            for (; stray < scanner_.stray_texts(); ++stray)
                problems_.push_back(Diagnostic{file_, root_line, root_column,
                                               format(tr(N_("<{1}> may not contain text directly")), {root_name})});
            const XmlAllocationWatch watch;
            if (!parse(e)) throw_problems();
            pugi::xml_node n = r_->root();
            const bool round = e.name == "round";
            if ((e.name == "scale" || e.name == "team" || e.name == "outcome") && rounds_begun)
                r_->error(n, format(tr(N_("<{1}> comes after the first <round>; a file lists its scales, then its "
                                         "teams and their outcomes, then its rounds")),
                                    {e.name}));
            if (e.name == "scale") {
                read_scale(n);
            } else if (e.name == "team") {
                read_team(n);
            } else if (e.name == "outcome") {
                OutcomeRecord rec = read_outcome(n);
                watch.check();
                if (!failed()) {
                    if (needs_cleaning(rec.team.name)) rec.team.name = utf8::sanitize(rec.team.name);
                    if (on_outcome) on_outcome(rec);
                }
            } else if (round) {
                rounds_begun = true;
                RoundRecord rec = read_round(n);
                if (!rec.round.uuid.empty() && !uuids.insert(rec.round.uuid).second)
                    r_->error(n, format(tr(N_("round {1} appears twice in the file")), {rec.round.uuid}));
                watch.check();
                if (!failed()) {
                    clean_texts(rec);
                    on_round(rec);
                }
            } else {
                r_->error(n, format(tr(N_("unknown element <{1}> in <{2}>")), {e.name, root_name}));
            }
            watch.check();
            keep_problems(e);
        }
        for (; stray < scanner_.stray_texts(); ++stray)
            problems_.push_back(Diagnostic{file_, root_line, root_column,
                                           format(tr(N_("<{1}> may not contain text directly")), {root_name})});
        if (scanner_.fatal()) problems_ = {*scanner_.fatal()};
        if (!problems_.empty()) throw_problems();
    }

private:
    // Parses one element on its own; false when its XML is broken, which then is the
    // file's only problem (as with a parse of the whole file).
    bool parse(const Scanner::Element& e) {
        reader_.emplace(e.text, file_);
        r_ = &*reader_;
        if (r_->parse(e.name.c_str())) return true;
        problems_.clear();
        for (const Diagnostic& d : r_->problems()) problems_.push_back(Scanner::moved_to(e, d));
        return false;
    }

    void keep_problems(const Scanner::Element& e) {
        for (const Diagnostic& d : r_->problems()) problems_.push_back(Scanner::moved_to(e, d));
    }

    // Any problem in the file so far, this element's included.
    bool failed() const { return !problems_.empty() || r_->failed(); }

    [[noreturn]] void throw_problems() {
        if (scanner_.fatal()) problems_ = {*scanner_.fatal()};
        throw Error(to_string(problems_));
    }

    // A UUID as Fidelis writes them (8-4-4-4-12 hex digits); `required` says it must be there.
    std::string uuid_attr(pugi::xml_node n, const char* name, bool required = true) {
        const pugi::xml_attribute a = n.attribute(name);
        if (!a || !*a.value()) {
            if (required) r_->required(n, name);
            return {};
        }
        const std::string_view v = a.value();
        bool ok = v.size() == 36;
        for (std::size_t i = 0; ok && i < v.size(); ++i)
            ok = (i == 8 || i == 13 || i == 18 || i == 23) ? v[i] == '-' : std::isxdigit(static_cast<unsigned char>(v[i]));
        if (!ok) r_->error(n, format(tr(N_("\"{1}\" is not an id (a UUID) in attribute \"{2}\"")), {v, name}));
        return std::string(v);
    }

    std::string text_of(pugi::xml_node parent, const char* name) {
        pugi::xml_node n = parent.child(name);
        if (!n) return {};
        r_->check_shape(n, {}, {}, true);
        return n.text().get();  // exactly as written: notes keep their line breaks
    }

    std::optional<Date> date_attr(pugi::xml_node n, const char* name) {
        const pugi::xml_attribute a = n.attribute(name);
        if (!a) return std::nullopt;
        const auto d = Date::try_parse(a.value());
        if (!d) r_->error(n, format(tr(N_("\"{1}\" is not a date (YYYY-MM-DD) in attribute \"{2}\"")), {a.value(), name}));
        return d;
    }

    // Levels, counts and positions: 64-bit parsing, refused outside int's range.
    std::optional<int> int_attr(pugi::xml_node n, const char* name) {
        const auto v = r_->integer(n, name, INT32_MIN, INT32_MAX);
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    }

    template <class T>
    T code(pugi::xml_node n, const char* attribute, std::optional<T> (*parse)(std::string_view)) {
        const auto v = r_->required(n, attribute);
        if (!v) return T{};
        const auto parsed = parse(*v);
        if (!parsed) r_->error(n, format(tr(N_("\"{1}\" is not a valid value for \"{2}\"")), {*v, attribute}));
        return parsed.value_or(T{});
    }

    void read_scale(pugi::xml_node n) {
        r_->check_shape(n, {}, {"id", "edition", "hash"}, true);
        const auto hash = r_->required(n, "hash");
        if (!hash) return;
        const std::string text = n.text().get();
        if (sha256_hex(text) != *hash) {
            r_->error(n, tr(N_("the scale snapshot does not match its hash: the file was changed after export")));
            refused_scales_.insert(*hash);
            return;
        }
        const ScaleLoadResult loaded = parse_scale(text, "snapshot " + hash->substr(0, 12));
        if (!loaded.ok()) {
            r_->error(n, format(tr(N_("the scale snapshot is not a valid definition: {1}")), {loaded.problems.front().message}));
            refused_scales_.insert(*hash);
            return;
        }
        if (loaded.scale->id != n.attribute("id").value() || loaded.scale->edition != n.attribute("edition").value())
            r_->error(n, tr(N_("the scale's id or edition does not match its snapshot")));
        scales_[*hash] = loaded.scale;
    }

    void read_team(pugi::xml_node n) {
        r_->check_shape(n, {}, {"uuid", "name", "municipality", "method", "active"});
        Team t;
        t.uuid = uuid_attr(n, "uuid");
        t.name = r_->required(n, "name").value_or("");
        t.municipality_code = r_->required(n, "municipality").value_or("");
        t.method = code<Method>(n, "method", method_from);
        t.active = r_->boolean(n, "active").value_or(true);
        if (const auto seen = teams_.find(t.uuid); seen != teams_.end() &&
            (seen->second.name != t.name || seen->second.municipality_code != t.municipality_code ||
             seen->second.method != t.method || seen->second.active != t.active))
            r_->error(n, format(tr(N_("team {1} appears twice in the file, with different details")), {t.uuid}));
        teams_[t.uuid] = t;
    }

    RoundRecord read_round(pugi::xml_node n) {
        r_->check_shape(n, {"rater", "rating", "consensus", "feedback", "strengths", "recommendations", "figures", "plan"},
                       {"uuid", "team", "scale", "date", "period-from", "period-to", "review-type", "status", "digest"});
        r_->check_single(n, {"strengths", "recommendations", "figures", "plan"});
        RoundRecord rec;
        Round& r = rec.round;
        r.uuid = uuid_attr(n, "uuid");
        const std::string team_uuid = uuid_attr(n, "team");
        r.scale_hash = r_->required(n, "scale").value_or("");
        r.assessed_on = date_attr(n, "date").value_or(Date{});
        if (!n.attribute("date")) r_->required(n, "date");
        r.period_from = date_attr(n, "period-from");
        r.period_to = date_attr(n, "period-to");
        r.review_type = code<ReviewType>(n, "review-type", review_type_from);
        r.status = code<RoundStatus>(n, "status", round_status_from);
        const auto team = teams_.find(team_uuid);
        if (team == teams_.end()) r_->error(n, format(tr(N_("the round's team {1} is not in the file")), {team_uuid}));
        else rec.team = team->second;
        const auto scale = scales_.find(r.scale_hash);
        if (scale == scales_.end()) {
            if (!refused_scales_.count(r.scale_hash))
                r_->error(n, format(tr(N_("the round's scale {1} is not in the file")), {r.scale_hash}));
            return rec;
        }
        rec.scale = scale->second;
        r.scale_id = rec.scale->id;
        r.edition = rec.scale->edition;

        for (pugi::xml_node x : n.children("rater")) {
            r_->check_shape(x, {}, {"position", "name", "role"});
            Rater rater;
            rater.position = int_attr(x, "position").value_or(0);
            rater.name = r_->required(x, "name").value_or("");
            rater.role = x.attribute("role").value();
            r.raters.push_back(rater);
        }
        for (pugi::xml_node x : n.children()) {
            const bool consensus = std::strcmp(x.name(), "consensus") == 0;
            if (!consensus && std::strcmp(x.name(), "rating") != 0) continue;
            with_rating_element_names([&](std::initializer_list<const char*> children) {
                r_->check_single(x, children);
                r_->check_shape(x, children,
                                consensus ? std::initializer_list<const char*>{"item", "level", "value", "cannot-rate"}
                                          : std::initializer_list<const char*>{"item", "rater", "level", "value",
                                                                               "cannot-rate"});
            });
            Rating rating;
            rating.item_id = r_->required(x, "item").value_or("");
            rating.rater_id = consensus ? consensus_rater : int_attr(x, "rater").value_or(0);
            if (!consensus && !x.attribute("rater")) r_->required(x, "rater");
            rating.input.level = int_attr(x, "level");
            rating.input.value = r_->number(x, "value");
            rating.input.cannot_rate = r_->boolean(x, "cannot-rate").value_or(false);
            for (const RatingElement& element : rating_elements)
                for (const std::string& bad : element.read(rating, text_of(x, element.name)))
                    r_->error(x, format(tr(element.invalid), {bad}));
            rec.ratings.push_back(std::move(rating));
        }
        for (pugi::xml_node x : n.children("feedback")) {
            r_->check_shape(x, {"strengths", "recommendation"}, {"item"});
            r_->check_single(x, {"strengths", "recommendation"});
            rec.feedback.push_back(
                ItemFeedback{r_->required(x, "item").value_or(""), text_of(x, "strengths"), text_of(x, "recommendation")});
        }
        r.strengths = text_of(n, "strengths");
        r.recommendations = text_of(n, "recommendations");
        if (pugi::xml_node f = n.child("figures")) rec.figures = read_figures(f);
        if (pugi::xml_node p = n.child("plan")) rec.plan = read_plan(p);

        // The round must be exactly what was exported: rebuild it and compare digests.
        const std::string expected = n.attribute("digest").value();
        if (expected.empty()) r_->required(n, "digest");
        else if (!failed() && exchange::digest_of(rec, *rec.scale) != expected)
            r_->error(n, format(tr(N_("round {1} was changed after it was exported (its digest does not match); "
                                     "ask for a new export")),
                               {r.uuid}));
        return rec;
    }

    // A team's quarter, format 2: counts per gender, checked against its digest and by the
    // rules every write obeys, so a bad row is named with its line here, not at the insert.
    OutcomeRecord read_outcome(pugi::xml_node n) {
        r_->check_shape(n, {"served", "working", "studying"}, {"team", "quarter", "referrals", "job-starts", "digest"});
        r_->check_single(n, {"served", "working", "studying"});
        OutcomeRecord rec;
        if (format_ == "1")
            r_->error(n, tr(N_("<outcome> needs exchange format 2; this file says format 1")));
        const std::string team_uuid = uuid_attr(n, "team");
        const auto team = teams_.find(team_uuid);
        if (team == teams_.end()) r_->error(n, format(tr(N_("the outcome's team {1} is not in the file")), {team_uuid}));
        else rec.team = team->second;
        TeamOutcome& o = rec.outcome;
        if (const auto q = r_->required(n, "quarter")) {
            if (const auto parsed = Quarter::try_parse(*q)) o.quarter = *parsed;
            else r_->error(n, format(tr(N_("\"{1}\" is not a quarter (a year and 1 to 4, as in 2025Q3) in attribute "
                                         "\"quarter\"")),
                                     {*q}));
        }
        o.referrals = int_attr(n, "referrals");
        o.job_starts = int_attr(n, "job-starts");
        o.served = gender(n, "served");
        o.working = gender(n, "working");
        o.studying = gender(n, "studying");
        if (!outcome_keys_.insert(team_uuid + "/" + o.quarter.text()).second)
            r_->error(n, format(tr(N_("team {1} has outcomes for {2} twice in the file")), {team_uuid, o.quarter.text()}));
        if (!failed()) {
            try {
                rules::check_outcome(o);
            } catch (const StoreError& e) {
                r_->error(n, e.what());
            }
        }
        const std::string expected = n.attribute("digest").value();
        if (expected.empty()) r_->required(n, "digest");
        else if (!failed() && exchange::digest_of(team_uuid, o) != expected)
            r_->error(n, format(tr(N_("the outcomes of team {1} for {2} were changed after they were exported (their "
                                     "digest does not match); ask for a new export")),
                               {team_uuid, o.quarter.text()}));
        return rec;
    }

    GenderCount gender(pugi::xml_node parent, const char* name) {
        pugi::xml_node g = parent.child(name);
        if (!g) return {};
        r_->check_shape(g, {}, {"women", "men", "other"});
        return GenderCount{int_attr(g, "women"), int_attr(g, "men"), int_attr(g, "other")};
    }

    TeamFigures read_figures(pugi::xml_node f) {
        r_->check_shape(f, {"participants", "competitive-work", "studies"},
                       {"period-from", "period-to", "specialists", "caseload"});
        r_->check_single(f, {"participants", "competitive-work", "studies"});
        TeamFigures t;
        t.period_from = date_attr(f, "period-from");
        t.period_to = date_attr(f, "period-to");
        t.specialists = r_->number(f, "specialists");
        t.caseload = int_attr(f, "caseload");
        t.participants = gender(f, "participants");
        t.competitive_work = gender(f, "competitive-work");
        t.studies = gender(f, "studies");
        return t;
    }

    ImprovementPlan read_plan(pugi::xml_node p) {
        r_->check_shape(p, {"manager", "goal", "action"}, {"uuid", "period-from", "period-to", "next-follow-up"});
        r_->check_single(p, {"manager"});
        ImprovementPlan plan;
        plan.uuid = uuid_attr(p, "uuid");
        plan.period_from = date_attr(p, "period-from");
        plan.period_to = date_attr(p, "period-to");
        plan.next_follow_up = date_attr(p, "next-follow-up");
        plan.manager = text_of(p, "manager");
        for (pugi::xml_node g : p.children("goal")) {
            r_->check_shape(g, {"description"}, {"uuid", "item", "current", "target", "target-date"});
            r_->check_single(g, {"description"});
            PlanGoal goal;
            goal.uuid = uuid_attr(g, "uuid");
            goal.item_id = r_->required(g, "item").value_or("");
            goal.current_level = int_attr(g, "current");
            goal.target_level = int_attr(g, "target");
            goal.target_date = date_attr(g, "target-date");
            goal.description = text_of(g, "description");
            plan.goals.push_back(goal);
        }
        for (pugi::xml_node a : p.children("action")) {
            r_->check_shape(a, {"what", "responsible", "resources", "follow-up", "comment"},
                           {"uuid", "item", "status", "start", "due", "carried-from"});
            r_->check_single(a, {"what", "responsible", "resources", "follow-up", "comment"});
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

    Scanner scanner_;
    std::string file_;
    std::optional<XmlReader> reader_;  // the current element's
    XmlReader* r_ = nullptr;
    std::vector<Diagnostic> problems_;  // the file's, in file order
    std::map<std::string, ScalePtr> scales_;
    std::map<std::string, Team> teams_;
    std::set<std::string> refused_scales_;  // already reported; their rounds need no second message
    std::set<std::string> outcome_keys_;    // "team uuid/quarter", each once
    std::string format_;                    // the root's format attribute
};

}  // namespace

void read_rounds(std::istream& in, const std::string& file_label, const std::function<void(RoundRecord&)>& on_round,
                 const std::function<void(OutcomeRecord&)>& on_outcome) {
    ExchangeReader(in, file_label).read(on_round, on_outcome);
}

}  // namespace fidelis::exchange
