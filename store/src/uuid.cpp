#include "store/uuid.h"

#include <mutex>
#include <random>

namespace fidelis {
namespace {

std::string format_uuid(std::uint64_t hi, std::uint64_t lo) {
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
        const std::uint64_t word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        out += hex[(word >> shift) & 0xF];
    }
    return out;
}

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace

std::string random_uuid() {
    static std::mutex mutex;
    static std::mt19937_64 engine{[] {
        std::random_device rd;
        return (std::uint64_t(rd()) << 32) ^ rd();
    }()};
    std::lock_guard<std::mutex> lock(mutex);
    const std::uint64_t hi = engine();
    const std::uint64_t lo = engine();
    return format_uuid(hi, lo);
}

std::string UuidSequence::next() {
    const std::uint64_t hi = splitmix(state_);
    const std::uint64_t lo = splitmix(state_);
    return format_uuid(hi, lo);
}

}  // namespace fidelis
