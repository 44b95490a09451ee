// Keys do what they say in the assessment, pressed through the X server (xdotool) as a user
// presses them: letters typed in the item list find an item and never rate it, digits rate
// only where a level is chosen directly (on an item with inputs they go to the first input),
// digits work after Page Down from any field, no level looks chosen before one is, and a
// number shows as it was typed, in the window's language.
#include "gui_support.h"
#include "run.h"
#include "test_window.h"

#include "assessment_panel.h"
#include "main_frame.h"
#include "round_page.h"
#include "scales/scale_library.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <functional>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

// Indexes in IPS-25: S1 is a number, S3, O3 and O4 are chosen directly, O1 and V6 follow a
// rule, V13 takes one value per specialist, V14 counts components.
constexpr std::size_t S1 = 0, S3 = 2, O1 = 3, O3 = 5, O4 = 6, V13 = 23, V14 = 24;

struct RoundWindow : TestWindow {
    Id round = 0;
    Id anna = 0;
    explicit RoundWindow(const std::string& lang = "sv")
        : TestWindow("county.fidelis", [](const std::string& path) {
              Store s = Store::create(path, "06");
              Store::NewRound nr;
              nr.team_id = s.add_team("0680", "IPS-teamet Jönköping", Method::IPS);
              nr.scale = ScaleLibrary::discover().find("ips-25")->scale;
              nr.assessed_on = *Date::try_parse("2026-11-02");
              nr.raters = {{"Anna Berg", "Granskare"}};
              s.create_round(nr);
          }, lang) {
        REQUIRE(frame->open_database(db));
        round = session.store->all_rounds().at(0).id;
        anna = session.store->round(round).raters.at(0).id;
        open_round();
    }
    RoundPage* open_round() {
        RoundPage* page = frame->show_round(round);
        REQUIRE(page);
        page->show_tab(RoundPage::AssessmentTab);
        pump(300);
        // Without a window manager the keyboard follows the pointer.
        run("/usr/bin/xdotool", {"mousemove", "600", "400"});
        pump(100);
        return page;
    }
    RoundPage* page() { return frame->round_page(); }
    AssessmentPanel* assessment() { return page()->assessment(); }
    // The item at `index`, shown with the keyboard in the item list.
    void at(std::size_t index) {
        assessment()->go_to(index);
        assessment()->focus_items();
        pump(150);
    }
    std::optional<Rating> stored(std::size_t index) {
        return session.store->rating(round, page()->context().scale->items[index].id, anna);
    }
    std::optional<int> level(std::size_t index) {
        const auto r = stored(index);
        return r ? r->input.level : std::nullopt;
    }
    wxString status() const { return frame->GetStatusBar()->GetStatusText(0); }
};

// Keys and text through the X server, then time for the window to handle them.
void press(const std::vector<std::string>& keys) {
    std::vector<std::string> args = {"key", "--delay", "40"};
    args.insert(args.end(), keys.begin(), keys.end());
    REQUIRE(run("/usr/bin/xdotool", args).exit_code == 0);
    pump(250);
}
void type(const std::string& text) {
    REQUIRE(run("/usr/bin/xdotool", {"type", "--delay", "40", text}).exit_code == 0);
    pump(250);
}

void each_window(wxWindow* w, const std::function<void(wxWindow*)>& f) {
    f(w);
    for (wxWindow* c : w->GetChildren()) each_window(c, f);
}

// The level buttons on screen that look chosen.
std::vector<wxString> chosen_levels(wxWindow* page) {
    std::vector<wxString> on;
    each_window(page, [&](wxWindow* w) {
        auto* rb = dynamic_cast<wxRadioButton*>(w);
        if (rb && rb->IsShownOnScreen() && rb->GetValue()) on.push_back(rb->GetLabel());
    });
    return on;
}

wxString named(const char* label) {
    wxString s = _(label);
    if (s.EndsWith(":")) s.RemoveLast();
    return s;
}

// Puts the keyboard in the page's text field with that label and types there.
void type_in(wxWindow* page, const char* label, const std::string& text) {
    auto* field = dynamic_cast<wxTextCtrl*>(find_named(page, named(label)));
    REQUIRE(field);
    field->SetFocus();
    pump(100);
    type(text);
}

}  // namespace

TEST_CASE("Letters typed in the item list find an item and a digit straight after them rates nothing", "[gui][keys]") {
    if (delegated_to_xvfb()) return;
    RoundWindow c;
    c.at(S3);
    type("S5");  // a sentence mistyped into the list
    for (std::size_t i = 0; i < 25; ++i) CHECK_FALSE(c.stored(i));
    CHECK(c.status().Contains("S5"));

    type("v14");  // finds V14 by its id; the digits go on finding
    CHECK(c.assessment()->current() == V14);
    type("o4");
    CHECK(c.assessment()->current() == O4);
    for (std::size_t i = 0; i < 25; ++i) CHECK_FALSE(c.stored(i));

    // After a pause a digit rates the item found, as on any item.
    pump(1700);
    press({"3"});
    CHECK(c.level(O4) == 3);
}

TEST_CASE("A digit on an item with inputs goes to its first input and rates nothing", "[gui][keys]") {
    if (delegated_to_xvfb()) return;
    RoundWindow c;
    struct Case {
        std::size_t index;
        const char* id;
        std::function<bool(wxWindow*)> is_input;
    };
    const Case cases[] = {
        {S1, "S1", [](wxWindow* w) { return dynamic_cast<wxTextCtrl*>(w) != nullptr; }},
        {O1, "O1", [](wxWindow* w) { return dynamic_cast<wxChoice*>(w) != nullptr; }},
        {V13, "V13", [](wxWindow* w) { return dynamic_cast<wxTextCtrl*>(w) != nullptr; }},
        {V14, "V14", [](wxWindow* w) { return dynamic_cast<wxCheckBox*>(w) != nullptr; }},
    };
    for (const Case& k : cases) {
        INFO(k.id);
        c.at(k.index);
        press({"5"});
        CHECK_FALSE(c.stored(k.index));
        CHECK(k.is_input(wxWindow::FindFocus()));
        CHECK(c.status().Contains(k.id));
        CHECK(chosen_levels(c.page()).empty());
    }
    // V14 with no component ticked is not at level 5: a tick through the keyboard decides it.
    c.at(V14);
    press({"5", "space"});
    REQUIRE(c.stored(V14));
    CHECK(c.stored(V14)->input.checked.size() == 1);
    CHECK(c.level(V14) == 1);
}

TEST_CASE("Digits rate after Page Down and Page Up from the evidence field", "[gui][keys]") {
    if (delegated_to_xvfb()) return;
    RoundWindow c;
    c.at(O3);
    type_in(c.page(), "Evidence:", "Seen in the case files");
    press({"Next", "3"});
    CHECK(c.assessment()->current() == O4);
    CHECK(c.level(O4) == 3);
    press({"Prior", "2"});
    CHECK(c.assessment()->current() == O3);
    CHECK(c.level(O3) == 2);
    CHECK(c.stored(O3)->evidence == "Seen in the case files");

    // The same from the note field of an item chosen directly, with the arrows and Ctrl.
    type_in(c.page(), "Note:", "ok");
    press({"Next", "4"});
    CHECK(c.level(O4) == 4);
}

TEST_CASE("No level looks chosen on an unrated or cannot-rate item", "[gui][keys]") {
    if (delegated_to_xvfb()) return;
    RoundWindow c;
    {
        Rating r;
        r.item_id = "O3";
        r.rater_id = c.anna;
        r.input.cannot_rate = true;
        r.input.cannot_rate_reason = "Inga dokument";
        c.session.store->save_rating(c.round, r);
        r.item_id = "O4";
        r.input = {};
        r.input.level = 3;
        c.session.store->save_rating(c.round, r);
    }
    c.assessment()->refresh();
    pump(100);
    c.at(S3);
    CHECK(chosen_levels(c.page()).empty());
    c.at(O3);
    CHECK(chosen_levels(c.page()).empty());
    c.at(O4);
    CHECK(chosen_levels(c.page()) == std::vector<wxString>{"3"});
    // Rated by key and then marked "cannot rate": the level goes from the buttons too.
    c.at(S3);
    press({"2"});
    CHECK(chosen_levels(c.page()) == std::vector<wxString>{"2"});
    auto* reason = dynamic_cast<wxTextCtrl*>(find_named(c.page(), _("Why the item cannot be rated")));
    REQUIRE(reason);
    reason->SetFocus();
    pump(100);
    type("Ingen intervju");
    CHECK(chosen_levels(c.page()).empty());
    CHECK(c.stored(S3)->input.cannot_rate);
}

TEST_CASE("A number shows as it was typed after reopening, with the language's decimal sign", "[gui][keys]") {
    if (delegated_to_xvfb()) return;
    for (const auto& [lang, typed] : {std::pair<std::string, std::string>{"sv", "22,5"}, {"en", "22.5"}}) {
        INFO(lang);
        RoundWindow c(lang);
        c.at(S1);
        press({"4"});  // goes to the number field
        auto* field = dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus());
        REQUIRE(field);
        const wxString name = field->GetName();
        type(typed);
        REQUIRE(c.stored(S1));
        CHECK(c.stored(S1)->input.value == 22.5);
        press({"Next", "Prior"});
        field = dynamic_cast<wxTextCtrl*>(find_named(c.page(), name));
        REQUIRE(field);
        CHECK(field->GetValue() == typed);
        // After a restart, too.
        c.close();
        c.show();
        REQUIRE(c.frame->open_database(c.db));
        c.open_round();
        c.at(S1);
        press({"4"});
        field = dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus());
        REQUIRE(field);
        CHECK(field->GetValue() == typed);
    }
}
