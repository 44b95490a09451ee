// The real window, driven through a whole round: create it, rate with the keyboard as two
// raters, agree a consensus (including a flagged disagreement), complete it, add a plan
// action, and find everything again after reopening the database.
#include "gui_support.h"
#include "test_window.h"

#include "assessment_panel.h"
#include "consensus_panel.h"
#include "dialogs.h"
#include "language.h"
#include "main_frame.h"
#include "plan_dialogs.h"
#include "round_page.h"
#include "temp_dir.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <cstdlib>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

// Levels each rater gives the 25 IPS-25 items. They differ by two on S3 (index 2) and by one
// on V5 (index 15).
const int anna[25] = {4, 3, 2, 4, 4, 3, 4, 3, 5, 4, 3, 4, 2, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4, 3, 4};
const int omar[25] = {4, 3, 4, 4, 4, 3, 4, 3, 5, 4, 3, 4, 2, 3, 4, 5, 4, 3, 3, 3, 4, 4, 4, 3, 4};
const int agreed[25] = {4, 3, 3, 4, 4, 3, 4, 3, 5, 4, 3, 4, 2, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4, 3, 4};

struct Window : TestWindow {
    Id team = 0;

    Window()
        : TestWindow("county.fidelis", [](const std::string& path) {
              Store s = Store::create(path, "06");
              s.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
          }) {
        REQUIRE(frame->open_database(db));
        team = session.store->teams().at(0).id;
        pump(100);
    }
    void open() {
        show();
        REQUIRE(frame->open_database(db));
        pump(100);
    }
};

void type_levels(RoundPage* page, const int* levels) {
    page->assessment()->go_to(0);
    page->assessment()->focus_items();
    pump(100);
    const Scale& scale = *page->context().scale;
    for (int i = 0; i < 25; ++i) {
        // A digit rates an item whose level is chosen directly; on an item with inputs it only
        // goes to the input, so those levels are chosen as a click on the anchor chooses them.
        if (scale.items[std::size_t(i)].shape == ItemShape::Descriptive) key('0' + levels[i]);
        else page->assessment()->rate(levels[i]);
        key(WXK_PAGEDOWN);
    }
    pump(100);
}

}  // namespace

TEST_CASE("A whole round through the window, by keyboard, and everything is there after reopening", "[gui]") {
    if (delegated_to_xvfb()) return;
    Window w;

    // 1. A new round from the Team menu's dialog.
    const auto new_round = Fill<NewRoundDialog>([](NewRoundDialog* d) {
        d->date->SetValue("2026-11-02");
        d->review_type->SetSelection(2);  // external review
        d->raters->SetValue(wxString::FromUTF8("Anna Berg, Granskare\nOmar Haddad, Granskare"));
    });
    wxTEST_DIALOG(w.frame->new_round(w.team), new_round);
    RoundPage* page = w.frame->round_page();
    REQUIRE(page);
    REQUIRE(page->context().round.raters.size() == 2);
    CHECK(w.frame->GetTitle().Contains("Fidelis"));
    CHECK(w.frame->GetTitle().Contains("county.fidelis"));

    // 2. Both raters rate every item from the keyboard; 1–5 rate, Page Down moves on.
    wxUIActionSimulator().MouseMove(w.frame->GetScreenPosition() + wxPoint(600, 400));
    pump(100);
    type_levels(page, anna);
    CHECK(page->assessment()->rated_count() == 25);
    key('r', wxMOD_CONTROL | wxMOD_SHIFT);  // next rater
    REQUIRE(page->context().rater());
    CHECK(page->context().rater()->name == "Omar Haddad");
    CHECK(page->assessment()->rated_count() == 0);
    type_levels(page, omar);
    CHECK(page->assessment()->rated_count() == 25);

    // 3. Consensus (Alt+2): S3 is flagged, the raters differ by two.
    key('2', wxMOD_ALT);
    REQUIRE(page->tab() == RoundPage::ConsensusTab);
    // Both raters are done, so the tab shows how far they were apart (S3 two levels, V5 one),
    // in the window's language: Swedish here.
    INFO(page->consensus()->agreement_text());
    CHECK(page->consensus()->agreement_text().find(
              "Anna Berg och Omar Haddad: 25 punkter bedömda av båda. Samma nivå på 23 (92\u00a0%), inom en nivå på "
              "24 (96\u00a0%); viktad kappa 0,79; genomsnittlig absolut skillnad 0,12 nivåer.") != std::string::npos);
    CHECK(page->consensus()->flagged() == std::vector<std::string>{"S3"});
    // One click agrees the 23 items where both gave the same level, in the history too.
    ConsensusPanel* consensus = page->consensus();
    REQUIRE(consensus->accept_button()->IsShown());
    CHECK(consensus->summary_text().find("0 av 25 överenskomna") == 0);
    click(consensus->accept_button());
    pump(60);
    CHECK(consensus->summary_text().find("23 av 25 överenskomna") == 0);
    for (int i = 0; i < 25; ++i) {
        const std::string& id = page->context().scale->items[std::size_t(i)].id;
        const auto r = w.session.store->rating(page->context().id, id, consensus_rater);
        if (id == "S3" || id == "V5") CHECK_FALSE(r);
        else CHECK((r && r->input.level == agreed[i] && r->rationale == "Alla bedömare gav den här nivån."));
    }
    // The rest by hand, and the counter follows each one at once. S3 is chosen directly with
    // a digit; V5 is a number item, so its level is chosen as a click on the anchor does.
    consensus->select("S3");
    pump(30);
    consensus->focus_list();
    key('3');
    pump(30);
    CHECK(consensus->summary_text().find("24 av 25 överenskomna") == 0);
    consensus->select("V5");
    pump(30);
    CHECK(consensus->spread_text("V5") == "1");
    CHECK(consensus->raters_text().find("Anna Berg\tOmar Haddad") == 0);
    CHECK(consensus->raters_text().find("Nivå:\t4\t5") != std::string::npos);
    REQUIRE(consensus->rate(4));
    pump(30);
    CHECK(consensus->summary_text().find("25 av 25 överenskomna") == 0);
    page->consensus()->select("S3");
    pump(60);
    wxString label = _("Why this level was agreed:");  // a field is named by its label
    label.RemoveLast();
    auto* rationale = dynamic_cast<wxTextCtrl*>(find_named(page, label));
    REQUIRE(rationale);
    rationale->SetValue(wxString::FromUTF8("Två av sex faser lämnas över; vi enades om nivå 3."));
    pump(60);

    // 4. Complete the round from the Result tab (Alt+3).
    key('3', wxMOD_ALT);
    REQUIRE(page->tab() == RoundPage::ResultTab);
    click(wxWindow::FindWindowByLabel(_("Complete round"), page));
    REQUIRE(w.frame->round_page());
    CHECK(w.frame->round_page()->context().round.status == RoundStatus::Completed);

    // 5. An action in the improvement plan (Alt+5); the plan stays open after completion.
    page = w.frame->round_page();
    key('5', wxMOD_ALT);
    REQUIRE(page->tab() == RoundPage::PlanTab);
    const auto action = Fill<ActionDialog>([](ActionDialog* d) {
        d->item->SetSelection(3);  // S3, after "The whole service"
        d->what->SetValue(wxString::FromUTF8("Arbetsspecialisterna tar över fler faser själva"));
        d->responsible->SetValue(wxString::FromUTF8("Åsa Öberg"));
        d->due->SetValue("2027-03-31");
    });
    wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("Add action…"), page)), action);

    // 6. Close the window, open the database again: everything is there.
    const Id round = page->round_id();
    w.close();
    {
        Store store = Store::open(w.db);
        const Round r = store.round(round);
        CHECK(r.status == RoundStatus::Completed);
        CHECK(r.review_type == ReviewType::External);
        CHECK(r.assessed_on.iso() == "2026-11-02");
        int by_anna = 0, by_omar = 0;
        for (const Rating& x : store.ratings(round)) {
            if (x.rater_id == r.raters[0].id) ++by_anna;
            if (x.rater_id == r.raters[1].id) ++by_omar;
        }
        CHECK(by_anna == 25);
        CHECK(by_omar == 25);
        CHECK(store.rating(round, "S3", r.raters[0].id)->input.level == 2);
        CHECK(store.rating(round, "S3", r.raters[1].id)->input.level == 4);
        const auto result = store.result_ratings(round);
        const ScalePtr scale = store.scale_of(r);
        for (int i = 0; i < 25; ++i) CHECK(result.at(scale->items[std::size_t(i)].id).level == agreed[i]);
        CHECK(store.rating(round, "S3", consensus_rater)->rationale.find("vi enades om nivå 3") != std::string::npos);
        const ImprovementPlan plan = store.plan(round);
        REQUIRE(plan.actions.size() == 1);
        CHECK(plan.actions[0].item_id == "S3");
        CHECK(plan.actions[0].responsible == "Åsa Öberg");
        CHECK(plan.actions[0].due->iso() == "2027-03-31");
    }
    w.open();
    RoundPage* again = w.frame->show_round(round);
    REQUIRE(again);
    CHECK(again->context().round.status == RoundStatus::Completed);
    again->show_tab(RoundPage::ResultTab);
    pump(100);
    CHECK(wxWindow::FindWindowByLabel(_("Reopen round…"), again));
}
