// The window never throws typed input away: a value it cannot accept is marked on its field
// with the reason and kept on screen, the status bar says what was not saved, the valid
// fields of the same form are saved regardless, and a dialog does not close on a bad field.
#include "gui_support.h"
#include "test_window.h"

#include "assessment_panel.h"
#include "dialogs.h"
#include "main_frame.h"
#include "pages.h"
#include "plan_dialogs.h"
#include "plan_panel.h"
#include "result_panel.h"
#include "round_page.h"
#include "store/demo.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

struct Demo : TestWindow {
    explicit Demo(const std::string& lang = "sv")
        : TestWindow("demo.fidelis", [](const std::string& path) { Store s = create_demo(path); }, lang) {
        REQUIRE(frame->open_database(db));
        pump(100);
    }
    // A round of a team in a year, or the team's first round in `status` when year is 0.
    Id round_of(const std::string& team, int year, RoundStatus status = RoundStatus::Completed) {
        for (const Team& t : session.store->teams())
            if (t.name == team)
                for (const Round& r : session.store->rounds_of_team(t.id))
                    if (year ? r.assessed_on.year == year : r.status == status) return r.id;
        return 0;
    }
    Id editable_round() {
        for (const Round& r : session.store->all_rounds())
            if (r.status == RoundStatus::Draft) return r.id;
        return 0;
    }
    RoundPage* open(Id round, int tab) {
        RoundPage* page = frame->show_round(round);
        REQUIRE(page);
        page->show_tab(tab);
        pump(300);
        return page;
    }
    wxString status() const { return frame->GetStatusBar()->GetStatusText(0); }
    // What the window's own connection reads back: what was committed.
    Store& stored() { return *session.store; }
    // The database as the next start finds it: the window closed, the file opened again.
    Store reopened() {
        close();
        return Store::open(db);
    }
};

// The accessible name add_labelled gives a field for its label, and the shorter name the
// messages use, without the hint in brackets.
wxString named(const char* label) {
    wxString s = _(label);
    s.Replace("&", "");
    if (s.EndsWith(":")) s.RemoveLast();
    return s;
}
wxString short_name(const char* label) {
    wxString s = named(label);
    if (s.EndsWith(")") && s.Find('(', true) > 0) s = s.Left(std::size_t(s.Find('(', true))).Strip(wxString::trailing);
    return s;
}

wxTextCtrl* field(wxWindow* parent, const wxString& name) {
    auto* t = dynamic_cast<wxTextCtrl*>(find_named(parent, name));
    REQUIRE(t);
    return t;
}

// Types into a field through the X server, as a user does, replacing what it held.
void type_into(wxTextCtrl* t, const char* text) {
    t->SetFocus();
    t->SelectAll();
    pump(60);
    wxUIActionSimulator sim;
    if (!t->GetValue().empty()) {
        sim.Char(WXK_BACK);
        pump(40);
    }
    sim.Text(text);
    pump(200);
    REQUIRE(t->GetValue() == text);
}

// A field is marked when its tooltip, which screen readers also read, gives the reason.
bool marked_with(wxWindow* w, const wxString& reason) { return w->GetToolTipText().Contains(reason); }

const char* const date_format = "write the date as YYYY-MM-DD, for example 2026-01-15";

}  // namespace

TEST_CASE("A goal with a bad target date keeps its dialog open with every field, and the date marked", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.round_of("IPS-teamet Jönköping", 2025);
    RoundPage* page = d.open(round, RoundPage::PlanTab);
    const std::size_t goals_before = d.session.store->plan(round).goals.size();
    const wxString description = wxString::FromUTF8("Fler arbetsgivarkontakter per vecka");
    const auto drive = Drive<GoalDialog>([&](GoalDialog* g) {
        g->Show();
        pump(300);
        g->item->SetSelection(4);
        g->target->SetSelection(3);
        g->description->SetValue(description);
        type_into(g->date, "2026-13-45");
        click(g->FindWindow(wxID_OK));
        // Still open, nothing lost, the date marked with why, and the status bar says so.
        CHECK(g->IsShown());
        CHECK(g->item->GetSelection() == 4);
        CHECK(g->target->GetSelection() == 3);
        CHECK(g->description->GetValue() == description);
        CHECK(g->date->GetValue() == "2026-13-45");
        CHECK(marked_with(g->date, fmt(_("{1} is not a valid date"), {"2026-13-45"})));
        CHECK(d.status().Contains(short_name("Target date (YYYY-MM-DD):")));
        CHECK(d.session.store->plan(round).goals.size() == goals_before);

        type_into(g->date, "2026-09-30");
        CHECK(g->date->GetToolTipText().Contains(_("not a valid date")) == false);
        click(g->FindWindow(wxID_OK));
        CHECK_FALSE(g->IsShown());
        return wxID_OK;
    });
    wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("Add goal…"), page)), drive);
    const ImprovementPlan plan = d.reopened().plan(round);
    REQUIRE(plan.goals.size() == goals_before + 1);
    CHECK(plan.goals.back().description == utf8(description));
    REQUIRE(plan.goals.back().target_date);
    CHECK(plan.goals.back().target_date->iso() == "2026-09-30");
}

TEST_CASE("A valid next follow-up is saved while a bad plan period is marked and kept on screen", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.round_of("IPS-teamet Jönköping", 2025);
    RoundPage* page = d.open(round, RoundPage::PlanTab);
    wxTextCtrl* from = field(page, named("Plan period from:"));
    wxTextCtrl* next = field(page, named("Next follow-up:"));

    type_into(from, "2026-1-5");
    type_into(next, "2026-06-15");
    {
        const ImprovementPlan plan = d.stored().plan(round);
        REQUIRE(plan.next_follow_up);
        CHECK(plan.next_follow_up->iso() == "2026-06-15");
    }
    CHECK(from->GetValue() == "2026-1-5");
    CHECK(marked_with(from, _(date_format)));
    CHECK_FALSE(marked_with(next, _(date_format)));
    CHECK(d.status().Contains(short_name("Plan period from:")));
    CHECK(d.status().Contains(_(date_format)));

    // Another tab and back: the text being corrected is still there, still marked.
    page->show_tab(RoundPage::ResultTab);
    pump(200);
    page->show_tab(RoundPage::PlanTab);
    pump(300);
    CHECK(from->GetValue() == "2026-1-5");
    CHECK(marked_with(from, _(date_format)));

    // Corrected, it is saved and the mark goes.
    type_into(from, "2026-01-05");
    CHECK_FALSE(marked_with(from, _(date_format)));
    CHECK_FALSE(d.status().Contains(_(date_format)));
    const ImprovementPlan plan = d.reopened().plan(round);
    REQUIRE(plan.period_from);
    CHECK(plan.period_from->iso() == "2026-01-05");
    REQUIRE(plan.next_follow_up);
    CHECK(plan.next_follow_up->iso() == "2026-06-15");
}

TEST_CASE("One bad team-figure cell is marked and named in the status bar, and the other figures are saved", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.editable_round();
    REQUIRE(round);
    RoundPage* page = d.open(round, RoundPage::FiguresTab);
    const wxString women = _("Participants") + ", " + _("Women");
    const wxString men = _("Participants") + ", " + _("Men");
    const wxString work = _("In competitive work") + ", " + _("Women");
    // From empty counts, so that the figures agree with each other whatever the demo holds.
    for (const char* row : {"In competitive work", "Started studies", "Participants"})
        for (const char* column : {"Women", "Men", "Other or unknown"}) type_into(field(page, _(row) + ", " + _(column)), "");
    type_into(field(page, women), "2O");  // a letter O for a zero
    type_into(field(page, men), "9");
    type_into(field(page, work), "1");
    type_into(field(page, named("Caseload (participants on the specialists' lists):")), "38");

    const TeamFigures f = d.stored().team_figures(round).value_or(TeamFigures{});
    CHECK(f.participants.men == 9);
    CHECK(f.competitive_work.women == 1);
    CHECK(f.caseload == 38);
    CHECK(f.participants.women == 2);  // the last value that could be read, "2", stays saved
    CHECK(field(page, women)->GetValue() == "2O");
    CHECK(marked_with(field(page, women), _("write a whole number, 0 or more")));
    // The status bar says what was saved and, in the same breath, what was not.
    const wxString status = d.status();
    CHECK(status.Contains(women));
    CHECK(status.Contains(_("write a whole number, 0 or more")));

    type_into(field(page, women), "20");
    CHECK_FALSE(marked_with(field(page, women), _("write a whole number, 0 or more")));
    CHECK_FALSE(d.status().Contains(women));
    const TeamFigures again = d.reopened().team_figures(round).value_or(TeamFigures{});
    CHECK(again.participants.women == 20);
    CHECK(again.participants.men == 9);
    CHECK(again.competitive_work.women == 1);
    CHECK(again.caseload == 38);
}

TEST_CASE("An action due before it starts keeps its dialog open with what was typed", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.round_of("IPS-teamet Jönköping", 2025);
    RoundPage* page = d.open(round, RoundPage::PlanTab);
    const std::size_t before = d.session.store->plan(round).actions.size();
    const auto drive = Drive<ActionDialog>([&](ActionDialog* a) {
        a->Show();
        pump(300);
        a->what->SetValue(wxString::FromUTF8("Gemensam utbildning i jobbsök"));
        a->responsible->SetValue(wxString::FromUTF8("Åsa Öberg"));
        type_into(a->start, "2026-05-01");
        type_into(a->due, "2026-04-01");
        click(a->FindWindow(wxID_OK));
        CHECK(a->IsShown());
        CHECK(a->what->GetValue() == wxString::FromUTF8("Gemensam utbildning i jobbsök"));
        CHECK(a->responsible->GetValue() == wxString::FromUTF8("Åsa Öberg"));
        CHECK(marked_with(a->due, _("the action is due before it starts")));
        type_into(a->due, "2026-06-30");
        click(a->FindWindow(wxID_OK));
        CHECK_FALSE(a->IsShown());
        return wxID_OK;
    });
    wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("Add action…"), page)), drive);
    const ImprovementPlan plan = d.reopened().plan(round);
    REQUIRE(plan.actions.size() == before + 1);
    CHECK(plan.actions.back().due->iso() == "2026-06-30");
    CHECK(plan.actions.back().responsible == "Åsa Öberg");
}

TEST_CASE("A new round with a bad date keeps its dialog open with its raters", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id team = d.session.store->teams().front().id;
    const std::size_t before = d.session.store->rounds_of_team(team).size();
    const wxString raters = wxString::FromUTF8("Anna Berg, Granskare\nOmar Haddad, Granskare");
    const auto drive = Drive<NewRoundDialog>([&](NewRoundDialog* n) {
        n->Show();
        pump(300);
        n->raters->SetValue(raters);
        n->review_type->SetSelection(1);
        type_into(n->date, "2026-02-30");
        click(n->FindWindow(wxID_OK));
        CHECK(n->IsShown());
        CHECK(n->raters->GetValue() == raters);
        CHECK(n->review_type->GetSelection() == 1);
        CHECK(marked_with(n->date, fmt(_("{1} is not a valid date"), {"2026-02-30"})));
        type_into(n->date, "2026-02-27");
        click(n->FindWindow(wxID_OK));
        CHECK_FALSE(n->IsShown());
        return wxID_OK;
    });
    wxTEST_DIALOG(d.frame->new_round(team), drive);
    const auto rounds = d.reopened().rounds_of_team(team);
    REQUIRE(rounds.size() == before + 1);
    CHECK(rounds.back().assessed_on.iso() == "2026-02-27");
    CHECK(rounds.back().raters.size() == 2);
}

TEST_CASE("A number outside an item's ranges is marked and kept, and the rest of the rating is saved", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.editable_round();
    RoundPage* page = d.open(round, RoundPage::AssessmentTab);
    page->assessment()->go_to(1);  // S2, a percentage from 0 to 100
    pump(200);
    const Id rater = page->context().active_rater;
    const wxString number_label =
        fmt(_("Number ({1}):"), {wx(page->context().scale->item("S2")->numeric->unit.get(d.session.lang))});
    wxTextCtrl* value = field(page, number_label.BeforeLast(':'));
    type_into(value, "150");
    type_into(field(page, named("Note:")), "Siffran kommer ur verksamhetssystemet");
    {
        const auto saved = d.stored().rating(round, "S2", rater);
        REQUIRE(saved);
        CHECK(saved->note == "Siffran kommer ur verksamhetssystemet");
        CHECK(saved->input.value != 150.0);
    }
    CHECK(marked_with(value, _("outside the item's ranges")));
    CHECK(d.status().Contains("S2"));

    // To the next item and back: the refused number is on screen again, still marked.
    page->assessment()->go_to(2);
    pump(200);
    CHECK(d.status().Contains("S2"));
    page->assessment()->go_to(1);
    pump(200);
    value = field(page, number_label.BeforeLast(':'));
    CHECK(value->GetValue() == "150");
    CHECK(marked_with(value, _("outside the item's ranges")));
    type_into(value, "92");
    CHECK_FALSE(marked_with(value, _("outside the item's ranges")));
    const auto saved = d.reopened().rating(round, "S2", rater);
    CHECK(saved->input.value == 92.0);
    CHECK(saved->note == "Siffran kommer ur verksamhetssystemet");
}

TEST_CASE("A specialist value that cannot be read keeps its saved value instead of vanishing", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.editable_round();
    RoundPage* page = d.open(round, RoundPage::AssessmentTab);
    const auto& items = page->context().scale->items;
    const std::size_t v13 = std::size_t(std::find_if(items.begin(), items.end(), [](const Item& i) { return i.id == "V13"; }) - items.begin());
    page->assessment()->go_to(v13);
    pump(200);
    const Id rater = page->context().active_rater;
    auto specialist = [&](int i) { return field(page, fmt(_("Specialist {1}"), {wxString::Format("%d", i)})); };
    type_into(specialist(1), "70");
    type_into(specialist(2), "40");
    type_into(specialist(3), "20");
    auto saved = [&] { return d.stored().rating(round, "V13", rater)->input.specialists; };
    REQUIRE(saved() == std::vector<double>{70, 40, 20});
    type_into(specialist(2), "40x");
    CHECK(saved() == std::vector<double>{70, 40, 20});
    CHECK(marked_with(specialist(2), fmt(_("write a number, for example {1}"), {number(2.5, 1)})));
    type_into(specialist(3), "30");
    CHECK(saved() == std::vector<double>{70, 40, 30});  // the valid fields are still saved
}

TEST_CASE("A county filter date that cannot be read is marked, not silently ignored", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    CountyPage* county = d.frame->county_page();
    REQUIRE(county);
    wxTextCtrl* from = field(county, named("From:"));
    type_into(from, "2024-1");
    CHECK(marked_with(from, _(date_format)));
    CHECK(d.status().Contains(short_name("From:")));
    type_into(from, "2024-01-01");
    CHECK_FALSE(marked_with(from, _(date_format)));
    CHECK(county->query().from->iso() == "2024-01-01");
}

TEST_CASE("A team figure the database refuses is marked with its reason, and the other figures are still saved", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.editable_round();
    REQUIRE(round);
    RoundPage* page = d.open(round, RoundPage::FiguresTab);
    for (const char* row : {"In competitive work", "Started studies", "Participants"})
        for (const char* column : {"Women", "Men", "Other or unknown"}) type_into(field(page, _(row) + ", " + _(column)), "");
    const wxString participants = _("Participants") + ", " + _("Women");
    const wxString work = _("In competitive work") + ", " + _("Women");
    const wxString rule = _("More people are counted in work or studies than there are participants.");
    type_into(field(page, participants), "3");
    type_into(field(page, work), "5");  // more women in work than women taking part
    CHECK(marked_with(field(page, work), rule));
    CHECK(d.status().Contains(work));
    // The refused count does not hold up the rest of the form.
    type_into(field(page, _("Participants") + ", " + _("Men")), "9");
    CHECK(d.stored().team_figures(round)->participants.men == 9);
    CHECK_FALSE(d.stored().team_figures(round)->competitive_work.women);
    CHECK(marked_with(field(page, work), rule));
    // Once the figures agree, the count is saved and the mark goes.
    type_into(field(page, participants), "6");
    type_into(field(page, work), "5");
    CHECK_FALSE(marked_with(field(page, work), rule));
    const TeamFigures f = d.reopened().team_figures(round).value_or(TeamFigures{});
    CHECK(f.participants.women == 6);
    CHECK(f.participants.men == 9);
    CHECK(f.competitive_work.women == 5);
}

TEST_CASE("A rule item's inputs in the window set the level by the official rule and are kept", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const Id round = d.editable_round();
    RoundPage* page = d.open(round, RoundPage::AssessmentTab);
    const auto& items = page->context().scale->items;
    auto go_to = [&](const char* id) {
        page->assessment()->go_to(std::size_t(
            std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.id == id; }) - items.begin()));
        pump(200);
    };
    auto choose = [&](const wxString& name, const wxString& option) {
        auto* c = dynamic_cast<wxChoice*>(find_named(page, name));
        REQUIRE(c);
        REQUIRE(c->FindString(option) != wxNOT_FOUND);
        c->SetSelection(c->FindString(option));
        wxCommandEvent ev(wxEVT_CHOICE, c->GetId());
        ev.SetEventObject(c);
        c->GetEventHandler()->ProcessEvent(ev);
        pump(100);
    };
    const Id rater = page->context().active_rater;
    auto saved = [&](const char* item) { return d.stored().rating(round, item, rater); };

    // The demo may have rated these already: what it entered is cleared first.
    auto clear = [&](const wxString& name) {
        field(page, name)->SetValue("");
        pump(50);
    };
    go_to("O1");
    clear(wxString::FromUTF8("Dagar i veckan på plats hos behandlingen"));
    choose(wxString::FromUTF8("Koppling till behandlingsteam"), wxString::FromUTF8("knutna till ett eller två team"));
    wxTextCtrl* share = field(page, wxString::FromUTF8("Andel av deltagarna från de ett eller två teamen"));
    type_into(share, "60");
    REQUIRE(saved("O1"));
    CHECK(saved("O1")->input.level == 4);
    CHECK(saved("O1")->input.inputs.at("share") == std::vector<std::string>{"60"});
    type_into(share, "95");
    CHECK(saved("O1")->input.level == 5);
    type_into(share, "9x");  // not a number: the saved share stands
    CHECK(saved("O1")->input.inputs.at("share") == std::vector<std::string>{"9"});

    go_to("V6");
    for (int i = 1; i <= 3; ++i) {
        clear(fmt(wxString::FromUTF8("Deltagare som söker arbete, arbetsspecialist {1}"), {wxString::Format("%d", i)}));
        clear(fmt(wxString::FromUTF8("Arbetsgivarkontakter, arbetsspecialist {1}"), {wxString::Format("%d", i)}));
    }
    choose(wxString::FromUTF8("Formulär för kontakterna"), _("(not given)"));
    type_into(field(page, wxString::FromUTF8("Arbetsgivarkontakter, arbetsspecialist 1")), "6");
    type_into(field(page, wxString::FromUTF8("Arbetsgivarkontakter, arbetsspecialist 2")), "5");
    CHECK_FALSE(saved("V6")->input.level);  // no tracking form given yet: no level
    choose(wxString::FromUTF8("Formulär för kontakterna"), wxString::FromUTF8("inget formulär"));
    CHECK(saved("V6")->input.level == 2);
    choose(wxString::FromUTF8("Formulär för kontakterna"), wxString::FromUTF8("handledaren går igenom det varje vecka"));
    CHECK(saved("V6")->input.level == 5);  // 5 and 4: 4.5 rounds up

    // Reopened, the inputs are where they were typed.
    go_to("O1");
    CHECK(field(page, wxString::FromUTF8("Andel av deltagarna från de ett eller två teamen"))->GetValue() == "9");
}
