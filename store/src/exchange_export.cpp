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
        text_child(e, "checked", join_words(x.input.checked));
        text_child(e, "specialists", join_numbers(x.input.specialists));
        text_child(e, "inputs", encode_inputs(x.input.inputs));
        text_child(e, "cannot-rate-reason", x.input.cannot_rate_reason);
        text_child(e, "evidence", x.evidence);
        text_child(e, "note", x.note);
        text_child(e, "rationale", x.rationale);
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

}  // namespace exchange

std::string write_exchange(const std::vector<RoundRecord>& input) {
    std::vector<const RoundRecord*> records;
    for (const auto& r : input) records.push_back(&r);
    std::sort(records.begin(), records.end(),
              [](const RoundRecord* a, const RoundRecord* b) { return a->round.uuid < b->round.uuid; });

    std::map<std::string, ScalePtr> scales;  // by hash: sorted, and each snapshot written once
    std::map<std::string, const Team*> teams;  // by uuid
    for (const RoundRecord* r : records) {
        if (!r->scale || r->scale->content_hash != r->round.scale_hash)
            throw Error(format(tr(N_("Round {1} has no scale snapshot to export.")), {r->round.uuid}));
        scales.emplace(r->round.scale_hash, r->scale);
        teams.emplace(r->team.uuid, &r->team);
    }

    const XmlAllocationWatch watch;  // an export cut short by memory must not be written
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("fidelis-exchange");
    root.append_attribute("xmlns") = exchange::ns;
    root.append_attribute("format") = "1";
    for (const auto& [hash, scale] : scales) {
        pugi::xml_node s = root.append_child("scale");
        s.append_attribute("id") = scale->id.c_str();
        s.append_attribute("edition") = scale->edition.c_str();
        s.append_attribute("hash") = hash.c_str();
        s.text().set(scale->xml.c_str());
    }
    for (const auto& [uuid, team] : teams) {
        pugi::xml_node t = root.append_child("team");
        t.append_attribute("uuid") = uuid.c_str();
        t.append_attribute("name") = team->name.c_str();
        t.append_attribute("municipality") = team->municipality_code.c_str();
        t.append_attribute("method") = code_of(team->method);
        t.append_attribute("active") = team->active ? "true" : "false";
    }
    for (const RoundRecord* r : records) {
        pugi::xml_node n = exchange::write_round(root, *r, *scales[r->round.scale_hash]);
        n.append_attribute("digest") = exchange::digest_of(n).c_str();
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    if (!out) throw std::bad_alloc();
    watch.check();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str();
}

std::string export_rounds(Store& store, const std::vector<Id>& round_ids) {
    std::vector<RoundRecord> records;
    records.reserve(round_ids.size());
    for (Id id : round_ids) records.push_back(store.record(id));
    return write_exchange(records);
}

}  // namespace fidelis
