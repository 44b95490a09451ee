// The county view's review cycle and groupings of one's own, in the real window: the list of
// teams due says "overdue" in words, and a samordningsförbund made in the Groupings dialog
// (overlapping a county part) groups the county view.
#include "gui_support.h"
#include "test_window.h"

#include "grouping_dialogs.h"
#include "main_frame.h"
#include "pages.h"
#include "reports/review_cycle.h"
#include "review_list.h"
#include "store/demo.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

using Demo = DemoWindow;

const char* const forbund = "Samordningsförbundet Södra Vätterbygden";

// The text of a column for every row of a list, as a user reads it.
std::vector<std::string> column(wxListView* list, int col) {
    std::vector<std::string> out;
    for (long i = 0; i < list->GetItemCount(); ++i) out.push_back(utf8(list->GetItemText(i, col)));
    return out;
}

}  // namespace

TEST_CASE("The county view lists the teams due for review, overdue ones said in words", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    d.frame->show_county();
    pump(200);
    CountyPage* county = d.frame->county_page();
    REQUIRE(county);
    ReviewsDueList* reviews = county->reviews();
    REQUIRE(reviews);
    // The same teams as the rule gives for today and the list's window.
    reports::ReviewCycleQuery q;
    q.scale_id = "ips-25";
    q.today = Date::today();
    q.within_days = ReviewsDueList::days_ahead;
    const auto expected = reports::review_cycle(*d.session.store, q);
    REQUIRE(reviews->list()->GetItemCount() == long(expected.size()));
    const auto states = column(reviews->list(), 0);
    const auto teams = column(reviews->list(), 3);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(teams[i] == expected[i].team.name);
        CHECK(states[i] == utf8(_(expected[i].state == reports::ReviewState::Overdue ? "Overdue"
                                  : expected[i].state == reports::ReviewState::Due   ? "Due today"
                                                                                     : "Upcoming")));
    }
    // The demo's reviews lie in 2025–2026, so a run after mid-2026 finds some overdue.
    if (Date::today() > Date{2026, 12, 31}) {
        REQUIRE_FALSE(states.empty());
        CHECK(states.front() == "Försenad");
    }
}

TEST_CASE("A samordningsförbund made in the Groupings dialog groups the county view", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    d.frame->show_county();
    pump(200);
    CountyPage* county = d.frame->county_page();
    REQUIRE(county);

    {
        GroupingsDialog dlg(county, d.session);
        // County parts are listed but cannot be changed.
        REQUIRE(dlg.choose("GGVV"));
        CHECK_FALSE(dlg.edit_button->IsEnabled());
        CHECK_FALSE(dlg.remove_button->IsEnabled());
        // A taken name is refused in the form, which keeps what was typed; then it is corrected.
        wxTEST_DIALOG(dlg.add(), Drive<GroupingDialog>([](GroupingDialog* g) {
                          g->name->SetValue("GGVV");
                          for (const char* code : {"0680", "0643", "0642", "0665"}) CHECK(g->tick(code));
                          CHECK_FALSE(g->TransferDataFromWindow());
                          CHECK(g->name->GetValue() == "GGVV");
                          g->name->SetValue(wx(forbund));
                          REQUIRE(g->TransferDataFromWindow());
                          return wxID_OK;
                      }));
        const auto made = d.session.store->grouping_named(forbund);
        REQUIRE(made);
        CHECK(made->kind == "association");
        CHECK(made->members == std::vector<std::string>{"0643", "0680", "0642", "0665"});
        CHECK(d.session.store->grouping_named("GGVV")->members.size() == 4);  // Vaggeryd in both
        CHECK(dlg.edit_button->IsEnabled());  // the new one is chosen

        // Changing it: Mullsjö out.
        wxTEST_DIALOG(dlg.edit(), Drive<GroupingDialog>([](GroupingDialog* g) {
                          CHECK(g->tick("0642", false));
                          REQUIRE(g->TransferDataFromWindow());
                          return wxID_OK;
                      }));
        CHECK(d.session.store->grouping_named(forbund)->members.size() == 3);
    }

    // The Groupings… button opens the dialog; afterwards the county view can group by the förbund.
    wxTEST_DIALOG(click(wxWindow::FindWindowByLabel(_("Groupings…"), county)),
                  Drive<GroupingsDialog>([](GroupingsDialog* g) {
                      CHECK(g->list->GetCount() == 4);
                      return wxID_CLOSE;
                  }));
    pump(100);
    REQUIRE(county->group_by(forbund));
    county->refresh();
    const auto q = county->query();
    CHECK(q.grouping == forbund);
    auto* table = dynamic_cast<wxListView*>(find_named(county, _("Latest round per team")));
    REQUIRE(table);
    bool vaggeryd_in_forbund = false;
    for (long i = 0; i < table->GetItemCount(); ++i)
        if (table->GetItemText(i, 1) == "Vaggeryd") vaggeryd_in_forbund = utf8(table->GetItemText(i, 0)) == forbund;
    CHECK(vaggeryd_in_forbund);

    {
        GroupingsDialog dlg(county, d.session);
        REQUIRE(dlg.choose(forbund));
        dlg.remove();  // headless: the question is answered yes
        CHECK_FALSE(d.session.store->grouping_named(forbund));
        CHECK(dlg.list->GetCount() == 3);
    }
}
