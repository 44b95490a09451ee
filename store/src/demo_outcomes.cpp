// Demo outcomes (demo_outcomes.h). Higher fidelity predicts more people in work: the rate
// moves from about 25 % at an IPS-25 total of 65 to about 50 % at 115, with a quarter's
// noise, and women's and men's rates apart by a few points either way.
#include "demo_outcomes.h"

#include "demo_rng.h"

#include <algorithm>
#include <cmath>

namespace fidelis::demo {

void add_outcomes(Store& store, Id team, int specialists, Quarter first, Quarter last, std::uint64_t seed,
                  const std::function<double(const Date&)>& fidelity) {
    Rng rng(seed ^ (0x0C7C0E5ULL * std::uint64_t(team)));
    const double gap = rng.around(0, 5);  // the team's lasting difference between men and women
    for (Quarter q = first; !(last < q); q = q.next()) {
        const Date middle = q.first_day().add_days(45);
        const double rate = std::clamp(25 + (fidelity(middle) - 65) * 0.5 + rng.around(0, 4), 18.0, 58.0) / 100;
        TeamOutcome o;
        o.team_id = team;
        o.quarter = q;
        const int served = int(std::lround(specialists * rng.around(19, 3)));
        const int women = int(std::lround(served * rng.around(0.52, 0.06)));
        const int other = rng.chance(0.3) ? 1 : 0;
        const int men = std::max(0, served - women - other);
        auto share = [&](int of, double r) { return std::clamp(int(std::lround(of * r)), 0, of); };
        const int working_women = share(women, rate - gap / 200 + rng.around(0, 0.03));
        const int working_men = share(men, rate + gap / 200 + rng.around(0, 0.03));
        const int working_other = other && rng.chance(rate) ? 1 : 0;
        o.served = GenderCount{women, men, other};
        o.working = GenderCount{working_women, working_men, working_other};
        // Some of those not in work study; nobody is counted twice here.
        o.studying = GenderCount{share(women - working_women, rng.around(0.1, 0.06)),
                                 share(men - working_men, rng.around(0.08, 0.05)), 0};
        o.referrals = rng.between(3, 4 + 2 * specialists);
        o.job_starts = std::min(o.working.total(), rng.between(1, 2 + specialists));
        store.set_clock([d = q.last_day().add_days(20)] { return d.iso() + "T12:00:00Z"; });
        store.set_outcome(o);
    }
}

}  // namespace fidelis::demo
