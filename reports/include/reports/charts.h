#pragma once
// Charts drawn with libharu primitives. Every chart prints its numbers; colours follow the
// scale's fixed levels and band thresholds, never a ranking, and always come with text.
#include "reports/analysis.h"
#include "reports/layout.h"

#include <optional>
#include <string>
#include <vector>

namespace fidelis::reports::charts {

// The colour of a level: red at the bottom of the scale to green at the top.
pdf::Rgb level_colour(const Scale& scale, int level);
// The band's own colour from the scale file, else one by its place among the bands.
pdf::Rgb band_colour(const Scale& scale, const Band& band);
// Text that reads on `fill`: white on dark colours, ink on light ones.
pdf::Rgb text_on(const pdf::Rgb& fill);

// The possible total as a bar of band zones, with this round's total and the previous one.
void band_gauge(pdf::Flow& flow, const Scale& scale, const Score& score, std::optional<double> previous,
                const Translator& t);

struct Bar {
    std::string label;
    std::string group;
    double value = 0;
    bool complete = true;
    const Band* band = nullptr;
};
// Horizontal bars of totals with dashed lines at the band edges, grouped under headings.
void total_bars(pdf::Flow& flow, const Scale& scale, const std::vector<Bar>& bars, const Translator& t);

// One row per item: a filled dot at this round's level, a ring at the previous one.
void dot_profile(pdf::Flow& flow, const Scale& scale, const std::vector<ItemResult>& items, const Translator& t);

// Totals over time against the shaded band zones.
void trend_chart(pdf::Flow& flow, const Scale& scale, const std::vector<TrendPoint>& points, const Translator& t,
                 double height = 190);

// Items down, teams across, the level printed in each cell. Wide grids continue on
// further pages with the item column repeated.
void heatmap(pdf::Flow& flow, const Scale& scale, const std::vector<std::string>& columns,
             const std::vector<std::map<std::string, int>>& levels, const Translator& t);

// The level colours with their numbers and labels.
void level_legend(pdf::Flow& flow, const Scale& scale, const Translator& t);

}  // namespace fidelis::reports::charts
