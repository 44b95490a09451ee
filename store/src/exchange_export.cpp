// Writing exchange files: the canonical form of a round and its digest, and files written
// one round at a time, so an export of the whole country holds one round in memory.
#include "exchange_format.h"

#include "base/i18n.h"
#include "scales/scale_loader.h"
#include "scales/xml_reader.h"
#include "base/sha256.h"
#include "store/exchange.h"
#include "store_impl.h"

#include <algorithm>
#include <new>
#include <sstream>

namespace fidelis {
namespace exchange {
namespace {

void text_child(pugi::xml_node parent, const char* name, const std::string& value) {
    if (!value.empty()) parent.append_child(name).text().set(value.c_str());
}

void attr(pugi::xml_node n, const char* name, const std::string& value) {
    if (!value.empty()) n.append_attribute(name).set_value(value.c_str());
}

void gender(pugi::xml_node parent, const char* name, const GenderCount& c) {
    if (c.empty()) return;
    pugi::xml_node n = parent.append_child(name);
    attr(n, "women", optional_text(c.women));
    attr(n, "men", optional_text(c.men));
    attr(n, "other", optional_text(c.other));
}

int item_position(const Scale& scale, const std::string& id) {
    for (std::size_t i = 0; i < scale.items.size(); ++i)
        if (scale.items[i].id == id) return static_cast<int>(i);
    return static_cast<int>(scale.items.size());
}

}  // namespace

pugi::xml_node write_round(pugi::xml_node parent, const RoundRecord& rec, const Scale& scale) {
    const Round& r = rec.round;
    pugi::xml_node n = parent.append_child("round");
    attr(n, "uuid", r.uuid);
    attr(n, "team", rec.team.uuid);
    attr(n, "scale", r.scale_hash);
    attr(n, "date", r.assessed_on.iso());
    attr(n, "period-from", optional_text(r.period_from));
    attr(n, "period-to", optional_text(r.period_to));
    attr(n, "review-type", code_of(r.review_type));
    attr(n, "status", code_of(r.status));

    std::vector<Rater> raters = r.raters;
    std::sort(raters.begin(), raters.end(), [](const Rater& a, const Rater& b) { return a.position < b.position; });
    for (const Rater& rater : raters) {
        pugi::xml_node x = n.append_child("rater");
        attr(x, "position", std::to_string(rater.position));
        attr(x, "name", rater.name);
        attr(x, "role", rater.role);
    }

    std::vector<Rating> ratings = rec.ratings;
    // Item order, then raters by position, the consensus last.
    std::sort(ratings.begin(), ratings.end(), [&](const Rating& a, const Rating& b) {
        const int pa = item_position(scale, a.item_id), pb = item_position(scale, b.item_id);
        if (pa != pb) return pa < pb;
        if (a.item_id != b.item_id) return a.item_id < b.item_id;
        const Id ka = a.rater_id == consensus_rater ? INT64_MAX : a.rater_id;
        const Id kb = b.rater_id == consensus_rater ? INT64_MAX : b.rater_id;
        return ka < kb;
    });
    for (const Rating& x : ratings) {
        pugi::xml_node e = n.append_child(x.rater_id == consensus_rater ? "consensus" : "rating");
        attr(e, "item", x.item_id);
        if (x.rater_id != consensus_rater) attr(e, "rater", std::to_string(x.rater_id));
        attr(e, "level", optional_text(x.input.level));
        attr(e, "value", optional_text(x.input.value));
        if (x.input.cannot_rate) attr(e, "cannot-rate", "true");
        for (const RatingElement& element : rating_elements) text_child(e, element.name, element.write(x));
    }

    std::vector<ItemFeedback> feedback = rec.feedback;
    std::sort(feedback.begin(), feedback.end(), [&](const ItemFeedback& a, const ItemFeedback& b) {
        return item_position(scale, a.item_id) < item_position(scale, b.item_id);
    });
    for (const ItemFeedback& f : feedback) {
        if (f.strengths.empty() && f.recommendation.empty()) continue;
        pugi::xml_node e = n.append_child("feedback");
        attr(e, "item", f.item_id);
        text_child(e, "strengths", f.strengths);
        text_child(e, "recommendation", f.recommendation);
    }
    text_child(n, "strengths", r.strengths);
    text_child(n, "recommendations", r.recommendations);

    if (rec.figures) {
        const TeamFigures& f = *rec.figures;
        pugi::xml_node e = n.append_child("figures");
        attr(e, "period-from", optional_text(f.period_from));
        attr(e, "period-to", optional_text(f.period_to));
        attr(e, "specialists", optional_text(f.specialists));
        attr(e, "caseload", optional_text(f.caseload));
        gender(e, "participants", f.participants);
        gender(e, "competitive-work", f.competitive_work);
        gender(e, "studies", f.studies);
    }

    if (rec.plan) {
        const ImprovementPlan& p = *rec.plan;
        pugi::xml_node e = n.append_child("plan");
        attr(e, "uuid", p.uuid);
        attr(e, "period-from", optional_text(p.period_from));
        attr(e, "period-to", optional_text(p.period_to));
        attr(e, "next-follow-up", optional_text(p.next_follow_up));
        text_child(e, "manager", p.manager);
        for (const PlanGoal& g : p.goals) {
            pugi::xml_node x = e.append_child("goal");
            attr(x, "uuid", g.uuid);
            attr(x, "item", g.item_id);
            attr(x, "current", optional_text(g.current_level));
            attr(x, "target", optional_text(g.target_level));
            attr(x, "target-date", optional_text(g.target_date));
            text_child(x, "description", g.description);
        }
        for (const PlanAction& a : p.actions) {
            pugi::xml_node x = e.append_child("action");
            attr(x, "uuid", a.uuid);
            attr(x, "item", a.item_id);
            attr(x, "status", code_of(a.status));
            attr(x, "start", optional_text(a.start));
            attr(x, "due", optional_text(a.due));
            attr(x, "carried-from", a.carried_from);
            text_child(x, "what", a.what);
            text_child(x, "responsible", a.responsible);
            text_child(x, "resources", a.resources);
            text_child(x, "follow-up", a.follow_up);
            text_child(x, "comment", a.comment);
        }
    }
    return n;
}

pugi::xml_node write_outcome(pugi::xml_node parent, const std::string& team_uuid, const TeamOutcome& o) {
    pugi::xml_node n = parent.append_child("outcome");
    attr(n, "team", team_uuid);
    attr(n, "quarter", o.quarter.text());
    attr(n, "referrals", optional_text(o.referrals));
    attr(n, "job-starts", optional_text(o.job_starts));
    gender(n, "served", o.served);
    gender(n, "working", o.working);
    gender(n, "studying", o.studying);
    return n;
}

std::string digest_of(const std::string& team_uuid, const TeamOutcome& outcome) {
    const XmlAllocationWatch watch;
    pugi::xml_document doc;
    std::string digest = digest_of(write_outcome(doc, team_uuid, outcome));
    watch.check();
    return digest;
}

std::string digest_of(pugi::xml_node round) {
    std::ostringstream out;
    for (pugi::xml_attribute a : round.attributes()) {
        if (std::string(a.name()) == "digest") continue;
        out << a.name() << '=' << a.value() << '\n';
    }
    for (pugi::xml_node c : round.children()) c.print(out, "", pugi::format_raw);
    // A stream that ran out of memory is silently cut short; its digest would then read as
    // a tampered round.
    if (!out) throw std::bad_alloc();
    return sha256_hex(out.str());
}

std::string digest_of(const RoundRecord& record, const Scale& scale) {
    const XmlAllocationWatch watch;
    pugi::xml_document doc;
    std::string digest = digest_of(write_round(doc, record, scale));
    watch.check();
    return digest;
}

FileWriter::FileWriter(std::ostream& out) : out_(out) { out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void FileWriter::print(pugi::xml_node node) {
    if (empty_) out_ << "<fidelis-exchange xmlns=\"" << ns << "\" format=\"" << format_version << "\">\n";
    empty_ = false;
    node.print(out_, "  ", pugi::format_indent, pugi::encoding_utf8, 1);
}

void FileWriter::begin(const std::map<std::string, ScalePtr>& scales, const std::map<std::string, Team>& teams) {
    const XmlAllocationWatch watch;  // an export cut short by memory must not be written
    for (const auto& [hash, scale] : scales) {
        pugi::xml_document doc;
        pugi::xml_node s = doc.append_child("scale");
        s.append_attribute("id") = scale->id.c_str();
        s.append_attribute("edition") = scale->edition.c_str();
        s.append_attribute("hash") = hash.c_str();
        s.text().set(scale->xml.c_str());
        print(s);
    }
    for (const auto& [uuid, team] : teams) {
        pugi::xml_document doc;
        pugi::xml_node t = doc.append_child("team");
        t.append_attribute("uuid") = uuid.c_str();
        t.append_attribute("name") = team.name.c_str();
        t.append_attribute("municipality") = team.municipality_code.c_str();
        t.append_attribute("method") = code_of(team.method);
        t.append_attribute("active") = team.active ? "true" : "false";
        print(t);
    }
    watch.check();
}

void FileWriter::outcome(const std::string& team_uuid, const TeamOutcome& outcome) {
    const XmlAllocationWatch watch;
    pugi::xml_document doc;
    pugi::xml_node n = write_outcome(doc, team_uuid, outcome);
    n.append_attribute("digest") = digest_of(n).c_str();
    print(n);
    watch.check();
}

void FileWriter::round(const RoundRecord& record, const Scale& scale) {
    const XmlAllocationWatch watch;
    pugi::xml_document doc;
    pugi::xml_node n = write_round(doc, record, scale);
    n.append_attribute("digest") = digest_of(n).c_str();
    print(n);
    watch.check();
}

void FileWriter::end() {
    if (empty_) out_ << "<fidelis-exchange xmlns=\"" << ns << "\" format=\"" << format_version << "\" />\n";
    else out_ << "</fidelis-exchange>\n";
}

}  // namespace exchange

namespace {

[[noreturn]] void no_snapshot(const std::string& round_uuid) {
    throw Error(format(tr(N_("Round {1} has no scale snapshot to export.")), {round_uuid}));
}

}  // namespace

std::string write_exchange(const std::vector<RoundRecord>& input) {
    std::vector<const RoundRecord*> records;
    for (const auto& r : input) records.push_back(&r);
    std::sort(records.begin(), records.end(),
              [](const RoundRecord* a, const RoundRecord* b) { return a->round.uuid < b->round.uuid; });

    std::map<std::string, ScalePtr> scales;  // by hash: sorted, and each snapshot written once
    std::map<std::string, Team> teams;       // by uuid
    for (const RoundRecord* r : records) {
        if (!r->scale || r->scale->content_hash != r->round.scale_hash) no_snapshot(r->round.uuid);
        scales.emplace(r->round.scale_hash, r->scale);
        teams.emplace(r->team.uuid, r->team);
    }
    std::ostringstream out;
    exchange::FileWriter file(out);
    file.begin(scales, teams);
    for (const RoundRecord* r : records) file.round(*r, *scales[r->round.scale_hash]);
    file.end();
    // A stream that ran out of memory is silently cut short.
    if (!out) throw std::bad_alloc();
    return out.str();
}

void export_rounds(Store& store, const std::vector<Id>& round_ids, std::ostream& out,
                   const std::vector<Id>& outcome_teams, const Progress& progress) {
    // First what the head of the file needs, from the rounds' rows alone; then each round
    // is loaded, written and let go in turn, so memory holds one round at a time.
    std::vector<std::pair<std::string, Id>> order;  // uuid, id
    order.reserve(round_ids.size());
    std::map<std::string, ScalePtr> scales;
    std::map<std::string, Team> teams;
    std::map<Id, std::string> team_uuids;
    for (Id id : round_ids) {
        const Round r = store.round(id);
        const ScalePtr scale = store.scale_of(r);
        if (!scale || scale->content_hash != r.scale_hash) no_snapshot(r.uuid);
        scales.emplace(r.scale_hash, scale);
        if (!team_uuids.count(r.team_id)) {
            Team t = store.team(r.team_id);
            team_uuids[r.team_id] = t.uuid;
            teams.emplace(t.uuid, std::move(t));
        }
        order.emplace_back(r.uuid, id);
    }
    // Every team in the file takes its quarterly outcomes along, and so do the teams asked
    // for by their outcomes alone.
    for (Id id : outcome_teams)
        if (!team_uuids.count(id)) {
            Team t = store.team(id);
            team_uuids[id] = t.uuid;
            teams.emplace(t.uuid, std::move(t));
        }
    std::map<std::string, std::vector<TeamOutcome>> outcomes;  // by team uuid: sorted as written
    for (const auto& [team_id, uuid] : team_uuids) {
        std::vector<TeamOutcome> list = store.outcomes(team_id);
        if (!list.empty()) outcomes.emplace(uuid, std::move(list));
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

    exchange::FileWriter file(out);
    file.begin(scales, teams);
    for (const auto& [uuid, list] : outcomes)
        for (const TeamOutcome& o : list) file.outcome(uuid, o);
    std::size_t written = 0;
    for (const auto& [uuid, id] : order) {
        if (!out) break;  // the caller's commit (or check) reports why
        report_progress(progress, double(written++) / double(order.size()));
        const RoundRecord record = store.record(id);
        file.round(record, *scales.at(record.round.scale_hash));
    }
    file.end();
}

std::string export_rounds(Store& store, const std::vector<Id>& round_ids, const std::vector<Id>& outcome_teams) {
    std::ostringstream out;
    export_rounds(store, round_ids, out, outcome_teams);
    if (!out) throw std::bad_alloc();
    return out.str();
}

}  // namespace fidelis
