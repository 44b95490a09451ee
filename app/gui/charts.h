#pragma once
// The window's charts, drawn with wxDC in the same fixed colours as the PDF reports. Each
// writes its numbers; none says anything by colour alone.
#include "scales/scoring.h"

#include <wx/panel.h>

#include <optional>
#include <string>
#include <vector>

namespace fidelis::gui {

// The possible total as band zones, with the total (and the previous one) marked.
class GaugeChart : public wxPanel {
public:
    explicit GaugeChart(wxWindow* parent);
    void set(ScalePtr scale, const Score& score, std::optional<double> previous);

private:
    void paint(wxPaintEvent&);
    ScalePtr scale_;
    Score score_;
    std::optional<double> previous_;
};

// One row per item: a filled dot now, a ring for the previous round, the numbers at right.
class ProfileChart : public wxPanel {
public:
    struct Row {
        std::string label;
        std::optional<int> level;
        std::optional<int> previous;
    };
    explicit ProfileChart(wxWindow* parent);
    void set(ScalePtr scale, std::vector<Row> rows);

private:
    void paint(wxPaintEvent&);
    ScalePtr scale_;
    std::vector<Row> rows_;
};

// Small trend of totals, with the numbers written.
class Sparkline : public wxPanel {
public:
    explicit Sparkline(wxWindow* parent);
    void set(ScalePtr scale, std::vector<std::pair<std::string, std::optional<double>>> points);

private:
    void paint(wxPaintEvent&);
    ScalePtr scale_;
    std::vector<std::pair<std::string, std::optional<double>>> points_;
};

// Totals per team as bars, dashed lines at the band edges, total and band written.
class BarsChart : public wxPanel {
public:
    struct Bar {
        std::string label;
        double total = 0;
        bool complete = true;
        const Band* band = nullptr;
    };
    explicit BarsChart(wxWindow* parent);
    void set(ScalePtr scale, std::vector<Bar> bars);

private:
    void paint(wxPaintEvent&);
    ScalePtr scale_;
    std::vector<Bar> bars_;
};

}  // namespace fidelis::gui
