#include "ui.h"

#include "../shared/errors.h"
#include "scales/i18n.h"

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

const wxColour level_palette[] = {wxColour(0xc8, 0x47, 0x3f), wxColour(0xee, 0x9a, 0x4d), wxColour(0xf3, 0xd2, 0x7a),
                                  wxColour(0x9c, 0xcc, 0x72), wxColour(0x3f, 0x8f, 0x5a)};

wxColour mix(const wxColour& a, const wxColour& b, double t) {
    auto m = [&](unsigned char x, unsigned char y) { return static_cast<unsigned char>(std::lround(x + (y - x) * t)); };
    return wxColour(m(a.Red(), b.Red()), m(a.Green(), b.Green()), m(a.Blue(), b.Blue()));
}

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

wxSize WrappedText::DoGetBestClientSize() const {
    // Never asks for width: the sizer gives it, and the text takes the height it needs at
    // that width. Asking for the wrapped width would keep a pane from ever getting narrower.
    const wxSize best = wxStaticText::DoGetBestClientSize();
    return wxSize(std::min(best.x, FromDIP(160)), best.y);
}

WrappedText* wrapped_text(wxWindow* parent, const wxString& text, bool bold) {
    auto* t = new WrappedText(parent, text);
    if (bold) t->SetFont(t->GetFont().Bold());
    return t;
}

void name_for_screen_readers(wxWindow* control, const wxString& name) {
    if (!control) return;
    control->SetName(name);
    if (control->GetToolTipText().empty()) control->SetToolTip(name);
#ifdef __WXGTK__
    if (GtkWidget* widget = control->GetHandle())
        atk_object_set_name(gtk_widget_get_accessible(widget), name.utf8_str());
#endif
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

void finish_dialog(wxDialog* d, wxSizer* body) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(body, 1, wxEXPAND | wxALL, d->FromDIP(12));
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

wxColour level_colour(const Scale& scale, int level) {
    const int lo = scale.min_level(), hi = scale.max_level();
    if (hi <= lo) return level_palette[2];
    const double t = double(level - lo) / double(hi - lo) * 4.0;
    const int i = std::clamp(int(std::floor(t)), 0, 3);
    return mix(level_palette[i], level_palette[i + 1], std::clamp(t - i, 0.0, 1.0));
}

wxColour band_colour(const Scale& scale, const Band& band) {
    if (!band.colour.empty()) return wxColour(wx(band.colour));
    const auto& bands = scale.scoring.bands;
    const auto i = std::size_t(&band - bands.data());
    const double t = bands.size() > 1 ? double(i) / double(bands.size() - 1) * 4.0 : 2.0;
    return level_palette[std::clamp(int(std::lround(t)), 0, 4)];
}

wxColour text_on(const wxColour& bg) {
    const double lum = 0.2126 * bg.Red() + 0.7152 * bg.Green() + 0.0722 * bg.Blue();
    return lum < 115 ? *wxWHITE : wxColour(0x1f, 0x29, 0x37);
}

std::optional<Date> parse_date(const wxString& text, bool* valid) {
    const wxString t = text.Strip(wxString::both);
    if (t.empty()) {
        if (valid) *valid = true;
        return std::nullopt;
    }
    const auto d = Date::try_parse(utf8(t));
    if (valid) *valid = d.has_value();
    return d;
}

wxString saved_message(const wxString& what) {
    const wxString time = wxDateTime::Now().Format("%H:%M:%S");
    return what.empty() ? wx(format(tr(N_("Saved {1}")), {utf8(time)}))
                        : wx(format(tr(N_("Saved {1}: {2}")), {utf8(time), utf8(what)}));
}

wxString fmt(const wxString& pattern, std::initializer_list<wxString> args) {
    std::vector<std::string> held;
    for (const auto& a : args) held.push_back(utf8(a));
    std::vector<std::string_view> views(held.begin(), held.end());
    switch (views.size()) {
    case 0: return pattern;
    case 1: return wx(format(utf8(pattern), {views[0]}));
    case 2: return wx(format(utf8(pattern), {views[0], views[1]}));
    case 3: return wx(format(utf8(pattern), {views[0], views[1], views[2]}));
    default: return wx(format(utf8(pattern), {views[0], views[1], views[2], views[3]}));
    }
}

wxString number(double value, int decimals) { return wx(format_decimal(value, decimals, translator().language())); }

}  // namespace fidelis::gui
