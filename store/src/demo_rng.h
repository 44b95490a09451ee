#pragma once
// A small deterministic generator (splitmix64). The standard distributions differ between
// standard libraries, so the demo draws its numbers here to stay identical everywhere.
#include <cstdint>
#include <vector>

namespace fidelis::demo {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double real() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    int between(int lo, int hi) { return lo + int(next() % std::uint64_t(hi - lo + 1)); }  // inclusive
    bool chance(double p) { return real() < p; }
    double around(double centre, double spread) { return centre + (real() * 2 - 1) * spread; }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }

private:
    std::uint64_t state_;
};

}  // namespace fidelis::demo
