// Importing exchange files: each round is read, verified and merged as it comes, inside
// one transaction, so memory follows one round and not the file (store/exchange.h).
#include "exchange_format.h"
#include "exchange_reader.h"

#include "base/i18n.h"
#include "store/exchange.h"
#include "store_impl.h"

#include <exception>
#include <new>
#include <optional>
#include <sstream>
#include <streambuf>

namespace fidelis {
namespace {

// Text in memory as a stream, without a copy. It can say where the reading is, so an
// import from memory reports its progress like one from a file.
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(std::string_view text) {
        char* p = const_cast<char*>(text.data());
        setg(p, p, p + text.size());
    }

protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
        if (!(which & std::ios_base::in)) return pos_type(off_type(-1));
        char* const from = dir == std::ios_base::beg ? eback() : dir == std::ios_base::cur ? gptr() : egptr();
        if (off < eback() - from || off > egptr() - from) return pos_type(off_type(-1));
        setg(eback(), from + off, egptr());
        return pos_type(gptr() - eback());
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }
};

// How far through the stream the reading is, 0..1, asked of its buffer so the stream's
// state is left alone. 0 throughout when the buffer cannot seek (a pipe).
class ReadPosition {
public:
    explicit ReadPosition(std::istream& in) : buffer_(in.rdbuf()) {
        if (!buffer_) return;
        start_ = buffer_->pubseekoff(0, std::ios_base::cur, std::ios_base::in);
        if (start_ < 0) return;
        end_ = buffer_->pubseekoff(0, std::ios_base::end, std::ios_base::in);
        buffer_->pubseekpos(start_, std::ios_base::in);
    }
    double fraction() const {
        if (start_ < 0 || end_ <= start_) return 0;
        const std::streamoff at = buffer_->pubseekoff(0, std::ios_base::cur, std::ios_base::in);
        return at < start_ ? 0 : double(at - start_) / double(end_ - start_);
    }

private:
    std::streambuf* buffer_;
    std::streamoff start_ = -1;
    std::streamoff end_ = -1;
};

}  // namespace

std::vector<RoundRecord> read_exchange(std::istream& in, const std::string& file_label) {
    std::vector<RoundRecord> records;
    exchange::read_rounds(in, file_label, [&](RoundRecord& rec) { records.push_back(std::move(rec)); });
    return records;
}

std::vector<RoundRecord> read_exchange(std::string_view text, const std::string& file_label) {
    MemoryBuffer buffer(text);
    std::istream in(&buffer);
    return read_exchange(in, file_label);
}

const char* code_of(ImportedRound::Outcome outcome) {
    switch (outcome) {
    case ImportedRound::Outcome::Identical: return "identical";
    case ImportedRound::Outcome::Conflict: return "conflict";
    case ImportedRound::Outcome::Replaced: return "replaced";
    case ImportedRound::Outcome::Added: break;
    }
    return "added";
}

int ImportReport::count_outcomes(ImportedRound::Outcome outcome) const {
    int n = 0;
    for (const auto& o : outcomes)
        if (o.outcome == outcome) ++n;
    return n;
}

int ImportReport::count(ImportedRound::Outcome outcome) const {
    int n = 0;
    for (const auto& r : rounds)
        if (r.outcome == outcome) ++n;
    return n;
}

namespace {

// Why the file's team cannot be this database's team of the same id, if it cannot: one
// id, two teams is never merged, whatever --replace says.
std::optional<std::string> team_conflict(const std::optional<Team>& here, const Team& theirs) {
    if (!here || (here->name == theirs.name && here->municipality_code == theirs.municipality_code &&
                  here->method == theirs.method))
        return std::nullopt;
    return format(tr(N_("the file's team {1} ({2}) has the id of {3} ({4}) here")),
                  {theirs.name, theirs.municipality_code, here->name, here->municipality_code});
}

// One round of the file merged into the store (inside the import's transaction).
ImportedRound import_round(Store& store, const RoundRecord& rec, const ImportOptions& options) {
    ImportedRound item;
    item.uuid = rec.round.uuid;
    item.team = rec.team.name;
    item.municipality_code = rec.team.municipality_code;
    item.scale = rec.round.scale_id + " " + rec.round.edition;
    item.date = rec.round.assessed_on;
    const std::optional<Team> here = store.team_by_uuid(rec.team.uuid);
    if (auto conflict = team_conflict(here, rec.team)) {
        item.outcome = ImportedRound::Outcome::Conflict;
        item.reason = std::move(*conflict);
    } else if (const auto existing = store.round_by_uuid(rec.round.uuid)) {
        const RoundRecord mine = store.record(*existing);
        if (exchange::digest_of(mine, *mine.scale) == exchange::digest_of(rec, *rec.scale)) {
            item.outcome = ImportedRound::Outcome::Identical;
        } else if (options.replace_conflicts) {
            item.outcome = ImportedRound::Outcome::Replaced;
            store.insert_record(rec, true);
        } else {
            item.outcome = ImportedRound::Outcome::Conflict;
            item.reason = tr(N_("the round differs from the one here"));
        }
    } else {
        item.outcome = ImportedRound::Outcome::Added;
        store.insert_record(rec);
    }
    return item;
}

// One team's quarter merged into the store: new ones added (with the team when it is new
// here), identical ones skipped, differing ones conflicts unless replacing was asked for.
ImportedOutcome import_outcome(Store& store, const OutcomeRecord& rec, const ImportOptions& options) {
    ImportedOutcome item;
    item.team_uuid = rec.team.uuid;
    item.team = rec.team.name;
    item.municipality_code = rec.team.municipality_code;
    item.quarter = rec.outcome.quarter;
    const std::optional<Team> here = store.team_by_uuid(rec.team.uuid);
    if (auto conflict = team_conflict(here, rec.team)) {
        item.outcome = ImportedRound::Outcome::Conflict;
        item.reason = std::move(*conflict);
        return item;
    }
    TeamOutcome o = rec.outcome;
    if (here) {
        o.team_id = here->id;
    } else {
        o.team_id = store.add_team(rec.team.municipality_code, rec.team.name, rec.team.method, rec.team.uuid);
        if (!rec.team.active) {
            Team t = store.team(o.team_id);
            t.active = false;
            store.update_team(t);
        }
    }
    const std::optional<TeamOutcome> mine = store.outcome(o.team_id, o.quarter);
    if (!mine) {
        store.set_outcome(o);
    } else if (mine->summary() == o.summary()) {
        item.outcome = ImportedRound::Outcome::Identical;
    } else if (options.replace_conflicts) {
        item.outcome = ImportedRound::Outcome::Replaced;
        store.set_outcome(o);
    } else {
        item.outcome = ImportedRound::Outcome::Conflict;
        item.reason = format(tr(N_("the outcomes differ from those here ({1})")), {mine->summary()});
    }
    return item;
}

// The import itself, on a store that can be written. A dry run is this same import in a
// transaction that is rolled back, so its verdict cannot differ from the real one.
//
// Rounds are merged as they are read. Whatever goes wrong, the file is read to its end,
// and the verdict is the one a reading of the whole file before any write would give: a
// problem in the file first (every one listed), then a team of a municipality this
// database does not know, then the first round the store refuses.
//
// A cancel (Cancelled, from `progress` after any round) leaves by the same way as any other
// exception: the transaction is rolled back, and the database is as it was.
ImportReport import_stream(Store& store, std::istream& in, const std::string& file_label,
                           const ImportOptions& options, const Progress& progress) {
    ImportReport report;
    report.dry_run = options.dry_run;
    std::optional<ReadPosition> position;
    if (progress) position.emplace(in);
    auto step = [&] { report_progress(progress, position ? position->fraction() : 0.0); };
    step();
    Transaction tx = store.begin();
    std::optional<Error> unknown_municipality;
    std::optional<StoreError> refused;
    // True while writing may go on; false once anything refused the file.
    auto may_write = [&](const Team& team) {
        if (!unknown_municipality && !store.municipality(team.municipality_code))
            unknown_municipality = Error(
                format(tr(N_("{1}: team \"{2}\" belongs to municipality {3}, which this database does not know.")),
                       {file_label, team.name, team.municipality_code}));
        return !unknown_municipality && !refused;  // else nothing more is written; the reading goes on
    };
    auto guarded = [&](auto&& write) {
        try {
            write();
        } catch (const StoreError& e) {
            refused = StoreError(e.kind(), format(tr(N_("{1}: {2} Nothing was imported.")), {file_label, e.what()}));
        }
    };
    exchange::read_rounds(
        in, file_label,
        [&](RoundRecord& rec) {
            if (may_write(rec.team)) guarded([&] { report.rounds.push_back(import_round(store, rec, options)); });
            step();
        },
        [&](OutcomeRecord& rec) {
            if (may_write(rec.team)) guarded([&] { report.outcomes.push_back(import_outcome(store, rec, options)); });
            step();
        });
    if (unknown_municipality) throw *unknown_municipality;
    if (refused) throw *refused;
    report_progress(progress, 1.0);  // a cancel up to here still leaves nothing imported
    if (!options.dry_run) tx.commit();
    return report;
}

}  // namespace

ImportReport import_exchange(Store& store, std::istream& in, const std::string& file_label,
                             const ImportOptions& options, const Progress& progress) {
    try {
        if (!store.read_only()) return import_stream(store, in, file_label, options, progress);
        if (!options.dry_run)
            throw StoreError(StoreError::Kind::ReadOnly,
                             format(tr(N_("The database {1} is open read-only.")), {store.path()}));
        // A database that cannot be written is tried on a private copy.
        Store scratch = store.scratch_copy();
        return import_stream(scratch, in, file_label, options, progress);
    } catch (const std::bad_alloc&) {
        throw Error(format(tr(N_("There is not enough memory to import {1}. Nothing was imported; close other "
                                 "programs, or import the file in parts.")),
                           {file_label}));
    }
}

ImportReport import_exchange(Store& store, std::string_view text, const std::string& file_label,
                             const ImportOptions& options, const Progress& progress) {
    MemoryBuffer buffer(text);
    std::istream in(&buffer);
    return import_exchange(store, in, file_label, options, progress);
}

}  // namespace fidelis
