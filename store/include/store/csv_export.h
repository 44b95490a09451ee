#pragma once
// CSV for Excel and R: one row per round × item × rater, plus a row with rater
// "consensus" holding the round's agreed result. UTF-8 with a BOM so Excel reads å ä ö;
// ';' by default (Swedish Excel), ',' on request. A text cell that a spreadsheet would
// run as a formula (= + - @ TAB CR first) is written with a leading apostrophe.
#include "store/store.h"

#include <ostream>

namespace fidelis {

struct CsvOptions {
    char separator = ';';
};

// One cell: quoted when it holds the separator, a quote or a line break; a leading
// apostrophe where a spreadsheet would run it as a formula. For every CSV Fidelis writes.
std::string csv_field(const std::string& text, char separator);
// The fixed header, without the BOM.
std::string csv_header(char separator);
// Returns the number of data rows written.
std::size_t write_csv(Store& store, std::ostream& out, const CsvOptions& options);

}  // namespace fidelis
