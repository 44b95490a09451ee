#pragma once
// A time-proportional x axis, shared by the trend chart and the employment chart drawn
// under it, so a round and the quarter it falls in stand one above the other.
#include "base/date.h"

namespace fidelis::reports::charts {

struct TimeAxis {
    long first = 0, last = 0;  // days since 1970 at the two ends
    double x0 = 0, w = 0;      // the plot's left edge and width, in points

    // Room to the left for the value axis and to the right for the zone or benchmark names.
    static constexpr double axis_width = 30, names_width = 100, inset = 12;
    static TimeAxis across(double x, double width, const Date& first, const Date& last) {
        return TimeAxis{first.days(), last.days(), x + axis_width, width - axis_width - names_width};
    }
    double x(const Date& d) const {
        return last == first ? x0 + w / 2 : x0 + inset + double(d.days() - first) * (w - 2 * inset) / double(last - first);
    }
};

}  // namespace fidelis::reports::charts
