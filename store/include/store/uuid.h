#pragma once
// Stable identities for rounds, teams, goals and actions, so exchange files from many
// computers merge without collisions.
#include <cstdint>
#include <string>

namespace fidelis {

std::string random_uuid();  // RFC 4122 version 4

// The same sequence of version-4-shaped UUIDs for the same seed: deterministic demo data.
class UuidSequence {
public:
    explicit UuidSequence(std::uint64_t seed) : state_(seed) {}
    std::string next();

private:
    std::uint64_t state_;
};

}  // namespace fidelis
