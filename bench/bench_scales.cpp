// Loading and validating every shipped scale, as the app does at start-up.
// Target (issue 2): under 10 ms.
#include "scales/scale_library.h"
#include "base/paths.h"
#include "timing.h"

#include <cstdio>

int main() {
    using namespace fidelis;
    const std::vector<ScaleFolder> builtin = {{paths::builtin_scales_dir(), ScaleOrigin::BuiltIn}};
    std::size_t items = 0;
    const auto t = bench::measure(200, [&] {
        const ScaleLibrary lib = ScaleLibrary::discover(builtin);
        items = 0;
        for (const auto& e : lib.entries()) items += e.scale->items.size();
    });
    std::printf("shipped scales: %zu items in total\n", items);
    return bench::report("load and validate all shipped scales", t, 10.0) ? 0 : 1;
}
