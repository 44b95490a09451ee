#pragma once
// CSV for Excel and R. The long format: one row per round × item × rater, plus a row with
// rater "consensus" holding the round's agreed result, with the evidence, note and
// rationale as written. The wide format: one row per round, one column per item's result
// level, the section scores, the total and the band. UTF-8 with a BOM so Excel reads å ä ö;
// ';' by default (Swedish Excel, R's read.csv2, decimal comma), ',' on request (read.csv,
// decimal point). A text cell that a spreadsheet would run as a formula (= + - @ TAB CR
// first) is written with a leading apostrophe.
#include "base/progress.h"
#include "store/store.h"

#include <optional>
#include <ostream>

namespace fidelis {

enum class CsvLayout { Long, Wide };

struct CsvOptions {
    char separator = ';';
    CsvLayout layout = CsvLayout::Long;
    // Which rounds: every one by default. Dates are the rounds' assessment dates, inclusive.
    std::optional<Id> team;
    std::string scale_id;
    std::optional<Date> from;
    std::optional<Date> to;
};

// One cell: quoted when it holds the separator, a quote or a line break; a leading
// apostrophe where a spreadsheet would run it as a formula. For every CSV Fidelis writes.
std::string csv_field(const std::string& text, char separator);
// The long format's fixed header, without the BOM.
std::string csv_header(char separator);
// The rounds the options select, in the store's order: for every CSV with these filters.
std::vector<Round> csv_rounds(Store& store, const CsvOptions& options);
// Writes the layout the options ask for; returns the number of data rows written.
// `progress` hears of each round written and may cancel (Cancelled; `out` then holds part
// of a file, which AtomicFile removes).
std::size_t write_csv(Store& store, std::ostream& out, const CsvOptions& options, const Progress& progress = {});

}  // namespace fidelis
