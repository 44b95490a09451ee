#pragma once
// A round's change history: who changed what and when, old -> new, newest questions
// answered without leaving the round. The lines are store/history_text.h's, the same as
// `fidelis-cli history` prints.
#include "store/history_text.h"

#include <wx/dialog.h>

#include <vector>

class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace fidelis::gui {

class HistoryDialog : public wxDialog {
public:
    enum Column { When, Who, What, Old, New };
    HistoryDialog(wxWindow* parent, std::vector<HistoryLine> lines, const wxString& round_name);

    // Sorts by a column, as a click on its header does; a second call reverses.
    void sort_by(int column);
    // Shows only the lines with `text` in any column, whatever the case.
    void set_filter(const wxString& text);
    // The line shown in a row, for tests.
    const HistoryLine& line_in_row(long row) const { return lines_[shown_[std::size_t(row)]]; }
    long rows() const;

    wxTextCtrl* filter;
    wxListCtrl* list;

private:
    void fill();
    std::vector<HistoryLine> lines_;
    std::vector<std::size_t> shown_;
    int sort_column_ = When;
    bool descending_ = false;
    wxStaticText* count_ = nullptr;
};

}  // namespace fidelis::gui
