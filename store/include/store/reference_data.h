#pragma once
// The Swedish reference data shipped with Fidelis: 21 counties, 290 municipalities with
// their official codes, and county parts. Read from CSV files in the data folder.
#include "store/model.h"

#include <filesystem>
#include <vector>

namespace fidelis {

struct CountyPart {
    std::string name;
    std::vector<std::string> municipality_codes;
};

struct ReferenceData {
    std::vector<County> counties;
    std::vector<Municipality> municipalities;
    std::vector<CountyPart> parts;  // every *county-parts.csv file

    static ReferenceData load(const std::filesystem::path& dir);
    static ReferenceData load();  // from paths::reference_data_dir()
};

}  // namespace fidelis
