#pragma once
// Demo and synthetic data, deterministic from a seed.
#include "base/progress.h"
#include "store/store.h"

#include <cstdint>
#include <string>

namespace fidelis {

// Jönköping county as a network leader would know it: an SE team in most of the 13
// municipalities and IPS teams in a few (at least one team everywhere), IPS-25 rounds
// from 2017 to 2025 where some teams improve, some stall and some slip back, SEQF
// self-assessments, external reviews with two raters and consensus, Swedish notes, team
// figures by gender, and plans with actions done, ongoing and overdue.
Store create_demo(const std::string& path, std::uint64_t seed = 2017, const Progress& progress = {});

// A national-size database for benchmarks: `teams` teams spread over all 290
// municipalities, each with `rounds` yearly IPS-25 rounds rated by two raters plus consensus.
Store create_synthetic(const std::string& path, std::uint64_t seed, int teams, int rounds,
                       const Progress& progress = {});

}  // namespace fidelis
