// A round from start to completed with nothing but keys pressed through the X server
// (xdotool), as a rater who never touches the mouse: the new-round dialog, every IPS-25
// item by its own kind of input (a level, a number, ticked components, a rule's inputs,
// one value per specialist), and the Round menu's Complete. What was stored is read back
// through the store and `fidelis-cli round show`.
#include "gui_support.h"
#include "run.h"
#include "test_window.h"

#include "assessment_panel.h"
#include "dialogs.h"
#include "main_frame.h"
#include "round_page.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/statusbr.h>
#include <wx/textctrl.h>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

void press(const std::vector<std::string>& keys, int settle = 250) {
    std::vector<std::string> args = {"key", "--delay", "40"};
    args.insert(args.end(), keys.begin(), keys.end());
    REQUIRE(run("/usr/bin/xdotool", args).exit_code == 0);
    pump(settle);
}
void type(const std::string& text) {
    REQUIRE(run("/usr/bin/xdotool", {"type", "--delay", "40", text}).exit_code == 0);
    pump(250);
}
void point_at(wxWindow* w) {
    const wxRect r = w->GetScreenRect();
    run("/usr/bin/xdotool", {"mousemove", std::to_string(r.x + r.width / 2), std::to_string(r.y + r.height / 2)});
    pump(100);
}
// The letter a menu label's "&" marks, as Alt+letter opens it, in the window's language.
std::string mnemonic(const char* label) {
    const wxString s = _(label);
    const int at = s.Find('&');
    REQUIRE(at >= 0);
    return utf8(s.Mid(std::size_t(at) + 1, 1).Lower());
}

// A number the item's ranges accept, typed the way the language writes it.
std::string value_for(const NumericRule& rule) {
    const NumericRange& r = rule.ranges.front();
    return shortest_number(r.min ? *r.min : *r.max);
}

}  // namespace

TEST_CASE("A round from start to completed with the keyboard alone", "[gui][keys]") {
    if (delegated_to_xvfb()) return;
    TestWindow w("county.fidelis", [](const std::string& path) {
        Store s = Store::create(path, "06");
        s.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
    });
    REQUIRE(w.frame->open_database(w.db));
    pump(200);
    point_at(w.frame);

    // The new round: Ctrl+Shift+N, the raters' field by Tab, then Tab to OK and Space.
    const auto new_round = Drive<NewRoundDialog>([&](NewRoundDialog* d) {
        d->Show();
        pump(400);
        point_at(d);
        d->team->SetFocus();  // where a modal dialog starts: its first field
        pump(100);
        press({"Down"});  // the county's one team
        REQUIRE(d->team->GetSelection() == 0);
        // Team, scale, date, period from, period to, review type, raters.
        press({"Tab", "Tab", "Tab", "Tab", "Tab", "Tab"});
        CHECK(wxWindow::FindFocus() == d->raters);
        type("Anna Berg, Granskare");
        // On to OK, wherever the platform puts it among the buttons, and Space presses it.
        wxWindow* ok = d->FindWindow(wxID_OK);
        for (int i = 0; i < 4 && wxWindow::FindFocus() != ok; ++i) press({"Tab"});
        REQUIRE(wxWindow::FindFocus() == ok);
        press({"space"}, 400);
        INFO("raters: " << utf8(d->raters->GetValue()) << " status: " << utf8(w.frame->GetStatusBar()->GetStatusText(0)));
        CHECK_FALSE(d->IsShown());
        return d->IsShown() ? wxID_CANCEL : wxID_OK;  // OK closed it
    });
    wxTEST_DIALOG(press({"ctrl+shift+n"}, 400), new_round);
    RoundPage* page = w.frame->round_page();
    REQUIRE(page);
    const Id round = page->round_id();
    const Round r = w.session.store->round(round);
    REQUIRE(r.raters.size() == 1);
    CHECK(r.raters[0].name == "Anna Berg");
    const Scale& scale = *page->context().scale;
    REQUIRE(scale.id == "ips-25");
    point_at(w.frame);

    // Every item by its kind: the digit rates an item chosen directly, and goes to the first
    // input of any other, where its values are typed; Page Down goes on from any field.
    std::map<std::string, int> expected;
    for (const Item& item : scale.items) {
        INFO(item.id);
        if (item.shape == ItemShape::Descriptive) {
            press({"3"});
            expected[item.id] = 3;
        } else if (item.shape == ItemShape::Numeric) {
            press({"3"});  // to the number field
            type(value_for(*item.numeric));
            expected[item.id] = *level_for_value(*item.numeric, *read_number(wx(value_for(*item.numeric))).value);
        } else if (item.shape == ItemShape::Checklist) {
            press({"3", "space"});  // to the first component, ticked
            Rating probe;
            probe.input.checked = {item.checklist->components.front().id};
            expected[item.id] = *level_from_inputs(item, probe.input);
        } else if (item.shape == ItemShape::PerSpecialist) {
            press({"3"});  // to the first specialist's field
            type(item.numeric ? value_for(*item.numeric) : "4");
            press({"Tab"});
            type(item.numeric ? value_for(*item.numeric) : "4");
        } else if (item.id == "O1") {
            press({"3", "Down"});  // the attachment: the first option (a separate programme)
            expected[item.id] = 1;
        } else if (item.id == "V6") {
            press({"3"});  // to the first specialist's employer contacts
            type("6");
            // Past the other specialists' contacts and people looking for work, to the form.
            press({"Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Down", "Down", "Down"});
            expected[item.id] = 5;
        }
        press({"Next"});
    }
    CHECK(page->assessment()->rated_count() == 25);

    // Complete from the Round menu: Alt and its letter, then Complete's letter.
    point_at(w.frame);
    press({"alt+" + mnemonic("&Round"), mnemonic("&Complete round")}, 600);
    CHECK(w.session.store->round(round).status == RoundStatus::Completed);

    // What the store holds, and what the command line shows.
    const Id anna = r.raters[0].id;
    for (const auto& [id, level] : expected) {
        INFO(id);
        const auto rating = w.session.store->rating(round, id, anna);
        REQUIRE(rating);
        CHECK(rating->input.level == level);
    }
    CHECK(w.session.store->rating(round, "V13", anna)->input.specialists.size() == 2);
    w.close();
    const auto shown = cli({"round", "show", "--db", w.db, "--round", std::to_string(round)});
    INFO(shown.out << shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, Catch::Contains("status\tcompleted"));
}
