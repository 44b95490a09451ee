#include "charts.h"

#include "base/i18n.h"
#include "ui.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>

namespace fidelis::gui {
namespace {

const wxColour ink(0x1f, 0x29, 0x37);
const wxColour muted(0x6b, 0x72, 0x80);

void prepare(wxPanel* p) {
    p->SetBackgroundStyle(wxBG_STYLE_PAINT);
    p->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
}

// Writes `text` centred on x, shortened until it fits `width`. With `within` (the chart's
// width), a label at either end is moved inwards rather than cut by the edge.
void centred(wxDC& dc, const wxString& text, int x, int y, int width, bool may_wrap = false, int within = 0) {
    wxString t = text;
    // A band's name ("Exemplary fidelity") is worth a second line rather than an ellipsis.
    if (may_wrap && dc.GetTextExtent(t).x > width) {
        const int space = t.Find(' ', true);
        if (space != wxNOT_FOUND && dc.GetTextExtent(t.Left(space)).x <= width) {
            centred(dc, t.Left(space), x, y, width);
            centred(dc, t.Mid(space + 1), x, y + dc.GetCharHeight(), width);
            return;
        }
    }
    while (t.length() > 1 && dc.GetTextExtent(t).x > width) t = t.Left(t.length() - 2) + wxString::FromUTF8("…");
    const int w = dc.GetTextExtent(t).x;
    int left = x - w / 2;
    if (within > 0) left = std::clamp(left, 0, std::max(0, within - w));
    dc.DrawText(t, left, y);
}

}  // namespace

GaugeChart::GaugeChart(wxWindow* parent) : wxPanel(parent) {
    prepare(this);
    SetMinSize(FromDIP(wxSize(360, 100)));
    Bind(wxEVT_PAINT, &GaugeChart::paint, this);
}

void GaugeChart::set(ScalePtr scale, const Score& score, std::optional<double> previous) {
    scale_ = std::move(scale);
    score_ = score;
    previous_ = previous;
    Refresh();
}

void GaugeChart::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.Clear();
    if (!scale_) return;
    const wxSize size = GetClientSize();
    const int pad = FromDIP(8), top = FromDIP(24), bar = FromDIP(20);
    const int w = size.x - 2 * pad;
    const double lo = scale_->min_total(), hi = scale_->max_total();
    const int d = scale_->scoring.decimals;
    auto x_of = [&](double v) { return pad + int(std::lround((std::clamp(v, lo, hi) - lo) / (hi - lo) * w)); };
    dc.SetFont(GetFont().Smaller());
    if (scale_->scoring.bands.empty()) {
        dc.SetBrush(wxBrush(wxColour(0xdd, 0xdd, 0xdd)));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.DrawRectangle(pad, top, w, bar);
    }
    for (const Band& b : scale_->scoring.bands) {
        const int x1 = x_of(b.min), x2 = x_of(b.max + std::pow(10.0, -d));
        dc.SetBrush(wxBrush(band_colour(*scale_, b, 0.35)));
        dc.SetPen(wxPen(*wxWHITE, 1));
        dc.DrawRectangle(x1, top, x2 - x1, bar);
        dc.SetTextForeground(ink);
        centred(dc, number(b.min, d) + wxString::FromUTF8("–") + number(b.max, d), (x1 + x2) / 2, top + bar + FromDIP(2),
                x2 - x1);
        dc.SetTextForeground(muted);
        centred(dc, wx(b.label.get(translator().language())), (x1 + x2) / 2, top + bar + FromDIP(16), x2 - x1, true);
    }
    if (previous_) {
        const int px = x_of(*previous_);
        dc.SetPen(wxPen(muted, 2, wxPENSTYLE_SHORT_DASH));
        dc.DrawLine(px, top - FromDIP(4), px, top + bar);
        dc.SetBrush(*wxWHITE_BRUSH);
        dc.DrawCircle(px, top - FromDIP(8), FromDIP(4));
        dc.SetTextForeground(muted);
        // TRANSLATORS: a marker on the gauge: the previous round's total, e.g. "previous 106".
        const wxString label = fmt(_("previous {1}"), {number(*previous_, d)});
        const int cx = score_.rated ? x_of(score_.total) : px + 1000;
        const int tw = dc.GetTextExtent(label).x;
        dc.DrawText(label, px <= cx ? px - tw - FromDIP(8) : px + FromDIP(8), top - FromDIP(16));
    }
    if (score_.rated) {
        const int cx = x_of(score_.total);
        dc.SetPen(wxPen(ink, 3));
        dc.DrawLine(cx, top - FromDIP(2), cx, top + bar + FromDIP(2));
        dc.SetFont(GetFont().Bold());
        dc.SetTextForeground(ink);
        const wxString label = number(score_.total, d) + (score_.complete() ? wxString() : wxString(" *"));
        dc.DrawText(label, cx - dc.GetTextExtent(label).x / 2, top - FromDIP(22));
    }
}

ProfileChart::ProfileChart(wxWindow* parent) : wxPanel(parent) {
    prepare(this);
    Bind(wxEVT_PAINT, &ProfileChart::paint, this);
}

void ProfileChart::set(ScalePtr scale, std::vector<Row> rows) {
    scale_ = std::move(scale);
    rows_ = std::move(rows);
    const int row = GetCharHeight() + FromDIP(4);
    SetMinSize(wxSize(FromDIP(420), row * int(rows_.size() + 2)));
    InvalidateBestSize();
    Refresh();
}

void ProfileChart::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.Clear();
    if (!scale_) return;
    const wxSize size = GetClientSize();
    const int row = GetCharHeight() + FromDIP(4);
    dc.SetFont(GetFont());
    // TRANSLATORS: column title over "4 (3)": this round's level, and the previous round's in brackets.
    const wxString value_title = _("now (before)");
    const int label_w = std::min(FromDIP(300), size.x / 2);
    const int value_w = std::max(FromDIP(70), dc.GetTextExtent(value_title).x + FromDIP(8));
    const int x0 = label_w, w = size.x - label_w - value_w;
    const int lo = scale_->min_level(), hi = scale_->max_level();
    auto cx = [&](int level) { return x0 + int((level - lo + 0.5) * w / (hi - lo + 1)); };
    dc.SetTextForeground(ink);
    for (int l = lo; l <= hi; ++l) dc.DrawText(wxString::Format("%d", l), cx(l) - FromDIP(3), 0);
    dc.SetTextForeground(muted);
    dc.DrawText(value_title, size.x - value_w, 0);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const int y = row * int(i + 1);
        const Row& r = rows_[i];
        dc.SetTextForeground(ink);
        wxString label = wx(r.label);
        while (label.length() > 3 && dc.GetTextExtent(label).x > label_w - FromDIP(8))
            label = label.Left(label.length() - 2) + wxString::FromUTF8("…");
        dc.DrawText(label, 0, y + FromDIP(2));
        dc.SetPen(wxPen(wxColour(0xdd, 0xdd, 0xdd)));
        dc.DrawLine(x0, y + row / 2, x0 + w, y + row / 2);
        if (r.previous) {
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            dc.SetPen(wxPen(muted, 2));
            dc.DrawCircle(cx(*r.previous), y + row / 2, FromDIP(6));
        }
        if (r.level) {
            dc.SetBrush(wxBrush(wxColour(0x17, 0x52, 0x8c)));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.DrawCircle(cx(*r.level), y + row / 2, FromDIP(4));
        }
        const wxString v = (r.level ? wxString::Format("%d", *r.level) : wxString::FromUTF8("–")) + " (" +
                           (r.previous ? wxString::Format("%d", *r.previous) : wxString::FromUTF8("–")) + ")";
        dc.DrawText(v, size.x - value_w, y + FromDIP(2));
    }
}

Sparkline::Sparkline(wxWindow* parent) : wxPanel(parent) {
    prepare(this);
    SetMinSize(FromDIP(wxSize(320, 90)));
    Bind(wxEVT_PAINT, &Sparkline::paint, this);
}

void Sparkline::set(ScalePtr scale, std::vector<std::pair<std::string, std::optional<double>>> points) {
    scale_ = std::move(scale);
    points_ = std::move(points);
    Refresh();
}

void Sparkline::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.Clear();
    if (!scale_ || points_.empty()) return;
    const wxSize size = GetClientSize();
    const int pad = FromDIP(10), top = FromDIP(16), bottom = size.y - FromDIP(18);
    const double lo = scale_->min_total(), hi = scale_->max_total();
    const int d = scale_->scoring.decimals;
    auto y_of = [&](double v) { return bottom - int((std::clamp(v, lo, hi) - lo) / (hi - lo) * (bottom - top)); };
    for (const Band& b : scale_->scoring.bands) {
        dc.SetBrush(wxBrush(band_colour(*scale_, b, 0.7)));
        dc.SetPen(*wxTRANSPARENT_PEN);
        const int y1 = y_of(b.max + std::pow(10.0, -d)), y2 = y_of(b.min);
        dc.DrawRectangle(pad, y1, size.x - 2 * pad, y2 - y1);
    }
    const std::size_t n = points_.size();
    auto x_of = [&](std::size_t i) {
        return n == 1 ? size.x / 2 : pad + FromDIP(12) + int(i * (size.x - 2 * pad - FromDIP(24)) / (n - 1));
    };
    dc.SetFont(GetFont().Smaller());
    dc.SetPen(wxPen(ink, 2));
    for (std::size_t i = 1; i < n; ++i)
        if (points_[i - 1].second && points_[i].second)
            dc.DrawLine(x_of(i - 1), y_of(*points_[i - 1].second), x_of(i), y_of(*points_[i].second));
    for (std::size_t i = 0; i < n; ++i) {
        const int x = x_of(i);
        dc.SetTextForeground(muted);
        centred(dc, wx(points_[i].first), x, bottom + FromDIP(2), FromDIP(60), false, size.x);
        if (!points_[i].second) continue;
        const int y = y_of(*points_[i].second);
        dc.SetBrush(wxBrush(ink));
        dc.DrawCircle(x, y, FromDIP(3));
        dc.SetTextForeground(ink);
        centred(dc, number(*points_[i].second, d), x, y - FromDIP(15), FromDIP(40), false, size.x);
    }
}

BarsChart::BarsChart(wxWindow* parent) : wxPanel(parent) {
    prepare(this);
    Bind(wxEVT_PAINT, &BarsChart::paint, this);
}

void BarsChart::set(ScalePtr scale, std::vector<Bar> bars) {
    scale_ = std::move(scale);
    bars_ = std::move(bars);
    SetMinSize(wxSize(FromDIP(480), (GetCharHeight() + FromDIP(6)) * int(bars_.size() + 1)));
    InvalidateBestSize();
    Refresh();
}

void BarsChart::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.Clear();
    if (!scale_) return;
    const wxSize size = GetClientSize();
    const int row = GetCharHeight() + FromDIP(6);
    const int label_w = std::min(FromDIP(280), size.x / 3), value_w = FromDIP(200);
    const int x0 = label_w, w = std::max(10, size.x - label_w - value_w);
    const double lo = scale_->min_total(), hi = scale_->max_total();
    const int d = scale_->scoring.decimals;
    auto x_of = [&](double v) { return x0 + int((std::clamp(v, lo, hi) - lo) / (hi - lo) * w); };
    dc.SetFont(GetFont());
    for (std::size_t i = 0; i < bars_.size(); ++i) {
        const Bar& b = bars_[i];
        const int y = row * int(i + 1);
        dc.SetTextForeground(ink);
        wxString label = wx(b.label);
        while (label.length() > 3 && dc.GetTextExtent(label).x > label_w - FromDIP(8))
            label = label.Left(label.length() - 2) + wxString::FromUTF8("…");
        dc.DrawText(label, 0, y);
        const wxColour fill = b.band ? band_colour(*scale_, *b.band) : wxColour(0xcc, 0xcc, 0xcc);
        dc.SetBrush(b.complete ? wxBrush(fill) : *wxTRANSPARENT_BRUSH);
        dc.SetPen(b.complete ? *wxTRANSPARENT_PEN : wxPen(muted, 1));
        dc.DrawRectangle(x0, y + FromDIP(2), std::max(1, x_of(b.total) - x0), row - FromDIP(6));
        wxString value = number(b.total, d);
        if (!b.complete) value += " " + _("(incomplete)");
        else if (b.band) value += wxString::FromUTF8(" · ") + wx(b.band->label.get(translator().language()));
        dc.DrawText(value, x0 + w + FromDIP(6), y);
    }
    dc.SetPen(wxPen(muted, 1, wxPENSTYLE_SHORT_DASH));
    dc.SetTextForeground(muted);
    for (const Band& b : scale_->scoring.bands) {
        if (b.min <= lo) continue;
        const int x = x_of(b.min);
        dc.DrawLine(x, row - FromDIP(2), x, row * int(bars_.size() + 1));
        const wxString t = number(b.min, d);
        dc.DrawText(t, x - dc.GetTextExtent(t).x / 2, 0);
    }
}

}  // namespace fidelis::gui
