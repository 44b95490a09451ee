#pragma once
// A hostile county for the report tests: every kind of text and shape of data a real
// network can put into a database and that a report must still lay out readably (long
// names, 3,000-character notes with a 400-character word, Arabic, Hebrew, emoji with ZWJ
// and variation selectors, markup, 40 teams in two counties, teams with no rounds, a draft,
// a round at consensus, 15 items "cannot rate", 12 rounds over 8 years with a gap, zero and
// missing figures, long, overdue and empty plans, SEQF-SE). Programme-level data only, no
// client records; built through the public Store API alone, so it is what the window or an
// import could have written.
//
// To get it as a file, to render and look at:
//   rm -f /tmp/hostile.fidelis; FIDELIS_HOSTILE_DB=/tmp/hostile.fidelis build/bin/test_app "[.hostile]"
//   build/bin/fidelis-cli --lang sv report county --db /tmp/hostile.fidelis --scale ips-25 --out /tmp/c.pdf
// (the test prints the ids of the interesting teams and rounds; the file must not exist yet).
#include "store/store.h"

#include <string>
#include <vector>

namespace fidelis::test {

// The teams and rounds the tests look for, by what makes them hostile.
struct HostileCounty {
    Id trend_team = 0;          // 12 IPS-25 rounds, 2017–2025, none in 2020–2021; all three review types
    Id arabic_team = 0;         // "فريق التوظيف الأمل": its latest round is long_notes_round
    Id long_notes_round = 0;    // completed, external: 3,000-character evidence, notes, rationale,
                                // strengths, recommendations; a plan of long and overdue actions
    Id draft_round = 0;         // its team's only round, a draft with 8 items rated
    Id consensus_round = 0;     // every item agreed, status "consensus", not completed
    Id cannot_rate_round = 0;   // completed, 15 of 25 IPS-25 items "cannot rate"
    Id empty_plan_round = 0;    // completed; its plan has a manager and nothing else
    Id zero_figures_round = 0;  // team figures of zero participants
    Id seqf_round = 0;          // a completed SEQF-SE round with long texts
    Id script_team = 0;         // named with <script>alert(1)</script> & "quotes"
    std::vector<Id> teams_without_rounds;
    int teams = 0;
};

// Fills `store`, a fresh database for county "06" (Store::create(path, "06")), in one
// transaction. Deterministic: the same ids, uuids and texts every time.
HostileCounty build_hostile_county(Store& store);

// Writes the hostile county to `path` (which must not exist) and closes it again, so that
// another process (fidelis-cli) can open it.
HostileCounty create_hostile_database(const std::string& path);

// `n` characters (code points) of Swedish, Arabic, Hebrew, emoji and markup, in
// paragraphs, with one word of 400 characters without spaces; `variant` changes the order.
std::string hostile_text(int n, int variant);

}  // namespace fidelis::test
