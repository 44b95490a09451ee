#pragma once
// One way for every form to refuse a value it cannot accept without losing it. The text stays
// in the field; the field is tinted, and its tooltip and the description screen readers read
// give the reason; a line in the form and the status bar say in words what was not saved and
// why; the mark goes as soon as the value is valid. Forms that save as you type still save
// their valid fields, and dialogs stay open until every field can be accepted.
#include "base/date.h"

#include <wx/string.h>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class wxTextCtrl;
class wxWindow;

namespace fidelis::gui {

class Session;
class WrappedText;

// What reading one field's text gave.
template <class T>
struct Parsed {
    std::optional<T> value;  // none for an empty field
    wxString problem;        // why the text cannot be accepted; empty when it can
    bool ok() const { return problem.empty(); }
};

// A date as YYYY-MM-DD; `required` refuses an empty field.
Parsed<Date> read_date(const wxString& text, bool required = false);
// A number of people: a whole number, 0 or more.
Parsed<int> read_count(const wxString& text);
// A finite decimal number, written with a comma or a point; `at_least` when it has a floor.
Parsed<double> read_number(const wxString& text, std::optional<double> at_least = std::nullopt);
// Text that must not be empty; `problem` says what is missing.
Parsed<wxString> read_required(const wxString& text, const wxString& problem);

// Marks a control as holding text that was not saved, for `problem`; an empty problem clears
// the mark and gives the control back its own colours and tooltip. `said` is what the tooltip
// and screen readers say; by default "Not saved: <problem>".
void mark_field(wxWindow* control, const wxString& problem, const wxString& said = {});
// The problem a control is marked with; empty when it is not marked.
wxString field_problem(const wxWindow* control);
// The name messages use for a control: the one screen readers announce (its label), without
// a trailing hint in brackets such as "(YYYY-MM-DD)", since the reason says it.
wxString field_name(const wxWindow* control);
// Shows a stored value, unless the field holds refused text: that stays on screen until the
// user corrects it, even when the form is refreshed from the database.
void show_stored(wxTextCtrl* field, const wxString& stored);

// The problems of one form, gathered each time the form is read.
class FieldCheck {
public:
    // What a refused value means: text that was not saved, or a filter that is not applied
    // (the county view's dates), which has nothing to save.
    enum class Kind { NotSaved, NotApplied };
    // `session` keeps what the status bar reports as not saved; null for none.
    explicit FieldCheck(Session* session, Kind kind = Kind::NotSaved);
    ~FieldCheck();
    FieldCheck(const FieldCheck&) = delete;
    FieldCheck& operator=(const FieldCheck&) = delete;

    // The line in the form that repeats the problems in words; hidden while there are none.
    WrappedText* make_line(wxWindow* parent);

    // Starts reading the form again. `prefix` goes before every field's name in messages,
    // when the form's fields alone do not say what they belong to ("S3: ").
    void begin(const wxString& prefix = {});
    // One field's outcome: marks or clears the control, and gives the field's value when it
    // can be accepted, else `kept` (what stays saved).
    template <class T>
    std::optional<T> take(wxWindow* control, const Parsed<T>& parsed, const std::optional<T>& kept = std::nullopt) {
        // A value the database refused stays refused, with its reason, until it is changed.
        const wxString refused = parsed.ok() ? refused_by_database(control) : wxString();
        note(control, field_name(control), refused.empty() ? parsed.problem : refused);
        return parsed.ok() && refused.empty() ? parsed.value : kept;
    }
    // A problem found after reading (across fields): marks the control.
    void refuse(wxWindow* control, const wxString& problem);
    // A problem that belongs to no control on screen: `field` names it, or is empty when
    // `problem` is a whole sentence (a refusal from the database).
    void refuse(const wxString& field, const wxString& problem);
    bool ok() const { return problems_.empty(); }
    // "Next follow-up (write the date as YYYY-MM-DD, for example 2026-01-15); …"
    wxString list() const;
    // Ends the read: updates the form's line and what the status bar reports as not saved.
    // `saved` names what was written ("plan"), or is empty when nothing was.
    void finish(const wxString& saved = {});
    // Ends the read by writing what was accepted: runs `write`, then finish(what). A refusal
    // by the database goes to the form's line and the status bar like a field's, not into a
    // dialog, which in a form saved as you type would come back at every keystroke; any
    // other failure is shown as an error. `edited` is the field whose change led to the
    // write: a refusal marks it, and its value is left out of later writes (take() gives the
    // saved one) until it is changed, so that the form's other fields can still be saved.
    void save(wxWindow* parent, const wxString& what, const std::function<void()>& write, wxWindow* edited = nullptr);
    // Forgets every problem and clears the marks, when the form's text is replaced.
    void clear();
    // For a dialog, which reads its fields on OK: once OK was refused, `read` runs again at
    // every edit in `form`, so that a mark goes as soon as its field is corrected.
    void recheck_while_refused(wxWindow* form, std::function<void()> read);

private:
    struct Problem {
        wxWindow* control;
        wxString field;
        wxString reason;
    };
    void note(wxWindow* control, const wxString& field, const wxString& problem);
    wxString refused_by_database(wxWindow* control);

    wxString message(const wxString& what) const;

    Session* session_;
    Kind kind_;
    WrappedText* line_ = nullptr;
    wxString prefix_;
    std::vector<Problem> problems_;
    struct Refusal {
        wxString text;    // what the field held when the database refused it
        wxString reason;
    };
    std::map<wxWindow*, Refusal> refused_;
    bool reported_ = false;  // the last finish() reported problems
};

}  // namespace fidelis::gui
