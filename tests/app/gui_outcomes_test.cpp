// The Outcomes view of a team in the window: quarters entered, listed and refused with
// the store's reason. With FIDELIS_SCREENSHOTS set to a folder it also leaves a picture
// of the view there, for looking at it in Swedish and English.
#include "gui_support.h"
#include "test_window.h"

#include "outcomes_dialog.h"
#include "run.h"
#include "store/demo.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdlib>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

struct Demo : TestWindow {
    explicit Demo(const std::string& lang)
        : TestWindow("demo.fidelis", [](const std::string& path) { Store s = create_demo(path); }, lang) {}
    Id team(const std::string& name) {
        for (const Team& t : session.store->teams())
            if (t.name == name) return t.id;
        return 0;
    }
};

void fill(OutcomesDialog& d, const char* quarter, std::array<const char*, 3> served, std::array<const char*, 3> working) {
    d.quarter->SetValue(quarter);
    for (std::size_t i = 0; i < 3; ++i) {
        d.served[i]->SetValue(served[i]);
        d.working[i]->SetValue(working[i]);
        d.studying[i]->SetValue("");
    }
}

void screenshot(const std::string& name) {
    const char* folder = std::getenv("FIDELIS_SCREENSHOTS");
    if (!folder || !*folder) return;
    pump(400);
    run("/usr/bin/import", {"-window", "root", std::string(folder) + "/" + name});
}

void enter_and_refuse(const std::string& lang) {
    Demo d(lang);
    REQUIRE(d.frame->open_database(d.db));
    d.frame->SetSize(0, 0, 1366, 768);
    const Id team = d.team("IPS-teamet Jönköping");
    REQUIRE(team);
    d.frame->show_team(team);
    pump(200);
    OutcomesDialog dialog(d.frame, d.session, team);
    dialog.Show();
    pump(200);
    const std::size_t quarters = d.session.store->outcomes(team).size();
    CHECK(dialog.list->GetItemCount() == int(quarters));
    CHECK(dialog.list->GetItemText(0) == wx(d.session.store->outcomes(team).back().quarter.text()));  // newest first

    fill(dialog, "2026Q4", {"12", "9", "1"}, {"5", "4", "0"});
    dialog.referrals->SetValue("6");
    REQUIRE(dialog.save());
    CHECK(d.session.store->outcome(team, Quarter{2026, 4})->referrals == 6);
    CHECK(dialog.list->GetItemCount() == int(quarters) + 1);
    CHECK(dialog.list->GetItemText(0) == "2026Q4");
    CHECK(dialog.list->GetItemText(0, 4) == (lang == "sv" ? wxString("40,9 %") : wxString("40.9 %")));

    // Refused: more women in work than served. The reason shows, nothing changes.
    fill(dialog, "2026Q4", {"3", "9", "1"}, {"5", "4", "0"});
    CHECK_FALSE(dialog.save());
    CHECK(dialog.message->GetLabel().Contains(lang == "sv" ? wxString::FromUTF8("Inte sparat") : wxString("Not saved")));
    CHECK(dialog.message->GetLabel().Contains(lang == "sv" ? "5 kvinnor" : "5 women"));
    CHECK(d.session.store->outcome(team, Quarter{2026, 4})->served.women == 12);
    screenshot("outcomes-" + lang + ".png");

    fill(dialog, "2026Q5", {"3", "9", "1"}, {"1", "4", "0"});
    CHECK_FALSE(dialog.save());
    CHECK(dialog.message->GetLabel().Contains("2026Q5"));
    fill(dialog, "2026Q4", {"12", "x", "1"}, {"5", "4", "0"});
    CHECK_FALSE(dialog.save());
    CHECK(d.session.store->outcomes(team).size() == quarters + 1);

    dialog.quarter->SetValue("2026Q4");
    REQUIRE(dialog.remove());
    CHECK(d.session.store->outcomes(team).size() == quarters);
    dialog.Hide();
}

}  // namespace

TEST_CASE("The Outcomes view enters a quarter and shows a refusal in Swedish", "[gui]") {
    if (delegated_to_xvfb()) return;
    enter_and_refuse("sv");
}

TEST_CASE("The Outcomes view enters a quarter and shows a refusal in English", "[gui]") {
    if (delegated_to_xvfb()) return;
    enter_and_refuse("en");
}
