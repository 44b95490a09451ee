#include "pages.h"

#include "charts.h"
#include "grouping_dialogs.h"
#include "review_list.h"
#include "outcomes_dialog.h"
#include "base/i18n.h"
#include "ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <set>

namespace fidelis::gui {

WelcomePage::WelcomePage(wxWindow* parent, const std::vector<std::string>& recent) : wxPanel(parent) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    v->Add(heading(this, _("Welcome to Fidelis"), 1.8f), 0, wxBOTTOM, FromDIP(10));
    auto* text = new wxStaticText(this, wxID_ANY, _("Fidelis helps SE and IPS teams measure their fidelity, agree a result and plan "
                                                    "improvements, and helps network leaders follow a county over time.\n"
                                                    "Everything you type is saved at once: in a database file on this computer, "
                                                    "or in your county's shared database on a server."));
    text->Wrap(FromDIP(620));
    v->Add(text, 0, wxBOTTOM, FromDIP(16));
    auto* create = new wxButton(this, wxID_ANY, _("Create a new database for a county…"));
    auto* open = new wxButton(this, wxID_ANY, _("Open a database…"));
    auto* connect = new wxButton(this, wxID_ANY, _("Connect to the county's server…"));
    auto* demo = new wxButton(this, wxID_ANY, _("Try the demo county (Jönköping county)"));
    for (wxButton* b : {create, open, connect, demo}) v->Add(b, 0, wxBOTTOM | wxEXPAND, FromDIP(8));
    if (!recent.empty()) {
        v->Add(new wxStaticText(this, wxID_ANY, _("Recent databases:")), 0, wxTOP, FromDIP(10));
        for (const auto& path : recent) {
            auto* b = new wxButton(this, wxID_ANY, wx(path), wxDefaultPosition, wxDefaultSize, wxBU_LEFT);
            b->Bind(wxEVT_BUTTON, [this, path](wxCommandEvent&) {
                if (on_recent) on_recent(path);
            });
            v->Add(b, 0, wxTOP | wxEXPAND, FromDIP(4));
        }
    }
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 0, wxALL, FromDIP(32));
    SetSizer(outer);
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_new) on_new();
    });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_open) on_open();
    });
    demo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_demo) on_demo();
    });
    connect->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_connect) on_connect();
    });
}

TeamPage::TeamPage(wxWindow* parent, Session& session, Id team) : wxPanel(parent), session_(session), team_(team) {
    auto* v = new wxBoxSizer(wxVERTICAL);
    title_ = heading(this, "", 1.4f);
    v->Add(title_, 0, wxBOTTOM, FromDIP(6));
    active_ = new wxCheckBox(this, wxID_ANY, _("Active team"));
    v->Add(active_, 0, wxBOTTOM, FromDIP(8));
    list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 220)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const wxString& c : {_("Date"), _("Scale"), _("Review type"), _("Status"), _("Total"), _("Band")}) list_->AppendColumn(c);
    name_for_screen_readers(list_, _("The team's rounds"));
    v->Add(list_, 1, wxEXPAND | wxBOTTOM, FromDIP(8));
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Totals over time"));
    trend_ = new Sparkline(box->GetStaticBox());
    trend_->SetMinSize(FromDIP(wxSize(320, 150)));
    name_for_screen_readers(trend_, _("Totals over time"));
    box->Add(trend_, 1, wxEXPAND);
    v->Add(box, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    auto* create = new wxButton(this, wxID_ANY, _("New round…"));
    // TRANSLATORS: a button that opens the selected round (a verb), not a round that is open.
    auto* open = new wxButton(this, wxID_ANY, _("Open round"));
    auto* trend = new wxButton(this, wxID_ANY, _("Trend report…"));
    auto* card = new wxButton(this, wxID_ANY, _("Scorecard…"));
    auto* exp = new wxButton(this, wxID_ANY, _("Export rounds…"));
    auto* outcomes = new wxButton(this, wxID_ANY, _("Quarterly outcomes…"));
    for (wxButton* b : {create, open, trend, card, exp, outcomes}) buttons->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    v->Add(buttons, 0, wxEXPAND);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);

    auto open_selected = [this] {
        const long i = list_->GetFirstSelected();
        if (i >= 0 && on_open_round) on_open_round(rounds_[std::size_t(i)].id);
    };
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [open_selected](wxListEvent&) { open_selected(); });
    open->Bind(wxEVT_BUTTON, [open_selected](wxCommandEvent&) { open_selected(); });
    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_new_round) on_new_round();
    });
    auto report = [this](ReportKind kind) {
        if (!on_report) return;
        ReportRequest r;
        r.kind = kind;
        r.id = team_;
        on_report(r);
    };
    trend->Bind(wxEVT_BUTTON, [report](wxCommandEvent&) { report(ReportKind::Trend); });
    card->Bind(wxEVT_BUTTON, [report](wxCommandEvent&) { report(ReportKind::Scorecard); });
    exp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_export) on_export();
    });
    outcomes->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        try {
            OutcomesDialog dialog(this, session_, team_);
            dialog.ShowModal();
        } catch (...) {
            show_error(this, std::current_exception());
        }
    });
    active_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        try {
            Team t = session_.store->team(team_);
            t.active = active_->GetValue();
            session_.store->update_team(t);
            session_.saved(wx(t.name));
        } catch (...) {
            show_error(this, std::current_exception());
        }
    });
    refresh();
}

void TeamPage::refresh() {
    Store& store = *session_.store;
    const Team t = store.team(team_);
    title_->SetLabel(wx(t.name + " · " + t.municipality_name + " · " + label_of(t.method)));
    active_->SetValue(t.active);
    rounds_ = store.rounds_of_team(team_);
    list_->DeleteAllItems();
    std::vector<std::pair<std::string, std::optional<double>>> points;
    ScalePtr trend_scale;
    const std::string trend_id = rounds_.empty() ? "" : rounds_.back().scale_id;
    for (std::size_t i = 0; i < rounds_.size(); ++i) {
        const Round& r = rounds_[i];
        const ScalePtr scale = store.scale_of(r);
        const Score s = score(*scale, store.result_ratings(r.id));
        const long row = list_->InsertItem(long(i), wx(r.assessed_on.iso()));
        list_->SetItem(row, 1, wx(scale->display_name(session_.lang) + " (" + r.edition + ")"));
        list_->SetItem(row, 2, wx(label_of(r.review_type)));
        list_->SetItem(row, 3, wx(label_of(r.status)));
        list_->SetItem(row, 4, number(s.total, scale->scoring.decimals) + (s.complete() ? "" : " *"));
        list_->SetItem(row, 5, s.band ? wx(s.band->label.get(session_.lang)) : wxString(s.complete() ? "" : _("incomplete")));
        if (r.scale_id == trend_id) {
            trend_scale = scale;
            points.emplace_back(std::to_string(r.assessed_on.year) + "-" + (r.assessed_on.month < 10 ? "0" : "") +
                                    std::to_string(r.assessed_on.month),
                                s.complete() ? std::optional<double>(s.total) : std::nullopt);
        }
    }
    fit_columns(list_);
    if (!rounds_.empty()) {
        list_->Select(long(rounds_.size()) - 1);
        list_->EnsureVisible(long(rounds_.size()) - 1);
    }
    trend_->set(trend_scale, points);
}

CountyPage::CountyPage(wxWindow* parent, Session& session)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      session_(session),
      check_(&session, FieldCheck::Kind::NotApplied) {
    SetScrollRate(0, FromDIP(12));
    auto* v = new wxBoxSizer(wxVERTICAL);
    // The report buttons sit beside the title, where they are seen without scrolling past the grid.
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(heading(this, wx(session.store->home_county().name), 1.4f), 1, wxALIGN_CENTER_VERTICAL);
    auto* report = new wxButton(this, wxID_ANY, _("County report…"));
    auto* coded = new wxButton(this, wxID_ANY, _("Coded county report…"));
    auto* groupings = new wxButton(this, wxID_ANY, _("Groupings…"));
    head->Add(report, 0, wxLEFT, FromDIP(8));
    head->Add(coded, 0, wxLEFT, FromDIP(8));
    head->Add(groupings, 0, wxLEFT, FromDIP(8));
    v->Add(head, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    auto* filters = new wxWrapSizer(wxHORIZONTAL);
    scale_ = new wxChoice(this, wxID_ANY);
    // Not all_rounds(): that loads every round of the country with its raters (1.6 s at 4×).
    scale_ids_ = session.store->scale_ids_in_use();
    for (const auto& id : scale_ids_) {
        const ScaleEntry* entry = session.scales.find(id);
        scale_->Append(wx(entry ? entry->scale->display_name(session.lang) : id));
    }
    const auto ips = std::find(scale_ids_.begin(), scale_ids_.end(), "ips-25");
    scale_->SetSelection(ips != scale_ids_.end() ? int(ips - scale_ids_.begin()) : 0);
    add_labelled_group(this, filters, _("Scale:"), scale_);
    from_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(100, -1)));
    add_labelled_group(this, filters, _("From:"), from_);
    to_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(100, -1)));
    add_labelled_group(this, filters, _("To:"), to_);
    grouping_ = new wxChoice(this, wxID_ANY);
    add_labelled_group(this, filters, _("Group by:"), grouping_);
    filter_ = new wxChoice(this, wxID_ANY);
    add_labelled_group(this, filters, _("Show:"), filter_);
    fill_groupings();
    v->Add(filters, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    v->Add(check_.make_line(this), 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    reviews_ = new ReviewsDueList(this, session);
    v->Add(reviews_, 0, wxEXPAND | wxBOTTOM, FromDIP(12));
    summary_ = new wxStaticText(this, wxID_ANY, "");
    v->Add(summary_, 0, wxBOTTOM, FromDIP(8));
    bars_ = new BarsChart(this);
    name_for_screen_readers(bars_, _("Totals per team"));
    v->Add(bars_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    table_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)), wxLC_REPORT);
    for (const wxString& c : {_("Group"), _("Municipality"), _("Team"), _("Date"), _("Review type"), _("Total"), _("Band")})
        table_->AppendColumn(c);
    name_for_screen_readers(table_, _("Latest round per team"));
    v->Add(table_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    v->Add(wrapped_text(this, _("Item by team: the agreed level is written in each cell; colours follow the "
                                "fixed levels and are not a ranking.")),
           0, wxEXPAND | wxBOTTOM, FromDIP(4));
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->CreateGrid(0, 0);
    grid_->EnableEditing(false);
    grid_->SetDefaultCellAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    name_for_screen_readers(grid_, _("Item by team"));
    v->Add(grid_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(v, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(outer);

    auto changed = [this](wxCommandEvent&) { refresh(); };
    scale_->Bind(wxEVT_CHOICE, changed);
    grouping_->Bind(wxEVT_CHOICE, changed);
    filter_->Bind(wxEVT_CHOICE, changed);
    from_->Bind(wxEVT_TEXT, changed);
    to_->Bind(wxEVT_TEXT, changed);
    auto run = [this](bool coded_report) {
        if (!on_report) return;
        ReportRequest r;
        r.kind = ReportKind::County;
        r.county = query();
        r.county.coded = coded_report;
        on_report(r);
    };
    report->Bind(wxEVT_BUTTON, [run](wxCommandEvent&) { run(false); });
    coded->Bind(wxEVT_BUTTON, [run](wxCommandEvent&) { run(true); });
    groupings->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_groupings(); });
    refresh();
}

void CountyPage::fill_groupings() {
    const std::string grouped_by =
        grouping_->GetSelection() >= 0 ? grouping_values_[std::size_t(grouping_->GetSelection())] : "county-part";
    const std::string shown = filter_->GetSelection() > 0 ? groupings_[std::size_t(filter_->GetSelection() - 1)].name : "";
    grouping_->Clear();
    grouping_values_.clear();
    filter_->Clear();
    groupings_ = session_.store->groupings();
    grouping_->Append(_("County parts"));
    grouping_values_.push_back("county-part");
    for (const Grouping& g : groupings_)
        if (g.kind != "county-part") {
            grouping_->Append(wx(g.name));
            grouping_values_.push_back(g.name);
        }
    grouping_->Append(_("No grouping"));
    grouping_values_.push_back("none");
    filter_->Append(_("All municipalities"));
    for (const Grouping& g : groupings_) filter_->Append(wx(g.name));
    // A removed grouping falls back to county parts, or to every municipality.
    if (!group_by(grouped_by)) grouping_->SetSelection(0);
    filter_->SetSelection(0);
    for (std::size_t i = 0; i < groupings_.size(); ++i)
        if (groupings_[i].name == shown) filter_->SetSelection(int(i) + 1);
}

bool CountyPage::group_by(const std::string& value) {
    const auto it = std::find(grouping_values_.begin(), grouping_values_.end(), value);
    if (it == grouping_values_.end()) return false;
    grouping_->SetSelection(int(it - grouping_values_.begin()));
    return true;
}

void CountyPage::edit_groupings() {
    GroupingsDialog dlg(this, session_);
    dlg.ShowModal();
    fill_groupings();
    refresh();
}

reports::CountyQuery CountyPage::query() const {
    reports::CountyQuery q;
    if (scale_->GetSelection() >= 0 && !scale_ids_.empty()) q.scale_id = scale_ids_[std::size_t(scale_->GetSelection())];
    // A date that cannot be read leaves its end of the period open; refresh() marks it.
    q.from = read_date(from_->GetValue()).value;
    q.to = read_date(to_->GetValue()).value;
    q.grouping = grouping_values_[std::size_t(std::max(0, grouping_->GetSelection()))];
    if (const int f = filter_->GetSelection(); f > 0) q.only_grouping = groupings_[std::size_t(f - 1)].name;
    return q;
}

void CountyPage::refresh() {
    check_.begin();
    check_.take(from_, read_date(from_->GetValue()));
    check_.take(to_, read_date(to_->GetValue()));
    check_.finish();
    const reports::CountyQuery q = query();
    std::set<std::string> only;
    if (const int f = filter_->GetSelection(); f > 0)
        only.insert(groupings_[std::size_t(f - 1)].members.begin(), groupings_[std::size_t(f - 1)].members.end());
    reviews_->show(q.scale_id, only, Date::today());
    const reports::CountyAnalysis c = reports::analyse_county(*session_.store, q);
    shown_teams_ = int(c.teams.size());
    table_->DeleteAllItems();
    if (!c.scale) {
        summary_->SetLabel(_("No completed rounds match."));
        bars_->set(nullptr, {});
        if (grid_->GetNumberRows()) grid_->DeleteRows(0, grid_->GetNumberRows());
        if (grid_->GetNumberCols()) grid_->DeleteCols(0, grid_->GetNumberCols());
        return;
    }
    const Scale& scale = *c.scale;
    const int d = scale.scoring.decimals;
    wxString summary = fmt(trn("{1} team · median {2} (range {3}–{4})", "{1} teams · median {2} (range {3}–{4})", c.teams.size()),
                           {wxString::Format("%zu", c.teams.size()), number(c.median_total, d), number(c.min_total, d),
                            number(c.max_total, d)});
    if (c.good_band)
        summary += wxString::FromUTF8(" · ") + fmt(_("{1} or better: {2}"), {wx(c.good_band->label.get(session_.lang)),
                                                                           wx(format_percent(c.share_good_or_better, session_.lang))});
    summary_->SetLabel(summary);
    std::vector<BarsChart::Bar> bars;
    for (std::size_t i = 0; i < c.teams.size(); ++i) {
        const reports::TeamLine& t = c.teams[i];
        bars.push_back({t.label, t.score.total, t.score.complete(), t.score.band});
        const long row = table_->InsertItem(long(i), wx(t.group));
        table_->SetItem(row, 1, wx(t.team.municipality_name));
        table_->SetItem(row, 2, wx(t.team.name));
        table_->SetItem(row, 3, wx(t.round.assessed_on.iso()));
        table_->SetItem(row, 4, wx(label_of(t.round.review_type)));
        table_->SetItem(row, 5, number(t.score.total, d) + (t.score.complete() ? "" : " *"));
        table_->SetItem(row, 6, t.score.band ? wx(t.score.band->label.get(session_.lang)) : wxString());
    }
    fit_columns(table_);
    bars_->set(c.scale, bars);

    grid_->BeginBatch();
    if (grid_->GetNumberRows()) grid_->DeleteRows(0, grid_->GetNumberRows());
    if (grid_->GetNumberCols()) grid_->DeleteCols(0, grid_->GetNumberCols());
    grid_->AppendRows(int(scale.items.size()));
    grid_->AppendCols(int(c.teams.size()));
    for (std::size_t col = 0; col < c.teams.size(); ++col) {
        grid_->SetColLabelValue(int(col), wx(c.teams[col].team.municipality_name));
        grid_->SetColSize(int(col), FromDIP(70));
    }
    grid_->SetRowLabelSize(FromDIP(220));
    for (std::size_t r = 0; r < scale.items.size(); ++r) {
        const Item& item = scale.items[r];
        grid_->SetRowLabelValue(int(r), wx(item.id + " " + item.name.get(session_.lang)));
        for (std::size_t col = 0; col < c.teams.size(); ++col) {
            const auto l = c.teams[col].levels.find(item.id);
            if (l == c.teams[col].levels.end()) {
                grid_->SetCellValue(int(r), int(col), wxString::FromUTF8("–"));
                continue;
            }
            const wxColour bg = level_colour(scale, l->second);
            grid_->SetCellValue(int(r), int(col), wxString::Format("%d", l->second));
            grid_->SetCellBackgroundColour(int(r), int(col), bg);
            grid_->SetCellTextColour(int(r), int(col), text_on(bg));
        }
    }
    grid_->EndBatch();
    grid_->SetMinSize(wxSize(-1, FromDIP(40) + grid_->GetDefaultRowSize() * int(scale.items.size())));
    FitInside();
    Layout();
}

}  // namespace fidelis::gui
