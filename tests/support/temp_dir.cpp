// A fresh temporary folder per test, removed with everything in it afterwards.
#include "temp_dir.h"

#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>

namespace fidelis::test {

TempDir::TempDir() {
#ifdef _WIN32
    // Windows has no mkdtemp: a random name, made only if it did not exist.
    std::random_device seed;
    std::mt19937_64 random(seed());
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto p = std::filesystem::temp_directory_path() / ("fidelis-test-" + std::to_string(random() % 1000000000));
        if (std::filesystem::create_directory(p)) {
            path_ = p;
            return;
        }
    }
    throw std::runtime_error("cannot make a temporary folder");
#else
    std::string templ = (std::filesystem::temp_directory_path() / "fidelis-test-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
#endif
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace fidelis::test
