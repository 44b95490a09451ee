#pragma once
// Small helpers the screens share: text conversion, labelled controls that screen readers
// can name, error reporting that never hangs a headless test, and fixed colours.
#include "base/date.h"
#include "scales/scale.h"

#include <wx/colour.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/string.h>
#include <wx/translation.h>
#include <wx/window.h>

#include <exception>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

namespace fidelis::gui {

// The window's translation call. wxWidgets' own _() reads the literal through the C
// library's locale, which loses every å, ä, ö, "…" and "–" when that locale is not UTF-8;
// Fidelis' sources are UTF-8, so they are read as such. (WXINTL_NO_GETTEXT_MACRO is set
// for the GUI target so the two do not clash.)
inline wxString _(const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)); }
// The plural form for `n` ("1 försenad åtgärd", "2 försenade åtgärder"); xgettext reads it
// as trn (i18n/CMakeLists.txt).
inline wxString trn(const char* singular, const char* plural, unsigned long n) {
    return wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural), unsigned(n));
}

inline wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }
inline std::string utf8(const wxString& s) { return std::string(s.utf8_str()); }

// Gives a control the name screen readers announce (ATK on GTK; MSAA uses the label
// before it), and a tooltip saying the same.
void name_for_screen_readers(wxWindow* control, const wxString& name);

// Static text that wraps to the width it is given, and again when that width changes,
// so long descriptions read well at 1024×768, on a projector and with large fonts.
class WrappedText : public wxStaticText {
public:
    WrappedText(wxWindow* parent, const wxString& text);
    wxSize DoGetBestClientSize() const override;
    // Replaces the text, wrapped at the width the control has now.
    void set_text(const wxString& text);
    const wxString& text() const { return text_; }

private:
    wxString text_;
    int wrapped_at_ = 0;
};
WrappedText* wrapped_text(wxWindow* parent, const wxString& text, bool bold = false);

// A bold title, `scale` times the normal size. GTK measures a label created on a hidden tab
// in the font it had before, which clips a bold title; its size comes from the font instead.
wxStaticText* heading(wxWindow* parent, const wxString& text, float scale);

// A label and its control on one row of a two-column sizer; the label names the control.
wxStaticText* add_labelled(wxWindow* parent, wxSizer* sizer, const wxString& label, wxWindow* control);
// The same, kept together as one piece of a wrapping row of filters.
void add_labelled_group(wxWindow* parent, wxSizer* row, const wxString& label, wxWindow* control);

// Sets each column of a report list as wide as its header and its widest cell, so no
// heading or value is cut off in Swedish or English. `stretch`, when given, is the column of
// free text: it takes what the others leave of the list's width (at least `stretch_min`),
// and cuts its cells short rather than push the other columns out of view. `most`, when not
// 0, caps the other columns (widths in DIPs).
void fit_columns(wxListCtrl* list, int stretch = -1, int stretch_min = 160, int most = 0);
// After fit_columns: cuts one column of long names (a team, an item) at `most` DIPs and
// gives the stretch column what the others leave, so that short columns such as a status
// stay whole on a small screen.
void cap_column(wxListCtrl* list, int column, int most, int stretch, int stretch_min = 120);
// Runs `fit` again (after the event) whenever the list gets another width: after the first
// layout, when the window is resized or a divider moved, so columns follow the real width.
void refit_on_resize(wxListCtrl* list, std::function<void()> fit);

// Shows a failure to the user; in headless runs (tests, benchmarks) it goes to stderr
// instead, because a modal dialog there would wait for ever.
void show_error(wxWindow* parent, const wxString& message);
void show_error(wxWindow* parent, std::exception_ptr error);
void set_headless(bool headless);
bool headless();

// Asks a yes/no question; headless runs answer `headless_answer`.
bool confirm(wxWindow* parent, const wxString& question, const wxString& title, bool headless_answer = true);

// Fixed colours for levels and bands, the same as in the PDF reports.
wxColour level_colour(const Scale& scale, int level);
// `lighten` mixes in white: 0 is the band's colour, 1 is white.
wxColour band_colour(const Scale& scale, const Band& band, double lighten = 0);
wxColour text_on(const wxColour& background);

// "Sparat 14:02:05"
wxString saved_message(const wxString& what);
// "Inte sparat: Nästa uppföljning (…)"
wxString not_saved_message(const wxString& what);

// A dialog's form: labels on the left, fields that grow on the right.
wxFlexGridSizer* form_grid(wxWindow* parent);
// Puts `body` above OK and Cancel, fits the dialog and centres it on its parent. `below`,
// when given, goes between the two: the line that says why OK cannot close the dialog yet.
void finish_dialog(wxDialog* dialog, wxSizer* body, wxWindow* below = nullptr);

// Replaces {1}..{9} in a translated pattern, as fidelis::format does for the libraries.
wxString fmt(const wxString& pattern, std::initializer_list<wxString> args);

// A number in the window's language: "3,5" in Swedish.
wxString number(double value, int decimals);
// A number as it was typed, to the last decimal it has, in the window's language: a
// stored 22.5 shows as "22,5" in Swedish and "22.5" in English, never rounded to "22".
wxString entered_number(double value);

}  // namespace fidelis::gui
