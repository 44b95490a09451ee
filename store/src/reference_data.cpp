#include "store/reference_data.h"

#include "base/error.h"
#include "base/i18n.h"
#include "base/paths.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fidelis {
namespace {

// The files are simple: a header, comma-separated fields, no quoting.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw Error(format(tr(N_("The reference data file {1} is missing; reinstall Fidelis.")), {file.string()}));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
        rows.push_back(std::move(fields));
    }
    return rows;
}

}  // namespace

ReferenceData ReferenceData::load(const std::filesystem::path& dir) {
    ReferenceData data;
    for (const auto& r : read_csv(dir / "se-counties.csv"))
        if (r.size() >= 2) data.counties.push_back(County{r[0], r[1]});
    for (const auto& r : read_csv(dir / "se-municipalities.csv"))
        if (r.size() >= 3) data.municipalities.push_back(Municipality{r[0], r[1], r[2]});
    std::vector<std::filesystem::path> part_files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.size() > 16 && name.compare(name.size() - 16, 16, "county-parts.csv") == 0)
            part_files.push_back(e.path());
    }
    std::sort(part_files.begin(), part_files.end());
    for (const auto& file : part_files) {
        for (const auto& r : read_csv(file)) {
            if (r.size() < 2) continue;
            auto it = std::find_if(data.parts.begin(), data.parts.end(), [&](const CountyPart& p) { return p.name == r[0]; });
            if (it == data.parts.end()) {
                data.parts.push_back(CountyPart{r[0], {}});
                it = data.parts.end() - 1;
            }
            it->municipality_codes.push_back(r[1]);
        }
    }
    return data;
}

ReferenceData ReferenceData::load() { return load(paths::reference_data_dir()); }

}  // namespace fidelis
