// The CSV export read back as a spreadsheet or R would read it: every column where the
// header says, texts with the separator, quotes and line breaks intact, filters honoured.
#include "store_fixture.h"

#include "store/csv_export.h"
#include "store/demo.h"

#include <sstream>

using namespace fidelis;
using namespace fidelis::test;

namespace {

using Table = std::vector<std::vector<std::string>>;

// RFC 4180 as Excel reads it: quoted cells may hold the separator, "" and line breaks;
// rows end with CRLF.
Table parse_csv(const std::string& text, char sep) {
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    Table rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 3; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == sep) {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    REQUIRE(rows.back().empty());  // the last row ended with CRLF
    rows.pop_back();
    return rows;
}

std::size_t column(const Table& t, const std::string& name) {
    const auto it = std::find(t[0].begin(), t[0].end(), name);
    REQUIRE(it != t[0].end());
    return std::size_t(it - t[0].begin());
}

Table export_table(Store& store, const CsvOptions& options) {
    std::ostringstream out;
    const std::size_t rows = write_csv(store, out, options);
    Table t = parse_csv(out.str(), options.separator);
    CHECK(t.size() == rows + 1);
    for (const auto& row : t) CHECK(row.size() == t[0].size());  // every row as wide as the header
    return t;
}

struct DemoRound {
    TempDir dir;
    Store store = create_demo(db_path(dir, "demo.fidelis"));
    Team team;
    Round round;
    const std::string evidence = "Ärendelista, \"tolv\" per specialist;\nandra raden";
    DemoRound() {
        for (const Team& t : store.teams())
            if (t.name == "IPS-teamet Jönköping") team = t;
        REQUIRE(team.id);
        round = store.rounds_of_team(team.id).back();
        if (round.status == RoundStatus::Completed) store.reopen(round.id, "CSV-test");
        Rating c;
        c.item_id = "S1";
        c.rater_id = consensus_rater;
        c.input.level = 4;
        c.evidence = evidence;
        c.note = "=SUM(A1)";
        c.rationale = "Enades, efter \"samtal\"";
        store.save_rating(round.id, c);
        round = store.round(round.id);
    }
};

}  // namespace

TEST_CASE("The long CSV of the demo county reads back with note, evidence and rationale, a text with comma, quote and newline intact") {
    DemoRound d;
    for (char sep : {';', ','}) {
        CsvOptions o;
        o.separator = sep;
        const Table t = export_table(d.store, o);
        CHECK(t[0] == std::vector<std::string>{"round_id", "municipality_code", "municipality", "team", "scale", "edition",
                                               "date", "review_type", "item", "rater", "level", "cannot_rate", "note",
                                               "evidence", "rationale"});
        std::size_t found = 0;
        for (const auto& row : t) {
            if (row[0] != d.round.uuid || row[8] != "S1" || row[9] != "consensus") continue;
            ++found;
            CHECK(row[3] == "IPS-teamet Jönköping");
            CHECK(row[10] == "4");
            CHECK(row[11] == "0");
            CHECK(row[12] == "'=SUM(A1)");  // never run as a formula
            CHECK(row[13] == d.evidence);
            CHECK(row[14] == "Enades, efter \"samtal\"");
        }
        CHECK(found == 1);
    }
}

TEST_CASE("The wide CSV has one row per round with each item's result, the section scores, total and band") {
    DemoRound d;
    CsvOptions wide;
    wide.layout = CsvLayout::Wide;
    const Table t = export_table(d.store, wide);
    CHECK(t.size() == d.store.all_rounds().size() + 1);
    const std::vector<std::string> fixed = {"round_id", "municipality_code", "municipality", "team", "date",
                                            "scale", "edition", "review_type", "status"};
    CHECK(std::vector<std::string>(t[0].begin(), t[0].begin() + 9) == fixed);
    // Both scales the demo uses, each item and section once.
    for (const char* name : {"S1", "V13", "CE1", "RE3", "section_staffing", "section_results", "total", "band", "rated", "items"})
        CHECK(std::count(t[0].begin(), t[0].end(), std::string(name)) == 1);

    const ScalePtr scale = d.store.scale_of(d.round);
    const auto result = d.store.result_ratings(d.round.id);
    const Score score = fidelis::score(*scale, result);
    std::size_t found = 0;
    for (const auto& row : t) {
        if (row[0] != d.round.uuid) continue;
        ++found;
        CHECK(row[3] == "IPS-teamet Jönköping");
        CHECK(row[5] == "ips-25");
        CHECK(row[8] == "consensus");  // reopened
        CHECK(row[column(t, "S1")] == "4");
        CHECK(row[column(t, "CE1")].empty());  // an SEQF item, not in this round's scale
        for (const Item& item : scale->items) {
            const auto it = result.find(item.id);
            CHECK(row[column(t, item.id)] == (it != result.end() && it->second.rated() ? std::to_string(*it->second.level) : ""));
        }
        CHECK(row[column(t, "total")] == format_decimal(score.total, scale->scoring.decimals, "sv"));  // decimal comma beside ';'
        CHECK(row[column(t, "rated")] == std::to_string(score.rated));
        CHECK(row[column(t, "items")] == "25");
        for (const SectionScore& s : score.sections)
            CHECK(row[column(t, "section_" + s.section_id)] == format_decimal(s.value, scale->scoring.decimals, "sv"));
    }
    CHECK(found == 1);

    // A completed round has its band; with ',' numbers take a decimal point.
    CsvOptions comma;
    comma.layout = CsvLayout::Wide;
    comma.separator = ',';
    const Table c = export_table(d.store, comma);
    std::size_t banded = 0;
    for (std::size_t i = 1; i < c.size(); ++i) {
        CHECK(c[i][column(c, "total")].find(',') == std::string::npos);
        if (c[i][8] == "completed" && c[i][5] == "ips-25") {
            CHECK(!c[i][column(c, "band")].empty());
            ++banded;
        }
    }
    CHECK(banded > 0);
}

TEST_CASE("CSV filters by team, scale and period select the same rounds in both layouts") {
    DemoRound d;
    CsvOptions o;
    o.team = d.team.id;
    o.scale_id = "ips-25";
    o.from = Date::try_parse("2020-01-01");
    o.to = Date::try_parse("2024-12-31");
    std::size_t expected = 0, long_expected = 0;
    for (const Round& r : d.store.rounds_of_team(d.team.id))
        if (r.scale_id == "ips-25" && r.assessed_on >= *o.from && r.assessed_on <= *o.to) {
            ++expected;
            long_expected += 25 * (r.raters.size() + 1);  // each rater and the consensus
        }
    REQUIRE(expected > 0);
    REQUIRE(expected < d.store.rounds_of_team(d.team.id).size());
    CHECK(csv_rounds(d.store, o).size() == expected);

    o.layout = CsvLayout::Wide;
    const Table wide = export_table(d.store, o);
    CHECK(wide.size() == expected + 1);
    for (std::size_t i = 1; i < wide.size(); ++i) {
        CHECK(wide[i][3] == "IPS-teamet Jönköping");
        CHECK(wide[i][4] >= "2020-01-01");
        CHECK(wide[i][4] <= "2024-12-31");
    }
    CHECK(std::count(wide[0].begin(), wide[0].end(), std::string("CE1")) == 0);  // only the scale asked for

    o.layout = CsvLayout::Long;
    const Table long_rows = export_table(d.store, o);
    CHECK(long_rows.size() == 1 + long_expected);

    o.team = 9999;
    std::ostringstream out;
    CHECK_THROWS_AS(write_csv(d.store, out, o), StoreError);
    o.team.reset();
    o.from = Date::try_parse("2025-01-01");
    o.to = Date::try_parse("2024-01-01");
    CHECK_THROWS_WITH(write_csv(d.store, out, o), Catch::Contains("ends (2024-01-01) before it starts (2025-01-01)"));
}
