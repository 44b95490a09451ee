#pragma once
// The scales a user can choose: the built-in definitions plus the files in the user's
// own scales folder. A user file never silently replaces a built-in scale: one with the
// same id and edition but other content is reported and left out.
#include "scales/diagnostic.h"
#include "scales/scale.h"

#include <filesystem>
#include <string>
#include <vector>

namespace fidelis {

enum class ScaleOrigin { BuiltIn, User };

struct ScaleEntry {
    ScalePtr scale;
    std::filesystem::path path;
    ScaleOrigin origin = ScaleOrigin::BuiltIn;
};

struct ScaleFolder {
    std::filesystem::path dir;
    ScaleOrigin origin = ScaleOrigin::BuiltIn;
};

class ScaleLibrary {
public:
    // The built-in folder and the per-user folder (see paths.h).
    static ScaleLibrary discover();
    static ScaleLibrary discover(const std::vector<ScaleFolder>& folders);

    const std::vector<ScaleEntry>& entries() const { return entries_; }
    // Invalid files and conflicts; the valid scales are still usable.
    const std::vector<Diagnostic>& problems() const { return problems_; }

    // The given edition, or the newest edition when `edition` is empty.
    const ScaleEntry* find(const std::string& id, const std::string& edition = {}) const;

private:
    void add_folder(const ScaleFolder& folder);
    std::vector<ScaleEntry> entries_;
    std::vector<Diagnostic> problems_;
};

// "2019" < "2019.1" < "2020"; digit runs compare as numbers.
int compare_editions(const std::string& a, const std::string& b);

}  // namespace fidelis
