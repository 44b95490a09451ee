// Reading typed values, and marking the fields whose text could not be accepted (see
// field_check.h for the rules every form follows).
#include "field_check.h"

#include "session.h"
#include "store/error.h"
#include "ui.h"

#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/tooltip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

namespace fidelis::gui {
namespace {

// A light red that dark text reads well on; the words in the tooltip, the form's line and
// the status bar carry the meaning, the colour only draws the eye.
const wxColour invalid_background(0xfb, 0xe0, 0xe0);
const wxColour invalid_text(0x1a, 0x1a, 0x1a);

// What a marked control had before, so that clearing the mark gives it back.
struct Mark {
    wxString problem;
    wxString tooltip;
    bool own_background = false;
    wxColour background;
    bool own_foreground = false;
    wxColour foreground;
};

std::map<const wxWindow*, Mark>& marks() {
    static std::map<const wxWindow*, Mark> m;
    return m;
}

void set_description(wxWindow* control, const wxString& text) {
#ifdef __WXGTK__
    if (GtkWidget* widget = control->GetHandle())
        atk_object_set_description(gtk_widget_get_accessible(widget), text.utf8_str());
#else
    (void)control;
    (void)text;
#endif
}

std::string trimmed(const wxString& text) { return utf8(text.Strip(wxString::both)); }

// Lays the form out again after its line appeared, vanished or rewrapped: up to the
// scrolled page it sits in, or the dialog, which grows rather than clip the line.
void relayout(wxWindow* w) {
    for (wxWindow* p = w->GetParent(); p; p = p->GetParent()) {
        p->Layout();
        if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(p)) {
            scrolled->FitInside();
            return;
        }
        if (p->IsTopLevel()) {
            if (wxSizer* sizer = p->GetSizer()) {
                const wxSize need = sizer->ComputeFittingWindowSize(p), now = p->GetSize();
                if (need.y > now.y || need.x > now.x) p->SetSize(wxSize(std::max(need.x, now.x), std::max(need.y, now.y)));
                p->Layout();
            }
            return;
        }
    }
}

}  // namespace

// The reasons follow a field's name in brackets after "Not saved:", so they are fragments.
Parsed<Date> read_date(const wxString& text, bool required) {
    const std::string s = trimmed(text);
    // TRANSLATORS: this and the other reasons a value is refused follow a field's name in
    // brackets: "Not saved: Next follow-up (write the date as YYYY-MM-DD, for example 2026-01-15)".
    if (s.empty()) return {std::nullopt, required ? _("a date is needed, written as YYYY-MM-DD") : wxString()};
    if (const auto d = Date::try_parse(s)) return {d, {}};
    // The right shape but no such day (2026-02-30) says so; anything else gets the format.
    const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                        std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    if (shaped) return {std::nullopt, fmt(_("{1} is not a valid date"), {wx(s)})};
    return {std::nullopt, _("write the date as YYYY-MM-DD, for example 2026-01-15")};
}

Parsed<int> read_count(const wxString& text) {
    const std::string s = trimmed(text);
    if (s.empty()) return {};
    long long v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec == std::errc::result_out_of_range ||
        (res.ec == std::errc() && res.ptr == s.data() + s.size() && v > std::numeric_limits<int>::max()))
        return {std::nullopt, _("the number is too large")};
    if (res.ec != std::errc() || res.ptr != s.data() + s.size() || v < 0)
        return {std::nullopt, _("write a whole number, 0 or more")};
    return {int(v), {}};
}

Parsed<double> read_number(const wxString& text, std::optional<double> at_least) {
    std::string s = trimmed(text);
    if (s.empty()) return {};
    std::replace(s.begin(), s.end(), ',', '.');  // "2,5" is how a Swede writes 2.5
    double v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    // from_chars reads "inf" and "nan"; neither is a number anyone means here.
    if (res.ec != std::errc() || res.ptr != s.data() + s.size() || !std::isfinite(v))
        return {std::nullopt, fmt(_("write a number, for example {1}"), {number(2.5, 1)})};
    if (at_least && v < *at_least) return {std::nullopt, fmt(_("write a number of {1} or more"), {number(*at_least, 0)})};
    return {v, {}};
}

Parsed<wxString> read_required(const wxString& text, const wxString& problem) {
    const wxString t = text.Strip(wxString::both);
    if (t.empty()) return {std::nullopt, problem};
    return {t, {}};
}

void mark_field(wxWindow* control, const wxString& problem, const wxString& said_as) {
    if (!control) return;
    auto& all = marks();
    auto it = all.find(control);
    if (problem.empty()) {
        if (it == all.end() || it->second.problem.empty()) return;
        const Mark& m = it->second;
        control->SetBackgroundColour(m.own_background ? m.background : wxNullColour);
        control->SetForegroundColour(m.own_foreground ? m.foreground : wxNullColour);
        control->SetToolTip(m.tooltip);
        set_description(control, wxString());
        control->Refresh();
        all.erase(it);
        return;
    }
    if (it == all.end()) {
        Mark m;
        m.tooltip = control->GetToolTipText();
        m.own_background = control->UseBgCol();
        m.background = control->GetBackgroundColour();
        m.own_foreground = control->UseForegroundColour();
        m.foreground = control->GetForegroundColour();
        it = all.emplace(control, m).first;
        // A control destroyed while marked takes its record with it.
        control->Bind(wxEVT_DESTROY, [control](wxWindowDestroyEvent& e) {
            if (e.GetEventObject() == control) marks().erase(control);
            e.Skip();
        });
    }
    const wxString said = said_as.empty() ? not_saved_message(problem) : said_as;
    if (it->second.problem == problem && control->GetToolTipText() == said) return;
    it->second.problem = problem;
    control->SetBackgroundColour(invalid_background);
    control->SetForegroundColour(invalid_text);
    control->SetToolTip(said);
    set_description(control, said);
    control->Refresh();
}

wxString field_problem(const wxWindow* control) {
    const auto it = marks().find(control);
    return it == marks().end() ? wxString() : it->second.problem;
}

wxString field_name(const wxWindow* control) {
    wxString name = control ? control->GetName() : wxString();
    if (name.EndsWith(")")) {
        const int open = name.Find('(', true);
        if (open > 0) name = name.Left(std::size_t(open)).Strip(wxString::trailing);
    }
    return name;
}

void show_stored(wxTextCtrl* field, const wxString& stored) {
    if (field_problem(field).empty()) field->ChangeValue(stored);
}

FieldCheck::FieldCheck(Session* session, Kind kind) : session_(session), kind_(kind) {}

FieldCheck::~FieldCheck() {
    // The controls may already be gone; only the session's record is withdrawn.
    if (session_) session_->set_not_saved(this, wxString());
}

wxString FieldCheck::message(const wxString& what) const {
    return kind_ == Kind::NotApplied ? fmt(_("Not applied: {1}"), {what}) : not_saved_message(what);
}

WrappedText* FieldCheck::make_line(wxWindow* parent) {
    line_ = new WrappedText(parent, wxString());
    line_->SetFont(line_->GetFont().Bold());
    line_->Hide();
    return line_;
}

void FieldCheck::begin(const wxString& prefix) {
    problems_.clear();
    prefix_ = prefix;
}

void FieldCheck::note(wxWindow* control, const wxString& field, const wxString& problem) {
    const auto same = std::find_if(problems_.begin(), problems_.end(), [&](const Problem& p) { return control && p.control == control; });
    if (same != problems_.end()) problems_.erase(same);
    if (!problem.empty()) problems_.push_back({control, prefix_ + field, problem});
    mark_field(control, problem, problem.empty() ? wxString() : message(problem));
}

void FieldCheck::refuse(wxWindow* control, const wxString& problem) { note(control, field_name(control), problem); }

void FieldCheck::refuse(const wxString& field, const wxString& problem) { problems_.push_back({nullptr, field, problem}); }

wxString FieldCheck::list() const {
    wxString out;
    for (const Problem& p : problems_) {
        if (!out.empty()) out += "; ";
        out += p.field.empty() ? p.reason : p.field + " (" + p.reason + ")";
    }
    return out;
}

void FieldCheck::finish(const wxString& saved) {
    if (line_) {
        const wxString text = ok() ? wxString() : wxString::FromUTF8("⚠ ") + message(list());
        if (text != line_->text() || line_->IsShown() != !ok()) {
            line_->set_text(text);
            line_->Show(!ok());
            relayout(line_);
            // Wrapped again at the width the layout gave it, which may make it taller.
            line_->set_text(text);
            relayout(line_);
        }
    }
    const bool was_reported = reported_;
    reported_ = !ok();
    if (!session_) return;
    if (kind_ == Kind::NotApplied) {
        // Nothing to save: the status bar only says which filter is left out, while it is.
        if (!ok()) session_->status(message(list()));
        else if (was_reported) session_->status(wxString());
        return;
    }
    session_->set_not_saved(this, list());
    if (!saved.empty()) {
        session_->saved(saved);
    } else if (!ok() || !session_->not_saved().empty()) {
        if (!ok() || was_reported) session_->show_not_saved();
    } else if (was_reported) {
        // Corrected back to what was saved: the status bar must not go on saying otherwise.
        session_->status(_("Everything on screen is saved."));
    }
}

wxString FieldCheck::refused_by_database(wxWindow* control) {
    const auto it = refused_.find(control);
    if (it == refused_.end()) return {};
    const auto* entry = dynamic_cast<wxTextEntry*>(control);
    if (entry && entry->GetValue() == it->second.text) return it->second.reason;
    refused_.erase(it);  // changed since: it is read again
    return {};
}

void FieldCheck::save(wxWindow* parent, const wxString& what, const std::function<void()>& write, wxWindow* edited) {
    try {
        write();
    } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::Invalid) {
            finish();
            show_error(parent, wx(e.what()));
            return;
        }
        const wxString reason = wx(e.what());
        if (auto* entry = dynamic_cast<wxTextEntry*>(edited)) {
            refused_[edited] = {entry->GetValue(), reason};
            refuse(edited, reason);
        } else {
            refuse(wxString(), reason);
        }
        finish();
        return;
    } catch (...) {
        finish();
        show_error(parent, std::current_exception());
        return;
    }
    finish(what);
}

void FieldCheck::recheck_while_refused(wxWindow* form, std::function<void()> read) {
    auto again = [this, read](wxCommandEvent& e) {
        e.Skip();
        if (!ok()) read();
    };
    // Text and choice events rise from the fields to the dialog.
    form->Bind(wxEVT_TEXT, again);
    form->Bind(wxEVT_CHOICE, again);
}

void FieldCheck::clear() {
    for (const Problem& p : problems_) mark_field(p.control, wxString());
    problems_.clear();
    refused_.clear();
    finish();
}

}  // namespace fidelis::gui
