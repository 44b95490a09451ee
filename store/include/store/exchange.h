#pragma once
// Exchange files: how rounds travel from teams to the network leader (format in
// store/README.md, schema in store/schema/fidelis-exchange.xsd).
//
// Export is deterministic: the same rounds give a byte-identical file from any database,
// with nothing database-specific in it. Each round carries a SHA-256 digest of its own
// canonical form, so an edited or damaged round is refused. Import merges by UUID in one
// transaction: new rounds are added, identical ones skipped, and conflicting ones listed
// and left alone unless replacing was asked for. A round whose team id belongs to another
// team here is a conflict, never merged. Every round passes the same rules as any other
// write (store/rules.h); any error refuses the whole file and leaves the database as it
// was. A dry run is the same import, rolled back.
#include "base/progress.h"
#include "store/round_record.h"
#include "store/store.h"

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis {

// The file text for these rounds (any order; the file is sorted).
std::string write_exchange(const std::vector<RoundRecord>& records);
// The file for the rounds of these ids, written to `out` one round at a time: memory
// holds one round, whatever the number of rounds. Write errors are left in `out`'s state
// (AtomicFile::commit reports them).
// Each team in the file brings its quarterly outcomes (format 2); `outcome_teams` adds teams
// (and their outcomes) that have no round among `round_ids`.
// `progress` hears of each round written and may cancel (Cancelled; `out` then holds part
// of a file, which AtomicFile removes).
void export_rounds(Store& store, const std::vector<Id>& round_ids, std::ostream& out,
                   const std::vector<Id>& outcome_teams = {}, const Progress& progress = {});
std::string export_rounds(Store& store, const std::vector<Id>& round_ids, const std::vector<Id>& outcome_teams = {});

// Parses and verifies a file; throws Error listing every problem as file:line:column.
std::vector<RoundRecord> read_exchange(std::string_view text, const std::string& file_label);
std::vector<RoundRecord> read_exchange(std::istream& in, const std::string& file_label);

struct ImportOptions {
    bool dry_run = false;
    bool replace_conflicts = false;
};

struct ImportedRound {
    enum class Outcome { Added, Identical, Conflict, Replaced };
    Outcome outcome = Outcome::Added;
    std::string uuid;
    std::string team;
    std::string municipality_code;
    std::string scale;  // "ips-25 2019"
    Date date;
    std::string reason;  // for a conflict: what differs
};

// A team's quarter from the file, merged by team id and quarter like a round by its id.
struct ImportedOutcome {
    ImportedRound::Outcome outcome = ImportedRound::Outcome::Added;
    std::string team_uuid;
    std::string team;
    std::string municipality_code;
    Quarter quarter;
    std::string reason;  // for a conflict: what differs
};

struct ImportReport {
    bool dry_run = false;
    std::vector<ImportedRound> rounds;
    std::vector<ImportedOutcome> outcomes;
    int count_outcomes(ImportedRound::Outcome outcome) const;
    int count(ImportedRound::Outcome outcome) const;
};

// Reads the file one top-level element at a time and imports each round as it is read,
// inside the one transaction: memory holds about one round, whatever the file's size.
// Any problem anywhere in the file rolls everything back, and so does a cancel: `progress`
// hears how far through the file the reading is after each round (when the stream can say:
// a file can, a pipe cannot) and may cancel (Cancelled), leaving the database as it was.
ImportReport import_exchange(Store& store, std::istream& in, const std::string& file_label,
                             const ImportOptions& options, const Progress& progress = {});
ImportReport import_exchange(Store& store, std::string_view text, const std::string& file_label,
                             const ImportOptions& options, const Progress& progress = {});
const char* code_of(ImportedRound::Outcome outcome);  // "added", "identical", "conflict", "replaced"

}  // namespace fidelis
