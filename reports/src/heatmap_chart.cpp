// The heatmap and the level legend (charts.h): the county's item-by-team grid, with short
// distinct column labels, a key giving each in full, and a gap between groups.
#include "reports/charts.h"

#include "base/i18n.h"

#include <algorithm>

namespace fidelis::reports::charts {
namespace {

class Heatmap : public Chart {
public:
    Heatmap(const Scale& s, std::vector<HeatColumn> cols, const Translator& t) : scale_(s), cols_(std::move(cols)), t_(t) {}
    static constexpr double cell_h = 13, header_h = 70, group_gap = 5, group_h = 12;

    double min_height() const override { return group_h + header_h + cell_h * double(scale_.items.size()) + 10; }

    struct Layout {
        double label_w, cell_w;
        std::vector<std::size_t> block_starts;  // first column of each block
    };
    Layout layout(Canvas& c, double width) const {
        Layout l;
        double widest = 0;
        for (const Item& item : scale_.items)
            widest = std::max(widest, c.text_width(item.id + "  " + item.name.get(t_.language()), 7));
        // Item names in full where the cells leave room for them (cells of 16 points or more).
        const double cells = double(cols_.size()) * 16 + group_gap * double(groups());
        l.label_w = std::min(widest + 8, std::max(width * 0.3, width - cells));
        const double room = width - l.label_w;
        l.cell_w = std::clamp(room / double(std::max<std::size_t>(1, cols_.size()) ) - group_gap / 2, 13.0, 22.0);
        double used = 0;
        for (std::size_t i = 0; i < cols_.size(); ++i) {
            const double gap = i > 0 && cols_[i].group != cols_[i - 1].group ? group_gap : 0;
            if (i == 0 || used + gap + l.cell_w > room) {
                l.block_starts.push_back(i);
                used = 0;
            } else {
                used += gap;
            }
            used += l.cell_w;
        }
        return l;
    }
    std::size_t groups() const {
        std::size_t n = 0;
        for (std::size_t i = 1; i < cols_.size(); ++i) n += cols_[i].group != cols_[i - 1].group;
        return n;
    }
    bool needs_key() const {
        return std::any_of(cols_.begin(), cols_.end(), [](const HeatColumn& h) { return h.label != h.name; });
    }

    // Parts: one per block of columns, then the key, a line at a time from part `blocks` on,
    // so a long key continues on the next page rather than running over the footer.
    Drawn draw(Canvas& c, double x, double y, double width, std::size_t first, double max_height) const override {
        const Layout l = layout(c, width);
        if (cols_.empty()) return {0, 1, true};
        const std::size_t blocks = l.block_starts.size();
        if (first >= blocks) return draw_key(c, x, y, width, first - blocks, blocks, max_height);
        const std::size_t from = l.block_starts[first];
        const std::size_t to = first + 1 < l.block_starts.size() ? l.block_starts[first + 1] : cols_.size();
        const double start = y;
        // Where each column of this block goes, with a gap where a group ends.
        std::vector<double> xs;
        double cx = x + l.label_w;
        for (std::size_t i = from; i < to; ++i) {
            if (i > from && cols_[i].group != cols_[i - 1].group) cx += group_gap;
            xs.push_back(cx);
            cx += l.cell_w;
        }
        const bool grouped = std::any_of(cols_.begin(), cols_.end(), [](const HeatColumn& h) { return !h.group.empty(); });
        if (grouped) {
            for (std::size_t i = from; i < to;) {
                std::size_t j = i;
                while (j < to && cols_[j].group == cols_[i].group) ++j;
                const double gx = xs[i - from], gw = xs[j - 1 - from] + l.cell_w - gx;
                c.text(gx, y + 8, c.fit(cols_[i].group, gw, 6.5, Weight::Bold), 6.5, Weight::Bold, accent);
                c.line(gx, y + 10, gx + gw, y + 10, accent, 0.6);
                i = j;
            }
            y += group_h;
        }
        for (std::size_t i = from; i < to; ++i)
            c.rotated_text(xs[i - from] + l.cell_w / 2 + 2.5, y + header_h - 4, 90, c.fit(cols_[i].label, header_h - 8, 7), 7,
                           Weight::Regular, ink);
        y += header_h;
        for (const Item& item : scale_.items) {
            c.text(x, y + cell_h - 3.5, c.fit(item.id + "  " + item.name.get(t_.language()), l.label_w - 6, 7), 7);
            for (std::size_t i = from; i < to; ++i) {
                const double px = xs[i - from];
                const auto lv = cols_[i].levels.find(item.id);
                if (lv == cols_[i].levels.end()) {
                    c.rect(px, y, l.cell_w, cell_h, nullptr, &light_grey, 0.5);
                    c.text(px + l.cell_w / 2, y + cell_h - 3.5, "–", 7, Weight::Regular, grey, Align::Centre);
                    continue;
                }
                const Rgb fill = level_colour(scale_, lv->second);
                c.rect(px, y, l.cell_w, cell_h, &fill, &white, 0.8);
                c.text(px + l.cell_w / 2, y + cell_h - 3.5, std::to_string(lv->second), 7.5, Weight::Bold, text_on(fill),
                       Align::Centre);
            }
            y += cell_h;
        }
        y += 8;
        const bool last = first + 1 >= blocks;
        if (last && needs_key()) {
            // The key starts under the grid, and what does not fit continues on the next page.
            const Drawn k = draw_key(c, x, y, width, 0, blocks, max_height - (y - start), true);
            return {y - start + k.height, k.next, k.done};
        }
        return {y - start, first + 1, last};
    }

    Drawn draw_key(Canvas& c, double x, double y, double width, std::size_t line, std::size_t blocks,
                   double max_height, bool may_be_empty = false) const {
        std::string key;
        for (const HeatColumn& h : cols_) key += (key.empty() ? "" : " · ") + h.label + " = " + h.name;
        const auto lines = c.wrap(t_.tr("Columns:") + " " + key, width, 7);
        const double start = y;
        std::size_t i = line;
        for (; i < lines.size(); ++i) {
            if ((i > line || may_be_empty) && y + 9 - start > max_height) break;
            y += 9;
            c.text(x, y, lines[i], 7, Weight::Regular, ink);
        }
        if (i >= lines.size()) y += 6;
        return {y - start, blocks + i, i >= lines.size()};
    }

    std::string title() const override { return t_.tr("Item by team"); }
    std::string description() const override {
        return format(t_.tr("The agreed level of each of {1} items for each of {2} teams."),
                      {std::to_string(scale_.items.size()), std::to_string(cols_.size())});
    }
    // The grid itself, cells coloured as in the drawing and the level written in each.
    block::Table numbers() const override {
        block::Table tb;
        tb.caption = t_.tr("Item by team: the agreed level");
        tb.row_headers = true;
        tb.columns = {{t_.tr("Item"), 0}};
        for (const HeatColumn& h : cols_) tb.columns.push_back({h.name, 0, Align::Centre});
        for (const Item& item : scale_.items) {
            Row r{Cell(item.id + " " + item.name.get(t_.language()))};
            for (const HeatColumn& h : cols_) {
                const auto lv = h.levels.find(item.id);
                r.push_back(lv == h.levels.end() ? Cell("–") : Cell(std::to_string(lv->second), level_colour(scale_, lv->second)));
            }
            tb.rows.push_back(r);
        }
        return tb;
    }
    bool drawn_in_html() const override { return false; }

private:
    const Scale& scale_;
    std::vector<HeatColumn> cols_;
    const Translator& t_;
};

class LevelLegend : public Chart {
public:
    LevelLegend(const Scale& s, const Translator& t) : scale_(s), t_(t) {}
    double min_height() const override { return 18; }

    Drawn draw(Canvas& c, double x, double y, double width, std::size_t, double) const override {
        const double start = y;
        double lx = x;
        c.text(lx, y + 11, t_.tr("Level:"), 7.5, Weight::Bold);
        lx += c.text_width(t_.tr("Level:"), 7.5, Weight::Bold) + 6;
        for (const Level& l : scale_.levels) {
            const std::string label = l.label.get(t_.language());
            const double w = 24 + c.text_width(label, 7);
            if (lx + w > x + width && lx > x + 60) {  // wrap rather than drop a level
                lx = x + c.text_width(t_.tr("Level:"), 7.5, Weight::Bold) + 6;
                y += 16;
            }
            const Rgb fill = level_colour(scale_, l.value);
            c.rect(lx, y + 2, 14, 12, &fill);
            c.text(lx + 7, y + 11, std::to_string(l.value), 7.5, Weight::Bold, text_on(fill), Align::Centre);
            c.text(lx + 17, y + 11, label, 7);
            lx += w;
        }
        return {y - start + 20, 1, true};
    }
    std::string title() const override { return t_.tr("Level colours"); }
    std::string description() const override { return t_.tr("The colour of each level, with its number and name."); }
    block::Table numbers() const override {
        block::Table tb;
        tb.caption = t_.tr("Level colours");
        tb.columns = {{t_.tr("Level"), 50, Align::Centre}, {t_.tr("Name"), 0}};
        for (const Level& l : scale_.levels)
            tb.rows.push_back({Cell(std::to_string(l.value), level_colour(scale_, l.value)), Cell(l.label.get(t_.language()))});
        return tb;
    }

private:
    const Scale& scale_;
    const Translator& t_;
};

}  // namespace

ChartPtr heatmap(const Scale& scale, const std::vector<HeatColumn>& columns, const Translator& t) {
    return std::make_shared<Heatmap>(scale, columns, t);
}
ChartPtr level_legend(const Scale& scale, const Translator& t) { return std::make_shared<LevelLegend>(scale, t); }

}  // namespace fidelis::reports::charts
