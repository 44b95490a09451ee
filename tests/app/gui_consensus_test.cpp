// The Consensus tab as a team's meeting uses it: "cannot rate" against a level is its own
// state in the spread, what each rater entered stands side by side, the rationale stays in
// view, each item keeps its scroll, and the round report carries the raters' work.
#include "gui_support.h"
#include "test_window.h"

#include "consensus_panel.h"
#include "item_editor.h"
#include "main_frame.h"
#include "round_page.h"
#include "run.h"
#include "scales/scale_library.h"
#include "temp_dir.h"
#include "ui.h"

#include <catch2/catch.hpp>

#include <wx/button.h>
#include <wx/splitter.h>
#include <wx/textctrl.h>

using namespace fidelis;
using namespace fidelis::gui;
using namespace fidelis::test;

namespace {

Rating given(const std::string& item, Id rater, std::optional<int> level, const std::string& evidence = {},
             const std::string& note = {}) {
    Rating r;
    r.item_id = item;
    r.rater_id = rater;
    r.input.level = level;
    if (!level) {
        r.input.cannot_rate = true;
        r.input.cannot_rate_reason = "Ingen dokumentation";
    }
    r.evidence = evidence;
    r.note = note;
    return r;
}

// Two raters in Habo: O3 one cannot rate, the other gives 3; V4 two numbers; S3 both 4.
void make_meeting(const std::string& path) {
    Store s = Store::create(path, "06");
    const Id team = s.add_team("0643", "Habo Jobbcenter", Method::IPS);
    Store::NewRound nr;
    nr.team_id = team;
    nr.scale = ScaleLibrary::discover().find("ips-25")->scale;
    nr.assessed_on = *Date::try_parse("2026-10-05");
    nr.raters = {{"Anna Berg", "Teamledare"}, {"Omar Haddad", "Arbetsspecialist"}};
    const Id id = s.create_round(nr);
    const Round r = s.round(id);
    const Id anna = r.raters[0].id, omar = r.raters[1].id;
    s.save_rating(id, given("O3", anna, std::nullopt, "", "Ny i teamet"));
    s.save_rating(id, given("O3", omar, 3, "Handledning varannan vecka", "Protokoll finns"));
    Rating v4a = given("V4", anna, std::nullopt), v4o = given("V4", omar, std::nullopt);
    for (Rating* v : {&v4a, &v4o}) {
        v->input.cannot_rate = false;
        v->input.cannot_rate_reason.clear();
    }
    v4a.input.value = 22.5;
    v4o.input.value = 40;
    v4a.evidence = "Verksamhetssystemet, september";
    s.save_rating(id, v4a);
    s.save_rating(id, v4o);
    s.save_rating(id, given("S3", anna, 4));
    s.save_rating(id, given("S3", omar, 4));
}

struct Meeting : TestWindow {
    Id round = 0;
    Meeting() : TestWindow("county.fidelis", make_meeting) {
        REQUIRE(frame->open_database(db));
        round = session.store->all_rounds().at(0).id;
        pump(100);
    }
    // The round open on its Consensus tab, as Alt+2 shows it.
    ConsensusPanel* open_consensus() {
        RoundPage* page = frame->show_round(round);
        REQUIRE(page);
        page->show_tab(RoundPage::ConsensusTab);
        pump(100);
        return page->consensus();
    }
};

}  // namespace

TEST_CASE("Cannot rate against a level is flagged as its own state in the consensus spread", "[gui]") {
    if (delegated_to_xvfb()) return;
    Meeting m;
    ConsensusPanel* c = m.open_consensus();
    // Not a spread of 0: one rater could not rate what the other rated 3.
    CHECK(c->spread_text("O3") == "\u26a0 ej bedömbar mot 3 skiljer");
    CHECK(c->spread_text("S3") == "0");
    const auto flags = c->flagged();
    CHECK(std::find(flags.begin(), flags.end(), "O3") != flags.end());
    CHECK(c->summary_text().find("0 av 25 överenskomna") == 0);
}

TEST_CASE("Each rater's level, entered number, evidence and note stand side by side in the consensus", "[gui]") {
    if (delegated_to_xvfb()) return;
    Meeting m;
    ConsensusPanel* c = m.open_consensus();
    c->select("O3");
    pump(60);
    INFO(c->raters_text());
    CHECK(c->raters_text().find("Anna Berg\tOmar Haddad\t\n") == 0);
    CHECK(c->raters_text().find("Nivå:\tkan inte bedömas: Ingen dokumentation\t3\n") != std::string::npos);
    CHECK(c->raters_text().find("Underlag:\t\tHandledning varannan vecka\n") != std::string::npos);
    CHECK(c->raters_text().find("Anteckning:\tNy i teamet\tProtokoll finns\n") != std::string::npos);
    c->select("V4");
    pump(60);
    INFO(c->raters_text());
    // The numbers as each rater typed them, in Swedish style, with the item's unit.
    CHECK(c->raters_text().find("22,5") != std::string::npos);
    CHECK(c->raters_text().find("\t40") != std::string::npos);
    CHECK(c->raters_text().find("Verksamhetssystemet, september") != std::string::npos);
}

TEST_CASE("The consensus rationale stays in view and is saved with the agreed level", "[gui]") {
    if (delegated_to_xvfb()) return;
    Meeting m;
    ConsensusPanel* c = m.open_consensus();
    c->select("O3");
    pump(60);
    wxTextCtrl* why = c->rationale_field();
    REQUIRE(why);
    // Outside the item's scrolled area, so scrolling the item never hides it.
    CHECK_FALSE(c->editor()->IsDescendant(why));
    c->editor()->Scroll(0, 1000);
    pump(30);
    const wxRect shown = c->GetScreenRect();
    CHECK(shown.Contains(why->GetScreenRect()));
    c->focus_list();
    key('3');
    pump(30);
    why->SetFocus();
    why->SetValue(wxString::FromUTF8("Handledningen finns men är inte dokumenterad för alla."));
    pump(60);
    const auto saved = m.session.store->rating(m.round, "O3", consensus_rater);
    REQUIRE(saved);
    CHECK(saved->input.level == 3);
    CHECK(saved->rationale == "Handledningen finns men är inte dokumenterad för alla.");
    CHECK(c->summary_text().find("1 av 25 överenskomna") == 0);
    // Another item and back: the rationale is the item's own.
    c->select("S3");
    pump(30);
    CHECK(why->GetValue().empty());
    c->select("O3");
    pump(30);
    CHECK(why->GetValue() == wxString::FromUTF8("Handledningen finns men är inte dokumenterad för alla."));
}

TEST_CASE("Each item keeps its own scroll position when the team goes back to it", "[gui]") {
    if (delegated_to_xvfb()) return;
    Meeting m;
    ConsensusPanel* c = m.open_consensus();
    c->select("V4");
    pump(60);
    c->editor()->Scroll(0, 8);
    pump(30);
    const int v4_at = c->editor()->GetViewStart().y;
    REQUIRE(v4_at > 0);
    c->select("S3");
    pump(60);
    CHECK(c->editor()->GetViewStart().y == 0);  // not seen before: from the top
    c->select("V4");
    pump(60);
    CHECK(c->editor()->GetViewStart().y == v4_at);
}

TEST_CASE("Accept where all raters agree is one action that the counter and the history show", "[gui]") {
    if (delegated_to_xvfb()) return;
    Meeting m;
    ConsensusPanel* c = m.open_consensus();
    REQUIRE(c->accept_button()->IsShown());
    click(c->accept_button());
    pump(60);
    // Only S3 has the same level from both; O3 and V4 wait for the team.
    CHECK(c->summary_text().find("1 av 25 överenskomna") == 0);
    const auto s3 = m.session.store->rating(m.round, "S3", consensus_rater);
    REQUIRE(s3);
    CHECK(s3->input.level == 4);
    CHECK_FALSE(m.session.store->rating(m.round, "O3", consensus_rater));
    bool in_history = false;
    for (const HistoryEntry& h : m.session.store->history(m.round))
        if (h.entity == "consensus" && h.key.rfind("S3", 0) == 0) in_history = true;
    CHECK(in_history);
}

TEST_CASE("The round report's item pages show each rater's level, entries, evidence and note") {
    TempDir dir;
    const std::string db = (dir / "county.fidelis").string();
    make_meeting(db);
    const Id round = Store::open(db).all_rounds().at(0).id;
    const std::string pdf = (dir / "round.pdf").string();
    const RunResult made =
        cli({"--lang", "sv", "report", "round", "--db", db, "--round", std::to_string(round), "--out", pdf});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    const std::string text = run("/usr/bin/pdftotext", {pdf, "-"}).out;
    CHECK(text.find("Bedömare") != std::string::npos);
    // Words as the cells wrap them.
    CHECK(text.find("Handledning varannan") != std::string::npos);
    CHECK(text.find("Protokoll finns") != std::string::npos);
    CHECK(text.find("Verksamhetssystemet,") != std::string::npos);
    CHECK(text.find("Ingen dokumentation") != std::string::npos);
    CHECK(text.find("22,5") != std::string::npos);
}

TEST_CASE("The consensus tab's splitter stays where the user left it, after the window is closed and opened again",
          "[gui]") {
    if (delegated_to_xvfb()) return;
    Meeting m;
    wxSplitterWindow* split = m.open_consensus()->splitter();
    const int moved_to = split->GetSashPosition() + 60;
    split->SetSashPosition(moved_to);
    // What the splitter sends when the user lets go of the sash.
    wxSplitterEvent let_go(wxEVT_SPLITTER_SASH_POS_CHANGED, split);
    let_go.SetSashPosition(moved_to);
    split->ProcessWindowEvent(let_go);
    pump(60);
    m.close();
    m.show();
    REQUIRE(m.frame->open_database(m.db));
    ConsensusPanel* again = m.open_consensus();
    pump(100);
    CHECK(m.session.sash("consensus", -1) == moved_to);
    CHECK(again->splitter()->GetSashPosition() == moved_to);
}
