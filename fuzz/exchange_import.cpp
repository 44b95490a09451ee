// Fuzz target for exchange files: fidelis::read_exchange and fidelis::import_exchange into
// a fresh county database. A file may be refused with fidelis::Error; it may not crash,
// hang, leak or throw anything else. Beyond that, these invariants must hold:
//   1. a dry run gives the same verdict as the real import: both refuse, or both accept
//      with the same numbers of added, identical, conflicting and replaced rounds;
//   2. a refused import, and any dry run, leaves the rounds and teams as they were;
//   3. a file that imported without error imports again as "identical", every round;
//   4. what was imported exports to a file that reads back without error.
// Random bytes almost never carry valid SHA-256 digests, so each input that is XML is also
// tried "re-hashed": every scale's hash and every round's and outcome's digest recomputed from the text,
// the way a hostile tester re-signs contradictory content. That lets mutations reach the
// importer itself instead of stopping at the digest check. Under libFuzzer a custom
// mutator (xml_mutator.h) also changes the file's structure and values and re-signs it.
#include "harness.h"
#include "xml_mutator.h"

#include "exchange_format.h"  // store/src: the digest of a round element as written
#include "base/sha256.h"
#include "store/exchange.h"
#include "store/store.h"

#include <pugixml.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

using namespace fidelis;
using fidelis::fuzz::finding;
namespace fs = std::filesystem;

// One database is made per process; each input gets a byte copy of it, which is much
// faster than creating a county with its municipalities every time.
class Databases {
public:
    Databases() {
        const char* shm = "/dev/shm";
        const fs::path base = fs::is_directory(shm) && ::access(shm, W_OK) == 0 ? fs::path(shm) : fs::temp_directory_path();
        std::string pattern = (base / "fidelis-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) finding("cannot make a temporary folder under %s", base.c_str());
        dir_ = pattern;
        template_ = dir_ / "template.fidelis";
        work_ = dir_ / "work.fidelis";
        Store::create(template_.string(), "06");
    }
    ~Databases() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    Store fresh() {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(work_.string() + suffix);
        fs::copy_file(template_, work_);
        return Store::open(work_.string());
    }

private:
    fs::path dir_, template_, work_;
};

Databases& databases() {
    static Databases d;
    return d;
}

struct Verdict {
    bool refused = false;
    std::string message;
    int counts[4] = {0, 0, 0, 0};  // added, identical, conflict, replaced
    std::size_t rounds = 0;
    std::string describe() const {
        if (refused) return "refused: " + message.substr(0, 300);
        std::ostringstream out;
        out << counts[0] << " added, " << counts[1] << " identical, " << counts[2] << " conflicting, " << counts[3]
            << " replaced";
        return out.str();
    }
    bool same_as(const Verdict& o) const {
        if (refused || o.refused) return refused == o.refused;
        for (int i = 0; i < 4; ++i)
            if (counts[i] != o.counts[i]) return false;
        return rounds == o.rounds;
    }
};

Verdict run_import(Store& store, std::string_view text, bool dry_run) {
    Verdict v;
    ImportReport report;
    ImportOptions options;
    options.dry_run = dry_run;
    v.refused = fuzz::refused([&] { report = import_exchange(store, text, "fuzz.xml", options); }, &v.message,
                              dry_run ? "import_exchange (dry run)" : "import_exchange");
    if (v.refused) return v;
    if (report.dry_run != dry_run) finding("import_exchange: the report's dry_run flag is wrong");
    using O = ImportedRound::Outcome;
    const O outcomes[4] = {O::Added, O::Identical, O::Conflict, O::Replaced};
    for (int i = 0; i < 4; ++i) v.counts[i] = report.count(outcomes[i]);
    v.rounds = report.rounds.size();
    return v;
}

struct Census {
    std::size_t rounds = 0, teams = 0;
    bool operator!=(const Census& o) const { return rounds != o.rounds || teams != o.teams; }
};

Census census(Store& store) {
    Census c;
    fuzz::refused([&] { c = Census{store.all_rounds().size(), store.teams().size()}; }, nullptr, "census");
    return c;
}

// FIDELIS_FUZZ_VERBOSE=1 prints each verdict, to see how far inputs get.
const bool verbose = std::getenv("FIDELIS_FUZZ_VERBOSE") != nullptr;

void check_import(std::string_view text, const char* kind) {
    Store store = databases().fresh();
    const Census before = census(store);
    const Verdict dry = run_import(store, text, true);
    if (census(store) != before) finding("a dry run changed the database (%s)", dry.describe().c_str());
    const Verdict real = run_import(store, text, false);
    if (verbose) std::fprintf(stderr, "%s: %s\n", kind, real.describe().c_str());
    if (!dry.same_as(real))
        finding("the dry run said \"%s\" but the import said \"%s\"", dry.describe().c_str(), real.describe().c_str());
    if (real.refused) {
        if (census(store) != before) finding("a refused import changed the database (%s)", real.describe().c_str());
        return;
    }

    const Verdict again = run_import(store, text, false);
    if (again.refused || again.counts[1] != int(real.rounds) || again.rounds != real.rounds)
        finding("a file that imported (%s) does not import again as identical: %s", real.describe().c_str(),
                again.describe().c_str());
    const Verdict again_dry = run_import(store, text, true);
    if (!again_dry.same_as(again))
        finding("importing again: the dry run said \"%s\" but the import said \"%s\"", again_dry.describe().c_str(),
                again.describe().c_str());

    // What came in goes out again, readably.
    std::string exported;
    std::string why;
    if (fuzz::refused(
            [&] {
                std::vector<Id> ids;
                for (const Round& r : store.all_rounds()) ids.push_back(r.id);
                exported = export_rounds(store, ids);
            },
            &why, "export_rounds"))
        finding("imported rounds cannot be exported: %s", why.c_str());
    if (fuzz::refused([&] { read_exchange(exported, "exported.xml"); }, &why, "read_exchange (exported)"))
        finding("the export of imported rounds is refused on reading: %s", why.substr(0, 600).c_str());
}

// Recomputes every scale's hash from its text and every round's digest from the round as
// written; true when any of them changed.
bool resign(pugi::xml_document& doc) {
    pugi::xml_node root = doc.document_element();
    bool changed = false;
    std::map<std::string, std::string> new_hash;
    for (pugi::xml_node s : root.children("scale")) {
        const std::string hash = sha256_hex(s.text().get());
        pugi::xml_attribute a = s.attribute("hash");
        if (!a) a = s.append_attribute("hash");
        if (hash != a.value()) {
            new_hash[a.value()] = hash;
            a.set_value(hash.c_str());
            changed = true;
        }
    }
    for (pugi::xml_node r : root.children("round")) {
        if (pugi::xml_attribute s = r.attribute("scale")) {
            if (const auto it = new_hash.find(s.value()); it != new_hash.end()) s.set_value(it->second.c_str());
        }
        const std::string digest = exchange::digest_of(r);
        pugi::xml_attribute d = r.attribute("digest");
        if (!d) d = r.append_attribute("digest");
        if (digest != d.value()) {
            d.set_value(digest.c_str());
            changed = true;
        }
    }
    // A team's quarterly outcomes (format 2) are signed the same way.
    for (pugi::xml_node o : root.children("outcome")) {
        const std::string digest = exchange::digest_of(o);
        pugi::xml_attribute d = o.attribute("digest");
        if (!d) d = o.append_attribute("digest");
        if (digest != d.value()) {
            d.set_value(digest.c_str());
            changed = true;
        }
    }
    return changed;
}

// The input re-signed; nullopt when it is not XML with an exchange root, or was signed right.
std::optional<std::string> rehashed(std::string_view text) {
    pugi::xml_document doc;
    if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration, pugi::encoding_utf8))
        return std::nullopt;
    if (std::string_view(doc.document_element().name()) != "fidelis-exchange" || !resign(doc)) return std::nullopt;
    return fuzz::XmlMutator::serialise(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fidelis::fuzz::text_of(data, size);
    check_import(text, "as given");
    if (const auto signed_again = rehashed(text)) check_import(*signed_again, "re-hashed");
    return 0;
}

#ifdef FIDELIS_LIBFUZZER
// Mutates the file's structure and values, then signs it again (xml_mutator.h).
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned seed) {
    return fidelis::fuzz::mutate_xml(data, size, max_size, seed, "scale", [](pugi::xml_document& doc) { resign(doc); });
}
#endif
