// The window for managers and for anyone who comes back to it: the plans overview, the
// file names the save dialogs offer in Swedish, and the window's place remembered.
#include "gui_support.h"
#include "test_window.h"

#include "main_frame.h"
#include "plans_page.h"
#include "report_runner.h"
#include "round_page.h"
#include "run.h"
#include "store/demo.h"
#include "base/paths.h"
#include "ui.h"

#include <wx/textctrl.h>

#include <catch2/catch.hpp>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

using Demo = DemoWindow;

}  // namespace

TEST_CASE("The plans overview lists every active team and opens a team's plan on its tab", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d;
    REQUIRE(d.frame->open_database(d.db));
    d.frame->show_plans();
    pump(200);
    PlansPage* page = d.frame->plans_page();
    REQUIRE(page);
    int active = 0;
    for (const Team& t : d.session.store->teams()) active += t.active;
    CHECK(page->team_rows() == active);
    // The demo's plans have actions past their due date today.
    CHECK(page->action_rows() > 0);
    // A filter that matches no team, person or action leaves both lists empty.
    wxString label = _("Team, person or text:");
    label.RemoveLast();  // the control is named by its label without the colon
    auto* search = dynamic_cast<wxTextCtrl*>(find_named(page, label));
    REQUIRE(search);
    search->SetValue("zzz-no-such-text");
    pump();
    CHECK(page->team_rows() == 0);
    CHECK(page->action_rows() == 0);
    search->SetValue("Habo");
    pump();
    CHECK(page->team_rows() == 1);

    REQUIRE(page->on_open_plan);
    const Round latest = d.session.store->rounds_of_team(d.session.store->teams().front().id).back();
    page->on_open_plan(latest.id);
    pump(200);
    RoundPage* round = d.frame->round_page();
    REQUIRE(round);
    CHECK(round->round_id() == latest.id);
}

TEST_CASE("A Swedish window offers Swedish file names that say what the report is about", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d("sv");
    REQUIRE(d.frame->open_database(d.db));
    const Team team = d.session.store->teams().front();
    const Round round = d.session.store->rounds_of_team(team.id).back();
    ReportRequest r;
    r.kind = ReportKind::Plan;
    r.id = round.id;
    CHECK(suggested_file_name(d.session, r) == team.name + " förbättringsplan " + round.assessed_on.iso() + ".pdf");
    r.kind = ReportKind::PlansOverview;
    CHECK(suggested_file_name(d.session, r) == "planöversikt.pdf");
    r.kind = ReportKind::Agreement;
    CHECK(suggested_file_name(d.session, r) == "samstämmighet mellan granskare.pdf");
    r.kind = ReportKind::County;
    r.county.scale_id = "ips-25";
    r.county.coded = true;
    CHECK(suggested_file_name(d.session, r) == "länsjämförelse IPS-25, kodad.pdf");
}

TEST_CASE("File names are safe on Windows and keep Swedish letters") {
    CHECK(paths::safe_file_name("Team A/B: \"bäst\"?") == "Team A-B- -bäst--");
    CHECK(paths::safe_file_name("Växjö. ") == "Växjö");
    CHECK(paths::safe_file_name("  ") == "fidelis");
}

TEST_CASE("The window opens where and as large as it was left", "[gui]") {
    if (delegated_to_xvfb()) return;
    Demo d("en");
    d.frame->SetSize(wxRect(40, 30, 900, 600));
    pump(200);
    const wxSize left = d.frame->GetSize();
    // Quitting as a user does: through the close event, which keeps the window's place.
    d.frame->Close(true);
    pump(200);
    d.frame = nullptr;
    d.session.store.reset();
    d.show();
    pump(200);
    CHECK(d.frame->GetSize() == left);
}
