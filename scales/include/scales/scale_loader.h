#pragma once
// Reads and validates a scale definition. Validation is complete: every problem in a
// file is reported at once, each with its line and column.
#include "scales/diagnostic.h"
#include "scales/scale.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fidelis {

struct ScaleLoadResult {
    ScalePtr scale;  // null when there is any problem
    std::vector<Diagnostic> problems;
    bool ok() const { return scale != nullptr; }
};

// A definition larger than this is refused before parsing; real ones are ~100 KB.
inline constexpr std::size_t max_scale_file_size = 4 * 1024 * 1024;

ScaleLoadResult load_scale_file(const std::filesystem::path& file);
// `file_label` names the source in diagnostics (a path, or "snapshot of round …").
ScaleLoadResult parse_scale(std::string_view text, const std::string& file_label);

// Line endings normalised and any BOM removed: the text that is hashed and stored.
std::string normalise_definition_text(std::string_view text);

}  // namespace fidelis
