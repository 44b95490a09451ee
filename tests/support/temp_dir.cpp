#include "temp_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace fidelis::test {

TempDir::TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "fidelis-test-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace fidelis::test
