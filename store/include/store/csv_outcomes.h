#pragma once
// CSV of the quarterly outcomes, beside the ratings CSV (store/csv_export.h) and in the
// same dialect: one row per team and quarter, with the team's identity, the counts per
// gender, their totals and the employment rate (a '.' decimal, for R and scripts).
#include "store/csv_export.h"

#include <ostream>

namespace fidelis {

// The fixed header, without the BOM.
std::string outcomes_csv_header(char separator);
// Returns the number of data rows written.
std::size_t write_outcomes_csv(Store& store, std::ostream& out, const CsvOptions& options);

}  // namespace fidelis
