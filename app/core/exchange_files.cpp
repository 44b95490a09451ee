// Exchange files for the window and the CLI alike (exchange_files.h).
#include "exchange_files.h"

#include "base/atomic_file.h"
#include "base/error.h"
#include "base/i18n.h"
#include "base/paths.h"

#include <fstream>

namespace fidelis::core {

ExportSelection select_for_export(Store& store, std::optional<Id> team, std::optional<Id> round) {
    ExportSelection s;
    if (round) {
        store.round(*round);  // NotFound with its id
        s.rounds.push_back(*round);
        return s;
    }
    for (const Round& r : team ? store.rounds_of_team(*team) : store.all_rounds()) s.rounds.push_back(r.id);
    if (team) s.outcome_teams.push_back(*team);
    else
        for (const TeamOutcome& o : store.all_outcomes()) s.outcome_teams.push_back(o.team_id);
    return s;
}

void export_to_file(Store& store, const ExportSelection& selection, const std::string& path, const Progress& progress) {
    AtomicFile file(path_from_utf8(path));
    export_rounds(store, selection.rounds, file.stream(), selection.outcome_teams, progress);
    file.commit();
}

ImportReport import_from_file(Store& store, const std::string& path, const ImportOptions& options,
                              const Progress& progress) {
    std::ifstream in(path_from_utf8(path), std::ios::binary);
    if (!in) throw Error(format(tr(N_("Cannot read {1}.")), {path}));
    return import_exchange(store, in, path, options, progress);
}

std::string import_summary(const ImportReport& report, bool dry_run) {
    using O = ImportedRound::Outcome;
    return format(tr(N_("{1}: {2} added, {3} identical skipped, {4} conflicting, {5} replaced.")),
                  {dry_run ? tr(N_("Dry run, nothing changed")) : tr(N_("Imported")),
                   std::to_string(report.count(O::Added)), std::to_string(report.count(O::Identical)),
                   std::to_string(report.count(O::Conflict)), std::to_string(report.count(O::Replaced))});
}

std::string outcomes_summary(const ImportReport& report) {
    if (report.outcomes.empty()) return {};
    using O = ImportedRound::Outcome;
    return format(tr(N_("Quarterly outcomes: {1} added, {2} identical skipped, {3} conflicting, {4} replaced.")),
                  {std::to_string(report.count_outcomes(O::Added)), std::to_string(report.count_outcomes(O::Identical)),
                   std::to_string(report.count_outcomes(O::Conflict)),
                   std::to_string(report.count_outcomes(O::Replaced))});
}

}  // namespace fidelis::core
