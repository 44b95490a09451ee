// Fuzz target for the scale loader: fidelis::parse_scale on any bytes. A definition may be
// refused, with diagnostics; it may not crash, hang, leak or throw. What the loader
// accepts must keep the promises scales/README.md makes, because rounds, reports and
// exchange files rely on them:
//   - it is refused exactly when there are problems, and every problem has a place;
//   - the stored snapshot (scale->xml) loads again to the same scale and content hash;
//   - every item has an anchor text for every level;
//   - checklist counts cover 0 … the number of components;
//   - when bands exist, every possible total falls in a band.
#include "harness.h"
#include "xml_mutator.h"

#include "scales/scale_loader.h"
#include "scales/scoring.h"
#include "base/sha256.h"

#include <cmath>
#include <cstdint>

namespace {

using namespace fidelis;
using fidelis::fuzz::finding;

void check_problems(const ScaleLoadResult& r) {
    if (r.ok() != r.problems.empty())
        finding("parse_scale: ok() is %d but there are %zu problems", int(r.ok()), r.problems.size());
    for (const Diagnostic& d : r.problems) {
        if (d.line < 1 || d.column < 1 || d.message.empty())
            finding("parse_scale: a diagnostic without a place or message: %s", d.to_string().c_str());
    }
}

void check_bands(const Scale& s) {
    if (!s.has_bands() || s.items.empty() || s.levels.empty()) return;
    const long long n = static_cast<long long>(s.items.size());
    const long long lo = s.min_level(), hi = s.max_level();
    // Every possible total: a sum of n levels, or a mean k/n. Bounded so one input stays fast.
    const long long first = n * lo, last = n * hi;
    if (last - first > 20000) return;
    for (long long k = first; k <= last; ++k) {
        const double total = s.scoring.mode == TotalMode::Sum ? double(k) : double(k) / double(n);
        if (!s.band_for(total))
            finding("parse_scale accepted a scale whose total %.6g (of %.6g … %.6g) falls in no band", total,
                    s.min_total(), s.max_total());
    }
}

void check_accepted(const Scale& s, std::string_view raw) {
    if (s.content_hash != sha256_hex(normalise_definition_text(raw)))
        finding("parse_scale: content_hash is not the hash of the normalised text");
    if (s.levels.size() < 2) finding("parse_scale accepted a rating scale with %zu levels", s.levels.size());
    for (const Item& item : s.items) {
        for (const Level& level : s.levels) {
            if (!s.anchor_text(item, level.value))
                finding("parse_scale accepted item %s without an anchor for level %d", item.id.c_str(), level.value);
        }
        if (item.checklist) {
            const int components = static_cast<int>(item.checklist->components.size());
            for (int c = 0; c <= components; ++c) {
                if (!level_for_count(*item.checklist, c))
                    finding("parse_scale accepted checklist %s where %d of %d components give no level",
                            item.id.c_str(), c, components);
            }
        }
    }
    check_bands(s);

    // The snapshot a round stores must load again as the same scale.
    const ScaleLoadResult again = parse_scale(s.xml, "snapshot");
    check_problems(again);
    if (!again.ok())
        finding("the snapshot of an accepted scale is refused: %s", to_string(again.problems).c_str());
    const Scale& t = *again.scale;
    if (t.id != s.id || t.edition != s.edition || t.items.size() != s.items.size() || t.levels.size() != s.levels.size())
        finding("the snapshot of scale %s loads as a different scale", s.id.c_str());
    if (t.content_hash != s.content_hash)
        finding("the snapshot of scale %s has another content hash when loaded again (%s, then %s)", s.id.c_str(),
                s.content_hash.c_str(), t.content_hash.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fidelis::fuzz::text_of(data, size);
    ScaleLoadResult result;
    fidelis::fuzz::refused([&] { result = parse_scale(text, "fuzz.xml"); }, nullptr, "parse_scale");
    check_problems(result);
    if (result.ok()) check_accepted(*result.scale, text);
    return 0;
}

#ifdef FIDELIS_LIBFUZZER
// Mutates the definition's structure and values as well as its bytes (xml_mutator.h).
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned seed) {
    return fidelis::fuzz::mutate_xml(data, size, max_size, seed, nullptr, nullptr);
}
#endif
