#pragma once
// Repeats a piece of work and reports the median and best wall time, so one noisy
// run does not decide a number in a closing note.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

namespace fidelis::bench {

struct Timing {
    double median_ms = 0;
    double best_ms = 0;
};

inline Timing measure(int repetitions, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < repetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front()};
}

// Prints "name: median X ms (best Y ms, target Z ms)" and returns whether the median met the target.
inline bool report(const char* name, const Timing& t, double target_ms) {
    std::printf("%s: median %.2f ms (best %.2f ms; target < %.0f ms) %s\n", name, t.median_ms, t.best_ms, target_ms,
                t.median_ms < target_ms ? "OK" : "SLOW");
    return t.median_ms < target_ms;
}

}  // namespace fidelis::bench
