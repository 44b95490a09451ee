#pragma once
// The demo county's quarterly outcomes: believable employment rates that follow each
// team's fidelity, women and men apart.
#include "store/store.h"

#include <cstdint>
#include <functional>

namespace fidelis::demo {

// One row per quarter from `first` to `last` for the team, from its own generator (seeded
// from `seed` and the team), so the rounds' random draws stay as they were. `fidelity`
// gives the team's IPS-25 total on a date.
void add_outcomes(Store& store, Id team, int specialists, Quarter first, Quarter last, std::uint64_t seed,
                  const std::function<double(const Date&)>& fidelity);

}  // namespace fidelis::demo
