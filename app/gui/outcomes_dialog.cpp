// The Outcomes view (outcomes_dialog.h). Counts are checked by the store's rules, the same
// as the command line and exchange files use; the dialog only reads the fields.
#include "outcomes_dialog.h"

#include "../core/errors.h"
#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <charconv>

namespace fidelis::gui {
namespace {

std::string count_text(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }

std::string counts_text(const GenderCount& c) {
    if (c.empty()) return "–";
    return count_text(c.women) + " / " + count_text(c.men) + " / " + count_text(c.other) + " (" +
           std::to_string(c.total()) + ")";
}

// An empty field is "not given"; anything but a whole number is refused with the field's name.
std::optional<int> read_count(wxTextCtrl* field, const wxString& name) {
    const std::string text = utf8(field->GetValue().Strip(wxString::both));
    if (text.empty()) return std::nullopt;
    long long v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < -1000000000 || v > 1000000000)
        throw Error(format(utf8(_("{1}: \"{2}\" is not a whole number.")), {utf8(name), text}));
    return static_cast<int>(v);
}

}  // namespace

OutcomesDialog::OutcomesDialog(wxWindow* parent, Session& session, Id team)
    : wxDialog(parent, wxID_ANY, _("Quarterly outcomes"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session), team_(team) {
    const Team t = session_.store->team(team);
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(heading(this, wx(t.name + " · ") + _("Quarterly outcomes"), 1.2f), 0, wxBOTTOM, FromDIP(6));
    // xgettext:no-c-format (a percent sign, not a placeholder)
    v->Add(wrapped_text(this, _("Per quarter: the people the team served, and of them those in competitive work and "
                                "in studies, for women, men and other or unknown gender. The employment rate is those "
                                "in work among those served; benchmarks 31 % minimum, 41 % average, 50 % excellent.")),
           0, wxEXPAND | wxBOTTOM, FromDIP(8));
    list = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const wxString& c : {_("Quarter"), _("Served: women / men / other"), _("In work"), _("In studies"),
                              _("Employment rate"), _("Referrals"), _("Job starts")})
        list->AppendColumn(c);
    name_for_screen_readers(list, _("The team's quarterly outcomes"));
    v->Add(list, 1, wxEXPAND | wxBOTTOM, FromDIP(8));

    auto* grid = new wxFlexGridSizer(5, FromDIP(6), FromDIP(8));
    grid->Add(new wxStaticText(this, wxID_ANY, ""));
    for (const wxString& h : {_("Women"), _("Men"), _("Other or unknown")})
        grid->Add(new wxStaticText(this, wxID_ANY, h), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(new wxStaticText(this, wxID_ANY, ""));
    auto row = [&](const wxString& label, std::array<wxTextCtrl*, 3>& fields) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        const wxString genders[] = {_("Women"), _("Men"), _("Other or unknown")};
        for (int i = 0; i < 3; ++i) {
            fields[std::size_t(i)] = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(80, -1)));
            name_for_screen_readers(fields[std::size_t(i)], label + ": " + genders[i]);
            grid->Add(fields[std::size_t(i)]);
        }
        grid->Add(new wxStaticText(this, wxID_ANY, ""));
    };
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    quarter = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(90, -1)));
    quarter->SetHint("2025Q3");
    add_labelled_group(this, top, _("Quarter (as 2025Q3)"), quarter);
    referrals = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(70, -1)));
    add_labelled_group(this, top, _("Referrals"), referrals);
    job_starts = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(70, -1)));
    add_labelled_group(this, top, _("Job starts"), job_starts);
    v->Add(top, 0, wxBOTTOM, FromDIP(6));
    row(_("Served"), served);
    row(_("In competitive work"), working);
    row(_("In studies"), studying);
    v->Add(grid, 0, wxBOTTOM, FromDIP(6));
    message = new wxStaticText(this, wxID_ANY, "");
    v->Add(message, 0, wxEXPAND | wxBOTTOM, FromDIP(6));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* save_button = new wxButton(this, wxID_ANY, _("Save quarter"));
    auto* remove_button = new wxButton(this, wxID_ANY, _("Remove quarter"));
    auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
    buttons->Add(save_button, 0, wxRIGHT, FromDIP(8));
    buttons->Add(remove_button, 0, wxRIGHT, FromDIP(8));
    buttons->AddStretchSpacer();
    buttons->Add(close);
    v->Add(buttons, 0, wxEXPAND);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(outer);
    SetEscapeId(wxID_CLOSE);
    save_button->SetDefault();

    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    remove_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (IsModal()) EndModal(wxID_CLOSE);
        else Hide();
    });
    list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const long i = e.GetIndex();
        if (i >= 0 && std::size_t(i) < outcomes_.size()) fill_form(outcomes_[std::size_t(i)]);
    });
    refresh();
}

void OutcomesDialog::refresh() {
    outcomes_ = session_.store->outcomes(team_);
    list->DeleteAllItems();
    // The newest quarter first: it is the one entered next to.
    for (std::size_t n = outcomes_.size(); n-- > 0;) {
        const TeamOutcome& o = outcomes_[n];
        const long row = list->InsertItem(list->GetItemCount(), wx(o.quarter.text()));
        list->SetItem(row, 1, wx(counts_text(o.served)));
        list->SetItem(row, 2, wx(counts_text(o.working)));
        list->SetItem(row, 3, wx(counts_text(o.studying)));
        const auto rate = o.employment_rate();
        list->SetItem(row, 4, rate ? wx(format_decimal(round_half_up(*rate, 1), 1, session_.lang) + " %") : wxString("–"));
        list->SetItem(row, 5, wx(count_text(o.referrals)));
        list->SetItem(row, 6, wx(count_text(o.job_starts)));
    }
    std::reverse(outcomes_.begin(), outcomes_.end());  // in the list's order
    for (int c = 0; c < list->GetColumnCount(); ++c) list->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
}

void OutcomesDialog::fill_form(const TeamOutcome& o) {
    quarter->SetValue(wx(o.quarter.text()));
    const GenderCount* counts[] = {&o.served, &o.working, &o.studying};
    std::array<wxTextCtrl*, 3>* fields[] = {&served, &working, &studying};
    for (int r = 0; r < 3; ++r) {
        (*fields[r])[0]->SetValue(wx(count_text(counts[r]->women)));
        (*fields[r])[1]->SetValue(wx(count_text(counts[r]->men)));
        (*fields[r])[2]->SetValue(wx(count_text(counts[r]->other)));
    }
    referrals->SetValue(wx(count_text(o.referrals)));
    job_starts->SetValue(wx(count_text(o.job_starts)));
}

void OutcomesDialog::show_message(const wxString& text, bool refused) {
    message->SetForegroundColour(refused ? wxColour(0xa3, 0x32, 0x2b) : wxColour(0x1f, 0x29, 0x38));
    message->SetLabel(refused ? _("Not saved: ") + text : text);
    message->Wrap(GetClientSize().GetWidth() - FromDIP(24));
    Layout();
}

bool OutcomesDialog::save() {
    try {
        const auto q = Quarter::try_parse(utf8(quarter->GetValue().Strip(wxString::both)));
        if (!q)
            throw Error(format(utf8(_("\"{1}\" is not a quarter: write a year and 1 to 4, as in 2025Q3.")),
                               {utf8(quarter->GetValue())}));
        TeamOutcome o;
        o.team_id = team_;
        o.quarter = *q;
        auto read = [](const std::array<wxTextCtrl*, 3>& f, const wxString& name) {
            return GenderCount{read_count(f[0], name), read_count(f[1], name), read_count(f[2], name)};
        };
        o.served = read(served, _("Served"));
        o.working = read(working, _("In competitive work"));
        o.studying = read(studying, _("In studies"));
        o.referrals = read_count(referrals, _("Referrals"));
        o.job_starts = read_count(job_starts, _("Job starts"));
        session_.store->set_outcome(o);
        session_.saved(wx(o.quarter.text()));
        refresh();
        show_message(wxString::Format(_("Saved %s."), wx(o.quarter.text())), false);
        return true;
    } catch (...) {
        show_message(wx(current_error_text()), true);
        return false;
    }
}

bool OutcomesDialog::remove() {
    try {
        const auto q = Quarter::try_parse(utf8(quarter->GetValue().Strip(wxString::both)));
        if (!q)
            throw Error(format(utf8(_("\"{1}\" is not a quarter: write a year and 1 to 4, as in 2025Q3.")),
                               {utf8(quarter->GetValue())}));
        session_.store->remove_outcome(team_, *q);
        session_.saved(wx(q->text()));
        refresh();
        show_message(wxString::Format(_("Removed %s."), wx(q->text())), false);
        return true;
    } catch (...) {
        show_message(wx(current_error_text()), true);
        return false;
    }
}

}  // namespace fidelis::gui
