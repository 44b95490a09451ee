#include "result_panel.h"

#include "charts.h"
#include "reports/analysis.h"
#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>


#include <algorithm>

namespace fidelis::gui {

ResultPanel::ResultPanel(wxWindow* parent, RoundContext& ctx)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL), ctx_(ctx) {
    SetScrollRate(0, FromDIP(12));
    auto* v = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    // The round's commands first, where they are seen without scrolling.
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    lock_ = new wxButton(this, wxID_ANY, _("Complete round"));
    auto* report = new wxButton(this, wxID_ANY, _("Round report…"));
    auto* card = new wxButton(this, wxID_ANY, _("Scorecard…"));
    buttons->Add(lock_);
    buttons->Add(report, 0, wxLEFT, gap);
    buttons->Add(card, 0, wxLEFT, gap);
    v->Add(buttons, 0, wxBOTTOM, gap);
    total_ = new wxStaticText(this, wxID_ANY, "");
    total_->SetFont(total_->GetFont().Bold().Scaled(1.6f));
    v->Add(total_, 0, wxBOTTOM, gap);
    change_ = new wxStaticText(this, wxID_ANY, "");
    v->Add(change_, 0, wxBOTTOM, gap);
    gauge_ = new GaugeChart(this);
    name_for_screen_readers(gauge_, _("Total and bands"));
    v->Add(gauge_, 0, wxEXPAND | wxBOTTOM, gap);
    sections_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 110)), wxLC_REPORT);
    sections_->AppendColumn(_("Section"));
    sections_->AppendColumn(_("Score"), wxLIST_FORMAT_RIGHT);
    sections_->AppendColumn(_("Max"), wxLIST_FORMAT_RIGHT);
    sections_->AppendColumn(_("Previous"), wxLIST_FORMAT_RIGHT);
    sections_->AppendColumn(_("Change"), wxLIST_FORMAT_RIGHT);
    name_for_screen_readers(sections_, _("Section scores"));
    v->Add(sections_, 0, wxEXPAND | wxBOTTOM, gap);
    strengths_items_ = new wxStaticText(this, wxID_ANY, "");
    v->Add(strengths_items_, 0, wxEXPAND | wxBOTTOM, gap);
    auto* pbox = new wxStaticBoxSizer(wxVERTICAL, this, _("Item profile: filled dot now, ring the previous round"));
    profile_ = new ProfileChart(pbox->GetStaticBox());
    name_for_screen_readers(profile_, _("Item profile"));
    pbox->Add(profile_, 1, wxEXPAND);
    v->Add(pbox, 0, wxEXPAND | wxBOTTOM, gap);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1, 1);
    strengths_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
    add_labelled(this, grid, _("Strengths:"), strengths_);
    recommendations_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
    add_labelled(this, grid, _("Recommendations:"), recommendations_);
    v->Add(grid, 0, wxEXPAND | wxBOTTOM, gap);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);

    auto save = [this](wxCommandEvent&) {
        if (loading_) return;
        try {
            ctx_.store().set_round_summary(ctx_.id, utf8(strengths_->GetValue()), utf8(recommendations_->GetValue()));
            ctx_.session.saved(_("summary"));
        } catch (...) {
            show_error(this, std::current_exception());
        }
    };
    strengths_->Bind(wxEVT_TEXT, save);
    recommendations_->Bind(wxEVT_TEXT, save);
    lock_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (ctx_.round.status == RoundStatus::Completed) reopen();
        else complete();
    });
    report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_report) on_report(0);
    });
    card->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_report) on_report(1);
    });
}

void ResultPanel::refresh() {
    loading_ = true;
    const reports::RoundAnalysis a = reports::analyse_round(ctx_.store(), ctx_.id);
    const Scale& scale = *a.scale;
    const int d = scale.scoring.decimals;
    const std::string& lang = ctx_.session.lang;
    wxString total = fmt(_("{1} of {2}"), {number(a.score.total, d), number(scale.max_total(), d)});
    if (a.score.band) total += wxString::FromUTF8(" · ") + wx(a.score.band->label.get(lang));
    else if (!a.score.complete())
        total += wxString::FromUTF8(" · ") + fmt(_("incomplete: {1} of {2} items agreed"),
                                                 {wxString::Format("%d", a.score.rated), wxString::Format("%d", a.score.items)});
    total_->SetLabel(total);
    if (const auto ch = a.change())
        change_->SetLabel(fmt(_("Change since {1}: {2} (from {3})"),
                              {wx(a.previous->assessed_on.iso()), wx(format_change(*ch, d, lang)),
                               number(a.previous_score->total, d)}));
    else
        change_->SetLabel(a.previous ? fmt(_("Previous round: {1}"), {wx(a.previous->assessed_on.iso())})
                                     : _("This is the team's first round with this scale."));
    gauge_->set(a.scale, a.score,
                a.previous_score && a.previous_score->complete() ? std::optional<double>(a.previous_score->total) : std::nullopt);
    sections_->DeleteAllItems();
    for (std::size_t i = 0; i < a.score.sections.size(); ++i) {
        const SectionScore& s = a.score.sections[i];
        const Section* sec = scale.section(s.section_id);
        const int sd = scale.scoring.mode == TotalMode::Mean ? 1 : 0;
        const long row = sections_->InsertItem(long(i), wx(sec ? sec->name.get(lang) : s.section_id));
        sections_->SetItem(row, 1, number(s.value, sd) + (s.complete() ? "" : " *"));
        sections_->SetItem(row, 2, number(s.max_possible, sd));
        if (a.previous_score && i < a.previous_score->sections.size()) {
            const double before = a.previous_score->sections[i].value;
            sections_->SetItem(row, 3, number(before, sd));
            sections_->SetItem(row, 4, wx(format_change(s.value - before, sd, lang)));
        }
    }
    fit_columns(sections_);
    sections_->SetColumnWidth(0, std::max(sections_->GetColumnWidth(0), FromDIP(220)));
    auto names = [&](const std::vector<std::string>& ids) {
        wxString out;
        for (const auto& id : ids) out += (out.empty() ? "" : ", ") + wx(id);
        return out.empty() ? wxString::FromUTF8("–") : out;
    };
    strengths_items_->SetLabel(fmt(_("Highest rated: {1}.   Lowest rated: {2}.   At 3 or below twice or more: {3}."),
                                   {names(a.strengths), names(a.priorities), names(a.stuck)}));
    std::vector<ProfileChart::Row> rows;
    for (const auto& ir : a.items)
        rows.push_back({ir.item_id + "  " + scale.item(ir.item_id)->name.get(lang), ir.level, ir.previous});
    profile_->set(a.scale, rows);
    strengths_->ChangeValue(wx(a.round.strengths));
    recommendations_->ChangeValue(wx(a.round.recommendations));
    const bool completed = a.round.status == RoundStatus::Completed;
    strengths_->SetEditable(!ctx_.read_only());
    recommendations_->SetEditable(!ctx_.read_only());
    lock_->SetLabel(completed ? _("Reopen round…") : _("Complete round"));
    lock_->Enable(!ctx_.session.store->read_only());
    FitInside();
    Layout();
    loading_ = false;
}

void ResultPanel::complete() {
    if (!confirm(this, _("Complete the round? It becomes read-only; reopening it later is logged."), _("Complete round")))
        return;
    try {
        ctx_.store().set_status(ctx_.id, RoundStatus::Completed);
        ctx_.session.saved(_("round completed"));
        if (on_status_changed) on_status_changed();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

void ResultPanel::reopen() {
    wxTextEntryDialog dlg(this, _("Why is the round reopened? The reason is kept in the history."), _("Reopen round"));
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        ctx_.store().reopen(ctx_.id, utf8(dlg.GetValue()));
        ctx_.session.saved(_("round reopened"));
        if (on_status_changed) on_status_changed();
    } catch (...) {
        show_error(this, std::current_exception());
    }
}

namespace {

bool same(const GenderCount& a, const GenderCount& b) { return a.women == b.women && a.men == b.men && a.other == b.other; }

bool same(const TeamFigures& a, const TeamFigures& b) {
    return a.period_from == b.period_from && a.period_to == b.period_to && a.specialists == b.specialists &&
           a.caseload == b.caseload && same(a.participants, b.participants) && same(a.competitive_work, b.competitive_work) &&
           same(a.studies, b.studies);
}

}  // namespace

FiguresPanel::FiguresPanel(wxWindow* parent, RoundContext& ctx)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      ctx_(ctx),
      check_(&ctx.session) {
    SetScrollRate(0, FromDIP(12));
    auto* v = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    from_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("Figures cover, from (YYYY-MM-DD):"), from_);
    to_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("to:"), to_);
    // "to" alone says nothing to a screen reader, nor in a message about what was not saved.
    name_for_screen_readers(to_, _("Figures cover, to"));
    specialists_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("Employment specialists (full-time equivalents):"), specialists_);
    caseload_ = new wxTextCtrl(this, wxID_ANY);
    add_labelled(this, head, _("Caseload (participants on the specialists' lists):"), caseload_);
    v->Add(head, 0, wxBOTTOM, FromDIP(12));

    auto* grid = new wxFlexGridSizer(5, FromDIP(wxSize(10, 6)));
    const wxString columns[] = {"", _("Women"), _("Men"), _("Other or unknown"), _("Total")};
    for (const auto& c : columns) {
        auto* t = new wxStaticText(this, wxID_ANY, c);
        t->SetFont(t->GetFont().Bold());
        grid->Add(t);
    }
    const wxString rows[] = {_("Participants"), _("In competitive work"), _("Started studies")};
    for (int r = 0; r < 3; ++r) {
        grid->Add(new wxStaticText(this, wxID_ANY, rows[r]), 0, wxALIGN_CENTER_VERTICAL);
        for (int c = 0; c < 3; ++c) {
            counts_[r][c] = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(80, -1)));
            name_for_screen_readers(counts_[r][c], rows[r] + ", " + columns[c + 1]);
            grid->Add(counts_[r][c]);
        }
        totals_[r] = new wxStaticText(this, wxID_ANY, "");
        grid->Add(totals_[r], 0, wxALIGN_CENTER_VERTICAL);
    }
    v->Add(grid);
    v->Add(check_.make_line(this), 0, wxEXPAND | wxTOP, FromDIP(8));
    v->Add(wrapped_text(this, _("Counts are kept per gender, as ESF reporting asks. Leave a field empty "
                                "when the number is not known; 0 means none.")),
           0, wxEXPAND | wxTOP, FromDIP(8));
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);

    auto on_text = [this](wxCommandEvent& e) {
        if (!loading_) save(dynamic_cast<wxWindow*>(e.GetEventObject()));
    };
    for (wxTextCtrl* t : {from_, to_, specialists_, caseload_}) t->Bind(wxEVT_TEXT, on_text);
    for (auto& row : counts_)
        for (wxTextCtrl* t : row) t->Bind(wxEVT_TEXT, on_text);
}

void FiguresPanel::refresh() {
    loading_ = true;
    const TeamFigures f = ctx_.store().team_figures(ctx_.id).value_or(TeamFigures{});
    // A value the user is still correcting stays as typed (show_stored).
    show_stored(from_, f.period_from ? wx(f.period_from->iso()) : "");
    show_stored(to_, f.period_to ? wx(f.period_to->iso()) : "");
    show_stored(specialists_, f.specialists ? number(*f.specialists, 1) : "");
    show_stored(caseload_, f.caseload ? wxString::Format("%d", *f.caseload) : "");
    const GenderCount* counts[] = {&f.participants, &f.competitive_work, &f.studies};
    for (int r = 0; r < 3; ++r) {
        const std::optional<int> values[] = {counts[r]->women, counts[r]->men, counts[r]->other};
        for (int c = 0; c < 3; ++c) show_stored(counts_[r][c], values[c] ? wxString::Format("%d", *values[c]) : "");
        totals_[r]->SetLabel(counts[r]->empty() ? wxString::FromUTF8("–") : wxString::Format("%d", counts[r]->total()));
    }
    const bool editable = !ctx_.read_only();
    for (wxTextCtrl* t : {from_, to_, specialists_, caseload_}) t->SetEditable(editable);
    for (auto& row : counts_)
        for (wxTextCtrl* t : row) t->SetEditable(editable);
    loading_ = false;
}

void FiguresPanel::save(wxWindow* edited) {
    // Every figure that can be accepted is saved; one that cannot keeps its saved value, and
    // its text stays on screen, marked, until it is corrected.
    const TeamFigures stored = ctx_.store().team_figures(ctx_.id).value_or(TeamFigures{});
    TeamFigures f;
    check_.begin();
    f.period_from = check_.take(from_, read_date(from_->GetValue()), stored.period_from);
    f.period_to = check_.take(to_, read_date(to_->GetValue()), stored.period_to);
    if (f.period_from && f.period_to && *f.period_to < *f.period_from) {
        for (wxTextCtrl* t : {from_, to_})
            if (field_problem(t).empty()) check_.refuse(t, _("the period ends before it starts"));
        f.period_from = stored.period_from;
        f.period_to = stored.period_to;
    }
    f.specialists = check_.take(specialists_, read_number(specialists_->GetValue(), 0.0), stored.specialists);
    f.caseload = check_.take(caseload_, read_count(caseload_->GetValue()), stored.caseload);
    GenderCount* counts[] = {&f.participants, &f.competitive_work, &f.studies};
    const GenderCount* kept[] = {&stored.participants, &stored.competitive_work, &stored.studies};
    for (int r = 0; r < 3; ++r) {
        std::optional<int>* values[] = {&counts[r]->women, &counts[r]->men, &counts[r]->other};
        const std::optional<int>* before[] = {&kept[r]->women, &kept[r]->men, &kept[r]->other};
        for (int c = 0; c < 3; ++c) *values[c] = check_.take(counts_[r][c], read_count(counts_[r][c]->GetValue()), *before[c]);
        // The totals add up what is saved.
        totals_[r]->SetLabel(counts[r]->empty() ? wxString::FromUTF8("–") : wxString::Format("%d", counts[r]->total()));
    }
    if (same(f, stored)) return check_.finish();
    check_.save(this, _("team figures"), [&] {
        ctx_.store().set_team_figures(ctx_.id, f);
    }, edited);
}

}  // namespace fidelis::gui
