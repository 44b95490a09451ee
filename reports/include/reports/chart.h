#pragma once
// A chart in a report document: data that draws itself on a canvas (a PDF page or an
// SVG), a text alternative, and its numbers as a table, so no one needs to see the
// colours or the shapes to read it. A chart taller than a page is drawn in parts (rows,
// or blocks of columns), each with its own header and axis.
#include "reports/document.h"

#include <cstddef>
#include <limits>
#include <string>

namespace fidelis::reports {

class Chart {
public:
    virtual ~Chart() = default;

    struct Drawn {
        double height = 0;      // points used
        std::size_t next = 0;   // the part to continue from
        bool done = true;       // false: more parts follow
    };
    // Draws from part `first` as much as fits in `max_height` points (at least one part,
    // whatever the room), at (x, y) and `width` wide.
    virtual Drawn draw(Canvas& canvas, double x, double y, double width, std::size_t first,
                       double max_height = std::numeric_limits<double>::infinity()) const = 0;
    // The room the first part needs: a renderer starts a new page when less is left.
    virtual double min_height() const = 0;

    // The text alternative: a short name (SVG <title>) and a sentence or two on what the
    // chart shows and what it means (SVG <desc>).
    virtual std::string title() const = 0;
    virtual std::string description() const = 0;
    // The numbers the chart draws, as a table with header cells; no columns: none.
    virtual block::Table numbers() const = 0;
    // The HTML shows the drawing as well as the numbers; false where the table says it
    // all in the same colours (the heatmap).
    virtual bool drawn_in_html() const { return true; }
};

}  // namespace fidelis::reports
