#include "store/model.h"

#include "base/i18n.h"

namespace fidelis {

const char* code_of(Method m) { return m == Method::IPS ? "IPS" : "SE"; }

const char* code_of(ReviewType t) {
    switch (t) {
    case ReviewType::Guided: return "guided";
    case ReviewType::External: return "external";
    case ReviewType::Self: break;
    }
    return "self";
}

const char* code_of(RoundStatus s) {
    switch (s) {
    case RoundStatus::Consensus: return "consensus";
    case RoundStatus::Completed: return "completed";
    case RoundStatus::Draft: break;
    }
    return "draft";
}

const char* code_of(ActionStatus s) {
    switch (s) {
    case ActionStatus::Ongoing: return "ongoing";
    case ActionStatus::Done: return "done";
    case ActionStatus::Cancelled: return "cancelled";
    case ActionStatus::Planned: break;
    }
    return "planned";
}

std::optional<Method> method_from(std::string_view c) {
    if (c == "SE" || c == "se") return Method::SE;
    if (c == "IPS" || c == "ips") return Method::IPS;
    return std::nullopt;
}

std::optional<ReviewType> review_type_from(std::string_view c) {
    if (c == "self") return ReviewType::Self;
    if (c == "guided") return ReviewType::Guided;
    if (c == "external") return ReviewType::External;
    return std::nullopt;
}

std::optional<RoundStatus> round_status_from(std::string_view c) {
    if (c == "draft") return RoundStatus::Draft;
    if (c == "consensus") return RoundStatus::Consensus;
    if (c == "completed") return RoundStatus::Completed;
    return std::nullopt;
}

std::optional<ActionStatus> action_status_from(std::string_view c) {
    if (c == "planned") return ActionStatus::Planned;
    if (c == "ongoing") return ActionStatus::Ongoing;
    if (c == "done") return ActionStatus::Done;
    if (c == "cancelled") return ActionStatus::Cancelled;
    return std::nullopt;
}

std::string label_of(Method m, const Translator& t) {
    return m == Method::IPS ? t.tr(N_("IPS")) : t.tr(N_("Supported Employment"));
}

std::string label_of(ReviewType type, const Translator& t) {
    switch (type) {
    case ReviewType::Guided: return t.tr(N_("Guided self-assessment"));
    case ReviewType::External: return t.tr(N_("External review"));
    case ReviewType::Self: break;
    }
    return t.tr(N_("Self-assessment"));
}

std::string label_of(RoundStatus s, const Translator& t) {
    switch (s) {
    // TRANSLATORS: a round's status: draft → consensus (raters agreeing levels) → completed.
    case RoundStatus::Consensus: return t.tr(N_("Consensus"));
    case RoundStatus::Completed: return t.tr(N_("Completed"));
    case RoundStatus::Draft: break;
    }
    return t.tr(N_("Draft"));
}

std::string label_of(ActionStatus s, const Translator& t) {
    switch (s) {
    case ActionStatus::Ongoing: return t.tr(N_("Ongoing"));
    case ActionStatus::Done: return t.tr(N_("Done"));
    case ActionStatus::Cancelled: return t.tr(N_("Cancelled"));
    case ActionStatus::Planned: break;
    }
    return t.tr(N_("Planned"));
}

const Rater* Round::rater(Id rater_id) const {
    for (const auto& r : raters)
        if (r.id == rater_id) return &r;
    return nullptr;
}

const Rater* Round::rater_named(const std::string& name) const {
    for (const auto& r : raters)
        if (r.name == name) return &r;
    return nullptr;
}

}  // namespace fidelis
