// The improvement plan in the window: goals open for editing (Enter or a double-click), a
// suggested goal arrives described by the target level's anchor, the goal list is as tall as
// its goals, and a removed action can be brought back with Undo.
#include "gui_support.h"
#include "run.h"
#include "test_window.h"

#include "main_frame.h"
#include "plan_dialogs.h"
#include "plan_panel.h"
#include "reports/goal_suggestions.h"
#include "round_page.h"
#include "store/demo.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

struct Demo : TestWindow {
    Id round = 0;
    // The Jönköping team's 2025 round; `without_goals` clears its plan's goals first.
    explicit Demo(bool without_goals = false)
        : TestWindow("demo.fidelis", [without_goals](const std::string& path) {
              Store s = create_demo(path);
              if (!without_goals) return;
              for (const Round& r : s.all_rounds())
                  for (const PlanGoal& g : s.plan(r.id).goals) s.remove_goal(r.id, g.id);
          }) {
        REQUIRE(frame->open_database(db));
        for (const Team& t : session.store->teams())
            if (t.name == "IPS-teamet Jönköping")
                for (const Round& r : session.store->rounds_of_team(t.id))
                    if (r.assessed_on.year == 2025) round = r.id;
        REQUIRE(round);
        page = frame->show_round(round);
        REQUIRE(page);
        page->show_tab(RoundPage::PlanTab);
        pump(300);
        run("/usr/bin/xdotool", {"mousemove", "600", "400"});
    }
    RoundPage* page = nullptr;
    wxListView* list(const wxString& name) {
        auto* l = dynamic_cast<wxListView*>(find_named(page, name));
        REQUIRE(l);
        return l;
    }
    wxButton* button(const wxString& label) {
        auto* b = dynamic_cast<wxButton*>(wxWindow::FindWindowByLabel(label, page));
        REQUIRE(b);
        return b;
    }
    ImprovementPlan plan() { return session.store->plan(round); }
};

void press(const std::vector<std::string>& keys) {
    std::vector<std::string> args = {"key", "--delay", "40"};
    args.insert(args.end(), keys.begin(), keys.end());
    REQUIRE(run("/usr/bin/xdotool", args).exit_code == 0);
    pump(250);
}

void point_at(wxWindow* w) {
    const wxRect r = w->GetScreenRect();
    run("/usr/bin/xdotool", {"mousemove", std::to_string(r.x + r.width / 2), std::to_string(r.y + r.height / 2)});
    pump(100);
}

// Every row of a list lies inside what it shows, so nothing needs scrolling.
bool all_rows_shown(wxListView* l) {
    for (long i = 0; i < l->GetItemCount(); ++i) {
        wxRect r;
        if (!l->GetItemRect(i, r) || r.GetBottom() > l->GetClientSize().y) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("A goal opens for editing with Enter and what is changed is stored", "[gui][plan]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const ImprovementPlan before = d.plan();
    REQUIRE_FALSE(before.goals.empty());
    wxListView* goals = d.list(_("Goals"));
    goals->Select(0);
    goals->Focus(0);
    goals->SetFocus();
    pump(100);
    const wxString words = wxString::FromUTF8("Varje arbetsspecialist följer alla sex faserna");
    const auto edit = Drive<GoalDialog>([&](GoalDialog* g) {
        g->Show();
        pump(300);
        // The goal as it is stored, to change.
        CHECK(g->description->GetValue() == wx(before.goals[0].description));
        g->target->SetSelection(4);  // level 5
        g->description->SetValue(words);
        click(g->FindWindow(wxID_OK));
        CHECK_FALSE(g->IsShown());
        return wxID_OK;
    });
    wxTEST_DIALOG(press({"Return"}), edit);
    const ImprovementPlan after = d.plan();
    REQUIRE(after.goals.size() == before.goals.size());
    CHECK(after.goals[0].id == before.goals[0].id);
    CHECK(after.goals[0].target_level == 5);
    CHECK(after.goals[0].description == utf8(words));
    CHECK(goals->GetItemText(0, 4) == words);
    CHECK(goals->GetItemText(0, 2) == "5");
}

TEST_CASE("Suggested goals arrive described by the target level's anchor and all of them show", "[gui][plan]") {
    if (delegated_to_xvfb()) return;
    Demo d(true);
    REQUIRE(d.plan().goals.empty());
    click(d.button(_("Suggest from weakest and declining items")));
    const ImprovementPlan plan = d.plan();
    REQUIRE(plan.goals.size() >= 3);
    const ScalePtr scale = d.session.store->scale_of(d.session.store->round(d.round));
    wxListView* goals = d.list(_("Goals"));
    for (std::size_t i = 0; i < plan.goals.size(); ++i) {
        const PlanGoal& g = plan.goals[i];
        INFO(g.item_id);
        REQUIRE(g.target_level);
        const std::string expected = reports::goal_description(*scale, g.item_id, *g.target_level, "sv");
        CHECK_FALSE(expected.empty());
        CHECK(g.description == expected);
        CHECK(goals->GetItemText(long(i), 4) == wx(expected));
    }
    // The list is as tall as its goals: none is hidden below a scroll.
    CHECK(all_rows_shown(goals));
    // And it grows with a fourth and fifth goal.
    for (const char* item : {"V14", "V13"}) {
        PlanGoal g;
        g.item_id = item;
        g.target_level = 4;
        d.session.store->add_goal(d.round, g);
    }
    d.page->plan()->refresh();
    pump(200);
    CHECK(goals->GetItemCount() == int(plan.goals.size()) + 2);
    CHECK(all_rows_shown(goals));
}

TEST_CASE("The goal dialog describes the goal by the chosen item's target level and keeps the user's own words", "[gui][plan]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const ScalePtr scale = d.session.store->scale_of(d.session.store->round(d.round));
    const auto add = Drive<GoalDialog>([&](GoalDialog* g) {
        g->Show();
        pump(300);
        point_at(g);
        g->item->SetFocus();
        pump(100);
        press({"End"});  // the last item, V14; the target is the highest level
        CHECK(g->description->GetValue() == wx(reports::goal_description(*scale, "V14", 5, "sv")));
        g->target->SetFocus();
        pump(100);
        press({"Up"});  // level 4
        CHECK(g->description->GetValue() == wx(reports::goal_description(*scale, "V14", 4, "sv")));
        g->description->SetValue("Fem strategier senast i juni");
        g->target->SetFocus();
        pump(100);
        press({"Up"});
        CHECK(g->description->GetValue() == "Fem strategier senast i juni");
        click(g->FindWindow(wxID_OK));
        return wxID_OK;
    });
    const std::size_t before = d.plan().goals.size();
    wxTEST_DIALOG(click(d.button(_("Add goal…"))), add);
    const ImprovementPlan plan = d.plan();
    REQUIRE(plan.goals.size() == before + 1);
    CHECK(plan.goals.back().item_id == "V14");
    CHECK(plan.goals.back().target_level == 3);
    CHECK(plan.goals.back().description == "Fem strategier senast i juni");
}

TEST_CASE("A removed action comes back with Undo", "[gui][plan]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    const ImprovementPlan before = d.plan();
    REQUIRE(before.actions.size() >= 2);
    wxListView* actions = d.list(_("Actions"));
    actions->Select(1);
    pump(100);
    wxButton* undo = d.button(_("Undo removal"));
    CHECK_FALSE(undo->IsShown());
    click(d.button(_("Remove action")));
    REQUIRE(d.plan().actions.size() == before.actions.size() - 1);
    CHECK(undo->IsShownOnScreen());
    CHECK(d.frame->GetStatusBar()->GetStatusText(0).Contains(wx(before.actions[1].what)));
    click(undo);
    const ImprovementPlan after = d.plan();
    REQUIRE(after.actions.size() == before.actions.size());
    const auto back = std::find_if(after.actions.begin(), after.actions.end(),
                                   [&](const PlanAction& a) { return a.uuid == before.actions[1].uuid; });
    REQUIRE(back != after.actions.end());
    CHECK(back->what == before.actions[1].what);
    CHECK(back->responsible == before.actions[1].responsible);
    CHECK(back->due == before.actions[1].due);
    CHECK_FALSE(undo->IsShown());
}
