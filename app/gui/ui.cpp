#include "ui.h"

#include "../core/errors.h"
#include "base/i18n.h"
#include "reports/palette.h"

#include <wx/datetime.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <vector>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

namespace fidelis::gui {
namespace {

bool g_headless = false;

// The window draws with the reports' colours, so a level looks the same on screen and paper.
wxColour colour_of(const reports::Rgb& c) {
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return wxColour(byte(c.r), byte(c.g), byte(c.b));
}

reports::Rgb rgb_of(const wxColour& c) { return {c.Red() / 255.0, c.Green() / 255.0, c.Blue() / 255.0}; }

}  // namespace

// wxST_NO_AUTORESIZE: SetLabel must not resize the control to the unwrapped width, which
// would wrap it again at that width.
WrappedText::WrappedText(wxWindow* parent, const wxString& text)
    : wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE), text_(text) {
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        const int w = e.GetSize().x;
        if (w > 20 && std::abs(w - wrapped_at_) > 8) {
            wrapped_at_ = w;
            // After the size event, so the new wrap does not fight the layout in progress.
            CallAfter([this] {
                const int width = GetSize().x;
                SetLabel(text_);
                Wrap(width);
                InvalidateBestSize();
                // The text may now be taller: lay out up to the nearest scrolled window,
                // which must grow its scroll area to match.
                for (wxWindow* p = GetParent(); p; p = p->GetParent()) {
                    p->Layout();
                    if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(p)) {
                        scrolled->FitInside();
                        break;
                    }
                    if (p->IsTopLevel()) break;
                }
            });
        }
    });
}

void fit_columns(wxListCtrl* list, int stretch, int stretch_min, int most) {
    const int columns = list->GetColumnCount();
    if (columns == 0) return;
    // GTK's generic list draws a cell's text 4 px in, a header's 6 px in with room for the
    // sort arrow; measured, not AUTOSIZE, which on GTK ignores the header or the bold rows.
    const int cell_pad = list->FromDIP(14), header_pad = list->FromDIP(22);
    wxFont bold = list->GetFont();
    bold.MakeBold();
    std::vector<int> widths(std::size_t(columns), 0);
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    for (int c = 0; c < columns; ++c) {
        list->GetColumn(c, head);
        widths[std::size_t(c)] = list->GetTextExtent(head.GetText()).x + header_pad;
    }
    const long rows = list->GetItemCount();
    for (long r = 0; r < rows; ++r) {
        const wxFont font = list->GetItemFont(r);
        const bool is_bold = font.IsOk() && font.GetWeight() >= wxFONTWEIGHT_BOLD;
        for (int c = 0; c < columns; ++c) {
            if (c == stretch) continue;
            const wxString text = list->GetItemText(r, c);
            int w = 0, h = 0;
            list->GetTextExtent(text, &w, &h, nullptr, nullptr, is_bold ? &bold : nullptr);
            w += cell_pad;
            widths[std::size_t(c)] = std::max(widths[std::size_t(c)], w);
        }
    }
    if (most > 0)
        for (int c = 0; c < columns; ++c)
            if (c != stretch) widths[std::size_t(c)] = std::min(widths[std::size_t(c)], list->FromDIP(most));
    if (stretch >= 0 && stretch < columns) {
        int others = 0;
        for (int c = 0; c < columns; ++c)
            if (c != stretch) others += widths[std::size_t(c)];
        // Room for the vertical scroll bar, which comes when the rows outgrow the list.
        const int room = list->GetClientSize().x - others - list->FromDIP(4);
        widths[std::size_t(stretch)] = std::max({list->FromDIP(stretch_min), widths[std::size_t(stretch)], room});
    }
    for (int c = 0; c < columns; ++c) list->SetColumnWidth(c, widths[std::size_t(c)]);
}

void cap_column(wxListCtrl* list, int column, int most, int stretch, int stretch_min) {
    const int columns = list->GetColumnCount();
    if (column < 0 || column >= columns || list->GetColumnWidth(column) <= list->FromDIP(most)) return;
    list->SetColumnWidth(column, list->FromDIP(most));
    if (stretch < 0 || stretch >= columns) return;
    int others = 0;
    for (int c = 0; c < columns; ++c)
        if (c != stretch) others += list->GetColumnWidth(c);
    list->SetColumnWidth(stretch,
                         std::max(list->FromDIP(stretch_min), list->GetClientSize().x - others - list->FromDIP(4)));
}

void refit_on_resize(wxListCtrl* list, std::function<void()> fit) {
    list->Bind(wxEVT_SIZE, [list, fit = std::move(fit), fitted = 0](wxSizeEvent& e) mutable {
        e.Skip();
        if (e.GetSize().x == fitted) return;
        fitted = e.GetSize().x;
        list->CallAfter(fit);
    });
}

wxSize WrappedText::DoGetBestClientSize() const {
    // Never asks for width: the sizer gives it, and the text takes the height it needs at
    // that width. Asking for the wrapped width would keep a pane from ever getting narrower.
    const wxSize best = wxStaticText::DoGetBestClientSize();
    return wxSize(std::min(best.x, FromDIP(160)), best.y);
}

void WrappedText::set_text(const wxString& text) {
    text_ = text;
    SetLabel(text_);
    const int width = GetSize().x;
    if (width > 20) {
        Wrap(width);
        wrapped_at_ = width;
    }
    InvalidateBestSize();
}

WrappedText* wrapped_text(wxWindow* parent, const wxString& text, bool bold) {
    auto* t = new WrappedText(parent, text);
    if (bold) t->SetFont(t->GetFont().Bold());
    return t;
}

void name_for_screen_readers(wxWindow* control, const wxString& name) {
    if (!control) return;
    // A tooltip that only repeated the old name follows the new one.
    const wxString tip = control->GetToolTipText();
    if (tip.empty() || tip == control->GetName()) control->SetToolTip(name);
    control->SetName(name);
#ifdef __WXGTK__
    if (GtkWidget* widget = control->GetHandle())
        atk_object_set_name(gtk_widget_get_accessible(widget), name.utf8_str());
#endif
}

wxStaticText* heading(wxWindow* parent, const wxString& text, float scale) {
    auto* t = new wxStaticText(parent, wxID_ANY, text);
    t->SetFont(t->GetFont().Bold().Scaled(scale));
    if (!text.empty()) t->SetMinSize(t->GetTextExtent(text));
    return t;
}

wxStaticText* add_labelled(wxWindow* parent, wxSizer* sizer, const wxString& label, wxWindow* control) {
    auto* text = new wxStaticText(parent, wxID_ANY, label);
    sizer->Add(text, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, parent->FromDIP(8));
    sizer->Add(control, 1, wxEXPAND);
    wxString plain = label;
    plain.Replace("&", "");
    if (plain.EndsWith(":")) plain.RemoveLast();
    name_for_screen_readers(control, plain);
    return text;
}

void add_labelled_group(wxWindow* parent, wxSizer* row, const wxString& label, wxWindow* control) {
    auto* group = new wxBoxSizer(wxHORIZONTAL);
    add_labelled(parent, group, label, control);
    row->Add(group, 0, wxRIGHT | wxBOTTOM, parent->FromDIP(12));
}

wxFlexGridSizer* form_grid(wxWindow* parent) {
    auto* grid = new wxFlexGridSizer(2, parent->FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1, 1);
    return grid;
}

void finish_dialog(wxDialog* d, wxSizer* body, wxWindow* below) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(body, 1, wxEXPAND | wxALL, d->FromDIP(12));
    if (below) top->Add(below, 0, wxEXPAND | wxLEFT | wxRIGHT, d->FromDIP(12));
    top->Add(d->CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, d->FromDIP(12));
    d->SetSizerAndFit(top);
    d->CentreOnParent();
}

void set_headless(bool h) { g_headless = h; }
bool headless() { return g_headless; }

void show_error(wxWindow* parent, const wxString& message) {
    if (g_headless) {
        std::cerr << "fidelis: " << message.utf8_str() << std::endl;
        return;
    }
    wxMessageBox(message, wx(tr(N_("Fidelis"))), wxOK | wxICON_ERROR, parent);
}

void show_error(wxWindow* parent, std::exception_ptr error) { show_error(parent, wx(error_text(error))); }

bool confirm(wxWindow* parent, const wxString& question, const wxString& title, bool headless_answer) {
    if (g_headless) return headless_answer;
    return wxMessageBox(question, title, wxYES_NO | wxICON_QUESTION, parent) == wxYES;
}

wxColour level_colour(const Scale& scale, int level) { return colour_of(reports::level_colour(scale, level)); }

wxColour band_colour(const Scale& scale, const Band& band, double lighten) {
    return colour_of(reports::band_colour(scale, band).mix(reports::white, lighten));
}

wxColour text_on(const wxColour& background) { return colour_of(reports::text_on(rgb_of(background))); }

wxString saved_message(const wxString& what) {
    const wxString time = wxDateTime::Now().Format("%H:%M:%S");
    return what.empty() ? wx(format(tr(N_("Saved {1}")), {utf8(time)}))
                        : wx(format(tr(N_("Saved {1}: {2}")), {utf8(time), utf8(what)}));
}

wxString not_saved_message(const wxString& what) {
    // TRANSLATORS: in the status bar, a form and a field's tooltip: {1} names what was not saved
    // and why, "Next follow-up (write the date as YYYY-MM-DD, for example 2026-01-15)", or is
    // the reason alone.
    return fmt(_("Not saved: {1}"), {what});
}

wxString fmt(const wxString& pattern, std::initializer_list<wxString> args) {
    std::vector<std::string> held;
    for (const auto& a : args) held.push_back(utf8(a));
    std::vector<std::string_view> views(held.begin(), held.end());
    switch (views.size()) {
        case 0:
            return pattern;
        case 1:
            return wx(format(utf8(pattern), {views[0]}));
        case 2:
            return wx(format(utf8(pattern), {views[0], views[1]}));
        case 3:
            return wx(format(utf8(pattern), {views[0], views[1], views[2]}));
        default:
            return wx(format(utf8(pattern), {views[0], views[1], views[2], views[3]}));
    }
}

wxString number(double value, int decimals) { return wx(format_decimal(value, decimals, translator().language())); }

wxString entered_number(double value) { return wx(typed_number(shortest_number(value), translator().language())); }

}  // namespace fidelis::gui
