#pragma once
// Exchange files as the window and fidelis-cli both handle them, so neither can drift:
// what an export carries (the rounds, and the quarterly outcomes of their teams), the file
// written atomically, the import read as a stream (its dry run is the import rolled back),
// and the sentences that sum an import up.
#include "base/progress.h"
#include "store/exchange.h"
#include "store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace fidelis::core {

// One round, one team's rounds, or the whole database; the teams whose quarterly outcomes
// travel along: the team's, or every team with outcomes (one without rounds too). One
// round alone carries none.
struct ExportSelection {
    std::vector<Id> rounds;
    std::vector<Id> outcome_teams;
};
ExportSelection select_for_export(Store& store, std::optional<Id> team, std::optional<Id> round = std::nullopt);

// Written beside `path` and renamed into place: a failure or a cancel leaves no file.
void export_to_file(Store& store, const ExportSelection& selection, const std::string& path,
                    const Progress& progress = {});

// Reads `path` as a stream, so memory follows one round, not the file.
ImportReport import_from_file(Store& store, const std::string& path, const ImportOptions& options,
                              const Progress& progress = {});

// "Imported: 3 added, 1 identical skipped, 0 conflicting, 0 replaced." ("Dry run, nothing
// changed: …" for a dry run), and the same for quarterly outcomes, empty when there were none.
std::string import_summary(const ImportReport& report, bool dry_run);
std::string outcomes_summary(const ImportReport& report);

}  // namespace fidelis::core
