// The demo county and the national-size synthetic database.
#include "store/demo.h"

#include "demo_outcomes.h"
#include "demo_ratings.h"
#include "base/i18n.h"
#include "scales/scale_library.h"
#include "base/paths.h"
#include "scales/scoring.h"
#include "store/uuid.h"

#include <algorithm>
#include <map>
#include <cmath>

namespace fidelis {
namespace {

using demo::Rng;

enum class Path { Improve, Stall, Slip, Steady, Ips };

// The team's IPS-25 total `years` after autumn 2017: the story a network leader would see.
double path_total(Path p, double years) {
    switch (p) {
    case Path::Improve: return std::min(118.0, 66 + 5.2 * years);
    case Path::Stall: return 84 + 2 * std::sin(years);
    case Path::Slip: return years < 3.5 ? 76 + 7 * years : 100.5 - 4.5 * (years - 3.5);
    case Path::Steady: return std::min(116.0, 97 + 2 * years);
    case Path::Ips: return std::min(117.0, 80 + 6 * years);
    }
    return 85;
}

struct TeamSpec {
    const char* municipality;
    const char* name;
    Method method;
    Path path;
};

const std::vector<TeamSpec>& jonkoping_teams() {
    static const std::vector<TeamSpec> teams = {
        {"0604", "Aneby Arbete och stöd", Method::SE, Path::Stall},
        {"0617", "Gnosjö Jobbstöd", Method::SE, Path::Improve},
        {"0642", "Mullsjö Arbetsmarknadsenhet", Method::SE, Path::Slip},
        {"0643", "Habo Jobbcenter", Method::SE, Path::Steady},
        {"0662", "Gislaved Supported Employment", Method::SE, Path::Improve},
        {"0665", "Vaggeryd Arbetsliv", Method::SE, Path::Stall},
        {"0680", "Jönköping Jobbcenter Öster", Method::SE, Path::Steady},
        {"0680", "IPS-teamet Jönköping", Method::IPS, Path::Ips},
        {"0682", "IPS Höglandet Nässjö", Method::IPS, Path::Ips},
        {"0683", "Värnamo Arbetsmarknad", Method::SE, Path::Slip},
        {"0683", "IPS Värnamo", Method::IPS, Path::Improve},
        {"0684", "Sävsjö Jobbstöd", Method::SE, Path::Improve},
        {"0685", "Vetlanda Stegvis", Method::SE, Path::Stall},
        {"0686", "Eksjö Arbetsstöd", Method::SE, Path::Slip},
        {"0687", "Tranås Jobbcenter", Method::SE, Path::Steady},
    };
    return teams;
}

const std::vector<std::string> first_names = {"Anna", "Maria", "Karin", "Eva", "Lena", "Sara", "Emma", "Johan",
                                              "Erik", "Lars", "Anders", "Mikael", "Fredrik", "Omar", "Amira",
                                              "Leila", "Nils", "Ida", "Linnea", "Hanna", "Åsa", "Örjan"};
const std::vector<std::string> surnames = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
                                           "Persson", "Svensson", "Gustafsson", "Lindqvist", "Holm", "Ek",
                                           "Berg", "Åberg", "Öberg", "Haddad", "Lund", "Sjöberg"};

std::string person(Rng& rng) { return rng.pick(first_names) + " " + rng.pick(surnames); }

// "Ekonomisk vägledning" inside a sentence reads "ekonomisk vägledning".
std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
    else if (s.rfind("Å", 0) == 0) s.replace(0, 2, "å");
    else if (s.rfind("Ä", 0) == 0) s.replace(0, 2, "ä");
    else if (s.rfind("Ö", 0) == 0) s.replace(0, 2, "ö");
    return s;
}

struct Scheduled {
    Date date;
    ScalePtr scale;
    ReviewType type;
};

struct TeamPeople {
    std::string leader, specialist, manager;
};

ScalePtr builtin(const char* id) {
    const ScaleLibrary lib = ScaleLibrary::discover({{paths::builtin_scales_dir(), ScaleOrigin::BuiltIn}});
    const ScaleEntry* e = lib.find(id);
    if (!e) throw Error(format(tr(N_("The built-in scale {1} is missing; reinstall Fidelis.")), {id}));
    return e->scale;
}

class Generator {
public:
    Generator(Store& store, std::uint64_t seed) : store_(store), rng_(seed), uuids_(seed ^ 0x5EEDULL) {
        store_.set_uuid_source([this] { return uuids_.next(); });
    }

    // One round with ratings, consensus, feedback, figures and a plan.
    // `rated`: how many items have ratings yet (a round in progress); -1 for all.
    void add_round(const Team& team, const TeamPeople& people, const std::vector<double>& profile, double total_wish,
                   const Scheduled& s, RoundStatus status, int specialists, std::vector<PlanAction>& carried,
                   int rated = -1) {
        const Scale& scale = *s.scale;
        const int lo = scale.min_level(), hi = scale.max_level();
        const int n = int(scale.items.size());
        // IPS-25 totals map straight; other scales follow the same story on their own range.
        const double share = (total_wish - 25) / 100.0;
        const int total = int(std::lround(n * (lo + share * (hi - lo))));
        std::vector<double> offsets(profile.begin(), profile.begin() + std::min<long>(n, long(profile.size())));
        offsets.resize(std::size_t(n), 0.0);
        const std::vector<int> agreed = demo::levels_for_total(offsets, total, lo, hi);

        RoundRecord rec;
        rec.team = team;
        rec.scale = s.scale;
        Round& r = rec.round;
        r.uuid = uuids_.next();
        r.scale_hash = scale.content_hash;
        r.assessed_on = s.date;
        r.period_from = s.date.add_months(-12).add_days(1);
        r.period_to = s.date;
        r.review_type = s.type;
        r.status = status;
        if (s.type == ReviewType::External) {
            r.raters = {Rater{0, 1, "Karin Lindqvist", "Processledare, Kommunal utveckling"},
                        Rater{0, 2, "Mikael Sjöberg", "Utvecklingsledare, Kommunal utveckling"}};
        } else if (s.type == ReviewType::Guided) {
            r.raters = {Rater{0, 1, people.leader, "Teamledare"},
                        Rater{0, 2, "Karin Lindqvist", "Processledare, Kommunal utveckling"}};
        } else {
            r.raters = {Rater{0, 1, people.leader, "Teamledare"}, Rater{0, 2, people.specialist, "Arbetsspecialist"}};
        }

        std::vector<std::pair<int, int>> by_level;  // level, item index
        for (int i = 0; i < (rated < 0 ? n : std::min(rated, n)); ++i) {
            const Item& item = scale.items[std::size_t(i)];
            ItemRating consensus = demo::inputs_for(rng_, scale, item, agreed[std::size_t(i)], specialists);
            const int level = consensus.level.value_or(agreed[std::size_t(i)]);
            by_level.emplace_back(level * 10 - item.weight, i);
            bool disagreed = false;
            for (const Rater& rater : r.raters) {
                const int own = demo::rater_level(rng_, level, lo, hi);
                disagreed = disagreed || own != level;
                Rating x;
                x.item_id = item.id;
                x.rater_id = rater.position;
                x.input = demo::inputs_for(rng_, scale, item, own, specialists);
                if (rng_.chance(0.6)) x.evidence = demo::evidence_for(rng_, item);
                if (rng_.chance(0.4)) x.note = demo::note_for(rng_, own, hi);
                rec.ratings.push_back(std::move(x));
            }
            Rating c;
            c.item_id = item.id;
            c.rater_id = consensus_rater;
            c.input = consensus;
            c.evidence = demo::evidence_for(rng_, item);
            c.note = demo::note_for(rng_, level, hi);
            if (disagreed) c.rationale = demo::rationale_for(rng_);
            rec.ratings.push_back(std::move(c));
        }
        std::sort(by_level.begin(), by_level.end());
        if (by_level.size() < 5) {  // too little rated yet for a summary or a plan
            store_.set_clock([d = s.date] { return d.iso() + "T12:00:00Z"; });
            store_.insert_record(rec);
            return;
        }
        const std::string& lang = "sv";
        auto item_name = [&](int index) { return scale.items[std::size_t(index)].name.get(lang); };
        const int a = by_level[0].second, b = by_level[1].second, c = by_level[2].second;
        const int x = by_level[by_level.size() - 1].second, y = by_level[by_level.size() - 2].second;
        r.strengths = "Starka områden: " + lower_first(item_name(x)) + " och " + lower_first(item_name(y)) + ".";
        r.recommendations = "Prioritera " + lower_first(item_name(a)) + ", " + lower_first(item_name(b)) + " och " +
                            lower_first(item_name(c)) + ".";
        for (int index : {x, y})
            rec.feedback.push_back(ItemFeedback{scale.items[std::size_t(index)].id,
                                                "Väl etablerat arbetssätt som hela teamet använder.", ""});
        for (int index : {a, b, c})
            rec.feedback.push_back(ItemFeedback{scale.items[std::size_t(index)].id, "",
                                                "Ta fram en skriftlig rutin och följ upp den på teamträffarna."});

        rec.figures = figures(specialists, s.date);
        if (status != RoundStatus::Draft) rec.plan = plan(scale, agreed, {a, b, c}, people, s.date, carried);
        store_.set_clock([d = s.date] { return d.iso() + "T12:00:00Z"; });
        store_.insert_record(rec);
    }

private:
    TeamFigures figures(int specialists, const Date& date) {
        TeamFigures f;
        f.period_from = date.add_months(-12).add_days(1);
        f.period_to = date;
        f.specialists = specialists - (rng_.chance(0.4) ? 0.5 : 0.0);
        const int caseload = int(std::lround(*f.specialists * rng_.between(16, 28)));
        f.caseload = caseload;
        const int women = int(std::lround(caseload * rng_.around(0.52, 0.08)));
        const int other = rng_.between(0, 2);
        f.participants = GenderCount{women, caseload - women - other, other};
        const double work = rng_.around(0.38, 0.1);
        f.competitive_work = GenderCount{int(std::lround(women * work)),
                                         int(std::lround((caseload - women - other) * (work - 0.03))), other > 1 ? 1 : 0};
        f.studies = GenderCount{int(std::lround(women * 0.08)), int(std::lround((caseload - women) * 0.05)), 0};
        return f;
    }

    ImprovementPlan plan(const Scale& scale, const std::vector<int>& levels, const std::vector<int>& weakest,
                         const TeamPeople& people, const Date& date, std::vector<PlanAction>& carried) {
        static const std::vector<std::string> what = {
            "Ta fram en skriftlig rutin för {1}.",
            "Gå igenom {1} på arbetsplatsträff och enas om arbetssätt.",
            "Boka handledning med länets IPS-stöd om {1}.",
            "Följ upp {1} vid varje ärendedragning under en månad.",
        };
        static const std::vector<std::string> resources = {"2 timmar per vecka", "Stöd från Kommunal utveckling",
                                                           "Inom befintlig budget", "Halvdag på planeringsdagen"};
        const bool latest = date.year >= 2025;
        ImprovementPlan p;
        p.uuid = uuids_.next();
        p.period_from = date;
        p.period_to = date.add_months(12);
        p.manager = people.manager;
        p.next_follow_up = date.add_months(6);
        for (const PlanAction& old : carried) {
            PlanAction a = old;
            a.uuid = uuids_.next();
            a.carried_from = old.uuid;
            a.status = latest ? ActionStatus::Ongoing : ActionStatus::Done;
            a.start = date;
            a.due = date.add_months(3);
            a.comment = "Överförd från förra planen.";
            p.actions.push_back(a);
        }
        carried.clear();
        for (int index : weakest) {
            const Item& item = scale.items[std::size_t(index)];
            const int current = levels[std::size_t(index)];
            PlanGoal g;
            g.uuid = uuids_.next();
            g.item_id = item.id;
            g.current_level = current;
            g.target_level = std::min(scale.max_level(), current + (current <= 2 ? 2 : 1));
            g.target_date = date.add_months(12);
            g.description = "Nå nivå " + std::to_string(*g.target_level) + " för " + lower_first(item.name.get("sv")) + ".";
            p.goals.push_back(g);
            for (int k = 0; k < 2; ++k) {
                PlanAction a;
                a.uuid = uuids_.next();
                a.item_id = item.id;
                std::string text = rng_.pick(what);
                text.replace(text.find("{1}"), 3, lower_first(item.name.get("sv")));
                a.what = text;
                a.responsible = k == 0 ? people.leader : people.specialist;
                a.resources = rng_.pick(resources);
                a.start = date.add_days(14 + 7 * k);
                a.due = date.add_months(rng_.between(2, 9));
                a.follow_up = "Avstämning på teamträff var sjätte vecka";
                const double roll = rng_.real();
                if (latest) {
                    a.status = roll < 0.3 ? ActionStatus::Done : roll < 0.7 ? ActionStatus::Ongoing : ActionStatus::Planned;
                } else {
                    a.status = roll < 0.78 ? ActionStatus::Done : roll < 0.88 ? ActionStatus::Cancelled : ActionStatus::Ongoing;
                }
                if (a.status == ActionStatus::Cancelled) a.comment = "Ersattes av länets gemensamma utbildning.";
                if (!latest && a.status == ActionStatus::Ongoing) carried.push_back(a);
                p.actions.push_back(a);
            }
        }
        return p;
    }

    Store& store_;
    Rng rng_;
    UuidSequence uuids_;

public:
    Rng& rng() { return rng_; }
};

std::vector<double> team_profile(Rng& rng, const Scale& ips, const Scale* seqf) {
    // Some items are hard everywhere (work incentives planning, collaboration with
    // Arbetsförmedlingen), some easy (competitive jobs); each team adds its own strengths.
    std::vector<double> p;
    for (const Item& item : ips.items) {
        double common = 0;
        if (item.id == "V1" || item.id == "O3" || item.id == "O8") common = -1.0;
        if (item.id == "V10" || item.id == "O6" || item.id == "V5") common = 0.8;
        p.push_back(common + rng.around(0, 1.1));
    }
    if (seqf)
        for (std::size_t i = ips.items.size(); i < seqf->items.size(); ++i) p.push_back(rng.around(0, 0.8));
    return p;
}

// The database is built at a temporary path and only appears under its name when it is
// complete (Store::create); the store handed back has real ids and times again.
Store build(const std::string& path, const char* actor, const std::function<void(Store&)>& fill,
            const Progress& progress) {
    Store::CreateOptions options;
    options.actor = actor;
    options.fill = fill;
    Store store = Store::create(path, "06", options);
    report_progress(progress, 1.0);
    return store;
}

}  // namespace

Store create_demo(const std::string& path, std::uint64_t seed, const Progress& progress) {
    const ScalePtr ips = builtin("ips-25");
    const ScalePtr seqf = builtin("seqf-se");
    return build(path, "Fidelis demo", [&](Store& store) {
        Generator gen(store, seed);
        Rng& rng = gen.rng();
        Transaction tx = store.begin();
        const auto& specs = jonkoping_teams();
        for (std::size_t t = 0; t < specs.size(); ++t) {
            report_progress(progress, double(t) / double(specs.size()));
            const TeamSpec& spec = specs[t];
            const Id team_id = store.add_team(spec.municipality, spec.name, spec.method);
            const Team team = store.team(team_id);
            const TeamPeople people{person(rng), person(rng), person(rng)};
            const std::vector<double> profile = team_profile(rng, *ips, seqf.get());
            const int specialists = rng.between(2, spec.method == Method::IPS ? 5 : 4);

            std::vector<Scheduled> schedule;
            // The county's joint measurements, every autumn 2017–2021.
            for (int year = 2017; year <= 2021; ++year)
                schedule.push_back({Date{year, 10, 1}.add_days(rng.between(0, 50)), ips, ReviewType::External});
            if (spec.method == Method::IPS) {
                // Every six months until good fidelity, then yearly.
                for (int year = 2022; year <= 2025; ++year) {
                    const bool good = path_total(spec.path, year - 2017.0) >= 100;
                    if (!good) schedule.push_back({Date{year, 3, 10}.add_days(rng.between(0, 30)), ips, ReviewType::External});
                    schedule.push_back({Date{year, 9, 10}.add_days(rng.between(0, 30)), ips, ReviewType::External});
                }
            } else {
                schedule.push_back({Date{2022, 4, 5}.add_days(rng.between(0, 30)), seqf, ReviewType::Self});
                schedule.push_back({Date{2023, 10, 2}.add_days(rng.between(0, 40)), ips, ReviewType::Guided});
                schedule.push_back({Date{2024, 4, 8}.add_days(rng.between(0, 30)), seqf, ReviewType::Self});
                schedule.push_back({Date{2025, 10, 6}.add_days(rng.between(0, 40)), ips, ReviewType::Guided});
            }
            std::sort(schedule.begin(), schedule.end(), [](const Scheduled& a, const Scheduled& b) { return a.date < b.date; });

            // Unfinished actions continue in the next plan of the same scale.
            std::map<ScalePtr, std::vector<PlanAction>> carried;
            auto wish_at = [&](const Date& d) {
                return path_total(spec.path, (d.days() - Date{2017, 10, 15}.days()) / 365.25) + rng.around(0, 3);
            };
            for (const Scheduled& s : schedule)
                gen.add_round(team, people, profile, wish_at(s.date), s, RoundStatus::Completed, specialists, carried[s.scale]);
            // This autumn's rounds are still open, as in any real county: one awaiting
            // completion after consensus, one half rated.
            if (std::string(spec.name) == "IPS Värnamo") {
                const Scheduled s{Date{2026, 9, 21}, ips, ReviewType::External};
                gen.add_round(team, people, profile, wish_at(s.date), s, RoundStatus::Consensus, specialists, carried[s.scale]);
            }
            if (std::string(spec.name) == "Habo Jobbcenter") {
                const Scheduled s{Date{2026, 10, 14}, ips, ReviewType::Guided};
                gen.add_round(team, people, profile, wish_at(s.date), s, RoundStatus::Draft, specialists, carried[s.scale], 12);
            }
            // A quarter's outcomes for every quarter the rounds span, up to the last round.
            const Date last_round = store.rounds_of_team(team_id).back().assessed_on;
            demo::add_outcomes(store, team_id, specialists, Quarter::of(schedule.front().date), Quarter::of(last_round),
                               seed, [&](const Date& d) {
                                   return path_total(spec.path, (d.days() - Date{2017, 10, 15}.days()) / 365.25);
                               });
        }
        tx.commit();
    }, progress);
}

Store create_synthetic(const std::string& path, std::uint64_t seed, int teams, int rounds, const Progress& progress) {
    const ScalePtr ips = builtin("ips-25");
    return build(path, "Fidelis benchmark", [&](Store& store) {
        Generator gen(store, seed);
        Rng& rng = gen.rng();
        const std::vector<Municipality> municipalities = store.municipalities("");
        Transaction tx = store.begin();
        for (int t = 0; t < teams; ++t) {
            report_progress(progress, double(t) / teams);
            const Municipality& m = municipalities[std::size_t(t) % municipalities.size()];
            const Method method = t % 4 == 3 ? Method::IPS : Method::SE;
            const Id team_id = store.add_team(m.code, m.name + (method == Method::IPS ? " IPS " : " SE ") + std::to_string(t),
                                              method);
            const Team team = store.team(team_id);
            const TeamPeople people{person(rng), person(rng), person(rng)};
            const std::vector<double> profile = team_profile(rng, *ips, nullptr);
            const Path path = static_cast<Path>(t % 5);
            std::vector<PlanAction> carried;
            for (int r = 0; r < rounds; ++r) {
                const Scheduled s{Date{2016 + r, 10, 1}.add_days(rng.between(0, 60)), ips, ReviewType::External};
                gen.add_round(team, people, profile, path_total(path, r) + rng.around(0, 3), s, RoundStatus::Completed, 3,
                              carried);
            }
        }
        tx.commit();
    }, progress);
}

}  // namespace fidelis
