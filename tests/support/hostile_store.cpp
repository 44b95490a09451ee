// The hostile county of hostile_store.h. Rounds are made the way the window makes them
// (create_round, a rating per rater and the consensus, figures, summary, consensus, then
// completed, then the plan, which stays open), not inserted whole, so the store's own
// rules check every piece.
#include "hostile_store.h"

#include "base/utf8.h"
#include "scales/scale_loader.h"
#include "store/uuid.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>

namespace fidelis::test {
namespace {

// Emoji as people type them: a ZWJ sequence (woman office worker), a skin tone, a
// variation selector (red heart), plain ones.
const std::string office_worker = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBC";  // 👩‍💼
const std::string rocket = "\xF0\x9F\x9A\x80";                                       // 🚀
const std::string check_mark = "\xE2\x9C\x85";                                       // ✅
const std::string red_heart = "\xE2\x9D\xA4\xEF\xB8\x8F";                            // ❤️
const std::string thumbs_medium = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";                // 👍🏽
const std::string script = "<script>alert(1)</script>";

const std::vector<std::string>& fragments() {
    static const std::vector<std::string> f = {
        "Teamet har arbetat målmedvetet med arbetsgivarkontakter under året; många deltagare har fått anställning på "
        "den öppna arbetsmarknaden i Jönköping, Värnamo och Växjö.",
        "يعمل الفريق على دعم المشاركين في العثور على عمل تنافسي في سوق العمل المفتوح، بالتعاون مع أصحاب العمل المحليين.",
        "הצוות עובד עם מעסיקים מקומיים כדי למצוא עבודה תחרותית לכל משתתף, בשיתוף עם שירותי בריאות הנפש.",
        "Bra jobbat " + office_worker + rocket + check_mark + " — " + red_heart + " och " + thumbs_medium +
            " från hela gruppen på APT.",
        "Möte med عمر حداد och שירה כהן den 12 mars (kl. 09.30) om ärendedragningar, journaler och rutiner.",
        "<b>Obs!</b> " + script + " & \"citat\" 'apostrof' </td></tr> &amp; &lt; < > ännu inte åtgärdat.",
        "Arbetsspecialisterna träffar arbetsgivare varje vecka, men uppföljningen efter anställning är ojämn och "
        "beror på enskilda medarbetare snarare än på en gemensam rutin.",
        "Samverkan med Arbetsförmedlingen, Försäkringskassan och psykiatrin fungerar bättre än förra året; "
        "ekonomisk vägledning saknas fortfarande för flera deltagare.",
    };
    return f;
}

// A word of exactly 400 characters and no space: a long compound, an identifier, a pasted
// path, which no line can hold.
std::string long_word() {
    const std::string part = "Arbetsmarknadsutbildningssamordningsförvaltningens";  // 50 characters
    std::string w;
    for (int i = 0; i < 8; ++i) w += part;
    return w;
}

// The first `n` code points of `s`.
std::string first_code_points(const std::string& s, int n) {
    std::size_t pos = 0;
    for (int i = 0; i < n && pos < s.size(); ++i) utf8::decode(s, pos);
    return s.substr(0, pos);
}

// Deterministic levels: a team's own strengths and weaknesses around a mean.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed * 2654435761u + 1) {}
    std::uint64_t next() {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return state_;
    }
    int between(int lo, int hi) { return lo + int(next() % std::uint64_t(hi - lo + 1)); }

private:
    std::uint64_t state_;
};

ScalePtr shipped(const std::string& file) {
    const auto loaded = load_scale_file(std::string(FIDELIS_SOURCE_DIR) + "/scales/definitions/" + file);
    if (!loaded.scale) throw std::runtime_error("cannot load the shipped scale " + file);
    return loaded.scale;
}

Date date(int y, int m, int d) { return Date{y, m, d}; }

// What one round holds.
struct RoundSpec {
    ScalePtr scale;
    Date on;
    ReviewType type = ReviewType::External;
    double mean = 3;                 // the mean level the ratings are drawn around
    RoundStatus status = RoundStatus::Completed;
    int rated = -1;                  // items with a consensus rating; -1: all
    int cannot_rate = 0;             // items "cannot rate", from the last one backwards
    bool long_texts = false;         // 3,000 characters in every text field
    bool single_rater = false;       // a self-assessment by one person, no consensus rows
    std::vector<std::pair<std::string, std::string>> raters;  // empty: by review type
    std::optional<TeamFigures> figures;  // written before the round is completed, which locks them
};

class Builder {
public:
    explicit Builder(Store& store) : store_(store), uuids_(0x4057113ULL), ips_(shipped("ips-25.xml")),
                                     seqf_(shipped("seqf-se.xml")) {
        store_.set_uuid_source([this] { return uuids_.next(); });
    }
    const ScalePtr& ips() const { return ips_; }
    const ScalePtr& seqf() const { return seqf_; }

    Id team(const std::string& municipality, const std::string& name, Method method) {
        ++teams_;
        return store_.add_team(municipality, name, method);
    }
    int teams() const { return teams_; }

    Id round(Id team, const RoundSpec& spec) {
        store_.set_clock([d = spec.on] { return d.iso() + "T10:00:00Z"; });
        const Scale& scale = *spec.scale;
        Store::NewRound nr;
        nr.team_id = team;
        nr.scale = spec.scale;
        nr.assessed_on = spec.on;
        nr.period_from = spec.on.add_months(-12).add_days(1);
        nr.period_to = spec.on;
        nr.review_type = spec.type;
        nr.raters = spec.raters.empty() ? raters_for(spec) : spec.raters;
        const Id id = store_.create_round(nr);
        const Round r = store_.round(id);
        Rng rng(std::uint64_t(id) * 7919u);
        const int n = int(scale.items.size());
        const int rated = spec.rated < 0 ? n : std::min(spec.rated, n);
        for (int i = 0; i < rated; ++i) {
            const Item& item = scale.items[std::size_t(i)];
            const bool cannot = i >= n - spec.cannot_rate;
            const int level = std::clamp(int(std::lround(spec.mean + (rng.between(0, 4) - 2) * 0.6)),
                                         scale.min_level(), scale.max_level());
            const int k = int(id) * 31 + i;
            for (const Rater& rater : r.raters) {
                Rating x;
                x.item_id = item.id;
                x.rater_id = rater.id;
                const int own = std::clamp(level + (rng.between(0, 9) == 0 ? 1 : 0), scale.min_level(), scale.max_level());
                x.input = cannot ? cannot_rate(k) : inputs(item, spec.single_rater ? level : own);
                if (spec.single_rater || i % 3 == 0) x.note = text(spec, 120, k + 1);
                if (spec.single_rater) x.evidence = text(spec, 200, k + 2);
                store_.save_rating(id, x);
            }
            if (spec.single_rater) continue;
            Rating c;
            c.item_id = item.id;
            c.rater_id = consensus_rater;
            c.input = cannot ? cannot_rate(k) : inputs(item, level);
            c.evidence = text(spec, 160, k + 3);
            c.note = text(spec, 100, k + 4);
            if (i % 2 == 0) c.rationale = text(spec, 140, k + 5);
            store_.save_rating(id, c);
        }
        if (rated >= 5) {
            for (int i : {0, 1, n - 1}) {
                if (i >= rated) continue;
                store_.set_item_feedback(id, ItemFeedback{scale.items[std::size_t(i)].id, text(spec, 150, int(id) + i),
                                                          text(spec, 150, int(id) + i + 40)});
            }
            store_.set_round_summary(id, text(spec, 300, int(id) + 7), text(spec, 300, int(id) + 8));
        }
        if (spec.figures) store_.set_team_figures(id, *spec.figures);
        if (spec.status != RoundStatus::Draft) store_.set_status(id, RoundStatus::Consensus);
        if (spec.status == RoundStatus::Completed) store_.set_status(id, RoundStatus::Completed);
        return id;
    }

    Store& store() { return store_; }

private:
    std::vector<std::pair<std::string, std::string>> raters_for(const RoundSpec& spec) {
        if (spec.single_rater) return {{"Åsa Öberg-Ärlig", "Teamledare"}};
        switch (spec.type) {
        case ReviewType::External:
            return {{"Karin Lindqvist-Åberg", "Processledare, Kommunal utveckling, Region Jönköpings län"},
                    {"عمر حداد", "مراجع خارجي — Extern granskare"}};
        case ReviewType::Guided:
            return {{"שירה כהן", "Teamledare " + office_worker},
                    {"Mikael Sjöberg", "Utvecklingsledare"}};
        case ReviewType::Self:
            break;
        }
        return {{"Anna " + rocket + " Berg", "Arbetsspecialist"}, {"Örjan Ek", "Enhetschef"}};
    }

    static ItemRating cannot_rate(int k) {
        ItemRating in;
        in.cannot_rate = true;
        in.cannot_rate_reason = k % 2 ? "Underlag saknas: journalerna var inte tillgängliga vid besöket."
                                      : "لا تتوفر بيانات — uppgifterna fanns inte för perioden " + check_mark;
        return in;
    }

    // Inputs where the shape takes them and a value for the level is easy to find, so the
    // report shows numbers, ticks and specialists as well as plain levels.
    static ItemRating inputs(const Item& item, int level) {
        ItemRating in;
        in.level = level;
        if (item.shape == ItemShape::Numeric && item.numeric) {
            for (const NumericRange& r : item.numeric->ranges) {
                if (r.level != level) continue;
                const double v = r.min && r.max ? std::floor((*r.min + *r.max) / 2) : r.min ? *r.min : r.max.value_or(0);
                if (level_for_value(*item.numeric, v) == level) in.value = v;
                break;
            }
        } else if (item.shape == ItemShape::Checklist && item.checklist) {
            for (const CountRange& c : item.checklist->counts) {
                if (c.level != level) continue;
                for (int i = 0; i < c.min && i < int(item.checklist->components.size()); ++i)
                    in.checked.push_back(item.checklist->components[std::size_t(i)].id);
                if (level_for_count(*item.checklist, int(in.checked.size())) != level) in.checked.clear();
                break;
            }
        } else if (item.shape == ItemShape::PerSpecialist && item.basis == SpecialistBasis::Descriptive) {
            in.specialists = {double(level), double(level), double(level)};
        }
        return in;
    }

    // Short texts for ordinary rounds (still with every script), the long one where asked.
    static std::string text(const RoundSpec& spec, int chars, int variant) {
        return hostile_text(spec.long_texts ? 3000 : chars, variant);
    }

    Store& store_;
    UuidSequence uuids_;
    ScalePtr ips_, seqf_;
    int teams_ = 0;
};

RoundSpec ips(Builder& b, Date on, ReviewType type, double mean) {
    RoundSpec s;
    s.scale = b.ips();
    s.on = on;
    s.type = type;
    s.mean = mean;
    return s;
}

RoundSpec seqf(Builder& b, Date on, double mean) {
    RoundSpec s = ips(b, on, ReviewType::Self, mean);
    s.scale = b.seqf();
    return s;
}

TeamFigures figures(Date on, int participants) {
    TeamFigures f;
    f.period_from = on.add_months(-12).add_days(1);
    f.period_to = on;
    f.specialists = participants ? 3.5 : 0;
    f.caseload = participants;
    const int women = participants / 2;
    f.participants = GenderCount{women, participants - women - participants / 10, participants / 10};
    f.competitive_work = GenderCount{women / 3, (participants - women) / 3, 0};
    f.studies = GenderCount{women / 10, 0, 0};
    return f;
}

// A plan with goals and actions: long texts where asked, and actions still planned or
// ongoing past their due date (overdue on any date after 2025).
void plan(Store& store, Id round, const Scale& scale, bool long_texts, int variant) {
    const Round r = store.round(round);
    const int len = long_texts ? 3000 : 80;
    store.update_plan_header(round, r.assessed_on, r.assessed_on.add_months(12),
                             long_texts ? "Fatima Al-Hassan فاطمة الحسن " + office_worker : "Lena Holm",
                             r.assessed_on.add_months(6));
    for (int g = 0; g < 3; ++g) {
        const Item& item = scale.items[std::size_t(3 + 5 * g)];
        PlanGoal goal;
        goal.item_id = item.id;
        goal.current_level = scale.min_level() + 1;
        goal.target_level = scale.max_level() - g % 2;
        goal.target_date = r.assessed_on.add_months(12);
        goal.description = hostile_text(long_texts ? 600 : 60, variant + g);
        store.add_goal(round, goal);
        for (int k = 0; k < 2; ++k) {
            PlanAction a;
            a.item_id = item.id;
            a.what = hostile_text(len, variant + 10 * g + k);
            a.responsible = k ? "שירה כהן" : "Karin Lindqvist-Åberg, teamledare för arbetsspecialisterna i Öster";
            a.resources = hostile_text(long_texts ? 400 : 30, variant + 3 * g + k);
            a.start = r.assessed_on.add_days(14);
            a.due = r.assessed_on.add_months(2 + 3 * g + k);  // before 2026-11: overdue unless done
            a.follow_up = "Avstämning på teamträff var sjätte vecka " + check_mark;
            a.status = (g + k) % 4 == 0 ? ActionStatus::Done
                       : (g + k) % 4 == 1 ? ActionStatus::Ongoing
                       : (g + k) % 4 == 2 ? ActionStatus::Planned
                                          : ActionStatus::Cancelled;
            if (a.status != ActionStatus::Done) a.comment = hostile_text(long_texts ? 1500 : 40, variant + g + 7 * k);
            store.add_action(round, a);
        }
    }
}

// Ordinary teams that fill the county up to 40, in both counties and many municipalities.
struct Filler {
    const char* municipality;
    const char* name;
    Method method;
    int rounds;   // completed IPS-25 rounds, yearly up to 2026
    double mean;  // their level
    bool seqf;    // an SEQF-SE self-assessment too
};

const std::vector<Filler>& fillers() {
    static const std::vector<Filler> f = {
        {"0604", "Aneby Arbete och stöd", Method::SE, 1, 2.6, true},
        {"0617", "Gnosjö Jobbstöd Ökad självständighet", Method::SE, 2, 3.1, false},
        {"0643", "Habo Jobbcenter – Älvängen", Method::SE, 1, 3.4, true},
        {"0662", "Gislaved Supported Employment", Method::SE, 2, 2.9, false},
        {"0665", "Vaggeryd Arbetsliv & Hälsa", Method::SE, 1, 3.7, false},
        {"0680", "IPS-teamet Jönköping Väster", Method::IPS, 3, 4.1, false},
        {"0680", "Jönköping Jobbcenter Öster", Method::SE, 2, 3.3, true},
        {"0682", "IPS Höglandet Nässjö", Method::IPS, 2, 4.3, false},
        {"0683", "Värnamo Arbetsmarknad", Method::SE, 1, 2.4, false},
        {"0684", "Sävsjö Jobbstöd", Method::SE, 1, 3.0, true},
        {"0685", "Vetlanda Stegvis", Method::SE, 2, 3.6, true},
        {"0686", "Eksjö Arbetsstöd", Method::SE, 1, 2.2, false},
        {"0687", "Tranås Jobbcenter", Method::SE, 1, 4.6, false},
        {"0642", "Mullsjö Daglig verksamhet – Arbete", Method::SE, 1, 1.6, false},
        {"0780", "IPS Växjö", Method::IPS, 2, 3.9, false},
        {"0780", "Växjö Arbetsmarknadsenhet Öster", Method::SE, 1, 2.8, true},
        {"0781", "Ljungby Jobbstöd", Method::SE, 1, 3.2, false},
        {"0764", "Alvesta Arbete", Method::SE, 1, 2.7, false},
        {"0765", "Älmhult Stöd till arbete", Method::SE, 2, 3.5, false},
        {"0767", "Markaryd Supported Employment", Method::SE, 1, 4.0, false},
        {"0763", "Tingsryd IPS", Method::IPS, 1, 3.8, false},
        {"0760", "Uppvidinge Jobbcenter", Method::SE, 1, 2.5, false},
    };
    return f;
}

}  // namespace

std::string hostile_text(int n, int variant) {
    const auto& f = fragments();
    const std::string word = long_word();
    std::string out;
    // The long word comes early enough that even a 500-character text has it.
    const int word_at = 1 + std::abs(variant) % 2;
    for (int i = 0; utf8::length(out) < std::size_t(n); ++i) {
        if (n >= 500 && i == word_at) out += word + " ";
        out += f[std::size_t(std::abs(variant) + i) % f.size()];
        // Paragraphs, single line breaks and runs of blank lines, as pasted text has.
        out += i % 5 == 4 ? "\n\n\n" : i % 3 == 2 ? "\n" : i % 2 ? "\n\n" : " ";
    }
    std::string cut = first_code_points(out, n);
    while (!cut.empty() && (cut.back() == ' ' || cut.back() == '\n')) cut.back() = '.';
    return cut;
}

HostileCounty build_hostile_county(Store& store) {
    Builder b(store);
    HostileCounty h;
    Transaction tx = store.begin();

    // 12 rounds over eight years, none from the autumn of 2019 to the spring of 2022, of
    // every review type; the total falls back once, as real teams do.
    h.trend_team = b.team("0680",
                          "Jönköpings kommuns gemensamma team för individanpassat stöd till arbete och studier (IPS) – "
                          "Öster, Väster, Norr, Söder och Centrum, i samverkan med Samordningsförbundet " + check_mark,
                          Method::IPS);
    const std::vector<std::pair<Date, ReviewType>> trend = {
        {date(2017, 3, 14), ReviewType::Self},     {date(2017, 9, 20), ReviewType::External},
        {date(2018, 3, 8), ReviewType::Guided},    {date(2018, 9, 26), ReviewType::External},
        {date(2019, 3, 19), ReviewType::Self},     {date(2019, 9, 24), ReviewType::External},
        {date(2022, 3, 15), ReviewType::External}, {date(2022, 9, 27), ReviewType::Guided},
        {date(2023, 3, 21), ReviewType::External}, {date(2023, 10, 3), ReviewType::Self},
        {date(2024, 9, 17), ReviewType::External}, {date(2025, 3, 11), ReviewType::External},
    };
    for (std::size_t i = 0; i < trend.size(); ++i) {
        RoundSpec spec = ips(b, trend[i].first, trend[i].second, i == 6 ? 2.4 : 2.0 + 0.22 * double(i));
        spec.figures = figures(trend[i].first, 20 + 3 * int(i));
        const Id r = b.round(h.trend_team, spec);
        if (i % 3 == 0) plan(store, r, *b.ips(), false, int(i));
    }

    // Arabic, and the round whose every text is 3,000 characters long.
    h.arabic_team = b.team("0683", "فريق التوظيف الأمل", Method::IPS);
    b.round(h.arabic_team, ips(b, date(2024, 10, 8), ReviewType::External, 3.2));
    RoundSpec long_spec = ips(b, date(2026, 3, 17), ReviewType::External, 3.6);
    long_spec.long_texts = true;
    long_spec.figures = figures(long_spec.on, 140);
    long_spec.raters = {{"فاطمة الحسن", "مديرة الفريق"},
                        {"Karin Lindqvist-Åberg " + office_worker + " processledare med ett mycket långt namn och en "
                         "ännu längre titel som aldrig tar slut i rapportens tabell över bedömare",
                         hostile_text(200, 3)}};
    h.long_notes_round = b.round(h.arabic_team, long_spec);
    plan(store, h.long_notes_round, *b.ips(), true, 11);

    b.round(b.team("0682", "צוות תעסוקה נתמכת – שירה כהן", Method::IPS),
            ips(b, date(2025, 5, 6), ReviewType::Guided, 3.4));

    // Emoji with ZWJ, skin tone and variation selector; a one-person self-assessment.
    const Id emoji = b.team("0687", office_worker + " Jobbcoacherna " + rocket + " Tranås " + check_mark + " " +
                                        red_heart + " " + thumbs_medium, Method::SE);
    RoundSpec alone = seqf(b, date(2025, 2, 4), 3.3);
    alone.single_rater = true;
    b.round(emoji, alone);
    b.round(emoji, ips(b, date(2025, 11, 12), ReviewType::Guided, 2.9));

    h.script_team = b.team("0686", script + " & \"quotes\" 'Eksjö' <b>fet</b> &amp; team", Method::SE);
    b.round(h.script_team, ips(b, date(2025, 6, 10), ReviewType::External, 3.0));

    // A name of 150 characters without a space to break it at.
    b.round(b.team("0662",
                   "ArbetsmarknadsförvaltningensindividanpassadestödtillarbetehuvudteamförSupportedEmploymentochIPSi"
                   "VärnamoGislavedGnosjöochVaggerydsamtSamordningsförbundetGGVV",
                   Method::IPS),
            ips(b, date(2025, 4, 22), ReviewType::External, 3.9));

    // A team whose only round is a draft, and one whose latest waits at consensus.
    RoundSpec draft = ips(b, date(2026, 10, 14), ReviewType::Guided, 3.1);
    draft.status = RoundStatus::Draft;
    draft.rated = 8;
    h.draft_round = b.round(b.team("0643", "Habo Arbetsstöd – bara ett utkast än så länge", Method::IPS), draft);
    const Id waiting = b.team("0665", "Vaggeryds Jobbcenter (väntar på att slutföras)", Method::IPS);
    b.round(waiting, ips(b, date(2024, 9, 3), ReviewType::External, 3.5));
    RoundSpec consensus = ips(b, date(2026, 9, 22), ReviewType::External, 3.8);
    consensus.status = RoundStatus::Consensus;
    h.consensus_round = b.round(waiting, consensus);

    // 15 of 25 items "cannot rate", completed all the same.
    RoundSpec unknown = ips(b, date(2025, 10, 7), ReviewType::External, 3.0);
    unknown.cannot_rate = 15;
    h.cannot_rate_round = b.round(b.team("0604", "Aneby Arbete & Stöd — 15 punkter gick inte att bedöma", Method::IPS),
                                  unknown);

    // A plan with a manager and nothing else; figures of zero people; figures without genders.
    h.empty_plan_round = b.round(b.team("0617", "Gnosjö IPS (tom förbättringsplan)", Method::IPS),
                                 ips(b, date(2025, 9, 16), ReviewType::Guided, 3.3));
    store.update_plan_header(h.empty_plan_round, std::nullopt, std::nullopt, "Nils Lund", std::nullopt);
    RoundSpec nobody = ips(b, date(2025, 8, 19), ReviewType::Self, 2.1);
    nobody.figures = figures(nobody.on, 0);
    h.zero_figures_round = b.round(b.team("0642", "Mullsjö Arbetsmarknadsenhet – noll deltagare", Method::SE), nobody);
    RoundSpec partial = ips(b, date(2025, 5, 27), ReviewType::Self, 2.8);
    partial.figures = TeamFigures{};
    partial.figures->caseload = 31;
    partial.figures->participants.women = 12;
    partial.figures->competitive_work.women = 4;
    b.round(b.team("0662", "Gislaved Arbetsstöd – kön saknas", Method::SE), partial);

    // SEQF-SE with long texts, and a team with both scales.
    const Id seqf_team = b.team("0684", "Sävsjö Supported Employment – SEQF-SE", Method::SE);
    b.round(seqf_team, seqf(b, date(2024, 4, 9), 2.7));
    RoundSpec long_seqf = seqf(b, date(2025, 4, 15), 3.2);
    long_seqf.long_texts = true;
    long_seqf.type = ReviewType::Guided;
    h.seqf_round = b.round(seqf_team, long_seqf);
    plan(store, h.seqf_round, *b.seqf(), false, 5);

    // Teams with no rounds at all, in both counties, one of them in Arabic.
    for (const auto& [m, name] : std::vector<std::pair<const char*, std::string>>{
             {"0680", "Jönköping Nytt team (inga mätomgångar än)"},
             {"0685", "Vetlanda Ungdomsteam"},
             {"0683", "فريق جديد بدون جولات"},
             {"0780", "Växjö Start " + rocket},
             {"0781", "Ljungby Unga vuxna"}})
        h.teams_without_rounds.push_back(b.team(m, name, Method::SE));

    int k = 0;
    for (const Filler& f : fillers()) {
        const Id t = b.team(f.municipality, f.name, f.method);
        for (int r = 0; r < f.rounds; ++r) {
            const ReviewType type = (k + r) % 3 == 0 ? ReviewType::External
                                    : (k + r) % 3 == 1 ? ReviewType::Guided
                                                       : ReviewType::Self;
            RoundSpec spec = ips(b, date(2026 - f.rounds + r, 3 + k % 8, 3 + k % 20), type, f.mean + 0.2 * r);
            if (k % 3 != 2) spec.figures = figures(spec.on, 12 + 5 * k);
            const Id id = b.round(t, spec);
            if (k % 4 == 0 && r + 1 == f.rounds) plan(store, id, *b.ips(), false, k);
        }
        if (f.seqf) b.round(t, seqf(b, date(2024, 5, 2 + k % 20), f.mean - 0.3));
        ++k;
    }
    h.teams = b.teams();

    // A county part of the second county and a custom grouping across both, with names a
    // legend or a heading must hold.
    store.add_grouping("Värend " + check_mark + " – Växjö, Alvesta, Tingsryd och Uppvidinge", "county-part",
                       {"0780", "0764", "0763", "0760"});
    store.add_grouping("Sunnerbo", "county-part", {"0781", "0765", "0767"});
    store.add_grouping("Samordningsförbundet <Östra> & \"Västra\" " + office_worker + " سمنار", "custom",
                       {"0680", "0683", "0686", "0780"});
    tx.commit();
    return h;
}

HostileCounty create_hostile_database(const std::string& path) {
    HostileCounty h;
    Store::CreateOptions options;
    options.actor = "Fidelis hostile test";
    options.fill = [&](Store& s) { h = build_hostile_county(s); };
    Store::create(path, "06", options);
    return h;
}

}  // namespace fidelis::test
