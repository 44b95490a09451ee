#include "scales/scale_library.h"

#include "base/i18n.h"
#include "base/paths.h"
#include "scales/scale_loader.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace fidelis {

int compare_editions(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && digit(a[ei])) ++ei;
            while (ej < b.size() && digit(b[ej])) ++ej;
            const std::string na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            const auto ta = na.find_first_not_of('0'), tb = nb.find_first_not_of('0');
            const std::string ca = ta == std::string::npos ? "" : na.substr(ta);
            const std::string cb = tb == std::string::npos ? "" : nb.substr(tb);
            if (ca.size() != cb.size()) return ca.size() < cb.size() ? -1 : 1;
            if (const int c = ca.compare(cb)) return c < 0 ? -1 : 1;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j]) return a[i] < b[j] ? -1 : 1;
            ++i;
            ++j;
        }
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

ScaleLibrary ScaleLibrary::discover() {
    return discover({{paths::builtin_scales_dir(), ScaleOrigin::BuiltIn}, {paths::user_scales_dir(), ScaleOrigin::User}});
}

ScaleLibrary ScaleLibrary::discover(const std::vector<ScaleFolder>& folders) {
    ScaleLibrary lib;
    // Built-in folders first, so a user file can never take a built-in's place.
    for (const auto& f : folders)
        if (f.origin == ScaleOrigin::BuiltIn) lib.add_folder(f);
    for (const auto& f : folders)
        if (f.origin == ScaleOrigin::User) lib.add_folder(f);
    return lib;
}

void ScaleLibrary::add_folder(const ScaleFolder& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder.dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder.dir, ec)) {
        if (e.is_regular_file(ec) && e.path().extension() == ".xml") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        ScaleLoadResult r = load_scale_file(file);
        if (!r.ok()) {
            problems_.insert(problems_.end(), r.problems.begin(), r.problems.end());
            continue;
        }
        const ScaleEntry* same = find(r.scale->id, r.scale->edition);
        if (same) {
            if (same->scale->content_hash != r.scale->content_hash) {
                problems_.push_back(Diagnostic{
                    file.string(), 1, 1,
                    format(tr(N_("scale {1} edition {2} differs from {3}, which has the same id and edition; "
                                 "{3} is used. Give this file its own edition to use it.")),
                           {r.scale->id, r.scale->edition, same->path.string()})});
            }
            continue;
        }
        entries_.push_back(ScaleEntry{r.scale, file, folder.origin});
    }
}

const ScaleEntry* ScaleLibrary::find(const std::string& id, const std::string& edition) const {
    const ScaleEntry* best = nullptr;
    for (const auto& e : entries_) {
        if (e.scale->id != id) continue;
        if (!edition.empty()) {
            if (e.scale->edition == edition) return &e;
            continue;
        }
        if (!best || compare_editions(e.scale->edition, best->scale->edition) > 0) best = &e;
    }
    return best;
}

}  // namespace fidelis
